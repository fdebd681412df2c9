"""Opening the review database safely, and writing to it without "database is locked" reaching a user.

- WAL, a busy timeout and foreign keys on every connection.
- Migrations run in transactions, after a backup copy of the file is made (only when something is pending).
- A database written by a newer app (it has migrations we don't know) is refused, never silently changed.
- Writes use BEGIN IMMEDIATE: the write lock is taken up front, so two writers (the GUI and a CLI command)
  queue on the busy timeout instead of failing half-way with SQLITE_BUSY; we retry a few times on top.
- A database that cannot be written (permissions, read-only media) opens read-only: reads work, and writes
  say "read-only".
- SQLite errors that mean something to a user (not a database, read-only, disk full) become one-line UserErrors.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from reviewer.errors import UserError
from reviewer.paths import default_db_path
from reviewer.store.migrations import migrations
from reviewer.store.types import Params, Row

BUSY_TIMEOUT_MS = 10_000
WRITE_RETRIES = 5


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def insert(db: Database, table: str, row: Mapping[str, object]) -> int:
    """Insert one row and return its id (sqlite-utils types `last_pk` loosely)."""
    return int(db.table(table).insert(dict(row)).last_pk or 0)


def explain(exc: sqlite3.Error, path: str) -> UserError:
    """Turn an SQLite error into a message that says what to do."""
    text = str(exc).lower()
    if "file is not a database" in text or "malformed" in text:
        return UserError(f"{path} is not a ThinkTwice database (or it is damaged); pass another --db file "
                         "or restore a backup (review.db.bak-*)")
    if "readonly" in text or "read-only" in text:
        return UserError(f"the database {path} is read-only; check its permissions or copy it somewhere writable")
    if "disk is full" in text or "database or disk is full" in text or (
            "disk i/o error" in text and _nearly_full(path)):  # a -wal or -shm file that could not grow
        return UserError(f"cannot write the database {path} (the disk is full); nothing was saved: free some disk "
                         "space and try again")
    if "locked" in text or "busy" in text:
        return UserError(f"the database {path} is busy (another ThinkTwice window or command is writing); "
                         "try again in a moment")
    if "unable to open" in text:
        return UserError(f"cannot open the database {path}; check that its folder exists and is writable")
    return UserError(f"database error in {path}: {exc}")


NEARLY_FULL_BYTES = 4 * 1024 * 1024  # a write needs room for its WAL frames and the 32 KB shared-memory file


def _nearly_full(path: str) -> bool:
    """Is the file system holding the database (nearly) out of space? An I/O error there is a full disk."""
    try:
        usage = os.statvfs(Path(path).parent)
    except OSError:
        return False
    return usage.f_bavail * usage.f_frsize < NEARLY_FULL_BYTES


class Store:
    """One connection to the review database. Use from one thread (sqlite3 connections are per thread)."""

    def __init__(self, path: str | os.PathLike[str] | None = None, create: bool = False) -> None:
        """Open (and migrate) the database at `path`, by default the one in the user data folder.

        A new database is made where its folder exists. A missing folder is created only for the default
        database (the app's first run) or with `create`: a mistyped --db must not look like lost data.
        """
        self.path = Path(path) if path else default_db_path()
        self.read_only = False
        if not self.path.parent.is_dir():
            if not (create or self.path == default_db_path()):
                raise UserError(f"no database at {self.path} (the folder {self.path.parent} does not exist); check "
                                "the path, or pass --create to make a new database there")
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
        location = quote(str(self.path))  # a '?', '#' or '%' in a folder name must not become URI syntax
        uri = f"file:{location}?mode=ro" if read_only else f"file:{location}"
        if read_only and not os.access(self.path.parent, os.W_OK):
            # Read-only media: SQLite cannot make the -shm file a WAL database needs even to read, and nobody
            # can write here, so open it as immutable (no locks, no shared memory)...
            wal = self.path.with_name(self.path.name + "-wal")
            if wal.exists() and wal.stat().st_size:  # ...which would silently ignore changes still in the WAL
                raise UserError(f"the database {self.path} is on read-only media with unsaved changes in "
                                f"{wal.name}; copy its folder somewhere writable and open it there")
            uri += "&immutable=1"
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

    def integrity_problem(self) -> str:
        """SQLite's own check of every page, row and index: '' when the file is sound, else what is wrong.

        It reads the whole file (about a second per 100 MB), so `audit verify` runs it, not every open: writes
        that meet a damaged page fail on their own with the "damaged" message (`explain`)."""
        try:
            rows = [str(row[0]) for row in self.db.conn.execute("PRAGMA integrity_check(3)").fetchall()]
        except sqlite3.DatabaseError as exc:
            return str(exc)
        return "" if rows == ["ok"] else "; ".join(rows)

    def query(self, sql: str, params: Params = ()) -> list[Row]:
        try:
            return list(self.db.query(sql, params if isinstance(params, Sequence) else dict(params)))
        except sqlite3.Error as exc:
            raise explain(exc, str(self.path)) from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
