"""Background work: import (hashing), transcription (a child process) and checks, off the GUI thread.

One worker thread takes tasks in order. In that thread it opens its own connection to the same database
(`Services.for_thread`: an SQLite connection belongs to the thread that opened it; WAL lets it write while
the GUI reads). Each task carries the transcription options and the reviewer chosen in Settings when it was
queued, so a change in Settings reaches the next task without sharing mutable state between threads. Progress, results
and failures come back as queued signals. Cancel flips a flag the transcriber polls every 0.1 s, which
kills the child process.
"""

from __future__ import annotations

import queue
import threading
import time
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from reviewer.errors import UserError
from reviewer.review.batch import transcribe_and_check
from reviewer.review.services import Services
from reviewer.review.workflow import import_media
from transcribe.errors import Cancelled, TranscribeError
from transcribe.types import TranscribeOptions
from ui.i18n import follow_language, tr

_STOP = object()
LIVE_QUEUES: weakref.WeakSet = weakref.WeakSet()  # tests assert none is left running after a window closes


@dataclass(frozen=True)
class Task:
    key: int
    kind: str  # import | process
    path: str = ""
    campaign: str = ""
    video_id: int = 0
    options: TranscribeOptions = field(default_factory=TranscribeOptions)
    actor: str = ""  # the reviewer named in Settings, recorded in the audit log


class _Worker(QObject):
    progress = Signal(int, float, str, float)  # task key, fraction, stage, eta seconds (-1 unknown)
    done = Signal(int, int)  # task key, video id
    failed = Signal(int, str, bool)  # task key, message, cancelled

    def __init__(self, services: Services) -> None:
        super().__init__()
        self._services = services
        self._tasks: queue.Queue = queue.Queue()
        self._cancelled: set[int] = set()
        self._lock = threading.Lock()

    def submit(self, task: Task) -> None:
        self._tasks.put(task)

    def cancel(self, key: int) -> None:
        with self._lock:
            self._cancelled.add(key)

    def stop(self) -> None:
        self._tasks.put(_STOP)

    def _is_cancelled(self, key: int) -> bool:
        with self._lock:
            return key in self._cancelled

    @Slot()
    def run(self) -> None:
        services: Services | None = None
        while (task := self._tasks.get()) is not _STOP:
            if self._is_cancelled(task.key):
                self.failed.emit(task.key, tr("cancelled"), True)
                continue
            services = services or self._services.for_thread()
            try:
                video_id = self._perform(services.with_options(task.options), task)
            except Cancelled:
                self.failed.emit(task.key, tr("cancelled"), True)
            except (UserError, TranscribeError) as exc:
                self.failed.emit(task.key, str(exc), False)
            except Exception as exc:  # keep the queue alive; the message goes to the user, the trace to the log
                import logging

                logging.getLogger("thinktwice").exception("background task failed")
                self.failed.emit(task.key, f"{type(exc).__name__}: {exc}", False)
            else:
                self.done.emit(task.key, video_id)
        if services is not None:
            services.store.close()

    def _perform(self, services: Services, task: Task) -> int:
        started = time.monotonic()

        def report(fraction: float, stage: str) -> None:
            elapsed = time.monotonic() - started
            eta = elapsed * (1 - fraction) / fraction if fraction >= 0.05 else -1.0
            self.progress.emit(task.key, fraction, stage, eta)

        if task.kind == "import":
            report(0.0, "importing")
            result = import_media(services.store, task.path, task.campaign, actor=task.actor)
            return result.video_id
        transcribe_and_check(services, task.video_id, report, lambda: self._is_cancelled(task.key), task.actor)
        return task.video_id


class WorkQueue(QObject):
    """The GUI-side face of the worker thread."""

    task_added = Signal(int, str)
    progress = Signal(int, float, str, float)
    task_done = Signal(int, int, str)  # key, video id, kind
    task_failed = Signal(int, str, bool)

    def __init__(self, services: Services) -> None:
        super().__init__()
        self._next = 0
        self._kinds: dict[int, Task] = {}
        self.thread = QThread()
        self.thread.setObjectName("thinktwice-work")
        self.worker = _Worker(services)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        LIVE_QUEUES.add(self)
        self.worker.progress.connect(self.progress)
        self.worker.done.connect(self._done)
        self.worker.failed.connect(self.task_failed)
        self.thread.start()

    def _add(self, task: Task, label: str) -> int:
        self._kinds[task.key] = task
        self.task_added.emit(task.key, label)
        self.worker.submit(task)
        return task.key

    def import_file(self, path: str, campaign: str, actor: str = "") -> int:
        self._next += 1
        return self._add(Task(self._next, "import", path=path, campaign=campaign, actor=actor),
                         tr("Import {name}", name=Path(path).name))

    def process(self, video_id: int, label: str, options: TranscribeOptions, actor: str = "") -> int:
        self._next += 1
        return self._add(Task(self._next, "process", video_id=video_id, options=options, actor=actor),
                         tr("Transcribe and check {name}", name=label))

    def cancel(self, key: int) -> None:
        self.worker.cancel(key)

    def _done(self, key: int, video_id: int) -> None:
        self.task_done.emit(key, video_id, self._kinds[key].kind)

    def shutdown(self) -> None:
        """Cancel everything and wait for the thread: no thread outlives the window."""
        for key in list(self._kinds):
            self.worker.cancel(key)
        self.worker.stop()
        self.thread.quit()
        self.thread.wait(10_000)

    @property
    def running(self) -> bool:
        return self.thread.isRunning()


class QueuePanel(QWidget):
    """The visible queue: one row per task with a progress bar, ETA and Cancel."""

    def __init__(self, work: WorkQueue) -> None:
        super().__init__()
        self.work = work
        self.rows: dict[int, tuple[QWidget, QLabel, QProgressBar, QLabel, QPushButton]] = {}
        self.heading = QLabel()
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        self.layout_.addWidget(self.heading)
        self.layout_.addStretch(1)
        work.task_added.connect(self._add)
        work.progress.connect(self._progress)
        work.task_done.connect(lambda key, _vid, _kind: self._finish(key, tr("done")))
        work.task_failed.connect(lambda key, message, _c: self._finish(key, message))
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(tr("Background work"))
        for _, _, _, _, button in self.rows.values():
            button.setText(tr("Cancel"))

    def _add(self, key: int, label: str) -> None:
        row = QWidget()
        name, bar, eta, cancel = QLabel(label), QProgressBar(), QLabel(tr("queued")), QPushButton(tr("Cancel"))
        name.setMinimumWidth(120)
        bar.setRange(0, 1000)
        bar.setAccessibleName(label)
        cancel.setAccessibleName(tr("Cancel") + " " + label)
        cancel.clicked.connect(lambda: self.work.cancel(key))
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in ((name, 2), (bar, 3), (eta, 2), (cancel, 0)):
            layout.addWidget(widget, stretch)
        self.layout_.insertWidget(self.layout_.count() - 1, row)
        self.rows[key] = (row, name, bar, eta, cancel)

    def _progress(self, key: int, fraction: float, stage: str, eta: float) -> None:
        if key in self.rows:
            _, _, bar, label, _ = self.rows[key]
            bar.setValue(int(fraction * 1000))
            label.setText(tr(stage) + (f" · ~{eta:.0f} s" if eta >= 0 else ""))

    def _finish(self, key: int, message: str) -> None:
        if key in self.rows:
            _, _, bar, label, cancel = self.rows[key]
            if message == tr("done"):
                bar.setValue(1000)
            label.setText(message)
            label.setToolTip(message)
            cancel.setEnabled(False)
