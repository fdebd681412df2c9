"""Check the on-screen text track like speech: the same checker, findings with source "screen", a time and a box.

Lines that are on screen together, one under the other, form one block of text, so a phrase split over two
lines of a caption ("balik" / "tongsan") still matches, as it does across a line break in a transcript. Each
finding takes the time span and the box (union) of the lines it covers, and the lowest OCR confidence among
them. Words the OCR was not sure of are not dropped: the finding is marked "look" (a reviewer is asked to
look at the frame), as fuzzy speech findings ask to listen.
"""

from __future__ import annotations

from dataclasses import replace

from reviewer.checking.checker import Checker, CheckResult, _now, guess_language
from transcribe.text_track import ScreenLine, TextTrack

SOURCE = "screen"
DOUBT_BELOW = 0.8  # OCR confidence under which a finding asks the reviewer to look
TOGETHER = 0.5  # seconds: lines whose spans overlap at least this much are on screen together
LINE_GAP = 1.6  # a line starting within this many line heights under the one above continues its block


def _together(a: ScreenLine, b: ScreenLine) -> bool:
    overlap = min(a.end, b.end) - max(a.start, b.start)
    below = b.box[1] - (a.box[1] + a.box[3])
    return overlap >= min(TOGETHER, (a.end - a.start) / 2) and -a.box[3] / 2 <= below <= LINE_GAP * a.box[3]


def blocks(track: TextTrack) -> list[list[ScreenLine]]:
    """Lines grouped into blocks (a caption's lines), each block top to bottom, blocks in time order."""
    grouped: list[list[ScreenLine]] = []
    for line in sorted(track.lines, key=lambda item: (item.start, item.box[1])):
        home = next((block for block in grouped if _together(block[-1], line)), None)
        if home is None:
            grouped.append([line])
        else:
            home.append(line)
    return grouped


def _union(lines: list[ScreenLine]) -> tuple[int, int, int, int]:
    x0, y0 = min(line.box[0] for line in lines), min(line.box[1] for line in lines)
    x1 = max(line.box[0] + line.box[2] for line in lines)
    y1 = max(line.box[1] + line.box[3] for line in lines)
    return x0, y0, x1 - x0, y1 - y0


def check_screen(checker: Checker, track: TextTrack, source: str = SOURCE) -> CheckResult:
    """Findings in the track's text. Offsets are into `result.text`: the blocks, separated by blank lines."""
    findings = []
    parts: list[str] = []
    offset = 0
    for block in blocks(track):
        text = "\n".join(line.text for line in block)
        starts = []
        cursor = 0
        for line in block:
            starts.append((cursor, cursor + len(line.text), line))
            cursor += len(line.text) + 1
        for finding in checker.find(text):
            covered = [line for first, last, line in starts if first < finding.end and last > finding.start]
            ocr = min(line.confidence for line in covered)
            doubtful = ocr < DOUBT_BELOW
            findings.append(replace(
                finding.shifted(offset), time_start=min(line.start for line in covered),
                time_end=max(line.end for line in covered), box=_union(covered), ocr_confidence=round(ocr, 4),
                confidence=round(min(finding.confidence, ocr), 4) if doubtful else finding.confidence,
                verification="look" if doubtful else finding.verification))
        parts.append(text)
        offset += len(text) + 2
    text = "\n\n".join(parts)
    return CheckResult(source, guess_language(text) if text else "", checker.refs, tuple(findings), text, _now())
