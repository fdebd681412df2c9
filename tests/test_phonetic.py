"""The sound-alike key and the choice of moments to re-listen to (no model; the real-model case is below)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from reviewer.checking.checker import Checker
from reviewer.checking.phonetic import PhoneticIndex, close, key
from reviewer.checking.terms import bundled_list_paths, load_lists
from reviewer.review import sound_alike
from transcribe.types import Segment, Transcript, Word


@pytest.mark.parametrize(("term", "heard"), [
    ("bodoh", "bodok"),  # final -h heard as -k
    ("bodoh", "bodo"),  # final -h dropped
    ("babi", "bami"),  # b/m
    ("babi", "papi"),  # b/p
    ("bunuh", "bonoh"),  # o/u
    ("sial", "seal"),  # e/i
    ("bodoh", "boddoh"),  # doubled letter
    ("pelacur", "pelasur"),  # c heard as s
    ("tongsan", "Tonsan"),  # ng heard as n
    ("gemuk", "gemok"),
])
def test_mishearings_share_the_term_key(term: str, heard: str) -> None:
    assert key(term) == key(heard)


def test_key_keeps_different_words_apart() -> None:
    assert not close(key("bapa"), key("babi"))  # father is not the insult
    assert not close(key("kawan"), key("ganyang"))  # a difference mid-word is a different word
    assert not close(key("sosial"), key("sial"))
    assert close(key("pelasong"), key("pelacur"))  # only the final sound differs
    assert close(key("pabir"), key("babi"))  # a consonant added at the end
    assert not close(key("pabira"), key("babi"))  # ... but not a whole syllable
    assert not close(key("ab"), key("ab"))  # too short to mean anything


def test_index_finds_terms_through_a_glued_prefix_and_across_a_space() -> None:
    index = PhoneticIndex({"bodoh": "bodoh", "balik tongsan": "balik tongsan", "jalang": "jalang"})
    assert [a.term for a in index.lookup("dibodok")] == ["bodoh"]
    assert [a.term for a in index.lookup("balik Tonsan")] == ["balik tongsan"]
    assert index.lookup("makan") == []


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(load_lists(bundled_list_paths()))


def transcript(*words: tuple[str, float]) -> Transcript:
    timed = tuple(Word(text, i * 0.5, i * 0.5 + 0.4, p) for i, (text, p) in enumerate(words))
    return Transcript("ms", 1.0, len(words) * 0.5, (Segment(1, 0.0, timed[-1].end,
                                                            " ".join(w for w, _ in words), timed),))


def test_the_index_finds_what_comparing_every_spelling_finds(checker: Checker) -> None:
    """The index reads only keys of a near length; comparing the heard key with every spelling's, in order,
    must give the same terms and the same first matching spelling (the hotword) for each."""
    from reviewer.checking.phonetic import without_prefix

    index = sound_alike.index_for(checker)
    spellings: dict[str, str] = {}
    for term in checker.compiled.terms:
        if term.enabled:
            for spelling in (term.term, *term.variants):
                spellings.setdefault(spelling.lower(), term.term)
    entries = [(key(sp.replace(" ", "")), sp, term) for sp, term in spellings.items()]
    heard = [*list(spellings)[::7], "bodok", "bambi", "pelasong", "ke mohon", "tidak berkonga", "memunuh diri", "pabir",
             "Judi Talam Talian", "skim cha patkaya", "jalan", "sedih", "berlancar", "kawan", "Zanyan"]
    for word, exact in ((w, e) for w in heard for e in (False, True)):
        expected: dict[str, str] = {}
        for form in [word.replace(" ", "").lower()] if exact else without_prefix(word.replace(" ", "")):
            for term_key, spelling, term in entries:
                if len(term_key) >= 3 and (key(form) == term_key if exact else close(key(form), term_key)):
                    expected.setdefault(term, spelling)
        assert {a.term: a.anchor for a in index.lookup(word, exact)} == expected, (word, exact)


def test_unsure_sound_alikes_become_candidates_and_sure_or_real_words_do_not(checker: Checker) -> None:
    heard = transcript(("Ada", 0.9), ("yang", 0.9), ("panggil", 0.8), ("orang", 0.9), ("pelasong", 0.45),
                       ("dan", 0.9), ("jalan", 0.5), ("pelasong", 0.95), ("bodoh", 0.4))
    result = checker.check_transcript(heard)
    found = sound_alike.candidates(checker, result, heard)
    assert [(c.heard, c.terms) for c in found] == [("pelasong", ("pelacur",))]  # not the sure one, not 'jalan'
    candidate = found[0]
    assert result.text[candidate.char_start:candidate.char_end] == "pelasong"
    assert (candidate.before, candidate.after) == (("panggil", "orang"), ("dan", "jalan"))
    assert (candidate.start, candidate.end) == (2.0, 2.4)


def test_confirmed_only_when_the_neighbours_line_up(checker: Checker) -> None:
    heard = transcript(("panggil", 0.8), ("orang", 0.9), ("pelasong", 0.45), ("dan", 0.9), ("sial", 0.9))
    result = checker.check_transcript(heard)
    candidate = sound_alike.candidates(checker, result, heard)[0]
    confirmed = sound_alike.confirm(checker, result, candidate, "panggil orang pelacur dan sial")
    assert confirmed is not None
    # on the first-pass words, saying what the second listen heard there (for heard_again to write in)
    assert (confirmed.term, confirmed.heard, confirmed.matched, confirmed.time_start) == \
        ("pelacur", "pelasong", "pelacur", 1.0)
    assert result.text[confirmed.start:confirmed.end] == "pelasong"
    assert confirmed.relistened == "heard as 'pelasong', confirmed 'pelacur' on re-listening"
    assert sound_alike.confirm(checker, result, candidate, "pelacur pelacur semua pelacur") is None  # rewritten
    assert sound_alike.confirm(checker, result, candidate, "panggil orang pelasong dan sial") is None  # not held


def test_a_rare_real_word_with_a_terms_key_and_an_unsure_pair_are_candidates(checker: Checker) -> None:
    heard = transcript(("panggil", 0.8), ("kawan", 0.9), ("atau", 0.9), ("bambi", 0.45), ("perkataan", 0.9),
                       ("seperti", 0.9), ("pernah", 0.9), ("memunuh", 0.33), ("diri", 0.82), ("dia", 0.9))
    result = checker.check_transcript(heard)
    found = {c.heard: c.terms for c in sound_alike.candidates(checker, result, heard)}
    assert found["bambi"] == ("babi",)  # a real word, but a rarer one than the term, with the very same key
    assert "bunuh diri" in found["memunuh diri"]  # one unsure word is enough for a pair
    bambi = next(c for c in sound_alike.candidates(checker, result, heard) if c.heard == "bambi")
    window = bambi.window(1.0)
    assert (window["at"], window["prefix"], window["hotwords"]) == (0.5, "kawan atau", "babi")  # from "kawan" on


def test_the_relisten_must_start_at_the_term_and_go_on_as_the_first_pass_did(checker: Checker) -> None:
    heard = transcript(("panggil", 0.8), ("orang", 0.9), ("pelasong", 0.45), ("dan", 0.9), ("sial", 0.9))
    result = checker.check_transcript(heard)
    candidate = sound_alike.candidates(checker, result, heard)[0]
    assert sound_alike.confirm(checker, result, candidate, "pelacur dan sial itu tidak baik") is not None
    assert sound_alike.confirm(checker, result, candidate, "itu tidak baik kata dia pelacur dan sial") is None
    assert sound_alike.confirm(checker, result, candidate, "pelacur pelacur") is None  # nothing lines up after it
    last = transcript(("panggil", 0.8), ("orang", 0.9), ("pelasong", 0.45))
    at_the_end = sound_alike.candidates(checker, checker.check_transcript(last), last)[0]
    assert sound_alike.confirm(checker, checker.check_transcript(last), at_the_end, "pelacur") is not None
    assert sound_alike.confirm(checker, checker.check_transcript(last), at_the_end, "pelacur dan sial lagi") is None


def test_a_phrase_may_hold_a_shorter_terms_finding_and_is_biased_to_the_spelling_heard(checker: Checker) -> None:
    heard = transcript(("cerita", 0.9), ("pasal", 0.8), ("Judi", 0.46), ("Talam", 0.63), ("Talian", 0.63),
                       ("ramai", 0.5), ("orang", 0.9), ("tidak", 0.47), ("berkonga", 0.53), ("saya", 0.9))
    result = checker.check_transcript(heard)
    assert "judi" in {f.term for f in result.findings}
    found = {c.heard: c for c in sound_alike.candidates(checker, result, heard)}
    assert "Judi" not in found  # the word alone is a finding already
    assert found["Judi Talam Talian"].terms == ("judi online",)
    assert found["tidak berkonga"].window(1.0)["hotwords"] == "tidak berguna tak guna"  # as it sounds, and the term


@pytest.mark.slow
def test_real_model_recovers_a_mishearing(tmp_path: Path) -> None:
    """Whisper base hears 'pelacur' as 'perasual' here; re-listening from the words before it confirms it."""
    from reviewer.review.media_check import check_media
    from tests.mediagen import speech_clip
    from transcribe.types import TranscribeOptions

    clip = speech_clip(tmp_path / "komen.mp4", "Ramai orang suka berkongsi video. Tetapi ada juga yang suka memaki "
                       "orang lain. Ada yang panggil orang pelacur dan sial.", "ms", 175)
    checker = Checker(load_lists(bundled_list_paths()))
    transcript, result = check_media(checker, clip, TranscribeOptions(language="ms"))
    corrected = [w for w in transcript.words() if w.heard]
    assert [w.text.strip(".,") for w in corrected] == ["pelacur"]  # written into the transcript
    heard_first = corrected[0].heard
    assert heard_first.casefold() != "pelacur"
    assert heard_first not in transcript.text
    before = first_pass(transcript)
    first_check = checker.check_transcript(before)
    assert "pelacur" not in {f.term for f in first_check.findings if f.sure}  # the first pass missed it
    assert any("pelacur" in c.terms for c in sound_alike.candidates(checker, first_check, before))
    pelacur = [f for f in result.findings if f.term == "pelacur"]
    assert len(pelacur) == 1
    assert pelacur[0].sure
    assert (pelacur[0].matched, pelacur[0].heard) == ("pelacur", heard_first)
    assert pelacur[0].relistened == f"heard as '{heard_first}', confirmed 'pelacur' on re-listening"
    assert result.text[pelacur[0].start:pelacur[0].end] == "pelacur"
    assert "paki" not in {f.term for f in result.findings}  # 'memaki' stays a word


def first_pass(transcript: Transcript) -> Transcript:
    """The transcript as the first pass heard it: each corrected word back to what it replaced."""
    return replace(transcript, segments=tuple(
        replace(s, words=tuple(replace(w, text=w.heard, heard="") if w.heard else w for w in s.words),
                text=" ".join(w.heard or w.text for w in s.words)) for s in transcript.segments))


@pytest.mark.slow
def test_real_model_leaves_a_near_sounding_innocent_word_alone(tmp_path: Path) -> None:
    """An unsure 'sedih' (sad) sounds like 'shit' to the key, but in a clip heard as Malay an English term is not
    suspected at all; a garbled 'belajar' looks like a fuzzy phrase, and re-listening with it as a hotword hears
    the innocent word again, so nothing is found."""
    from reviewer.review.media_check import check_media
    from tests.mediagen import speech_clip
    from transcribe.types import TranscribeOptions

    clip = speech_clip(tmp_path / "sedih.mp4", "Saya rasa sangat sedih dan malu. Tetapi saya belajar untuk "
                       "bercakap dengan keluarga.", "ms", 150)
    checker = Checker(load_lists(bundled_list_paths()))
    transcript, result = check_media(checker, clip, TranscribeOptions(language="ms"))
    first_pass = checker.check_transcript(transcript)
    assert ("shit",) not in [c.terms for c in sound_alike.candidates(checker, first_pass, transcript)]
    assert any(f.kind == "fuzzy" for f in first_pass.findings)  # the re-listen had something to reject
    assert result.findings == ()


def test_neighbours_the_relisten_ran_together_still_line_up(checker: Checker) -> None:
    """'bodoh machambabi' for a first pass 'bodok macam barbi': the next words are there, glued (QA clip)."""
    heard = transcript(("yang", 0.9), ("tadi", 0.9), ("pelasong", 0.45), ("macam", 0.9), ("barbi", 0.9))
    result = checker.check_transcript(heard)
    candidate = sound_alike.candidates(checker, result, heard)[0]
    assert sound_alike.confirm(checker, result, candidate, "pelacur machambarbi") is not None
    assert sound_alike.confirm(checker, result, candidate, "pelacur itu tidak baik") is None  # not what followed


def test_a_clip_heard_as_malay_does_not_suspect_english_terms(checker: Checker) -> None:
    """'sedih' (sad) has the key of 'shit'; told the clip is Malay, the decoder wrote a Malay word."""
    heard = transcript(("saya", 0.9), ("rasa", 0.9), ("sedih", 0.3), ("dan", 0.9), ("malu", 0.9))
    result = checker.check_transcript(heard)
    assert all("shit" not in c.terms for c in sound_alike.candidates(checker, result, heard))
    english = replace(heard, language="en")
    result_en = checker.check_transcript(english)
    assert any("shit" in c.terms for c in sound_alike.candidates(checker, result_en, english))
