"""Every command and option of `thinktwice` has help text and appears in the README (sqlite-utils' test_docs.py).

A new command or option fails here until it is documented, so the README never falls behind the CLI.
"""

from __future__ import annotations

import argparse
import re

import pytest

from reviewer.cli.entry import build_parser
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, tuple[argparse.ArgumentParser, str | None]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            return {name: (sub, helps.get(name)) for name, sub in action.choices.items()}
    return {}


PARSER = build_parser()
COMMANDS = _subcommands(PARSER)
OPTIONS = [(name, action) for name, parser in [("", PARSER), *((n, sub) for n, (sub, _) in COMMANDS.items())]
           for action in parser._actions
           if not isinstance(action, argparse._HelpAction | argparse._SubParsersAction)
           and action.help != argparse.SUPPRESS]


def test_there_are_commands_to_check() -> None:
    assert {"check", "import", "review", "report", "export"} <= set(COMMANDS)


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_command_has_help_and_is_in_the_readme(command: str) -> None:
    assert COMMANDS[command][1], f"'thinktwice {command}' has no help text"
    assert f"thinktwice {command}" in README, f"the README never shows 'thinktwice {command}'"


@pytest.mark.parametrize(("command", "action"), OPTIONS,
                         ids=[f"{name}:{action.option_strings[-1] if action.option_strings else action.dest}"
                              for name, action in OPTIONS])
def test_option_has_help_and_is_in_the_readme(command: str, action: argparse.Action) -> None:
    name = action.option_strings[-1] if action.option_strings else action.dest
    assert action.help, f"'thinktwice {command}': {name} has no help text"
    if action.option_strings:  # positional arguments are documented by the command's examples
        spelled = [re.escape(option) for option in action.option_strings]
        assert re.search(rf"(?<![\w-])({'|'.join(spelled)})(?![\w-])", README), \
            f"the README never mentions {name} (of 'thinktwice {command}')"
