"""`thinktwice check` and `thinktwice terms`: exit codes, JSON contract, inputs, incremental re-checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reviewer.checking.checker import Checker, IncrementalChecker
from reviewer.checking.terms import Term, TermList, load_bundled_lists

FINDING_KEYS = {"term", "category", "severity", "language", "kind", "confidence", "start", "end", "matched",
                "suggestion", "time_start", "time_end"}


def test_exit_codes(run_cli, tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Selamat pagi semua, fikir dahulu sebelum menulis.", encoding="utf-8")
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("Jangan panggil orang bodoh.", encoding="utf-8")
    assert run_cli("check", clean)[0] == 0
    assert run_cli("check", dirty)[0] == 1
    code, _, err = run_cli("check", tmp_path / "missing.txt")
    assert code == 2
    assert "file not found" in err
    code, _, err = run_cli("check", dirty, "--bogus")
    assert code == 2
    assert "unrecognized arguments" in err


def test_json_contract(run_cli, tmp_path: Path) -> None:
    text = "Dia  membunuh\ndiri. BODOH!"
    path = tmp_path / "script.txt"
    path.write_text(text, encoding="utf-8")
    code, out, _ = run_cli("check", path, "--format", "json")
    assert code == 1
    payload = json.loads(out)
    assert payload["source"] == str(path)
    assert payload["language"] == "ms"
    assert {"name", "version", "sha256"} <= set(payload["term_lists"][0])
    assert len(payload["findings"]) == 2
    for finding in payload["findings"]:
        assert set(finding) >= FINDING_KEYS
        assert text[finding["start"]:finding["end"]] == finding["matched"]
        assert finding["time_start"] is None
    assert [f["term"] for f in payload["findings"]] == ["bunuh diri", "bodoh"]


def test_stdin_and_text_output(run_cli, monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"kamu memang bodoh dan bodok\n")))
    code, out, _ = run_cli("check", "-")
    assert code == 1
    assert "[MEDIUM] bodoh" in out
    assert "listen to confirm: heard 'bodok'" in out
    assert out.strip().endswith("<stdin>: 2 medium (1 to confirm by listening)")


def test_subtitles_carry_times(run_cli, tmp_path: Path) -> None:
    srt = tmp_path / "clip.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:03,500\nSelamat pagi\n\n2\n00:01:02,250 --> 00:01:04,000\n"
                   "jangan jadi <i>bodoh</i>\n", encoding="utf-8")
    code, out, _ = run_cli("check", srt, "--format", "json")
    assert code == 1
    (finding,) = json.loads(out)["findings"]
    assert finding["term"] == "bodoh"
    assert finding["time_start"] == pytest.approx(62.25)
    assert finding["time_end"] == pytest.approx(64.0)


def test_custom_terms_replace_bundled(run_cli, tmp_path: Path) -> None:
    terms = tmp_path / "mine.csv"
    terms.write_text("term,category,severity,language\nhate,hate,low,en\n", encoding="utf-8")
    script = tmp_path / "s.txt"
    script.write_text("haters hating a red hatchback; bodoh", encoding="utf-8")
    code, out, _ = run_cli("check", script, "--terms", terms, "--format", "json")
    payload = json.loads(out)
    assert code == 1
    assert [f["matched"] for f in payload["findings"]] == ["haters", "hating"]
    assert [r["name"] for r in payload["term_lists"]] == ["mine"]


def test_bad_inputs_get_one_line(run_cli, tmp_path: Path) -> None:
    binary = tmp_path / "bin.txt"
    binary.write_bytes(b"\xff\xfe\x00bad")
    code, _, err = run_cli("check", binary)
    assert code == 2
    assert "not UTF-8" in err
    bad_terms = tmp_path / "bad.csv"
    bad_terms.write_text("term,category,severity,language\nbodoh,x,huge,ms\n", encoding="utf-8")
    code, _, err = run_cli("check", binary, "--terms", bad_terms)
    assert code == 2
    assert "line 2: unknown severity 'huge'" in err
    assert err.count("\n") == 1


def test_terms_commands(run_cli, tmp_path: Path) -> None:
    code, out, _ = run_cli("terms", "list")
    assert code == 0
    assert "suicide-self-harm v2" in out
    out_file = tmp_path / "all.json"
    assert run_cli("terms", "export", "--format", "json", "-o", out_file)[0] == 0
    exported = json.loads(out_file.read_text(encoding="utf-8"))
    assert sum(len(lst["terms"]) for lst in exported) >= 300
    bad = tmp_path / "bad.csv"
    bad.write_text("term,category,severity,language\n,x,low,ms\nok,x,low,xx\n", encoding="utf-8")
    code, _, err = run_cli("terms", "validate", bad)
    assert code == 2
    assert "line 2: empty term" in err
    assert "line 3: unknown language 'xx'" in err


def test_incremental_rechecks_only_the_edited_paragraph() -> None:
    checker = Checker(load_bundled_lists())
    live = IncrementalChecker(checker)
    paragraphs = [f"Perenggan {i}: kita fikir dahulu sebelum menulis." for i in range(50)]
    paragraphs[10] += " Jangan bodoh."
    text = "\n\n".join(paragraphs)
    first = live.check(text)
    assert live.last_rechecked == 50
    paragraphs[30] += " Dia nak pukul orang."
    edited = "\n\n".join(paragraphs)
    second = live.check(edited)
    assert live.last_rechecked == 1
    assert second == checker.find(edited)
    assert len(second) == len(first) + 1
    assert second[-1].term == "pukul"


TERMS = TermList("t", "1", (Term("bodoh", "x", "medium", "ms"), Term("bunuh diri", "x", "high", "ms"),
                            Term("kill", "x", "high", "en"), Term("sial", "x", "low", "ms")))
PROPERTY_CHECKER = Checker([TERMS])
alphabet = st.sampled_from(list("bodhunirkls aei-_.*!@$013457\n\tΒоԁ") + ["bodoh", "bunuh diri", "ｂ", "é", "\u0301",
                                                                            "ß", "ﬁ", "İ", "🙂"])


@settings(max_examples=300, deadline=None)
@given(st.lists(alphabet, max_size=40).map("".join))
def test_offsets_always_map_back_to_the_matched_text(text: str) -> None:
    for finding in PROPERTY_CHECKER.find(text):
        assert 0 <= finding.start < finding.end <= len(text)
        assert text[finding.start:finding.end] == finding.matched


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30), st.text(max_size=30))
def test_a_term_between_any_text_is_found_with_true_offsets(before: str, after: str) -> None:
    text = f"{before} bodoh {after}"
    findings = PROPERTY_CHECKER.find(text)
    assert all(text[f.start:f.end] == f.matched for f in findings)
    assert any(f.term == "bodoh" and f.matched.casefold() == "bodoh" for f in findings) or any(
        f.start <= len(before) + 1 < f.end for f in findings)


def test_cli_uses_the_lists_the_app_edits(run_cli, tmp_path: Path) -> None:
    db = tmp_path / "r.db"
    partner = tmp_path / "partner.csv"
    partner.write_text("# name: partner\n# version: 2\nterm,category,severity,language\nhalimunan,test,high,ms\n",
                       encoding="utf-8")
    script = tmp_path / "s.txt"
    script.write_text("ada halimunan di sini", encoding="utf-8")
    assert run_cli("--db", db, "check", script)[0] == 0  # not a term yet
    code, out, _ = run_cli("--db", db, "terms", "import", partner)
    assert code == 0
    assert "imported 'partner' version 2 (1 terms)" in out
    code, out, _ = run_cli("--db", db, "check", script, "--format", "json")
    assert code == 1
    assert [f["term"] for f in json.loads(out)["findings"]] == ["halimunan"]
    assert "partner v2" in run_cli("--db", db, "terms", "list")[1]


def test_a_first_import_keeps_the_bundled_lists(run_cli, tmp_path: Path) -> None:
    """Issue 15 #1: the bundled lists are seeded by a migration, whatever the user does first."""
    db = tmp_path / "new.db"
    partner = tmp_path / "partner.csv"
    partner.write_text("# name: partner\nterm,category,severity,language\nhalimunan,test,high,ms\n", encoding="utf-8")
    assert run_cli("--db", db, "terms", "import", partner)[0] == 0  # the very first thing done to this database
    script = tmp_path / "s.txt"
    script.write_text("kill yourself", encoding="utf-8")
    code, out, _ = run_cli("--db", db, "check", script, "--format", "json")
    assert code == 1
    assert "kill yourself" in {f["term"] for f in json.loads(out)["findings"]}
    listed = run_cli("--db", db, "terms", "list")[1]
    assert "partner v1" in listed
    assert "harassment-insults" in listed


