"""Judge decoded segments: repetition loops, low confidence, and text that is not speech at all.

Batched decoding decodes each chunk once, with no temperature fallback, so nothing catches a decoder that
falls into a loop ("Assalamualaikum dan" six times). These pure functions say which segments need a second,
sequential listen, and which are Whisper's training-subtitle phrases emitted over music or noise.
The thresholds are Whisper's own (compression ratio 2.4, log-probability -1.0, no-speech 0.6).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from dataclasses import dataclass

COMPRESSION_LIMIT = 2.4
LOGPROB_LIMIT = -1.0
NO_SPEECH_LIMIT = 0.6
# A known silence phrase needs much less evidence to be dropped than ordinary text does.
PHRASE_NO_SPEECH_LIMIT = 0.2
PHRASE_LOGPROB_LIMIT = -0.6
MAX_NGRAM = 8
# Speech the VAD heard but the decoder hardly wrote down: one greeting for 23 s of speech is a lost chunk.
MIN_CHARS_PER_SECOND = 6.0  # espeak-ng Malay at 150 wpm gives ~15
MIN_SPARSE_SECONDS = 4.0

# Whisper's subtitle-credit phrases, as heard over music or silence (normalised: lower case, no punctuation).
SILENCE_PHRASES = (
    "terima kasih kerana menonton", "terima kasih kerana menonton video ini", "terima kasih", "terima kasih semua",
    "thanks for watching", "thank you for watching", "thank you", "thank you so much for watching",
    "please subscribe", "subscribe", "like and subscribe", "jangan lupa subscribe", "sila langgan",
    "subtitles by the amaraorg community", "terjemahan oleh", "sari kata oleh",
)
_WORD = re.compile(r"[\w'-]+", re.UNICODE)


def normal_words(text: str) -> list[str]:
    """Lower-case words without punctuation, for comparing phrases."""
    text = unicodedata.normalize("NFKC", text).lower()
    return _WORD.findall(text)


def compression_ratio(text: str) -> float:
    """faster-whisper's measure: how well the text's UTF-8 bytes compress (loops compress very well)."""
    data = text.encode("utf-8")
    return len(data) / len(zlib.compress(data)) if data else 0.0


def longest_repeat(words: list[str]) -> tuple[int, str]:
    """The most times any phrase of 1..MAX_NGRAM words repeats back to back, and that phrase.

    Hyphenated words count as their parts, so a loop glued by hyphens ("iklan-yang-yang-yang") shows, while
    Malay reduplication ("bodoh-bodoh") is only two and never reaches the limit.
    """
    words = [part for word in words for part in word.split("-") if part]
    best, phrase = 1, ""
    for size in range(1, min(MAX_NGRAM, len(words) // 2) + 1):
        for start in range(len(words) - size):
            count = 1
            while words[start + count * size:start + (count + 1) * size] == words[start:start + size]:
                count += 1
            if count > best:
                best, phrase = count, " ".join(words[start:start + size])
    return best, phrase


def is_silence_phrase(text: str) -> bool:
    return " ".join(normal_words(text)) in SILENCE_PHRASES


@dataclass(frozen=True)
class Stats:
    """What the decoder said about one segment."""

    text: str
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float | None = None

    @property
    def ratio(self) -> float:
        return self.compression_ratio if self.compression_ratio is not None else compression_ratio(self.text)


def not_speech(stats: Stats) -> bool:
    """Whisper's own rule (silent and unsure), or a known subtitle phrase with even slight doubt."""
    if stats.no_speech_prob > NO_SPEECH_LIMIT and stats.avg_logprob < LOGPROB_LIMIT:
        return True
    return is_silence_phrase(stats.text) and (stats.no_speech_prob > PHRASE_NO_SPEECH_LIMIT
                                              or stats.avg_logprob < PHRASE_LOGPROB_LIMIT)


def failures(stats: Stats) -> list[str]:
    """Why this segment must be decoded again (a loop); empty when it looks fine."""
    found = []
    if stats.ratio > COMPRESSION_LIMIT:
        found.append(f"compression ratio {stats.ratio:.2f}")
    words = normal_words(stats.text)
    repeats, phrase = longest_repeat(words)
    if repeats >= 3 and (len(phrase.split()) > 1 or repeats >= 4):
        found.append(f"'{phrase}' repeated {repeats} times")
    return found


def problems(stats: Stats) -> list[str]:
    """Everything doubtful about a segment: its failures, and a low average log-probability.

    Low confidence alone is only marked, not decoded again: on synthetic and code-switched speech the
    re-decode of such spans measured worse than the first pass (benchmarks/accuracy_bench.py)."""
    found = failures(stats)
    if stats.avg_logprob < LOGPROB_LIMIT:
        found.append(f"average log-probability {stats.avg_logprob:.2f}")
    return found


def sparse(text_chars: int, speech_seconds: float) -> str:
    """A problem when far too little text came out of this much speech, else ''."""
    if speech_seconds >= MIN_SPARSE_SECONDS and text_chars / speech_seconds < MIN_CHARS_PER_SECOND:
        return f"{text_chars} characters for {speech_seconds:.1f} s of speech"
    return ""


def badness(items: list[Stats], speech_seconds: float = 0.0) -> tuple[float, float, float]:
    """Order decodings of the same audio: the smaller share of text that failed (a whole share when speech
    was lost) first, then the smaller share in doubt, then the more probable one."""
    total = sum(len(s.text) for s in items)
    failed = sum(len(s.text) for s in items if failures(s)) / total if total else 0.0
    doubted = sum(len(s.text) for s in items if problems(s)) / total if total else 0.0
    lost = 1.0 if sparse(sum(len(s.text.strip()) for s in items), speech_seconds) else 0.0
    mean_logprob = sum(s.avg_logprob * len(s.text) for s in items) / total if total else -10.0
    return round(failed + lost, 3), round(doubted, 3), -mean_logprob
