"""Opening the review database safely, and writing to it without "database is locked" reaching a user.

- WAL, a busy timeout and foreign keys on every connection.
- Migrations run in transactions, after a backup copy of the file is made (only when something is pending).
- A database written by a newer app (it has migrations we don't know) is refused, never silently changed.
- Writes use BEGIN IMMEDIATE: the write lock is taken up front, so two writers (the GUI and a CLI command)
  queue on the busy timeout instead of failing half-way with SQLITE_BUSY; we retry a few times on top.
- SQLite errors that mean something to a user (not a database, read-only, disk full) become one-line UserErrors.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from pathlib import Path

from sqlite_utils import Database

from reviewer.errors import UserError
from reviewer.paths import default_db_path
from reviewer.store.migrations import migrations

BUSY_TIMEOUT_MS = 10_000
WRITE_RETRIES = 5


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def explain(exc: sqlite3.Error, path: str) -> UserError:
    """Turn an SQLite error into a message that says what to do."""
    text = str(exc).lower()
    if "file is not a database" in text or "malformed" in text:
        return UserError(f"{path} is not a ThinkTwice database (or it is damaged); pass another --db file "
                         "or restore a backup (review.db.bak-*)")
    if "readonly" in text or "read-only" in text:
        return UserError(f"the database {path} is read-only; check its permissions or copy it somewhere writable")
    if "disk is full" in text or "database or disk is full" in text:
        return UserError(f"the disk holding {path} is full; nothing was saved: free some space and try again")
    if "locked" in text or "busy" in text:
        return UserError(f"the database {path} is busy (another ThinkTwice window or command is writing); "
                         "try again in a moment")
    if "unable to open" in text:
        return UserError(f"cannot open the database {path}; check that its folder exists and is writable")
    return UserError(f"database error in {path}: {exc}")


class Store:
    """One connection to the review database. Use from one thread (sqlite3 connections are per thread)."""

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path else default_db_path()
        self.read_only = False
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(f"cannot create the folder for the database {self.path}: {exc.strerror}; "
                            "pass --db with a writable location") from None
        try:
            self.db = self._connect()
            self._migrate()
            if not self.read_only:
                from reviewer.store.jobs import recover  # jobs builds on this module

                recover(self, own_jobs_are_stale=False)  # a job stranded by kill -9 never waits for `batch`
        except sqlite3.Error as exc:
            if self.read_only:  # e.g. a WAL database whose -shm file cannot be created here
                raise UserError(f"the database {self.path} is read-only; check its permissions or copy it "
                                "somewhere writable") from None
            raise explain(exc, str(self.path)) from None

    def _connect(self) -> Database:
        read_only = self.path.exists() and not os.access(self.path, os.W_OK)
        uri = f"file:{self.path}?mode=ro" if read_only else f"file:{self.path}"
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        db = Database(conn)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # fails now if it is not a database
        if not read_only:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        self.read_only = read_only
        return db

    def _migrate(self) -> None:
        known = {m.name for m in migrations._migrations}
        applied = {m.name for m in migrations.applied(self.db)}
        unknown = sorted(applied - known)
        if unknown:
            raise UserError(f"{self.path} was written by a newer version of ThinkTwice Review (schema {unknown[-1]}); "
                            "update the app to open it — nothing was changed")
        pending = migrations.pending(self.db)
        if not pending:
            return
        if self.read_only:
            raise UserError(f"the database {self.path} is read-only and needs an upgrade; make it writable first")
        if self.db.table_names():
            self.backup()
        migrations.apply(self.db)

    def backup(self) -> Path:
        """Copy the whole database (consistently, via SQLite's backup API) next to it."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.bak-{stamp}")
        with contextlib.closing(sqlite3.connect(target)) as copy:
            self.db.conn.backup(copy)
        return target

    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """A short write transaction taken with BEGIN IMMEDIATE; all or nothing."""
        conn = self.db.conn
        if conn.in_transaction:  # nested: part of the caller's transaction
            with self.db.atomic():
                yield self.db
            return
        for attempt in range(WRITE_RETRIES):
            try:
                conn.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or attempt == WRITE_RETRIES - 1:
                    raise explain(exc, str(self.path)) from None
                time.sleep(0.05 * (attempt + 1))
        try:
            yield self.db
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise explain(exc, str(self.path)) from None
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise

    def query(self, sql: str, params: tuple | dict = ()) -> list[dict]:
        try:
            return list(self.db.query(sql, params))
        except sqlite3.Error as exc:
            raise explain(exc, str(self.path)) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()
