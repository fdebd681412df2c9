"""The desktop bundle's entry point (PyInstaller freezes this script; see packaging/build_bundle.py).

One executable, three roles:
- `thinktwice-review [options]`: the desktop app (ui.app.run), `--self-test` included;
- `thinktwice ...` (a link to the same executable, Linux and macOS): the command line;
- `thinktwice-review -m MODULE ...`: what the transcription runner starts as its child process. Outside a
  bundle that is `python -m transcribe.worker`; in a bundle `sys.executable` is this program, so it has to
  understand `-m` itself.
The speech model ships pre-assembled inside the bundle; THINKTWICE_CACHE_DIR points there unless the user set it.
"""

from __future__ import annotations

import os
import runpy
import sys
from pathlib import Path


def _bundle_dir() -> Path:
    return Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent))


def _console_on_windows() -> None:
    """A windowed Windows build has no stdout: borrow the console it was started from, for --self-test."""
    if sys.platform == "win32" and sys.stdout is None:  # untested here (see packaging/README.md)
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):
            sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 (lives as long as the process)
            sys.stderr = sys.stdout


def main() -> int:
    models = _bundle_dir() / "models"
    if models.is_dir():
        os.environ.setdefault("THINKTWICE_CACHE_DIR", str(models))
    _console_on_windows()
    if len(sys.argv) >= 3 and sys.argv[1] == "-m":
        module, sys.argv = sys.argv[2], [sys.argv[0], *sys.argv[3:]]
        runpy.run_module(module, run_name="__main__", alter_sys=True)
        return 0
    if Path(sys.argv[0]).stem == "thinktwice":
        from reviewer.cli import main as cli_main

        return cli_main(sys.argv[1:])
    from ui.app import run

    return run(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(main())
