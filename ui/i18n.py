"""UI language with Qt's own translation system: English or Bahasa Melayu, switchable while the app runs.

English strings are the source. `assets/i18n/thinktwice_<code>.ts` holds the translations (edit them in Qt
Linguist); `pyside6-lupdate` keeps the file in step with the code (`lupdate_command` below; tests/test_i18n.py fails
when it is not). A bare `tr("...")` is filed by lupdate under the empty context, which is what `tr` asks
Qt for; labels held in variables are marked with `QT_TR_NOOP` where they are defined.

The .qm Qt loads is compiled from the .ts with `pyside6-lrelease` (shipped with PySide6, a runtime
dependency) the first time a language is chosen, into the user cache under a name carrying the .ts hash,
so it is never stale and nothing generated is committed; a bundle may ship the .qm beside the .ts instead.
`Language.set` installs the `QTranslator` (at start-up, from Settings, and on every switch) and tells the
widgets, whose `retranslate()` methods follow `LANGUAGE.changed`, so switching never needs a restart.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

import PySide6
from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal

from assets import asset_path
from reviewer.paths import cache_dir
from reviewer.review.vocabulary import category_label, kinder_wording, language_of

LANGUAGES = {"en": "English", "ms": "Bahasa Melayu"}
CONTEXT = ""  # where lupdate files a bare tr("...")


def lupdate_command(ts: str | os.PathLike[str]) -> list[str]:
    """Bring `ts` in step with the code. Run it from the repository root after changing user-visible strings
    (`python -c "import subprocess, ui.i18n as i; subprocess.run(i.lupdate_command(i.ts_path('ms')))"`),
    then translate the new entries in Qt Linguist."""
    root = Path(__file__).resolve().parent.parent
    sources = sorted(str(p.relative_to(root)) for p in (root / "ui").glob("*.py"))
    return [_tool("lupdate"), *sources, "reviewer/review/vocabulary.py", "-locations", "none", "-no-obsolete",
            "-source-language", "en", "-ts", str(ts)]


def ts_path(code: str) -> Path:
    return asset_path("i18n", f"thinktwice_{code}.ts")


def _tool(name: str) -> str:
    """A Qt tool shipped inside the PySide6 wheel (on PATH as pyside6-<name> in a venv)."""
    bundled = Path(PySide6.__file__).parent / (name + (".exe" if sys.platform == "win32" else ""))
    return str(bundled) if bundled.exists() else f"pyside6-{name}"


def compiled(code: str) -> Path:
    """The .qm for `code`: beside the .ts if a bundle shipped one, else compiled once into the user cache."""
    ts = ts_path(code)
    shipped = ts.with_suffix(".qm")
    if shipped.exists():
        return shipped
    digest = hashlib.sha256(ts.read_bytes()).hexdigest()[:16]
    target = cache_dir() / "i18n" / f"thinktwice_{code}-{digest}.qm"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, partial = tempfile.mkstemp(suffix=".qm", dir=target.parent)
        os.close(fd)
        try:
            subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", partial], check=True, capture_output=True)
            os.replace(partial, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(partial)
    return target


@lru_cache(maxsize=4)
def translations(code: str) -> dict[str, str]:
    """The finished translations in the .ts (for the completeness test and `missing`)."""
    root = ET.parse(ts_path(code)).getroot()
    return {m.findtext("source", ""): m.findtext("translation", "") for m in root.iter("message")
            if m.find("translation") is not None and m.find("translation").get("type") is None}  # type: ignore[union-attr]


class Language(QObject):
    changed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.code = "en"
        self._asked: set[str] = set()
        self._translator: QTranslator | None = None

    def set(self, code: str) -> None:
        code = code if code in LANGUAGES else "en"
        if code != self.code:
            self._install(code)
            self.code = code
            self.changed.emit(code)

    def _install(self, code: str) -> None:
        app = QCoreApplication.instance()
        if self._translator is not None:
            QCoreApplication.removeTranslator(self._translator)
            self._translator = None
        if code == "en" or app is None:
            return
        translator = QTranslator(app)
        try:
            loaded = translator.load(str(compiled(code)))
        except (OSError, subprocess.CalledProcessError) as exc:
            loaded = False
            logging.getLogger("thinktwice").error("cannot compile the %s translation: %s", code, exc)
        if loaded:
            QCoreApplication.installTranslator(translator)
            self._translator = translator

    def translate(self, text: str, /, **values: object) -> str:
        self._asked.add(text)
        translated = QCoreApplication.translate(CONTEXT, text)
        return translated.format(**values) if values else translated

    def missing(self, code: str = "ms") -> frozenset[str]:
        """Strings the app asked for that have no finished translation."""
        return frozenset(text for text in self._asked if not translations(code).get(text))


LANGUAGE = Language()


def tr(text: str, /, **values: object) -> str:
    """`text` in the interface language, with `{name}` fields filled from `values`."""
    return LANGUAGE.translate(text, **values)


def category(name: str) -> str:
    """A guideline area in the interface language, in the same words as a report in that language."""
    return category_label(name, language_of(LANGUAGE.code))


def suggestion(text: str) -> str:
    """A term's kinder wording in the interface language where the core has it (as the reports print it)."""
    return kinder_wording(text, language_of(LANGUAGE.code))


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
