"""A window to transcribe one file in the background, with progress, ETA and Cancel."""

from __future__ import annotations

from PySide6.QtCore import QThread, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from transcribe.types import TranscribeOptions, Transcript
from ui.workers import TranscriptionWorker

MEDIA_FILTER = "Media (*.mp4 *.mov *.m4v *.mkv *.webm *.mp3 *.m4a *.wav);;All files (*)"


class TranscribeWindow(QMainWindow):
    def __init__(self, options: TranscribeOptions | None = None) -> None:
        super().__init__()
        self.setWindowTitle("ThinkTwice Review")
        self.options = options or TranscribeOptions()
        self._thread: QThread | None = None
        self._worker: TranscriptionWorker | None = None
        self.transcript: Transcript | None = None

        self.open_button = QPushButton("Open video…")
        self.open_button.setAccessibleName("Open a video to transcribe")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setAccessibleName("Transcription progress")
        self.status = QLabel("Open a creator video to transcribe it offline.")
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName("Transcript")

        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        column = QVBoxLayout()
        column.addLayout(row)
        column.addWidget(self.status)
        column.addWidget(self.text, 1)
        body = QWidget()
        body.setLayout(column)
        self.setCentralWidget(body)
        self.resize(900, 600)

        open_action = QAction("&Open…", self, shortcut=QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self.choose_file)
        self.addAction(open_action)
        self.open_button.clicked.connect(self.choose_file)
        self.cancel_button.clicked.connect(self.cancel)

    @Slot()
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open video", "", MEDIA_FILTER)
        if path:
            self.start(path)

    def start(self, media: str) -> None:
        if self._thread is not None:
            return
        self.transcript = None
        self.text.clear()
        self.status.setText(f"Transcribing {media}…")
        self._thread = QThread(self)
        self._worker = TranscriptionWorker(media, self.options)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self.open_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self._thread.start()

    @Slot()
    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancel()

    @Slot(float, str, float)
    def _on_progress(self, fraction: float, stage: str, eta: float) -> None:
        self.progress.setValue(int(fraction * 1000))
        self.status.setText(stage + (f" — about {eta:.0f} s left" if eta >= 0 else ""))

    @Slot(object)
    def _on_finished(self, transcript: Transcript) -> None:
        self.transcript = transcript
        self.text.setPlainText("\n".join(f"[{s.start:7.2f}] {s.text}" for s in transcript.segments))
        self.status.setText(f"Done: {len(transcript.segments)} segments, language {transcript.language}.")
        self._stop_thread()

    @Slot(str, str)
    def _on_failed(self, message: str, kind: str) -> None:
        self.status.setText("Cancelled." if kind == "cancelled" else message)
        self._stop_thread()

    def _stop_thread(self) -> None:
        self.progress.setValue(self.progress.maximum() if self.transcript else 0)
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        if self._worker is not None:
            self._worker.deleteLater()
        self._thread = self._worker = None
        self.open_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        self.cancel()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait(3000)
        super().closeEvent(event)
