"""Make real speech clips for tests and benchmarks: espeak-ng speech + drawn frames -> H.264/AAC MP4.

Run as a script to write the standard clips into a folder:  python -m tests.mediagen OUT_DIR
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

SAMPLE_RATE = 16_000


class SpeechUnavailable(RuntimeError):
    """espeak-ng is not installed (apt-get install espeak-ng)."""


def speak(text: str, voice: str = "en-us", speed: int = 150) -> np.ndarray:
    """Synthesise `text` and return mono float32 samples at 16 kHz."""
    binary = shutil.which("espeak-ng")
    if binary is None:
        raise SpeechUnavailable("espeak-ng is not installed; run: apt-get install espeak-ng")
    wav = subprocess.run([binary, "-v", voice, "-s", str(speed), "--stdout", text],
                         check=True, capture_output=True).stdout
    with av.open(__import__("io").BytesIO(wav), format="wav") as container:
        resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
        chunks = [r.to_ndarray().reshape(-1) for frame in container.decode(audio=0)
                  for r in resampler.resample(frame)]
        chunks += [r.to_ndarray().reshape(-1) for r in resampler.resample(None)]
    return np.concatenate(chunks).astype(np.float32)


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * SAMPLE_RATE), dtype=np.float32)


def music_bed(seconds: float, level: float = 0.3) -> np.ndarray:
    """A synthetic backing track: four chords, a plucked melody and a kick drum at 120 bpm, peak `level`."""
    count = int(seconds * SAMPLE_RATE)
    t = np.arange(count) / SAMPLE_RATE
    beat = int(0.5 * SAMPLE_RATE)
    chords = [(220.0, 277.2, 329.6), (196.0, 246.9, 293.7), (174.6, 220.0, 261.6), (164.8, 207.7, 246.9)]
    melody = [440.0, 493.9, 523.3, 587.3, 659.3, 587.3, 523.3, 493.9]
    out = np.zeros(count)
    for bar, start in enumerate(range(0, count, 4 * beat)):
        tt = t[start:start + 4 * beat]
        for freq in chords[bar % 4]:
            out[start:start + 4 * beat] += 0.3 * np.sin(2 * np.pi * freq * tt) + 0.1 * np.sin(4 * np.pi * freq * tt)
    for note, start in enumerate(range(0, count, beat)):
        tt = np.arange(min(beat, count - start)) / SAMPLE_RATE
        out[start:start + len(tt)] += 0.5 * np.sin(2 * np.pi * melody[note % 8] * tt) * np.exp(-3 * tt)
        out[start:start + len(tt)] += 0.8 * np.sin(2 * np.pi * 60 * tt) * np.exp(-20 * tt)
    return (out / np.max(np.abs(out)) * level).astype(np.float32)


def noise(seconds: float, level: float = 0.02, seed: int = 7) -> np.ndarray:
    """Faint white noise (room hiss), reproducible."""
    return (np.random.default_rng(seed).standard_normal(int(seconds * SAMPLE_RATE)) * level).astype(np.float32)


def mix(speech: np.ndarray, bed: np.ndarray) -> np.ndarray:
    """Speech over a bed (the bed is looped or cut to the speech's length)."""
    bed = np.resize(bed, len(speech))
    return np.clip(speech + bed, -1.0, 1.0).astype(np.float32)


BED_LEVEL = 0.12  # a music bed's peak under speech that peaks near 0.5-0.9: a typical voice-over mix


def speech_clip(path: Path, text: str, voice: str = "ms", speed: int = 150, bed: str = "") -> Path:
    """A creator-like MP4: `text` spoken by espeak-ng (0.7 s of air around it), over a music bed if `bed` is
    "music"; with no text, 12 s of music or 10 s of faint noise alone. Deterministic."""
    if text:
        audio = np.concatenate([silence(0.7), speak(text, voice, speed), silence(0.7)])
        if bed == "music":
            audio = mix(audio, music_bed(len(audio) / SAMPLE_RATE + 1, BED_LEVEL))
    else:
        audio = music_bed(12.0) if bed == "music" else noise(10.0)
    return write_mp4(path, audio, fps=5, label=Path(path).stem)


def _frame(index: int, fps: int, size: tuple[int, int], label: str) -> np.ndarray:
    width, height = size
    image = np.zeros((height, width, 3), dtype=np.uint8)
    image[:] = (40 + (index * 3) % 120, 70, 110)
    x = int((index / fps * 60) % width)
    cv2.rectangle(image, (x, height - 30), (x + 40, height - 10), (240, 240, 240), -1)
    cv2.putText(image, label, (10, 40), cv2.FONT_HERSHEY_SIMPLEX, 0.8, (255, 255, 255), 2)
    cv2.putText(image, f"{index / fps:5.1f}s", (10, 80), cv2.FONT_HERSHEY_SIMPLEX, 0.7, (255, 255, 0), 2)
    return image


def write_mp4(path: Path, audio: np.ndarray | None, *, seconds: float | None = None,
              size: tuple[int, int] = (320, 240), fps: int = 12, label: str = "ThinkTwice") -> Path:
    """Mux frames (and speech, unless `audio` is None) into an H.264/AAC MP4 playable everywhere."""
    path = Path(path)
    duration = seconds if seconds is not None else len(audio) / SAMPLE_RATE  # type: ignore[arg-type]
    with av.open(str(path), "w", format="mp4") as out:
        video = out.add_stream("libx264", rate=fps)
        video.width, video.height, video.pix_fmt = size[0], size[1], "yuv420p"
        video.options = {"preset": "ultrafast", "crf": "32"}
        audio_stream = None
        if audio is not None:
            audio_stream = out.add_stream("aac", rate=44_100)
            audio_stream.layout = "mono"
        for index in range(int(duration * fps)):
            frame = av.VideoFrame.from_ndarray(_frame(index, fps, size, label), format="bgr24")
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
        if audio_stream is not None:
            _encode_audio(out, audio_stream, audio)  # type: ignore[arg-type]
    return path


def _encode_audio(out: av.container.OutputContainer, stream: av.stream.Stream, samples: np.ndarray) -> None:
    resampler = av.AudioResampler(format="fltp", layout="mono", rate=44_100)
    block = SAMPLE_RATE  # one second at a time
    pts = 0
    for start in range(0, len(samples), block):
        chunk = samples[start:start + block].reshape(1, -1)
        frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(chunk), format="flt", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        frame.pts = pts
        frame.time_base = Fraction(1, SAMPLE_RATE)
        pts += chunk.shape[1]
        for resampled in resampler.resample(frame):
            out.mux(stream.encode(resampled))
    for resampled in resampler.resample(None):
        out.mux(stream.encode(resampled))
    out.mux(stream.encode(None))


def write_wav(path: Path, audio: np.ndarray) -> Path:
    with av.open(str(path), "w", format="wav") as out:
        stream = out.add_stream("pcm_s16le", rate=SAMPLE_RATE)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray((audio * 32767).astype(np.int16).reshape(1, -1),
                                           format="s16", layout="mono")
        frame.sample_rate = SAMPLE_RATE
        out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
    return path


def damage_audio(source: Path, target: Path, start: float, end: float, seed: int = 1) -> int:
    """Copy `source` to `target` with the payload of every audio packet whose time is in [start, end) overwritten by
    random bytes, as a bad copy or upload does (found with PyAV's packet.pos and packet.size). Returns how many."""
    places = []
    with av.open(str(source)) as container:
        stream = container.streams.audio[0]
        for packet in container.demux(stream):
            if packet.pts is not None and packet.size and start <= float(packet.pts * stream.time_base) < end:
                places.append((packet.pos, packet.size))
    data = bytearray(Path(source).read_bytes())
    rng = np.random.default_rng(seed)
    for position, size in places:
        data[position:position + size] = rng.integers(0, 256, size, dtype=np.uint8).tobytes()
    Path(target).write_bytes(bytes(data))
    return len(places)


ENGLISH_LINE = "Hello everyone. Please think twice before you post. Be kind to other people online."
MALAY_LINE = ("Selamat pagi semua. Sila fikir dahulu sebelum anda menulis. "
              "Jangan panggil orang bodoh di media sosial.")


def standard_clips(folder: Path) -> dict[str, Path]:
    """The clips the test suite uses. Deterministic: espeak-ng output is the same on every run."""
    folder.mkdir(parents=True, exist_ok=True)
    english = speak(ENGLISH_LINE, "en-us")
    malay = speak(MALAY_LINE, "ms")
    return {
        "english": write_mp4(folder / "english.mp4", np.concatenate([silence(0.5), english, silence(0.5)]),
                             label="EN"),
        "malay": write_mp4(folder / "malay.mp4", np.concatenate([silence(0.5), malay, silence(0.5)]),
                           label="MS"),
        "silent_video": write_mp4(folder / "no_audio.mp4", None, seconds=3.0, label="no audio"),
        "wav": write_wav(folder / "english.wav", english),
    }


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "clips")
    for name, clip in standard_clips(target).items():
        print(f"{name}: {clip}")
