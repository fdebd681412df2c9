"""Plain data the engine returns. Dicts in and out, so results cross process boundaries and land in JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

DEFAULT_CANDIDATES: tuple[str, ...] = ("ms", "en")


@dataclass(frozen=True)
class Word:
    text: str
    start: float
    end: float
    probability: float


@dataclass(frozen=True)
class Segment:
    id: int
    start: float
    end: float
    text: str
    words: tuple[Word, ...] = ()


@dataclass(frozen=True)
class Transcript:
    language: str
    language_probability: float
    duration: float
    segments: tuple[Segment, ...]
    model: str = ""
    engine: str = "faster-whisper"

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
                words=tuple(Word(**w) for w in s.get("words") or ()),
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
