"""The main window: library and review, script check, term lists and the campaign dashboard.

It receives its services (the GUI thread's core services, the work queue, settings); it builds none of them.
Errors reach the user as status-bar messages or dialogs; tracebacks go to the log.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox, QSplitter, QTabWidget, QWidget

from reviewer.errors import UserError
from reviewer.review.batch import media_files, needs_work
from reviewer.review.lookups import campaigns, video_name
from reviewer.review.services import Services
from reviewer.review.term_lists import invalid_lists
from reviewer.review.vocabulary import QT_TR_NOOP
from transcribe.media import MEDIA_EXTENSIONS
from ui.bundle_actions import BundleActions
from ui.compare_view import CompareView
from ui.dashboard import DashboardPage
from ui.dialogs import ImportDialog, identity_dialog
from ui.export_dialog import ExportChoice, ask_export_choice
from ui.exports import Exporter
from ui.i18n import LANGUAGE, follow_language, tr
from ui.library import LibraryPane
from ui.review_page import ReviewPage
from ui.script_checker import ScriptCheckPage
from ui.settings import AppSettings
from ui.settings_dialog import SettingsDialog
from ui.shortcuts import ReviewKeys
from ui.terms_page import TermsPage
from ui.work_queue import QueuePanel, TaskKind, WorkQueue


class MainWindow(QMainWindow):
    def __init__(self, services: Services, work: WorkQueue, settings: AppSettings,
                 qsettings: QSettings | None = None, exporter: Exporter | None = None,
                 player: QWidget | None = None) -> None:
        super().__init__()
        self.services, self.work, self.settings = services, work, settings
        self.exporter = exporter
        self._corrections: set[int] = set()  # keys of the queued transcript-correction saves (a note when done)
        self.qsettings = qsettings or QSettings()
        self.setAcceptDrops(True)
        self.library = LibraryPane(services)
        self.review = ReviewPage(services, player)
        self.queue = QueuePanel(work)
        self.script = ScriptCheckPage(services.checker())
        self.terms = TermsPage(services)
        self.dashboard = DashboardPage(services)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.library)
        left.addWidget(self.queue)
        left.setSizes([560, 160])
        review_split = QSplitter(Qt.Orientation.Horizontal)
        review_split.addWidget(left)
        review_split.addWidget(self.review)
        review_split.setSizes([380, 980])
        self.tabs = QTabWidget()
        for widget in (review_split, self.script, self.terms, self.dashboard):
            self.tabs.addTab(widget, "")
        self.setCentralWidget(self.tabs)
        self._actions()
        self.bundles = BundleActions(self, work, lambda: (self.settings.reviewer, self.settings.organisation),
                                     lambda: self.library.current_campaign)
        self.bundles.add_to(self.file_menu)
        self.bundles.done.connect(self._bundle_done)
        self.bundles.failed.connect(self.notify)
        self.library.video_selected.connect(self.review.open_video)
        self.review.compare_requested.connect(self.open_compare)
        self.review.changed.connect(lambda _: self._refresh_lists())
        self.review.recheck_requested.connect(self.process)
        self.review.correction_requested.connect(self.save_correction)
        self.queue.retry_requested.connect(lambda video_id: self.process(video_id, video_name(services.store,
                                                                                              video_id)))
        work.task_done.connect(self._task_done)
        work.task_failed.connect(lambda _k, message, cancelled: self.notify(message if not cancelled
                                                                             else tr("Cancelled.")))
        for page in (self.review, self.script, self.terms, self.dashboard):
            page.message.connect(self.notify)
        self.terms.lists_changed.connect(self._lists_changed)
        if exporter is not None:
            self.dashboard.export = {"pdf": self.export_campaign_pdf, "csv": self.export_campaign_csv}
            exporter.done.connect(lambda path: self.notify(tr("Saved {path}.", path=path)))
            exporter.failed.connect(lambda message: self.notify(tr("Export failed: {message}", message=message)))
        follow_language(self, self.retranslate)
        self.apply_settings(settings)
        geometry = self.qsettings.value("window/geometry", QByteArray())
        if not (isinstance(geometry, QByteArray | bytes) and self.restoreGeometry(geometry)):
            self.fit_to_screen()
        self.warn_invalid_lists()
        self.identity = self.ask_identity() if not settings.reviewer else None

    def ask_identity(self) -> QDialog:
        """First launch: who is reviewing (decisions, comments and the audit log carry the name)."""
        dialog = identity_dialog(self, self.settings.reviewer, self.settings.organisation)

        def save() -> None:
            values = dialog.values()
            chosen = replace(self.settings, reviewer=values["name"], organisation=values["organisation"])
            chosen.save(self.qsettings)
            self.apply_settings(chosen)

        dialog.accepted.connect(save)
        dialog.open()
        return dialog

    def warn_invalid_lists(self) -> QMessageBox | None:
        """A stored list that fails validation was disabled (not fatal): say so, and where to repair it."""
        invalid = invalid_lists(self.services.store)
        if not invalid:
            return None
        text = tr("These term lists are invalid and were disabled, so nothing is checked against them: {names}. "
                  "Open Term lists and press Repair, or run 'thinktwice terms repair'.", names=", ".join(invalid))
        self.notify(text)
        box = QMessageBox(QMessageBox.Icon.Warning, tr("ThinkTwice Review"), text, parent=self)
        box.setDetailedText("\n".join(invalid.values()))
        box.open()
        return box

    def fit_to_screen(self) -> None:
        """First run: a comfortable size that never exceeds the screen (125-200% scaling shrinks it)."""
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 1340, 760
        if screen is not None:
            width, height = min(width, screen.width()), min(height, screen.height())
            self.setGeometry(screen.x() + (screen.width() - width) // 2, screen.y() + (screen.height() - height) // 2,
                             width, height)
        else:
            self.resize(width, height)

    def _actions(self) -> None:
        self.import_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Open))
        self.import_action.triggered.connect(lambda: self.import_files())
        self.settings_action = QAction(self, shortcut=QKeySequence("Ctrl+,"))
        self.settings_action.triggered.connect(self.open_settings)
        self.play_action = QAction(self)
        self.play_action.setShortcuts([QKeySequence(Qt.Key.Key_Space), QKeySequence(Qt.Key.Key_K)])
        self.play_action.triggered.connect(self._space)
        self.report_action = QAction(self, shortcut=QKeySequence("Ctrl+P"))
        self.report_action.triggered.connect(self.export_video_report)
        self.feedback_action = QAction(self, shortcut=QKeySequence("Ctrl+Shift+F"))
        self.feedback_action.triggered.connect(lambda: self.send_feedback())
        self.quit_action = QAction(self, shortcut=QKeySequence(QKeySequence.StandardKey.Quit))
        self.quit_action.triggered.connect(self.close)
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.addActions([self.import_action, self.report_action, self.feedback_action, self.settings_action,
                                   self.quit_action])
        self.view_menu = self.menuBar().addMenu("")
        self.view_menu.addAction(self.play_action)
        self.keys = ReviewKeys(self, self.view_menu)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("ThinkTwice Review"))
        for index, label in enumerate((QT_TR_NOOP("Review videos"), QT_TR_NOOP("Check a script"),
                                      QT_TR_NOOP("Term lists"), QT_TR_NOOP("Campaign dashboard"))):
            self.tabs.setTabText(index, tr(label))
        self.file_menu.setTitle(tr("&File"))
        self.view_menu.setTitle(tr("&Playback"))
        self.import_action.setText(tr("&Import videos…"))
        self.settings_action.setText(tr("&Settings…"))
        self.play_action.setText(tr("Play / pause"))
        self.quit_action.setText(tr("&Quit"))
        self.report_action.setText(tr("Export video &report (PDF)…"))
        self.bundles.retranslate()
        self.feedback_action.setText(tr("Send &feedback to the creator…"))

    def apply_settings(self, settings: AppSettings) -> None:
        self.settings = settings
        LANGUAGE.set(settings.language)
        self.review.set_identity(settings.reviewer, settings.organisation)
        self.retranslate()

    def open_settings(self) -> None:
        dialog = SettingsDialog(self, self.settings)
        if dialog.exec():
            chosen = dialog.result_settings()
            chosen.save(self.qsettings)
            self.apply_settings(chosen)
            self.notify(tr("Settings saved."))

    def _save_path(self, title: str, name: str, pattern: str, chosen: str | None) -> str | None:
        if chosen:
            return chosen
        path, _ = QFileDialog.getSaveFileName(self, title, name, pattern)
        return path or None

    def _choose(self, title: str, path: str | None, language: str | None, with_format: bool = False,
                fmt: str | None = None) -> ExportChoice | None:
        """The document's language (and format): asked at export time, unless the caller (a test) says."""
        if path is not None:
            return ExportChoice(language or LANGUAGE.code, fmt or "pdf")
        return ask_export_choice(self, title, with_format)

    def export_video_report(self, path: str | None = None, language: str | None = None) -> None:
        video_id = self.review.video_id
        if video_id is None or self.exporter is None:
            self.notify(tr("Open a video first."))
            return
        choice = self._choose(tr("Export video report"), path, language)
        name = self.review.detail["video"]["original_name"].rsplit(".", 1)[0] if self.review.detail else "video"
        path = self._save_path(tr("Export video report"), f"{name}-report.pdf", "PDF (*.pdf)", path) if choice else None
        if path and choice:
            self.exporter.video_report(video_id, path, choice.language)

    def send_feedback(self, path: str | None = None, language: str | None = None, fmt: str | None = None) -> None:
        """Feedback for the creator: each point to change, with a frame, why it matters and a kinder wording."""
        video_id = self.review.video_id
        if video_id is None or self.exporter is None:
            self.notify(tr("Open a video first."))
            return
        choice = self._choose(tr("Send feedback to the creator"), path, language, True, fmt)
        if choice is None:
            return
        name = self.review.detail["video"]["original_name"].rsplit(".", 1)[0] if self.review.detail else "video"
        pattern = "HTML (*.html)" if choice.fmt == "html" else "PDF (*.pdf)"
        path = self._save_path(tr("Send feedback to the creator"), f"{name}-feedback.{choice.fmt}", pattern, path)
        if path:
            self.exporter.feedback(video_id, path, choice.language, choice.fmt)

    def open_compare(self, video_id: int) -> CompareView | None:
        """Version N beside N-1, in its own window."""
        try:
            view = CompareView(self.services, video_id, self)
        except UserError as exc:
            self.notify(str(exc))
            return None
        view.show()
        return view

    def export_campaign_pdf(self, campaign: str | None, path: str | None = None, language: str | None = None) -> None:
        choice = self._choose(tr("Export PDF summary"), path, language)
        path = self._save_path(tr("Export PDF summary"), f"{campaign or 'all-campaigns'}-summary.pdf", "PDF (*.pdf)",
                               path) if choice else None
        if path and choice and self.exporter is not None:
            self.exporter.campaign_report(campaign, path, choice.language)

    def export_campaign_csv(self, campaign: str | None, path: str | None = None) -> None:
        path = self._save_path(tr("Export CSV"), f"{campaign or 'all-campaigns'}-findings.csv", "CSV (*.csv)", path)
        if path and self.exporter is not None:
            self.exporter.campaign_csv(campaign, path)

    def notify(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    def _space(self) -> None:
        if self.tabs.currentIndex() == 0:
            self.review.player.toggle_play()

    def import_files(self, paths: list[str] | None = None, campaign: str | None = None) -> list[int]:
        """Import files or folders. The campaign (and optional creator and caption) is asked unless a drop
        lands while the library shows one campaign, or the caller names it."""
        chose_files = paths is None
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, tr("Import videos"), "",
                                                    "Media (" + " ".join(f"*{e}" for e in sorted(MEDIA_EXTENSIONS))
                                                    + ")")
        files: list[str] = []
        for path in paths:
            files += [str(p) for p in media_files(path)] if Path(path).is_dir() else [path]
        creator = caption = ""
        if files and not campaign and (chose_files or not self.library.current_campaign):
            names = [row["name"] for row in campaigns(self.services.store)]
            dialog = ImportDialog(self, names, self.library.current_campaign, len(files))
            if not dialog.exec():
                return []
            values = dialog.values()
            campaign, creator, caption = dialog.chosen_campaign(), values["creator"], values["caption"]
        campaign = campaign or self.library.current_campaign
        if not campaign or not files:
            return []
        return [self.work.import_file(path, campaign, self.settings.reviewer, creator, caption) for path in files]

    def process(self, video_id: int, label: str) -> int:
        """Queue transcription and checking with the options Settings holds now (the task carries them)."""
        return self.work.process(video_id, label, self.settings.transcribe_options(), self.settings.reviewer,
                                 recheck=not needs_work(self.services, video_id),
                                 screen_text=self.settings.screen_text)

    def save_correction(self, video_id: int, label: str, text: str) -> int:
        """Queue a transcript correction's save and re-check, with the options Settings holds now."""
        key = self.work.save_correction(video_id, label, text, self.settings.reviewer, self.settings.organisation,
                                        self.settings.transcribe_options(), screen_text=self.settings.screen_text)
        self._corrections.add(key)
        return key

    def _task_done(self, key: int, video_id: int, kind: str) -> None:
        if key in self._corrections:
            self._corrections.discard(key)
            self.notify(tr("Correction of {name} saved as a new revision and re-checked.",
                           name=video_name(self.services.store, video_id)))
        if kind == TaskKind.EXPORT:
            return
        self._refresh_lists()
        if kind == TaskKind.IMPORT:
            if needs_work(self.services, video_id):
                self.process(video_id, video_name(self.services.store, video_id))
        elif self.review.video_id == video_id:
            self.review.reload()

    def _bundle_done(self, message: str) -> None:
        self.notify(message)
        self._refresh_lists()

    def _refresh_lists(self) -> None:
        self.library.refresh_campaigns()
        self.dashboard.refresh()

    def _lists_changed(self) -> None:
        self.script.set_checker(self.services.checker())
        self.review.reload()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.import_files(paths)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.qsettings.setValue("window/geometry", self.saveGeometry())
        self.qsettings.sync()
        self.review.player.unload()
        self.work.shutdown()
        if self.exporter is not None:
            self.exporter.wait()
        super().closeEvent(event)

