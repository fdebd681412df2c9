"""File menu actions for reviews across organisations: import a bundle, export my review bundle, locate media,
and the campaign's required reviewers. The work runs on the work queue's export lane, never on the GUI thread.

Each action takes its path as an argument (tests pass one); without it, a file dialog asks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from reviewer.review.awaiting import required_reviewers
from reviewer.review.bundle_export import export_review
from reviewer.review.bundle_import import import_bundle
from reviewer.review.media_locate import locate_media
from reviewer.review.services import Services
from reviewer.review.workflow import set_required_reviewers
from ui.i18n import tr
from ui.work_queue import ACTIONS, Report, ShouldCancel, TaskKind, WorkQueue

BUNDLE_FILTER = "ThinkTwice bundles (*.ttpkg *.ttreview)"


class BundleActions(QObject):
    done = Signal(str)  # a one-line summary for the status bar; the library should refresh
    failed = Signal(str)

    def __init__(self, parent: QWidget, work: WorkQueue, identity: Callable[[], tuple[str, str]],
                 campaign: Callable[[], str | None]) -> None:
        super().__init__(parent)
        self.parent_widget, self.work, self.identity, self.campaign = parent, work, identity, campaign
        self._keys: set[int] = set()
        work.task_done.connect(self._done)
        work.task_failed.connect(self._failed)
        self.import_action = QAction(parent)
        self.import_action.triggered.connect(lambda: self.import_bundle())
        self.export_action = QAction(parent)
        self.export_action.triggered.connect(lambda: self.export_my_review())
        self.locate_action = QAction(parent)
        self.locate_action.triggered.connect(lambda: self.locate())
        self.reviewers_action = QAction(parent)
        self.reviewers_action.triggered.connect(lambda: self.edit_reviewers())

    def add_to(self, menu: QMenu) -> None:
        first = menu.actions()[1] if len(menu.actions()) > 1 else None
        for action in (self.import_action, self.export_action, self.locate_action, self.reviewers_action):
            menu.insertAction(first, action) if first else menu.addAction(action)
        if first:
            menu.insertSeparator(first)

    def retranslate(self) -> None:
        self.import_action.setText(tr("Import &bundle…"))
        self.export_action.setText(tr("E&xport my review bundle…"))
        self.locate_action.setText(tr("&Locate media…"))
        self.reviewers_action.setText(tr("Campaign &reviewers…"))

    def _run(self, label: str, job: Callable[[Services], str], stage: str = "importing", name: str = "",
             action: str = "") -> int:
        def task(services: Services, report: Report, _cancel: ShouldCancel) -> str:
            report(0.0, stage)  # one of the queue's translated stage words
            return job(services)

        key = self.work.submit(TaskKind.EXPORT, label, task, name=name, action=action)
        self._keys.add(key)
        return key

    def _done(self, key: int, _video_id: int, _kind: str) -> None:
        if key in self._keys:
            self._keys.discard(key)
            self.done.emit(str(self.work.tasks[key].result) if key in self.work.tasks else "")

    def _failed(self, key: int, message: str, _cancelled: bool) -> None:
        if key in self._keys:
            self._keys.discard(key)
            self.failed.emit(message)

    def import_bundle(self, path: str | None = None, media_folder: str | None = None) -> int | None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.parent_widget, tr("Import bundle"), "", BUNDLE_FILTER)
            if not path:
                return None
            if path.endswith(".ttpkg"):
                media_folder = QFileDialog.getExistingDirectory(
                    self.parent_widget, tr("Where are the campaign's videos? (Cancel if the package holds them)"))
        actor = self.identity()[0]

        def job(services: Services) -> str:
            result = import_bundle(services.store, path, media_folder or None, actor)
            if result.already:
                return tr("{name} was imported before; nothing changed.", name=Path(path).name)
            missing = tr(" {n} videos still need Locate media…", n=len(result.media_missing)) \
                if result.media_missing else ""
            return tr("Imported {name}: {n} new items.", name=Path(path).name, n=sum(result.added.values())) + missing

        return self._run(tr("Import {name}", name=Path(path).name), job, name=Path(path).name, action=ACTIONS["import"])

    def export_my_review(self, path: str | None = None) -> int | None:
        name, organisation = self.identity()
        campaign = self.campaign()
        if not name or not campaign:
            self.failed.emit(tr("Choose a campaign in the library and set your name in Settings first."))
            return None
        if path is None:
            suggested = f"{name.split()[0].lower()}.ttreview"
            path, _ = QFileDialog.getSaveFileName(self.parent_widget, tr("Export my review bundle"), suggested,
                                                  "ThinkTwice review bundle (*.ttreview)")
            if not path:
                return None

        def job(services: Services) -> str:
            result = export_review(services.store, campaign, name, path, organisation or None)
            return tr("Saved {path} ({n} items).", path=path, n=sum(result.counts.values()))

        return self._run(tr("Export {name}", name=Path(path).name), job, "exporting", Path(path).name,
                         ACTIONS["export"])

    def locate(self, folder: str | None = None) -> int | None:
        if folder is None:
            folder = QFileDialog.getExistingDirectory(self.parent_widget, tr("Locate media"))
            if not folder:
                return None
        campaign, actor = self.campaign(), self.identity()[0]

        def job(services: Services) -> str:
            result = locate_media(services.store, folder, campaign, actor)
            return tr("Found {n} videos.", n=result.found) + (
                " " + tr("Still missing: {names}", names=", ".join(result.missing)) if result.missing else "")

        return self._run(tr("Locate media"), job)

    def edit_reviewers(self, names: list[str] | None = None) -> None:
        """The campaign's required reviewers, one "Name (Organisation)" per line (a quick write: GUI thread)."""
        campaign, services = self.campaign(), getattr(self.parent_widget, "services", None)
        if not campaign or services is None:
            self.failed.emit(tr("Choose a campaign in the library first."))
            return
        if names is None:
            current = "\n".join(required_reviewers(services.store, campaign) or [])
            text, ok = QInputDialog.getMultiLineText(
                self.parent_widget, tr("Campaign reviewers"),
                tr("Reviewers who must decide on every video of {campaign}, one per line, as Name (Organisation):",
                   campaign=campaign), current)
            if not ok:
                return
            names = [line for line in text.splitlines() if line.strip()]
        set_required_reviewers(services.store, campaign, names, self.identity()[0])
        self.done.emit(tr("{campaign} requires {n} reviewers.", campaign=campaign, n=len(names)))