def test_an_import_never_replaces_a_list_silently(run_cli, tmp_path: Path) -> None:
    """Issue 15 #2: same name as an existing (here: bundled) list → refused, unless --replace or --name."""
    db = tmp_path / "r.db"
    one = tmp_path / "harassment-insults.csv"
    one.write_text("term,category,severity,language\nhalimunan,test,high,ms\n", encoding="utf-8")
    before = run_cli("--db", db, "terms", "list")[1]
    code, out, err = run_cli("--db", db, "terms", "import", one)
    assert code == 2
    assert err.count("\n") == 1
    assert "a term list named 'harassment-insults' already exists" in err
    assert "--replace" in err
    assert "--name NEW" in err
    assert run_cli("--db", db, "terms", "list")[1] == before  # nothing changed
    code, out, _ = run_cli("--db", db, "terms", "import", one, "--name", "partner")
    assert "imported 'partner' version 1 (1 terms)" in out
    code, out, _ = run_cli("--db", db, "terms", "import", one, "--replace")
    assert code == 0
    assert "imported 'harassment-insults' version 2 (1 terms)" in out
    from reviewer.store.connection import Store

    with Store(db) as store:
        entry = store.query("SELECT details FROM audit WHERE action = 'term-list-change' ORDER BY id DESC")[0]
    assert json.loads(entry["details"]) | {"sha256": ""} == {
        "name": "harassment-insults", "version": "2", "terms": 1, "new": False, "replaced_by_import": True,
        "sha256": ""}


