"""Term list loading: every bad row reported with its line number; hashes of normalised content."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer.checking.terms import TermListError, load_bundled_lists, load_term_list, parse_term_list, to_csv
from reviewer.errors import UserError

HEADER = "term,category,severity,language,variants,exceptions,suggestion,note\n"


def write(tmp_path: Path, body: str, name: str = "mine.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(body.encode(encoding))
    return path


def test_every_bad_row_is_reported_with_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, "# name: partner list\n# version: 4\n" + HEADER +
                 "bodoh,insult,medium,ms,,,,\n"
                 ",insult,low,ms,,,,\n"
                 "tolol,insult,severe,ms,,,,\n"
                 "BODOH,insult,low,ms,,,,\n"
                 "dungu,insult,low,jp,,,,\n")
    with pytest.raises(TermListError) as caught:
        load_term_list(path)
    errors = [str(e) for e in caught.value.errors]
    assert errors == [
        "line 5: empty term",
        "line 6: unknown severity 'severe' (use low|medium|high|critical)",
        "line 7: duplicate term 'BODOH' (first on line 4)",
        "line 8: unknown language 'jp' (use ms|en|any)",
    ]
    assert "4 problems" in str(caught.value)
    assert "\n" not in str(caught.value)


def test_bad_encoding_and_missing_columns(tmp_path: Path) -> None:
    latin = write(tmp_path, HEADER + "bodoh,insult,medium,ms,,,caf\u00e9,\n", "latin.csv", "latin-1")
    with pytest.raises(TermListError, match="line 2: not UTF-8"):
        load_term_list(latin)
    no_severity = write(tmp_path, "term,category,language\nbodoh,insult,ms\n", "cols.csv")
    with pytest.raises(TermListError, match="missing column severity"):
        load_term_list(no_severity)
    with pytest.raises(UserError, match="term list not found"):
        load_term_list(tmp_path / "nope.csv")


def test_metadata_variants_exceptions_and_phrases(tmp_path: Path) -> None:
    path = write(tmp_path, "# name: partner\n# version: 7\n" + HEADER +
                 '"bunuh  diri",Suicide,high,ms,"bunuhdiri| b u n u h ",,"Say ""died by suicide""",GUIDE 2\n'
                 "babi,hate,high,ms,,ladang babi|daging babi,Remove it,\n")
    term_list = load_term_list(path)
    assert (term_list.name, term_list.version) == ("partner", "7")
    first, second = term_list.terms
    assert first.term == "bunuh diri"
    assert first.variants == ("bunuhdiri", "b u n u h")
    assert first.suggestion == 'Say "died by suicide"'
    assert second.exceptions == ("ladang babi", "daging babi")


def test_hash_ignores_formatting_but_not_content(tmp_path: Path) -> None:
    rows = ["bodoh,insult,medium,ms,,,,", "tolol,insult,low,ms,,,,"]
    one = parse_term_list((HEADER + "\n".join(rows)).encode(), "a", "a")
    reordered = parse_term_list(("\ufeff" + HEADER + "\r\n".join(reversed(rows))).encode(), "b", "b")
    changed = parse_term_list((HEADER + rows[0] + "\ntolol,insult,high,ms,,,,").encode(), "c", "c")
    assert one.sha256 == reordered.sha256
    assert one.sha256 != changed.sha256


def test_csv_round_trip_and_version_bump() -> None:
    original = load_bundled_lists()[0]
    again = parse_term_list(to_csv(original).encode(), "x", "x")
    assert again.terms == original.terms
    assert again.sha256 == original.sha256
    edited = original.with_terms(original.terms[1:])
    assert int(edited.version) == int(original.version) + 1
    assert edited.sha256 != original.sha256


