"""Translations kept with Qt's tools: every user-visible string in the code has a Malay translation."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from tests.conftest import REPO  # noqa: E402
from ui.i18n import compiled, lupdate_command, translations, ts_path  # noqa: E402


def messages(ts: Path) -> dict[str, ET.Element]:
    return {m.findtext("source", ""): m for m in ET.parse(ts).getroot().iter("message")}


def test_every_string_in_the_code_has_a_malay_translation(tmp_path: Path) -> None:
    """lupdate over the code finds no string the .ts lacks, and none untranslated."""
    fresh = tmp_path / "thinktwice_ms.ts"
    shutil.copy(ts_path("ms"), fresh)
    subprocess.run(lupdate_command(fresh), cwd=REPO, check=True, capture_output=True)
    found = messages(fresh)
    untranslated = sorted(s for s, m in found.items() if m.find("translation").get("type") or  # type: ignore[union-attr]
                          not m.findtext("translation"))
    assert untranslated == [], "translate these in assets/i18n/thinktwice_ms.ts (run ui.i18n.lupdate_command)"
    assert set(found) == set(messages(ts_path("ms"))), "the .ts is not in step with the code: run lupdate"
    assert len(found) > 150


def test_translations_keep_their_placeholders() -> None:
    fields = re.compile(r"\{(\w+)\}")
    wrong = {s: t for s, t in translations("ms").items() if sorted(fields.findall(s)) != sorted(fields.findall(t))}
    assert wrong == {}


def test_compiled_once_into_the_cache_under_the_ts_hash() -> None:
    from PySide6.QtCore import QTranslator

    first = compiled("ms")
    assert first.suffix == ".qm"
    assert first == compiled("ms")  # not compiled again
    translator = QTranslator()
    assert translator.load(str(first))
    assert translator.translate("", "Review videos") == "Semak video"
