"""`thinktwice check` and `thinktwice terms`: the guideline checker from the command line."""

from __future__ import annotations

import argparse
import json
import os
import stat
import sys
from pathlib import Path

from reviewer.cli.media import add_transcription_options, options_from_args
from reviewer.cli.progress import fraction_bar
from reviewer.cli.screen import add_screen_text_option, screen_result
from reviewer.errors import UserError
from reviewer.fileio import write_text_atomic
from reviewer.review.checking import (
    TEXT_LANGUAGES,
    Checker,
    CheckResult,
    context,
    freeze_long_lived,
    has_visible_text,
    require_enabled_terms,
)
from reviewer.review.lookups import Store
from reviewer.review.media_check import check_media
from reviewer.review.no_audio import NO_AUDIO, check_without_audio, refuse_unless_checkable
from reviewer.review.screen import OFF
from reviewer.review.term_lists import (
    active_lists,
    import_list,
    invalid_lists,
    load_lists,
    load_term_list,
    renamed,
    repair_lists,
    to_csv,
)
from transcribe.formats import read_subtitles
from transcribe.language import UNSURE as UNSURE_LANGUAGE
from transcribe.media import MEDIA_EXTENSIONS, probe
from transcribe.types import AUDIO_DAMAGED, Transcript

SEVERITY_COLOURS = {"critical": "\033[1;97;41m", "high": "\033[1;31m", "medium": "\033[33m", "low": "\033[36m"}
RESET = "\033[0m"
TEXT_EXTENSIONS = {".txt", ".srt", ".vtt", ".md", ""}
SCREEN = "screen"


MAX_TEXT_BYTES = 16 * 1024 * 1024  # about 2.5 million words: far beyond any script or subtitle file


def _too_large(name: str) -> UserError:
    return UserError(f"{name} is larger than {MAX_TEXT_BYTES // (1024 * 1024)} MB; scripts and subtitles are checked "
                     "up to that size: split the file and check the parts")


def read_text_input(source: str) -> str:
    """A script or subtitle file, or standard input ('-'): a regular file, capped in size, not empty.

    A FIFO or device would block or never end (/dev/zero), so only regular files are read; standard input is
    read up to the cap, so a pipe works and an endless one stops with a message.
    """
    if source == "-":
        data = sys.stdin.buffer.read(MAX_TEXT_BYTES + 1)
        name = "standard input"
    else:
        path = Path(source)
        name = str(path)
        try:
            info = path.stat()
        except FileNotFoundError:
            raise UserError(f"file not found: {path}; check the path") from None
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror}") from None
        if stat.S_ISDIR(info.st_mode):
            raise UserError(f"{path} is a folder; pass a .txt, .srt or .vtt file, or a media file")
        if not stat.S_ISREG(info.st_mode):
            raise UserError(f"{path} is not a regular file (a pipe, device or socket); pass a file, or - to read "
                            "standard input")
        if info.st_size > MAX_TEXT_BYTES:
            raise _too_large(name)
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_TEXT_BYTES + 1)
        except OSError as exc:
            raise UserError(f"cannot read {path}: {exc.strerror}") from None
    if len(data) > MAX_TEXT_BYTES:
        raise _too_large(name)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserError(f"{source} is not UTF-8 text; save it as UTF-8 and try again") from None
    if not has_visible_text(text):  # spaces and zero-width characters only: nothing to read, nothing checked
        raise UserError(f"{name}: the input is empty; nothing was checked")
    return text


def read_json_transcript(source: str) -> Transcript:
    """A transcript saved by `thinktwice transcribe --format json` (word times and probabilities kept)."""
    try:
        return Transcript.from_dict(json.loads(read_text_input(source)))
    except (ValueError, KeyError, TypeError) as exc:
        raise UserError(f"{source} is not a transcript saved by 'thinktwice transcribe --format json' "
                        f"({type(exc).__name__}: {exc})") from None


def lists_in_force(db: str | None, paths: list[str] | None) -> list:
    """The CSV files named for this run, else the lists in the review database (the ones the app edits)."""
    if paths:
        return load_lists(paths)
    with Store(db) as store:
        lists = active_lists(store)
        for name, problem in invalid_lists(store).items():
            print(f"warning: term list '{name}' is invalid and disabled ({problem}); "
                  "run 'thinktwice terms repair' to fix it", file=sys.stderr)
        return lists


def run_check(args: argparse.Namespace) -> CheckResult:
    return run_checks(args)[0]


def run_checks(args: argparse.Namespace) -> tuple[CheckResult, CheckResult | None, str]:
    """The input's findings; for a video also its on-screen findings and what became of its on-screen text."""
    checker = Checker(lists_in_force(args.db, args.terms))
    require_enabled_terms(checker)
    freeze_long_lived()
    source = args.input
    suffix = Path(source).suffix.lower() if source != "-" else ""
    if suffix in MEDIA_EXTENSIONS:
        info = probe(source, with_hash=False)
        if not info.has_audio:  # a silent slideshow: nothing is said, so the screen carries the message
            refuse_unless_checkable(info.name, OFF if args.no_screen_text else "", has_caption=False,
                                    fix="check it again without --no-screen-text")
            _, result = check_without_audio(checker, source, info.duration)
            return (result, *screen_result(checker, source, args))
        with fraction_bar("checking") as update:
            _, result = check_media(checker, source, options_from_args(args),
                                    on_progress=lambda p: update(p.fraction, p.stage))
        return (result, *screen_result(checker, source, args))
    return _check_text_input(checker, source, suffix, args), None, ""


