"""`thinktwice`: the command-line face of the core. Every command accepts `--db PATH`.

Exit codes: 0 success, 1 findings (check), 2 usage or input error, 130 interrupted, 141 the output's reader
stopped reading (a closed pipe).
Users never see a traceback: known problems print one line; unknown ones are logged to the log file.
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import sqlite3
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from reviewer import __version__
from reviewer.cli import bundle as cli_bundle
from reviewer.cli import check as cli_check
from reviewer.cli import comments as cli_comments
from reviewer.cli import media as cli_media
from reviewer.cli import reports as cli_reports
from reviewer.cli import review as cli_review
from reviewer.cli import screen as cli_screen
from reviewer.cli import self_test as cli_self_test
from reviewer.cli.args import dash_hint, join_dash_values, option_strings
from reviewer.errors import UserError
from reviewer.paths import default_db_path, log_path
from reviewer.review.lookups import explain_database_error
from transcribe.errors import TranscribeError

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 0, 1, 2, 130, 141
COMMAND_MODULES = (cli_media, cli_check, cli_screen, cli_review, cli_comments, cli_reports, cli_self_test, cli_bundle)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line and exit 2, like every other input error
        self.exit(EXIT_USAGE, f"{self.prog}: {message}{dash_hint(message)}; see '{self.prog} --help'\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="thinktwice", description="ThinkTwice Review: offline checks for creator videos.")
    parser.add_argument("--version", action="version", version=f"thinktwice {__version__}")
    parser.add_argument("--db", metavar="PATH", help="review database file (default: in the user data folder)")
    parser.add_argument("--create", action="store_true", help="with --db: make a new database even if its folder "
                        "does not exist yet")
    # `--db` also works after the command name; SUPPRESS keeps a value given before it.
    shared = _Parser(add_help=False)
    shared.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    shared.add_argument("--create", action="store_true", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser = functools.partial(commands.add_parser, parents=[shared])  # type: ignore[method-assign]
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def _log_unexpected(exc: BaseException) -> str:
    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("".join(traceback.format_exception(exc)))
        return str(path)
    except OSError:
        logging.getLogger(__name__).exception("unexpected error")
        return "standard error"


def _create_folder(db: str) -> None:
    try:
        Path(db).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"cannot create the folder for {db}: {exc.strerror}") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command. A reader that stops reading (`thinktwice show 1 | head -5`) ends it quietly with exit
    code 141 (128 + SIGPIPE), what a shell reports for any Unix tool stopped that way: quiet, because nothing went
    wrong that the user must act on; not 0, because the output was not all delivered, so a script with
    `set -o pipefail` is not told a truncated listing was complete."""
    try:
        code = _run(argv)
        sys.stdout.flush()  # inside the guard: buffered output meets a closed pipe here, not at interpreter exit
        return code
    except BrokenPipeError:
        _stdout_to_devnull()
        return EXIT_BROKEN_PIPE


def _stdout_to_devnull() -> None:
    """Point the standard output at /dev/null, so the interpreter's own flush at exit does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (tests capture it): nothing is left to flush
        pass


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    argv = join_dash_values(sys.argv[1:] if argv is None else list(argv), option_strings(parser))
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_request:  # --help, or a usage error already printed as one line
        return int(exit_request.code or 0)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        if args.create and args.db:
            _create_folder(args.db)
        return int(args.func(args))
    except (UserError, TranscribeError) as exc:
        print(f"thinktwice: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.Error as exc:  # a read that bypassed the store's wrapper met a damaged page, a full disk...
        print(f"thinktwice: {explain_database_error(exc, str(args.db or default_db_path()))}", file=sys.stderr)
        return EXIT_USAGE
    except OverflowError:  # a number SQLite cannot hold, from anywhere an ID type did not guard
        print("thinktwice: a number in the command is out of range (IDs are whole numbers from 1)", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("thinktwice: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        raise  # the reader went away: `main` ends quietly
    except Exception as exc:
        where = _log_unexpected(exc)
        print(f"thinktwice: unexpected error ({type(exc).__name__}: {exc}); details written to {where}",
              file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
