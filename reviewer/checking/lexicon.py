"""Which tokens are real words: Malay root words and wordfreq's Malay and English lists.

A token that is a Malay root word of its own ("gilap", "gilang", "babit", "bomba") is never read as a term plus an
affix or as a mishearing of a term: it means itself. wordfreq's Malay list (29k words) misses roots that are mostly
seen inflected ("babit" lives in terbabit, membabitkan). PySastrawi's root-word dictionary (MIT, 29,932 Indonesian
roots) has them, but also Indonesian and regional words that are exactly what Whisper makes of Malay terms
("bodok" for bodoh). So we keep only its roots that are *attested in Malay*: the root, or a regular derivation of
it, is in wordfreq's Malay list. That leaves 7.9k roots, shipped as assets/wordlists/malay_roots.txt and rebuilt
with `python -m reviewer.checking.lexicon` (needs the PySastrawi package, a test extra).

Term-list words themselves are never treated as "just a word": callers exclude the term's own spelling.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from reviewer.checking.morphology import ANY_PREFIX, ANY_SUFFIX, ASSIMILATING

MALAY_WORDS = 60_000
ENGLISH_WORDS = 120_000


@lru_cache(maxsize=2)
def words_of(language: str) -> frozenset[str]:
    """Real words of one language, lower-case, from wordfreq's bundled lists. Loaded once per language."""
    from wordfreq import top_n_list

    return frozenset(top_n_list(language, MALAY_WORDS if language == "ms" else ENGLISH_WORDS))


ROOTS_FILE = ("wordlists", "malay_roots.txt")


@lru_cache(maxsize=1)
def malay_roots() -> frozenset[str]:
    """Malay root words attested in Malay usage (see the module docstring)."""
    from assets import asset_path

    lines = asset_path(*ROOTS_FILE).read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


def attested_roots(dictionary: Iterable[str], malay: Iterable[str]) -> set[str]:
    """The dictionary roots that appear in `malay` words bare or with regular Malay affixes."""
    roots = {word for word in dictionary if word.isalpha()}
    restore: dict[str, str] = {}
    for letter, (verb, noun) in ASSIMILATING.items():
        restore[verb] = restore[noun] = letter
    found: set[str] = set()
    for word in malay:
        for cut in range(0, 7):
            prefix = word[:cut]
            if prefix not in ANY_PREFIX:
                continue
            for trim in range(0, 10):
                stem = word[cut:len(word) - trim]
                if len(stem) < 3:
                    break
                if word[len(word) - trim:] not in ANY_SUFFIX:
                    continue
                found.update(c for c in (stem, restore.get(prefix[-4:], restore.get(prefix[-3:], "")) + stem)
                             if c in roots)
    return found


def rebuild_roots_file() -> Path:
    """Write assets/wordlists/malay_roots.txt from PySastrawi's dictionary and wordfreq's Malay list."""
    from assets import asset_path

    data = resources.files("Sastrawi").joinpath("Stemmer").joinpath("data")
    dictionary = data.joinpath("kata-dasar.txt").read_text(encoding="utf-8")
    roots = sorted(attested_roots(dictionary.split(), words_of("ms")))
    path = asset_path(*ROOTS_FILE)
    path.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Malay root words: PySastrawi's kata-dasar.txt (MIT, (c) 2016 Hanif Amal Robbani) filtered to the\n"
              "# roots attested in wordfreq's Malay list, bare or with regular affixes. Rebuild with\n"
              "# python -m reviewer.checking.lexicon\n")
    path.write_text(header + "\n".join(roots) + "\n", encoding="utf-8")
    return path


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Real Malay and English words, Malay roots included (about 0.2 s to load, once)."""
    return words_of("ms") | words_of("en") | malay_roots()


def is_known_word(word: str) -> bool:
    return word in known_words()


def is_malay_root(word: str) -> bool:
    return word in malay_roots()


def is_english_word(word: str) -> bool:
    return word in words_of("en")


@lru_cache(maxsize=1)
def word_costs() -> dict[str, float]:
    """-log(frequency) of every Malay and English word wordfreq knows: what segmentation minimises.

    Loaded only when a hashtag or handle needs splitting (0.3 s once).
    """
    from wordfreq import get_frequency_dict

    costs: dict[str, float] = {}
    for language in ("en", "ms"):
        for word, frequency in get_frequency_dict(language).items():
            if word.isalpha() and frequency > 0:
                cost = -math.log(frequency)
                if cost < costs.get(word, math.inf):
                    costs[word] = cost
    rare = max(costs.values(), default=20.0)
    for root in malay_roots():
        costs.setdefault(root, rare)
    return costs


if __name__ == "__main__":
    sys.stdout.write(f"wrote {rebuild_roots_file()}\n")
