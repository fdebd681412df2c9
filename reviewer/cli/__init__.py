"""`thinktwice`, the command line: one module per command group, all calling the `reviewer.review` use cases."""

from reviewer.cli.entry import build_parser, main

__all__ = ["build_parser", "main"]
