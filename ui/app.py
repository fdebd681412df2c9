"""Application start-up: read the command line, check the system, build the core services once, run the window.

Qt is imported only after `ui.preflight` has checked that its plugins can load: a missing system library
must become one sentence with the `apt-get install` line, not an abort from inside Qt or an ImportError.
`--version`, `--help` and `--self-test` never load Qt at all, so they work without a display.
No start-up failure is silent: each prints one line on stderr (and the log file keeps any traceback).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, cast

from reviewer import __version__
from reviewer.errors import UserError
from reviewer.paths import default_db_path, log_path
from ui import preflight

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QIcon

    from reviewer.review.services import Services
    from ui.main_window import MainWindow
    from ui.settings import AppSettings

PROG = "thinktwice-review"
TITLE = "ThinkTwice Review"
EXIT_FAILED, EXIT_USAGE = 1, 2
HEADLESS_PLATFORMS = ("offscreen", "minimal")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line and exit 2, like the `thinktwice` command line
        self.exit(EXIT_USAGE, f"{self.prog}: {message}; see '{self.prog} --help'\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description=f"{TITLE}: the desktop app. Qt's own options (-platform, -style, "
                     "...) are passed on to Qt.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--db", metavar="PATH", help="review database file (default: in the data folder)")
    parser.add_argument("--data-dir", metavar="DIR", help="data folder: database and log (overrides Settings)")
    parser.add_argument("--self-test", action="store_true",
                        help="check this install offline and without a display (model, speech, checks, PDF), "
                             "print each step, and exit")
    return parser


def parse_args(argv: Sequence[str]) -> tuple[argparse.Namespace, list[str]]:
    """Our options, and the rest for Qt (single-dash options such as -platform); an unknown --option is an error."""
    parser = build_parser()
    args, rest = parser.parse_known_args(list(argv))
    unknown = [arg for arg in rest if arg.startswith("--")]
    if unknown:
        parser.error(f"unrecognized arguments: {' '.join(unknown)}")
    return args, rest


def _configure_logging() -> None:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        logging.basicConfig(filename=path, level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    except OSError:
        logging.basicConfig(level=logging.WARNING)

    def log_uncaught(kind, value, tb):  # a traceback goes to the log file, never to the user
        logging.getLogger("thinktwice").error("uncaught exception", exc_info=(kind, value, tb))

    sys.excepthook = log_uncaught


def say(message: str) -> None:
    """One line on stderr, and the same in the log file."""
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)
    logging.getLogger("thinktwice").warning(message)


def app_icon() -> QIcon:
    from PySide6.QtGui import QIcon

    from assets import asset_path

    icon = QIcon(str(asset_path("icons", "thinktwice-review.svg")))
    for png in sorted(asset_path("icons").glob("thinktwice-review-*.png")):
        icon.addFile(str(png))
    return icon


def register_fonts() -> list[str]:
    """Add the bundled emoji font (the one the PDFs embed) to Qt's fonts and name it as an emoji fallback, so an
    emoji in a reviewer's or a file's name is drawn, not a tofu box, on machines without an emoji font.
    Once per process; returns the families added."""
    from PySide6.QtGui import QFontDatabase

    from assets import asset_path

    global _FONTS  # noqa: PLW0603 (Qt's font database is process-wide too)
    if _FONTS is None:
        font_id = QFontDatabase.addApplicationFont(str(asset_path("fonts", "NotoEmoji-Regular.ttf")))
        _FONTS = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        for family in _FONTS if hasattr(QFontDatabase, "addApplicationEmojiFontFamily") else ():  # Qt >= 6.9
            QFontDatabase.addApplicationEmojiFontFamily(family)
    return _FONTS


_FONTS: list[str] | None = None


def build_window(db_path: str | None = None, settings: AppSettings | None = None, qsettings: QSettings | None = None,
                 services: Services | None = None, player_problem: str | None = None,
                 data_dir: str | None = None) -> MainWindow:
    """Create the services and the main window (separate from `run` so tests and benchmarks can use it).

    The GUI thread uses `services`; each background job opens its own connection to the same database from
    it (`Services.for_thread`), so every thread works with the same transcriber and lists.
    `player_problem` says why Qt Multimedia cannot load: the player is then replaced by a notice.
    """
    from reviewer.review.services import Services
    from ui.exports import Exporter
    from ui.main_window import MainWindow
    from ui.player_notice import open_player
    from ui.settings import AppSettings
    from ui.work_queue import WorkQueue

    register_fonts()
    settings = settings or AppSettings.load(qsettings)
    if settings.data_folder and not db_path and not data_dir:
        os.environ["THINKTWICE_DATA_DIR"] = settings.data_folder
    path = db_path or str(default_db_path())
    services = services or Services.open(path)
    work = WorkQueue(services)
    return MainWindow(services, work, settings, qsettings, Exporter(work), player=open_player(player_problem))


def _run_window(args: argparse.Namespace, qt_args: list[str], player_problem: str | None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    # Qt Multimedia reports every optional hardware decoder it could not load; useful to Qt developers,
    # alarming to a reviewer who started the app from a terminal.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg=false")
    app = cast(QApplication, QApplication.instance() or QApplication([sys.argv[0] if sys.argv else PROG, *qt_args]))
    app.setApplicationName(TITLE)
    app.setOrganizationName("ThinkTwice")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(PROG)
    app.setWindowIcon(app_icon())
    try:
        window = build_window(args.db, player_problem=player_problem, data_dir=args.data_dir)
    except UserError as exc:
        say(str(exc))
        if QApplication.platformName() not in HEADLESS_PLATFORMS:
            QMessageBox.critical(None, TITLE, str(exc))
        return EXIT_USAGE
    from reviewer.review.checking import freeze_long_lived

    freeze_long_lived()  # the window built the checker (the script page holds it)
    window.show()
    logging.getLogger("thinktwice").info("main window shown (version %s, Qt platform %s)", __version__,
                                         QApplication.platformName())
    return app.exec()


def run(argv: Sequence[str] | None = None) -> int:
    """The `thinktwice-review` command. `argv` excludes the program name (default: sys.argv[1:])."""
    try:
        args, qt_args = parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exit_request:  # --help, --version, or a usage error already printed as one line
        return int(exit_request.code or 0)
    if args.data_dir:
        os.environ["THINKTWICE_DATA_DIR"] = str(Path(args.data_dir).expanduser().resolve())
    if args.self_test:
        from reviewer.review.self_test import print_self_test

        return print_self_test(lambda line: print(line, flush=True), sys.stdout.encoding)
    _configure_logging()
    try:
        platform = preflight.check_platform()
        if platform is not None:
            say(platform.sentence())
            preflight.show_native_dialog(TITLE, platform.sentence())
            return preflight.EXIT_MISSING_LIBRARY
        if not preflight.display_available():
            say("no display to open a window on (neither DISPLAY nor WAYLAND_DISPLAY is set); start it from a "
                f"desktop session, or check the install without a display with: {PROG} --self-test")
            return EXIT_USAGE
        multimedia = preflight.check_multimedia()
        if multimedia is not None:
            say(f"the video player is off. {multimedia.sentence()}")
        return _run_window(args, qt_args, multimedia.sentence() if multimedia else None)
    except Exception as exc:
        logging.getLogger("thinktwice").exception("start-up failed")
        print(f"{PROG}: could not start ({type(exc).__name__}: {exc}); details in {log_path()}", file=sys.stderr,
              flush=True)
        return EXIT_FAILED
