"""Mishearings inside derived words: "memukol" is memukul misheard, "dibunoh" is dibunuh.

The fuzzy index compares bare words. A derived word is first taken apart into prefix + stem + suffix, the same way
morphology.py builds one (meN- restores the letter it dropped: mem+ukol -> pukol); the stem must not be a real
word either, must be a near miss of a term root, and prefix + root + suffix must be a real derivation of it.
"""

from __future__ import annotations

from collections.abc import Callable

from reviewer.checking.fuzzy import FuzzyHit, FuzzyIndex
from reviewer.checking.lexicon import is_known_word
from reviewer.checking.morphology import ANY_PREFIX, ANY_SUFFIX, ASSIMILATING, MAX_PREFIX, MAX_SUFFIX, is_derivation

MIN_STEM = 4
RESTORED: dict[str, tuple[str, ...]] = {}
for _letter, _prefixes in ASSIMILATING.items():
    for _prefix in _prefixes:
        RESTORED[_prefix] = (*RESTORED.get(_prefix, ()), _letter)


def derived_mishearing(form: str, index: FuzzyIndex,
                       languages_of: Callable[[str], frozenset[str]]) -> FuzzyHit | None:
    """The best near-miss root of a derived word that is no real word, if prefix + root + suffix is a derivation."""
    if len(form) < MIN_STEM + 2 or not form.isalpha() or is_known_word(form):
        return None
    best: FuzzyHit | None = None
    for cut in range(0, MAX_PREFIX + 1):
        prefix = form[:cut]
        if prefix not in ANY_PREFIX:
            continue
        for trim in range(0, MAX_SUFFIX + 1):
            stem = form[cut:len(form) - trim]
            if len(stem) < MIN_STEM - 1:
                break
            suffix = form[len(form) - trim:]
            if not (prefix or suffix) or suffix not in ANY_SUFFIX:
                continue
            for candidate, mode in _stems(prefix, stem):
                hit = _near_root(candidate, mode, prefix, suffix, index, languages_of)
                if hit is not None and (best is None or hit.similarity > best.similarity):
                    best = hit
    return best


def _stems(prefix: str, stem: str) -> list[tuple[str, str]]:
    stems = [(stem, "plain")]
    nasal = prefix[2:] if prefix[:2] in {"ke", "se", "di"} and prefix[2:] in RESTORED else prefix
    stems += [(letter + stem, "assimilated") for letter in RESTORED.get(nasal, ())]
    return stems


def _near_root(candidate: str, mode: str, prefix: str, suffix: str, index: FuzzyIndex,
               languages_of: Callable[[str], frozenset[str]]) -> FuzzyHit | None:
    if len(candidate) < MIN_STEM or is_known_word(candidate):
        return None
    hit = index.lookup(candidate)
    if hit is None:
        return None
    key_mode = "plain" if mode == "plain" else "assimilated"
    return hit if is_derivation(prefix, suffix, hit.anchor, languages_of(hit.anchor), key_mode) else None
