"""Replay the audit log against the tables it describes, and name every row the log does not explain.

A valid chain proves the log was not changed; it says nothing about a row edited directly in `reviews`,
`comments` or `findings`. So each decision, comment and finding disposition must match the log entry that
recorded it, and each entry must still have its row. Rows are matched by the ID the entry names (entries from
before IDs were recorded are matched by their content).
"""

from __future__ import annotations

import json
from collections import defaultdict

from sqlite_utils import Database

from reviewer.store.types import Row

DecisionKey = tuple[int, str, str, str, str]


def _entries(db: Database, action: str) -> list[Row]:
    rows = list(db.query("SELECT id, actor, video_id, details FROM audit WHERE action = ? ORDER BY id", [action]))
    for row in rows:
        row["details"] = json.loads(row["details"])
    return rows


def _decision_key(video_id: int, reviewer: str, decision: str, note: str, sha: str) -> DecisionKey:
    return video_id, reviewer.strip(), decision, note.strip(), sha


def _reviews(db: Database) -> list[str]:
    problems: list[str] = []
    by_id: dict[int, Row] = {}
    legacy: dict[DecisionKey, int] = defaultdict(int)
    for item in _entries(db, "decision"):
        d = item["details"]
        if "review_id" in d:
            by_id[d["review_id"]] = item
        else:
            legacy[_decision_key(item["video_id"], item["actor"], d["decision"], d.get("note", ""),
                                 d["content_sha256"])] += 1
    for row in db.query("SELECT * FROM reviews ORDER BY id"):
        entry = by_id.pop(row["id"]) if row["id"] in by_id else None
        key = _decision_key(row["video_id"], row["reviewer"], row["decision"], row["note"], row["content_sha256"])
        if entry is not None:
            d = entry["details"]
            logged = _decision_key(entry["video_id"], entry["actor"], d["decision"], d.get("note", ""),
                                   d["content_sha256"])
            if logged != key or d.get("organisation", "").strip() != row["organisation"]:
                problems.append(f"reviews row {row['id']} (video {row['video_id']}) differs from audit entry "
                                f"{entry['id']}: the log says {d['decision']} by {entry['actor']}, the table says "
                                f"{row['decision']} by {row['reviewer']}")
        elif legacy[key]:
            legacy[key] -= 1
        else:
            problems.append(f"reviews row {row['id']} (video {row['video_id']}, {row['decision']} by "
                            f"{row['reviewer']}) has no audit entry")
    problems += [f"audit entry {e['id']} records decision {review_id} on video {e['video_id']}, which is missing "
                 "from the reviews table" for review_id, e in by_id.items()]
    return problems


def _comments(db: Database) -> list[str]:
    problems: list[str] = []
    by_id = {e["details"]["comment_id"]: e for e in _entries(db, "comment") if "comment_id" in e["details"]}
    # An edit by the author changes the text; the latest edit entry says what the row must hold now.
    edited = {e["details"]["comment_id"]: e["details"]["text"] for e in _entries(db, "comment-edited")}
    for row in db.query("SELECT * FROM comments ORDER BY id"):
        entry = by_id.pop(row["id"]) if row["id"] in by_id else None
        if entry is None:
            problems.append(f"comments row {row['id']} (video {row['video_id']}) has no audit entry")
            continue
        d = entry["details"]
        if (entry["video_id"], entry["actor"], edited.get(row["id"], d["text"]), float(d["at"])) != (
                row["video_id"], row["reviewer"], row["text"], row["at_seconds"]):
            problems.append(f"comments row {row['id']} (video {row['video_id']}) differs from audit entry "
                            f"{entry['id']}")
    problems += [f"audit entry {e['id']} records comment {comment_id} on video {e['video_id']}, which is missing "
                 "from the comments table" for comment_id, e in by_id.items()]
    return problems


def _dispositions(db: Database) -> list[str]:
    """Each reviewer's disposition row must match the entry that recorded it (by its ID; entries from before
    per-reviewer dispositions by finding, disposition and reason). What a finding shows is derived from these
    rows, and `review.audit_check` checks that derivation."""
    fingerprints = {row["id"]: (row["video_id"], row["fingerprint"])
                    for row in db.query("SELECT id, video_id, fingerprint FROM findings")}
    by_id: dict[int, Row] = {}
    legacy: dict[tuple[object, ...], int] = defaultdict(int)
    for item in _entries(db, "disposition"):
        d = item["details"]
        if "disposition_id" in d:
            by_id[d["disposition_id"]] = item
        elif d.get("finding_id") in fingerprints:
            legacy_key = (*fingerprints[d["finding_id"]], d["disposition"], d.get("reason", ""))
            legacy[legacy_key] += 1
    problems: list[str] = []
    for row in db.query("SELECT * FROM dispositions ORDER BY id"):
        entry = by_id.pop(row["id"]) if row["id"] in by_id else None
        key = (row["video_id"], row["fingerprint"], row["disposition"], row["reason"])
        if entry is not None:
            d = entry["details"]
            if (entry["actor"], d["disposition"], d.get("reason", "")) != (row["reviewer"], row["disposition"],
                                                                            row["reason"]):
                problems.append(f"dispositions row {row['id']} (video {row['video_id']}) differs from audit entry "
                                f"{entry['id']}: the log says {d['disposition']} by {entry['actor']}, the table "
                                f"says {row['disposition']} by {row['reviewer']}")
        elif legacy[key]:
            legacy[key] -= 1
        else:
            problems.append(f"dispositions row {row['id']} (video {row['video_id']}, {row['disposition']} by "
                            f"{row['reviewer']}) has no audit entry")
    problems += [f"audit entry {e['id']} records disposition {disposition_id} on video {e['video_id']}, which is "
                 "missing from the dispositions table" for disposition_id, e in by_id.items()]
    return problems


def unexplained_rows(db: Database) -> list[str]:
    """One line per decision, comment or disposition the log does not explain (empty when all agree)."""
    return _reviews(db) + _comments(db) + _dispositions(db)
