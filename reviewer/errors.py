"""Errors the user can fix. The CLI prints their one-line message and exits with code 2."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a refused action; the message says what is wrong and what to do."""


class DatabaseDamaged(UserError):
    """SQLite's integrity check failed: the file itself is damaged (the message says to restore a backup)."""
