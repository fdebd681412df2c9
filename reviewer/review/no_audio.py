"""Videos without an audio track (silent slideshows, text-only clips): checked by what is on the screen.

Nothing is said, so the transcript is empty with the note "no audio track" and speech is not checked; the
on-screen text and the caption are. When neither of those can be checked either, the check is refused with a
message that says what to do: a video nobody could look at must never pass for a clean "no findings".
"""

from __future__ import annotations

import os

from reviewer.checking.checker import Checker, CheckResult
from reviewer.errors import UserError
from transcribe.types import NO_AUDIO, Transcript, no_audio_transcript

__all__ = ["NO_AUDIO", "check_without_audio", "refuse_unless_checkable"]


SWITCH_ON = "switch on-screen text on (Settings, or drop --no-screen-text) or give the video a caption"


def refuse_unless_checkable(name: str, screen_status: str, has_caption: bool, fix: str = SWITCH_ON) -> None:
    """Raise UserError for a video with no audio whose on-screen text is off or unread and that has no caption.

    `screen_status` is what became (or will become) of its on-screen text: "read", "off", "failed: …", or ""
    before reading it (not refused yet: reading may still work). `fix` says what to do when it is off."""
    if has_caption or screen_status in ("", "read"):
        return
    if screen_status == "off":
        raise UserError(f"{name} has no audio track and on-screen text reading is off, so nothing in it can be "
                        f"checked; {fix}")
    raise UserError(f"{name} has no audio track and its on-screen text was not read ({screen_status}), so nothing "
                    "in it was checked; try again, or export the video again")


def check_without_audio(checker: Checker, media: str | os.PathLike[str], duration: float
                        ) -> tuple[Transcript, CheckResult]:
    """The speech half of a check for a video with no audio track: an empty result that says why."""
    transcript = no_audio_transcript(duration)
    return transcript, checker.check_transcript(transcript, source=os.fspath(media))
