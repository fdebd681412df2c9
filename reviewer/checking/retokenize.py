"""Token rewrites before matching: pieces of one disguised word joined, hashtags and handles split into words.

Both keep every token's offsets into the original text, so findings still slice it exactly.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping

from reviewer.checking.hashtags import split_tag
from reviewer.checking.normalize import TOKEN_RE, Token, spellings

Roots = Callable[[str], Mapping[str, str]]  # root -> the kind of match (read only here)
Check = Callable[[str], bool]
FRAGMENT_GAPS = frozenset("-.·")
FRAGMENT_RE = re.compile(r"[-.·](?=\w)")  # where pieces may be joined (a literal class: the scan is fast)
MAX_FRAGMENTS = 4
MAX_FRAGMENT = 4  # letters per piece: "bo-doh", "bang-sat"; longer pieces are words of their own


def join_fragments(text: str, tokens: list[Token], token_roots: Roots, is_single_term: Check) -> list[Token]:
    """'bo-doh', 'bang.sat', 'si-al': short pieces joined by one hyphen or dot are one disguised word.

    Only when no piece is a term by itself (bodoh-bodoh is reduplication) and the joined letters are one.
    """
    joins: dict[int, tuple[int, Token]] = {}  # first token index -> (last index, joined token)
    for match in FRAGMENT_RE.finditer(text):
        index = bisect.bisect_left(tokens, match.start(), key=lambda token: token.end)
        if index >= len(tokens) - 1 or tokens[index].end != match.start() or not _glued(text, tokens, index):
            continue
        while index > 0 and _glued(text, tokens, index - 1):  # the run starts at its first piece
            index -= 1
        if index in joins:
            continue
        run_end = index
        while run_end + 1 < len(tokens) and run_end - index + 1 < MAX_FRAGMENTS and _glued(text, tokens, run_end):
            run_end += 1
        for last in range(run_end, index, -1):
            run = tokens[index:last + 1]
            if any(t.spelled or is_single_term(t.text) for t in run):
                continue
            letters = "".join(t.text for t in run)
            if token_roots(letters):
                joins[index] = (last, Token(run[0].start, run[-1].end, letters, True, ()))
                break
    if not joins:
        return tokens
    result: list[Token] = []
    cursor = 0
    for first in sorted(joins):
        if first < cursor:
            continue
        last, joined = joins[first]
        result += tokens[cursor:first]
        result.append(joined)
        cursor = last + 1
    return result + tokens[cursor:]


def _glued(text: str, tokens: list[Token], index: int) -> bool:
    a, b = tokens[index], tokens[index + 1]
    return len(a.text) <= MAX_FRAGMENT and len(b.text) <= MAX_FRAGMENT and text[a.end:b.start] in FRAGMENT_GAPS


def split_tags(text: str, tokens: list[Token], token_roots: Roots, is_word_of_a_term: Check) -> list[Token]:
    """#janganbodoh, #KillYourselfChallenge, @bodoh_sombong: split into words, offsets inside the tag."""
    result: list[Token] = []
    for token in tokens:
        start, body = token.start, token.text
        is_handle = body.startswith("@") and len(body) > 1 and (start == 0 or not text[start - 1].isalnum())
        if is_handle:
            start, body = start + 1, body[1:]
        elif not (start > 0 and text[start - 1] == "#"):
            result.append(token)
            continue
        if token.spelled or token_roots(token.text):  # a word already (or leet: "@ss")
            result.append(token)
            continue
        if is_handle and token_roots(body):
            result.append(Token(start, token.end, body))
            continue
        forms = spellings(body)
        form = forms[-1] if forms and len(forms[-1]) == len(body) else body.lower()
        if len(form) != len(body):  # "ß" -> "ss": offsets would not map back; leave the token whole
            result.append(token)
            continue
        spans = split_tag(body, form, is_word_of_a_term)
        result += [Token(start + a, start + b, body[a:b]) for a, b in spans if TOKEN_RE.fullmatch(body[a:b])]
    return result
