"""What the checker must catch, what it must not flag, and how it reports: table-driven, bundled lists."""

from __future__ import annotations

import pytest

from reviewer.checking.checker import Checker
from reviewer.checking.terms import load_bundled_lists


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_bundled_lists())


def found(checker: Checker, text: str) -> list[tuple[str, str, str]]:
    return [(f.matched, f.term, f.kind) for f in checker.find(text)]


CATCH = [
    # (text, matched, canonical term, kind)
    ("dia bodoh", "bodoh", "bodoh", "exact"),
    ("Dia BODOH", "BODOH", "bodoh", "exact"),  # exact = the listed spelling, ignoring case
    ("ｂｏｄｏｈ sangat", "ｂｏｄｏｈ", "bodoh", "normalized"),  # full-width
    ("bódóh", "bódóh", "bodoh", "normalized"),  # diacritics
    ("bоdоh", "bоdоh", "bodoh", "normalized"),  # Cyrillic о
    ("ѕіаl", "ѕіаl", "sial", "normalized"),  # all Cyrillic lookalikes
    ("ρondαn", "ρondαn", "pondan", "normalized"),  # Greek rho and alpha
    ("b0d0h", "b0d0h", "bodoh", "normalized"),
    ("5ial betul", "5ial", "sial", "exact"),  # a listed variant
    ("51al betul", "51al", "sial", "normalized"),
    ("what a b!tch", "b!tch", "bitch", "normalized"),
    ("sh1t happens", "sh1t", "shit", "exact"),  # listed variant
    ("@ss", "@ss", "ass", "normalized"),
    ("you are 5tup1d", "5tup1d", "stupid", "normalized"),
    ("sl*t", "sl*t", "slut", "normalized"),
    ("f**k this", "f**k", "fuck", "normalized"),
    ("bodohhhh", "bodohhhh", "bodoh", "normalized"),
    ("stuuupid", "stuuupid", "stupid", "normalized"),
    ("b.o.d.o.h", "b.o.d.o.h", "bodoh", "normalized"),
    ("b o d o h", "b o d o h", "bodoh", "normalized"),
    ("s-t-u-p-i-d", "s-t-u-p-i-d", "stupid", "normalized"),
    ("p_o_n_d_a_n", "p_o_n_d_a_n", "pondan", "normalized"),
    ("membunuh", "membunuh", "bunuh", "morphological"),
    ("pembunuhan", "pembunuhan", "bunuh", "morphological"),
    ("terbunuh", "terbunuh", "bunuh", "morphological"),
    ("dibunuh", "dibunuh", "bunuh", "morphological"),
    ("kebodohan", "kebodohan", "bodoh", "morphological"),
    ("membodohkan", "membodohkan", "bodoh", "morphological"),
    ("diperbodohkan", "diperbodohkan", "bodoh", "morphological"),
    ("bodohnya", "bodohnya", "bodoh", "morphological"),
    ("bodohlah", "bodohlah", "bodoh", "morphological"),
    ("memukul", "memukul", "pukul", "morphological"),  # nasal assimilation p -> m
    ("menipu", "menipu", "tipu", "morphological"),  # t -> n
    ("penipu", "penipu", "tipu", "morphological"),
    ("bodoh-bodoh", "bodoh-bodoh", "bodoh", "morphological"),  # reduplication
    ("kills", "kills", "kill", "morphological"),
    ("killed", "killed", "kill", "morphological"),
    ("killing", "killing", "kill", "morphological"),
    ("bitches", "bitches", "bitch", "exact"),  # listed variant
    ("stabbing", "stabbing", "stab", "morphological"),  # consonant doubling
    ("scammers everywhere", "scammers", "scam", "exact"),  # listed variant
    ("two scams", "scams", "scam", "morphological"),
    ("bunuh diri", "bunuh diri", "bunuh diri", "exact"),
    ("bunuh\tdiri", "bunuh\tdiri", "bunuh diri", "exact"),
    ("bunuh\ndiri", "bunuh\ndiri", "bunuh diri", "exact"),
    ("bunuh-diri", "bunuh-diri", "bunuh diri", "exact"),
    ("membunuh diri", "membunuh diri", "bunuh diri", "morphological"),
    ("he committed suicide", "committed suicide", "commit suicide", "morphological"),
    ("balik   tongsan", "balik   tongsan", "balik tongsan", "exact"),
]


