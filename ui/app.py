"""Application start-up: build the core services once, hand them to the window, run the event loop."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from reviewer.errors import UserError
from reviewer.paths import default_db_path, log_path
from reviewer.review.services import Services
from ui.settings import AppSettings

if TYPE_CHECKING:
    from ui.main_window import MainWindow


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


def build_window(db_path: str | None = None, settings: AppSettings | None = None, qsettings: QSettings | None = None,
                 services: Services | None = None) -> MainWindow:
    """Create the services and the main window (separate from `run` so tests and benchmarks can use it).

    The GUI thread uses `services`; each background job opens its own connection to the same database from
    it (`Services.for_thread`), so every thread works with the same transcriber and lists.
    """
    from ui.exports import Exporter
    from ui.main_window import MainWindow
    from ui.work_queue import WorkQueue

    settings = settings or AppSettings.load(qsettings)
    if settings.data_folder and not db_path:
        os.environ["THINKTWICE_DATA_DIR"] = settings.data_folder
    path = db_path or str(default_db_path())
    services = services or Services.open(path)
    work = WorkQueue(services)
    return MainWindow(services, work, settings, qsettings, Exporter(work))


def run(argv: Sequence[str] | None = None) -> int:
    _configure_logging()
    # Qt Multimedia reports every optional hardware decoder it could not load; useful to Qt developers,
    # alarming to a reviewer who started the app from a terminal.
    os.environ.setdefault("QT_LOGGING_RULES", "qt.multimedia.symbolsresolver=false;qt.multimedia.ffmpeg=false")
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName("ThinkTwice Review")
    app.setOrganizationName("ThinkTwice")
    try:
        window = build_window()
    except UserError as exc:
        QMessageBox.critical(None, "ThinkTwice Review", str(exc))
        return 2
    window.show()
    return app.exec()