def _check_text_input(checker: Checker, source: str, suffix: str, args: argparse.Namespace) -> CheckResult:
    if suffix == ".json":
        return checker.check_transcript(read_json_transcript(source), source)
    if suffix not in TEXT_EXTENSIONS:
        raise UserError(f"cannot check '{suffix}' files; pass .txt, .srt, .vtt, a JSON transcript, a media file, "
                        "or - for stdin")
    text = read_text_input(source)
    if suffix in {".srt", ".vtt"}:
        try:
            transcript, warnings = read_subtitles(text, "" if args.language == "auto" else args.language)
        except ValueError as exc:
            raise UserError(f"{source}: {exc}") from None
        for warning in warnings:
            print(f"thinktwice: warning: {source} {warning}", file=sys.stderr)
        result = checker.check_transcript(transcript, source)
        if args.language == "auto":
            from reviewer.review.checking import guess_language

            result = result.__class__(**{**result.__dict__, "language": guess_language(result.text)})
        return result
    if args.language not in TEXT_LANGUAGES:  # a typo must not pass silently: the label goes into the result
        raise UserError(f"unknown language '{args.language}' for a text check; use "
                        f"{', '.join(TEXT_LANGUAGES)}")
    return checker.check_text(text, source="<stdin>" if source == "-" else source, language=args.language)


def format_text(result: CheckResult, colour: bool) -> str:
    lines = [doubt] if (doubt := language_doubt(result)) else []
    seen = "look to confirm: read" if result.source == SCREEN else "listen to confirm: heard"
    for finding in sorted(result.findings, key=lambda f: (not f.sure, f.start)):
        line_number = result.text.count("\n", 0, finding.start) + 1
        where = f"{_clock(finding.time_start)} " if finding.time_start is not None else ""
        severity = finding.severity.upper()
        if colour:
            severity = f"{SEVERITY_COLOURS[finding.severity]}{severity}{RESET}"
        doubt = f"  ({seen} '{finding.matched}', confidence {finding.confidence:.2f})" if not finding.sure else ""
        where += f"on screen at {finding.box[0]},{finding.box[1]} " if finding.box else ""
        relistened = f"  ({finding.relistened})" if finding.relistened else ""
        lines.append(f"line {line_number}: {where}[{severity}] {finding.term} · {finding.category}{doubt}{relistened}")
        lines.append(f"    {context(result.text, finding.start, finding.end)}")
        if finding.suggestion:
            lines.append(f"    → {finding.suggestion}")
    sure = sum(f.sure for f in result.findings)
    how = "looking" if result.source == SCREEN else "listening"
    if result.note == NO_AUDIO:  # nothing was checked here, so no "no findings" that could read as clean
        lines.append(f"{result.source}: no audio track, so speech was not checked")
        return "\n".join(lines) + "\n"
    if partial(result):  # what was heard is checked; the rest was not, so no "no findings" for the whole video
        found = f"; in the rest: {result.summary()}" if result.findings else ""
        lines.append(f"{result.source}: {result.note}{found}")
        return "\n".join(lines) + "\n"
    lines.append(f"{result.source}: {result.note + '; ' if result.note else ''}{result.summary()}"
                 + (f" ({len(result.findings) - sure} to confirm by {how})" if sure < len(result.findings) else ""))
    return "\n".join(lines) + "\n"


def language_doubt(result: CheckResult) -> str:
    """A spoken language chosen without confidence: a transcript in the wrong language checks nothing, so say so
    before any "no findings"."""
    if result.source == SCREEN or not result.text or result.language_probability >= UNSURE_LANGUAGE:
        return ""
    other = "en" if result.language == "ms" else "ms"
    return (f"{result.source}: language unsure: heard as '{result.language}' "
            f"({result.language_probability:.0%} among the candidates); if the video is in another language, "
            f"check it again with --language (e.g. --language {other})")


def partial(result: CheckResult) -> bool:
    """Checked from a transcript of part of the audio (the rest could not be decoded)."""
    return result.note.startswith(AUDIO_DAMAGED)


def _clock(seconds: float) -> str:
    return f"{int(seconds // 60):02d}:{seconds % 60:05.2f}"


def cmd_check(args: argparse.Namespace) -> int:
    result, screen, screen_status = run_checks(args)
    if args.format == "json":
        payload = result.to_dict()
        if screen_status:
            payload |= {"screen_text": screen_status, "screen": screen.to_dict() if screen else None}
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
        sys.stdout.write(format_text(result, colour))
        if screen is not None:
            sys.stdout.write(format_text(screen, colour))
        elif screen_status:
            sys.stdout.write(f"on-screen text: not read ({screen_status})\n")
    if result.findings or (screen and screen.findings):
        return 1
    return 2 if partial(result) else 0  # part of the speech went unheard: not a clean result