@pytest.mark.parametrize(("text", "matched", "term", "kind"), CATCH, ids=[c[0] for c in CATCH])
def test_catches(checker: Checker, text: str, matched: str, term: str, kind: str) -> None:
    assert (matched, term, kind) in found(checker, text)


NOT_FLAGGED = [
    "media sosial", "hari yang spesial", "pihak yang terbabit", "isu yang membabitkan mereka",
    "kasut itu digilap", "jari kelingking", "the class", "assess the risk", "a passenger", "the embassy",
    "a useful skill", "a red hatchback", "psychology class", "jalan raya", "kaum buruh", "gula dan garam",
    "anjung rumah", "ladang babi", "kedai mamak", "pukul 8 malam", "pukul lapan", "sotong goreng",
    "ayam betina", "seaweed salad", "kesihatan mental", "Cockpit", "Scunthorpe", "Sussex", "basement",
    "Mississippi", "therapist", "shitake mushroom", "assassin", "cocktail", "analysis", "titanic",
    "tergila-gila", "racun serangga",
]


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_does_not_flag_innocent_words(checker: Checker, text: str) -> None:
    assert found(checker, text) == []


def test_phrase_wins_over_words_inside_it(checker: Checker) -> None:
    assert found(checker, "dia cuba bunuh diri") == [("bunuh diri", "bunuh diri", "exact")]


def test_longest_overlap_wins(checker: Checker) -> None:
    results = found(checker, "cina babi")
    assert results == [("cina babi", "cina babi", "exact")]


def test_exception_suppresses_only_its_phrase(checker: Checker) -> None:
    assert found(checker, "ladang babi itu") == []
    assert ("babi", "babi", "exact") in found(checker, "dasar babi")


MISHEARD = [("bodok", "bodoh"), ("pelasur", "pelacur"), ("Tonsan", "tongsan")]


@pytest.mark.parametrize(("heard", "term"), MISHEARD)
def test_mishearings_are_fuzzy_and_less_than_sure(checker: Checker, heard: str, term: str) -> None:
    (finding,) = checker.find(f"dia kata {heard} tadi")
    assert (finding.matched, finding.term, finding.kind) == (heard, term, "fuzzy")
    assert 0 < finding.confidence < 1
    assert not finding.sure


@pytest.mark.parametrize("word", ["jalan", "buruh", "gula", "anjung", "jalanan", "gulai"])
def test_real_words_near_terms_are_not_fuzzy(checker: Checker, word: str) -> None:
    assert checker.find(f"ini {word} kami") == []


def test_offsets_slice_the_original_text(checker: Checker) -> None:
    text = "Ｄｉａ ｂｏｄｏｈ!\r\nDia  membunuh\tdiri… b.o.d.o.h 🙂 ѕіаl"
    findings = checker.find(text)
    assert len(findings) == 4
    assert all(text[f.start:f.end] == f.matched for f in findings)


def test_suggestions_and_helplines(checker: Checker) -> None:
    (finding,) = checker.find("he committed suicide")
    assert "died by suicide" in finding.suggestion
    assert "15555" in finding.suggestion
    assert "03-7627 2929" in finding.suggestion


def test_check_records_the_lists_used(checker: Checker) -> None:
    result = checker.check_text("bodoh")
    assert {r.name for r in result.term_lists} >= {"harassment-insults", "suicide-self-harm"}
    assert all(len(r.sha256) == 64 for r in result.term_lists)
    assert result.counts() == {"medium": 1}
