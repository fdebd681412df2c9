"""In-process transcription with faster-whisper: sequential up to a minute of speech, batched beyond.

`transcribe_file` is what the child process of `runner.py` executes; call it directly only where a
blocking call in the current process is what you want (benchmarks, re-listening to doubtful moments).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from transcribe import guard, relisten
from transcribe.audio_decode import decode_audio
from transcribe.errors import Cancelled, ModelError, TranscriptionFailed
from transcribe.heartbeat import Heartbeat
from transcribe.language import (
    LanguageChoice,
    average_probabilities,
    choose_by_likelihood,
    choose_language,
    validate_language,
)
from transcribe.media import probe, require_audio
from transcribe.model import model_label, resolve_model
from transcribe.redecode import SEED, chunk_at, chunks_of, guarded, to_decoded
from transcribe.relisten import Heard
from transcribe.types import NO_SPEECH, Segment, TranscribeOptions, Transcript, Word, mark_damage

SAMPLE_RATE = 16_000
WINDOW_SAMPLES = 30 * SAMPLE_RATE
LANGUAGE_WINDOWS = 2
# Up to this much speech decodes sequentially: batching one or two 30 s windows gained no time (35 s clip:
# 3.4 s either way, benchmarks/accuracy_bench.py), and sequential decoding has the temperature fallback.
SEQUENTIAL_SECONDS = 60.0
_heard: Heard | None = None  # the last sequential pass's encoder outputs, for re-listening (warm worker)
ProgressCallback = Callable[[float, str], None]


def cpu_threads() -> int:
    return max(1, os.cpu_count() or 1)


def load_model(model_dir: Path):  # -> faster_whisper.WhisperModel (imported lazily: it is heavy)
    """The model in `model_dir`, loaded once per process: a warm worker serves many jobs with it."""
    return _load_model(str(Path(model_dir).resolve()))


@lru_cache(maxsize=1)
def _load_model(model_dir: str):
    from faster_whisper import WhisperModel

    try:
        return WhisperModel(str(model_dir), device="cpu", compute_type="int8", cpu_threads=cpu_threads(),
                            local_files_only=True)
    except (RuntimeError, ValueError, OSError) as exc:
        first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ModelError(f"cannot load the speech model in {model_dir} ({first_line}); "
                         "choose another model folder or reinstall the app") from None


def decode(path: Path) -> np.ndarray:
    """The audio at 16 kHz, silence where it could not be decoded (audio_decode.py says why not faster-whisper's)."""
    return decode_audio(path, SAMPLE_RATE).samples


def vad_options(options: TranscribeOptions):  # -> faster_whisper.vad.VadOptions
    """The VAD settings of the batched pass; the guard recomputes its chunks from the same ones."""
    from faster_whisper.vad import VadOptions

    return VadOptions(threshold=options.vad_threshold, min_silence_duration_ms=160, max_speech_duration_s=30)


def speech_stamps(audio: np.ndarray, options: TranscribeOptions, batched: bool = True) -> list[dict]:
    """Where the VAD hears speech, in samples, with the batched pass's settings or (`batched=False`)
    faster-whisper's sequential defaults (pauses under 2 s kept). Without VAD, the whole clip is speech."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    if not options.vad_filter:
        return [{"start": 0, "end": len(audio)}] if len(audio) else []
    heard = band_pass(audio) if options.speech_band_pass else audio
    settings = vad_options(options) if batched else VadOptions(threshold=options.vad_threshold)
    return get_speech_timestamps(heard, settings)


def _only(audio: np.ndarray, stamps: list[dict]) -> np.ndarray:
    """Silence everywhere but in these speech stamps."""
    kept = np.zeros_like(audio)
    for stamp in stamps:
        kept[stamp["start"]:stamp["end"]] = audio[stamp["start"]:stamp["end"]]
    return kept


def band_pass(audio: np.ndarray, low: float = 150.0, high: float = 4000.0) -> np.ndarray:
    """Keep the speech band only (drops a kick drum's thump and cymbal hiss); for the VAD's ears, not the decoder's."""
    spectrum = np.fft.rfft(audio)
    freqs = np.fft.rfftfreq(len(audio), 1 / SAMPLE_RATE)
    spectrum[(freqs < low) | (freqs > high)] = 0
    return np.fft.irfft(spectrum, len(audio)).astype(np.float32)


def speech_windows(audio: np.ndarray, stamps: list[dict], count: int = LANGUAGE_WINDOWS) -> list[np.ndarray]:
    """Up to `count` 30 s windows of speech (silence removed by VAD), for language detection."""
    from faster_whisper.vad import collect_chunks

    speech = np.concatenate(collect_chunks(audio, stamps)[0]) if stamps else audio
    windows = [speech[i:i + WINDOW_SAMPLES] for i in range(0, len(speech), WINDOW_SAMPLES)][:count]
    return [w for w in windows if len(w) >= SAMPLE_RATE // 2] or [audio[:WINDOW_SAMPLES]]


def detect_language(model, audio: np.ndarray, candidates: tuple[str, ...], stamps: list[dict]) -> LanguageChoice:
    """Restricted detector first; if it is unsure, decode one window per candidate and compare likelihoods."""
    windows = speech_windows(audio, stamps)
    per_window = [model.detect_language(audio=window)[2] for window in windows]
    choice = choose_language(average_probabilities(per_window), candidates)
    if choice.confident or len(candidates) < 2:
        return choice
    scores = {code: _mean_token_logprob(model, windows[0], code) for code in candidates}
    return choose_by_likelihood(choice, scores, candidates)


def _mean_token_logprob(model, window: np.ndarray, language: str) -> float:
    segments, _ = model.transcribe(window, language=language, beam_size=1, temperature=0.0,
                                   without_timestamps=True, condition_on_previous_text=False, vad_filter=False)
    pairs = [(s.avg_logprob, len(s.tokens)) for s in segments]
    tokens = sum(count for _, count in pairs)
    return sum(lp * count for lp, count in pairs) / tokens if tokens else float("-inf")


def _clip(audio: np.ndarray, options: TranscribeOptions) -> tuple[np.ndarray, float]:
    start = max(0.0, options.clip_start or 0.0)
    end = options.clip_end if options.clip_end is not None else len(audio) / SAMPLE_RATE
    return audio[int(start * SAMPLE_RATE):int(end * SAMPLE_RATE)], start


def transcribe_file(media: str | os.PathLike[str], options: TranscribeOptions | None = None,
                    progress: ProgressCallback | None = None, model=None) -> Transcript:
    """Transcribe one file. `progress(fraction, stage)` may raise `Cancelled` to stop between batches."""
    options = options or TranscribeOptions()
    report = progress or (lambda fraction, stage: None)
    info = probe(media, with_hash=False)
    require_audio(info)
    report(0.0, "loading model")
    model_dir = resolve_model(options.model_path)
    model = model or load_model(model_dir)
    report(0.01, "decoding audio")
    decoded = decode_audio(Path(media), SAMPLE_RATE)
    audio, offset = _clip(decoded.samples, options)
    duration = len(audio) / SAMPLE_RATE
    stamps = speech_stamps(audio, options, batched=False)
    language, language_probability = _language(model, audio, options, stamps, report)
    segments: list[Segment] = []
    if stamps:
        report(0.03, "transcribing")
        segments = _decode_segments(model, audio, language, options, duration, stamps, report,
                                    _key(media, options, model_dir))
    report(1.0, "done")
    return mark_damage(Transcript(
        language=language,
        language_probability=language_probability,
        duration=round(info.duration if options.clip_start is None else duration, 3),
        segments=tuple(_shift(s, offset) for s in segments) if offset else tuple(segments),
        model=model_label(model_dir),
        note="" if segments else NO_SPEECH,
    ), decoded.damaged, offset, offset + duration)


def _language(model, audio: np.ndarray, options: TranscribeOptions, stamps: list[dict],
              report: ProgressCallback) -> tuple[str, float]:
    """The spoken language; with no speech at all, the first candidate (there is nothing to detect)."""
    if options.language != "auto":
        return validate_language(options.language, model.supported_languages), 1.0
    if not stamps:
        return options.candidates[0] if options.candidates else "en", 0.0
    report(0.02, "detecting language")
    choice = detect_language(model, audio, tuple(options.candidates), stamps)
    return choice.language, choice.probability


def _decode_segments(model, audio: np.ndarray, language: str, options: TranscribeOptions, duration: float,
                     stamps: list[dict], report: ProgressCallback, key: tuple) -> list[Segment]:
    """A minute of speech or less: sequential decoding (one or two 30 s windows leave nothing to batch, and it
    has Whisper's temperature fallback built in). More: the batched pass, then the guard re-decodes only the
    spans that failed."""
    global _heard
    try:
        if sum(s["end"] - s["start"] for s in stamps) <= SEQUENTIAL_SECONDS * SAMPLE_RATE:
            segments, _heard = _sequential(model, audio, language, options, duration, stamps, report, key)
            return segments
        _heard = None
        return _batched(model, audio, language, options, duration, speech_stamps(audio, options), report)
    except Cancelled:
        raise
    except (RuntimeError, ValueError, MemoryError) as exc:
        raise TranscriptionFailed(f"decoding failed ({exc}); try again, or choose a smaller model") from None


def _sequential(model, audio: np.ndarray, language: str, options: TranscribeOptions, duration: float,
                stamps: list[dict], report: ProgressCallback, key: tuple) -> tuple[list[Segment], Heard | None]:
    """faster-whisper's own sequential decoding as its defaults have it (VAD with 2 s pauses, conditioning on
    earlier text, fallback at 2.4 / -1.0), over the speech our VAD pass already found; the encoder outputs are
    kept for re-listening. Only what is not speech is dropped; a segment that still looks wrong is marked
    doubtful: decoding it again the same way would give the same words."""
    import ctranslate2  # type: ignore[import-untyped]
    from faster_whisper.transcribe import restore_speech_timestamps
    from faster_whisper.vad import collect_chunks

    ctranslate2.set_random_seed(SEED)  # fallback samples: the same clip gives the same transcript every time
    speech = np.concatenate(collect_chunks(audio, stamps)[0]) if options.vad_filter else audio
    with Heartbeat(report, duration, 1) as beat, relisten.recording_encoder(model) as outputs:
        raw_segments, _ = model.transcribe(speech, language=language, beam_size=options.beam_size,
                                           word_timestamps=options.word_timestamps, vad_filter=False,
                                           hotwords=options.hotwords)
        if options.vad_filter:
            raw_segments = restore_speech_timestamps(raw_segments, stamps, SAMPLE_RATE)
        decoded, seeks = [], []
        for raw in raw_segments:
            decoded.append(to_decoded(raw))
            seeks.append(raw.seek)
            beat.confirm(raw.end)
    kept = [d for d in decoded if d.stats.text and not guard.not_speech(d.stats)]
    segments = [replace(d.segment, id=number, doubtful=bool(guard.problems(d.stats)))
                for number, d in enumerate(kept, start=1)]
    return segments, relisten.heard_from(key, stamps if options.vad_filter else [{"start": 0, "end": len(audio)}],
                                         outputs, seeks)


def _batched(model, audio: np.ndarray, language: str, options: TranscribeOptions, duration: float,
             stamps: list[dict], report: ProgressCallback) -> list[Segment]:
    from faster_whisper import BatchedInferencePipeline

    chunks = chunks_of(stamps)
    pipeline = BatchedInferencePipeline(model)
    vad = vad_options(options)
    if options.speech_band_pass:  # the pipeline's own VAD then finds only what ours found through the band-pass
        audio = _only(audio, stamps)
    with Heartbeat(report, duration, options.batch_size) as beat:
        raw_segments, _ = pipeline.transcribe(
            audio, language=language, beam_size=options.beam_size, word_timestamps=options.word_timestamps,
            batch_size=options.batch_size, vad_filter=options.vad_filter, vad_parameters=vad,
            hotwords=options.hotwords,
        )
        decoded = []
        for raw in raw_segments:
            decoded.append(to_decoded(raw, chunk=chunk_at(chunks, raw.start, raw.end)))
            beat.confirm(raw.end)
    report(0.99, "re-checking doubtful passages")
    return guarded(model, audio, decoded, chunks, language, options.beam_size, vad)


def _sec(value: float) -> float:
    """Plain float seconds at millisecond precision (faster-whisper hands back numpy scalars)."""
    return round(float(value), 3)


def _shift(segment: Segment, offset: float) -> Segment:
    words = tuple(Word(w.text, round(w.start + offset, 3), round(w.end + offset, 3), w.probability)
                  for w in segment.words)
    return Segment(segment.id, round(segment.start + offset, 3), round(segment.end + offset, 3), segment.text, words)


def _key(media: str | os.PathLike[str], options: TranscribeOptions, model_dir: Path) -> tuple:
    """What must match for a re-listen to reuse the last transcription's encoder outputs."""
    stat = os.stat(media)
    return (os.path.abspath(media), stat.st_size, stat.st_mtime_ns, options.clip_start, options.clip_end,
            str(model_dir), options.vad_filter, options.vad_threshold, options.speech_band_pass)


def decode_windows(media: str | os.PathLike[str], windows: list[dict], options: TranscribeOptions) -> list[str]:
    """Listen again to short moments, each biased towards its own hotwords; returns each one's text.

    Used to confirm or reject a doubtful finding: biasing only these moments avoids what biasing a whole clip
    did (a higher error rate and words inserted that were never said). A window with an "at" time is heard
    from that time on (relisten.py: cheap, reusing the transcription's encoder pass when this worker still
    holds it); one without is decoded on its own, start to end.
    """
    model_dir = resolve_model(options.model_path)
    model = load_model(model_dir)
    language = None if options.language == "auto" else options.language
    heard = _heard if _heard is not None and _heard.key == _key(media, options, model_dir) else None

    @lru_cache(maxsize=1)
    def audio() -> tuple[np.ndarray, float]:  # only decoded when the encoder pass was not kept
        return _clip(decode(Path(media)), options)

    offset = max(0.0, options.clip_start or 0.0)  # as _clip has it
    texts = [""] * len(windows)
    moments = [i for i, w in enumerate(windows) if w.get("at") is not None]
    if moments:
        shifted = [dict(windows[i], at=float(windows[i]["at"]) - offset) for i in moments]
        for index, text in zip(moments, relisten.listen(model, lambda: audio()[0], shifted, language, heard),
                               strict=True):
            texts[index] = text
    for index, window in enumerate(windows):
        if window.get("at") is None:
            texts[index] = _window_text(model, audio()[0], window, offset, language, options.beam_size)
    return texts


def _window_text(model, audio: np.ndarray, window: dict, offset: float, language: str | None, beam_size: int) -> str:
    start = max(0.0, float(window["start"]) - offset)
    piece = audio[int(start * SAMPLE_RATE):int((float(window["end"]) - offset) * SAMPLE_RATE)]
    if len(piece) < SAMPLE_RATE // 10:
        return ""
    segments, _ = model.transcribe(piece, language=language, beam_size=beam_size, vad_filter=False,
                                   hotwords=window.get("hotwords") or None, condition_on_previous_text=False,
                                   temperature=0.0)  # one greedy listen: a 3 s window needs no sampling
    return " ".join(s.text.strip() for s in segments)
