"""Tokens with their original offsets, and the normalised spellings we match on.

Matching works on whole tokens, never on arbitrary substrings: that is what keeps "sial" out of "sosial".
Each token keeps its `start`/`end` in the text exactly as read, so a finding's offsets always slice the
original text, whatever normalisation did to the letters.

Normalisation undoes the ways people (and ASR) disguise a word: case, full-width forms, diacritics,
Cyrillic/Greek lookalikes, leetspeak, `*` masks, stretched letters and letters spelled out with separators.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Word characters plus the symbols that stand in for letters (leet and masks). A token starts and ends with
# a word character, @ or $; ! * ' ’ count only inside it ("b!tch", "sl*t", "don't"): at the edges they are
# punctuation or *emphasis*. \w includes the underscore, which is a separator: tokens holding one are split
# afterwards (rare, so the fast regex stays simple).
# Invisible characters and marks that may sit inside a word without splitting it ("ba\u200bbi", "slu\u00adt",
# "b̶o̶d̶o̶h̶"): format characters (zero-width space, joiners, word joiner, soft hyphen, bidi controls, BOM),
# variation selectors, tag characters and the combining-mark blocks. \w matches none of them.
INVISIBLE = ("\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
             "\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\U000e0000-\U000e0fff")
MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
GLUE = f"[{INVISIBLE}{MARKS}]"
TOKEN_RE = re.compile(rf"[\w@$]+(?:(?:[*!'’]|{GLUE})+[\w@$]+)*(?:[{MARKS}\ufe00-\ufe0f]+(?=\W|$))?")
INVISIBLE_RE = re.compile(f"[{INVISIBLE}]+")
UNDERSCORE_SPLIT_RE = re.compile(r"[^_]+")
SPELLED_GAP_RE = re.compile(r"[ \t.\-_·•/*]{1,2}")  # between the letters of b.o.d.o.h, s-t-u-p-i-d, p_o_n
PHRASE_GAP_RE = re.compile(r"[\s\-_–—]*")  # between phrase words; nothing at all inside a split hashtag
MIN_SPELLED_LETTERS = 3

HOMOGLYPHS = str.maketrans({
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "e", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p", "с": "c",
    "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "i", "ј": "j", "һ": "h", "ԁ": "d", "ӏ": "l",
    "ԛ": "q", "ԝ": "w", "ɡ": "g", "ʏ": "y",
    # Greek
    "α": "a", "β": "b", "ε": "e", "η": "n", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p", "τ": "t",
    "υ": "u", "χ": "x", "ω": "w", "γ": "y", "μ": "u", "ς": "s",
})
LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i",
                      "8": "b", "9": "g"})
STRETCH_RE = re.compile(r"(.)\1{2,}")  # three or more of the same letter
DOUBLE_RE = re.compile(r"(.)\1")
MARK_CATEGORIES = frozenset({"Mn", "Me"})


class Token(NamedTuple):
    """A NamedTuple, not a dataclass: a 100k-word transcript makes 100k of these, and tuples are cheap."""

    start: int
    end: int
    text: str  # the original characters (for a spelled-out word, just its letters)
    spelled: bool = False  # built from spelled-out letters (b.o.d.o.h)
    letter_starts: tuple[int, ...] = ()  # for spelled tokens: where each letter sits in the text


def tokenize(text: str) -> list[Token]:
    """Word tokens with offsets into `text`, plus merged tokens for spelled-out words."""
    tokens = [Token(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text)]
    if "_" in text:
        tokens = [piece for token in tokens for piece in _split_underscores(token)]
    singles = [i for i, t in enumerate(tokens) if len(t.text) == 1]
    if any(b - a == 1 for a, b in zip(singles, singles[1:], strict=False)):  # else no spelled-out word
        return _merge_spelled(text, tokens)
    return tokens


def _split_underscores(token: Token) -> list[Token]:
    if "_" not in token.text:
        return [token]
    return [Token(token.start + m.start(), token.start + m.end(), m.group())
            for m in UNDERSCORE_SPLIT_RE.finditer(token.text) if TOKEN_RE.fullmatch(m.group())]


def _merge_spelled(text: str, tokens: list[Token]) -> list[Token]:
    """Join runs of single letters split by separators ("b o d o h", "s-t-u-p-i-d").

    Neighbouring spelled words end up in one run ("b o d o h s-t-u-p-i-d"); the matcher cuts a run at
    the terms it finds inside, using `letter_starts` for their offsets.
    """
    merged: list[Token] = []
    index = 0
    while index < len(tokens):
        run_end = index
        while (run_end + 1 < len(tokens) and len(tokens[run_end].text) == 1 and len(tokens[run_end + 1].text) == 1
               and SPELLED_GAP_RE.fullmatch(text, tokens[run_end].end, tokens[run_end + 1].start)):
            run_end += 1
        if run_end - index + 1 >= MIN_SPELLED_LETTERS and len(tokens[index].text) == 1:
            run = tokens[index:run_end + 1]
            merged.append(Token(run[0].start, run[-1].end, "".join(t.text for t in run), spelled=True,
                                letter_starts=tuple(t.start for t in run)))
            index = run_end + 1
        else:
            merged.append(tokens[index])
            index += 1
    return merged


# Characters that show nothing on their own: controls, format characters (zero-width space, bidi marks...),
# combining marks with no letter to sit on, unassigned and private-use code points, separators.
UNSEEN_CATEGORIES = frozenset({"Cc", "Cf", "Cn", "Co", "Cs", "Mn", "Me", "Zs", "Zl", "Zp"})


def has_visible_text(text: str) -> bool:
    """True when `text` holds at least one character a reader would see (a letter, digit, symbol or mark of
    punctuation). Text made only of spaces, zero-width and format characters is empty: nothing can be read or
    checked in it, and a name made of them names nobody."""
    return any(not ch.isspace() and unicodedata.category(ch) not in UNSEEN_CATEGORIES
               for ch in INVISIBLE_RE.sub("", text))


def fold(text: str) -> str:
    """Case, compatibility forms, diacritics and invisible characters: the spelling of a term list entry."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if text.isascii():
        return text
    text = INVISIBLE_RE.sub("", text)
    decomposed = unicodedata.normalize("NFD", text)
    kept = "".join(c for c in decomposed if unicodedata.category(c) not in MARK_CATEGORIES)
    return unicodedata.normalize("NFC", kept)


