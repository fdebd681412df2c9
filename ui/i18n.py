"""UI language: English or Bahasa Melayu, switchable while the app runs.

English strings are the keys; `assets/i18n/ms.json` maps them to Malay. Widgets set their texts in a
`retranslate()` method and connect it to `LANGUAGE.changed`, so switching never needs a restart.
A missing translation falls back to English (and `missing()` lists them, for the tests).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QObject, Signal

from assets import asset_path

LANGUAGES = {"en": "English", "ms": "Bahasa Melayu"}


@lru_cache(maxsize=4)
def _catalog(code: str) -> dict[str, str]:
    if code == "en":
        return {}
    return json.loads(asset_path("i18n", f"{code}.json").read_text(encoding="utf-8"))


class Language(QObject):
    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.code = "en"
        self._asked: set[str] = set()

    def set(self, code: str) -> None:
        code = code if code in LANGUAGES else "en"
        if code != self.code:
            self.code = code
            self.changed.emit(code)

    def tr(self, text: str, /, **values: object) -> str:
        self._asked.add(text)
        translated = _catalog(self.code).get(text, text)
        return translated.format(**values) if values else translated

    def missing(self, code: str = "ms") -> set[str]:
        return {text for text in self._asked if text not in _catalog(code)}


LANGUAGE = Language()


def tr(text: str, /, **values: object) -> str:
    return LANGUAGE.tr(text, **values)


def follow_language(widget: QObject, callback: Callable[[], None]) -> None:
    """Call `callback()` whenever the UI language changes, for as long as `widget` exists.

    The connection is dropped when the widget is destroyed, so a closed window never hears the signal.
    """

    def handler(_code: str) -> None:
        callback()

    LANGUAGE.changed.connect(handler)

    def drop(*_args: object) -> None:
        with contextlib.suppress(RuntimeError, TypeError):
            LANGUAGE.changed.disconnect(handler)

    widget.destroyed.connect(drop)
