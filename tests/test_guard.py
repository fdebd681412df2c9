"""The loop and hallucination guard's judgement, without the model (the real-model cases are in test_speech_guard)."""

from __future__ import annotations

from transcribe import guard
from transcribe.language import LanguageChoice, choose_by_likelihood
from transcribe.redecode import Chunk, Decoded, failing_spans
from transcribe.types import NO_SPEECH, Segment, Transcript, Word


def stats(text: str, logprob: float = -0.3, no_speech: float = 0.05) -> guard.Stats:
    return guard.Stats(text, logprob, no_speech)


def test_repeated_phrase_is_found_with_its_count() -> None:
    words = guard.normal_words("Assalamualaikum dan Assalamualaikum dan Assalamualaikum dan selamat pagi")
    assert guard.longest_repeat(words) == (3, "assalamualaikum dan")
    assert guard.longest_repeat(guard.normal_words("iklan-yang-yang-yang-yang")) == (4, "yang")


def test_reduplication_and_ordinary_text_are_not_loops() -> None:
    assert guard.problems(stats("Jangan panggil orang bodoh-bodoh, kawan-kawan.")) == []
    assert guard.problems(stats("Sila fikir dahulu sebelum anda menulis di media sosial.")) == []


def test_loops_low_confidence_and_compression_are_problems() -> None:
    loop = stats("Assalamualaikum dan " * 6)
    assert any("repeated 6 times" in p for p in guard.problems(loop))
    assert any("compression ratio" in p for p in guard.problems(loop))
    assert guard.problems(stats("kata kata lang", logprob=-1.4)) == ["average log-probability -1.40"]
    assert guard.failures(stats("kata kata lang", logprob=-1.4)) == []  # doubtful, but not decoded again


def test_silence_phrases_are_dropped_only_with_doubt() -> None:
    assert guard.not_speech(stats("Terima kasih kerana menonton!", no_speech=0.35))
    assert guard.not_speech(stats("Thanks for watching.", logprob=-0.8))
    assert not guard.not_speech(stats("Terima kasih kerana menonton!", logprob=-0.2, no_speech=0.05))
    assert not guard.not_speech(stats("Selamat pagi semua", no_speech=0.5))
    assert guard.not_speech(stats("Selamat pagi semua", logprob=-1.2, no_speech=0.7))  # Whisper's own rule


def test_lost_speech_and_badness_order() -> None:
    assert guard.sparse(40, 20.0)  # a greeting for 20 s of speech
    assert not guard.sparse(300, 20.0)
    assert not guard.sparse(10, 2.0)  # too short to judge
    greeting = [stats("Assalamualaikum warahmatullahi wabarakatuh")]
    sentences = [stats("Assalamualaikum dan selamat pagi. Ramai orang suka berkongsi video di media sosial."),
                 stats("Tetapi ada juga yang suka mengutuk orang lain. Fikir dahulu sebelum menulis komen.")]
    assert guard.badness(sentences, 20.0) < guard.badness(greeting, 20.0)


def _decoded(text: str, start: float, end: float, logprob: float = -0.3) -> Decoded:
    return Decoded(Segment(0, start, end, text), stats(text, logprob), chunk=0)


def test_failing_span_reaches_the_next_good_segment() -> None:
    chunk = Chunk(((0, 16_000 * 12),))
    good = _decoded("Selamat pagi semua, hari ini kita bincang.", 0.0, 3.0)
    loop = _decoded("yang yang yang yang yang", 3.0, 4.0)
    after = _decoded("Jangan percaya iklan yang janji kaya cepat.", 8.0, 12.0)
    spans = failing_spans([good, loop, after], [chunk])
    assert [(s.start, s.end, s.members) for s in spans] == [(3.0, 8.0, (loop,))]


def test_no_speech_note_and_marks_round_trip() -> None:
    empty = Transcript("ms", 0.0, 12.0, (), note=NO_SPEECH)
    assert empty.no_speech
    assert Transcript.from_dict(empty.to_dict()).note == NO_SPEECH
    segment = Segment(1, 0.0, 1.0, "bodok", (Word("bodok", 0.0, 1.0, 0.31),), redecoded=True, doubtful=True)
    again = Transcript.from_dict(Transcript("ms", 1.0, 1.0, (segment,)).to_dict())
    assert again.segments[0] == segment
    assert not again.no_speech
    assert Transcript.from_dict({"language": "ms", "language_probability": 1, "duration": 1,
                                 "segments": [{"id": 1, "start": 0, "end": 1, "text": "x"}]}).note == ""


def test_language_choice_survives_nothing_decoded() -> None:
    detector = LanguageChoice("ms", 0.5, "th", 0.6, 0.2)
    assert choose_by_likelihood(detector, {"ms": float("-inf"), "en": float("-inf")}, ("ms", "en")) is detector