def test_bundled_lists_meet_the_brief() -> None:
    lists = load_bundled_lists()
    terms = [t for lst in lists for t in lst.terms]
    assert len(terms) >= 300
    assert {t.language for t in terms} >= {"ms", "en"}
    assert all(t.suggestion for t in terms if t.severity in {"high", "critical"})
    self_harm = [t for t in terms if t.category == "Suicide and Self-Harm"]
    assert self_harm
    assert all("15555" in t.suggestion for t in self_harm)
    english = [t.suggestion for t in self_harm if t.language == "en"]  # the helplines in the term's own language
    assert english
    assert all("Helplines:" in s and "emergency 999" in s and "24 jam" not in s for s in english)
    categories = {t.category for t in terms}
    for area in ("Hate Speech and Hateful Behavior", "Harassment and Bullying", "Violent and Criminal Behavior",
                 "Suicide and Self-Harm", "Disordered Eating and Body Image", "Dangerous Activity and Challenges",
                 "Body Exposure and Sexualized Behaviors", "Frauds and Scams", "Regulated Goods", "Bad language",
                 "Mental health stigma", "Misogyny and gender-based violence"):
        assert area in categories


UNMATCHABLE = [
    ("!!!", "line 4: '!!!' can never match: it has no letters or digits"),
    ("😡🔪", "line 4: '😡🔪' can never match"),
    ("\u200b\u200d", "line 4: '\\u200b\\u200d' can never match"),
    ("\"...,,,\"", "line 4: '...,,,' can never match"),
    ("+1", "line 4: '+1' would match every '1': matching ignores '+'"),
    ("#1", "line 4: '#1' would match every '1': matching ignores '#'"),
]


@pytest.mark.parametrize(("term", "message"), UNMATCHABLE, ids=[m[1][8:30] for m in UNMATCHABLE])
def test_terms_that_can_never_match_are_refused_with_their_line(tmp_path: Path, term: str, message: str) -> None:
    """Issue 15 #6: validation catches terms the matcher would silently never (or always) find."""
    path = write(tmp_path, "term,category,severity,language,variants\nbodoh,insult,low,ms,\n"
                           f"tolol,insult,low,ms,\n{term},insult,low,ms,\n")
    with pytest.raises(TermListError) as caught:
        load_term_list(path)
    assert [str(e) for e in caught.value.errors][0].startswith(message)


def test_variants_are_validated_too_and_ordinary_punctuation_is_fine(tmp_path: Path) -> None:
    path = write(tmp_path, "term,category,severity,language,variants\nbodoh,insult,low,ms,b0doh|+1\n"
                           "anti-vax,x,low,en,\nf*ck,x,low,en,\nkill!,x,low,en,\nbo\u200bdoh2,x,low,ms,\n")
    with pytest.raises(TermListError) as caught:
        load_term_list(path)
    assert [str(e) for e in caught.value.errors] == [
        "line 2: '+1' would match every '1': matching ignores '+'; write the term as words"]


@pytest.mark.parametrize("fmt", ["one list", "all lists"])
def test_terms_export_neutralises_formula_cells_and_round_trips(run_cli, tmp_path: Path, fmt: str) -> None:
    """Issue 15 #7: a shared term list must not run a formula when a partner opens it in a spreadsheet."""
    import csv

    source = write(tmp_path, "# name: partner\nterm,category,severity,language,suggestion,note\n"
                             'halimunan,"=HYPERLINK(""http://x"",""y"")",low,ms,+1 800,@admin\n'
                             "@sshole,-insult,high,en,=1+1,'=2\n")
    db = tmp_path / "r.db"
    assert run_cli("--db", db, "terms", "import", source)[0] == 0
    out = tmp_path / "out.csv"
    argv = ("terms", "export", source) if fmt == "one list" else ("--db", db, "terms", "export")
    assert run_cli(*argv, "-o", out)[0] == 0
    rows = [r for r in csv.reader(out.read_text(encoding="utf-8").splitlines()) if r and not r[0].startswith("#")]
    cells = [cell for row in rows for cell in row if cell]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]
    assert "'=HYPERLINK(\"http://x\",\"y\")" in cells
    assert "'=2" in cells  # a leading quote means "text" to a spreadsheet, and to us
    if fmt == "one list":  # exported and imported again: the same list, same hash
        assert load_term_list(out).sha256 == load_term_list(source).sha256
        assert load_term_list(out).terms[1].note == "=2"
