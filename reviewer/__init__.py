"""The review core: term lists, the checker, the review store and workflow, and the CLI. Qt-free."""

__version__ = "0.1.0"  # the one place the version lives; pyproject.toml reads it
