"""The guideline checker: text or a transcript in, findings out.

A finding's `start`/`end` are `str` offsets into the text exactly as given, so `text[start:end] == matched`.
For transcripts the text is the words joined by spaces (segments by newlines) and each finding also carries
the time of its first and last word.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone

from reviewer.checking.fuzzy import fuzzy_confidence, known_words, words_of
from reviewer.checking.matcher import CompiledTerms
from reviewer.checking.matches import FindingKind, Match
from reviewer.checking.normalize import Token
from reviewer.checking.terms import SEVERITIES, Severity, TermList, TermListRef
from transcribe.types import Transcript

PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
CONTEXT_CHARS = 40
RELISTENED_CONFIDENCE = 0.9  # a term a targeted second listen heard where the first pass heard something else
# A word's letters, inner hyphens and apostrophes kept ("kawan-kawan", "don't"): what a transcript word is
# without its punctuation, for the re-listening trail and its line-up checks.
WORD_LETTERS = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


@dataclass(frozen=True)
class Finding:
    term: str
    category: str
    severity: Severity
    language: str
    kind: FindingKind
    confidence: float
    start: int
    end: int
    matched: str
    suggestion: str = ""
    note: str = ""
    list_name: str = ""
    time_start: float | None = None
    time_end: float | None = None
    verification: str = ""  # media fuzzy findings: "confirmed" or "" (rejected ones are dropped); "look": see below
    box: tuple[int, int, int, int] | None = None  # on-screen findings: where the text is (x, y, width, height)
    ocr_confidence: float | None = None  # on-screen findings: how sure the OCR was of the words
    # Transcript findings confirmed by re-listening: what the first pass heard ("bodok"); `matched` is what the
    # second listen heard, written into the transcript (review/heard_again.py). Empty otherwise.
    heard: str = ""

    @property
    def relistened(self) -> str:
        """What re-listening (or, on screen, reading again) settled, for people: "heard as 'bodok', confirmed
        'bodoh' on re-listening"; "read with confidence 0.62, confirmed 'bodoh' on a second look"."""
        if self.verification != "confirmed":
            return ""
        if self.box is not None and self.ocr_confidence is not None:
            if self.matched.lower() != self.term.lower():
                return f"read as '{self.matched}', confirmed '{self.term}' on a second look"
            return f"read with confidence {self.ocr_confidence:.2f}, confirmed '{self.term}' on a second look"
        first = self.heard or self.matched  # without a trail, the finding stands on the words the first pass heard
        if first.lower() == self.term.lower():
            return ""
        return f"heard as '{first}', confirmed '{self.term}' on re-listening"

    @property
    def sure(self) -> bool:
        """Fuzzy matches, and words the OCR read with low confidence ("look"), need a person to confirm."""
        return self.kind != "fuzzy" and self.verification != "look"

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def shifted(self, offset: int) -> Finding:
        return replace(self, start=self.start + offset, end=self.end + offset)


@dataclass(frozen=True)
class CheckResult:
    source: str
    language: str
    term_lists: tuple[TermListRef, ...]
    findings: tuple[Finding, ...]
    text: str
    checked_at: str = ""
    note: str = ""  # from the transcript: "no speech found" says an empty result is not a failed check
    language_probability: float = 1.0  # how sure the spoken-language choice was (1.0 when it was given)

    def counts(self) -> dict[str, int]:
        by = Counter(f.severity for f in self.findings)
        return {s: by[s] for s in reversed(SEVERITIES) if by[s]}

    def summary(self) -> str:
        counts = self.counts()
        return ", ".join(f"{n} {s}" for s, n in counts.items()) if counts else "no findings"

    def to_dict(self) -> dict[str, object]:
        return {"source": self.source, "language": self.language, "checked_at": self.checked_at,
                "term_lists": [r.to_dict() for r in self.term_lists],
                "findings": [f.to_dict() for f in self.findings], "note": self.note,
                "language_probability": self.language_probability}