def cmd_terms(args: argparse.Namespace) -> int:
    if args.action == "validate":
        if not args.csv:
            raise UserError("terms validate needs a CSV file: thinktwice terms validate my_terms.csv")
        term_list = load_term_list(args.csv)
        enabled = sum(term.enabled for term in term_list.terms)
        if not enabled:
            raise UserError(f"{args.csv}: all {len(term_list.terms)} terms are disabled (enabled = no): the list "
                            "would check nothing; enable at least one term")
        disabled = f" ({len(term_list.terms) - enabled} disabled)" if enabled < len(term_list.terms) else ""
        print(f"{args.csv}: OK, {len(term_list.terms)} terms{disabled}, list '{term_list.name}' version "
              f"{term_list.version}, sha256 {term_list.sha256}")
        return 0
    if args.action == "import":
        if not args.csv:
            raise UserError("terms import needs a CSV file: thinktwice terms import partner_terms.csv")
        term_list = load_term_list(args.csv)
        if args.name:
            term_list = renamed(term_list, args.name)
        with Store(args.db) as store:
            saved = import_list(store, term_list, replace=args.replace)
        where = args.db or "the review database"
        print(f"imported '{saved.name}' version {saved.version} ({len(saved.terms)} terms) into {where}")
        return 0
    if args.action == "repair":
        return _repair(args.db)
    lists = lists_in_force(args.db, [args.csv] if args.csv else None)
    if args.action == "list":
        for term_list in lists:
            print(f"{term_list.name} v{term_list.version} ({len(term_list.terms)} terms) {term_list.sha256[:12]}")
            if args.verbose:
                for term in term_list.terms:
                    print(f"  {term.severity:<8} {term.language:<3} {term.term}  [{term.category}]")
        return 0
    if args.format == "json":
        payload = [{"name": lst.name, "version": lst.version, "sha256": lst.sha256,
                    "terms": [t.to_row() for t in lst.terms]} for lst in lists]
        text = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
    else:
        text = "".join(to_csv(lst) for lst in lists) if len(lists) == 1 else _merged_csv(lists)
    if args.output:
        write_text_atomic(args.output, text)
    else:
        sys.stdout.write(text)
    return 0


def _repair(db: str | None) -> int:
    """Drop the rows that make stored lists invalid and enable them again; say what was dropped."""
    with Store(db) as store:
        active_lists(store)  # disables any invalid list first
        report = repair_lists(store)
        still_invalid = invalid_lists(store)
    if not report:
        print("all term lists are valid; nothing to repair")
    for name, problems in report.items():
        if name in still_invalid:
            print(f"{name}: cannot repair ({'; '.join(problems)}); import a corrected CSV with "
                  "'thinktwice terms import'")
        else:
            print(f"{name}: repaired and enabled again; dropped {len(problems)} row(s): {'; '.join(problems)}")
    return 2 if still_invalid else 0


def _merged_csv(lists) -> str:
    """All lists as one CSV (the list name goes into `note`'s neighbour column `list`)."""
    import csv
    import io

    from reports.tabular import neutralise
    from reviewer.review.term_lists import COLUMNS

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["list", *COLUMNS], lineterminator="\n")
    writer.writeheader()
    for term_list in lists:
        for term in term_list.terms:
            row = {"list": term_list.name, **term.to_row()}
            writer.writerow({key: neutralise(value) for key, value in row.items()})
    return out.getvalue()


def register(commands: argparse._SubParsersAction) -> None:
    check = commands.add_parser("check", help="check a script, subtitles or a video against the term lists")
    check.add_argument("input", help=".txt, .srt or .vtt file, a JSON transcript (from transcribe --format json), "
                       "- for standard input, or a media file")
    check.add_argument("--terms", action="append", metavar="CSV", help="use this list instead of the ones in "
                       "force (repeatable)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    add_transcription_options(check)
    add_screen_text_option(check)
    check.set_defaults(func=cmd_check)

    terms = commands.add_parser("terms", help="list, validate or export term lists")
    terms.add_argument("action", choices=("list", "validate", "export", "import", "repair"),
                       help="repair: drop the rows that make a stored list invalid and enable it again")
    terms.add_argument("csv", nargs="?", help="a term list CSV (default: the lists in the review database)")
    terms.add_argument("--format", choices=("csv", "json"), default="csv", help="with export: csv (default) or json")
    terms.add_argument("-o", "--output", metavar="OUT", help="with export: write here instead of standard output")
    terms.add_argument("-v", "--verbose", action="store_true", help="with list: show every term")
    terms.add_argument("--replace", action="store_true", help="with import: replace the list of the same name "
                       "(stored as a new version)")
    terms.add_argument("--name", metavar="NEW", help="with import: store the list under this name")
    terms.set_defaults(func=cmd_terms)
