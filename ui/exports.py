"""Report and export actions for the window: PDF writing happens on a pool thread, never the GUI thread.

Each job opens its own connection to the same database (`Services.for_thread`: an SQLite connection belongs
to its thread), renders, and writes the file atomically; the result comes back as a signal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reviewer.errors import UserError
from reviewer.fileio import write_bytes_atomic
from reviewer.review.exports import campaign_pdf, export_bytes, video_pdf
from reviewer.review.services import Services
from transcribe.errors import TranscribeError


class _Signals(QObject):
    done = Signal(str)  # path
    failed = Signal(str)  # message


class _ExportJob(QRunnable):
    def __init__(self, services: Services, produce: Callable[[Services], bytes], path: str,
                 signals: _Signals) -> None:
        super().__init__()
        self.services, self.produce, self.path, self.signals = services, produce, path, signals

    def run(self) -> None:
        services = None
        try:
            services = self.services.for_thread()
            write_bytes_atomic(self.path, self.produce(services))
        except (UserError, TranscribeError, OSError) as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # the message to the user, the traceback to the log
            import logging

            logging.getLogger("thinktwice").exception("export failed")
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(self.path)
        finally:
            if services is not None:
                services.store.close()


class Exporter(QObject):
    done = Signal(str)
    failed = Signal(str)

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._signals = _Signals()
        self._signals.done.connect(self.done)
        self._signals.failed.connect(self.failed)

    def _start(self, produce: Callable[[Services], bytes], path: str) -> None:
        self.pool.start(_ExportJob(self.services, produce, path, self._signals))

    def video_report(self, video_id: int, path: str) -> None:
        self._start(lambda services: video_pdf(services, video_id), path)

    def campaign_report(self, campaign: str | None, path: str) -> None:
        self._start(lambda services: campaign_pdf(services, campaign), path)

    def campaign_csv(self, campaign: str | None, path: str) -> None:
        self._start(lambda services: export_bytes(services, None, campaign, "csv"), path)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.pool.waitForDone(msecs)
