"""Words confirmed by re-listening are written into the transcript, and the findings follow them.

The real model recovers 'pelacur' in tests/test_phonetic.py; these feed `correct` what verification returns (a
confirmed finding on the first-pass words, saying what the second listen heard) and look at every piece.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from reviewer.checking.checker import Checker, CheckResult, Finding
from reviewer.checking.terms import bundled_list_paths, load_lists
from reviewer.review.heard_again import correct
from transcribe.types import Segment, Transcript, Word


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_lists(bundled_list_paths()))


def transcript(*lines: str) -> Transcript:
    """One segment per line, a word every half second, each word 0.4 s long and unsure (0.5)."""
    segments, at = [], 0.0
    for number, line in enumerate(lines, start=1):
        words = []
        for text in line.split():
            words.append(Word(text, at, at + 0.4, 0.5))
            at += 0.5
        segments.append(Segment(number, words[0].start, words[-1].end, line, tuple(words)))
    return Transcript("ms", 1.0, at, tuple(segments))


def confirmed(checker: Checker, result: CheckResult, first_pass: str, heard_again: str, term: str) -> Finding:
    """What verification returns for a confirmed moment: on the first-pass words, with the words heard again."""
    start = result.text.index(first_pass)
    sure = next(f for f in checker.find(heard_again) if f.term == term)
    return replace(sure, start=start, end=start + len(first_pass), heard=first_pass, confidence=0.9,
                   verification="confirmed")


def consistent(result: CheckResult) -> bool:
    return all(result.text[f.start:f.end] == f.matched for f in result.findings)


def test_a_confirmed_word_replaces_the_mishearing_and_later_findings_move(checker: Checker) -> None:
    heard = transcript("jangan panggil dia pelasong, dia bukan babi")
    first = checker.check_transcript(heard)
    verified = replace(first, findings=(confirmed(checker, first, "pelasong", "pelacur", "pelacur"),
                                        *first.findings))
    fixed, result = correct(checker, heard, verified)
    assert fixed.text == "jangan panggil dia pelacur, dia bukan babi"
    word = fixed.words()[3]
    assert (word.text, word.heard, word.start, word.end, word.probability) == ("pelacur,", "pelasong", 1.5, 1.9, 0.5)
    assert [(f.term, f.matched, f.heard, f.verification) for f in result.findings] == [
        ("pelacur", "pelacur", "pelasong", "confirmed"), ("babi", "babi", "", "")]
    assert consistent(result)
    assert result.findings[1].start == first.findings[0].start - 1  # one letter shorter before it


def test_the_correction_is_what_any_later_check_reads(checker: Checker) -> None:
    heard = transcript("jangan panggil dia pelasong")
    first = checker.check_transcript(heard)
    fixed, result = correct(checker, heard, replace(first, findings=(
        confirmed(checker, first, "pelasong", "pelacur", "pelacur"),)))
    again = checker.check_transcript(Transcript.from_dict(fixed.to_dict()))  # stored and read back
    assert [(f.term, f.heard, f.verification, f.relistened) for f in again.findings] == [
        ("pelacur", "pelasong", "confirmed", "heard as 'pelasong', confirmed 'pelacur' on re-listening")]
    assert again.findings == result.findings


def test_a_doubtful_word_verification_dropped_stays_dropped(checker: Checker) -> None:
    """'bodok' is a fuzzy finding the re-listen did not confirm: verification left it out, and so does the
    corrected check, although reading the corrected text again would find it."""
    heard = transcript("kamu bodok, dia pelasong")
    first = checker.check_transcript(heard)
    assert any(f.kind == "fuzzy" for f in first.findings)
    verified = replace(first, findings=(confirmed(checker, first, "pelasong", "pelacur", "pelacur"),))
    _, result = correct(checker, heard, verified)
    assert [f.term for f in result.findings] == ["pelacur"]


def test_words_heard_as_a_different_number_of_words_share_the_time_and_the_trail(checker: Checker) -> None:
    heard = transcript("dia cuba bunuhdiri semalam")
    first = checker.check_transcript(heard)
    fixed, result = correct(checker, heard, replace(first, findings=(
        confirmed(checker, first, "bunuhdiri", "bunuh diri", "bunuh diri"),)))
    assert fixed.text == "dia cuba bunuh diri semalam"
    assert [(w.text, w.heard, w.start, w.end) for w in fixed.words()][2:4] == [
        ("bunuh", "bunuhdiri", 1.0, 1.2), ("diri", "bunuhdiri", 1.2, 1.4)]
    assert [(f.term, f.matched, f.heard) for f in result.findings] == [("bunuh diri", "bunuh diri", "bunuhdiri")]
    assert consistent(result)
    # two first-pass words heard again as one
    heard = transcript("saya ke mohon di media")
    first = checker.check_transcript(heard)
    fixed, result = correct(checker, heard, replace(first, findings=(
        confirmed(checker, first, "ke mohon", "gemuk", "gemuk"),)))
    assert fixed.text == "saya gemuk di media"
    assert [(w.text, w.heard, w.start, w.end) for w in fixed.words()][1] == ("gemuk", "ke mohon", 0.5, 1.4)
    assert [(f.term, f.heard) for f in result.findings] == [("gemuk", "ke mohon")]
    assert consistent(result)


def test_a_sentence_keeps_its_capital_and_a_name_like_mishearing_loses_it(checker: Checker) -> None:
    heard = transcript("Hodok di media sosial. Ada yang kata Hodok lagi")
    first = checker.check_transcript(heard)
    spot = first.text.rindex("Hodok")
    again = confirmed(checker, first, "Hodok", "hodoh", "hodoh")
    fixed, _ = correct(checker, heard, replace(first, findings=(again, replace(again, start=spot, end=spot + 5))))
    assert fixed.text == "Hodoh di media sosial. Ada yang kata hodoh lagi"


def test_a_word_differing_only_in_capitals_is_left_as_it_was(checker: Checker) -> None:
    """'Judi Talam Talian' heard again as 'judi dalam talian': only 'Talam' changes; 'Judi' keeps its own finding."""
    heard = transcript("pasal Judi Talam Talian itu")
    first = checker.check_transcript(heard)
    verified = replace(first, findings=(*first.findings,
                                        confirmed(checker, first, "Judi Talam Talian", "judi dalam talian",
                                                  "judi online")))
    fixed, result = correct(checker, heard, verified)
    assert fixed.text == "pasal Judi dalam Talian itu"
    assert [(w.text, w.heard) for w in fixed.words() if w.heard] == [("dalam", "Talam")]
    by_term = {f.term: f for f in result.findings}
    assert by_term["judi online"].heard == "Judi Talam Talian"
    assert (by_term["judi"].heard, by_term["judi"].verification) == ("", "")  # the first pass had 'Judi'
    assert consistent(result)


def test_without_word_times_the_transcript_is_kept_and_the_finding_still_says_what_was_heard(
        checker: Checker) -> None:
    heard = Transcript("ms", 1.0, 3.0, (Segment(1, 0.0, 3.0, "jangan panggil dia pelasong"),))
    first = checker.check_transcript(heard)
    fixed, result = correct(checker, heard, replace(first, findings=(
        confirmed(checker, first, "pelasong", "pelacur", "pelacur"),)))
    assert fixed == heard
    assert [(f.matched, f.relistened) for f in result.findings] == [
        ("pelasong", "heard as 'pelasong', confirmed 'pelacur' on re-listening")]
    assert consistent(result)


def test_words_across_two_segments_are_not_merged(checker: Checker) -> None:
    heard = transcript("dia kata judi", "dalam tahlian semalam")
    first = checker.check_transcript(heard)
    fixed, result = correct(checker, heard, replace(first, findings=(
        confirmed(checker, first, "judi\ndalam tahlian", "judi dalam talian", "judi online"),)))
    assert fixed == heard
    assert consistent(result)


def test_nothing_confirmed_changes_nothing(checker: Checker) -> None:
    heard = transcript("jangan panggil dia babi")
    first = checker.check_transcript(heard)
    assert correct(checker, heard, first) == (heard, first)


def test_each_word_keeps_its_own_punctuation(checker: Checker) -> None:
    heard = transcript("pasal Judi, Talam Talian. itu")
    first = checker.check_transcript(heard)
    verified = replace(first, findings=(confirmed(checker, first, "Judi, Talam Talian", "judi dalam talian",
                                                  "judi online"),))
    fixed, result = correct(checker, heard, verified)
    assert fixed.text == "pasal Judi, dalam Talian. itu"
    assert consistent(result)


def test_a_confirmation_overlapping_one_written_in_is_kept_on_the_new_words(checker: Checker) -> None:
    """Two confirmations over shared words: the first is written in; the second cannot be (its words changed
    under it), and the checker, reading the new words, does not find its term. It is kept, on the new words."""
    heard = transcript("dia tidak berkonga lagi")
    first = checker.check_transcript(heard)
    written = confirmed(checker, first, "tidak berkonga", "tidak berguna", "tak guna")
    start = first.text.index("berkonga")
    overlapping = replace(next(f for f in checker.find("pil kuda")), start=start, end=start + len("berkonga"),
                          heard="berkonga", confidence=0.9, verification="confirmed")
    fixed, result = correct(checker, heard, replace(first, findings=(written, overlapping)))
    assert fixed.text == "dia tidak berguna lagi"
    assert [(f.term, f.matched) for f in result.findings] == [("tak guna", "tidak berguna"), ("pil kuda", "berguna")]
    assert consistent(result)
