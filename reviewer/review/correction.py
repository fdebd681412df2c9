"""A reviewer's transcript correction as a new revision that keeps the original word times."""

from __future__ import annotations

from dataclasses import replace
from difflib import SequenceMatcher

from reviewer.checking.checker import WORD_LETTERS
from transcribe.types import Segment, Transcript, Word


def corrected_transcript(original: Transcript, edited_text: str) -> Transcript:
    """A reviewer's corrected text as a transcript revision, keeping the original timing.

    The edited words are aligned with the original ones (difflib), so fixing one word never moves another:
    unchanged words keep their own times wherever they now sit, and only inserted or replaced words get times,
    spread over the span of the words they replace (or the gap they are inserted into). One line per segment;
    when the number of lines is unchanged each line keeps its segment's span.
    """
    segments = list(original.segments)
    old = [w for segment in segments for w in segment.words]
    lines = [line.split() for line in (line.strip() for line in edited_text.splitlines())]
    new = [word for line in lines for word in line]
    first = segments[0].start if segments else 0.0
    last = segments[-1].end if segments else original.duration
    timed: list[Word] = []
    matcher = SequenceMatcher(a=[w.text.strip() for w in old], b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            timed += old[i1:i2]  # the same words, with their times, doubt and re-listening trail
        elif tag == "replace" and i2 - i1 == j2 - j1:  # word for word: each keeps its own time
            timed += [_retyped(old[i1 + k], new[j1 + k]) for k in range(j2 - j1)]
        elif j2 > j1:  # replaced or inserted words share the span they fill
            start = old[i1].start if tag == "replace" else (old[i1 - 1].end if i1 > 0 else first)
            end = old[i2 - 1].end if tag == "replace" else (old[i1].start if i1 < len(old) else last)
            step = max(0.0, end - start) / (j2 - j1)
            timed += [Word(new[j], round(start + (j - j1) * step, 3), round(start + (j - j1 + 1) * step, 3), 1.0)
                      for j in range(j1, j2)]
    keep_spans = len(lines) == len(segments)
    result: list[Segment] = []
    position = 0
    for line in lines:
        words = tuple(timed[position:position + len(line)])
        position += len(line)
        if keep_spans:
            span = segments[len(result)]
            start, end = span.start, span.end
        elif words:
            start, end = words[0].start, words[-1].end
        else:
            continue
        result.append(Segment(len(result) + 1, start, end, " ".join(line), words))
    return Transcript(original.language, original.language_probability, original.duration, tuple(result),
                      original.model, original.engine, damaged=original.damaged)  # the file's audio is as damaged


def _letters(text: str) -> str:
    return " ".join(WORD_LETTERS.findall(text)).casefold()


def _retyped(old: Word, text: str) -> Word:
    """The word the reviewer typed in the place of `old`: the same word with other punctuation or capitals keeps
    what is known of it (its doubt, and what the first pass heard there); another word is the reviewer's own."""
    if _letters(old.text) == _letters(text):
        return replace(old, text=text)
    return Word(text, old.start, old.end, 1.0)
