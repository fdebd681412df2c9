"""What a match is, and how overlapping candidates become findings.

The matcher (matcher.py) proposes every reading of the tokens it can justify; this module picks among them:
the longest span wins, then the most literal kind, the most severe term and the longest term text, and the
two halves of a reduplication ("bodoh-bodoh") become one finding.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from reviewer.checking.normalize import Token
from reviewer.checking.terms import Term

FindingKind = Literal["exact", "normalized", "morphological", "fuzzy"]  # surest first
KINDS: tuple[FindingKind, ...] = get_args(FindingKind)
KIND_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


@dataclass(frozen=True)
class Match:
    """A term found at tokens[first..last] (inclusive)."""

    term_index: int
    first: int
    last: int
    kind: FindingKind
    similarity: float = 1.0
    heard: str = ""


def resolve_overlaps(candidates: list[Match], terms: Sequence[Term]) -> list[Match]:
    """Longest span first; then the most literal kind, the most severe term and the longest term text."""
    ordered = sorted(set(candidates), key=lambda m: (-(m.last - m.first), KIND_RANK[m.kind],
                                                     -terms[m.term_index].rank, -len(terms[m.term_index].term),
                                                     m.first, m.term_index))
    taken: set[int] = set()
    chosen = []
    for match in ordered:
        span = set(range(match.first, match.last + 1))
        if not span & taken:
            taken |= span
            chosen.append(match)
    return chosen


def merge_reduplication(text: str, tokens: list[Token], chosen: list[Match]) -> list[Match]:
    """bodoh-bodoh, pukul-memukul: one finding over both halves, not two."""
    chosen = sorted(chosen, key=lambda m: m.first)
    merged: list[Match] = []
    for match in chosen:
        previous = merged[-1] if merged else None
        if (previous is not None and previous.term_index == match.term_index and previous.last + 1 == match.first
                and text[tokens[previous.last].end:tokens[match.first].start] == "-"):
            kind = max(previous.kind, match.kind, key=KIND_RANK.__getitem__)
            merged[-1] = Match(match.term_index, previous.first, match.last, "morphological" if kind == "exact"
                               else kind)
        else:
            merged.append(match)
    return merged
