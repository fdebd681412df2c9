"""Report and export actions for the window: jobs on the work queue's export lane, never on the GUI thread.

Each job renders with its own connection (see ui/work_queue.py) and writes the file atomically; `done`
and `failed` report only this exporter's jobs.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from reviewer.fileio import write_bytes_atomic
from reviewer.review.exports import campaign_pdf, export_bytes, feedback_bytes, video_pdf
from reviewer.review.services import Services
from reviewer.review.vocabulary import language_of
from ui.i18n import tr
from ui.work_queue import ACTIONS, Report, ShouldCancel, TaskKind, WorkQueue


class Exporter(QObject):
    done = Signal(str)  # path
    failed = Signal(str)  # message

    def __init__(self, work: WorkQueue) -> None:
        super().__init__()
        self.work = work
        self._paths: dict[int, str] = {}
        work.task_done.connect(self._done)
        work.task_failed.connect(self._failed)

    def _start(self, produce: Callable[[Services], bytes], path: str) -> None:
        def job(services: Services, report: Report, _cancel: ShouldCancel) -> str:
            report(0.0, "exporting")
            write_bytes_atomic(path, produce(services))
            return path

        name = Path(path).name
        key = self.work.submit(TaskKind.EXPORT, tr("Export {name}", name=name), job, name=name,
                               action=ACTIONS["export"])
        self._paths[key] = path

    def _done(self, key: int, _video_id: int, _kind: str) -> None:
        if (path := self._paths.pop(key, None)) is not None:
            self.done.emit(path)

    def _failed(self, key: int, message: str, _cancelled: bool) -> None:
        if self._paths.pop(key, None) is not None:
            self.failed.emit(message)

    def video_report(self, video_id: int, path: str, language: str = "en") -> None:
        self._start(lambda services: video_pdf(services, video_id, language_of(language)), path)

    def campaign_report(self, campaign: str | None, path: str, language: str = "en") -> None:
        self._start(lambda services: campaign_pdf(services, campaign, language_of(language)), path)

    def feedback(self, video_id: int, path: str, language: str = "en", fmt: str = "pdf") -> None:
        """The creator feedback package (PDF, or one self-contained HTML page)."""
        self._start(lambda services: feedback_bytes(services, video_id, language_of(language), fmt), path)

    def campaign_csv(self, campaign: str | None, path: str) -> None:
        self._start(lambda services: export_bytes(services, None, campaign, "csv"), path)

    def wait(self, msecs: int = 30_000) -> bool:
        return self.work.wait(msecs)
