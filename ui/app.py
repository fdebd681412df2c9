"""Application start-up: build the core services once, hand them to the window, run the event loop."""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication

from reviewer.paths import log_path
from ui.transcribe_window import TranscribeWindow


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


def run(argv: Sequence[str] | None = None) -> int:
    _configure_logging()
    app = QApplication.instance() or QApplication(list(argv if argv is not None else sys.argv))
    app.setApplicationName("ThinkTwice Review")
    app.setOrganizationName("ThinkTwice")
    window = TranscribeWindow()
    window.show()
    return app.exec()
