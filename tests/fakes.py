"""Test doubles for the one seam the brief allows: the transcriber (and its siblings, the fuzzy verifier and the
on-screen text reader; tests/test_screen_text*.py run the real OCR)."""

from __future__ import annotations

import time
from pathlib import Path

from reviewer.review.screen_look import no_second_look
from reviewer.review.services import Services, no_verification
from reviewer.store.connection import Store
from transcribe.media import probe
from transcribe.text_track import ScreenLine, ScreenTextOptions, TextTrack
from transcribe.types import NO_SPEECH, Segment, TranscribeOptions, Transcript, Word

DEFAULT_SCRIPT = "Hai semua. Jangan jadi bodoh di media sosial. Fikir dahulu sebelum menulis."


def transcript_of(text: str, duration: float, language: str = "ms") -> Transcript:
    """Spread the words of `text` evenly over the clip, like a (perfect) speech recogniser would.

    An empty `text` is a clip with no speech (music, noise, silence), as the real engine reports it."""
    words = text.split()
    if not words:
        return Transcript(language, 0.0, duration, (), model="fake", engine="fake", note=NO_SPEECH)
    step = duration / (len(words) + 1)
    timed = tuple(Word(w, round(step * (i + 0.5), 3), round(step * (i + 1.2), 3), 0.9) for i, w in enumerate(words))
    return Transcript(language, 0.95, duration, (Segment(1, timed[0].start, timed[-1].end, text, timed),),
                      model="fake", engine="fake")


class FakeTranscriber:
    """Returns a scripted transcript per file name (or the default script); records what it was asked."""

    def __init__(self, scripts: dict[str, str] | None = None, delay: float = 0.0) -> None:
        self.scripts = scripts or {}
        self.delay = delay
        self.calls: list[str] = []
        self.options: list[TranscribeOptions] = []  # what each call was asked to do, e.g. from Settings

    def __call__(self, media: str, options: TranscribeOptions, on_progress=None, should_cancel=None) -> Transcript:
        self.calls.append(Path(media).name)
        self.options.append(options)
        steps = 10
        for step in range(steps):
            if should_cancel is not None and should_cancel():
                from transcribe.errors import Cancelled

                raise Cancelled("transcription cancelled")
            if on_progress is not None:
                on_progress(step / steps, "transcribing")
            time.sleep(self.delay / steps)
        return transcript_of(self.scripts.get(Path(media).name, DEFAULT_SCRIPT), probe(media, with_hash=False).duration)


class FakeScreenReader:
    """Returns a scripted text track per file name (lines as (text, start, end, confidence)); none by default."""

    def __init__(self, tracks: dict[str, list[tuple[str, float, float, float]]] | None = None) -> None:
        self.tracks = tracks or {}
        self.calls: list[str] = []

    def __call__(self, media: str, options: ScreenTextOptions, on_progress=None, should_cancel=None) -> TextTrack:
        self.calls.append(Path(media).name)
        info = probe(media, with_hash=False)
        lines = tuple(ScreenLine(text, start, end, (20, 40 + 50 * index, 200, 36), confidence, start)
                      for index, (text, start, end, confidence) in enumerate(self.tracks.get(Path(media).name, [])))
        if on_progress is not None:
            on_progress(1.0, "reading on-screen text")
        return TextTrack(info.duration, info.width, info.height, lines, engine="fake")


def fake_services(db_path: str | Path, scripts: dict[str, str] | None = None, delay: float = 0.0,
                  screen: dict[str, list[tuple[str, float, float, float]]] | None = None) -> Services:
    return Services(Store(db_path), transcriber=FakeTranscriber(scripts, delay), verifier=no_verification,
                    screen_reader=FakeScreenReader(screen), screen_verifier=no_second_look)
