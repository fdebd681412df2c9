"""Decode a file's audio to 16 kHz mono float32 and say where it could not be decoded.

faster-whisper's own `decode_audio` skips packets that fail to decode and drops every timestamp: the damaged
audio vanishes without a trace and every later word is placed too early. Here each packet is decoded on its
own, a failed one is counted and its span recorded, and silence of the right length stands where audio is
missing, so a transcript of the rest keeps true times and the caller can say what was not heard.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import numpy as np

from transcribe.errors import MediaError

SAMPLE_RATE = 16_000
GROUP_SAMPLES = 500_000  # input samples resampled at once, as faster-whisper does (fewer calls, same result)
GAP_TOLERANCE = 0.02  # seconds: a timestamp jump below this is rounding, not missing audio

Span = tuple[float, float]


@dataclass(frozen=True)
class DecodedAudio:
    samples: np.ndarray  # float32, mono, SAMPLE_RATE; silence where `damaged`
    damaged: tuple[Span, ...]  # seconds from the start of the audio stream, merged, in order
    packets: int
    failed_packets: int

    @property
    def duration(self) -> float:
        return len(self.samples) / SAMPLE_RATE


def merge_spans(spans: list[Span], join: float = GAP_TOLERANCE) -> tuple[Span, ...]:
    """Overlapping or touching spans as one, rounded to milliseconds."""
    merged: list[list[float]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + join:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((round(s, 3), round(e, 3)) for s, e in merged if e > s)


class _Timeline:
    """Decoded audio laid out on the stream's own clock: a gap becomes silence at the input rate, so the one
    resampler runs straight through it and everything after keeps its time (to the sample)."""

    def __init__(self, rate: int) -> None:
        self.rate = rate
        self.chunks: list[np.ndarray] = []
        self.placed = 0  # input samples so far, silence included
        self.input_rate = 0
        self.last: av.AudioFrame | None = None  # for the format of the silence
        self.fifo = av.audio.fifo.AudioFifo()
        self.resampler = av.audio.resampler.AudioResampler(format="s16", layout="mono", rate=rate)

    @property
    def cursor(self) -> float:
        """Seconds of audio placed so far."""
        return self.placed / self.input_rate if self.input_rate else 0.0

    def _write(self, frame: av.AudioFrame) -> None:
        frame.pts = None  # our clock, not FFmpeg's: the FIFO would refuse the jump
        self.fifo.write(frame)
        self.placed += frame.samples
        if self.fifo.samples >= GROUP_SAMPLES:
            self._resample(self.fifo.read())

    def _resample(self, frame: av.AudioFrame | None) -> None:
        self.chunks += [out.to_ndarray().reshape(-1) for out in self.resampler.resample(frame)]

    def add(self, frame: av.AudioFrame, start: float | None) -> None:
        """Place a decoded frame at `start` seconds (None: right after the last), silence before it if it is late."""
        self.input_rate = self.input_rate or frame.sample_rate
        self.last = frame
        if start is not None and start - self.cursor > GAP_TOLERANCE:
            self.silence_until(start)
        self._write(frame)

    def silence_until(self, seconds: float) -> None:
        if self.last is None:
            return
        missing = int(round(seconds * self.input_rate)) - self.placed
        if missing > 0:
            silence = av.AudioFrame(format=self.last.format.name, layout=self.last.layout.name, samples=missing)
            silence.sample_rate = self.input_rate
            for plane in silence.planes:
                plane.update(bytes(plane.buffer_size))
            self._write(silence)

    def samples(self) -> np.ndarray:
        if self.fifo.samples:
            self._resample(self.fifo.read())
        self._resample(None)  # flush the resampler
        if not self.chunks:
            return np.zeros(0, dtype=np.float32)
        return np.concatenate(self.chunks).astype(np.float32) / 32768.0  # s16 to f32, as faster-whisper does


def _packets(container: av.container.InputContainer, stream: av.stream.Stream,
             broken: list[str]) -> Iterator[av.Packet]:
    """The stream's packets; a read error part-way ends them and is noted in `broken`."""
    try:
        yield from container.demux(stream)
    except av.error.FFmpegError as exc:
        broken.append(str(exc))


def decode_audio(path: str | Path, sampling_rate: int = SAMPLE_RATE) -> DecodedAudio:
    """The first audio stream as mono float32 at `sampling_rate`, with silence where it was undecodable.

    Raises MediaError when the file cannot be opened, has no audio, or not one packet of it decodes."""
    name = Path(path).name
    try:
        return _decode(path, name, sampling_rate)
    except av.error.FFmpegError as exc:  # PyAV raises many FFmpeg error types; all mean the same to the user
        raise MediaError(f"could not decode the audio of {name} ({exc}); export it again as MP4") from None


def _decode(path: str | Path, name: str, sampling_rate: int) -> DecodedAudio:
    with av.open(str(path), metadata_errors="ignore") as container:
        if not container.streams.audio:
            raise MediaError(f"{name} has no audio track to decode; re-export it with sound")
        stream = container.streams.audio[0]
        base = float(stream.time_base or Fraction(1, stream.rate or sampling_rate))  # floats: Fraction is slow
        frame_base = 0.0  # the decoder's time base, read from the first frame (reading it each time costs)
        origin = stream.start_time or 0
        timeline = _Timeline(sampling_rate)
        bad: list[Span] = []
        broken: list[str] = []
        packets = failed = decoded_frames = 0
        end = 0.0  # where the stream's packets say its audio ends
        step = 0.0  # the last packet duration seen, for packets that carry none
        for packet in _packets(container, stream, broken):
            at = (packet.pts - origin) * base if packet.pts is not None else None
            if packet.duration:
                step = packet.duration * base
            if at is not None and packet.size:
                end = max(end, at + step)
            if packet.size:
                packets += 1
            try:
                frames = packet.decode()
            except av.error.FFmpegError:  # InvalidDataError mostly; a damaged AAC packet can also give EPERM
                failed += 1
                if at is not None:
                    bad.append((max(0.0, at), at + step))
                continue
            for frame in frames:
                if not isinstance(frame, av.AudioFrame):
                    continue
                frame_base = frame_base or float(frame.time_base or base)
                start = (frame.pts - origin) * frame_base if frame.pts is not None else None
                cursor = timeline.cursor
                timeline.add(frame, start)
                if start is not None and start - cursor > GAP_TOLERANCE:
                    bad.append((cursor, start))  # audio the decoder never gave back
                decoded_frames += 1
        if broken:  # the file could not be read past here: the rest, up to where the stream says it ends, is missing
            declared = (stream.duration or 0) * base
            end = max(end, declared)
            bad.append((timeline.cursor, max(end, timeline.cursor)))
        if not decoded_frames:
            reason = broken[0] if broken else f"{failed} of {packets} audio packets are damaged"
            raise MediaError(f"could not decode the audio of {name} ({reason}); export it again as MP4")
        if end - timeline.cursor > GAP_TOLERANCE:
            bad.append((timeline.cursor, end))
            timeline.silence_until(end)
    audio = timeline.samples()
    del timeline
    gc.collect()  # PyAV resamplers hold native memory until collected (faster-whisper issue 390)
    return DecodedAudio(audio, merge_spans(bad), packets, failed)
