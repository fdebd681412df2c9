"""Bundled data: default term lists, word lists, fonts, translations. Located via importlib.resources."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def asset_path(*parts: str) -> Path:
    """Filesystem path of a bundled asset (the package is always installed unzipped)."""
    return Path(str(resources.files(__name__).joinpath(*parts)))
