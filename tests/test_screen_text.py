"""On-screen text: the real OCR engine over generated videos with burned-in Malay and English overlays."""

from __future__ import annotations

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import REPO
from tests.mediagen import silence, speak
from tests.screengen import Overlay, frames, write_video
from transcribe.errors import MediaError, TranscribeError
from transcribe.text_track import ScreenTextOptions, normalise_line

SIZE = (360, 640)
OVERLAYS = (
    Overlay("Fikir dahulu sebelum kongsi", 0.6, 3.6, y=0.12, size=21),  # white, black outline
    Overlay("Think twice before you post", 2.0, 5.0, y=0.72, size=19, color=(255, 230, 40), outline=None,
            box=(20, 20, 20)),  # yellow on a caption box
    Overlay("Jangan jadi bodoh", 4.2, 7.4, y=0.42, size=30, color=(255, 90, 90)),  # big, red, outlined
    Overlay("sayangi diri anda", 5.5, 7.5, y=0.88, size=18, color=(20, 20, 20), outline=(255, 255, 255),
            bold=False),  # small, dark on a white outline
)


@pytest.fixture(scope="module")
def engine():
    from transcribe.ocr_engine import OcrEngine

    return OcrEngine()


@pytest.fixture(scope="module")
def screen_clips(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("screen")
    speech = np.concatenate([silence(0.5), speak("Selamat pagi semua, sila fikir dahulu.", "ms"), silence(8.0)])
    return {
        "overlays": write_video(folder / "overlays.mp4", OVERLAYS, seconds=8.0, size=SIZE, fps=15,
                                background="moving", audio=speech[: 8 * 16_000]),
        "long": write_video(folder / "long.mp4", [Overlay("Sila baca dengan teliti", 1.0, 11.0, y=0.3, size=24)],
                            seconds=12.0, size=SIZE, fps=10, background="noisy"),
        "blank": write_video(folder / "blank.mp4", [], seconds=4.0, size=SIZE, fps=10, background="moving"),
    }


@pytest.fixture(scope="module")
def overlay_track(screen_clips: dict[str, Path], engine):
    from transcribe.screen_text import read_screen_text

    return read_screen_text(screen_clips["overlays"], engine=engine)


@pytest.fixture(scope="module")
def long_track(screen_clips: dict[str, Path], engine):
    from transcribe.screen_text import read_screen_text

    return read_screen_text(screen_clips["long"], engine=engine)


@pytest.fixture(scope="module")
def checker():
    from reviewer.checking.checker import Checker
    from reviewer.checking.terms import load_bundled_lists

    return Checker(load_bundled_lists())


def _find(track, text: str):
    return [line for line in track.lines if normalise_line(line.text) == normalise_line(text)]


def test_track_holds_each_overlay_once_with_its_times(overlay_track) -> None:
    track = overlay_track
    for overlay in OVERLAYS:
        found = _find(track, overlay.text)
        assert len(found) == 1, (overlay.text, track.lines)
        line = found[0]
        assert abs(line.start - overlay.start) <= 0.5, line
        assert abs(line.end - overlay.end) <= 0.5, line
        assert line.confidence > 0.8
        assert line.start <= line.at <= line.end
    assert len(track.lines) == len(OVERLAYS)  # the moving background and the rolling ball add nothing
    assert track.frames_read < track.frames_sampled  # unchanged frames were skipped
    assert (track.width, track.height) == SIZE


def test_boxes_are_where_the_overlays_were_drawn(overlay_track) -> None:
    from tests.screengen import overlay_boxes
    from transcribe.text_track import iou

    track = overlay_track
    for overlay, truth in zip(OVERLAYS, overlay_boxes(OVERLAYS, SIZE), strict=True):
        (line,) = _find(track, overlay.text)
        assert iou(line.box, truth) > 0.5, (overlay.text, line.box, truth)


def test_an_overlay_up_for_ten_seconds_is_one_entry_not_twenty(long_track) -> None:
    track = long_track
    assert [normalise_line(line.text) for line in track.lines] == ["sila baca dengan teliti"]
    (line,) = track.lines
    assert abs(line.start - 1.0) <= 0.5
    assert abs(line.end - 11.0) <= 0.5
    assert track.frames_sampled >= 20
    assert track.frames_read <= 4  # read when it appeared and when it went, not on every sample


def test_a_video_without_text_gives_an_empty_track(screen_clips: dict[str, Path], engine) -> None:
    from transcribe.screen_text import read_screen_text

    track = read_screen_text(screen_clips["blank"], engine=engine)
    assert track.lines == ()
    assert track.frames_sampled >= 7


def test_a_term_in_an_overlay_is_a_screen_finding_with_time_box_and_confidence(overlay_track, checker) -> None:
    from reviewer.checking.screen import check_screen
    from tests.screengen import overlay_boxes
    from transcribe.text_track import iou

    result = check_screen(checker, overlay_track)
    (finding,) = [f for f in result.findings if f.term == "bodoh"]
    overlay, truth = OVERLAYS[2], overlay_boxes(OVERLAYS, SIZE)[2]
    assert result.source == "screen"
    assert result.text[finding.start:finding.end].lower() == "bodoh"
    assert abs(finding.time_start - overlay.start) <= 0.5
    assert abs(finding.time_end - overlay.end) <= 0.5
    assert iou(finding.box, truth) > 0.5
    assert finding.ocr_confidence > 0.8
    assert finding.sure  # read clearly: no need to look
    assert [f.term for f in result.findings] == ["bodoh"]  # the other three overlays are clean


def test_clean_overlays_give_no_finding(long_track, checker) -> None:
    from reviewer.checking.screen import check_screen

    result = check_screen(checker, long_track)
    assert result.text == "Sila baca dengan teliti"
    assert result.findings == ()


def test_reading_every_frame_finds_the_same_lines(screen_clips: dict[str, Path], engine) -> None:
    """The de-duplicated run loses nothing against the naive one (which reads all 16 samples in full)."""
    from transcribe.screen_text import read_screen_text

    naive = read_screen_text(screen_clips["overlays"], ScreenTextOptions(dedupe=False), engine=engine)
    assert naive.frames_read == naive.frames_sampled
    assert {normalise_line(o.text) for o in OVERLAYS} <= {normalise_line(line.text) for line in naive.lines}


def test_rotated_phone_video_is_read_upright(tmp_path: Path, engine) -> None:
    """Phones store portrait video sideways with a rotation flag; we must read the picture as shown."""
    import av

    from transcribe.screen_text import read_screen_text

    overlay = Overlay("Video telefon tegak", 0.0, 3.0, y=0.4, size=30)
    path = tmp_path / "rotated.mp4"
    with av.open(str(path), "w") as out:
        stream = out.add_stream("libx264", rate=10)
        stream.width, stream.height, stream.pix_fmt = SIZE[1], SIZE[0], "yuv420p"
        stream.set_display_rotation(90)
        for image in frames([overlay], 3.0, SIZE, 10, "static"):
            out.mux(stream.encode(av.VideoFrame.from_ndarray(np.ascontiguousarray(np.rot90(image, -1)),
                                                             format="rgb24")))
        out.mux(stream.encode(None))
    track = read_screen_text(path, engine=engine)
    assert [normalise_line(line.text) for line in track.lines] == ["video telefon tegak"]
    assert (track.width, track.height) == SIZE


def test_audio_only_and_broken_files_get_one_line(clips: dict[str, Path], tmp_path: Path) -> None:
    from transcribe.screen_text import read_screen_text

    with pytest.raises(MediaError, match="no video track"):
        read_screen_text(clips["wav"])
    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"not a video at all" * 100)
    with pytest.raises(MediaError, match="not a readable video"):
        read_screen_text(junk)


