"""Run on-screen text reading in a child process, over the transcription runner's protocol (runner.py).

The same guarantees as transcription: progress as messages, Cancel kills the child at once, and a crash
inside onnxruntime becomes a `Failed` message instead of taking the app down.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass

from transcribe.runner import Finished, Message, Progress, TranscriptionJob, follow
from transcribe.screen_reread import Region, Rereads, rereads_from_json
from transcribe.text_track import ScreenTextOptions, TextTrack


@dataclass(frozen=True)
class ScreenTextFinished(Finished):
    track: TextTrack | None = None
    rereads: Rereads | None = None  # the answer to a second-look job (ScreenRereadJob)


class ScreenTextJob(TranscriptionJob):
    """One video's on-screen text in one child process; follow it with `messages()`, stop it with `cancel()`."""

    worker_module = "transcribe.ocr_worker"
    label = "on-screen text"

    def __init__(self, media: str | os.PathLike[str], options: ScreenTextOptions | None = None) -> None:
        super().__init__(media)
        self.screen_options = options or ScreenTextOptions()

    def _request(self) -> dict:
        return {"media": os.path.abspath(self.media), "options": self.screen_options.to_dict()}

    def _parse(self, raw: dict) -> Message:
        if raw["type"] != "finished":
            return super()._parse(raw)
        return self._finish(ScreenTextFinished(None, float(raw["seconds"]), float(raw["peak_rss_mb"]),
                                               track=TextTrack.from_dict(raw["track"])))


class ScreenRereadJob(ScreenTextJob):
    """The second look at doubtful on-screen text: some boxes read again at full size, all in one child process."""

    label = "on-screen text (second look)"

    def __init__(self, media: str | os.PathLike[str], regions: list[Region]) -> None:
        super().__init__(media)
        self.regions = regions

    def _request(self) -> dict:
        return {"media": os.path.abspath(self.media), "regions": [region.to_dict() for region in self.regions]}

    def _parse(self, raw: dict) -> Message:
        if raw["type"] != "finished":
            return super()._parse(raw)
        return self._finish(ScreenTextFinished(None, float(raw["seconds"]), float(raw["peak_rss_mb"]),
                                               rereads=rereads_from_json(raw["rereads"])))


def run_screen_reread(media: str | os.PathLike[str], regions: list[Region],
                      on_progress: Callable[[Progress], None] | None = None,
                      should_cancel: Callable[[], bool] | None = None) -> Rereads:
    """Blocking helper: what each region holds at each of its moments, or TranscribeError on failure."""
    finished = follow(ScreenRereadJob(media, regions), on_progress, should_cancel)
    assert isinstance(finished, ScreenTextFinished)
    assert finished.rereads is not None
    return finished.rereads


def run_screen_text(media: str | os.PathLike[str], options: ScreenTextOptions | None = None,
                    on_progress: Callable[[Progress], None] | None = None,
                    should_cancel: Callable[[], bool] | None = None) -> TextTrack:
    """Blocking helper: the video's text track, or TranscribeError (MediaError, Cancelled, ...) on failure."""
    finished = follow(ScreenTextJob(media, options), on_progress, should_cancel)
    assert isinstance(finished, ScreenTextFinished)
    assert finished.track is not None
    return finished.track


__all__ = ["ScreenRereadJob", "ScreenTextFinished", "ScreenTextJob", "run_screen_reread", "run_screen_text"]
