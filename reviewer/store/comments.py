"""Comment threads in the database: moments or ranges, replies (by the parent's global ID, so threads survive a
trip between laptops), edits and resolution. The use cases that validate and audit these live in
`reviewer.review.comments`; this module is the SQL.
"""

from __future__ import annotations

from typing import cast

from sqlite_utils import Database

from reviewer.errors import UserError
from reviewer.store.types import Comment

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


def set_text(db: Database, comment_id: int, text: str, edited_at: str) -> None:
    db.execute("UPDATE comments SET text = ?, edited_at = ? WHERE id = ?", [text, edited_at, comment_id])


def set_resolved(db: Database, comment_id: int, resolved: bool, by: str, at: str) -> None:
    db.execute("UPDATE comments SET resolved = ?, resolved_by = ?, resolved_at = ? WHERE id = ?",
               [int(resolved), by if resolved else "", at if resolved else None, comment_id])


def refresh_open_comments(db: Database, video_id: int) -> int:
    """Store how many threads of a video are still unresolved (the library shows it; a plain column keeps the
    list query an indexed read). Returns the count."""
    count = next(db.query("SELECT count(*) AS n FROM comments WHERE video_id = ? AND parent_uid IS NULL "
                          "AND resolved = 0", [video_id]))["n"]
    db.execute("UPDATE videos SET open_comments = ? WHERE id = ?", [count, video_id])
    return int(count)
