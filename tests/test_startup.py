"""Start-up explains itself: missing system libraries, no display, a broken database, any other failure.

The missing-library cases are real: the libraries are hidden from the dynamic loader (tests.helpers.
without_libraries), and the app runs in a fresh interpreter, exactly as on a minimal Debian.
"""

from __future__ import annotations

import os
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.helpers import without_libraries
from ui import preflight

XCB_LIBS = ["libxcb-icccm.so.4", "libxcb-keysyms.so.1"]


@cache
def _can_hide_libraries() -> str:
    """'' when this machine can run a command with libraries hidden, else why not."""
    if sys.platform != "linux" or os.geteuid() != 0:
        return "hiding libraries needs Linux and root (a private mount namespace with an overlay)"
    scratch = Path(f"/tmp/tt-hide-probe-{os.getpid()}")
    probe = subprocess.run([*without_libraries(["libpulse.so.0"], str(scratch)), "true"], capture_output=True,
                           text=True)
    return "" if probe.returncode == 0 else f"overlay mount failed: {probe.stderr.strip()}"


@pytest.fixture
def hide(tmp_path: Path):
    reason = _can_hide_libraries()
    if reason:
        pytest.skip(reason)
    return lambda sonames: without_libraries(sonames, str(tmp_path / "overlay"))


