"""The review workflow from the command line: import, batch, list, show, finding, comment, review, audit."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from reviewer.cli.args import record_id
from reviewer.cli.media import add_transcription_options, options_from_args
from reviewer.cli.progress import count_bar, fraction_bar
from reviewer.cli.screen import add_screen_text_option
from reviewer.errors import DatabaseDamaged, UserError
from reviewer.review import lookups
from reviewer.review.audit_check import check_audit
from reviewer.review.awaiting import bundle_origins, review_details
from reviewer.review.batch import media_files, run_batch, transcribe_and_check
from reviewer.review.decision_checks import APPROVALS, serious_open, terms_of
from reviewer.review.file_state import CHANGED, MISSING, quick_check, shown_status
from reviewer.review.listing import library_rows
from reviewer.review.lookups import ChainHead, campaign_video_ids, first_heard, video_status
from reviewer.review.report_sentences import GAP_SENTENCES
from reviewer.review.services import Services
from reviewer.review.status import STATUS_LABELS
from reviewer.review.vocabulary import clock
from reviewer.review.workflow import add_review, import_media, set_disposition
from transcribe.errors import TranscribeError
from transcribe.language import UNSURE as UNSURE_LANGUAGE


def _services(args: argparse.Namespace) -> Services:
    options = options_from_args(args) if hasattr(args, "language") else None
    return Services.open(args.db, **({"options": options} if options else {}),
                         screen_text=not getattr(args, "no_screen_text", False))


def _dump(payload) -> None:
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2, default=str) + "\n")


def cmd_import(args: argparse.Namespace) -> int:
    services = _services(args)
    paths: list[Path] = []
    for item in args.media:
        paths += media_files(item) if Path(item).is_dir() else [Path(item)]
    failures = 0
    for path in paths:
        try:
            result = import_media(services.store, path, args.campaign, args.creator, args.caption, args.version_of)
        except (UserError, TranscribeError) as exc:
            print(f"thinktwice: {exc}", file=sys.stderr)
            failures += 1
            continue
        what = "already imported as" if result.duplicate else "imported as"
        extra = " (re-linked to its new location)" if result.relinked else ""
        if result.changed:
            extra = (f" (its content changed since: transcribe it again with 'thinktwice recheck {result.video_id} "
                     "--transcribe')")
        print(f"{path.name}: {what} video {result.video_id}{extra}")
    return 2 if failures else 0


def cmd_batch(args: argparse.Namespace) -> int:
    services = _services(args)
    total = len(media_files(args.folder))
    with count_bar("batch", total) as bar, fraction_bar("current file") as update:
        def on_file(name: str, what: str) -> None:
            bar.write(f"{name}: {what}")
            if what.startswith(("done", "skipped", "failed")):
                bar.update(1)

        report = run_batch(services, args.folder, args.campaign, on_file=on_file, on_progress=update)
    print(f"{report.imported} imported, {report.duplicates} already known, {report.transcribed} transcribed, "
          f"{report.checked} checked, {len(report.failed)} failed"
          + (f", {report.damaged} with damaged audio (speech partly not checked)" if report.damaged else "")
          + (f", {report.busy_elsewhere} left to another process transcribing them" if report.busy_elsewhere
             else ""))
    for name, message in report.failed:
        print(f"  {name}: {message}", file=sys.stderr)
    return 2 if report.failed or report.damaged else 0  # as `check`: part of some speech was not checked


def cmd_list(args: argparse.Namespace) -> int:
    services = _services(args)
    store = services.store
    rows = library_rows(store, args.campaign, args.status, args.search or "", list(services.term_list_refs()))
    if args.format == "json":
        _dump(rows)
        return 0
    shown = {row["id"]: shown_status(STATUS_LABELS[row["status"]], row["file"], store.read_only) for row in rows}
    width = max([22, *map(len, shown.values())])  # "File missing (recorded: Approved with changes)" stays aligned
    for row in rows:
        flags = (" [changed since review]" if row["changed_since_review"] else "") + (
            f" [{GAP_SENTENCES['stale_content']}]" if row["stale_transcript"] else
            "" if row["has_transcript"] else " [no transcript]")
        flags += " [audio damaged: speech partly not checked]" if row["audio_damaged"] else ""
        flags += " [checked against an older term list: re-check it]" if row["stale"] else ""
        flags += f" ({row['decided']})" if row["decided"] else ""
        found = (("C", row["findings_critical"]), ("H", row["findings_high"]), ("M", row["findings_medium"]),
                 ("L", row["findings_low"]))
        counts = " ".join(f"{n}{letter}" for letter, n in found if n)
        print(f"{row['id']:>6}  {shown[row['id']]:<{width}} {row['campaign']:<18.18} "
              f"v{row['version']} {row['original_name']:<30.30} {counts}{flags}")
    if not rows:
        print("no videos match", file=sys.stderr)
    return 0


def cmd_show(args: argparse.Namespace) -> int:
    services = _services(args)
    file_state = quick_check(services.store, args.id)
    detail = lookups.show(services.store, args.id, list(services.term_list_refs()))
    extra = {"file": file_state} | review_details(services.store, args.id)
    if args.format == "json":
        _dump({**detail, **extra})
        return 0
    video = detail["video"]
    print(f"video {video['id']}: {video['original_name']} (v{video['version']}, campaign {detail['campaign']})")
    print(f"  creator {video['creator'] or '-'}, {video['duration']:.1f} s, sha256 {video['sha256']}")
    if file_state == MISSING:
        print(f"  FILE MISSING: {video['path'] or 'never located'}; locate it (thinktwice bundle locate FOLDER)")
    if file_state == CHANGED and services.store.read_only:
        print("  FILE CHANGED since it was recorded (this database is read-only, so the record could not note it): "
              "what follows is of the earlier content")
    print(f"  status: {shown_status(STATUS_LABELS[detail['status']], file_state, services.store.read_only)}"
          + (" — CHANGED SINCE REVIEW: needs a new decision" if detail["changed_since_review"] else "")
          + (" — checked against an older term list: re-check it" if detail["stale_term_lists"] else "")
          + (f" — {extra['decided_label']}" if extra["decided_label"] else ""))
    if detail["transcript_gap"]:
        print(f"  {_banner(detail['transcript_gap'])}")
    heard = detail["transcript"]
    if heard and heard["text"] and heard["language_probability"] < UNSURE_LANGUAGE:  # a wrong language checks nothing
        print(f"  LANGUAGE UNSURE: heard as '{heard['language']}' ({heard['language_probability']:.0%} among the "
              f"candidates); if that is wrong, transcribe it again with --language: thinktwice recheck {video['id']} "
              "--transcribe --language CODE")
    if detail["check"] and detail["check"]["screen_text"] not in ("", "read"):
        print(f"  on-screen text: not read ({detail['check']['screen_text']})")
    for group in extra["competing_corrections"]:
        print("  COMPETING TRANSCRIPT CORRECTIONS: " + "; ".join(
            f"revision {r['revision']} by {r['author']}" + (f" ({r['organisation']})" if r["organisation"] else "")
            for r in group) + " corrected the same revision; the last is shown — reconcile them")
    for finding in detail["findings"]:
        at = _where(finding)
        first = first_heard(finding)
        if finding["source"] == "screen":
            confirmed = f", read as '{first}', confirmed on a second look" if first else ", confirmed on a second look"
        else:
            confirmed = f", heard as '{first}', confirmed on re-listening" if first else ", confirmed on re-listening"
        checked = {"look": ", look to confirm", "confirmed": confirmed}.get(finding["verification"] or "", "")
        print(f"  finding {finding['id']}: {at}[{finding['severity']}] {finding['term']} ({finding['kind']}{checked}) "
              f"'{finding['matched']}' — {_disposition_text(finding, extra['dispositions'])}")
    for comment in detail["comments"]:
        span = f"{comment['at_seconds']:.1f}" + (f"–{comment['end_seconds']:.1f}" if comment["end_seconds"] is not None
                                                 else "")
        marks = (("reply", comment["parent_uid"]), ("resolved", comment["resolved"]),
                 ("internal: not sent to the creator", comment["internal"]))
        flags = "".join(f", {flag}" for flag, on in marks if on)
        print(f"  comment at {span}s by {comment['reviewer']}: {comment['text']}  (#{comment['id']}{flags})")
    for review in detail["reviews"]:
        print(f"  decision by {review['reviewer']} ({review['organisation'] or '-'}): {review['decision']}"
              + (f" — {review['note']}" if review["note"] else ""))
    return 0


def _banner(gap: str) -> str:
    """A transcript gap as `show`'s banner: its label in capitals, the rest as written ("AUDIO DAMAGED from 1.5 s
    to 5.5 s (58% of the audio): …", "NO TRANSCRIPT: transcription failed (…)"), so units, file names and error
    text keep their case."""
    label = "audio damaged" if gap.startswith("audio damaged") else gap.partition(":")[0]
    return label.upper() + gap[len(label):]


def _where(finding: Mapping[str, Any]) -> str:
    """Where a finding is: its time in the speech, "caption", or "on screen at 0:03"."""
    if finding["source"] == "caption":
        return "caption "
    if finding["source"] == "screen":
        return "on screen " + (f"at {clock(finding['time_start'])} " if finding["time_start"] is not None else "")
    return f"{finding['time_start']:7.2f}s " if finding["time_start"] is not None else ""


def _disposition_text(finding: Mapping[str, Any], opinions: dict[str, list[dict]]) -> str:
    held = opinions.get(finding["fingerprint"], [])
    if finding["disagreement"]:
        return "DISAGREEMENT, open until resolved: " + "; ".join(
            f"{o['disposition']} by {o['reviewer']}" + (f" ({o['organisation']})" if o["organisation"] else "")
            + (f": {o['reason']}" if o["reason"] else "") for o in held)
    text = finding["disposition"] + (f": {finding['reason']}" if finding["reason"] else "")
    return text + (f" [by {finding['disposition_by']}]" if finding["disposition_by"] else "")


def cmd_finding(args: argparse.Namespace) -> int:
    disposition = "confirmed" if args.confirm else "dismissed"
    set_disposition(_services(args).store, args.id, disposition, args.reason or "", args.reviewer or "",
                    args.org or "")
    print(f"finding {args.id}: {disposition}")
    return 0


def cmd_review(args: argparse.Namespace) -> int:
    services = _services(args)
    decision = args.decision.strip().lower().replace(" ", "_").replace("-", "_")
    serious = serious_open(lookups.show(services.store, args.id)["findings"])
    if decision in APPROVALS and serious and not args.despite_open_findings:
        raise UserError(f"video {args.id} has {len(serious)} high or critical finding(s) still open "
                        f"({terms_of(serious)}); confirm or dismiss them with 'thinktwice finding', or approve anyway "
                        "with --despite-open-findings")
    if quick_check(services.store, args.id) == MISSING:
        print(f"thinktwice: warning: the file of video {args.id} is missing; the decision is bound to the content "
              "recorded at import, which cannot be opened now (use 'thinktwice bundle locate FOLDER')",
              file=sys.stderr)
    add_review(services.store, args.id, args.reviewer, args.decision, args.org or "", args.note or "")
    status = video_status(services.store, args.id)
    print(f"video {args.id}: decision recorded; status now {STATUS_LABELS[status]}")
    return 0


def cmd_recheck(args: argparse.Namespace) -> int:
    """Check again against the term lists in force now; dispositions of findings that still apply are kept."""
    if (not args.ids) == (args.campaign is None):
        raise UserError("pass video IDs or --campaign NAME (one of them)")
    services = _services(args)
    ids = campaign_video_ids(services.store, args.campaign) if args.campaign else args.ids
    checked, busy, refused = 0, [], []
    with count_bar("re-checking", len(ids)) as bar:
        for video_id in ids:
            try:
                outcome = transcribe_and_check(services, video_id, transcribe_changed=args.transcribe)
            except UserError as exc:  # e.g. a file changed since it was transcribed: never checked on old words
                refused.append(str(exc))
                bar.update(1)
                continue
            bar.update(1)
            checked += outcome.checked
            if outcome.busy_elsewhere:
                busy.append(video_id)
    print(f"re-checked {checked} video{'s' if checked != 1 else ''} against "
          f"{len(services.term_list_refs())} term lists")
    for message in refused:
        print(f"thinktwice: {message}", file=sys.stderr)
    for video_id in busy:
        print(f"thinktwice: video {video_id} was not checked: another process is transcribing it; run recheck "
              "again when it has finished", file=sys.stderr)
    return 2 if busy or refused else 0


def _heads(args: argparse.Namespace) -> tuple[ChainHead, ...]:
    """Heads given as COUNT:HASH, or read from issued reports and exports (PDF, CSV, JSON, VTT)."""
    heads = [ChainHead.parse(text) for text in args.head or []]
    for name in args.against or []:
        try:
            data = Path(name).read_bytes()
        except OSError as exc:
            raise UserError(f"cannot read {name}: {exc.strerror}") from None
        try:
            heads.append(ChainHead.parse(data.decode("latin-1")))
        except UserError:
            raise UserError(f"{name} carries no audit head (it was issued before heads were printed, or it is "
                            "not a ThinkTwice report or export)") from None
    return tuple(heads)


def cmd_audit(args: argparse.Namespace) -> int:
    try:
        outcome = check_audit(_services(args).store, _heads(args))
    except DatabaseDamaged as exc:  # the record fails verification, like a broken chain: exit 1
        print(f"thinktwice: {exc}", file=sys.stderr)
        return 1
    chain = outcome.chain
    if chain.broken_at is not None:
        print(f"thinktwice: audit log broken at entry {chain.broken_at}: {chain.reason}", file=sys.stderr)
        return 1
    problems = [f"the log no longer holds {label} from an issued document: entries were deleted or rewritten"
                for label in chain.missing_heads]
    problems += [f"{count} entries are signed by another install's key ({key_id}); copy that install's audit key "
                 "to check them" if key_id != "unsigned" else f"{count} entries carry no signature"
                 for key_id, count in chain.foreign.items()]
    problems += outcome.unexplained
    if not problems:
        print(f"audit log intact: {chain.entries} entries, every link and signature verified, every decision, "
              f"comment and disposition explained; head {outcome.head.entries}:{outcome.head.hash}")
        _print_origins(_services(args))
        return 0
    for line in problems:
        print(f"thinktwice: audit: {line}", file=sys.stderr)
    return 1


def _print_origins(services: Services) -> None:
    """Where imported entries came from: the SHA-256 of each bundle, its kind and its reviewer."""
    for origin in bundle_origins(services.store):
        who = origin["reviewer"] + (f" ({origin['organisation']})" if origin["organisation"] else "")
        kind = "campaign package" if origin["kind"] == "package" else f"review bundle of {who}"
        print(f"  {origin['entries']} entries came from {kind} {origin['bundle']}")


def cmd_compare(args: argparse.Namespace) -> int:
    result = lookups.compare_versions(_services(args).store, args.id)
    if result["unchecked"]:
        which = " and ".join(f"video {vid}" for vid in result["unchecked"])
        raise UserError(f"{which} has not been checked yet (no transcript or check), so its findings are unknown; "
                        f"nothing to compare — check it first with 'thinktwice recheck {result['unchecked'][0]}'")
    if args.format == "json":
        _dump(result)
        return 0
    for key in ("resolved", "new", "unchanged"):
        print(f"{key}: " + (", ".join(f"{f['term']} ('{f['matched']}')" for f in result[key]) or "none"))
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    p = commands.add_parser("import", help="import videos (files or folders) into a campaign")
    p.add_argument("media", nargs="+", help="media files, or folders to import every media file in")
    p.add_argument("--campaign", required=True, help="the campaign to import into (created if new)")
    p.add_argument("--creator", default="", help="the creator's handle, e.g. @aina")
    p.add_argument("--caption", default="", help="caption and hashtags the creator plans to post (checked too)")
    p.add_argument("--version-of", type=record_id, metavar="ID", help="this is a new cut of video ID")
    p.set_defaults(func=cmd_import)

    p = commands.add_parser("batch", help="import, transcribe and check a whole folder (resumable)")
    p.add_argument("folder", help="the folder that holds the videos (searched recursively)")
    p.add_argument("--campaign", required=True, help="the campaign to import into (created if new)")
    add_transcription_options(p)
    add_screen_text_option(p)
    p.set_defaults(func=cmd_batch)

    p = commands.add_parser("list", help="list videos with their status")
    p.add_argument("--campaign", help="only this campaign's videos")
    p.add_argument("--status", help="only videos with this status, e.g. in_review")
    p.add_argument("--search", help="search names, creators, captions and transcripts")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    p.set_defaults(func=cmd_list)

    p = commands.add_parser("show", help="show a video's status, findings, comments and decisions")
    p.add_argument("id", type=record_id, help="video ID (see 'thinktwice list')")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    p.set_defaults(func=cmd_show)

    p = commands.add_parser("finding", help="confirm or dismiss a finding")
    p.add_argument("id", type=record_id, help="finding ID (see 'thinktwice show VIDEO_ID')")
    choice = p.add_mutually_exclusive_group(required=True)
    choice.add_argument("--confirm", action="store_true", help="the finding is a real problem")
    choice.add_argument("--dismiss", action="store_true", help="the finding is a false positive (give --reason)")
    p.add_argument("--reason", help="why (required when dismissing)")
    p.add_argument("--reviewer", default="", help="who is deciding (required)")
    p.add_argument("--org", help="the reviewer's organisation")
    p.set_defaults(func=cmd_finding)

    p = commands.add_parser("review", help="record a decision on a video")
    p.add_argument("id", type=record_id, help="video ID")
    p.add_argument("--decision", required=True, help="approved, approved_with_changes, changes_required or rejected")
    p.add_argument("--reviewer", required=True, help="who is deciding")
    p.add_argument("--org", help="the reviewer's organisation")
    p.add_argument("--note", help="a note for the creator")
    p.add_argument("--despite-open-findings", action="store_true",
                   help="approve although high or critical findings are still open (the app asks the same)")
    p.set_defaults(func=cmd_review)

    p = commands.add_parser("recheck", help="check videos again against the term lists in force now")
    p.add_argument("ids", nargs="*", type=record_id, metavar="ID", help="video IDs (or use --campaign)")
    p.add_argument("--campaign", help="every video of this campaign")
    p.add_argument("--transcribe", action="store_true", help="transcribe again the videos whose file changed since "
                   "they were transcribed (without it they are refused, never checked on their old words)")
    add_transcription_options(p)
    p.set_defaults(func=cmd_recheck)

    p = commands.add_parser("audit", help="verify the tamper-evident audit log")
    p.add_argument("action", choices=("verify",), help="verify: check the chain and replay it against the tables")
    p.add_argument("--head", action="append", metavar="COUNT:HASH", help="a head printed on an issued document: "
                   "the log must still hold it (repeatable)")
    p.add_argument("--against", action="append", metavar="FILE", help="read the head from an issued PDF report "
                   "or export (repeatable)")
    p.set_defaults(func=cmd_audit)

    p = commands.add_parser("compare", help="compare a video version with the one before it")
    p.add_argument("id", type=record_id, help="ID of the newer version")
    p.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    p.set_defaults(func=cmd_compare)
