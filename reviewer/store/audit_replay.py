"""Replay the audit log against the tables it describes, and name every row the log does not explain.

A valid chain proves the log was not changed; it says nothing about a row edited directly in `reviews`,
`comments`, `comment_events` or `dispositions`. So each of those rows must match the log entry that recorded it,
and each entry must still have its row. Rows are matched by the ID the entry names (entries from before IDs were
recorded are matched by their content). What is derived from these rows (a comment's shown text, a finding's
disposition, a video's status) is checked against them by `review.audit_check`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from sqlite_utils import Database

from reviewer.store.types import Row

Key = tuple[object, ...]


def _entries(db: Database, actions: tuple[str, ...]) -> list[Row]:
    rows = list(db.query(f"SELECT id, actor, action, video_id, details FROM audit WHERE action IN "
                         f"({','.join('?' * len(actions))}) ORDER BY id", actions))
    for row in rows:
        row["details"] = json.loads(row["details"])
    return rows


def _none(_: Row) -> Key | None:
    return None


@dataclass(frozen=True)
class RowsAgainstEntries:
    """How the rows of one table are matched with the audit entries that recorded them.

    `logged(entry)` and `stored(row)` say the same facts, from the entry and from the row, to compare them.
    An entry without `id_key` (written before entries named their row) counts by content: `legacy(entry)` and
    `legacy_row(row)` give that content, and any row with matching content is explained by it."""

    table: str
    actions: tuple[str, ...]
    id_key: str
    noun: str
    logged: Callable[[Row], Key]
    stored: Callable[[Row], Key]
    legacy: Callable[[Row], Key | None] = _none
    legacy_row: Callable[[Row], Key | None] = _none
    says: Callable[[Row, Row], str] = lambda entry, row: ""  # why a row differs from its entry, for the message
    label: Callable[[Row], str] = lambda row: ""  # ", approved by Aina": a row that has no entry


def unmatched(db: Database, check: RowsAgainstEntries) -> list[str]:
    """One line per row of `check.table` that differs from its entry or has none, and per entry whose row is
    gone."""
    by_id: dict[int, Row] = {}
    legacy: Counter[Key] = Counter()
    for item in _entries(db, check.actions):
        if check.id_key in item["details"]:
            by_id[item["details"][check.id_key]] = item
        elif (key := check.legacy(item)) is not None:
            legacy[key] += 1
    problems: list[str] = []
    for row in db.query(f"SELECT * FROM {check.table} ORDER BY id"):
        where = f"{check.table} row {row['id']} (video {row['video_id']}"
        entry = by_id.pop(row["id"]) if row["id"] in by_id else None
        if entry is not None:
            if check.logged(entry) != check.stored(row):
                problems.append(f"{where}) differs from audit entry {entry['id']}{check.says(entry, row)}")
        elif (key := check.legacy_row(row)) is not None and legacy[key]:
            legacy[key] -= 1
        else:
            problems.append(f"{where}{check.label(row)}) has no audit entry")
    problems += [f"audit entry {e['id']} records {check.noun} {row_id} on video {e['video_id']}, which is missing "
                 f"from the {check.table} table" for row_id, e in by_id.items()]
    return problems


def _decision(video_id: int, reviewer: str, decision: str, note: str, sha: str) -> Key:
    return video_id, reviewer.strip(), decision, note.strip(), sha


def _logged_decision(entry: Row) -> Key:
    d = entry["details"]
    return _decision(entry["video_id"], entry["actor"], d["decision"], d.get("note", ""), d["content_sha256"])


def _stored_decision(row: Row) -> Key:
    return _decision(row["video_id"], row["reviewer"], row["decision"], row["note"], row["content_sha256"])


REVIEWS = RowsAgainstEntries(
    "reviews", ("decision",), "review_id", "decision",
    logged=lambda e: (*_logged_decision(e), e["details"].get("organisation", "").strip()),
    stored=lambda r: (*_stored_decision(r), r["organisation"]),
    legacy=_logged_decision, legacy_row=_stored_decision,
    says=lambda e, r: (f": the log says {e['details']['decision']} by {e['actor']}, the table says {r['decision']} by "
                       f"{r['reviewer']}"),
    label=lambda r: f", {r['decision']} by {r['reviewer']}")

# The text a comment was written with; what it shows now follows from its events (review.comment_rules).
COMMENTS = RowsAgainstEntries(
    "comments", ("comment",), "comment_id", "comment",
    logged=lambda e: (e["video_id"], e["actor"], e["details"]["text"], float(e["details"]["at"])),
    stored=lambda r: (r["video_id"], r["reviewer"], r["original_text"], r["at_seconds"]))

EVENT_KINDS = {"comment-edited": "edit", "comment-resolved": "resolve", "comment-reopened": "reopen"}


def _comment_events(db: Database) -> RowsAgainstEntries:
    """Edits, resolutions and reopenings. Entries from before these were events name the comment by its row ID;
    the migration made one event of each comment's latest edit and of its resolution."""
    uids = {row["id"]: row["uid"] for row in db.query("SELECT id, uid FROM comments")}

    def new_text(entry: Row) -> str | None:
        return entry["details"].get("text") if entry["action"] == "comment-edited" else None

    def legacy(entry: Row) -> Key:
        return uids.get(entry["details"].get("comment_id")), EVENT_KINDS[entry["action"]], new_text(entry)

    return RowsAgainstEntries(
        "comment_events", tuple(EVENT_KINDS), "event_id", "comment event",
        logged=lambda e: (e["video_id"], e["actor"], e["details"].get("organisation", ""), EVENT_KINDS[e["action"]],
                          new_text(e), e["details"].get("comment_uid")),
        stored=lambda r: (r["video_id"], r["reviewer"], r["organisation"], r["kind"], r["text"], r["comment_uid"]),
        legacy=legacy, legacy_row=lambda r: (r["comment_uid"], r["kind"], r["text"]),
        says=lambda e, r: (f": the log says {e['action']} by {e['actor']}, the table says {r['kind']} by "
                           f"{r['reviewer']}"),
        label=lambda r: f", {r['kind']} by {r['reviewer']}")


