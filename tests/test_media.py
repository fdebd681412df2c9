"""Media probing and every kind of bad input: one line, exit code 2, no traceback."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from transcribe.errors import MediaError
from transcribe.frames import keyframes, thumbnail
from transcribe.hashing import sha256_file
from transcribe.media import probe

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def test_probe_reports_video_facts(clips: dict[str, Path]) -> None:
    info = probe(clips["english"])
    assert info.has_video
    assert info.has_audio
    assert (info.width, info.height) == (320, 240)
    assert info.fps == pytest.approx(12.0)
    assert 6.0 < info.duration < 9.0
    assert info.frame_count == pytest.approx(info.duration * info.fps, abs=2)
    assert info.sha256 == sha256_file(clips["english"])
    assert info.size == clips["english"].stat().st_size


def test_audio_only_file_is_probed(clips: dict[str, Path]) -> None:
    info = probe(clips["wav"])
    assert info.has_audio
    assert not info.has_video
    assert info.duration > 5
    assert keyframes(clips["wav"]) == []
    assert thumbnail(clips["wav"]) is None


def test_thumbnail_and_keyframe_strip_are_pngs(clips: dict[str, Path]) -> None:
    strip = keyframes(clips["english"], count=5, width=160)
    assert len(strip) == 5
    assert all(image.startswith(PNG_MAGIC) for image in strip)
    assert len(set(strip)) > 1  # evenly spaced frames differ (the test pattern moves)
    thumb = thumbnail(clips["english"])
    assert thumb is not None
    assert thumb.startswith(PNG_MAGIC)


def test_streamed_hash_matches_hashlib(tmp_path: Path) -> None:
    import hashlib

    data = os.urandom(3 * (1 << 20) + 17)
    target = tmp_path / "blob"
    target.write_bytes(data)
    assert sha256_file(target, chunk_size=1 << 16) == hashlib.sha256(data).hexdigest()


def test_probe_json_cli(run_cli, clips: dict[str, Path]) -> None:
    code, out, _ = run_cli("probe", clips["english"], "--format", "json")
    assert code == 0
    payload = json.loads(out)
    assert payload["has_audio"] is True
    assert payload["keyframes"] == 6
    assert payload["sha256"] == sha256_file(clips["english"])


def test_probe_reports_missing_audio_without_failing(run_cli, clips: dict[str, Path]) -> None:
    code, out, _ = run_cli("probe", clips["silent_video"])
    assert code == 0
    assert "no audio track" in out


def _bad_inputs(tmp_path: Path, clips: dict[str, Path]) -> dict[str, tuple[Path, str]]:
    data = clips["english"].read_bytes()
    (tmp_path / "empty.mp4").write_bytes(b"")
    (tmp_path / "notes.mp4").write_text("this is a text file, not a video\n", encoding="utf-8")
    (tmp_path / "truncated.mp4").write_bytes(data[: len(data) // 2])
    (tmp_path / "a folder.mp4").mkdir()
    return {
        "missing": (tmp_path / "gone.mp4", "file not found"),
        "directory": (tmp_path / "a folder.mp4", "is a folder"),
        "zero bytes": (tmp_path / "empty.mp4", "empty (0 bytes)"),
        "text renamed": (tmp_path / "notes.mp4", "not a readable video or audio file"),
        "truncated": (tmp_path / "truncated.mp4", "truncated"),
        "no audio": (clips["silent_video"], "no audio track to transcribe"),
    }


@pytest.mark.parametrize("case", ["missing", "directory", "zero bytes", "text renamed", "truncated", "no audio"])
def test_bad_media_gets_one_line_and_exit_2(run_cli, tmp_path: Path, clips: dict[str, Path], case: str) -> None:
    path, expected = _bad_inputs(tmp_path, clips)[case]
    code, out, err = run_cli("transcribe", path)
    assert code == 2
    assert out == ""
    assert expected in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_truncated_faststart_mp4_is_caught(tmp_path: Path, clips: dict[str, Path]) -> None:
    """With the index at the front the file still opens; the missing packets give it away."""
    import av

    faststart = tmp_path / "fast.mp4"
    with av.open(str(clips["english"])) as source, \
            av.open(str(faststart), "w", format="mp4", options={"movflags": "faststart"}) as out:
        streams = {s.index: out.add_stream_from_template(s) for s in source.streams}
        for packet in source.demux():
            if packet.dts is not None:
                packet.stream = streams[packet.stream.index]
                out.mux(packet)
    data = faststart.read_bytes()
    cut = tmp_path / "cut.mp4"
    cut.write_bytes(data[: int(len(data) * 0.6)])
    with pytest.raises(MediaError, match="truncated"):
        probe(cut)
    assert probe(faststart).has_audio


def test_unreadable_file_is_refused(tmp_path: Path, clips: dict[str, Path]) -> None:
    """Root ignores file modes, so the probe runs as 'nobody' in a forked child."""
    import tempfile

    from tests.helpers import run_as_nobody

    folder = Path(tempfile.mkdtemp(prefix="thinktwice-locked-"))  # under /tmp, so 'nobody' can reach it
    os.chmod(folder, 0o755)
    target = folder / "private.mp4"
    shutil.copy(clips["english"], target)
    target.chmod(0)

    def attempt() -> str:
        try:
            probe(target)
        except MediaError as exc:
            return str(exc)
        return "no error"

    message = run_as_nobody(attempt)
    shutil.rmtree(folder)
    assert "permission denied" in message.lower()
    assert "chmod" in message or "permissions" in message
