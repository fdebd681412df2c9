"""The six bugs that damaged data or decisions (issue 16), each reproduced through the real window."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings, Qt  # noqa: E402

from reviewer.checking.terms import Term, TermListError  # noqa: E402
from tests.fakes import fake_services  # noqa: E402
from tests.helpers import imported  # noqa: E402
from ui.app import build_window  # noqa: E402

pytestmark = pytest.mark.usefixtures("ui_hygiene")
from ui.settings import AppSettings  # noqa: E402


def select_list(page, name: str) -> None:
    page.list_view.setCurrentRow(next(i for i, lst in enumerate(page.lists) if lst.name == name))


def test_adding_an_existing_term_is_refused_and_nothing_is_written(qtbot, make_window) -> None:
    window = make_window()
    page = window.terms
    select_list(page, "harassment-insults")
    version = page.current.version
    dialog = page.add_term()
    dialog.fields["term"].setText("Bangang")  # already in the list (any case)
    dialog.fields["category"].setText("Harassment and Bullying")
    dialog.accept()
    assert dialog.isVisible()  # stays open, with the reason
    assert "already in harassment-insults" in dialog.error.text()
    assert page.current.version == version
    dialog.reject()
    # the store validates exactly as an import does, whoever calls it
    from reviewer.store.term_lists import save_list

    doubled = page.current.with_terms([*page.current.terms, page.current.terms[0]])
    with pytest.raises(TermListError, match="duplicate term"):
        save_list(window.services.store, doubled)


def test_an_invalid_stored_list_is_disabled_with_a_warning_and_can_be_repaired(qtbot, tmp_path: Path,
                                                                               run_cli) -> None:
    db = tmp_path / "review.db"
    services = fake_services(db)
    services.checker()  # seeds the bundled lists
    csv = services.store.query("SELECT csv FROM term_lists WHERE name = 'harassment-insults'")[0]["csv"]
    duplicate = csv.splitlines()[3]
    with services.store.write() as handle:  # what the old Term lists page wrote: a duplicated row
        handle.execute("UPDATE term_lists SET csv = ? WHERE name = 'harassment-insults'", [csv + duplicate + "\n"])
    services.store.close()
    qsettings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(str(db), AppSettings(reviewer="Aina"), qsettings, fake_services(db))
    qtbot.addWidget(window)
    try:
        assert "harassment-insults" in window.statusBar().currentMessage()  # a warning, not a fatal dialog
        assert "harassment-insults" not in [lst.name for lst in window.terms.lists]
        assert window.terms.repair_button.isVisibleTo(window.terms)
        code, _out, err = run_cli("terms", "list", "--db", db)
        assert code == 0
        assert "terms repair" in err  # the CLI works again, and says how to fix it
        window.terms.repair_button.click()
        assert "harassment-insults" in [lst.name for lst in window.terms.lists]
        assert window.terms.repair_button.isHidden()
        code, out, _err = run_cli("terms", "repair", "--db", db)
        assert code == 0
        assert "nothing to repair" in out
    finally:
        window.close()


def test_cli_repair_reports_what_it_dropped(tmp_path: Path, run_cli) -> None:
    db = tmp_path / "review.db"
    services = fake_services(db)
    services.checker()
    csv = services.store.query("SELECT csv FROM term_lists WHERE name = 'harassment-insults'")[0]["csv"]
    with services.store.write() as handle:
        handle.execute("UPDATE term_lists SET csv = ? WHERE name = 'harassment-insults'",
                       [csv + csv.splitlines()[4] + "\n"])
    services.store.close()
    code, out, _ = run_cli("terms", "repair", "--db", db)
    assert code == 0
    assert "harassment-insults: repaired and enabled again; dropped 1 row(s)" in out
    code, out, _ = run_cli("terms", "list", "--db", db)
    assert "harassment-insults" in out


def test_decision_form_follows_the_video(qtbot, make_window, clips, tmp_path: Path) -> None:
    window = make_window()
    first = imported(qtbot, window, clips["english"])
    second = imported(qtbot, window, clips["malay"])
    review = window.review
    review.open_video(first)
    review.decision.buttons["changes_required"].setChecked(True)
    review.decision.note.setPlainText("Buang perkataan itu")
    review.decision.submit.click()
    review.open_video(second)
    assert review.decision.chosen() is None
    assert review.decision.note.toPlainText() == ""
    review.open_video(first)  # this reviewer's own decision on it comes back
    assert review.decision.chosen() == "changes_required"
    assert review.decision.note.toPlainText() == "Buang perkataan itu"


def test_keyboard_moves_through_the_library_and_opens_each_video(qtbot, make_window, clips) -> None:
    window = make_window()
    imported(qtbot, window, clips["english"])
    imported(qtbot, window, clips["malay"])
    table = window.library.table
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Home)
    top = window.library.model.rows[0]["id"]
    assert window.review.video_id == top
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert window.review.video_id == window.library.model.rows[1]["id"]
    assert window.library.model.rows[1]["original_name"] in window.review.title.text()


def test_replace_with_suggestion_from_the_context_menu(qtbot, make_window) -> None:
    window = make_window()
    editor = window.script.editor
    editor.setPlainText("Jangan panggil dia bodoh ok")
    cursor = editor.textCursor()
    cursor.setPosition(21)  # inside "bodoh"
    menu = editor.context_menu(editor.cursorRect(cursor).center())
    replace = next(a for a in menu.actions() if a.text().startswith("Replace with suggestion"))
    assert replace.text() == "Replace with suggestion: saya tak setuju sebab"
    replace.trigger()
    assert editor.toPlainText() == "Jangan panggil dia saya tak setuju sebab ok"


def test_fixing_one_word_keeps_the_other_words_times(qtbot, make_window, clips) -> None:
    window = make_window()
    window.review.open_video(imported(qtbot, window, clips["english"]))
    before = window.review.findings.model.rows[0]["time_start"]
    panel = window.review.transcript
    panel.edit_button.click()  # the fake transcript: "Hai semua. Jangan jadi bodoh di media sosial. ..."
    panel.text.setPlainText(panel.text.toPlainText().replace("Hai", "Helo semua semua"))
    panel.save_button.click()
    (finding,) = window.review.findings.model.rows
    assert finding["term"] == "bodoh"
    assert finding["time_start"] == before


def test_corrected_transcript_aligns_words() -> None:
    from reviewer.review.correction import corrected_transcript
    from tests.fakes import transcript_of

    original = transcript_of("satu dua tiga empat lima", 6.0)
    words = original.segments[0].words
    fixed = corrected_transcript(original, "satu DUA tiga empat lima enam\ntujuh")
    new_words = [w for s in fixed.segments for w in s.words]
    assert [w.text for w in new_words] == ["satu", "DUA", "tiga", "empat", "lima", "enam", "tujuh"]
    for kept, old in zip([new_words[0], *new_words[2:5]], [words[0], *words[2:5]], strict=True):
        assert (kept.start, kept.end) == (old.start, old.end)
    assert (new_words[1].start, new_words[1].end) == (words[1].start, words[1].end)  # replaced one for one
    assert words[4].end <= new_words[5].start <= new_words[6].start <= original.segments[-1].end
    assert len(fixed.segments) == 2


def test_findings_after_approval_are_flagged_and_approving_open_high_findings_asks(qtbot, make_window, clips,
                                                                                  tmp_path: Path) -> None:
    from pypdf import PdfReader

    window = make_window()
    video_id = imported(qtbot, window, clips["english"])
    review = window.review
    review.open_video(video_id)
    review.decision.buttons["approved"].setChecked(True)
    review.decision.submit.click()
    assert window.library.model.rows[0]["status"] == "approved"
    page = window.terms
    select_list(page, "harassment-insults")
    page._save([*page.current.terms, Term("sosial", "test", "high", "ms")], "Term added")
    with qtbot.waitSignal(window.work.task_done, timeout=20_000):
        review.decision.recheck.click()
    window.library.refresh()
    row = window.library.model.rows[0]
    assert row["status"] == "approved"
    assert row["new_findings"] == 1
    assert "1 new" in window.library.model.data(window.library.model.index(0, 1))
    review.reload()
    assert "1 new findings since the decision" in review.title.text()
    assert "new findings since the decision" in review.decision.banner.text()
    report = tmp_path / "report.pdf"
    with qtbot.waitSignal(window.exporter.done, timeout=30_000):
        window.export_video_report(str(report))
    assert "NEW FINDINGS SINCE THE DECISION" in PdfReader(report).pages[0].extract_text()
    asked = []
    review.confirm = lambda title, question: asked.append(question) or False
    reviews = len(window.services.store.query("SELECT id FROM reviews"))
    review.decision.buttons["approved"].setChecked(True)
    review.decision.submit.click()
    assert len(asked) == 1
    assert "sosial" in asked[0]
    assert len(window.services.store.query("SELECT id FROM reviews")) == reviews  # declined: nothing recorded
    review.confirm = lambda title, question: True
    review.decision.submit.click()
    assert len(window.services.store.query("SELECT id FROM reviews")) == reviews + 1
    window.library.refresh()
    assert window.library.model.rows[0]["new_findings"] == 0  # decided again, with the finding in view
