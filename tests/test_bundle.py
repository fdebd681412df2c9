"""The desktop bundle, as a user gets it: built by packaging/build_bundle.py, unpacked from its .tar.gz, run offline.

Slow (a few minutes: PyInstaller, then compressing a few hundred MB), so it is marked `bundle`; `.ci/run` runs
it as its own step after the README's test command (see the README's Desktop bundle section).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = [pytest.mark.bundle, pytest.mark.skipif(not sys.platform.startswith("linux"),
                                                     reason="the bundle is built and tested on Linux only")]
NAME = "thinktwice-review"


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundle")
    build = subprocess.run([sys.executable, "packaging/build_bundle.py", "--dist", str(out / "dist"),
                            "--work", str(out / "work")], cwd=REPO, capture_output=True, text=True, timeout=3600)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    archives = list((out / "dist").glob(f"{NAME}-*-linux-*.tar.gz"))
    assert len(archives) == 1, build.stdout
    with tarfile.open(archives[0]) as tar:
        tar.extractall(out / "unpacked", filter="tar")
    return out / "unpacked" / NAME


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """A user's environment: no checkout on the path, no display, their own (empty) home and caches."""
    keep = ("PATH", "LANG", "LC_ALL", "TMPDIR")
    env = {k: v for k, v in os.environ.items() if k in keep}
    home.mkdir(parents=True, exist_ok=True)
    env.update(HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CONFIG_HOME=str(home / ".config"), **extra)
    return env


def test_bundle_self_test_passes_offline_with_its_own_model(bundle: Path, tmp_path: Path) -> None:
    if subprocess.run(["unshare", "-n", "true"]).returncode != 0:
        pytest.skip("unshare -n is not available here (needs root or user namespaces)")
    env = user_env(tmp_path / "home", QT_QPA_PLATFORM="offscreen", TMPDIR=str(tmp_path))
    result = subprocess.run(["unshare", "-n", str(bundle / NAME), "--self-test"], capture_output=True, text=True,
                            cwd=tmp_path, env=env, timeout=900)
    assert result.returncode == 0, result.stdout + result.stderr
    steps = [line for line in result.stdout.splitlines() if line.startswith(("✓", "✗"))]
    assert len(steps) == 4
    assert all(line.startswith("✓") for line in steps)
    assert f"{bundle}/_internal/models/whisper-base" in steps[0]  # the model that ships inside, not a download
    assert "found 'ugly'" in steps[2]
    assert not (tmp_path / "home" / ".cache" / "thinktwice-review" / "whisper-base").exists()


def test_bundle_commands_report_their_version(bundle: Path, tmp_path: Path) -> None:
    env = user_env(tmp_path / "home")
    gui = subprocess.run([str(bundle / NAME), "--version"], capture_output=True, text=True, env=env, timeout=120)
    cli = subprocess.run([str(bundle / "thinktwice"), "--version"], capture_output=True, text=True, env=env,
                         timeout=120)
    assert gui.stdout.strip() == "thinktwice-review 0.1.0"
    assert cli.stdout.strip() == "thinktwice 0.1.0"


def test_bundle_opens_its_window(bundle: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = user_env(tmp_path / "home", QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen([str(bundle / NAME), "--data-dir", str(data)], env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    log = data / "thinktwice.log"
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and process.poll() is None:
            if log.exists() and "main window shown" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.2)
        alive = process.poll() is None
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=30)
    assert alive, stderr
    assert "main window shown" in log.read_text(encoding="utf-8")
    assert "Traceback" not in log.read_text(encoding="utf-8")


def test_bundle_is_lean_and_complete(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (internal / "models" / "whisper-base" / "model.bin").stat().st_size == 145_217_532
    assert (internal / "assets" / "i18n" / "thinktwice_ms.qm").is_file()
    assert list((internal / "assets" / "terms").glob("*.csv"))
    assert (bundle / f"{NAME}.desktop").is_file()
    assert (bundle / f"{NAME}.png").is_file()
    wordfreq = {p.name for p in (internal / "wordfreq" / "data").iterdir()}
    assert wordfreq
    assert all(name.endswith(("_en.msgpack.gz", "_ms.msgpack.gz")) for name in wordfreq)
    names = {p.name for p in internal.rglob("*")}
    assert not {n for n in names if "WebEngine" in n or "Qt63D" in n or n.startswith("libQt6Quick3D")}
    assert not {n for n in names if n in ("pytest", "_pytest", "hypothesis", "tkinter", "hf_xet")}
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
