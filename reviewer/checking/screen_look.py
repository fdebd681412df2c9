"""The second look at a doubtful on-screen finding: which moments to read again, and what the re-reads settle.

A finding whose words the OCR read with little confidence ("look") is read again at full size on two or three
frames (transcribe/screen_reread.py). Each re-read is one of three things:
- HELD: the term is there again (an exact, variant or inflected match, not a spelling near-miss), on lines read
  with at least DOUBT_BELOW confidence;
- OTHER: clearly other text: every line read with CLEAR_SCORE or more, no trace of the term (not a near miss,
  not its letters run together with the words around it), covering the finding's box and about as long as the
  text the first pass read there;
- UNSURE: anything else (nothing read, a frame missing, a partial or low-confidence read).

The finding is confirmed when most re-reads hold the term and none reads other text; it is dropped only when
every re-read (two at least) is OTHER and they agree with each other, the way a rejected fuzzy speech finding is
dropped. Everything else stays "look". Partial reads of hard text are common ("jangan jadi b" for "jangan jadi
bodoh"), so a drop needs the strong, consistent evidence; a failed re-read never drops anything (the caller
keeps the finding as it was).
"""

from __future__ import annotations

import re
from dataclasses import replace
from enum import Enum

import numpy as np
from rapidfuzz import fuzz

from reviewer.checking.checker import Checker, CheckResult, Finding
from reviewer.checking.screen import DOUBT_BELOW
from transcribe.text_track import Box, Reading, normalise_line

CLEAR_SCORE = 0.9  # a re-read this sure of every line can overrule the first pass
MIN_COVER = 0.8  # share of the finding's box the OTHER lines must cover
MIN_LENGTH_SHARE = 0.8  # an OTHER read is at least this long, against the text the first pass read there
AGREE = 90.0  # similarity (0-100) at which two OTHER reads say the same thing
CONFIRMED_CONFIDENCE = 0.95
EDGE = 0.25  # seconds: a finding's span is half a sample (at 2 a second) wider than where its text was seen


class Verdict(Enum):
    HELD = "held"
    OTHER = "other"
    UNSURE = "unsure"


def doubtful(result: CheckResult) -> list[Finding]:
    """The findings that want a second look: read with doubt, with a place and a time to look at."""
    return [f for f in result.findings if f.verification == "look" and f.box is not None
            and f.time_start is not None and f.time_end is not None]


def moments(finding: Finding) -> tuple[float, ...]:
    """Two or three moments spread over the time the finding's text was up (one if it was up only briefly)."""
    start, end = (finding.time_start or 0.0) + EDGE, (finding.time_end or 0.0) - EDGE
    if end - start < 0.2:
        return (round(((finding.time_start or 0.0) + (finding.time_end or 0.0)) / 2, 3),)
    shares = (1 / 6, 1 / 2, 5 / 6) if end - start >= 0.6 else (1 / 4, 3 / 4)
    return tuple(round(start + (end - start) * share, 3) for share in shares)


def _joined(reads: list[Reading]) -> tuple[str, list[tuple[int, int, Reading]]]:
    """Lines in reading order (rows top to bottom, left to right in a row), joined, with each line's offsets."""
    rows: list[list[Reading]] = []
    for read in sorted(reads, key=lambda r: r.box[1] + r.box[3] / 2):
        middle = read.box[1] + read.box[3] / 2
        if rows and rows[-1][0].box[1] <= middle <= rows[-1][0].box[1] + rows[-1][0].box[3]:
            rows[-1].append(read)
        else:
            rows.append([read])
    spans, cursor = [], 0
    for read in (r for row in rows for r in sorted(row, key=lambda r: r.box[0])):
        spans.append((cursor, cursor + len(read.text), read))
        cursor += len(read.text) + 1
    return "\n".join(r.text for _, _, r in spans), spans


def _cover(box: Box, reads: list[Reading]) -> float:
    x, y, w, h = box
    mask = np.zeros((max(1, h), max(1, w)), dtype=bool)
    for r in reads:
        x0, y0 = max(0, r.box[0] - x), max(0, r.box[1] - y)
        x1, y1 = min(w, r.box[0] + r.box[2] - x), min(h, r.box[1] + r.box[3] - y)
        if x1 > x0 and y1 > y0:
            mask[y0:y1, x0:x1] = True
    return float(mask.mean())


def first_read(result: CheckResult, finding: Finding) -> str:
    """The lines the finding covers, as the first pass read them (what its box holds)."""
    start = result.text.rfind("\n", 0, finding.start) + 1
    end = result.text.find("\n", finding.end)
    return result.text[start:end if end >= 0 else len(result.text)]


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _trace(finding: Finding, text: str) -> bool:
    """The term's letters are in the text even where the checker cannot see a word ("Janganjadibodoh")."""
    squashed = _squash(text)
    return any(part and part in squashed for part in (_squash(finding.term), _squash(finding.matched)))


def verdict(checker: Checker, finding: Finding, reads: list[Reading] | None, first: str) -> Verdict:
    if not reads:
        return Verdict.UNSURE
    text, spans = _joined(reads)
    same_term = [g for g in checker.find(text) if g.term == finding.term]
    for g in same_term:
        covering = [r.score for a, b, r in spans if a < g.end and b > g.start]
        if g.kind != "fuzzy" and covering and min(covering) >= DOUBT_BELOW:
            return Verdict.HELD
    if same_term or _trace(finding, text) or min(r.score for r in reads) < CLEAR_SCORE or finding.box is None:
        return Verdict.UNSURE
    long_enough = len(normalise_line(text)) >= MIN_LENGTH_SHARE * len(normalise_line(first))
    return Verdict.OTHER if long_enough and _cover(finding.box, reads) >= MIN_COVER else Verdict.UNSURE


def settle(checker: Checker, result: CheckResult, finding: Finding, rereads: list[list[Reading] | None]
           ) -> Finding | None:
    """The finding confirmed, None (dropped), or unchanged ("look"), from its re-reads."""
    first = first_read(result, finding)
    verdicts = [verdict(checker, finding, reads, first) for reads in rereads]
    held, other = verdicts.count(Verdict.HELD), verdicts.count(Verdict.OTHER)
    if held * 2 > len(verdicts) and other == 0:
        return replace(finding, verification="confirmed", confidence=CONFIRMED_CONFIDENCE)
    if len(verdicts) >= 2 and other == len(verdicts):
        texts = [normalise_line(_joined(reads)[0]) for reads in rereads if reads]
        if all(fuzz.ratio(texts[0], text) >= AGREE for text in texts[1:]):
            return None
    return finding


def apply_second_look(checker: Checker, result: CheckResult, findings: list[Finding],
                      rereads: list[list[list[Reading] | None]]) -> CheckResult:
    """The result with each of `findings` settled by its re-reads (same order); dropped findings removed."""
    if len(rereads) != len(findings):
        return result  # not an answer to this question: keep every finding as it was
    settled = {id(f): settle(checker, result, f, reads) for f, reads in zip(findings, rereads, strict=True)}
    kept = [settled.get(id(f), f) for f in result.findings]
    return replace(result, findings=tuple(f for f in kept if f is not None))
