"""`thinktwice bundle export|import|locate` and `thinktwice campaign reviewers`: reviews across organisations."""

from __future__ import annotations

import argparse

from reviewer.errors import UserError
from reviewer.review.awaiting import required_reviewers
from reviewer.review.bundle_export import export_package, export_review
from reviewer.review.bundle_import import import_bundle, own_key, trust_bundle
from reviewer.review.media_locate import locate_media
from reviewer.review.services import Services
from reviewer.review.workflow import set_required_reviewers


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def cmd_export(args: argparse.Namespace) -> int:
    store = Services.open(args.db).store
    if args.reviewer:
        if args.with_media:
            raise UserError("--with-media is for campaign packages; a review bundle never carries media")
        result = export_review(store, args.campaign, args.reviewer, args.output, args.org)
        what = "review bundle"
    else:
        result = export_package(store, args.campaign, args.output, args.with_media)
        what = "campaign package"
    counts = ", ".join(f"{n} {k}" for k, n in result.counts.items() if n)
    print(f"wrote {what} {result.path} ({result.size / 1024:.0f} KB; {counts or 'nothing yet'}); "
          f"SHA-256 {result.sha256}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    result = import_bundle(Services.open(args.db).store, args.file, args.media_folder)
    label = "campaign package" if result.kind == "package" else f"review bundle of {result.reviewer}"
    if result.already:
        print(f"{args.file}: this {label} was imported before; nothing changed")
        return 0
    added = ", ".join(f"{n} {k}" for k, n in sorted(result.added.items())) or "nothing new"
    print(f"imported {label} for campaign '{result.campaign}': {added}")
    if result.origin:
        print(result.origin)
    if result.kind == "package":
        print(f"media: {result.media_found} found" + (f", {len(result.media_missing)} not found yet "
                                                      "(use 'thinktwice bundle locate FOLDER')"
                                                      if result.media_missing else ""))
    return 0


def cmd_key(args: argparse.Namespace) -> int:
    print(own_key())
    return 0


def cmd_trust(args: argparse.Namespace) -> int:
    print(trust_bundle(Services.open(args.db).store, args.file))
    return 0


def cmd_locate(args: argparse.Namespace) -> int:
    result = locate_media(Services.open(args.db).store, args.folder, args.campaign)
    print(f"re-linked {_plural(result.found, 'video')}" +
          (f"; still missing: {', '.join(result.missing)}" if result.missing else ""))
    return 0


def cmd_reviewers(args: argparse.Namespace) -> int:
    store = Services.open(args.db).store
    if args.require is not None:
        set_required_reviewers(store, args.name, args.require)
    required = required_reviewers(store, args.name)
    if required is None:
        raise UserError(f"no campaign named '{args.name}'; see 'thinktwice list' for campaigns")
    print(f"campaign '{' '.join(args.name.split())}' requires: " + (", ".join(required) if required else
                                                    "nobody in particular (one approval suffices)"))
    return 0


def _db_option(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """`--db` also works after the action name, like every other command."""
    parser.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("bundle", help="exchange reviews between organisations: packages and review bundles")
    actions = p.add_subparsers(dest="bundle_action", metavar="ACTION", required=True)
    e = _db_option(actions.add_parser("export", help="a campaign package, or with --reviewer her review bundle"))
    e.add_argument("--campaign", required=True)
    e.add_argument("--reviewer", help="export only what this reviewer added (a .ttreview bundle)")
    e.add_argument("--org", help="the reviewer's organisation (when her name is used in several)")
    e.add_argument("--with-media", action="store_true", help="include the video files in the package")
    e.add_argument("-o", "--output", required=True, metavar="FILE")
    e.set_defaults(func=cmd_export)
    i = _db_option(actions.add_parser("import", help="import a campaign package or a review bundle"))
    i.add_argument("file")
    i.add_argument("--media-folder", metavar="DIR", help="where the campaign's videos are (found by content)")
    i.set_defaults(func=cmd_import)
    k = actions.add_parser("key", help="this install's bundle-signing key fingerprint, to compare by phone")
    k.set_defaults(func=cmd_key)
    t = _db_option(actions.add_parser("trust", help="accept the key that signed FILE as its sender's (new laptop)"))
    t.add_argument("file", help="a bundle signed with the sender's new key")
    t.set_defaults(func=cmd_trust)
    loc = _db_option(actions.add_parser("locate", help="find videos whose files are missing, by content, in a folder"))
    loc.add_argument("folder")
    loc.add_argument("--campaign")
    loc.set_defaults(func=cmd_locate)

    p = commands.add_parser("campaign", help="campaign settings")
    settings = p.add_subparsers(dest="campaign_action", metavar="ACTION", required=True)
    r = _db_option(settings.add_parser("reviewers", help="show or set the reviewers who must decide"))
    r.add_argument("name", help="the campaign")
    r.add_argument("--require", nargs="*", metavar="'NAME (ORG)'", help="the required reviewers (replaces the list)")
    r.set_defaults(func=cmd_reviewers)
