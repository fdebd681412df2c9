"""Build the desktop bundle: a PyInstaller one-folder app that needs no Python, then an archive of it.

    python packaging/build_bundle.py [--dist DIR] [--work DIR] [--no-archive]

Run it from a checkout with the app's dependencies and PyInstaller installed (`pip install ".[test]"` has
both). The same script builds on Linux (`.tar.gz`), Windows and macOS (`.zip`); only the Linux build is built
and tested here. The bundle holds the assembled speech model (so first start needs no assembly), fonts,
translations (compiled to .qm), term lists, word lists, the self-test clip, the icon and, on Linux, the
`.desktop` file and a `thinktwice` link for the command line. rapidocr's models are included once our code uses
rapidocr. Qt modules we never import (QtWebEngine, Qt3D, QtQuick3D, charts...) are left out by PyInstaller's
import analysis; test tools are excluded explicitly.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # build from the checkout, installed or not

NAME = "thinktwice-review"
OUR_PACKAGES = ("reviewer", "transcribe", "reports", "ui", "assets")
WORDFREQ_LANGUAGES = ("en", "ms")  # wordfreq ships 40+ languages (58 MB); the checker reads two
EXCLUDED_MODULES = ("tkinter", "pytest", "_pytest", "hypothesis", "pypdf", "ruff", "mypy", "importlinter",
                    "IPython", "matplotlib", "PyInstaller",
                    "hf_xet")  # huggingface_hub's download accelerator: we never download
# Collected by PyInstaller's Qt hooks but never used: Qt's own UI translations (none is Malay) and the
# on-screen keyboard input method with its QML libraries.
UNUSED_QT = ("PySide6/Qt/translations", "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
             "libQt6VirtualKeyboard.so.6", "libQt6VirtualKeyboardQml.so.6")


def _sep() -> str:
    return ";" if sys.platform == "win32" else ":"


def _project_uses(module: str) -> bool:
    return any(module in path.read_text(encoding="utf-8", errors="ignore")
               for package in OUR_PACKAGES for path in (ROOT / package).rglob("*.py"))


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"build_bundle: {name} is not installed; pip install '.[test]' first")
    return Path(next(iter(spec.submodule_search_locations)))


def stage_data(stage: Path) -> list[tuple[Path, str]]:
    """(source, folder inside the bundle) pairs: model, compiled translations, wordfreq's two languages, OCR."""
    from transcribe.model import BUNDLED_MODEL_NAME, assemble_bundled_model
    from ui.i18n import LANGUAGES, _tool, ts_path

    data: list[tuple[Path, str]] = []
    model = assemble_bundled_model(stage / "models")  # joined and SHA-256-checked, as on first use
    data.append((model, f"models/{BUNDLED_MODEL_NAME}"))
    for code in LANGUAGES:
        if code == "en":
            continue
        qm = stage / f"thinktwice_{code}.qm"
        subprocess.run([_tool("lrelease"), str(ts_path(code)), "-qm", str(qm)], check=True, capture_output=True)
        data.append((qm, "assets/i18n"))
    wordfreq = _package_dir("wordfreq") / "data"
    data += [(path, "wordfreq/data") for path in sorted(wordfreq.iterdir())
             if any(path.name.endswith(f"_{lang}.msgpack.gz") for lang in WORDFREQ_LANGUAGES)]
    if _project_uses("rapidocr") and importlib.util.find_spec("rapidocr") is not None:
        from PyInstaller.utils.hooks import collect_data_files

        data += [(Path(src), dest) for src, dest in collect_data_files("rapidocr")]
    return data


