"""Near misses that are probably mishearings of a term ("bodok" for bodoh, "Tonsan" for tongsan).

A token is a fuzzy candidate only if (1) no sure rule matched it, (2) it is not a real Malay or English word
(jalan, buruh, gula and anjung are real words one letter away from terms), and (3) rapidfuzz finds a term
anchor that starts with the same letter and is at least MIN_SIMILARITY alike. Whisper's own word probability,
where known, lowers the confidence: a word the model was sure of is less likely a mishearing.

The real-word list is wordfreq's Malay and English lists plus the Malay root words (lexicon.py): a root word of
its own ("gilap", "babit") is never a mishearing.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from reviewer.checking.lexicon import is_known_word, known_words, words_of

__all__ = ["FuzzyHit", "FuzzyIndex", "fuzzy_confidence", "is_known_word", "known_words", "words_of"]

MIN_SIMILARITY = 80.0  # rapidfuzz ratio: bodok/bodoh 80, pelasur/pelacur 85.7, tonsan/tongsan 92.3
MIN_LENGTH = 4
MAX_LENGTH_GAP = 1  # a mishearing keeps the word's length within a letter (bodok/bodoh, Tonsan/tongsan)

@dataclass(frozen=True)
class FuzzyHit:
    anchor: str
    similarity: float  # 0..1


class FuzzyIndex:
    """Anchors grouped by first letter, so each lookup compares against a small slice of the terms."""

    def __init__(self, anchors: set[str]) -> None:
        grouped: dict[str, list[str]] = defaultdict(list)
        for anchor in sorted(anchors):
            if len(anchor) >= MIN_LENGTH and anchor.isalpha():
                grouped[anchor[0]].append(anchor)
        self._by_letter = dict(grouped)

    def lookup(self, word: str) -> FuzzyHit | None:
        if len(word) < MIN_LENGTH or not word.isalpha() or is_known_word(word):
            return None
        choices = [a for a in self._by_letter.get(word[0], ()) if abs(len(a) - len(word)) <= MAX_LENGTH_GAP]
        if not choices:
            return None
        best = process.extractOne(word, choices, scorer=fuzz.ratio, score_cutoff=MIN_SIMILARITY)
        if best is None or best[0] == word:
            return None
        return FuzzyHit(best[0], round(best[1] / 100, 3))


def fuzzy_confidence(similarity: float, word_probability: float | None) -> float:
    """Similarity, discounted when the ASR was confident it heard exactly this (non-term) word."""
    if word_probability is None:
        return round(similarity * 0.9, 3)
    return round(similarity * (1.0 - 0.5 * max(0.0, min(1.0, word_probability))), 3)
