"""Comments from the command line: at a moment or over a range, replies, edits by the author, resolve/reopen."""

from __future__ import annotations

import argparse
import json

from reviewer.cli.args import record_id
from reviewer.review.comments import add_comment, edit_comment, reply, resolve, threads
from reviewer.review.lookups import Store
from reviewer.review.services import Services
from reviewer.review.vocabulary import clock


def _store(args: argparse.Namespace) -> Store:
    return Services.open(args.db).store


def cmd_comment(args: argparse.Namespace) -> int:
    comment_id = add_comment(_store(args), args.id, args.at, args.text, args.reviewer, args.org or "",
                             end_seconds=args.to, internal=args.internal)
    span = f"{args.at:g}–{args.to:g} s" if args.to is not None else f"{args.at:g} s"
    print(f"comment {comment_id} added at {span}" + (" (internal: not sent to the creator)" if args.internal else ""))
    return 0


def cmd_reply(args: argparse.Namespace) -> int:
    reply_id = reply(_store(args), args.comment_id, args.text, args.reviewer, args.org or "")
    print(f"reply {reply_id} added to the thread of comment {args.comment_id}")
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    edit_comment(_store(args), args.comment_id, args.text, args.reviewer)
    print(f"comment {args.comment_id} edited (the earlier text stays in the audit log)")
    return 0


def cmd_resolve(args: argparse.Namespace) -> int:
    resolve(_store(args), args.comment_id, args.reviewer, resolved=not args.reopen, organisation=args.org or "")
    print(f"comment {args.comment_id}: {'reopened' if args.reopen else 'resolved'}")
    return 0


def cmd_comments(args: argparse.Namespace) -> int:
    rows = threads(_store(args), args.id)
    if args.format == "json":
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print(f"video {args.id} has no comments")
    for row in rows:
        when = clock(row["at_seconds"]) + (f"–{clock(row['end_seconds'])}" if row["end_seconds"] is not None else "")
        flags = [flag for flag, on in (("resolved", row["resolved"]), ("internal", row["internal"]),
                                       ("edited", row["edited_at"])) if on]
        lead = "    ↳ reply" if row["parent_uid"] else f"  {when}"
        print(f"{lead} #{row['id']} {row['reviewer']}: {row['text']}" + (f"  [{', '.join(flags)}]" if flags else ""))
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("comment", help="comment at a moment of a video, or over a range with --to")
    p.add_argument("id", type=record_id, help="video ID")
    p.add_argument("--at", type=float, required=True, metavar="SECONDS", help="where the comment starts")
    p.add_argument("--to", type=float, metavar="SECONDS", help="where a range comment ends")
    p.add_argument("--text", required=True, help="the comment")
    p.add_argument("--reviewer", required=True, help="who is commenting")
    p.add_argument("--org", help="the reviewer's organisation")
    p.add_argument("--internal", action="store_true", help="for reviewers only: never sent to the creator")
    p.set_defaults(func=cmd_comment)

    p = commands.add_parser("comments", help="list a video's comment threads")
    p.add_argument("id", type=record_id, help="video ID")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text or json")
    p.set_defaults(func=cmd_comments)

    p = commands.add_parser("reply", help="reply to a comment (joins its thread)")
    p.add_argument("comment_id", type=record_id, help="the comment answered")
    p.add_argument("--text", required=True, help="the reply")
    p.add_argument("--reviewer", required=True, help="who is replying")
    p.add_argument("--org", help="the reviewer's organisation")
    p.set_defaults(func=cmd_reply)

    p = commands.add_parser("comment-edit", help="change the text of your own comment")
    p.add_argument("comment_id", type=record_id, help="the comment to edit")
    p.add_argument("--text", required=True, help="the new text")
    p.add_argument("--reviewer", required=True, help="the comment's author")
    p.set_defaults(func=cmd_edit)

    p = commands.add_parser("resolve", help="mark a comment thread resolved (or --reopen it)")
    p.add_argument("comment_id", type=record_id, help="a comment of the thread")
    p.add_argument("--reviewer", required=True, help="who resolves it")
    p.add_argument("--org", help="the reviewer's organisation")
    p.add_argument("--reopen", action="store_true", help="reopen a resolved thread")
    p.set_defaults(func=cmd_resolve)
