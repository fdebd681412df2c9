"""`thinktwice probe` and `thinktwice transcribe`: media in, facts or a transcript out."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from reviewer.cli.progress import fraction_bar
from reviewer.fileio import write_text_atomic
from transcribe.audio_decode import decode_audio
from transcribe.errors import TranscribeError
from transcribe.formats import FORMATS, render
from transcribe.frames import keyframes
from transcribe.media import probe, require_audio
from transcribe.runner import run_transcription
from transcribe.types import DEFAULT_CANDIDATES, TranscribeOptions, damage_extent


def add_transcription_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--language", default="auto",
                        help="auto (choose among --candidates), or a code such as ms or en")
    parser.add_argument("--candidates", default=",".join(DEFAULT_CANDIDATES),
                        help="languages 'auto' may choose from, comma-separated (default: ms,en)")
    parser.add_argument("--model", metavar="PATH", help="a local CTranslate2 Whisper model folder")


def options_from_args(args: argparse.Namespace) -> TranscribeOptions:
    candidates = tuple(code.strip().lower() for code in args.candidates.split(",") if code.strip())
    return TranscribeOptions(language=args.language.strip().lower(), candidates=candidates, model_path=args.model)


def transcribe_with_progress(media: str, options: TranscribeOptions, label: str = "transcribing"):
    with fraction_bar(label) as update:
        return run_transcription(media, options, on_progress=lambda p: update(p.fraction, p.stage)).transcript


def cmd_transcribe(args: argparse.Namespace) -> int:
    require_audio(probe(args.media, with_hash=False))
    transcript = transcribe_with_progress(args.media, options_from_args(args))
    text = render(transcript, args.format)
    if transcript.partial:  # the text alone would read as all that was said
        print(f"thinktwice: warning: {Path(args.media).name}: {transcript.note}", file=sys.stderr)
    if args.output:
        write_text_atomic(args.output, text)
        print(f"wrote {args.output} ({len(transcript.segments)} segments, language {transcript.language})",
              file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def audio_damage(media: str) -> str:
    """What of the audio cannot be decoded ('' when all of it can): the container alone looks fine."""
    try:
        decoded = decode_audio(media)
    except TranscribeError as exc:
        return f"undecodable: {exc}"
    if not decoded.damaged:
        return ""
    return (f"damaged: {decoded.failed_packets} of {decoded.packets} packets undecodable, "
            f"{damage_extent(decoded.damaged, decoded.duration)}")


def cmd_probe(args: argparse.Namespace) -> int:
    info = probe(args.media)
    damage = audio_damage(args.media) if info.has_audio else ""
    if args.format == "json":
        payload = info.to_dict() | {"audio_damage": damage}
        payload["keyframes"] = len(keyframes(args.media, args.keyframes)) if info.has_video else 0
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    rows = [
        ("file", info.name), ("size", f"{info.size:,} bytes"), ("sha256", info.sha256),
        ("duration", f"{info.duration:.2f} s"), ("container", info.container),
        ("video", f"{info.video_codec} {info.resolution} @ {info.fps:g} fps, {info.frame_count} frames"
         if info.has_video else "none"),
        ("audio", (f"{info.audio_codec}{' — ' + damage if damage else ''}") if info.has_audio
         else "none (this file has no audio track to transcribe)"),
    ]
    for key, value in rows:
        print(f"{key:<10} {value}")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    transcribe = commands.add_parser("transcribe", help="transcribe a video or audio file offline")
    transcribe.add_argument("media", help="a video or audio file")
    add_transcription_options(transcribe)
    transcribe.add_argument("--format", choices=FORMATS, default="txt", help="txt (default), srt, vtt or json")
    transcribe.add_argument("-o", "--output", metavar="OUT", help="write here instead of standard output")
    transcribe.set_defaults(func=cmd_transcribe)

    probe_parser = commands.add_parser("probe", help="show duration, streams and SHA-256 of a media file")
    probe_parser.add_argument("media", help="a video or audio file")
    probe_parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    probe_parser.add_argument("--keyframes", type=int, default=6, help=argparse.SUPPRESS)
    probe_parser.set_defaults(func=cmd_probe)
