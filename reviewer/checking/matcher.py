"""The compiled matcher: every term of every list, found in one pass over the tokens.

Compile once: each term word (and its assimilated / e-dropped forms) goes into one Aho-Corasick automaton;
multi-word terms go into a trie keyed by word. Matching then scans each distinct token once with the
automaton, keeps only hits that morphology.py accepts as real derivations, walks the phrase trie from each
token, and resolves overlaps: the longest, most literal, most severe match wins. Per-token results are cached,
so re-checking an edited paragraph only pays for the words that changed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import ahocorasick

from reviewer.checking.context import PREVENTABLE, SENSES, everyday, prevention, sentence_around
from reviewer.checking.disguise import SkeletonIndex, chat_word, phonetic_forms
from reviewer.checking.fuzzy import FuzzyHit, FuzzyIndex
from reviewer.checking.lexicon import is_english_word, is_known_word, is_malay_root
from reviewer.checking.matches import KIND_RANK, FindingKind, Match, merge_reduplication, resolve_overlaps
from reviewer.checking.mishearing import derived_mishearing
from reviewer.checking.morphology import (
    MAX_PREFIX,
    MAX_SUFFIX,
    is_derivation,
    is_english_derivation,
    plausible,
    root_keys,
)
from reviewer.checking.normalize import (
    Token,
    destretch_doubles,
    phrase_gap_ok,
    spellings,
    term_words,
    tokenize,
)
from reviewer.checking.retokenize import join_fragments, split_tags
from reviewer.checking.terms import Term

END = "$"  # trie key holding the term indices that end at this node
MAX_PHRASE_WORDS = 8
MIN_AFFIXED_ROOT = 3  # "cb", "bj", "mf" are abbreviations: they never take affixes ("cbi", "bjs")


@dataclass
class _Root:
    languages: set[str] = field(default_factory=set)
    single_terms: list[int] = field(default_factory=list)


Trie = dict[str, Any]  # word -> sub-trie; END -> the indices of the terms that end here

class CompiledTerms:
    """All enabled terms of the given lists, compiled for matching."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self.terms = [t for t in terms if t.enabled]
        self._roots: dict[str, _Root] = defaultdict(_Root)
        self._trie: Trie = {}
        self._exceptions: dict[int, list[tuple[str, ...]]] = {}
        self._masks_by_length: dict[int, list[str]] = defaultdict(list)
        self._token_cache: dict[str, dict[str, FindingKind]] = {}
        self._joined: set[str] = set()  # phrase roots written as one word
        self._fuzzy_cache: dict[str, FuzzyHit | None] = {}
        for index, term in enumerate(self.terms):
            self._add_term(index, term)
        self._automaton = self._build_automaton()
        for root in self._roots:
            if self._roots[root].single_terms:
                self._masks_by_length[len(root)].append(root)
        anchors = {root for root, info in self._roots.items() if info.single_terms}
        anchors |= {max(words, key=len) for words in self._phrase_words() if len(words) > 1}
        self.fuzzy = FuzzyIndex(anchors)
        self._skeletons = SkeletonIndex(root for root in self._roots if len(root) >= 4)

    # --- compile -------------------------------------------------------------------------------------------
    def _add_term(self, index: int, term: Term) -> None:
        languages = {"ms", "en"} if term.language == "any" else {term.language}
        for surface in (term.term, *term.variants):
            words = term_words(surface)[:MAX_PHRASE_WORDS]
            if len(words) == 1 or len(words) > 1 and len("".join(words)) >= 6:
                joined = "".join(words)  # "bunuhdiri", "killyourself": phrases written as one word
                if len(words) > 1:
                    self._joined.add(joined)
                root = self._roots[joined]
                root.languages |= languages
                root.single_terms.append(index)
            if len(words) > 1:
                node = self._trie
                for word in words:
                    self._roots[word].languages |= languages
                    node = node.setdefault(word, {})
                node.setdefault(END, []).append(index)
        self._exceptions[index] = [term_words(e) for e in term.exceptions]

    def _phrase_words(self) -> Iterator[tuple[str, ...]]:
        stack: list[tuple[tuple[str, ...], Trie]] = [((), self._trie)]
        while stack:
            path, node = stack.pop()
            if END in node:
                yield path
            stack.extend((path + (k,), v) for k, v in node.items() if k != END)

    def _build_automaton(self) -> ahocorasick.Automaton:
        keys: dict[str, list[tuple[str, str, frozenset[str]]]] = defaultdict(list)
        for root, info in self._roots.items():
            languages = frozenset(info.languages)
            for key, mode in root_keys(root, languages):
                keys[key].append((root, mode, languages))
        automaton = ahocorasick.Automaton()
        for key, entries in keys.items():
            automaton.add_word(key, (len(key), tuple(entries)))
        if keys:
            automaton.make_automaton()
        return automaton

    # --- per token -----------------------------------------------------------------------------------------
    def token_roots(self, raw: str) -> dict[str, FindingKind]:
        """Roots this token is a form of, each with the most literal kind found. Cached per spelling."""
        cached = self._token_cache.get(raw)
        if cached is None:
            cached = self._token_roots(raw)
            if len(self._token_cache) > 200_000:
                self._token_cache.clear()
            self._token_cache[raw] = cached
        return cached

    def _token_roots(self, raw: str) -> dict[str, FindingKind]:
        found: dict[str, FindingKind] = {}
        forms = spellings(raw)
        if not forms:  # nothing but invisible characters and marks
            return found
        literal = raw.casefold()
        for position, form in enumerate(forms):
            whole_kind: FindingKind = "exact" if position == 0 and form == literal else "normalized"
            self._scan(form, whole_kind, found)
            if "*" in form:
                self._match_mask(form, found)
        if found:
            return found
        standard = chat_word(forms[-1])  # chat shorthand (ko, x, nk) may be a real word elsewhere
        if standard is not None and standard in self._roots:
            found[standard] = "normalized"
        elif not (raw.isalpha() and is_known_word(forms[-1])):  # the rest only for words no dictionary knows
            collapsed = destretch_doubles(forms[-1])  # bodohh -> bodoh
            if collapsed != forms[-1] and collapsed in self._roots:
                found[collapsed] = "normalized"
            else:
                self._undisguise(raw, forms[-1], found)
        return found

    def _undisguise(self, raw: str, form: str, found: dict[str, FindingKind]) -> None:
        """l00ser, phuck, bitchez, bodoh2, xguna and dropped vowels (bdoh)."""
        for respelled in phonetic_forms(raw, form):
            self._scan(respelled, "normalized", found)
        if not found:
            for root in self._skeletons.lookup(form):
                found.setdefault(root, "normalized")

    def _scan(self, form: str, whole_kind: FindingKind, found: dict[str, FindingKind]) -> None:
        """Term roots inside `form`, kept only as the whole form or a real derivation.

        A form that is a Malay root word of its own (gilap, babit) is never a term plus affixes, unless it is an
        English word formed from an English term (bomber).
        """
        if not self._roots:
            return
        own_word: bool | None = None  # looked up only for a plausible affixed hit (rare)
        for end, (length, entries) in self._automaton.iter(form):
            start = end - length + 1
            if start > MAX_PREFIX or len(form) - end - 1 > MAX_SUFFIX:
                continue  # more left over than any affix chain: an unrelated word that contains the root
            prefix, suffix = form[:start], form[end + 1:]
            affixed = bool(prefix or suffix)
            if affixed and not plausible(prefix, suffix):
                continue
            if affixed and own_word is None:
                own_word = is_malay_root(form) and form not in self._roots
            for root, mode, languages in entries:
                if not affixed and mode == "plain":
                    kind = whole_kind
                elif len(root) >= MIN_AFFIXED_ROOT and is_derivation(prefix, suffix, root, languages, mode) and not (
                        own_word and not (is_english_derivation(prefix, suffix, mode) and is_english_word(form))
                        or mode == "assimilated" and self._nasal_belongs_to_root(prefix, form[start:end + 1])):
                    kind = "morphological"
                else:
                    continue
                if root not in found or KIND_RANK[kind] < KIND_RANK[found[root]]:
                    found[root] = kind

    def _nasal_belongs_to_root(self, prefix: str, rest: str) -> bool:
        """me+naik, not men+(t)aik: the nasal may start a root word of its own, which wins over a dropped letter."""
        stem = prefix[max(prefix.rfind("me"), prefix.rfind("pe")) + 2:] + rest
        return is_malay_root(stem) and stem not in self._roots

    def _match_mask(self, form: str, found: dict[str, FindingKind]) -> None:
        """'sl*t', 'f**k': each * hides one letter of a single-word term of the same length."""
        pattern = re.compile("".join("." if c == "*" else re.escape(c) for c in form))
        for root in self._masks_by_length.get(len(form), ()):
            if pattern.fullmatch(root):
                found.setdefault(root, "normalized")

    # --- whole text ----------------------------------------------------------------------------------------
    def find(self, text: str, tokens: list[Token] | None = None) -> tuple[list[Token], list[Match]]:
        tokens = self._split_spelled(tokenize(text) if tokens is None else tokens)
        tokens = join_fragments(text, tokens, self.token_roots, self._is_single_term)
        if "#" in text or "@" in text:
            tokens = split_tags(text, tokens, self.token_roots, self._is_word_of_a_term)
        roots = [self._spelled_roots(t) if t.spelled else self.token_roots(t.text) for t in tokens]
        candidates: list[Match] = []
        for index, token_roots in enumerate(roots):
            for root, kind in token_roots.items():
                info = self._roots[root]
                candidates += [Match(t, index, index, kind) for t in info.single_terms]
                if root in self._trie:
                    self._walk_phrase(text, tokens, roots, index, self._trie[root], [kind], candidates)
        excepted = [m for m in candidates if self._excepted(m, tokens, roots)]
        if excepted:  # a phrase that is fine here ("pencegahan bunuh diri") also clears the shorter terms inside it
            candidates = [m for m in candidates if m not in excepted and not any(
                e.first <= m.first and m.last <= e.last and e.last - e.first > m.last - m.first for e in excepted)]
        if any(m.first == m.last and not SENSES.keys().isdisjoint(roots[m.first]) for m in candidates):
            words = [forms[-1] if (forms := spellings(t.text)) else "" for t in tokens]
            candidates = [m for m in candidates if not self._everyday(m, roots, words)]
        if any(self.terms[m.term_index].category in PREVENTABLE for m in candidates):
            candidates = self._without_prevention(text, tokens, candidates)
        chosen = resolve_overlaps(candidates, self.terms)
        chosen = merge_reduplication(text, tokens, chosen)
        chosen += self._fuzzy(text, tokens, roots, chosen)
        chosen.sort(key=lambda m: (m.first, m.last))
        return tokens, chosen

    def _spelled_roots(self, token: Token) -> dict[str, FindingKind]:
        """Letters spelled out one by one are a disguise: never an `exact` match."""
        return {root: "normalized" if kind == "exact" else kind for root, kind in self.token_roots(token.text).items()}

    def _split_spelled(self, tokens: list[Token]) -> list[Token]:
        """'b o d o h s t u p i d' is one run of letters: cut it at the single-word terms found inside."""
        result: list[Token] = []
        for token in tokens:
            if not token.spelled or self.token_roots(token.text) or not self._roots:
                result.append(token)
                continue
            letters = spellings(token.text)[-1]
            if len(letters) != len(token.letter_starts):
                result.append(token)
                continue
            cursor = 0
            hits = sorted(((end - length + 1, end + 1) for end, (length, entries) in self._automaton.iter(letters)
                           if any(mode == "plain" and self._roots[root].single_terms for root, mode, _ in entries)),
                          key=lambda span: (span[0], -span[1]))
            for begin, stop in hits:
                if begin < cursor:
                    continue
                starts = token.letter_starts[begin:stop]
                result.append(Token(starts[0], starts[-1] + 1, token.text[begin:stop], True, starts))
                cursor = stop
            if cursor == 0:
                result.append(token)
        return result

    def _is_word_of_a_term(self, word: str) -> bool:
        """A word of a term, for hashtag splitting: a phrase glued into one word is split back (#cegahbunuhdiri)."""
        return len(word) >= 3 and word in self._roots and word not in self._joined

    def _is_single_term(self, raw: str) -> bool:
        return any(self._roots[root].single_terms for root in self.token_roots(raw))

    def _walk_phrase(self, text: str, tokens: list[Token], roots: list[dict[str, FindingKind]], index: int, node: Trie,
                     kinds: list[FindingKind], out: list[Match]) -> None:
        for term_index in node.get(END, ()):
            out.append(Match(term_index, index - len(kinds) + 1, index, max(kinds, key=KIND_RANK.__getitem__)))
        following = index + 1
        if following >= len(tokens) or not phrase_gap_ok(text, tokens[index], tokens[following]):
            return
        for root, kind in roots[following].items():
            if root in node and root != END:
                self._walk_phrase(text, tokens, roots, following, node[root], [*kinds, kind], out)

    def _excepted(self, match: Match, tokens: list[Token], roots: list[dict[str, FindingKind]]) -> bool:
        for words in self._exceptions.get(match.term_index, ()):
            for offset in range(len(words)):
                begin = match.first - offset
                if begin < 0 or begin + len(words) > len(tokens) or begin + len(words) <= match.last:
                    continue
                if all(w in roots[begin + k] or _spelled_as(w, tokens[begin + k].text) for k, w in enumerate(words)):
                    return True
        return False

    def _without_prevention(self, text: str, tokens: list[Token], candidates: list[Match]) -> list[Match]:
        """Drop self-harm phrases told not to be done with help offered in the same sentence (context.py), and,
        as with exception phrases, the shorter terms inside them ("kill" in "don't kill yourself")."""
        prevented = []
        for m in candidates:
            if self.terms[m.term_index].category in PREVENTABLE:
                lo, hi = sentence_around(text, tokens, m.first, m.last)
                words = [forms[-1] if (forms := spellings(t.text)) else "" for t in tokens[lo:hi]]
                if prevention(words, [t.text for t in tokens[lo:hi]], m.first - lo, m.last - lo):
                    prevented.append(m)
        return [m for m in candidates if not any(p.first <= m.first and m.last <= p.last for p in prevented)]

    def _everyday(self, match: Match, roots: list[dict[str, FindingKind]], words: list[str]) -> bool:
        """A single word in its everyday sense: the animal, the food, the time of day (context.py)."""
        if match.first != match.last:
            return False
        own = [r for r in roots[match.first] if match.term_index in self._roots[r].single_terms]
        return any(everyday(root, words, match.first) for root in own)

    def _fuzzy(self, text: str, tokens: list[Token], roots: list[dict[str, FindingKind]],
               chosen: list[Match]) -> list[Match]:
        """Near misses of terms among the words no rule matched: bare (bodok), derived (memukol), in a phrase
        (gantong diri: the whole phrase is the finding)."""
        covered = {i for m in chosen for i in range(m.first, m.last + 1)}
        hits: list[Match] = []
        for index, token in enumerate(tokens):
            if index in covered:
                continue
            if token.text in self._fuzzy_cache:
                hit = self._fuzzy_cache[token.text]
            else:
                hit = self._fuzzy_cache[token.text] = self._fuzzy_lookup(token.text)
            if hit is None:
                continue
            phrase = self._fuzzy_phrase(text, tokens, roots, index, hit.anchor, covered)
            if phrase is not None:
                hits.append(Match(phrase.term_index, phrase.first, phrase.last, "fuzzy", hit.similarity,
                                  text[tokens[phrase.first].start:tokens[phrase.last].end]))
                covered |= set(range(phrase.first, phrase.last + 1))
                continue
            info = self._roots.get(hit.anchor)
            term_indices = info.single_terms if info and info.single_terms else self._phrases_with(hit.anchor)
            if term_indices:
                best = max(term_indices, key=lambda i: self.terms[i].rank)
                hits.append(Match(best, index, index, "fuzzy", hit.similarity, token.text))
        return hits

    def _fuzzy_lookup(self, raw: str) -> FuzzyHit | None:
        forms = spellings(raw)
        if not forms or is_known_word(forms[-1]):  # a real word is never a mishearing
            return None
        return self.fuzzy.lookup(forms[-1]) or derived_mishearing(forms[-1], self.fuzzy, self._languages_of)

    def _languages_of(self, root: str) -> frozenset[str]:
        info = self._roots.get(root)
        return frozenset(info.languages) if info else frozenset()

    def _fuzzy_phrase(self, text: str, tokens: list[Token], roots: list[dict[str, FindingKind]], index: int,
                      anchor: str, covered: set[int]) -> Match | None:
        """The longest phrase through `index` if the misheard word is read as `anchor` (the rest must match)."""
        patched = [*roots]
        patched[index] = {anchor: "fuzzy"}
        found: list[Match] = []
        for begin in range(max(0, index - MAX_PHRASE_WORDS + 1), index + 1):
            for root, kind in patched[begin].items():
                if root in self._trie:
                    self._walk_phrase(text, tokens, patched, begin, self._trie[root], [kind], found)
        spanning = [m for m in found if m.first <= index <= m.last and m.first < m.last
                    and not covered & set(range(m.first, m.last + 1))]
        return max(spanning, key=lambda m: (m.last - m.first, self.terms[m.term_index].rank), default=None)

    def _phrases_with(self, word: str) -> list[int]:
        found = []
        stack = [self._trie]
        while stack:
            node = stack.pop()
            for key, child in node.items():
                if key == END:
                    continue
                if key == word:
                    found += _all_ends(child)
                else:
                    stack.append(child)
        return found


CLITICS_RE = re.compile(r"(?:ku|mu|nya)?(?:lah|kah|pun|tah)?|e?s")


def _spelled_as(word: str, raw: str) -> bool:
    """Is this token `word`, perhaps with a clitic or particle (pemukulnya, kecelakaanlah, whalers)?"""
    return any(form.startswith(word) and CLITICS_RE.fullmatch(form, len(word)) for form in spellings(raw))


def _all_ends(node: Trie) -> list[int]:
    ends = list(node.get(END, ()))
    for key, child in node.items():
        if key != END:
            ends += _all_ends(child)
    return ends
