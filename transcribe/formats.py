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


_TIME = r"(?:(\d+):)?(\d+):(\d+)[,.](\d{3})"
_CUE_TIME = re.compile(rf"^{_TIME}\s*-->\s*{_TIME}(?:\s|$)")
_TIME_LIKE = re.compile(r"\d+:\d+[:,.]\d+")  # a timing line, however mangled
_SKIPPED_BLOCKS = ("WEBVTT", "NOTE", "STYLE", "REGION")


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float:
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _cue_time(line: str) -> tuple[float, float] | str:
    """(start, end), or why the timing line is unusable."""
    timing = _CUE_TIME.match(line)
    if not timing:
        return "not 'HH:MM:SS,mmm --> HH:MM:SS,mmm'"
    groups = timing.groups()
    if any(int(value) >= 60 for value in (groups[1], groups[2], groups[5], groups[6])):
        return "minutes and seconds must be under 60"
    start, end = _seconds(*groups[:4]), _seconds(*groups[4:])
    if end < start:
        return "it ends before it starts"
    return start, end


def _blocks(text: str) -> list[list[tuple[int, str]]]:
    """Blank-line separated blocks of (line number, stripped line)."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if line.strip():
            blocks[-1].append((number, line.strip()))
        elif blocks[-1]:
            blocks.append([])
    return [block for block in blocks if block]


def read_subtitles(text: str, language: str = "") -> tuple[Transcript, list[str]]:
    """Read SRT or WebVTT cues into a transcript (segments without word timings), with a warning per bad time.

    Lenient about what surrounds the cues (numbers, WEBVTT header, NOTE blocks, cue settings), so subtitles
    exported by other tools check fine. Strict about times, without losing words: a cue whose time is
    malformed or impossible (99:99:99, an end before its start) or missing is still read, so its words are
    checked; it is placed at the end of the cue before it, and a warning names its line.
    """
    segments: list[Segment] = []
    warnings: list[str] = []
    for block in _blocks(text):
        if block[0][1].split(maxsplit=1)[0] in _SKIPPED_BLOCKS:
            continue
        timing_at = next((i for i, (_, line) in enumerate(block) if "-->" in line or _TIME_LIKE.match(line)), None)
        if timing_at is None:  # an SRT number, then text: no time at all
            body_lines = block[1:] if block[0][1].isdigit() else block
            timing: tuple[float, float] | str = "the cue has no time line"
        else:
            body_lines = block[timing_at + 1:]
            timing = _cue_time(block[timing_at][1])
        body = " ".join(re.sub(r"<[^>]+>", "", line) for _, line in body_lines)
        if not body.strip():
            continue
        if isinstance(timing, str):
            at = segments[-1].end if segments else 0.0
            number = block[timing_at if timing_at is not None else 0][0]
            warnings.append(f"line {number}: bad cue time ({timing}); its words were checked and placed at "
                            f"{timestamp(at)}")
            timing = (at, at)
        segments.append(Segment(len(segments) + 1, timing[0], timing[1], body))
    if not segments:
        raise ValueError("no subtitle cues found (expected 'HH:MM:SS,mmm --> HH:MM:SS,mmm' lines)")
    duration = max(s.end for s in segments)
    return Transcript(language or "", 1.0, duration, tuple(segments), model="", engine="subtitles"), warnings


def parse_subtitles(text: str, language: str = "") -> Transcript:
    """`read_subtitles` without the warnings."""
    return read_subtitles(text, language)[0]
