"""Phonetic disguises and Malay chat shorthand: spellings people use to slip a term past a filter.

- double zero for u or oo: "l00ser", "b00bs";
- ph for f: "phuck", "phaggot";
- a final z for s: "bitchez", "nudez";
- a trailing 2 for reduplication, as Malay chat writes it: "bodoh2" (bodoh-bodoh);
- chat shorthand words: "x"/"tk" for tak, "ko"/"hang"/"lu" for kau, "aq"/"gua" for aku, "nk" for nak, "dri" for
  diri, "pi"/"pegi" for pergi ("x guna", "aku bunuh ko", "pi mampus"); "x" glued to a word ("xguna");
- vowels dropped, the commonest chat shortening: "bdoh", "bngng", "pndn", "stpd", "btch".

Every rule except the shorthand table applies only to tokens that are not real words: "boom" is not "bom", "jazz"
is not a disguise, "phone" is not "fone". This module is separate from the speech helpers' phonetic key, which
recovers what a recogniser misheard; this one undoes what a writer did on purpose.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from reviewer.checking.lexicon import is_known_word

VOWELS = frozenset("aeiou")
CHAT_WORDS: dict[str, str] = {
    "x": "tak", "tk": "tak", "tek": "tak", "tak": "tak",
    "ko": "kau", "kao": "kau", "hg": "kau", "lu": "kau", "hang": "kau", "engkau": "kau",
    "aq": "aku", "ak": "aku", "gua": "aku", "gwa": "aku",
    "nk": "nak", "nok": "nak", "dri": "diri", "mti": "mati", "pi": "pergi", "pegi": "pergi", "gi": "pergi",
    "jer": "je", "jek": "je", "bpk": "bapak", "bapa": "bapak", "kpla": "kepala", "kepale": "kepala",
}
GLUED_NOT_RE = re.compile(r"x[a-z]{3,}")  # xguna, xberguna, xsiuman: chat "x" for tak, written onto the word
MIN_SKELETON = 3  # consonants a vowel-dropped form must keep: "bdh" yes, "pk" (puki) too ambiguous


DROP_VOWELS = str.maketrans("", "", "aeiou")


def skeleton(word: str) -> str:
    return word.translate(DROP_VOWELS)


def phonetic_forms(raw: str, form: str) -> list[str]:
    """Respellings of a token that is not a real word. `form` is its normalised spelling (leet undone)."""
    lowered = raw.casefold()
    if not ("00" in lowered or "ph" in form or form.endswith("z") or lowered.endswith("2") or form.startswith("x")):
        return []
    if raw.isalpha() and is_known_word(form):  # a real word, written plainly: not a disguise
        return []
    out: list[str] = []
    if "00" in lowered:  # l00ser: the zeros were one vowel sound
        out += [form.replace("oo", "u"), form.replace("oo", "o")]
    if "ph" in form:
        out.append(form.replace("ph", "f"))
    if form.endswith("z") and len(form) >= 4:
        out += [f[:-1] + "s" for f in [form, *out]]
    if lowered.endswith("2") and len(form) >= 4 and form[:-1].isalpha():
        out.append(form[:-1])
    if GLUED_NOT_RE.fullmatch(form):
        out.append("tak" + form[1:])
    return [f for f in dict.fromkeys(out) if f != form]


def chat_word(form: str) -> str | None:
    """The standard word a chat shorthand token stands for, if it is one."""
    return CHAT_WORDS.get(form)


class SkeletonIndex:
    """Term roots by their consonants, to recognise vowel-dropped chat spellings ("bdoh" -> bodoh)."""

    def __init__(self, roots: Iterable[str]) -> None:
        grouped: dict[str, list[str]] = defaultdict(list)
        for root in roots:
            key = skeleton(root)
            if root.isalpha() and len(key) >= MIN_SKELETON and key != root:
                grouped[key].append(root)
        self._by_skeleton = dict(grouped)

    def lookup(self, form: str) -> list[str]:
        """Roots that `form` spells with some vowels left out (and no other change); [] for real words."""
        if len(form) < MIN_SKELETON:
            return []
        candidates = self._by_skeleton.get(form.translate(DROP_VOWELS), ())
        if not candidates or not form.isalpha() or is_known_word(form):
            return []
        return [root for root in candidates if len(root) > len(form) and _drops_only_vowels(form, root)]


def _drops_only_vowels(form: str, root: str) -> bool:
    """Is `form` `root` with some vowels deleted? (a subsequence whose missing letters are all vowels)"""
    position = 0
    for letter in root:
        if position < len(form) and form[position] == letter:
            position += 1
        elif letter not in VOWELS:
            return False
    return position == len(form)
