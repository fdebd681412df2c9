"""Second listen for the spans the batched pass got wrong (see guard.py for what "wrong" means).

The batched pipeline decodes each <=30 s chunk once. Here every decoded segment is judged; segments that are
not speech (Whisper's silence phrases over music or noise) are dropped, and each run of failing segments is
decoded again, sequentially, with temperature fallback and without conditioning on earlier text. The new
words are spliced in at their real times. If the second decoding is no better, the better of the two is kept
and marked doubtful, so the reviewer knows to listen there.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from transcribe import guard
from transcribe.types import Segment, Word

SAMPLE_RATE = 16_000
SEED = 20_251_125


@dataclass(frozen=True)
class Decoded:
    segment: Segment
    stats: guard.Stats
    chunk: int = -1  # index of the batched chunk it came from


@dataclass(frozen=True)
class Chunk:
    """One batched chunk: the VAD speech stamps (in samples) it was cut from."""

    stamps: tuple[tuple[int, int], ...]

    @property
    def start(self) -> float:
        return self.stamps[0][0] / SAMPLE_RATE

    @property
    def end(self) -> float:
        return self.stamps[-1][1] / SAMPLE_RATE

    def speech_seconds(self, start: float, end: float) -> float:
        """Seconds of VAD speech inside [start, end]."""
        lo, hi = start * SAMPLE_RATE, end * SAMPLE_RATE
        return sum(max(0.0, min(b, hi) - max(a, lo)) for a, b in self.stamps) / SAMPLE_RATE


def chunks_of(stamps: list[dict], max_seconds: float = 30.0) -> list[Chunk]:
    """The batched pipeline's chunks for these VAD stamps (it merges speech into <=30 s chunks the same way)."""
    from faster_whisper.vad import collect_chunks

    _, metadata = collect_chunks(np.zeros(0, dtype=np.float32), stamps, max_duration=max_seconds)
    return [Chunk(tuple((int(s["start"]), int(s["end"])) for s in meta["segments"]))
            for meta in metadata if meta["segments"]]


def chunk_at(chunks: list[Chunk], start: float, end: float) -> int:
    """The chunk a segment came from: the one holding its midpoint (else the nearest)."""
    if not chunks:
        return -1
    middle = (start + end) / 2
    return min(range(len(chunks)), key=lambda i: max(chunks[i].start - middle, middle - chunks[i].end, 0.0))


def to_decoded(raw, offset: float = 0.0, chunk: int = -1) -> Decoded:
    """A faster-whisper segment as our Segment (times shifted by `offset`) plus what the decoder said of it."""
    words = tuple(Word(w.word.strip(), _sec(w.start + offset), _sec(w.end + offset), round(float(w.probability), 4))
                  for w in raw.words or () if w.word.strip())
    segment = Segment(0, _sec(raw.start + offset), _sec(raw.end + offset), raw.text.strip(), words)
    stats = guard.Stats(raw.text.strip(), float(raw.avg_logprob), float(raw.no_speech_prob),
                        float(raw.compression_ratio))
    return Decoded(segment, stats, chunk)


def _sec(value: float) -> float:
    return round(float(value), 3)


@dataclass(frozen=True)
class Span:
    start: float
    end: float
    chunk: int
    members: tuple[Decoded, ...]  # the first pass's segments in it


def failing_spans(decoded: list[Decoded], chunks: list[Chunk]) -> list[Span]:
    """Each run of failing segments, from the end of the good one before to the start of the good one after
    (or the chunk's edges), so the speech a loop swallowed is decoded again too. A chunk that produced far too
    little text for its speech fails as a whole."""
    spans = []
    for index, chunk in enumerate(chunks):
        members = [d for d in decoded if d.chunk == index]
        text_chars = sum(len(d.stats.text) for d in members)
        if guard.sparse(text_chars, chunk.speech_seconds(chunk.start, chunk.end)):
            spans.append(Span(chunk.start, chunk.end, index, tuple(members)))
            continue
        run: list[Decoded] = []
        run_start = previous_end = chunk.start
        for member in members:
            if guard.failures(member.stats):
                if not run:
                    run_start = previous_end
                run.append(member)
            elif run:
                spans.append(Span(run_start, member.segment.start, index, tuple(run)))
                run = []
            previous_end = member.segment.end
        if run:
            spans.append(Span(run_start, chunk.end, index, tuple(run)))
    return spans


def second_listen(model, audio: np.ndarray, span: Span, speech: float, language: str, beam_size: int,
                  vad_options) -> tuple[list[Decoded], bool]:
    """Decode the span on its own, sequentially, with faster-whisper's temperature fallback (0, 0.2, ... 1.0 on
    a compression ratio over 2.4 or a log-probability under -1), not conditioned on any earlier text; then
    judge it by our rules too. Returns the better of the two decodings, and whether it is the new one."""
    import ctranslate2  # type: ignore[import-untyped]

    ctranslate2.set_random_seed(SEED)  # fallback samples: the same clip gives the same transcript every time
    piece = audio[int(span.start * SAMPLE_RATE):int(span.end * SAMPLE_RATE)]
    old = list(span.members)
    if len(piece) < SAMPLE_RATE // 10:
        return old, False
    raw_segments, _ = model.transcribe(piece, language=language, beam_size=beam_size, word_timestamps=True,
                                       condition_on_previous_text=False, vad_filter=True, vad_parameters=vad_options)
    new = [d for d in (to_decoded(raw, span.start) for raw in raw_segments) if d.stats.text and not
           guard.not_speech(d.stats)]
    if guard.badness([d.stats for d in new], speech) <= guard.badness([d.stats for d in old], speech):
        return new, True
    return old, False


def guarded(model, audio: np.ndarray, decoded: list[Decoded], chunks: list[Chunk], language: str, beam_size: int,
            vad_options) -> list[Segment]:
    """Drop what is not speech, decode failing spans again, splice, and number the segments in order."""
    spoken = [d for d in decoded if not guard.not_speech(d.stats) and d.stats.text]
    replaced: set[int] = set()
    added: list[Decoded] = []
    for span in failing_spans(spoken, chunks):
        speech = chunks[span.chunk].speech_seconds(span.start, span.end)
        chosen, is_new = second_listen(model, audio, span, speech, language, beam_size, vad_options)
        lost = bool(guard.sparse(sum(len(d.stats.text) for d in chosen), speech))
        replaced.update(id(d) for d in span.members)
        added += [replace(d, segment=replace(d.segment, redecoded=is_new,
                                             doubtful=lost or bool(guard.problems(d.stats)))) for d in chosen]
    unsure = [replace(d, segment=replace(d.segment, doubtful=bool(guard.problems(d.stats))))
              for d in spoken if id(d) not in replaced]
    kept = sorted(unsure + added, key=lambda d: d.segment.start)
    return [replace(d.segment, id=number) for number, d in enumerate(kept, start=1)]
