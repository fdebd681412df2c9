"""On-screen text use cases: read a video's burned-in text once, keep it with the video, check it with the rest.

Reading runs in the OCR child process (transcribe.ocr_runner), like transcription. The track is stored with the
SHA-256 of the file it was read from, so a changed file is read again. Every check records what became of the
on-screen text: "read", "off" (switched off), "no video" (an audio file), "not read" or "failed: why", so a
check that could not look at the picture never passes for a clean one.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from sqlite_utils import Database

from reviewer.checking.checker import Checker, CheckResult
from reviewer.checking.screen import check_screen
from reviewer.review.report_sentences import sentence
from reviewer.review.vocabulary import Language
from reviewer.store import audit
from reviewer.store.connection import Store
from reviewer.store.queries import get_video
from reviewer.store.screen_text import latest_track, save_track
from reviewer.store.types import CheckSummary, FindingRow, VideoRow
from transcribe.errors import Cancelled, TranscribeError
from transcribe.frames import boxed_crop, frame_png
from transcribe.ocr_runner import run_screen_text
from transcribe.runner import Progress
from transcribe.text_track import ScreenTextOptions, TextTrack

ProgressCallback = Callable[[float, str], None]
ScreenReader = Callable[[str, ScreenTextOptions, ProgressCallback | None, Callable[[], bool] | None], TextTrack]
READ, OFF, NO_VIDEO, NOT_READ = "read", "off", "no video", "not read"
__all__ = ["NOT_READ", "NO_VIDEO", "OFF", "READ", "check_screen", "child_process_screen_reader", "ensure_screen_text",
           "finding_frame", "screen_check", "screen_text_line", "screen_thumbnail", "stored_track"]


def child_process_screen_reader(media: str, options: ScreenTextOptions, on_progress: ProgressCallback | None = None,
                                should_cancel: Callable[[], bool] | None = None) -> TextTrack:
    def forward(progress: Progress) -> None:
        if on_progress is not None:
            on_progress(progress.fraction, progress.stage)

    return run_screen_text(media, options, on_progress=forward, should_cancel=should_cancel)


def has_picture(video: VideoRow) -> bool:
    return bool(video["width"] and video["height"])


def ensure_screen_text(store: Store, video_id: int, reader: ScreenReader, options: ScreenTextOptions | None = None,
                       on_progress: ProgressCallback | None = None, should_cancel: Callable[[], bool] | None = None,
                       actor: str = "") -> str:
    """Read and store the video's on-screen text unless a track of this content is stored. Returns the status.

    A file the OCR cannot read gives "failed: …" (recorded with the check), not an error: the transcript
    check still stands. Cancel is raised.
    """
    video = get_video(store.db, video_id)
    if not has_picture(video):
        return NO_VIDEO
    if latest_track(store.db, video_id, video["sha256"]) is not None:
        return READ
    try:
        track = reader(video["path"], options or ScreenTextOptions(), on_progress, should_cancel)
    except Cancelled:
        raise
    except TranscribeError as exc:
        return f"failed: {exc}"
    with store.write() as db:
        track_id = save_track(db, video_id, track, video["sha256"])
        audit.append(db, "screen-text", actor, video_id, screen_text_id=track_id, lines=len(track.lines),
                     engine=track.engine, frames_read=track.frames_read, frames_sampled=track.frames_sampled)
    return READ


def screen_check(db: Database, video: VideoRow, checker: Checker, status: str | None = None
                 ) -> tuple[int | None, CheckResult | None, str]:
    """(track ID, findings, status) for a check of this video: the stored track of its current content."""
    if not has_picture(video):
        return None, None, NO_VIDEO
    stored = latest_track(db, video["id"], video["sha256"])
    if stored is None:
        return None, None, status or NOT_READ
    track_id, track = stored
    return track_id, check_screen(checker, track), READ


def stored_track(store: Store, video_id: int) -> TextTrack | None:
    """The track in force for a video (of its current content), for display and export."""
    video = get_video(store.db, video_id)
    stored = latest_track(store.db, video_id, video["sha256"])
    return stored[1] if stored else None


def seen_at(finding: FindingRow) -> tuple[float, tuple[int, int, int, int]] | None:
    """For an on-screen finding: a moment its text is surely up (half a second in: its start is half a sample
    early) and its box; None for other findings."""
    start, box = finding["time_start"], finding["box"]
    if finding["source"] != "screen" or not box or start is None:
        return None
    end = finding["time_end"] or start
    x, y, w, h = json.loads(box)
    return start + min(0.5, (end - start) / 2), (int(x), int(y), int(w), int(h))


def screen_thumbnail(path: str, finding: FindingRow, width: int = 240) -> bytes | None:
    """For an on-screen finding: the frame around its text with the box outlined (PNG), else None."""
    seen = seen_at(finding)
    return None if seen is None else boxed_crop(path, seen[0], seen[1], width)


def finding_frame(path: str, finding: FindingRow) -> tuple[bytes, tuple[int, int, int, int], float] | None:
    """For an on-screen finding: (the frame as PNG, the text's box, the frame's time), for drawing the box."""
    seen = seen_at(finding)
    png = frame_png(path, seen[0]) if seen is not None else None
    if png is None or seen is None:
        return None
    return png, seen[1], seen[0]


def screen_text_line(store: Store, video_id: int, check: CheckSummary | None, language: Language = "en") -> str:
    """One line for reports: how the on-screen text was read, or why it was not."""
    status = check["screen_text"] if check else ""
    if status != READ:
        return sentence("screen_not_read", language, status=status) if status else ""
    track = stored_track(store, video_id)
    if track is None:
        return ""
    return sentence("screen_read", language, engine=track.engine, lines=len(track.lines),
                    frames=track.frames_sampled, fps=f"{track.options.get('fps', 2):g}")
