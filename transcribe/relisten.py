"""Listen again at a moment in doubt, cheaply: decode a few words from a given time with hotwords.

A targeted re-decode of a 3 s window costs a whole 30 s encoder pass plus a beam search (~0.7 s each on
2 cores), which for ten doubtful words a clip was more than the clip's own transcription. Here every moment
of a clip shares one encoder pass (the first pass's own, when the warm worker still holds it), and the
decoder is told where to start by Whisper's own timestamp token and the words heard just before, and
attends only to the 10 s around the moment, so each moment costs only the dozen tokens it decodes. A clip's
moments decode in one batch, each biased towards its own terms; the caller believes a term only where it
lines up with the first pass (reviewer/review/sound_alike.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np

SAMPLE_RATE = 16_000
FRAME_SECONDS = 0.01  # one mel frame
WINDOW_SECONDS = 30.0
TIMESTAMP_STEP = 0.02
LEAD_IN = 0.1  # start a little before the word: Whisper's word times run late rather than early
NEW_TOKENS = 16  # the word in doubt and the two words after it, for the line-up check
# Greedy: on the benchmark clips beam 5 confirmed one term less (it ended "babi." before the words after it)
# and took 40% longer.
BEAM = 1
# The decoder hears 10 s of the encoder output from 2 s before the moment, not all 30 s: attending to every
# frame was most of a moment's cost (ms_long's ten moments: 1.5 s -> 0.35 s, the same terms confirmed). The
# timestamp stays the window's own: the encoder's frames carry their positions (crop-relative ones lost two
# of eight confirmations on the benchmark clips).
CROP_FRAMES, CROP_BEFORE = 500, 2.0
PAD = "."  # what pads shorter hotword lists, so that a clip's moments share one batch (see _decode)


@dataclass
class Heard:
    """What the first pass left behind for re-listening: its encoder outputs and how to find a moment in them.

    `stamps` are the VAD speech stamps (samples) the first pass decoded, silence removed; `windows` maps
    each decoded window's start frame (in that silence-free audio) to its encoder output."""

    key: tuple
    stamps: list[dict]
    windows: dict[int, np.ndarray] = field(default_factory=dict)

    def locate(self, seconds: float) -> tuple[np.ndarray, float] | None:
        """The encoder output that heard this moment (seconds in the original audio), and where in it."""
        speech = _speech_time(self.stamps, seconds)
        for start, output in sorted(self.windows.items(), reverse=True):
            offset = speech - start * FRAME_SECONDS
            if 0.0 <= offset < WINDOW_SECONDS - 2.0:
                return output, offset
        return None


def _speech_time(stamps: list[dict], seconds: float) -> float:
    """Original time -> time in the audio with the silence between VAD stamps cut out."""
    sample, before = seconds * SAMPLE_RATE, 0
    for stamp in stamps:
        if sample < stamp["end"]:
            return (before + max(0.0, sample - stamp["start"])) / SAMPLE_RATE
        before += stamp["end"] - stamp["start"]
    return before / SAMPLE_RATE


@contextmanager
def recording_encoder(model) -> Iterator[list]:
    """Keep every encoder output the model computes inside this block (one per decoded 30 s window)."""
    outputs: list = []
    original = model.encode

    def encode(features):
        output = original(features)
        outputs.append(output)
        return output

    model.encode = encode
    try:
        yield outputs
    finally:
        del model.encode  # the class's own method again


def heard_from(key: tuple, stamps: list[dict], outputs: list, seeks: list[int]) -> Heard | None:
    """Pair the recorded outputs with the windows' start frames; None when they cannot be paired for sure
    (a window that yielded no segment), so the caller encodes afresh instead of guessing."""
    starts = sorted(set(seeks))
    if len(starts) != len(outputs):
        return None
    return Heard(key, stamps, {start: np.array(out) for start, out in zip(starts, outputs, strict=True)})


