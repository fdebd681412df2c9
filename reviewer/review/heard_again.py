"""Write what re-listening confirmed into the transcript: "bodok" becomes "bodoh", and remembers it was "bodok".

Re-listening (media_check.verify_fuzzy) confirms a term only where a second, term-biased listen heard it and the
words around it still line up with the first pass. Until now only the finding said so; the transcript kept the
first pass's mishearing, so the stored text, exports and the error rate were worse than what we knew. Here the
confirmed words replace the first-pass words they cover, keeping their times (and the first pass's doubt, so the
transcript view still shades them), and each replaced word keeps what was heard first (`Word.heard`). Every later
check of the corrected transcript reads that trail back (Checker.check_transcript), so the finding keeps saying
"heard as 'bodok', confirmed 'bodoh' on re-listening" after a re-check with new lists.

Only the confirmed words change. The other findings keep what verification made of them (a doubtful word it did
not confirm stays dropped); they are moved to where their words now sit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reviewer.checking.checker import WORD_LETTERS, Checker, CheckResult, Finding, transcript_text
from transcribe.types import Segment, Transcript, Word


@dataclass(frozen=True)
class _Fix:
    finding: Finding
    first: int  # word indices (of the transcript's words, in order) the confirmed words replace
    last: int


def correct(checker: Checker, transcript: Transcript, result: CheckResult,
            write: bool = True) -> tuple[Transcript, CheckResult]:
    """The transcript with confirmed words written in, and the check of it (findings on the corrected text).

    `result` is verification's: a confirmed finding sits on the first-pass words (`start`/`end`, `heard`) and
    carries what the second listen heard (`matched`). Findings that are not written in (`write` False: a transcript
    someone may have read already; or one without word times; two confirmations of overlapping words) stay on the
    first-pass words, which become their `matched` again, and still say what was heard first."""
    text, spans = transcript_text(transcript)
    words = transcript.words()
    timed = write and text == result.text and len(spans) == len(words) and bool(words)
    segment_of = [number for number, segment in enumerate(transcript.segments) for _ in segment.words]
    fixes: list[_Fix] = []
    for finding in sorted(_pending(result), key=lambda f: f.start):
        inside = [i for i, s in enumerate(spans) if s[0] < finding.end and finding.start < s[1]] if timed else []
        if inside and (not fixes or fixes[-1].last < inside[0]) and segment_of[inside[0]] == segment_of[inside[-1]]:
            fixes.append(_Fix(finding, inside[0], inside[-1]))
    written = {id(fix.finding) for fix in fixes}
    unwritten = [f if id(f) in written or not _is_pending(f) else _on_first_pass(f, result.text)
                 for f in result.findings]
    if not fixes:
        return transcript, replace(result, findings=tuple(unwritten))
    corrected, moved_to = _rewrite(transcript, fixes)
    return corrected, _recheck(checker, corrected, replace(result, findings=tuple(unwritten)), fixes, moved_to,
                               [(s[0], s[1]) for s in spans])


def _is_pending(finding: Finding) -> bool:
    return finding.verification == "confirmed" and bool(finding.heard) and finding.box is None


def _on_first_pass(finding: Finding, text: str) -> Finding:
    """A confirmed finding left on the first-pass words: those are its `matched`; it says what was heard first
    unless that was the same words (other capitals only)."""
    matched = text[finding.start:finding.end]
    heard = " ".join(finding.heard.split())  # a pair across a line break: "ke\nmohon"
    return replace(finding, matched=matched, heard="" if heard.casefold() == finding.matched.casefold() else heard)


def _pending(result: CheckResult) -> list[Finding]:
    """Confirmed findings whose second listen heard other words than the first pass (not just other capitals)."""
    return [f for f in result.findings if _is_pending(f) and f.heard.casefold() != f.matched.casefold()]


def _rewrite(transcript: Transcript, fixes: list[_Fix]) -> tuple[Transcript, list[int]]:
    """The corrected transcript, and for each old word the index of the word that now holds it.

    As many words heard again as first: word for word, each keeping its own times; a word that differs only in
    capitals is left as it was. Otherwise the heard words share the first-pass words' time span, and each says it
    replaced all of them (read back once: Checker.check_transcript joins a run of the same `heard` into one). A
    sentence's first capital stays: the second listen, starting mid-sentence, writes the word in lower case."""
    old = transcript.words()
    by_first = {fix.first: fix for fix in fixes}
    starts = _sentence_starts(transcript)
    new: list[Word] = []
    moved_to: list[int] = []
    index = 0
    while index < len(old):
        fix = by_first.get(index)
        if fix is None:
            moved_to.append(len(new))
            new.append(old[index])
            index += 1
            continue
        replaced = old[fix.first:fix.last + 1]
        heard_words = fix.finding.matched.split()
        if len(heard_words) == len(replaced):
            for offset, (word, heard) in enumerate(zip(replaced, heard_words, strict=True)):
                moved_to.append(len(new))
                core = " ".join(WORD_LETTERS.findall(word.text))
                lead, trail = _punctuation(word.text)
                heard = _capitalised(heard) if fix.first + offset in starts and core[:1].isupper() else heard
                new.append(word if heard.casefold() == core.casefold() else
                           replace(word, text=lead + heard + trail, heard=core))
        else:
            lead, trail = _punctuation(replaced[0].text)[0], _punctuation(replaced[-1].text)[1]
            first_heard = " ".join(fix.finding.heard.split())
            start, step = replaced[0].start, (replaced[-1].end - replaced[0].start) / len(heard_words)
            doubt = min(w.probability for w in replaced)
            moved_to.extend([len(new)] * len(replaced))  # the first of them holds the old words' place
            for position, heard in enumerate(heard_words):
                text = _capitalised(heard) if position == 0 and fix.first in starts and first_heard[:1].isupper() \
                    else heard
                text = (lead if position == 0 else "") + text + (trail if position == len(heard_words) - 1 else "")
                new.append(Word(text, round(start + position * step, 3), round(start + (position + 1) * step, 3),
                                doubt, first_heard))
        index = fix.last + 1
    segments: list[Segment] = []
    position = 0
    for segment in transcript.segments:
        first = moved_to[position] if segment.words else 0
        position += len(segment.words)
        end = moved_to[position] if position < len(moved_to) else len(new)
        words = tuple(new[first:end]) if segment.words else ()
        changed = words != segment.words
        segments.append(replace(segment, words=words, text=" ".join(w.text for w in words)) if changed else segment)
    return replace(transcript, segments=tuple(segments)), moved_to


