"""Check a media file: transcribe it, check the transcript, then settle each doubtful (fuzzy) finding.

A fuzzy finding is a word that sounds like a term but was transcribed as something else ("bodok"). We
listen to just that moment again, with the term as a hotword, in the warm transcription worker (model and,
usually, the clip's encoder pass still loaded). If the term comes out where the word was and the words after
it still follow, the finding is confirmed and becomes sure, and what the second listen heard is written into
the transcript (heard_again); if not, it is dropped. The rest of the clip is never biased: that raised the error
rate and inserted words that were never said.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace

from reviewer.checking.checker import Checker, CheckResult, Finding
from reviewer.review import heard_again, sound_alike
from transcribe.runner import Progress, run_transcription
from transcribe.types import TranscribeOptions, Transcript
from transcribe.warm import shared_worker

WINDOW_PADDING = 1.0  # seconds of context either side of the doubtful word


def verify_fuzzy(checker: Checker, result: CheckResult, media: str | os.PathLike[str],
                 options: TranscribeOptions, transcript: Transcript | None = None) -> CheckResult:
    """Settle fuzzy findings, and (given the transcript) look again at unsure words that sound like a term.

    Every moment of the clip goes to the worker in one request; each is heard again from the word on, biased
    towards its terms, and a term counts only where it lines up with the first pass (sound_alike.confirm). The
    findings stay on the first-pass text; a confirmed one says what the second listen heard (`matched`) and what
    the first pass heard (`heard`), for heard_again.correct to write into the transcript."""
    doubtful = [f for f in result.findings if f.kind == "fuzzy" and f.time_start is not None
                and f.time_end is not None]
    alike = sound_alike.candidates(checker, result, transcript) if transcript is not None else []
    if not doubtful and not alike:
        return result
    moments = [sound_alike.for_finding(result, f, transcript) for f in doubtful] + alike
    windows: dict[tuple, dict] = {}  # a word and the pair it starts are one moment, biased to both's terms
    for moment in moments:
        window = moment.window(WINDOW_PADDING)
        shared = windows.setdefault((window["at"], window["prefix"]), window)
        if shared is not window:
            shared["hotwords"] = " ".join(dict.fromkeys(f"{shared['hotwords']} {window['hotwords']}".split()))
            shared["end"] = max(shared["end"], window["end"])
    language = result.language if result.language in {"ms", "en"} else options.language
    relistened = run_transcription(media, replace(options, language=language), windows=list(windows.values()),
                                   worker=shared_worker()).texts
    order = list(windows)
    texts = [relistened[order.index((w["at"], w["prefix"]))] for w in (m.window(0.0) for m in moments)]
    settled: dict[int, Finding | None] = {}
    for finding, moment, text in zip(doubtful, moments[:len(doubtful)], texts[:len(doubtful)], strict=True):
        heard = sound_alike.confirm(checker, result, moment, text)
        settled[id(finding)] = replace(finding, kind=heard.kind, confidence=heard.confidence, matched=heard.matched,
                                       heard=heard.heard, verification="confirmed") if heard is not None else None
    kept = [f for f in (settled.get(id(f), f) for f in result.findings) if f is not None]
    for candidate, text in zip(alike, texts[len(doubtful):], strict=True):
        confirmed = sound_alike.confirm(checker, result, candidate, text)
        if confirmed is not None and not any(f.start < confirmed.end and confirmed.start < f.end and not (
                f.term != confirmed.term and sound_alike.contains_any(confirmed.term, {f.term})) for f in kept):
            kept.append(confirmed)  # beside a shorter term it holds (judi in judi online), as the checker does
    return replace(result, findings=tuple(sorted(kept, key=lambda f: f.start)))


def check_media(checker: Checker, media: str | os.PathLike[str], options: TranscribeOptions,
                on_progress: Callable[[Progress], None] | None = None) -> tuple[Transcript, CheckResult]:
    """Transcribe, check and settle doubtful words; the transcript returned holds the words re-listening
    confirmed (heard_again), and the result is the check of it."""
    transcript = run_transcription(media, options, on_progress=on_progress, worker=shared_worker()).transcript
    assert transcript is not None
    result = checker.check_transcript(transcript, source=os.fspath(media))
    return heard_again.correct(checker, transcript, verify_fuzzy(checker, result, media, options, transcript))
