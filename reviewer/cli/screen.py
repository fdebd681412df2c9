"""`thinktwice ocr`: the text burned into a video's frames, as a track with times and boxes.

Also the on-screen half of `thinktwice check VIDEO` (unless --no-screen-text).
"""

from __future__ import annotations

import argparse
import sys

from reviewer.cli.progress import fraction_bar
from reviewer.fileio import write_text_atomic
from reviewer.review.checking import Checker, CheckResult
from reviewer.review.screen import NO_VIDEO, OFF, READ, check_screen
from reviewer.review.screen_look import doubtful, second_look
from transcribe.errors import MediaError
from transcribe.frame_sampler import NO_VIDEO_MESSAGE
from transcribe.media import probe
from transcribe.ocr_runner import run_screen_text
from transcribe.screen_formats import SCREEN_FORMATS, render_track
from transcribe.text_track import ScreenTextOptions, TextTrack


def add_screen_text_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--no-screen-text", action="store_true",
                        help="do not read the text burned into the video's frames (on by default)")


def read_track(media: str, options: ScreenTextOptions | None = None) -> TextTrack:
    with fraction_bar("on-screen text") as update:
        return run_screen_text(media, options, on_progress=lambda p: update(p.fraction, p.stage))


def screen_result(checker: Checker, media: str, args: argparse.Namespace) -> tuple[CheckResult | None, str]:
    """The on-screen findings of a media file being checked, and what became of its on-screen text."""
    if getattr(args, "no_screen_text", False):
        return None, OFF
    if not probe(media, with_hash=False).has_video:
        return None, NO_VIDEO
    result = check_screen(checker, read_track(media))
    if doubtful(result):
        with fraction_bar("second look") as update:
            result = second_look(checker, result, media, on_progress=update)
    return result, READ


def cmd_ocr(args: argparse.Namespace) -> int:
    info = probe(args.media, with_hash=False)
    if not info.has_video:
        raise MediaError(f"{info.name} {NO_VIDEO_MESSAGE}")
    track = read_track(args.media, ScreenTextOptions(fps=args.fps))
    text = render_track(track, args.format)
    if args.output:
        write_text_atomic(args.output, text)
        print(f"wrote {args.output} ({len(track.lines)} lines of on-screen text)", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _positive_rate(value: str) -> float:
    try:
        rate = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of frames a second") from None
    if not 0.1 <= rate <= 10:
        raise argparse.ArgumentTypeError("sample between 0.1 and 10 frames a second")
    return rate


def register(commands: argparse._SubParsersAction) -> None:
    ocr = commands.add_parser("ocr", help="read the text burned into a video's frames (offline OCR)")
    ocr.add_argument("media", help="a video file")
    ocr.add_argument("--format", choices=SCREEN_FORMATS, default="txt",
                     help="txt (a line per entry with its times), srt (a cue per entry) or json (with boxes)")
    ocr.add_argument("--fps", type=_positive_rate, default=ScreenTextOptions().fps,
                     help="frames sampled per second (default: 2)")
    ocr.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    ocr.set_defaults(func=cmd_ocr)