def _strip_homoglyphs(text: str) -> str:
    if text.isascii():
        return text
    mapped = text.translate(HOMOGLYPHS)
    # Only trust the mapping if it leaves a Latin word: a genuinely Cyrillic or Greek word stays as it is.
    return mapped if mapped.isascii() or any("a" <= c <= "z" for c in text) else text


@lru_cache(maxsize=65_536)
def spellings(raw: str) -> tuple[str, ...]:
    """Normalised spellings of one token, most literal first. The first is `fold(raw)`."""
    if raw.isascii() and raw.isalpha():  # the common case: a plain word
        base = raw.lower()
        if STRETCH_RE.search(base):
            return tuple(dict.fromkeys((base, STRETCH_RE.sub(r"\1", base), STRETCH_RE.sub(r"\1\1", base))))
        return (base,)
    base = fold(raw)
    forms = [base]
    text = _strip_homoglyphs(base)
    if len(text) >= 3 and text[1::2] == "*" * (len(text) // 2):  # b*o*d*o*h: stars as separators
        text = text[::2]
    if any(c in text for c in "0134578@$!9") and any(c.isalpha() for c in text):
        leet = text.translate(LEET)
        forms += [leet, text.replace("1", "l").translate(LEET)] if "1" in text else [leet]
    else:
        forms.append(text)
    for form in list(forms):
        if STRETCH_RE.search(form):
            forms += [STRETCH_RE.sub(r"\1", form), STRETCH_RE.sub(r"\1\1", form)]
    return tuple(dict.fromkeys(f for f in forms if f))


def destretch_doubles(form: str) -> str:
    """bodohh -> bodoh: collapse doubled letters too (used only for words no dictionary knows)."""
    return DOUBLE_RE.sub(r"\1", form)


def phrase_gap_ok(text: str, left: Token, right: Token) -> bool:
    """Phrase words may be split by any whitespace, line break, tab or hyphen, but not by sentence punctuation.

    Tokens only touch when a hashtag or handle was split into words (#KillYourself), so no gap is fine too."""
    return PHRASE_GAP_RE.fullmatch(text, left.end, right.start) is not None


def term_words(term: str) -> tuple[str, ...]:
    """A term list entry as folded words: 'Bunuh  Diri' -> ('bunuh', 'diri'); 'anti-vax' -> ('anti', 'vax')."""
    return tuple(fold(t.text) for t in tokenize(term) if not t.spelled) or (fold(term),)
