"""`thinktwice self-test`: does this install work? Offline and headless (see reviewer.review.self_test)."""

from __future__ import annotations

import argparse
import sys

from reviewer.review.self_test import print_self_test


def cmd_self_test(args: argparse.Namespace) -> int:
    return print_self_test(lambda line: print(line, flush=True), sys.stdout.encoding)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("self-test", help="check this install offline: model, speech, checks, PDF report "
                                                   "(temporary files; exit 0 when every step passed)")
    parser.set_defaults(func=cmd_self_test)
