"""`thinktwice report` (PDF) and `thinktwice export` (CSV / JSON / transcripts). Files are written atomically."""

from __future__ import annotations

import argparse
import sys

from reviewer.cli.args import record_id
from reviewer.errors import UserError
from reviewer.fileio import write_bytes_atomic
from reviewer.review.exports import TRANSCRIPT_FORMATS, campaign_pdf, export_bytes, video_pdf
from reviewer.review.services import Services


def cmd_report(args: argparse.Namespace) -> int:
    if (args.id is None) == (args.campaign is None):
        raise UserError("pass a video ID or --campaign NAME (one of them)")
    services = Services.open(args.db)
    data = video_pdf(services, args.id) if args.id is not None else campaign_pdf(services, args.campaign)
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


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("report", help="PDF approval report of a video, or a campaign summary")
    p.add_argument("id", nargs="?", type=record_id)
    p.add_argument("--campaign")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf")
    p.set_defaults(func=cmd_report)

    p = commands.add_parser("export", help="findings and decisions as CSV or JSON, or a transcript")
    p.add_argument("id", nargs="?", type=record_id)
    p.add_argument("--campaign")
    p.add_argument("--format", choices=("csv", "json", *TRANSCRIPT_FORMATS), default="csv")
    p.add_argument("-o", "--output", metavar="FILE")
    p.set_defaults(func=cmd_export)