def encode_window(model, audio: np.ndarray, start: float) -> np.ndarray:
    """A fresh encoder pass over the 30 s of the original audio from `start`."""
    from faster_whisper.audio import pad_or_trim

    piece = audio[int(start * SAMPLE_RATE):int((start + WINDOW_SECONDS) * SAMPLE_RATE)]
    features = pad_or_trim(model.feature_extractor(piece))
    return np.array(model.encode(features))


def listen(model, audio: Callable[[], np.ndarray], moments: list[dict], language: str | None,
           heard: Heard | None = None) -> list[str]:
    """The words heard from each moment's "at" (seconds) on, after its "prefix" words, biased towards its
    "hotwords". `audio()` is asked for only when a moment is not in the kept encoder windows."""
    requests: list[tuple[int, np.ndarray, float, str, str]] = []
    fresh: list[tuple[float, np.ndarray]] = []
    for index, moment in enumerate(moments):
        at = max(0.0, float(moment["at"]) - LEAD_IN)
        found = heard.locate(at) if heard is not None else None
        if found is None:
            window = next((w for w in fresh if w[0] <= at < w[0] + WINDOW_SECONDS - 2.0), None)
            if window is None:
                window = (max(0.0, at - 1.0), encode_window(model, audio(), max(0.0, at - 1.0)))
                fresh.append(window)
            found = (window[1], at - window[0])
        requests.append((index, found[0], found[1], str(moment.get("hotwords") or ""),
                         str(moment.get("prefix") or "")))
    texts = [""] * len(moments)
    for index, text in _decode(model, requests, language):
        texts[index] = text
    return texts


def _decode(model, members: list[tuple[int, np.ndarray, float, str, str]],
            language: str | None) -> Iterator[tuple[int, str]]:
    """Decode each (index, encoder output, offset, hotwords, prefix) from its offset, after the prefix words the
    first pass heard there (they anchor the decoder at the right words; only what follows is returned).

    Every moment decodes in one batch, each on its own crop of its own window's encoder output. The decoder
    needs its start token at the same place in every prompt, so shorter hotword lists are padded in front with
    full stops (PAD), which read as nothing said before: on the benchmark clips the same terms were confirmed as
    with one batch per hotword length, in 80 % of the time (10 moments of a clip took 7 batches before)."""
    import ctranslate2  # type: ignore[import-untyped]
    from faster_whisper.tokenizer import Tokenizer

    if not members:
        return
    tokenizer = Tokenizer(model.hf_tokenizer, model.model.is_multilingual, task="transcribe",
                          language=language or "en")
    requests, crops = [], []
    for index, output, offset, hotwords, prefix in members:
        first = int(min(max(0.0, (offset - CROP_BEFORE) / TIMESTAMP_STEP), output.shape[1] - CROP_FRAMES))
        hot = tokenizer.encode(" " + hotwords.strip()) if hotwords.strip() else []
        tail = [tokenizer.timestamp_begin + round(offset / TIMESTAMP_STEP)]
        tail += tokenizer.encode(" " + prefix.strip()) if prefix.strip() else []
        requests.append((index, hot, tail))
        crops.append(output[0, first:first + CROP_FRAMES])
    longest = max(len(hot) for _, hot, _ in requests)
    pad = tokenizer.encode(PAD)
    prompts = [[tokenizer.sot_prev, *(pad * longest)[:longest - len(hot)], *hot, *tokenizer.sot_sequence, *tail]
               if longest else [*tokenizer.sot_sequence, *tail] for _, hot, tail in requests]
    features = ctranslate2.StorageView.from_array(np.ascontiguousarray(np.stack(crops)))
    results = model.model.generate(features, prompts, beam_size=BEAM,
                                   max_length=max(map(len, prompts)) + NEW_TOKENS, suppress_blank=False)
    for (index, _, tail), result in zip(requests, results, strict=True):
        heard = result.sequences_ids[0][len(tail):]  # the result repeats the timestamp and the prefix
        yield index, tokenizer.decode([t for t in heard if t < tokenizer.eot]).strip()
