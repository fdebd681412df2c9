"""Plain data the engine returns. Dicts in and out, so results cross process boundaries and land in JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from typing import Any

DEFAULT_CANDIDATES: tuple[str, ...] = ("ms", "en")
NO_SPEECH = "no speech found"
NO_AUDIO = "no audio track"  # a video without sound: nothing was said, so speech was not checked
AUDIO_DAMAGED = "audio damaged"  # how a partial transcript's note starts (see damage_note)
# Undecodable audio below both of these is a click: transcribed as usual, its spans kept in the JSON.
NEGLIGIBLE_DAMAGE_SECONDS = 0.2
NEGLIGIBLE_DAMAGE_SHARE = 0.01
Span = tuple[float, float]


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float
    probability: float
    # What the first pass heard here, when a targeted second listen replaced it ("bodok" under "bodoh"): the
    # transcript keeps its own correction trail, so every later check of it can say what was heard first.
    heard: str = ""


@dataclass(frozen=True)
class Segment:
    id: int
    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()
    # Set by the loop guard (guard.py): decoded a second time, sequentially; `doubtful` when that too looked wrong.
    redecoded: bool = False
    doubtful: bool = False


@dataclass(frozen=True)
class Transcript:
    language: str
    language_probability: float
    duration: float
    segments: tuple[Segment, ...]
    model: str = ""
    engine: str = "faster-whisper"
    note: str = ""  # e.g. NO_SPEECH: an empty transcript is a normal result, and says why it is empty
    # Where the audio could not be decoded (seconds, merged): nothing said there was heard, so nothing was checked.
    damaged: tuple[Span, ...] = ()

    @property
    def partial(self) -> bool:
        """More audio was undecodable than a click: the transcript covers only part of what was said."""
        return damage_matters(self.damaged, self.duration)

    @property
    def no_speech(self) -> bool:
        return not any(s.text.strip() for s in self.segments)

    @property
    def text(self) -> str:
        return " ".join(s.text.strip() for s in self.segments if s.text.strip())

    def words(self) -> list[Word]:
        return [w for s in self.segments for w in s.words]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Transcript:
        segments = tuple(
            Segment(
                id=int(s["id"]),
                start=float(s["start"]),
                end=float(s["end"]),
                text=str(s["text"]),
                words=tuple(Word(str(w["text"]), float(w["start"]), float(w["end"]), float(w["probability"]),
                                 str(w.get("heard") or "")) for w in s.get("words") or ()),
                redecoded=bool(s.get("redecoded", False)),
                doubtful=bool(s.get("doubtful", False)),
            )
            for s in data.get("segments") or ()
        )
        return cls(
            language=str(data["language"]),
            language_probability=float(data["language_probability"]),
            duration=float(data["duration"]),
            segments=segments,
            model=str(data.get("model", "")),
            engine=str(data.get("engine", "faster-whisper")),
            note=str(data.get("note", "")),
            damaged=tuple((float(a), float(b)) for a, b in data.get("damaged") or ()),
        )


@dataclass(frozen=True)
class TranscribeOptions:
    """What the caller may choose. `language="auto"` picks among `candidates` only (see language.py)."""

    language: str = "auto"
    candidates: tuple[str, ...] = DEFAULT_CANDIDATES
    model_path: str | None = None
    beam_size: int = 5
    word_timestamps: bool = True
    # Measured on 2 cores, 3.5 min clip, base int8: batch 8 peaks at 1.17 GB, batch 6 at 0.91 GB and is ~10% slower.
    # We keep the whole app under 1 GB, so 6. Memory grows ~115 MB per batch item; raise it on bigger machines.
    batch_size: int = 6
    vad_filter: bool = True
    vad_threshold: float = 0.5  # Silero's speech probability; benchmarks/accuracy_bench.py measured the choice
    speech_band_pass: bool = False  # VAD listens through a 150-4000 Hz band-pass (measured: see the README)
    hotwords: str | None = None
    clip_start: float | None = None
    clip_end: float | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TranscribeOptions:
        data = dict(data)
        data["candidates"] = tuple(data.get("candidates") or DEFAULT_CANDIDATES)
        return cls(**data)


def no_audio_transcript(duration: float) -> Transcript:
    """The transcript of a video with no audio track (a silent slideshow): empty, and it says why."""
    return Transcript("", 0.0, duration, (), model="", engine="none", note=NO_AUDIO)


def damaged_seconds(spans: tuple[Span, ...]) -> float:
    return sum(max(0.0, end - start) for start, end in spans)


def damage_matters(spans: tuple[Span, ...], duration: float) -> bool:
    """Not a negligible click: 0.2 s or more in total, or 1% or more of the audio."""
    lost = damaged_seconds(spans)
    return lost > 0 and (lost >= NEGLIGIBLE_DAMAGE_SECONDS or lost >= NEGLIGIBLE_DAMAGE_SHARE * max(duration, 1e-9))


def damage_extent(spans: tuple[Span, ...], duration: float) -> str:
    """ "from 1.5 s to 5.5 s (58% of the audio)"; the first three spans, then how many more."""
    parts = [f"from {start:.1f} s to {end:.1f} s" for start, end in spans[:3]]
    more = f" and {len(spans) - 3} more places" if len(spans) > 3 else ""
    share = min(100, round(100 * damaged_seconds(spans) / duration)) if duration > 0 else 100
    return f"{', '.join(parts[:-1]) + ' and ' if len(parts) > 1 else ''}{parts[-1]}{more} ({share}% of the audio)"


def damage_note(spans: tuple[Span, ...], duration: float) -> str:
    """What a partial transcript says about itself ('' when the damage is negligible)."""
    if not damage_matters(spans, duration):
        return ""
    return (f"{AUDIO_DAMAGED} {damage_extent(spans, duration)}: speech there was not checked; "
            "export the video again")


def mark_damage(transcript: Transcript, spans: tuple[Span, ...], start: float, end: float) -> Transcript:
    """The transcript of [start, end) s of a file, with the damage in that window and, when it matters, its note
    (instead of "no speech found": speech may have been in the part that could not be heard)."""
    inside = tuple((round(max(a, start), 3), round(min(b, end), 3)) for a, b in spans if b > start and a < end)
    note = damage_note(inside, end - start) or transcript.note
    return replace(transcript, damaged=inside, note=note)
