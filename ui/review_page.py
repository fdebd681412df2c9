"""One video under review: player and timeline, transcript, findings, comments and the decision.

The page reads and writes through the core services it is handed (GUI-thread Store); every write is one
short transaction. Re-checking after a transcript correction runs the compiled checker, which takes
milliseconds; transcription itself never runs here (see ui/work_queue.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.errors import UserError
from reviewer.review import lookups
from reviewer.review.comments import edit_comment, reply, resolve, threads
from reviewer.review.decision_checks import APPROVALS, serious_open, terms_of
from reviewer.review.file_state import MISSING, quick_check
from reviewer.review.lookups import FindingRow, VideoDetail
from reviewer.review.screen import finding_frame, stored_track
from reviewer.review.services import Services
from reviewer.review.status import STATUS_LABELS
from reviewer.review.vocabulary import QT_TR_NOOP
from reviewer.review.workflow import (
    add_comment,
    add_review,
    latest_transcript,
    set_disposition,
)
from ui.comment_threads import CommentsPanel
from ui.i18n import follow_language, tr
from ui.player_notice import open_player
from ui.review_panels import DecisionPanel, FindingsPanel
from ui.screen_text_view import FrameOverlay, ScreenTextPanel
from ui.timeline import markers_for
from ui.transcript_view import TranscriptPanel

OVERLAY_HOLD = 1.0  # seconds the player may move (a seek to the finding's start) before the still frame goes


class ReviewPage(QWidget):
    changed = Signal(int)  # a video's record changed (status, findings...): refresh lists
    recheck_requested = Signal(int, str)  # video id, its name: re-check in the background queue
    correction_requested = Signal(int, str, str)  # video id, its name, the corrected text: saved in the background
    message = Signal(str)  # for the status bar
    compare_requested = Signal(int)  # this video against its previous version

    def __init__(self, services: Services, player: QWidget | None = None) -> None:
        """`player`: the video player, or the notice that stands in for it (`ui.player_notice.open_player`)."""
        super().__init__()
        self.services = services
        self.video_id: int | None = None
        self.file_state = ""
        self.detail: VideoDetail | None = None
        self.partial = False  # the latest transcript covers only the audio that could be decoded
        self.reviewer = ""
        self.organisation = ""
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.title.setWordWrap(True)
        self.stale = QLabel()  # above the player, not only on the Decision tab: the findings may be out of date
        self.stale.setWordWrap(True)
        self.stale.setStyleSheet("background:#fff3e0; color:#8a3b00; padding:4px 6px; border-radius:4px;")
        self.stale_button = QPushButton()
        self.stale_button.clicked.connect(self._request_recheck)
        stale_row = QHBoxLayout()
        stale_row.addWidget(self.stale, 1)
        stale_row.addWidget(self.stale_button)
        self.stale_box = QWidget()
        self.stale_box.setLayout(stale_row)
        stale_row.setContentsMargins(0, 0, 0, 0)
        self.stale_box.hide()
        # a PlayerPanel, or the notice standing in for it with the same methods (duck-typed: Qt widgets can't
        # also be Protocols mypy checks)
        self.player: Any = cast(Any, player if player is not None else open_player())
        self.transcript = TranscriptPanel()
        self.screen_text = ScreenTextPanel()
        # Over the picture: the stack showing the video or its poster (the whole notice without Qt Multimedia).
        self.frame_overlay = FrameOverlay(getattr(self.player, "screen_stack", None) or
                                          getattr(self.player, "video", self.player))
        self.findings = FindingsPanel()
        self.comments = CommentsPanel()
        self.decision = DecisionPanel()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.findings, "")
        self.tabs.addTab(self.comments, "")
        self.tabs.addTab(self.decision, "")
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.player)
        left.addWidget(self.transcript)
        left.addWidget(self.screen_text)
        left.setSizes([420, 200, 90])
        body = QSplitter(Qt.Orientation.Horizontal)
        body.addWidget(left)
        body.addWidget(self.tabs)
        body.setSizes([560, 440])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.compare_button = QPushButton()
        self.compare_button.setVisible(False)
        self.compare_button.clicked.connect(self._request_compare)
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(self.compare_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(header)
        layout.addWidget(self.stale_box)
        layout.addWidget(body, 1)
        self.player.position_changed.connect(self._follow)
        self.transcript.text.word_clicked.connect(self.player.seek)
        self.findings.seek_requested.connect(self.player.seek)
        self.screen_text.seek_requested.connect(self.player.seek)
        self.findings.table.selectionModel().selectionChanged.connect(lambda *_: self._show_screen_box())
        self.comments.seek_requested.connect(self.player.seek)
        self.findings.disposition_requested.connect(self._dispose)
        self.comments.comment_requested.connect(self._comment)
        self.comments.reply_requested.connect(self._reply)
        self.comments.edit_requested.connect(self._edit_comment)
        self.comments.resolve_requested.connect(self._resolve_comment)
        self.decision.decision_requested.connect(self._decide)
        self.decision.recheck_requested.connect(self._request_recheck)
        self.transcript.save_requested.connect(self._save_correction)
        follow_language(self, self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.stale.setText(tr("Checked against an older term list: re-check before deciding."))
        self.stale_button.setText(tr("Re-check"))
        self.stale_button.setAccessibleName(tr("Re-check with the current term lists"))
        for index, label in enumerate((QT_TR_NOOP("Findings"), QT_TR_NOOP("Comments"), QT_TR_NOOP("Decision"))):
            self.tabs.setTabText(index, tr(label))
        self._show_title()

    def set_identity(self, reviewer: str, organisation: str) -> None:
        self.reviewer, self.organisation = reviewer, organisation
        self.decision.set_identity(reviewer, organisation)

    def open_video(self, video_id: int) -> None:
        self.video_id = video_id
        self.reload(load_media=True)
        self._show_my_decision()

    def _show_my_decision(self) -> None:
        """A new video never inherits the last one's choice: show this reviewer's decision on it, or nothing."""
        sha = self.detail["video"]["sha256"] if self.detail else None
        mine = [r for r in (self.detail["reviews"] if self.detail else []) if self.reviewer
                and r["reviewer"].casefold() == self.reviewer.casefold() and r["content_sha256"] == sha]
        self.decision.show_decision(mine[-1]["decision"] if mine else None, mine[-1]["note"] if mine else "")

    def reload(self, load_media: bool = False) -> None:
        if self.video_id is None:
            return
        refs = list(self.services.term_list_refs())
        # Approvals stay bound to the file: look at it (size and mtime; a hash only if they moved) before showing
        # a status, so a changed file is "changed since review" and a missing one never reads as approved.
        self.file_state = quick_check(self.services.store, self.video_id)
        self.detail = detail = lookups.show(self.services.store, self.video_id, refs)
        video = detail["video"]
        latest = latest_transcript(self.services.store.db, self.video_id)
        transcript = latest[1] if latest else None
        self.partial = transcript is not None and transcript.partial  # part of the audio could not be decoded
        self.transcript.stop_editing()
        self.transcript.text.show_transcript(transcript, detail["findings"], bool(video["has_audio"]))
        self.findings.set_findings(detail["findings"], self.transcript.text.toPlainText())
        self.screen_text.show_track(stored_track(self.services.store, self.video_id),
                                    detail["check"]["screen_text"] if detail["check"] else "")
        self.frame_overlay.hide()
        self.comments.set_comments(threads(self.services.store, self.video_id))
        self.player.timeline.set_markers(video["duration"], markers_for(detail["findings"],
                                                                        detail["comments"]))
        if load_media:
            self.player.load(video["path"], video["duration"], lookups.thumbnail(self.services.store, self.video_id))
        self.stale_box.setVisible(bool(detail["stale_term_lists"]))
        self.decision.set_flags(detail["changed_since_review"], detail["stale_term_lists"],
                                detail["new_findings"], detail["stale_transcript"])
        self._show_title()

    def _show_title(self) -> None:
        self._show_compare()
        if not self.detail:
            self.title.setText(tr("Choose a video in the library, or drop files here to import them."))
            return
        video = self.detail["video"]
        status = tr(STATUS_LABELS[self.detail["status"]])
        if self.file_state == MISSING:
            status = tr("File missing (recorded: {status})", status=status)
        status_word = tr("Status")
        new = self.detail["new_findings"]
        self.title.setText(f"{video['original_name']} · v{video['version']} · {video['creator'] or '-'} · "
                           f"{status_word}: {status}"
                           + (" · ⚠ " + tr("{n} new findings since the decision", n=new) if new else "")
                           + (" · ⚠ " + tr("audio damaged: speech partly not checked") if self.partial else ""))
        self.decision.set_status(tr("Current status: {status}", status=status))

    def _request_compare(self) -> None:
        if self.video_id is not None:
            self.compare_requested.emit(self.video_id)

    def _show_compare(self) -> None:
        """"Compare with vN" appears on a video that has an earlier version."""
        video = self.detail["video"] if self.detail else None
        earlier = bool(video and video["previous_id"])
        self.compare_button.setVisible(earlier)
        if earlier and video is not None:
            self.compare_button.setText(tr("Compare with v{n}", n=video["version"] - 1))

    def _request_recheck(self) -> None:
        if self.video_id is not None and self.detail is not None:
            self.recheck_requested.emit(self.video_id, self.detail["video"]["original_name"])

    def _show_screen_box(self) -> None:
        """A selected on-screen finding: pause, and draw its box over that moment's frame."""
        row = self.findings.selected()
        shown = finding_frame(self.detail["video"]["path"], row) if row and self.detail else None
        if shown is None:
            self.frame_overlay.hide()
            return
        png, box, seconds = shown
        if hasattr(self.player, "player"):
            self.player.pause()
        self.frame_overlay.show_frame(png, box, seconds)

    def _follow(self, seconds: float) -> None:
        if self.frame_overlay.isVisible() and abs(seconds - self.frame_overlay.seconds) > OVERLAY_HOLD:
            self.frame_overlay.hide()  # playback moved on: the still frame no longer matches
        self.transcript.text.follow(seconds)
        self.comments.set_time(seconds)

    def _run(self, action: Callable[[int], object], success: str) -> None:
        """Apply `action` to the open video; its UserError becomes a status message."""
        video_id = self.video_id
        if video_id is None:
            self.message.emit(tr("Open a video first."))
            return
        try:
            action(video_id)
        except UserError as exc:
            self.message.emit(str(exc))
            return
        self.reload()
        self.message.emit(success)
        self.changed.emit(video_id)

    def _dispose(self, finding_id: int, disposition: str, reason: str) -> None:
        if not self.reviewer:
            self.message.emit(tr("Set your name in Settings (Ctrl+,) before deciding."))
            return
        self._run(lambda _video: set_disposition(self.services.store, finding_id, disposition, reason, self.reviewer,
                                                 self.organisation),
                  tr("Finding {state}.", state=tr(disposition)))

    def _comment(self, text: str) -> None:
        panel = self.comments
        start, end, internal = panel.start, panel.range_end if panel.range_start is not None else None, \
            panel.internal.isChecked()
        self._run(lambda video_id: add_comment(self.services.store, video_id, start, text, self.reviewer,
                                               self.organisation, end_seconds=end, internal=internal),
                  tr("Comment added."))

    def _reply(self, comment_id: int, text: str) -> None:
        self._run(lambda _video: reply(self.services.store, comment_id, text, self.reviewer, self.organisation),
                  tr("Reply added."))

    def _edit_comment(self, comment_id: int, text: str) -> None:
        self._run(lambda _video: edit_comment(self.services.store, comment_id, text, self.reviewer),
                  tr("Comment edited."))

    def _resolve_comment(self, comment_id: int, resolved: bool) -> None:
        self._run(lambda _video: resolve(self.services.store, comment_id, self.reviewer, resolved,
                                                 self.organisation),
                  tr("Thread resolved.") if resolved else tr("Thread reopened."))

    def confirm(self, title: str, question: str) -> bool:
        """Ask before an action the reviewer may regret (a seam: tests answer it)."""
        answer = QMessageBox.question(self, title, question, QMessageBox.StandardButton.Yes
                                      | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def open_serious(self) -> list[FindingRow]:
        return serious_open(self.detail["findings"] if self.detail else [])

    def _decide(self, decision: str, note: str) -> None:
        if not self.reviewer:
            self.message.emit(tr("Set your name in Settings (Ctrl+,) before deciding."))
            return
        serious = self.open_serious()
        if decision in APPROVALS and serious and not self.confirm(
                tr("Approve with open findings?"),
                tr("{n} high or critical findings are still open ({terms}). Approve anyway?", n=len(serious),
                   terms=terms_of(serious))):
            self.message.emit(tr("Not decided: confirm or dismiss the open findings first."))
            return
        self._run(lambda video_id: add_review(self.services.store, video_id, self.reviewer, decision,
                                              self.organisation, note), tr("Decision recorded."))

    def _save_correction(self, text: str) -> None:
        latest = latest_transcript(self.services.store.db, self.video_id) if self.video_id else None
        if latest is None:
            return
        if not self.reviewer:  # a correction without an author would pass for the machine's transcript
            self.message.emit(tr("Set your name in Settings (Ctrl+,) before deciding."))
            return

        self.transcript.stop_editing()  # back to reading: what was typed is saved as it stands
        self.correction_requested.emit(self.video_id, self.detail["video"]["original_name"] if self.detail else "",
                                       text)
        self.message.emit(tr("Saving your correction as a new revision; it is checked again in the background."))