def context(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> str:
    """A one-line snippet around a finding, for people."""
    left = text[max(0, start - width):start].split("\n")[-1]
    right = text[end:end + width].split("\n")[0]
    return " ".join(f"{'…' if start - width > 0 else ''}{left}{text[start:end]}{right}"
                    f"{'…' if end + width < len(text) else ''}".split())


def guess_language(text: str) -> str:
    """ms or en: which language's word list knows more of the words only it has. Mixed text is common,
    so this is a label for the record, not a filter: every term is checked whatever the language."""
    malay, english = words_of("ms"), words_of("en")
    words = [w.lower() for w in re.findall(r"[^\W\d_]{2,}", text)[:2000]]
    only_malay = sum(w in malay and w not in english for w in words)
    only_english = sum(w in english and w not in malay for w in words)
    return "ms" if only_malay >= only_english and only_malay else "en"


class Checker:
    """Compiled term lists plus the rules that turn matches into findings. Build once, check many times."""

    def __init__(self, lists: Sequence[TermList]) -> None:
        self.lists = tuple(lists)
        self.compiled = CompiledTerms([t for lst in self.lists for t in lst.terms])
        self.refs = tuple(lst.ref for lst in self.lists)
        known_words()

    def _finding(self, text: str, tokens: list[Token], match: Match, probability: float | None = None) -> Finding:
        term = self.compiled.terms[match.term_index]
        start, end = tokens[match.first].start, tokens[match.last].end
        confidence = 1.0 if match.kind != "fuzzy" else fuzzy_confidence(match.similarity, probability)
        return Finding(term.term, term.category, term.severity, term.language, match.kind, confidence, start, end,
                       text[start:end], term.suggestion, term.note, term.list_name)

    def find(self, text: str) -> list[Finding]:
        tokens, matches = self.compiled.find(text)
        return [self._finding(text, tokens, m) for m in matches]

    def check_text(self, text: str, source: str = "", language: str = "auto") -> CheckResult:
        return CheckResult(source, guess_language(text) if language == "auto" else language, self.refs,
                           tuple(self.find(text)), text, _now())

    def check_transcript(self, transcript: Transcript, source: str = "") -> CheckResult:
        text, spans = transcript_text(transcript)
        tokens, matches = self.compiled.find(text)
        starts = [s[0] for s in spans]
        first_heard = heard_first(transcript)
        findings = []
        for match in matches:
            first = max(0, bisect.bisect_right(starts, tokens[match.first].start) - 1)
            last = max(0, bisect.bisect_right(starts, tokens[match.last].end - 1) - 1)
            probability = spans[first][4] if spans and match.kind == "fuzzy" else None
            finding = self._finding(text, tokens, match, probability)
            if spans:
                finding = replace(finding, time_start=spans[first][2], time_end=spans[last][3])
            if any(first_heard[first:last + 1]):  # words a second listen replaced: the finding says so
                heard = " ".join(first_heard[i] or " ".join(WORD_LETTERS.findall(text[spans[i][0]:spans[i][1]]))
                                 for i in range(first, last + 1)  # words that replaced one run say it once
                                 if i == first or not first_heard[i] or first_heard[i] != first_heard[i - 1])
                if f" {finding.matched.casefold()} " not in f" {heard.casefold()} ":  # else the first pass had it
                    finding = replace(finding, heard=heard, verification="confirmed",
                                      confidence=min(finding.confidence, RELISTENED_CONFIDENCE))
            findings.append(finding)
        return CheckResult(source, transcript.language, self.refs, tuple(findings), text, _now(), transcript.note,
                           transcript.language_probability)


def transcript_text(transcript: Transcript) -> tuple[str, list[tuple[int, int, float, float, float | None]]]:
    """The transcript as text, plus (char start, char end, time start, time end, probability) per word."""
    parts: list[str] = []
    spans: list[tuple[int, int, float, float, float | None]] = []
    cursor = 0
    for number, segment in enumerate(transcript.segments):
        if number:
            parts.append("\n")
            cursor += 1
        pieces: list[tuple[str, float, float, float | None]] = \
            [(w.text, w.start, w.end, w.probability) for w in segment.words] or \
                 [(segment.text.strip(), segment.start, segment.end, None)]
        for index, (word, start, end, probability) in enumerate(pieces):
            if index:
                parts.append(" ")
                cursor += 1
            parts.append(word)
            spans.append((cursor, cursor + len(word), start, end, probability))
            cursor += len(word)
    return "".join(parts), spans


def heard_first(transcript: Transcript) -> list[str]:
    """Per piece of `transcript_text` (a word, or a segment without words): what the first pass heard there,
    where re-listening replaced it, else ""."""
    return [heard for s in transcript.segments for heard in ([w.heard for w in s.words] or [""])]


class IncrementalChecker:
    """Re-check only the paragraphs that changed: the live script editor types into this.

    Findings of unchanged paragraphs come from a cache keyed by the paragraph's text, shifted to where the
    paragraph now sits. Phrases may span a line break but not a blank line, which is what paragraphs are.
    """

    def __init__(self, checker: Checker, cache_size: int = 4096) -> None:
        self.checker = checker
        self._cache: dict[str, list[Finding]] = {}
        self._cache_size = cache_size
        self.last_rechecked = 0

    def check(self, text: str) -> list[Finding]:
        findings: list[Finding] = []
        self.last_rechecked = 0
        position = 0
        for piece in [*PARAGRAPH_BREAK.split(text)]:
            offset = text.index(piece, position) if piece else position
            position = offset + len(piece)
            cached = self._cache.get(piece)
            if cached is None:
                cached = self.checker.find(piece)
                self.last_rechecked += 1
                if len(self._cache) >= self._cache_size:
                    self._cache.clear()
                self._cache[piece] = cached
            findings.extend(f.shifted(offset) for f in cached)
        return findings


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
