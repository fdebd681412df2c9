"""Comment threads in the database: moments or ranges, replies (by the parent's global ID, so threads survive a
trip between laptops), and the events that edit, resolve and reopen them. The use cases that validate and audit
these live in `reviewer.review.comments`, the rule that derives a comment's state from its events in
`reviewer.review.comment_rules`; this module is the SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

from sqlite_utils import Database

from reviewer.errors import UserError
from reviewer.store import events
from reviewer.store.connection import insert, now
from reviewer.store.types import Comment, Row

COMMENT_COLUMNS = ("id, uid, video_id, at_seconds, end_seconds, text, reviewer, organisation, internal, parent_uid, "
                   "resolved, resolved_by, resolved_at, edited_at, created_at")


def get_comment(db: Database, comment_id: int) -> Comment:
    row = next(db.query(f"SELECT {COMMENT_COLUMNS} FROM comments WHERE id = ?", [comment_id]), None)
    if row is None:
        raise UserError(f"no comment with ID {comment_id}; see 'thinktwice comments VIDEO_ID' for IDs")
    return cast(Comment, row)


def comments_of(db: Database, video_id: int) -> list[Comment]:
    """Every comment of a video, threads in time order: each top-level comment followed by its replies."""
    rows = cast(list[Comment], list(db.query(f"SELECT {COMMENT_COLUMNS} FROM comments WHERE video_id = ? "
                                             "ORDER BY at_seconds, id", [video_id])))
    replies: dict[str, list[Comment]] = {}
    for row in rows:
        if row["parent_uid"]:
            replies.setdefault(row["parent_uid"], []).append(row)
    ordered: list[Comment] = []
    for row in rows:
        if not row["parent_uid"]:
            ordered.append(row)
            ordered += sorted(replies.pop(row["uid"], []), key=lambda reply: reply["id"])
    ordered += [reply for orphans in replies.values() for reply in orphans]  # parent not (yet) imported
    return ordered


def thread_root(db: Database, comment: Comment) -> Comment:
    """The top-level comment of the thread `comment` belongs to (itself when it is not a reply)."""
    if not comment["parent_uid"]:
        return comment
    root = next(db.query(f"SELECT {COMMENT_COLUMNS} FROM comments WHERE uid = ?", [comment["parent_uid"]]), None)
    return cast(Comment, root) if root is not None else comment


STATE_COLUMNS = ("id, uid, video_id, reviewer, organisation, original_text, text, resolved, resolved_by, resolved_at, "
                 "edited_at")
EVENT_COLUMNS = "id, uid, video_id, comment_uid, kind, text, reviewer, organisation, seq, clock, created_at"


def add_event(db: Database, video_id: int, comment_uid: str, kind: str, reviewer: str, organisation: str,
              text: str | None = None, clock: int = 0) -> int:
    """Record an edit, resolve or reopen (inside the caller's write transaction) with the reviewer's next
    sequence number."""
    return insert(db, "comment_events", {
        "video_id": video_id, "comment_uid": comment_uid, "kind": kind, "text": text, "reviewer": reviewer,
        "organisation": organisation, "seq": events.next_seq(db, reviewer, organisation), "clock": clock,
        "created_at": now()})


def thread_clock(db: Database, comment_uid: str) -> int:
    """The highest logical clock among the resolutions and reopenings of a thread known here (0: none)."""
    value = db.conn.execute("SELECT max(clock) FROM comment_events WHERE comment_uid = ? AND kind != 'edit'",
                            [comment_uid]).fetchone()[0]
    return int(value or 0)


def _chunks(values: Iterable[str]) -> Iterator[list[str]]:
    wanted = sorted(set(values))
    for start in range(0, len(wanted), 500):
        yield wanted[start:start + 500]


def comment_states(db: Database, uids: Iterable[str] | None = None) -> list[Row]:
    """The stored state of the comments with these UUIDs that are here (every comment when `uids` is None)."""
    if uids is None:
        return events.rows(db, f"SELECT {STATE_COLUMNS} FROM comments ORDER BY id")
    found: list[Row] = []
    for chunk in _chunks(uids):
        found += events.rows(db, f"SELECT {STATE_COLUMNS} FROM comments WHERE uid IN ({','.join('?' * len(chunk))})",
                             chunk)
    return found


def events_of(db: Database, comment_uids: Iterable[str] | None = None) -> dict[str, list[Row]]:
    """comment UUID -> its events (every comment's when `comment_uids` is None), whether or not the comment is
    here yet."""
    found: list[Row] = []
    if comment_uids is None:
        found = events.rows(db, f"SELECT {EVENT_COLUMNS} FROM comment_events")
    for chunk in _chunks(comment_uids or ()):
        found += events.rows(db, f"SELECT {EVENT_COLUMNS} FROM comment_events WHERE comment_uid IN "
                                 f"({','.join('?' * len(chunk))})", chunk)
    by_comment: dict[str, list[Row]] = {}
    for row in found:
        by_comment.setdefault(row["comment_uid"], []).append(row)
    return by_comment


def set_state(db: Database, comment_id: int, text: str, edited_at: str | None, resolved: bool, resolved_by: str,
              resolved_at: str | None) -> None:
    db.execute("UPDATE comments SET text = ?, edited_at = ?, resolved = ?, resolved_by = ?, resolved_at = ? "
               "WHERE id = ?", [text, edited_at, int(resolved), resolved_by, resolved_at, comment_id])


def refresh_open_comments(db: Database, video_id: int) -> int:
    """Store how many threads of a video are still unresolved (the library shows it; a plain column keeps the
    list query an indexed read). Returns the count."""
    count = next(db.query("SELECT count(*) AS n FROM comments WHERE video_id = ? AND parent_uid IS NULL "
                          "AND resolved = 0", [video_id]))["n"]
    db.execute("UPDATE videos SET open_comments = ? WHERE id = ?", [count, video_id])
    return int(count)


def events_from_legacy_state(db: Database) -> None:
    """For migration 0008, which made edits and resolutions events: each comment's creation text comes from its
    audit entry (the row held only the latest text), and its current edit and resolution each become one event,
    so what it shows stays the same. Who resolved was recorded without an organisation: it stays empty."""
    created = {row["comment_id"]: row["text"] for row in db.query(
        "SELECT json_extract(details, '$.comment_id') AS comment_id, json_extract(details, '$.text') AS text "
        "FROM audit WHERE action = 'comment' AND json_extract(details, '$.comment_id') IS NOT NULL ORDER BY id")}
    rows = list(db.query("SELECT id, uid, video_id, text, reviewer, organisation, resolved, resolved_by, "
                         "resolved_at, edited_at, created_at FROM comments ORDER BY id"))
    for row in rows:
        edited = row["edited_at"] is not None
        original = created.get(row["id"], row["text"]) if edited else row["text"]
        db.execute("UPDATE comments SET original_text = ? WHERE id = ?", [original or row["text"], row["id"]])
        made: list[tuple[str, str | None, str, str, int, str]] = []
        if edited:
            made.append(("edit", row["text"], row["reviewer"], row["organisation"], 0, row["edited_at"]))
        if row["resolved"]:
            made.append(("resolve", None, row["resolved_by"], "", 1, row["resolved_at"] or row["created_at"]))
        for kind, text, reviewer, organisation, clock, at in made:
            db.execute("INSERT INTO comment_events (video_id, comment_uid, kind, text, reviewer, organisation, seq, "
                       "clock, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [row["video_id"], row["uid"], kind, text, reviewer, organisation,
                        events.next_seq(db, reviewer, organisation), clock, at])
