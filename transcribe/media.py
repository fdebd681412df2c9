"""Probe media files: what they are, whether they can be transcribed, and pictures of them.

PyAV (FFmpeg) answers the container questions and catches corrupt or truncated files (frames for
thumbnails come from frames.py, kept apart so the transcription child never loads OpenCV). Every way
a file can be unusable maps to one `MediaError` line that says what to do.
"""

from __future__ import annotations

import os
import stat
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import av

from transcribe.errors import MediaError
from transcribe.hashing import sha256_file

AUDIO_EXTENSIONS = frozenset({".mp3", ".m4a", ".wav", ".aac", ".ogg", ".opus", ".flac"})
VIDEO_EXTENSIONS = frozenset({".mp4", ".mov", ".m4v", ".mkv", ".webm", ".avi", ".3gp"})
MEDIA_EXTENSIONS = AUDIO_EXTENSIONS | VIDEO_EXTENSIONS
NO_AUDIO_MESSAGE = "this video has no audio track to transcribe; re-export it with sound"
# A container that promises more than this share of its duration in packets it doesn't hold is truncated.
TRUNCATION_TOLERANCE = 0.9


@dataclass(frozen=True)
class MediaInfo:
    path: str
    name: str
    size: int
    sha256: str
    duration: float
    has_video: bool
    has_audio: bool
    fps: float
    frame_count: int
    width: int
    height: int
    container: str
    video_codec: str | None
    audio_codec: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def resolution(self) -> str:
        return f"{self.width}x{self.height}" if self.has_video else ""


def check_readable(path: str | os.PathLike[str]) -> Path:
    """Reject paths that are not a readable, non-empty regular file, with the reason."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise MediaError(f"file not found: {path}; check the path and try again") from None
    except OSError as exc:
        raise MediaError(f"cannot read {path}: {exc.strerror}; check the path and its permissions") from None
    if stat.S_ISDIR(info.st_mode):
        raise MediaError(f"{path} is a folder, not a media file; pass a video or audio file")
    if not stat.S_ISREG(info.st_mode):
        raise MediaError(f"{path} is not a regular file; pass a video or audio file")
    if info.st_size == 0:
        raise MediaError(f"{path} is empty (0 bytes); copy or export the file again")
    try:
        with open(path, "rb") as handle:
            handle.read(1)
    except PermissionError:
        raise MediaError(f"cannot read {path}: permission denied; fix its permissions (chmod +r)") from None
    except OSError as exc:
        raise MediaError(f"cannot read {path}: {exc.strerror}; copy the file to a local disk") from None
    return path


def _open_container(path: Path) -> av.container.InputContainer:
    try:
        return av.open(str(path), metadata_errors="ignore")
    except (av.error.InvalidDataError, av.error.EOFError):
        raise MediaError(f"{path.name} is not a readable video or audio file (corrupt, truncated or not media); "
                         "export it again as MP4 (H.264 + AAC)") from None
    except av.error.FFmpegError as exc:
        raise MediaError(f"{path.name} could not be opened ({exc.strerror}); export it again as MP4") from None


def _declared_duration(container: av.container.InputContainer) -> float:
    if container.duration:
        return float(container.duration / av.time_base)
    best = 0.0
    for stream in container.streams:
        if stream.duration and stream.time_base:
            best = max(best, float(stream.duration * stream.time_base))
    return best


def _packet_end(container: av.container.InputContainer, stream: av.stream.Stream) -> float:
    """Walk the packets (no decoding) and return where the stream's data really ends, in seconds."""
    end = 0.0
    base = stream.time_base
    start = float(stream.start_time * base) if stream.start_time is not None and base else 0.0
    try:
        for packet in container.demux(stream):
            if packet.pts is None or base is None:
                continue
            end = max(end, float((packet.pts + (packet.duration or 0)) * base) - start)
    except av.error.FFmpegError:
        pass  # a read error part-way is itself a sign of truncation; `end` says how far we got
    return end


def probe(path: str | os.PathLike[str], *, with_hash: bool = True) -> MediaInfo:
    """Describe a media file, or raise MediaError saying why it can't be used."""
    path = check_readable(path)
    container = _open_container(path)
    try:
        video = container.streams.video[0] if container.streams.video else None
        audio = container.streams.audio[0] if container.streams.audio else None
        if video is None and audio is None:
            raise MediaError(f"{path.name} has neither video nor audio; export it again as MP4 (H.264 + AAC)")
        duration = _declared_duration(container)
        checked = audio or video
        assert checked is not None
        real_end = _packet_end(container, checked)
        if duration <= 0:
            duration = real_end
        if duration <= 0 or real_end < duration * TRUNCATION_TOLERANCE:
            raise MediaError(f"{path.name} is truncated (data ends at {real_end:.1f}s of {duration:.1f}s); "
                             "copy or export the file again")
        fps = float(video.average_rate) if video is not None and video.average_rate else 0.0
        frames = int(video.frames) if video is not None and video.frames else int(round(fps * duration))
        return MediaInfo(
            path=str(path.resolve()),
            name=path.name,
            size=path.stat().st_size,
            sha256=sha256_file(path) if with_hash else "",
            duration=round(duration, 3),
            has_video=video is not None,
            has_audio=audio is not None,
            fps=round(fps, 3),
            frame_count=frames,
            width=int(video.codec_context.width) if video is not None else 0,
            height=int(video.codec_context.height) if video is not None else 0,
            container=container.format.name,
            video_codec=video.codec_context.name if video is not None else None,
            audio_codec=audio.codec_context.name if audio is not None else None,
        )
    finally:
        container.close()


def require_audio(info: MediaInfo) -> None:
    if not info.has_audio:
        raise MediaError(f"{info.name}: {NO_AUDIO_MESSAGE}")