def _capitalised(heard: str) -> str:
    return heard[:1].upper() + heard[1:]


def _sentence_starts(transcript: Transcript) -> set[int]:
    """Indices of the words that start a sentence: a segment's first, or one after . ! or ? (their capital is
    kept; a capital inside a sentence is the first pass taking a mishearing for a name: "Judi Talam Talian")."""
    starts: set[int] = set()
    index = 0
    for segment in transcript.segments:
        for position in range(len(segment.words)):
            if position == 0 or segment.words[position - 1].text.rstrip("\"'”’)").endswith((".", "!", "?")):
                starts.add(index)
            index += 1
    return starts


def _punctuation(word: str) -> tuple[str, str]:
    """What stands before the first letter and after the last ("bodok," -> ("", ","))."""
    letters = WORD_LETTERS.findall(word)
    if not letters:
        return "", ""
    return word[:word.find(letters[0])], word[word.rfind(letters[-1]) + len(letters[-1]):]


def _recheck(checker: Checker, corrected: Transcript, verified: CheckResult, fixes: list[_Fix],
             moved_to: list[int], old_spans: list[tuple[int, int]]) -> CheckResult:
    """Findings on the corrected text: the checker's own on the replaced words (so they read the same as any
    later check of this transcript), verification's elsewhere, moved with their words. A finding of
    verification's on replaced words that the checker does not find again there is kept on the new words:
    the correction never loses a finding."""
    fresh = checker.check_transcript(corrected, verified.source)
    new_text, timed = transcript_text(corrected)
    new_spans = [(span[0], span[1]) for span in timed]
    words = corrected.words()

    def place(first: int, last: int) -> range:  # the new words that took the place of old words first..last
        return range(moved_to[first], moved_to[last + 1] if last + 1 < len(moved_to) else len(words))

    # the old words whose place changed, and the new words that changed (not those with other capitals only)
    touched = {i for fix in fixes for i in range(fix.first, fix.last + 1) if words[moved_to[i]].heard}
    replaced = {i for fix in fixes for i in place(fix.first, fix.last) if words[i].heard}

    def words_of(spans: list[tuple[int, int]], finding: Finding) -> set[int]:
        return {i for i, s in enumerate(spans) if s[0] < finding.end and finding.start < s[1]}

    kept = [f for f in fresh.findings if f.kind != "fuzzy" and words_of(new_spans, f) & replaced]
    for finding in verified.findings:
        held = words_of(old_spans, finding)
        if not held:
            continue
        first, last = min(held), max(held)
        if held & touched:  # on replaced words: the checker's finding stands for it, unless it found none
            spot = place(first, last)
            if not any(f.term == finding.term and words_of(new_spans, f) & set(spot) for f in kept):
                start, end = new_spans[spot[0]][0], new_spans[spot[-1]][1]
                kept.append(replace(finding, start=start, end=end, matched=new_text[start:end]))
            continue
        start = new_spans[moved_to[first]][0] + finding.start - old_spans[first][0]
        end = new_spans[moved_to[last]][1] - (old_spans[last][1] - finding.end)
        kept.append(replace(finding, start=start, end=end))
    return replace(verified, text=new_text, findings=tuple(sorted(kept, key=lambda f: (f.start, f.end))))

