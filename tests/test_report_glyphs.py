"""Every character our own code writes into a document has a glyph in the report fonts.

A character no font has prints as "[U+21B3 DOWNWARDS ARROW WITH TIP RIGHTWARDS]" (reports/fonts.py), which is
right for a user's odd character but wrong for our own words: a reply's "↳" once filled a table cell that way.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from reports.fonts import Fonts
from reports.labels import TABLES
from reviewer.review.batch import transcribe_and_check
from reviewer.review.comments import reply
from reviewer.review.report_data import report_fonts
from reviewer.review.workflow import add_comment, add_review, import_media, set_disposition, set_required_reviewers
from tests.conftest import REPO
from tests.fakes import fake_services

# Modules whose string constants end up in documents (reports, feedback, the sentences the core composes).
SOURCES = [*sorted((REPO / "reports").glob("*.py")),
           *(REPO / "reviewer" / "review" / name for name in ("vocabulary.py", "report_sentences.py", "feedback.py",
                                                               "report_data.py", "screen.py")),
           REPO / "reviewer" / "store" / "jobs.py"]
SCRIPT = ("Hai semua. Jangan jadi bodoh. Dia memang pondan. If you feel low, never kill yourself, talk to someone. "
          "Terima kasih.")


def written_strings(path: Path) -> list[str]:
    """String constants of a module, without its docstrings (those are read by people, never printed)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]


def test_every_character_we_write_has_a_glyph() -> None:
    fonts = Fonts(report_fonts())
    texts = {str(path.relative_to(REPO)): written_strings(path) for path in SOURCES}
    texts["reports/labels.py tables"] = [text for table in TABLES.values() for text in table.values()]
    for path in [REPO / "assets" / "i18n" / "suggestions_ms.csv", *sorted((REPO / "assets" / "terms").glob("*.csv"))]:
        texts[str(path.relative_to(REPO))] = [path.read_text(encoding="utf-8-sig")]
    missing = {(where, char, f"U+{ord(char):04X}") for where, strings in texts.items() for text in strings
               for char in text if not char.isascii() and fonts.font_for(char) is None and fonts.visible(char)}
    assert not missing, sorted(missing)


@pytest.fixture
def everything(tmp_path: Path, clips: dict[str, Path]):
    """One video with every kind of row a document can print: findings of each source and disposition, a
    disagreement, a range comment, a reply, an internal comment, decisions and an awaited reviewer."""
    db = tmp_path / "r.db"
    services = fake_services(db, {"aina.mp4": SCRIPT}, screen={"aina.mp4": [("jangan bodoh", 0.5, 2.0, 0.9)]})
    clip = tmp_path / "aina.mp4"
    shutil.copy(clips["english"], clip)
    video_id = import_media(services.store, clip, "Kempen Raya", creator="@aina", caption="#janganbodoh bodoh").video_id
    transcribe_and_check(services, video_id)
    findings = services.store.query("SELECT id, term, source FROM findings ORDER BY id")
    pondan = next(f for f in findings if f["term"] == "pondan")
    set_disposition(services.store, pondan["id"], "dismissed", "quoted", "Nurul", "WAO")
    set_disposition(services.store, pondan["id"], "confirmed", "", "Bala", "MIASA")
    comment = add_comment(services.store, video_id, 1.5, "Tolong potong bahagian ini", "Nurul", "WAO",
                          end_seconds=3.0)
    reply(services.store, comment, "Setuju", "Aida", "WAO")
    add_comment(services.store, video_id, 2.5, "for us only", "Nurul", "WAO", internal=True)
    set_required_reviewers(services.store, "Kempen Raya", ["Nurul (WAO)", "Bala (MIASA)"])
    add_review(services.store, video_id, "Nurul", "changes_required", "WAO", "Sila buang perkataan kasar.")
    yield services, video_id, db
    services.store.close()


def pdftotext(path: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize("language", ["en", "ms"])
def test_no_document_prints_a_missing_glyph(run_cli, everything, tmp_path: Path, language: str) -> None:
    _, video_id, db = everything
    documents = {"report.pdf": ("report", video_id), "summary.pdf": ("report", "--campaign", "Kempen Raya"),
                 "feedback.pdf": ("feedback", video_id)}
    texts = {}
    for name, argv in documents.items():
        code, _, err = run_cli("--db", db, *argv, "-o", tmp_path / name, "--language", language)
        assert code == 0, err
        texts[name] = pdftotext(tmp_path / name)
        assert "[U+" not in texts[name], (name, re.findall(r"\[U\+[^\]]*\]?", texts[name])[:3])
    reply_word = {"en": "reply", "ms": "balasan"}[language]
    row = next(line for line in texts["report.pdf"].splitlines() if "Setuju" in line)
    assert "00:01" in row  # the reply's own time, not a mark alone
    assert "Aida" in row
    assert reply_word in texts["report.pdf"]
