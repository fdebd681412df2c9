"""Background work, one mechanism for every kind of job: import (hashing), transcription and checks, exports.

Each job is a superqt `FunctionWorker` (the thread workers napari uses): a QRunnable whose started,
returned, errored and finished signals arrive on the GUI thread. Jobs run in one of two lanes, each a
QThreadPool of one thread: imports and transcription run in order in the "work" lane; reports and exports
in their own lane, so a PDF is never stuck behind a five-minute transcription.

A job opens its own connection to the same database in its thread (`Services.for_thread`: an SQLite
connection belongs to the thread that opened it; WAL lets it write while the GUI reads). A task carries the
transcription options and the reviewer chosen in Settings when it was queued. Its state is a `TaskState`,
never a translated word. Cancel takes a queued job off its pool, or sets the flag a running transcription
polls every 0.1 s (which kills the child process). Only the last few finished tasks are kept.
"""

from __future__ import annotations

import logging
import threading
import time
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QSizePolicy, QVBoxLayout, QWidget
from superqt import QElidingLabel
from superqt.utils import FunctionWorker

from reviewer.errors import UserError
from reviewer.review.batch import save_correction, transcribe_and_check
from reviewer.review.services import Services
from reviewer.review.vocabulary import QT_TR_NOOP
from reviewer.review.workflow import import_media
from transcribe.errors import Cancelled, TranscribeError
from transcribe.types import TranscribeOptions
from ui.i18n import follow_language, tr

LIVE_QUEUES: weakref.WeakSet[WorkQueue] = weakref.WeakSet()  # tests assert none outlives its window
# The stages transcribe/ reports (it imports nothing of ours, so its words are marked for translators here).
STAGES = (QT_TR_NOOP("loading model"), QT_TR_NOOP("decoding audio"), QT_TR_NOOP("detecting language"),
          QT_TR_NOOP("transcribing"), QT_TR_NOOP("importing"), QT_TR_NOOP("exporting"),
          QT_TR_NOOP("reading on-screen text"))
# What a task does, shown after the name of what it works on (translated when shown, so it follows the language).
ACTIONS = {"import": QT_TR_NOOP("Import"), "process": QT_TR_NOOP("Transcribe and check"),
           "recheck": QT_TR_NOOP("Re-check"), "export": QT_TR_NOOP("Export"),
           "correction": QT_TR_NOOP("Save correction")}
KEEP_FINISHED = 4  # finished rows left on show; older ones are pruned
EXPECTED_ERRORS = (UserError, TranscribeError, OSError)  # their message is for the user; others are bugs

Report = Callable[[float, str], None]
ShouldCancel = Callable[[], bool]
Job = Callable[[Services, Report, ShouldCancel], object]


class TaskKind(str, Enum):
    IMPORT = "import"
    PROCESS = "process"
    EXPORT = "export"


