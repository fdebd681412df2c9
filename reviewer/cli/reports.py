"""`thinktwice report` (PDF) and `thinktwice export` (CSV / JSON / transcripts). Files are written atomically."""

from __future__ import annotations

import argparse
import sys

from reviewer.cli.args import record_id
from reviewer.errors import UserError
from reviewer.fileio import write_bytes_atomic
from reviewer.review.exports import (
    FEEDBACK_FORMATS,
    TRANSCRIPT_FORMATS,
    campaign_pdf,
    export_bytes,
    feedback_bytes,
    video_pdf,
)
from reviewer.review.services import Services
from reviewer.review.vocabulary import LANGUAGES


def cmd_report(args: argparse.Namespace) -> int:
    if (args.id is None) == (args.campaign is None):
        raise UserError("pass a video ID or --campaign NAME (one of them)")
    services = Services.open(args.db)
    data = video_pdf(services, args.id, args.language) if args.id is not None \
        else campaign_pdf(services, args.campaign, args.language)
    write_bytes_atomic(args.output, data)
    print(f"wrote {args.output} ({len(data) // 1024} KB)", file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if (args.id is None) == (args.campaign is None):
        raise UserError("pass a video ID or --campaign NAME (one of them)")
    data = export_bytes(Services.open(args.db), args.id, args.campaign, args.format)
    if args.output:
        write_bytes_atomic(args.output, data)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0


def cmd_feedback(args: argparse.Namespace) -> int:
    fmt = args.format or ("html" if str(args.output).lower().endswith((".html", ".htm")) else "pdf")
    data = feedback_bytes(Services.open(args.db), args.id, args.language, fmt)
    write_bytes_atomic(args.output, data)
    print(f"wrote {args.output} ({max(1, len(data) // 1024)} KB, feedback for the creator)", file=sys.stderr)
    return 0


def _language_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--language", choices=LANGUAGES, default="en",
                        help="language of the document: en (English) or ms (Bahasa Melayu)")


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("report", help="PDF approval report of a video, or a campaign summary")
    p.add_argument("id", nargs="?", type=record_id, help="video ID for its approval report")
    p.add_argument("--campaign", help="a campaign summary instead (all campaigns: --campaign '')")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="the PDF to write")
    _language_option(p)
    p.set_defaults(func=cmd_report)

    p = commands.add_parser("feedback", help="feedback for the creator: each point to change, with a frame, the "
                                             "quote, why it matters and a kinder way to say it")
    p.add_argument("id", type=int, help="video ID")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf|FILE.html", help="the document to write")
    p.add_argument("--format", choices=FEEDBACK_FORMATS, help="pdf or html (default: from the file name, else pdf)")
    _language_option(p)
    p.set_defaults(func=cmd_feedback)

    p = commands.add_parser("export", help="findings and decisions as CSV or JSON, or a transcript")
    p.add_argument("id", nargs="?", type=record_id, help="one video's findings and decisions (or its transcript)")
    p.add_argument("--campaign", help="a whole campaign's findings and decisions")
    p.add_argument("--format", choices=("csv", "json", *TRANSCRIPT_FORMATS), default="csv",
                   help="csv (default) or json; txt, srt or vtt export the video's transcript")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    p.set_defaults(func=cmd_export)
