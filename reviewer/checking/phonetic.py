"""A sound-alike key for Malay and English, to spot terms that Whisper misheard as near-sounding words.

Whisper base hears Malay terms as neighbours that a spelling-based gate misses: a final -h dropped or turned
into -k (bodoh -> bodok), b/p/m swapped (babi -> bami), o/u and e/i swapped, letters doubled, c heard as s
(pelacur -> pelasur), ng as n (tongsan -> Tonsan), a prefix glued on. The key folds exactly those
differences away: consonants by class, vowels into three, doubled letters once, and the weak final h/k gone.
Two spellings with equal or nearly equal keys sound alike to the decoder.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

DIGRAPHS = (("ng", "N"), ("ny", "N"), ("sy", "S"), ("sh", "S"), ("ch", "S"), ("kh", "K"), ("gh", "K"),
            ("ph", "B"), ("th", "T"), ("ck", "K"), ("qu", "KB"))
CLASSES = {
    **dict.fromkeys("bpmfvw", "B"),  # lips
    **dict.fromkeys("dt", "T"),
    **dict.fromkeys("gkqx", "K"),
    **dict.fromkeys("cjsz", "S"),  # pelacur/pelasur, jalang/chalang
    **dict.fromkeys("n", "N"),
    **dict.fromkeys("lr", "L"),
    "y": "Y",
    "a": "a",
    **dict.fromkeys("ei", "i"),
    **dict.fromkeys("ou", "u"),
}
PREFIXES = ("memper", "diper", "meng", "peng", "mem", "men", "pem", "pen", "ber", "ter", "per", "me", "pe", "di",
            "ke", "se")
MIN_KEY = 3  # shorter keys match too much of everything
MAX_PREFIX_GAP = 3


def key(word: str) -> str:
    """The sound-alike key: 'bodoh', 'bodok' and 'bodo' all give 'BuTu'; 'pelacur' and 'pelasur' 'BiLaSuL'."""
    text = unicodedata.normalize("NFKD", word.lower())
    text = re.sub(r"[^a-z]", "", text)
    text = re.sub(r"^(?:ps|kn|wr)", lambda m: m.group()[1], text)  # psycho, know, write: the first letter is silent
    text = re.sub(r"(?<=[aeiou])[hk]$", "", text)  # the weak final h, and the glottal final k
    for digraph, code in DIGRAPHS:
        text = text.replace(digraph, code)
    text = text.replace("h", "")  # an h inside a word is barely heard
    coded = "".join(CLASSES.get(char, char) for char in text)
    return re.sub(r"(.)\1+", r"\1", coded)


def without_prefix(word: str) -> list[str]:
    """The word, and the word without each Malay prefix it could start with (a prefix glued on by the ear)."""
    lowered = word.lower()
    return [lowered] + [lowered[len(p):] for p in PREFIXES if lowered.startswith(p) and len(lowered) - len(p) >= 3]


def close(a: str, b: str) -> bool:
    """Keys this alike sound alike: equal; or, when long enough to carry it, differing only in the final
    sound (pelasong/pelacur) or by one consonant added at the end (pabir/babi); or, for long keys, one edit
    apart anywhere. kawan/ganyang differ mid-word: no."""
    if len(a) < MIN_KEY or len(b) < MIN_KEY:
        return False
    if a == b:
        return True
    shorter = min(len(a), len(b))
    if shorter >= 5 and (a[:-1] == b[:-1] or a == b[:-1] or b == a[:-1]):
        return True
    longer = a if len(a) > len(b) else b
    if shorter >= 4 and longer[:-1] == (b if longer is a else a) and longer[-1].isupper():
        return True  # a consonant the ear added at the end: pabir/babi, kemohon/gemuk
    return shorter >= 7 and Levenshtein.distance(a, b) <= 1


@dataclass(frozen=True)
class SoundAlike:
    term: str  # the term's canonical spelling
    anchor: str  # the spelling (term or variant) whose key matched


class PhoneticIndex:
    """Term spellings by key; `lookup` finds the terms a heard word or word pair may have been."""

    def __init__(self, spellings: dict[str, str]) -> None:
        """`spellings` maps each spelling (a term or a variant, possibly several words) to its term."""
        # By key length: keys `close` accepts differ in length by one at most, so a lookup reads three buckets
        # instead of every spelling (a clip's few hundred lookups took most of the candidate search before).
        self._by_length: dict[int, list[tuple[int, str, SoundAlike]]] = {}
        for order, (spelling, term) in enumerate(spellings.items()):
            joined = key(spelling.replace(" ", ""))
            if len(joined) >= MIN_KEY:
                self._by_length.setdefault(len(joined), []).append((order, joined, SoundAlike(term, spelling)))

    def lookup(self, heard: str, exact: bool = False) -> list[SoundAlike]:
        """Terms whose key is close to the heard word's (or to it without a glued-on prefix); one per term, by
        the first of its spellings that matched. `exact`: only the word itself, key for key (a real word: "bambi"
        may be "babi", "memaki" not "paki")."""
        found: dict[str, SoundAlike] = {}
        forms = [heard.replace(" ", "").lower()] if exact else without_prefix(heard.replace(" ", ""))
        for form in forms:
            heard_key = key(form)
            lengths = (len(heard_key),) if exact else (len(heard_key) - 1, len(heard_key), len(heard_key) + 1)
            matches = sorted(entry for length in lengths for entry in self._by_length.get(length, ())
                             if (heard_key == entry[1] if exact else close(heard_key, entry[1])))
            for _, _, alike in matches:
                found.setdefault(alike.term, alike)
        return list(found.values())
