"""The real model on what creator videos are really like: no speech at all, and clips that make the batched
decoder loop. (The guard's judgement itself is tested without the model in test_guard.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.mediagen import music_bed, noise, write_mp4
from transcribe.runner import run_transcription
from transcribe.types import NO_SPEECH, TranscribeOptions

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def no_speech_clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("nospeech")
    return {"music": write_mp4(folder / "music.mp4", music_bed(8.0), fps=5, label="dance"),
            "noise": write_mp4(folder / "noise.mp4", noise(6.0), fps=5, label="hiss")}


def test_no_speech_is_an_empty_transcript_with_a_note(no_speech_clips: dict[str, Path]) -> None:
    transcript = run_transcription(no_speech_clips["music"], TranscribeOptions()).transcript
    assert transcript.segments == ()
    assert transcript.no_speech
    assert transcript.note == NO_SPEECH
    assert transcript.language in {"ms", "en"}


# Whisper base loops on this clip in the batched pass ("iklan-yang-yang-yang-..." 73 times, every word after
# "iklan" lost); sequential decoding with temperature fallback keeps the sentences.
LOOP_PRONE = ("Assalamualaikum dan salam sejahtera kepada semua penonton. Saya nak cerita pasal judi dalam talian. "
              "Ramai orang muda terjebak dengan judi dan hutang. Ada yang mencuri duit keluarga. Jangan percaya "
              "iklan yang janji kaya cepat. Itu semua penipuan. Kalau ada masalah, dapatkan bantuan.")


def repeats_a_phrase_three_times(text: str) -> bool:
    """Independent of the guard's own detector: any 1..6-word phrase three times back to back."""
    words = [w for w in text.lower().replace("-", " ").split() if w.strip(".,!?")]
    words = [w.strip(".,!?") for w in words]
    for size in range(1, 7):
        for start in range(len(words) - 3 * size + 1):
            phrase = words[start:start + size]
            if words[start + size:start + 2 * size] == phrase and words[start + 2 * size:start + 3 * size] == phrase:
                return True
    return False


@pytest.fixture(scope="module")
def loop_prone_clip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import numpy as np

    from tests.mediagen import silence, speak

    folder = tmp_path_factory.mktemp("loop")
    return write_mp4(folder / "loop.mp4", np.concatenate([silence(0.5), speak(LOOP_PRONE, "ms", 150), silence(0.5)]),
                     fps=5)


def _keeps_its_sentences(transcript) -> None:
    assert transcript.segments
    assert not any(repeats_a_phrase_three_times(s.text) for s in transcript.segments)
    text = transcript.text.lower()
    assert "keluarga" in text.replace(" ", "")
    assert "masalah" in text  # the loop swallowed every word after "iklan"
    assert len(transcript.words()) >= 40
    words = transcript.words()
    assert [w.start for w in words] == sorted(w.start for w in words)
    assert all(0 <= w.start <= w.end <= transcript.duration + 0.05 for w in words)


def test_loop_prone_clip_keeps_its_sentences(loop_prone_clip: Path) -> None:
    """One chunk of speech decodes sequentially, with Whisper's fallback: no loop to begin with."""
    transcript = run_transcription(loop_prone_clip, TranscribeOptions(language="ms")).transcript
    _keeps_its_sentences(transcript)
    assert repeats_a_phrase_three_times("iklan-yang-yang-yang")
    assert not repeats_a_phrase_three_times("bodoh-bodoh")


def test_batched_loop_is_decoded_again(loop_prone_clip: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Long videos take the batched pass; there the guard, not luck, removes the loop."""
    from transcribe import engine

    monkeypatch.setattr(engine, "SEQUENTIAL_SECONDS", 0.0)
    transcript = engine.transcribe_file(loop_prone_clip, TranscribeOptions(language="ms"))
    _keeps_its_sentences(transcript)
    assert any(s.redecoded for s in transcript.segments)


@pytest.mark.parametrize("kind", ["music", "noise"])
def test_cli_check_of_a_video_without_speech_says_so_and_passes(run_cli, no_speech_clips: dict[str, Path],
                                                               kind: str) -> None:
    code, out, err = run_cli("check", no_speech_clips[kind])
    assert code == 0, err
    assert "no speech found; no findings" in out
    assert "failed" not in err
