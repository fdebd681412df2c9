"""Unsure words that sound like a term: the moments worth a second, term-biased listen.

The fuzzy matcher only sees spelling near-misses that keep the first letter and the length. Whisper base
also drops or hardens a final -h, swaps b/p/m, o/u and e/i, doubles letters and glues prefixes on, so we
compare sound-alike keys (reviewer/checking/phonetic.py) instead. A word the decoder was unsure of (or a pair
of unsure words) whose key is close to a term's goes to the targeted re-decode with those terms as hotwords.
It becomes a finding only when the re-decode holds the term AND the words around it still line up with the
first pass; a biased decoder that rewrites the whole window is not believed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from reviewer.checking.checker import Checker, CheckResult, Finding, transcript_text
from reviewer.checking.fuzzy import is_known_word
from reviewer.checking.phonetic import PhoneticIndex
from transcribe.types import Transcript

LOW_PROBABILITY = 0.6  # Whisper's word probability below which we doubt a word
REAL_WORD_PROBABILITY = 0.3  # a real word ("jalan") needs much more doubt before we suspect a term ("jalang")
NEIGHBOURS = 2  # first-pass words each side that must still be there after the biased listen
NEIGHBOUR_SIMILARITY = 70.0
MAX_CANDIDATES = 20  # per clip: each one costs a short re-decode
CONFIRMED_CONFIDENCE = 0.9
_CORE = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")


@dataclass(frozen=True)
class Candidate:
    heard: str
    terms: tuple[str, ...]
    char_start: int
    char_end: int
    start: float
    end: float
    before: tuple[str, ...]
    after: tuple[str, ...]


@lru_cache(maxsize=4)
def index_for(checker: Checker) -> PhoneticIndex:
    """The sound-alike index of a checker's terms and variants (built once per checker)."""
    spellings: dict[str, str] = {}
    for term in checker.compiled.terms:
        if term.enabled:
            for spelling in (term.term, *term.variants):
                spellings.setdefault(spelling.lower(), term.term)
    return PhoneticIndex(spellings)


def _core(text: str, start: int) -> tuple[str, int, int] | None:
    """The letters of a transcript word (no punctuation), with their offsets."""
    found = _CORE.search(text)
    return (found.group(), start + found.start(), start + found.end()) if found else None


def candidates(checker: Checker, result: CheckResult, transcript: Transcript) -> list[Candidate]:
    """Unsure words and word pairs that sound like a term and are not inside a finding already."""
    text, spans = transcript_text(transcript)
    if text != result.text or not transcript.words():
        return []
    taken = [(f.start, f.end) for f in result.findings]
    words = []
    for char_start, char_end, start, end, probability in spans:
        core = _core(text[char_start:char_end], char_start)
        free = core is not None and not any(a < core[2] and core[1] < b for a, b in taken)
        words.append((core, start, end, 1.0 if probability is None else probability, free))
    index = index_for(checker)
    found: list[Candidate] = []
    for first in range(len(words)):
        for last in (first, first + 1):
            if last >= len(words) or len(found) >= MAX_CANDIDATES:
                continue
            chosen = words[first:last + 1]
            if not all(w[4] for w in chosen) or not all(w[3] < LOW_PROBABILITY for w in chosen):
                continue
            heard = " ".join(w[0][0] for w in chosen if w[0])
            if last == first and is_known_word(heard.lower()) and chosen[0][3] >= REAL_WORD_PROBABILITY:
                continue
            terms = tuple(sorted(a.term for a in index.lookup(heard)))
            if not terms or any(heard.lower() == t.lower() for t in terms):
                continue
            before = tuple(w[0][0] for w in words[max(0, first - NEIGHBOURS):first] if w[0])
            after = tuple(w[0][0] for w in words[last + 1:last + 1 + NEIGHBOURS] if w[0])
            found.append(Candidate(heard, terms, chosen[0][0][1], chosen[-1][0][2],  # type: ignore[index]
                                   chosen[0][1], chosen[-1][2], before, after))
    return found


def lines_up(candidate: Candidate, relistened: str, term_finding: Finding) -> bool:
    """Most of the first pass's neighbours are still heard around the term in the biased re-decode."""
    neighbours = candidate.before + candidate.after
    if not neighbours:
        return True
    rest = relistened[:term_finding.start] + " " + relistened[term_finding.end:]
    heard = [w.lower() for w in _CORE.findall(rest)]
    present = sum(any(fuzz.ratio(n.lower(), h) >= NEIGHBOUR_SIMILARITY for h in heard) for n in neighbours)
    return present >= math.ceil(len(neighbours) / 2)


def confirm(checker: Checker, result: CheckResult, candidate: Candidate, relistened: str) -> Finding | None:
    """The finding, placed where the first pass heard the word, if re-listening confirms one of its terms."""
    for sure in checker.find(relistened):
        if sure.term in candidate.terms and sure.kind != "fuzzy" and lines_up(candidate, relistened, sure):
            return replace(sure, start=candidate.char_start, end=candidate.char_end,
                           matched=result.text[candidate.char_start:candidate.char_end],
                           time_start=candidate.start, time_end=candidate.end,
                           confidence=CONFIRMED_CONFIDENCE, verification="confirmed")
    return None