def test_child_process_reports_progress_and_the_track(screen_clips: dict[str, Path]) -> None:
    from transcribe.ocr_runner import ScreenTextFinished, ScreenTextJob

    job = ScreenTextJob(screen_clips["long"]).start()
    messages = list(job.messages())
    fractions = [m.fraction for m in messages[:-1]]
    assert fractions
    assert fractions == sorted(fractions)
    assert 0.8 < fractions[-1] <= 1.0
    assert isinstance(messages[-1], ScreenTextFinished)
    assert [normalise_line(line.text) for line in messages[-1].track.lines] == ["sila baca dengan teliti"]


def test_cancel_kills_the_child_and_a_crash_is_a_message(screen_clips: dict[str, Path]) -> None:
    import os
    import signal

    from transcribe.errors import Cancelled
    from transcribe.ocr_runner import ScreenTextJob, run_screen_text
    from transcribe.runner import Failed, Progress

    seen: list[Progress] = []
    with pytest.raises(Cancelled):
        run_screen_text(screen_clips["long"], on_progress=seen.append, should_cancel=lambda: bool(seen))
    job = ScreenTextJob(screen_clips["long"]).start()
    pid = job.pid
    first = next(job.messages())
    assert isinstance(first, Progress)
    os.kill(pid, signal.SIGKILL)
    outcome = list(job.messages())[-1]
    assert isinstance(outcome, Failed)
    assert outcome.kind == "crash"
    assert "on-screen text process stopped unexpectedly" in outcome.message
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_child_turns_a_bad_file_into_an_error(tmp_path: Path) -> None:
    from transcribe.ocr_runner import run_screen_text

    junk = tmp_path / "junk.mp4"
    junk.write_bytes(b"\x00" * 4096)
    with pytest.raises(TranscribeError, match="not a readable video"):
        run_screen_text(junk)


def test_ocr_runs_with_the_network_cut_off(tmp_path: Path) -> None:
    """The models ship inside the rapidocr wheel: a fresh process in a namespace without network reads text."""
    if subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode != 0:
        pytest.skip("unshare -n is not permitted here")
    image = next(frames([Overlay("Tiada rangkaian", 0.0, 1.0, y=0.4, size=40)], 0.2, SIZE, 5, "static"))
    np.save(tmp_path / "frame.npy", image[:, :, ::-1])
    script = ("import sys, numpy; from transcribe.ocr_engine import OcrEngine; "
              "print([r.text for r in OcrEngine().read(numpy.load(sys.argv[1]))])")
    result = subprocess.run(["unshare", "-n", sys.executable, "-c", script, str(tmp_path / "frame.npy")],
                            capture_output=True, text=True, cwd=REPO, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Tiada rangkaian" in result.stdout


def test_only_the_headless_opencv_is_installed() -> None:
    """opencv-python bundles its own Qt plugins, which break PySide6; rapidocr must not have pulled it in."""
    installed = {dist.metadata["Name"].lower() for dist in importlib.metadata.distributions()}
    assert "opencv-python-headless" in installed
    assert not installed & {"opencv-python", "opencv-contrib-python"}
    requirements = importlib.metadata.requires("rapidocr") or []
    assert not any(req.split(";")[0].strip().lower().startswith(("opencv-python>", "opencv-python=", "opencv-python "))
                   or req.strip().lower() == "opencv-python" for req in requirements)