def app(*args: str, prefix: list[str] | None = None, env: dict[str, str] | None = None,
        code: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python main.py ARGS` (or `python -c CODE`) from the checkout in a fresh interpreter."""
    command = [sys.executable, "-c", code] if code else [sys.executable, "main.py", *args]
    return subprocess.run([*(prefix or []), *command], capture_output=True, text=True, cwd=REPO,
                          env={**os.environ, **(env or {})}, timeout=120)


def one_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    return lines[0]


def test_version_help_and_usage_errors_need_no_qt() -> None:
    code = ("import importlib.abc, sys\n"
            "class NoQt(importlib.abc.MetaPathFinder):\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] == 'PySide6': raise ImportError('no Qt here')\n"
            "sys.meta_path.insert(0, NoQt())\n"
            "from ui.app import run\n"
            "sys.exit(run(sys.argv[1:]))\n")
    version = subprocess.run([sys.executable, "-c", code, "--version"], capture_output=True, text=True, cwd=REPO)
    assert (version.returncode, version.stdout.strip()) == (0, "thinktwice-review 0.1.0")
    helped = subprocess.run([sys.executable, "-c", code, "--help"], capture_output=True, text=True, cwd=REPO)
    assert helped.returncode == 0
    for option in ("--db PATH", "--data-dir DIR", "--self-test", "--version"):
        assert option in helped.stdout
    wrong = app("--nonsense")
    assert wrong.returncode == 2
    assert one_line(wrong.stderr) == ("thinktwice-review: unrecognized arguments: --nonsense; "
                                      "see 'thinktwice-review --help'")


def test_cli_version(run_cli) -> None:
    assert run_cli("--version") == (0, "thinktwice 0.1.0\n", "")


def test_missing_platform_libraries_name_the_packages_and_exit_2(hide, tmp_path: Path) -> None:
    recorder = tmp_path / "bin"
    recorder.mkdir()
    (recorder / "zenity").write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {tmp_path}/dialog.txt\n')
    (recorder / "zenity").chmod(0o755)
    result = app(prefix=hide(XCB_LIBS), env={"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":93",
                                             "PATH": f"{recorder}:{os.environ['PATH']}"})
    assert result.returncode == 2, result.stderr
    line = one_line(result.stderr)
    assert line == ("thinktwice-review: Qt's window system plugin (xcb) cannot load: missing system libraries "
                    "libxcb-icccm.so.4, libxcb-keysyms.so.1. Install with: "
                    "sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1")
    dialog = (tmp_path / "dialog.txt").read_text()
    assert "--error" in dialog
    assert "sudo apt-get install -y libxcb-icccm4 libxcb-keysyms1" in dialog


def test_without_qt_multimedia_the_app_starts_with_a_notice(hide, tmp_path: Path) -> None:
    """libpulse.so.0 missing: the window opens; the player is a notice saying why and how to fix it."""
    code = ("import sys\n"
            "from PySide6.QtCore import QTimer\n"
            "from PySide6.QtWidgets import QApplication\n"
            "from ui.app import run\n"
            "qapp = QApplication(['thinktwice-review'])\n"
            "def look():\n"
            "    window = next(w for w in qapp.topLevelWidgets() if type(w).__name__ == 'MainWindow')\n"
            "    player = window.review.player\n"
            "    player.seek(1.5)\n"
            "    print(type(player).__name__, '|', player.detail.text(), '|', window.review.tabs.count())\n"
            f"    window.grab().save({str(tmp_path / 'notice.png')!r})\n"
            "    qapp.quit()\n"
            "QTimer.singleShot(0, look)\n"
            "sys.exit(run([]))\n")
    result = app(prefix=hide(["libpulse.so.0"]), code=code, env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    kind, detail, tabs = (part.strip() for part in result.stdout.strip().split("|"))
    assert kind == "PlayerNotice"
    assert "libpulse.so.0" in detail
    assert "sudo apt-get install -y libpulse0" in detail
    assert tabs == "3"  # findings, comments, decision are all there
    ours = [line for line in result.stderr.splitlines() if line.startswith("thinktwice-review:")]
    assert len(ours) == 1
    assert "the video player is off" in ours[0]
    assert (tmp_path / "notice.png").stat().st_size > 10_000


def test_no_display_says_so_and_points_at_the_self_test() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "main.py"], capture_output=True, text=True, cwd=REPO, env=env,
                            timeout=60)
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert "no display" in line
    assert "thinktwice-review --self-test" in line


def test_a_database_that_cannot_open_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = app("--db", str(tmp_path), env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    assert one_line(result.stderr).startswith(f"thinktwice-review: cannot open the database {tmp_path}")


def test_any_other_start_up_failure_prints_the_log_path(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code = ("import sys\n"
            "from reviewer.review import services\n"
            "def broken(*args, **kwargs): raise RuntimeError('disk on fire')\n"
            "services.Services.open = broken\n"
            "from ui.app import run\n"
            "sys.exit(run(['--data-dir', sys.argv[1]]))\n")
    result = subprocess.run([sys.executable, "-c", code, str(data)], capture_output=True, text=True, cwd=REPO,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, timeout=60)
    assert result.returncode == 1
    log = data / "thinktwice.log"
    assert one_line(result.stderr) == (f"thinktwice-review: could not start (RuntimeError: disk on fire); "
                                       f"details in {log}")
    assert "Traceback" in log.read_text(encoding="utf-8")


def test_preflight_finds_nothing_missing_here_and_parses_platforms() -> None:
    assert preflight.check_platform({"QT_QPA_PLATFORM": "offscreen"}) is None
    assert preflight.check_multimedia() is None
    assert preflight.platform_names({"QT_QPA_PLATFORM": "wayland;xcb"}) == ["wayland", "xcb"]
    assert preflight.platform_names({"QT_QPA_PLATFORM": "vnc:size=800x600"}) == ["vnc"]
    assert preflight.platform_names({"XDG_SESSION_TYPE": "wayland"}) == ["wayland", "xcb"]
    assert preflight.platform_names({}) == ["xcb"]
    assert not preflight.display_available({"QT_QPA_PLATFORM": "xcb"})
    assert preflight.display_available({"QT_QPA_PLATFORM": "offscreen"})


def test_an_unknown_library_falls_back_to_the_whole_list() -> None:
    missing = preflight.Missing("Qt Multimedia", ("libpulse.so.0", "libsomething-new.so.7"))
    assert missing.packages == preflight.ALL_PACKAGES
    assert preflight.Missing("Qt Multimedia", ("libpulse.so.0",)).apt_line == "sudo apt-get install -y libpulse0"


def test_library_table_matches_the_debian_package_list() -> None:
    """Every package the start-up check can name is in the README's list, and every library package in it is named."""
    listed = set((REPO / "packaging" / "debian-packages.txt").read_text(encoding="utf-8").split())
    named = set(preflight.LIBRARY_PACKAGES.values())
    assert named <= listed
    assert listed - named == {"python3", "python3-venv"}


def _needed(binary: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(binary)], capture_output=True, text=True, check=True).stdout
    return [line.split("[")[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]


def test_qt_plugins_need_only_listed_libraries() -> None:
    """Every system library the xcb and Wayland plugins and Qt Multimedia load, through any of PySide6's own
    libraries, is in the table (so in the Debian list), or comes with every Debian system (libc, libstdc++...)."""
    qt = preflight.qt_folder()
    assert qt is not None
    todo = [qt / "plugins" / "platforms" / "libqxcb.so", qt / "plugins" / "platforms" / "libqwayland.so",
            qt / "plugins" / "multimedia" / "libffmpegmediaplugin.so", *qt.parent.glob("QtMultimedia*.so"),
            *(qt / "plugins" / "xcbglintegrations").glob("*.so")]
    essential = {"ld-linux-x86-64.so.2", "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1",
                 "libresolv.so.2", "libstdc++.so.6", "libgcc_s.so.1", "libz.so.1", "libzstd.so.1", "libbz2.so.1.0",
                 "libbz2.so.1"}
    seen: set[Path] = set()
    system: set[str] = set()
    while todo:
        binary = todo.pop()
        if binary in seen:
            continue
        seen.add(binary)
        for soname in _needed(binary):
            ours = [path for path in (qt / "lib" / soname, qt.parent / soname,
                                     qt.parent.parent / "shiboken6" / soname) if path.exists()]
            todo += ours
            if not ours:
                system.add(soname)
    assert len(seen) > 10
    assert system - essential - set(preflight.LIBRARY_PACKAGES) == set()


def test_native_dialog_uses_zenity_when_a_display_exists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "zenity").write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {tmp_path}/args.txt\n')
    (tmp_path / "zenity").chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    assert not preflight.show_native_dialog("Title", "text")  # no display: nobody would see it
    monkeypatch.setenv("DISPLAY", ":5")
    assert preflight.show_native_dialog("Title", "missing libpulse.so.0")
    assert (tmp_path / "args.txt").read_text().splitlines() == ["--error", "--no-markup", "--title=Title",
                                                                 "--text=missing libpulse.so.0"]
