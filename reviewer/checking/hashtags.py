"""Hashtags and handles are words written together: #BodohSombong, #janganbodoh, @kill_yourself_now.

CamelCase splits first (#KillYourselfChallenge -> Kill Yourself Challenge). A run of lower-case letters is then
segmented into the most probable sequence of words (#janganbodoh -> jangan bodoh): each candidate word costs
-log(its wordfreq frequency) in Malay or English, term words cost no more than a moderately rare word, and
letters no dictionary knows cost a lot; a piece that is a real word is never broken up ("sosial", "shitake").
Pieces keep their offsets inside the hashtag, so a finding reports the hashtag's own characters.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from reviewer.checking.lexicon import is_known_word, word_costs

CAMEL_RE = re.compile(r"[A-Z]{2,}(?=[A-Z][a-z]|\d|$)|[A-Z]?[a-z]+|[A-Z]+|\d+|[^\W\d_]+")
MAX_WORD = 20
TERM_COST = 14.0  # about a word in a million: terms must not win a split only because they are terms
UNKNOWN_COST = 30.0  # an unknown piece of letters, plus UNKNOWN_PER_LETTER for each of them
UNKNOWN_PER_LETTER = 4.0
DIGITS_COST = 8.0
SHORT_WORD_PENALTY = 6.0  # one- and two-letter words are cheap in wordfreq but rarely meant: "shit a ke" is shitake
MIN_SEGMENTED = 5  # shorter runs are left alone


def camel_parts(body: str) -> list[tuple[int, int]]:
    """Spans of the camelCase words and digit runs in `body`."""
    return [(m.start(), m.end()) for m in CAMEL_RE.finditer(body)]


def segment(letters: str, is_term_word: Callable[[str], bool]) -> list[tuple[int, int]]:
    """The cheapest split of `letters` (lower-case) into words, as spans. Viterbi over word costs."""
    if len(letters) < MIN_SEGMENTED:
        return [(0, len(letters))]
    costs = word_costs()
    best = [0.0] + [math.inf] * len(letters)
    back = [0] * (len(letters) + 1)
    for end in range(1, len(letters) + 1):
        for start in range(max(0, end - MAX_WORD), end):
            if best[start] == math.inf:
                continue
            cost = best[start] + _word_cost(letters[start:end], costs, is_term_word)
            if cost < best[end]:
                best[end], back[end] = cost, start
    spans: list[tuple[int, int]] = []
    end = len(letters)
    while end > 0:
        spans.append((back[end], end))
        end = back[end]
    return _merge_unknown(letters, spans[::-1], costs, is_term_word)


def _word_cost(word: str, costs: dict[str, float], is_term_word: Callable[[str], bool]) -> float:
    if word.isdigit():
        return DIGITS_COST
    known = costs.get(word, math.inf)
    if is_term_word(word):
        known = min(known, TERM_COST)
    if known < math.inf and (len(word) > 1 or word in {"a", "i"}):
        return known + (SHORT_WORD_PENALTY if len(word) <= 2 else 0.0)
    return UNKNOWN_COST + UNKNOWN_PER_LETTER * len(word)


def _merge_unknown(letters: str, spans: list[tuple[int, int]], costs: dict[str, float],
                   is_term_word: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Neighbouring unknown pieces are one unknown word (a name), not several."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        unknown = letters[start:end] not in costs and not is_term_word(letters[start:end])
        if merged and unknown:
            previous = letters[merged[-1][0]:merged[-1][1]]
            if previous not in costs and not is_term_word(previous):
                merged[-1] = (merged[-1][0], end)
                continue
        merged.append((start, end))
    return merged


def _leet_letter(body: str, index: int) -> bool:
    """A lone digit or symbol inside letters stands for a letter (#B0dohSombong); 8 in #pukul8pagi is a number."""
    char = body[index]
    if char.isalpha() or char in "2689":
        return False
    neighbours = body[index - 1:index] + body[index + 1:index + 2]
    return not any(c.isdigit() for c in neighbours)


def split_tag(body: str, form: str, is_term_word: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Word spans inside a hashtag or handle body. `form` is its normalised spelling, same length as `body`."""
    spans: list[tuple[int, int]] = []
    cased = "".join(f if _leet_letter(body, i) else b for i, (b, f) in enumerate(zip(body, form, strict=True)))
    for start, end in camel_parts(cased):
        piece = form[start:end]
        if piece.isalpha() and len(piece) >= MIN_SEGMENTED and not is_known_word(piece):
            spans += [(start + a, start + b) for a, b in segment(piece, is_term_word)]
        else:
            spans.append((start, end))
    return spans