def _dispositions(db: Database) -> RowsAgainstEntries:
    """Each reviewer's disposition row must match the entry that recorded it (entries from before per-reviewer
    dispositions name the finding: matched by its fingerprint, disposition and reason). What a finding shows is
    derived from these rows, and `review.audit_check` checks that derivation."""
    fingerprints = {row["id"]: (row["video_id"], row["fingerprint"])
                    for row in db.query("SELECT id, video_id, fingerprint FROM findings")}

    def legacy(entry: Row) -> Key | None:
        d = entry["details"]
        if d.get("finding_id") not in fingerprints:
            return None
        return *fingerprints[d["finding_id"]], d["disposition"], d.get("reason", "")

    return RowsAgainstEntries(
        "dispositions", ("disposition",), "disposition_id", "disposition",
        logged=lambda e: (e["actor"], e["details"]["disposition"], e["details"].get("reason", "")),
        stored=lambda r: (r["reviewer"], r["disposition"], r["reason"]),
        legacy=legacy, legacy_row=lambda r: (r["video_id"], r["fingerprint"], r["disposition"], r["reason"]),
        says=lambda e, r: (f": the log says {e['details']['disposition']} by {e['actor']}, the table says "
                           f"{r['disposition']} by {r['reviewer']}"),
        label=lambda r: f", {r['disposition']} by {r['reviewer']}")


def unexplained_rows(db: Database) -> list[str]:
    """One line per decision, comment, comment event or disposition the log does not explain (empty when all
    agree)."""
    return [problem for check in (REVIEWS, COMMENTS, _comment_events(db), _dispositions(db))
            for problem in unmatched(db, check)]
