"""Token rewrites before matching: pieces of one disguised word joined, hashtags and handles split into words.

Both keep every token's offsets into the original text, so findings still slice it exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from reviewer.checking.hashtags import split_tag
from reviewer.checking.normalize import TOKEN_RE, Token, spellings

Roots = Callable[[str], Mapping[str, str]]  # root -> the kind of match (read only here)
Check = Callable[[str], bool]
FRAGMENT_GAPS = frozenset("-.·")
FRAGMENT_RE = re.compile(r"\b\w{1,4}[-.·]\w{1,4}\b")  # a quick test: any short pieces joined at all?
MAX_FRAGMENTS = 4
MAX_FRAGMENT = 4  # letters per piece: "bo-doh", "bang-sat"; longer pieces are words of their own


def join_fragments(text: str, tokens: list[Token], token_roots: Roots, is_single_term: Check) -> list[Token]:
    """'bo-doh', 'bang.sat', 'si-al': short pieces joined by one hyphen or dot are one disguised word.

    Only when no piece is a term by itself (bodoh-bodoh is reduplication) and the joined letters are one.
    """
    starts = {m.start() for m in FRAGMENT_RE.finditer(text)}
    if not starts:
        return tokens
    glued = [False] * max(0, len(tokens) - 1)
    for position, (a, b) in enumerate(zip(tokens, tokens[1:], strict=False)):
        if a.start in starts or position and glued[position - 1]:
            glued[position] = (len(a.text) <= MAX_FRAGMENT and len(b.text) <= MAX_FRAGMENT
                               and text[a.end:b.start] in FRAGMENT_GAPS)
    if not any(glued):
        return tokens
    result: list[Token] = []
    index = 0
    while index < len(tokens):
        joined = None
        run_end = index
        while run_end < len(glued) and glued[run_end] and run_end - index + 1 < MAX_FRAGMENTS:
            run_end += 1
        for last in range(run_end, index, -1):
            run = tokens[index:last + 1]
            if any(t.spelled or is_single_term(t.text) for t in run):
                continue
            letters = "".join(t.text for t in run)
            if token_roots(letters):
                joined = Token(run[0].start, run[-1].end, letters, True, ())
                break
        if joined is None:
            result.append(tokens[index])
            index += 1
        else:
            result.append(joined)
            index = last + 1
    return result


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
