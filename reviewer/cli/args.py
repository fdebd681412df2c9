"""Argument types and fixes shared by the command groups: record IDs in SQLite's range, free text that starts
with '-', and `--create` for a new database in a new folder."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

MAX_ID = 2**63 - 1  # SQLite's INTEGER PRIMARY KEY range
FREE_TEXT_OPTIONS = frozenset({"--note", "--org", "--text", "--reason", "--caption", "--creator", "--campaign",
                               "--reviewer", "--search", "--name"})


def record_id(text: str) -> int:
    """A video, finding or comment ID: a whole number SQLite can hold (10**23 used to be an OverflowError)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not an ID (IDs are whole numbers such as 12)") from None
    if not 1 <= value <= MAX_ID:
        shown = text if len(text) <= 24 else text[:21] + "…"
        raise argparse.ArgumentTypeError(f"ID {shown} is out of range (IDs are whole numbers from 1); see "
                                         "'thinktwice list' for IDs")
    return value


def option_strings(parser: argparse.ArgumentParser) -> set[str]:
    """Every option string of the parser and its subcommands."""
    found = set(parser._option_string_actions)
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                found |= option_strings(sub)
    return found


def join_dash_values(argv: Sequence[str], known: set[str]) -> list[str]:
    """`--note -fix the intro` is a note, not an unknown option: pass it on as `--note=-fix the intro`."""
    result: list[str] = []
    index = 0
    while index < len(argv):
        item = argv[index]
        following = argv[index + 1] if index + 1 < len(argv) else None
        if (item in FREE_TEXT_OPTIONS and following is not None and following.startswith("-")
                and following != "-" and following.split("=", 1)[0] not in known):
            result.append(f"{item}={following}")
            index += 2
            continue
        result.append(item)
        index += 1
    return result


def dash_hint(message: str) -> str:
    """argparse says 'argument --org: expected one argument' when the value starts with '-': say what to do."""
    if "expected one argument" not in message:
        return ""
    option = message.split("argument ", 1)[-1].split(":", 1)[0].split("/")[-1]
    return f"; if the value starts with '-', write it as {option}=VALUE"