def pyinstaller_args(stage: Path, dist: Path, work: Path) -> list[str]:
    args = [str(ROOT / "packaging" / "bundle_entry.py"), "--name", NAME, "--onedir", "--noconfirm", "--clean",
            "--distpath", str(dist), "--workpath", str(work), "--specpath", str(work), "--paths", str(ROOT),
            "--collect-data", "assets", "--collect-data", "faster_whisper", "--collect-data", "reportlab",
            "--log-level", "WARN"]
    for package in OUR_PACKAGES:  # the app imports some modules lazily (the CLI, the worker): take them all
        args += ["--collect-submodules", package]
    for module in EXCLUDED_MODULES:
        args += ["--exclude-module", module]
    for source, target in stage_data(stage):
        args += ["--add-data", f"{source}{_sep()}{target}"]
    icons = ROOT / "assets" / "icons"
    if sys.platform == "win32":
        args += ["--windowed", "--icon", str(icons / f"{NAME}.ico")]
    elif sys.platform == "darwin":
        args += ["--windowed", "--icon", str(icons / f"{NAME}.icns"),
                 "--osx-bundle-identifier", "org.thinktwice.review"]
    return args


def slim(folder: Path) -> int:
    """Remove what is never used, and debug sections (ctranslate2 ships 66 MB of them); returns bytes saved."""
    before = folder_size(folder)
    internal = folder / "_internal" if (folder / "_internal").is_dir() else folder
    for relative in UNUSED_QT:
        target = internal / relative
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    strip = shutil.which("strip") if sys.platform.startswith("linux") else None
    if strip:
        for path in internal.rglob("*.so*"):
            if path.is_file() and not path.is_symlink() and _has_debug_info(path):
                subprocess.run([strip, "--strip-debug", str(path)], check=True, capture_output=True)
    return before - folder_size(folder)


def _has_debug_info(path: Path) -> bool:
    sections = subprocess.run(["readelf", "-S", "-W", str(path)], capture_output=True, text=True).stdout
    return ".debug_info" in sections


def finish_linux(folder: Path) -> None:
    """Desktop entry, icon and the `thinktwice` command beside the executable."""
    shutil.copy2(ROOT / "packaging" / f"{NAME}.desktop", folder / f"{NAME}.desktop")
    shutil.copy2(ROOT / "assets" / "icons" / f"{NAME}-256.png", folder / f"{NAME}.png")
    link = folder / "thinktwice"
    if not link.exists():
        link.symlink_to(NAME)
    (folder / "INSTALL.txt").write_text(
        "ThinkTwice Review, desktop bundle (no Python needed).\n\n"
        f"Start:      ./{NAME}\n"
        f"Self-test:  ./{NAME} --self-test\n"
        "Commands:   ./thinktwice --help\n\n"
        "Menu entry: edit Exec= and Icon= in the .desktop file to this folder's full paths, then copy it to\n"
        "            ~/.local/share/applications/\n"
        "Qt still needs the system's X11/Wayland libraries; if one is missing the app names it and prints the\n"
        "apt-get line.\n", encoding="utf-8")


def archive(folder: Path, version: str) -> Path:
    machine = platform.machine().lower() or "unknown"
    system = {"linux": "linux", "win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    base = folder.parent / f"{NAME}-{version}-{system}-{machine}"
    if sys.platform.startswith("linux"):
        target = base.with_name(base.name + ".tar.gz")
        with tarfile.open(target, "w:gz", compresslevel=1) as tar:  # level 6 saves 6% (387 vs 411 MB), much slower
            tar.add(folder, arcname=folder.name)
        return target
    return Path(shutil.make_archive(str(base), "zip", folder.parent, folder.name))


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="build_bundle.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "bundle", help="PyInstaller's work folder")
    parser.add_argument("--no-archive", action="store_true", help="leave the folder, skip the .tar.gz / .zip")
    args = parser.parse_args(argv)
    import PyInstaller.__main__

    from reviewer import __version__

    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="thinktwice-bundle-") as stage:
        PyInstaller.__main__.run(pyinstaller_args(Path(stage), args.dist.resolve(), args.work.resolve()))
    folder = args.dist.resolve() / NAME
    saved = slim(folder)
    if sys.platform.startswith("linux"):
        finish_linux(folder)
    built = time.perf_counter() - started
    print(f"bundle: {folder} ({folder_size(folder) / 1e6:.0f} MB, {saved / 1e6:.0f} MB slimmed) built in {built:.0f} s")
    if not args.no_archive:
        target = archive(folder, __version__)
        packed = time.perf_counter() - started - built
        print(f"archive: {target} ({target.stat().st_size / 1e6:.0f} MB) in {packed:.0f} s")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.exit(main())
