"""Unsure words that sound like a term: the moments worth a second, term-biased listen.

The fuzzy matcher only sees spelling near-misses that keep the first letter and the length. Whisper base
also drops or hardens a final -h, swaps b/p/m, o/u and e/i, doubles letters and glues prefixes on, so we
compare sound-alike keys (reviewer/checking/phonetic.py) instead. A word the decoder was unsure of (or a pair
of unsure words) whose key is close to a term's goes to the targeted re-decode with those terms as hotwords.
It becomes a finding only when the re-listen, which starts at the word, holds the term there AND goes on
with the words the first pass heard after it; a biased decoder that rewrites the moment is not believed.
Real words need more: an unsure "bambi" may be "babi" (the same key, and a rarer word than the term), an
unsure "jalan" is not taken for "jalang" (the same key, but a far more common word).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from functools import lru_cache

from rapidfuzz import fuzz

from reviewer.checking.checker import (
    RELISTENED_CONFIDENCE,
    WORD_LETTERS,
    Checker,
    CheckResult,
    Finding,
    transcript_text,
)
from reviewer.checking.fuzzy import is_known_word
from reviewer.checking.phonetic import PhoneticIndex
from transcribe.types import Transcript

LOW_PROBABILITY = 0.6  # Whisper's word probability below which we doubt a word
REAL_WORD_PROBABILITY = 0.3  # a real word ("jalan") needs much more doubt before we suspect a term ("jalang")
PAIR_PROBABILITY = 0.9  # a pair or triple needs one unsure word; the rest may be fairly sure ("memunuh diri")
NEIGHBOURS = 2  # first-pass words after the word that the biased listen must still hear
LEAD_WORDS = 2  # the re-listen starts a little early, so the term may come after a word or two
NEIGHBOUR_SIMILARITY = 70.0
GLUED_SIMILARITY = 80.0  # a first-pass neighbour found inside words the re-listen ran together
MAX_CANDIDATES = 20  # per clip: each one costs a short re-decode


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
    before_start: float | None = None  # when the `before` words start; the re-listen is told they were said
    spellings: tuple[str, ...] = ()  # the hotwords: the spellings whose key matched ("tidak berguna" for tak guna)

    def window(self, padding: float) -> dict:
        """The worker's request for this moment: hear it from the words before it on, biased to its terms."""
        lead = self.before_start is not None and bool(self.before)
        return {"at": self.before_start if lead else self.start, "prefix": " ".join(self.before) if lead else "",
                "start": max(0.0, self.start - padding), "end": self.end + padding,
                "hotwords": " ".join(dict.fromkeys((*self.spellings, *self.terms)))}


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
    found = WORD_LETTERS.search(text)
    return (found.group(), start + found.start(), start + found.end()) if found else None


def _words(result: CheckResult, transcript: Transcript) -> list[tuple]:
    """Each transcript word's letters with offsets, times, probability, and the terms of findings holding it."""
    text, spans = transcript_text(transcript)
    words = []
    for char_start, char_end, start, end, probability in spans:
        core = _core(text[char_start:char_end], char_start)
        held = frozenset(f.term for f in result.findings if core is not None and f.start < core[2] and core[1] < f.end)
        words.append((core, start, end, 1.0 if probability is None else probability, held))
    return words


def commonness(text: str) -> float:
    """How common a word or phrase is in Malay or English (Zipf scale: 6 for 'jalan', 3 for 'bambi')."""
    from wordfreq import zipf_frequency

    return max(zipf_frequency(text, "ms"), zipf_frequency(text, "en"))


def contains_any(term: str, parts: set[str] | frozenset[str]) -> bool:
    """Whether the phrase holds one of these terms as whole words ("judi online" holds "judi")."""
    padded = f" {term.lower()} "
    return any(f" {part.lower()} " in padded for part in parts)


@lru_cache(maxsize=8)
def spoken_terms(checker: Checker, language: str) -> frozenset[str]:
    """The terms a clip in `language` may be heard to say: its own language's and those of any language. The
    decoder, told the clip is Malay, writes Malay-looking words; that one sounds like an English term ("sedih" and
    "shit") is chance, and each such suspicion costs a re-listen that is then rejected."""
    return frozenset(t.term for t in checker.compiled.terms if t.language in (language, "any")
                     or language not in ("ms", "en"))


def _suspect(index: PhoneticIndex, chosen: list[tuple],
             spoken: frozenset[str] | None = None) -> tuple[str, tuple[str, ...], tuple[str, ...]] | None:
    """The heard word or pair and the terms it may have been, when the decoder was unsure enough of it."""
    probabilities = [w[3] for w in chosen]
    held: set[str] = set().union(*(w[4] for w in chosen))
    if any(w[0] is None for w in chosen) or all(w[4] for w in chosen) or (held and len(chosen) == 1):
        return None  # a word a finding holds is only part of a longer phrase ("Judi Talam Talian")
    if min(probabilities) >= LOW_PROBABILITY or max(probabilities) >= (
            PAIR_PROBABILITY if len(chosen) > 1 else LOW_PROBABILITY):
        return None
    heard = " ".join(w[0][0] for w in chosen if w[0])
    word = len(chosen) == 1 and is_known_word(heard.lower())
    alike = index.lookup(heard, exact=word and probabilities[0] >= REAL_WORD_PROBABILITY)
    if word:  # unsure between a common word and a rarer term, the decoder most likely heard the common word
        alike = [a for a in alike if commonness(heard) < commonness(a.term)]
    alike = [a for a in alike if not held or (a.term not in held and contains_any(a.term, held))]
    alike = [a for a in alike if spoken is None or a.term in spoken]
    terms = tuple(sorted(a.term for a in alike))
    if not terms or any(heard.lower() == t.lower() for t in terms):
        return None
    return heard, terms, tuple(sorted(a.anchor for a in alike))