class TaskState(str, Enum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def finished(self) -> bool:
        return self in (TaskState.DONE, TaskState.FAILED, TaskState.CANCELLED)


@dataclass
class Task:
    """One job as the GUI sees it. Only the GUI thread reads or changes it, except `cancel`."""

    key: int
    kind: TaskKind
    label: str
    name: str = ""  # what it works on (the video's file name), shown first in its row
    action: str = ""  # what it does, untranslated ("Import", "Re-check"…): the row translates it when shown
    state: TaskState = TaskState.QUEUED
    message: str = ""
    video_id: int = 0
    result: object = None
    cancel: threading.Event = field(default_factory=threading.Event, repr=False)
    worker: FunctionWorker | None = field(default=None, repr=False)


def _in_thread(services: Services, job: Job, report: Report, should_cancel: ShouldCancel) -> object:
    """Run `job` in a pool thread with that thread's own connection; log the traceback of a bug."""
    if should_cancel():
        raise Cancelled("cancelled before it started")
    local = services.for_thread()
    try:
        return job(local, report, should_cancel)
    except (Cancelled, *EXPECTED_ERRORS):
        raise
    except Exception:
        logging.getLogger("thinktwice").exception("background task failed")
        raise
    finally:
        local.store.close()


class WorkQueue(QObject):
    """Queue jobs, follow them, cancel them; results come back as signals on the GUI thread."""

    task_added = Signal(int, str)  # key, label
    progress = Signal(int, float, str, float)  # key, fraction, stage, eta seconds (-1 unknown)
    task_done = Signal(int, int, str)  # key, video id, kind
    task_failed = Signal(int, str, bool)  # key, message, cancelled
    task_removed = Signal(int)  # pruned

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.tasks: dict[int, Task] = {}
        self._next = 0
        self.lanes = {TaskKind.PROCESS: QThreadPool(self), TaskKind.EXPORT: QThreadPool(self)}
        for pool in self.lanes.values():
            pool.setMaxThreadCount(1)
        self.lanes[TaskKind.IMPORT] = self.lanes[TaskKind.PROCESS]  # imports queue with transcription, in order
        LIVE_QUEUES.add(self)

    def submit(self, kind: TaskKind, label: str, job: Job, video_id: int = 0, name: str = "",
               action: str = "") -> int:
        """`label` says it all in one line (for the signal and screen readers); `name` and `action`, when given,
        are shown apart so a row names its video first."""
        self._next += 1
        task = Task(self._next, kind, label, name or label, action, video_id=video_id)
        started = time.monotonic()

        def report(fraction: float, stage: str) -> None:  # called in the pool thread
            elapsed = time.monotonic() - started
            eta = elapsed * (1 - fraction) / fraction if fraction >= 0.05 else -1.0
            self.progress.emit(task.key, fraction, stage, eta)

        worker = FunctionWorker(_in_thread, self.services, job, report, task.cancel.is_set)
        worker.setAutoDelete(False)  # the Task holds it until it finished
        worker.started.connect(lambda *_: self._set(task, TaskState.RUNNING))
        worker.returned.connect(lambda value: setattr(task, "result", value))
        worker.errored.connect(lambda exc: self._failed(task, exc))
        worker.finished.connect(lambda *_: self._finished(task))
        task.worker = worker
        self.tasks[task.key] = task
        self.task_added.emit(task.key, label)
        self.lanes[kind].start(worker)
        return task.key

    def import_file(self, path: str, campaign: str, actor: str = "", creator: str = "", caption: str = "") -> int:
        def job(services: Services, report: Report, _cancel: ShouldCancel) -> object:
            report(0.0, "importing")
            return import_media(services.store, path, campaign, creator=creator, caption=caption, actor=actor)

        name = Path(path).name
        return self.submit(TaskKind.IMPORT, tr("Import {name}", name=name), job, name=name, action=ACTIONS["import"])

    def process(self, video_id: int, label: str, options: TranscribeOptions, actor: str = "",
                recheck: bool = False, screen_text: bool = True) -> int:
        """Transcribe (if there is no transcript yet) and check; `recheck` says it only checks again;
        `screen_text` whether on-screen text is read (Settings)."""
        def job(services: Services, report: Report, should_cancel: ShouldCancel) -> int:
            chosen = services.with_options(options, screen_text)
            transcribe_and_check(chosen, video_id, report, should_cancel, actor)
            return video_id

        title = tr("Re-check {name}", name=label) if recheck else tr("Transcribe and check {name}", name=label)
        return self.submit(TaskKind.PROCESS, title, job, video_id=video_id, name=label,
                           action=ACTIONS["recheck" if recheck else "process"])

    def save_correction(self, video_id: int, label: str, text: str, actor: str, organisation: str,
                        options: TranscribeOptions, screen_text: bool = True) -> int:
        """Store a reviewer's transcript correction and check it again (re-listening included) off the UI thread,
        with the options Settings holds now, as `process` does."""
        def job(services: Services, report: Report, should_cancel: ShouldCancel) -> int:
            chosen = services.with_options(options, screen_text)
            save_correction(chosen, video_id, text, actor, organisation, report, should_cancel)
            return video_id

        return self.submit(TaskKind.PROCESS, tr("Save the correction of {name}", name=label), job,
                           video_id=video_id, name=label, action=ACTIONS["correction"])

    def clear_finished(self) -> None:
        for key in [key for key, task in self.tasks.items() if task.state.finished]:
            del self.tasks[key]
            self.task_removed.emit(key)

    def cancel(self, key: int) -> None:
        task = self.tasks.get(key)
        if task is None or task.state.finished:
            return
        task.cancel.set()  # a running transcription polls it; a job that finishes anyway still counts as done
        if task.worker is not None and self.lanes[task.kind].tryTake(task.worker):  # never started
            self._failed(task, Cancelled("cancelled"))
            self._finished(task)

    def _set(self, task: Task, state: TaskState) -> None:
        task.state = state

    def _failed(self, task: Task, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):
            task.state, task.message = TaskState.CANCELLED, QT_TR_NOOP("cancelled")  # translated when shown
        elif isinstance(exc, EXPECTED_ERRORS):
            task.state, task.message = TaskState.FAILED, str(exc)
        else:
            task.state, task.message = TaskState.FAILED, f"{type(exc).__name__}: {exc}"

    def _finished(self, task: Task) -> None:
        if task.worker is None:  # already reported
            return
        task.worker = None
        if task.state.finished:
            cancelled = task.state is TaskState.CANCELLED
            self.task_failed.emit(task.key, tr(task.message) if cancelled else task.message, cancelled)
        else:
            task.state = TaskState.DONE
            if isinstance(task.result, int):
                task.video_id = task.result
            elif hasattr(task.result, "video_id"):  # an import: say when the file was already there
                task.video_id = task.result.video_id
                duplicate = getattr(task.result, "duplicate", False)
                task.message = QT_TR_NOOP("already in the library") if duplicate else ""  # translated when shown
            self.task_done.emit(task.key, task.video_id, task.kind.value)
        self._prune()

    def _prune(self) -> None:
        finished = [key for key, task in self.tasks.items() if task.state.finished]
        for key in finished[:-KEEP_FINISHED] if len(finished) > KEEP_FINISHED else []:
            del self.tasks[key]
            self.task_removed.emit(key)

    def shutdown(self) -> None:
        """Cancel everything and wait for the threads: no thread outlives the window."""
        for key in list(self.tasks):
            self.cancel(key)
        for pool in set(self.lanes.values()):
            pool.waitForDone(10_000)

    def wait(self, msecs: int = 30_000) -> bool:
        return all(pool.waitForDone(msecs) for pool in set(self.lanes.values()))

    @property
    def running(self) -> bool:
        return any(pool.activeThreadCount() for pool in set(self.lanes.values()))


class QueuePanel(QWidget):
    """The visible queue: one row per task with a progress bar, ETA and Cancel (Transcribe again once it failed).

    Every row has fixed proportions and elided texts, so a long error never widens the window and a changing
    ETA never moves the Cancel button under the pointer.
    """

    retry_requested = Signal(int)  # video id: transcribe a failed or cancelled one again

    def __init__(self, work: WorkQueue) -> None:
        super().__init__()
        self.work = work
        self.rows: dict[int, tuple[QWidget, QLabel, QProgressBar, QLabel, QPushButton]] = {}
        self.action_labels: dict[int, QLabel] = {}  # what each row's task does, after its name
        self.heading = QLabel()
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(work.clear_finished)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.clear_button)
        self.layout_.addLayout(top)
        self.layout_.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        work.task_added.connect(self._add)
        work.progress.connect(self._progress)
        work.task_done.connect(lambda key, _vid, _kind: self._finish(key))
        work.task_failed.connect(lambda key, _message, _c: self._finish(key))
        work.task_removed.connect(self._remove)
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.heading.setText(tr("Background work"))
        self.clear_button.setText(tr("Clear finished"))
        for key, (_, _, _, label, button) in self.rows.items():
            task = self.work.tasks.get(key)
            button.setText(self._button_text(task))
            self.action_labels[key].setText(tr(task.action) if task is not None and task.action else "")
            if task is not None and task.state.finished:
                label.setText(self._outcome(task))

    @staticmethod
    def _outcome(task: Task) -> str:
        """In the current language: our own notes are kept untranslated and translated here; an error is the
        error's own words."""
        if task.state is TaskState.DONE:
            return tr("done") + (f" · {tr(task.message)}" if task.message else "")
        if task.state is TaskState.FAILED:  # never a row that looks like it has not started yet
            return tr("failed") + f": {task.message}"
        return tr(task.message)

    @staticmethod
    def _can_retry(task: Task | None) -> bool:
        return task is not None and task.kind is TaskKind.PROCESS and task.state in (TaskState.FAILED,
                                                                                       TaskState.CANCELLED)

    def _button_text(self, task: Task | None) -> str:
        return tr("Transcribe again") if self._can_retry(task) else tr("Cancel")

    def _add(self, key: int, label: str) -> None:
        """Two lines: the video's name (elided in the middle, so the extension stays) and what is done to it;
        then progress, state and the button."""
        row = QWidget()
        task = self.work.tasks.get(key)
        name, eta = QElidingLabel(task.name if task is not None else label), QElidingLabel(tr("queued"))
        name.setElideMode(Qt.TextElideMode.ElideMiddle)
        action = QLabel(tr(task.action) if task is not None and task.action else "")
        action.setStyleSheet("color: #607d8b;")
        bar, cancel = QProgressBar(), QPushButton(tr("Cancel"))
        name.setToolTip(label)
        bar.setRange(0, 1000)
        bar.setAccessibleName(label)
        cancel.setAccessibleName(tr("Cancel") + " " + label)
        cancel.clicked.connect(lambda: self._button_clicked(key))
        metrics = cancel.fontMetrics()  # wide enough for either text: the button never changes size
        cancel.setFixedWidth(max(metrics.horizontalAdvance(t) for t in (tr("Cancel"), tr("Transcribe again"))) + 28)
        for elided in (name, eta):
            elided.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        lines = QVBoxLayout(row)
        lines.setContentsMargins(0, 2, 0, 2)
        lines.setSpacing(1)
        top, layout = QHBoxLayout(), QHBoxLayout()
        top.addWidget(name, 1)
        top.addWidget(action, 0)
        parts: tuple[tuple[QWidget, int], ...] = ((bar, 2), (eta, 3), (cancel, 0))
        for widget, stretch in parts:
            layout.addWidget(widget, stretch)
        lines.addLayout(top)
        lines.addLayout(layout)
        self.layout_.insertWidget(self.layout_.count() - 1, row)
        self.rows[key] = (row, name, bar, eta, cancel)
        self.action_labels[key] = action

    def _button_clicked(self, key: int) -> None:
        task = self.work.tasks.get(key)
        if self._can_retry(task) and task is not None:
            self.retry_requested.emit(task.video_id)
        else:
            self.work.cancel(key)

    def _progress(self, key: int, fraction: float, stage: str, eta: float) -> None:
        if key in self.rows:
            _, _, bar, label, _ = self.rows[key]
            bar.setValue(min(990, int(fraction * 1000)))  # 100 % only once it is really done
            text = tr(stage)
            if fraction >= 0.99 or 0 <= eta < 1:
                text += " · " + tr("finishing…")
            elif eta >= 0:
                text += f" · ~{eta:.0f} s"
            label.setText(text)

    def _finish(self, key: int) -> None:
        task = self.work.tasks.get(key)
        if key in self.rows and task is not None:
            _, _, bar, label, cancel = self.rows[key]
            if task.state is TaskState.DONE:
                bar.setValue(1000)
            if task.state is TaskState.FAILED:
                bar.setFormat(tr("failed"))
                label.setStyleSheet("color: #c62828;")
            label.setText(self._outcome(task))
            label.setToolTip(self._outcome(task))
            cancel.setText(self._button_text(task))
            cancel.setEnabled(self._can_retry(task))

    def _remove(self, key: int) -> None:
        row = self.rows.pop(key, None)
        self.action_labels.pop(key, None)
        if row is not None:
            self.layout_.removeWidget(row[0])
            row[0].deleteLater()