def test_a_list_with_every_term_disabled_checks_nothing_and_says_so(run_cli, tmp_path) -> None:
    """"no findings" would be a lie: nothing was looked for."""
    disabled = tmp_path / "disabled.csv"
    disabled.write_text("term,category,severity,language,enabled\nbodoh,Harassment and Bullying,high,ms,no\n")
    script = tmp_path / "skrip.txt"
    script.write_text("kau bodoh\n")
    code, out, err = run_cli("check", str(script), "--terms", str(disabled))
    assert code == 2
    assert "no enabled terms" in err
    assert "no findings" not in out
    code, _, err = run_cli("terms", "validate", str(disabled))
    assert code == 2
    assert "all 1 terms are disabled" in err


def test_an_unknown_enabled_value_or_language_is_refused(run_cli, tmp_path) -> None:
    maybe = tmp_path / "maybe.csv"
    maybe.write_text("term,category,severity,language,enabled\nbodoh,Harassment and Bullying,high,ms,maybe\n")
    code, _, err = run_cli("terms", "validate", str(maybe))
    assert code == 2
    assert "line 2: unknown enabled value 'maybe'" in err
    script = tmp_path / "skrip.txt"
    script.write_text("kau bodoh\n")
    code, _, err = run_cli("check", str(script), "--language", "xx")
    assert code == 2
    assert "unknown language 'xx'" in err