def candidates(checker: Checker, result: CheckResult, transcript: Transcript) -> list[Candidate]:
    """Unsure words, pairs and triples that sound like a term and are not a finding already (a longer phrase
    may hold a shorter term's finding: "Judi Talam Talian" may be "judi dalam talian")."""
    text, _ = transcript_text(transcript)
    if text != result.text or not transcript.words():
        return []
    words = _words(result, transcript)
    index = index_for(checker)
    spoken = spoken_terms(checker, result.language)
    found: list[Candidate] = []
    for first in range(len(words)):
        for last in (first, first + 1, first + 2):  # a word, a pair, a triple ("judi dalam talian")
            if last >= len(words) or len(found) >= MAX_CANDIDATES:
                continue
            chosen = words[first:last + 1]
            suspect = _suspect(index, chosen, spoken)
            if suspect is None:
                continue
            found.append(_candidate(words, first, last, *suspect))
    return found


def _candidate(words: list[tuple], first: int, last: int, heard: str, terms: tuple[str, ...],
               spellings: tuple[str, ...] = ()) -> Candidate:
    lead = [w for w in words[max(0, first - NEIGHBOURS):first] if w[0]]
    after = tuple(w[0][0] for w in words[last + 1:last + 1 + NEIGHBOURS] if w[0])
    return Candidate(heard, terms, words[first][0][1], words[last][0][2], words[first][1], words[last][2],
                     tuple(w[0][0] for w in lead), after, lead[0][1] if lead else None, spellings or terms)


def for_finding(result: CheckResult, finding: Finding, transcript: Transcript | None = None) -> Candidate:
    """A doubtful (fuzzy) finding as a moment to re-listen to, with its neighbours (and, given the transcript,
    their times)."""
    if transcript is not None and transcript_text(transcript)[0] == result.text:
        words = _words(replace(result, findings=()), transcript)
        inside = [i for i, w in enumerate(words) if w[0] and w[0][1] < finding.end and finding.start < w[0][2]]
        if inside:
            return _candidate(words, inside[0], inside[-1], finding.matched, (finding.term,))
    before = tuple(WORD_LETTERS.findall(result.text[:finding.start]))[-NEIGHBOURS:]
    after = tuple(WORD_LETTERS.findall(result.text[finding.end:]))[:NEIGHBOURS]
    return Candidate(finding.matched, (finding.term,), finding.start, finding.end, finding.time_start or 0.0,
                     finding.time_end or 0.0, before, after)


def lines_up(candidate: Candidate, relistened: str, term_finding: Finding) -> bool:
    """The term comes where the re-listen starts (after at most LEAD_WORDS words), and most of the words the
    first pass heard after it follow it. With nothing after it in the first pass, little may follow."""
    lead = LEAD_WORDS if candidate.before_start is not None else LEAD_WORDS + NEIGHBOURS  # unanchored: drifts
    if len(WORD_LETTERS.findall(relistened[:term_finding.start])) > lead:
        return False
    following = [w.lower() for w in WORD_LETTERS.findall(relistened[term_finding.end:])]
    if not candidate.after:
        return len(following) <= 1
    window = following[:len(candidate.after) + 1]
    glued = "".join(window)  # the biased decoder may run the next words together ("macam barbi" -> "machambabi")
    present = sum(any(fuzz.ratio(n.lower(), h) >= NEIGHBOUR_SIMILARITY for h in window)
                  or (len(n) >= 4 and fuzz.partial_ratio(n.lower(), glued) >= GLUED_SIMILARITY)
                  for n in candidate.after)
    return present >= math.ceil(len(candidate.after) / 2)


def confirm(checker: Checker, result: CheckResult, candidate: Candidate, relistened: str) -> Finding | None:
    """The finding, if re-listening confirms one of its terms: placed on the first-pass words (`start`, `end`,
    `heard`), with what the second listen heard as `matched`, for heard_again.correct to write in."""
    for sure in checker.find(relistened):
        if sure.term in candidate.terms and sure.kind != "fuzzy" and lines_up(candidate, relistened, sure):
            return replace(sure, start=candidate.char_start, end=candidate.char_end,
                           heard=result.text[candidate.char_start:candidate.char_end],
                           time_start=candidate.start, time_end=candidate.end,
                           confidence=RELISTENED_CONFIDENCE, verification="confirmed")
    return None
