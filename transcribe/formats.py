"""Transcript export: TXT, SRT, WebVTT and JSON.

Subtitle conventions followed: cues numbered from 1 (SRT), `HH:MM:SS,mmm` (SRT) / `HH:MM:SS.mmm` (VTT),
at most two lines of at most 42 characters per cue, and no cue longer than 7 seconds when word timings let
us split it. Cues are cut at word boundaries using Whisper's word timestamps.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Callable
from dataclasses import dataclass

from transcribe.types import Segment, Transcript

MAX_LINE_CHARS = 42
MAX_CUE_LINES = 2
MAX_CUE_SECONDS = 7.0
FORMATS = ("txt", "srt", "vtt", "json")


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str

    def lines(self) -> list[str]:
        return textwrap.wrap(self.text, MAX_LINE_CHARS, break_long_words=False) or [""]


def timestamp(seconds: float, separator: str = ",") -> str:
    millis = max(0, round(seconds * 1000))
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{separator}{millis:03d}"


def _fits(text: str, start: float, end: float) -> bool:
    return len(textwrap.wrap(text, MAX_LINE_CHARS, break_long_words=False)) <= MAX_CUE_LINES and (
        end - start <= MAX_CUE_SECONDS)


def _split_by_words(segment: Segment) -> list[Cue]:
    cues: list[Cue] = []
    words: list[str] = []
    start = segment.words[0].start
    end = start
    for word in segment.words:
        candidate = " ".join([*words, word.text])
        if words and not _fits(candidate, start, word.end):
            cues.append(Cue(start, end, " ".join(words)))
            words, start = [], word.start
        words.append(word.text)
        end = word.end
    if words:
        cues.append(Cue(start, end, " ".join(words)))
    return cues


def _split_by_text(segment: Segment) -> list[Cue]:
    """No word timings: share the segment's time among its line pairs in proportion to their length."""
    lines = textwrap.wrap(segment.text, MAX_LINE_CHARS, break_long_words=False)
    chunks = [" ".join(lines[i:i + MAX_CUE_LINES]) for i in range(0, len(lines), MAX_CUE_LINES)]
    total = sum(len(chunk) for chunk in chunks) or 1
    cues, cursor = [], segment.start
    for chunk in chunks:
        span = (segment.end - segment.start) * len(chunk) / total
        cues.append(Cue(cursor, cursor + span, chunk))
        cursor += span
    return cues


def cues(transcript: Transcript) -> list[Cue]:
    result: list[Cue] = []
    for segment in transcript.segments:
        text = segment.text.strip()
        if not text:
            continue
        if _fits(text, segment.start, segment.end):
            result.append(Cue(segment.start, segment.end, text))
        elif segment.words:
            result.extend(_split_by_words(segment))
        else:
            result.extend(_split_by_text(segment))
    return result


def to_txt(transcript: Transcript) -> str:
    return "".join(f"{segment.text.strip()}\n" for segment in transcript.segments if segment.text.strip())


def to_srt(transcript: Transcript) -> str:
    blocks = [f"{number}\n{timestamp(cue.start)} --> {timestamp(cue.end)}\n" + "\n".join(cue.lines()) + "\n"
              for number, cue in enumerate(cues(transcript), start=1)]
    return "\n".join(blocks)


def to_vtt(transcript: Transcript) -> str:
    blocks = [f"{timestamp(cue.start, '.')} --> {timestamp(cue.end, '.')}\n" + "\n".join(cue.lines()) + "\n"
              for cue in cues(transcript)]
    return "WEBVTT\n\n" + "\n".join(blocks)


def to_json(transcript: Transcript) -> str:
    return json.dumps(transcript.to_dict(), ensure_ascii=False, indent=2) + "\n"


RENDERERS: dict[str, Callable[[Transcript], str]] = {"txt": to_txt, "srt": to_srt, "vtt": to_vtt, "json": to_json}


def render(transcript: Transcript, fmt: str) -> str:
    try:
        return RENDERERS[fmt](transcript)
    except KeyError:
        raise ValueError(f"unknown transcript format '{fmt}'; choose one of {', '.join(FORMATS)}") from None


_CUE_TIME = re.compile(r"(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{3})\s*-->\s*(?:(\d+):)?(\d{1,2}):(\d{2})[,.](\d{3})")


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def parse_subtitles(text: str, language: str = "") -> Transcript:
    """Read SRT or WebVTT cues back into a transcript (segments without word timings).

    Lenient about what surrounds the cues (numbers, WEBVTT header, NOTE blocks, cue settings), so
    subtitles exported by other tools check fine.
    """
    segments: list[Segment] = []
    for block in re.split(r"\r?\n\s*\r?\n", text.lstrip("\ufeff")):
        lines = [line.strip() for line in block.strip().splitlines()]
        for index, line in enumerate(lines):
            timing = _CUE_TIME.search(line)
            if timing:
                groups = timing.groups()
                body = " ".join(re.sub(r"<[^>]+>", "", part) for part in lines[index + 1:] if part)
                if body:
                    segments.append(Segment(len(segments) + 1, _seconds(*groups[:4]), _seconds(*groups[4:]), body))
                break
    if not segments:
        raise ValueError("no subtitle cues found (expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm' lines)")
    duration = max(s.end for s in segments)
    return Transcript(language or "", 1.0, duration, tuple(segments), model="", engine="subtitles")
