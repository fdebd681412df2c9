"""User settings, kept with QSettings: who is reviewing, UI language, transcription and on-screen text choices,
folders."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QSettings

from transcribe.types import DEFAULT_CANDIDATES, TranscribeOptions


@dataclass
class AppSettings:
    reviewer: str = ""
    organisation: str = ""
    language: str = "en"
    candidates: tuple[str, ...] = DEFAULT_CANDIDATES
    model_folder: str = ""
    data_folder: str = ""
    screen_text: bool = True  # read and check the text burned into videos (OCR)
    extra: dict = field(default_factory=dict)

    def transcribe_options(self) -> TranscribeOptions:
        """What Settings says about transcription, as the options a background task carries."""
        return TranscribeOptions(candidates=self.candidates, model_path=self.model_folder or None)

    @classmethod
    def load(cls, store: QSettings | None = None) -> AppSettings:
        qs = store or QSettings()
        candidates = str(qs.value("transcription/candidates", ",".join(DEFAULT_CANDIDATES)))
        return cls(
            reviewer=str(qs.value("reviewer/name", "")), organisation=str(qs.value("reviewer/organisation", "")),
            language=str(qs.value("ui/language", "en")),
            candidates=tuple(c.strip() for c in candidates.split(",") if c.strip()) or DEFAULT_CANDIDATES,
            model_folder=str(qs.value("transcription/model_folder", "")),
            data_folder=str(qs.value("storage/data_folder", "")),
            screen_text=str(qs.value("checks/screen_text", "true")).lower() not in ("false", "0"),
        )

    def save(self, store: QSettings | None = None) -> None:
        qs = store or QSettings()
        qs.setValue("reviewer/name", self.reviewer)
        qs.setValue("reviewer/organisation", self.organisation)
        qs.setValue("ui/language", self.language)
        qs.setValue("transcription/candidates", ",".join(self.candidates))
        qs.setValue("transcription/model_folder", self.model_folder)
        qs.setValue("storage/data_folder", self.data_folder)
        qs.setValue("checks/screen_text", "true" if self.screen_text else "false")
        qs.sync()
