"""The on-screen text track as TXT (one line per entry with its times), SRT (one cue per entry) or JSON."""

from __future__ import annotations

import json

from transcribe.formats import timestamp
from transcribe.text_track import TextTrack

SCREEN_FORMATS = ("txt", "srt", "json")


def render_track(track: TextTrack, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(track.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "srt":
        cues = [f"{number}\n{timestamp(line.start)} --> {timestamp(line.end)}\n{line.text}\n"
                for number, line in enumerate(track.lines, start=1)]
        return "\n".join(cues)
    if fmt == "txt":
        return "".join(f"[{timestamp(line.start, '.')[3:]} - {timestamp(line.end, '.')[3:]}] {line.text}\n"
                       for line in track.lines)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(SCREEN_FORMATS)}")
