"""SQL for campaign packages and review bundles: shared rows out by UUID, shared rows in by UUID.

Rows leave with their local integer IDs replaced by the UUIDs they point to (video_uid, transcript_uid...) and
come back in with the local IDs of those UUIDs. Inserting is "insert if this UUID is new": a row that already
exists is never changed, which is what makes an import idempotent and the order of imports irrelevant.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlite_utils import Database

from reviewer.store.connection import now
from reviewer.store.types import Row

VIDEO_FIELDS = ("uid", "version", "original_name", "sha256", "size", "duration", "fps", "width", "height",
                "has_audio", "creator", "caption", "imported_at")
# content_sha256 last: bundles made before transcripts were bound to their content lack it (see insert_transcript)
TRANSCRIPT_FIELDS = ("uid", "parent_uid", "engine", "model", "language", "language_probability", "duration",
                     "segments", "text", "author", "organisation", "seq", "created_at", "content_sha256")
CHECK_FIELDS = ("uid", "term_lists", "created_at")
FINDING_FIELDS = ("uid", "source", "term", "category", "severity", "language", "kind", "confidence", "start", "end",
                  "matched", "suggestion", "time_start", "time_end", "fingerprint", "box", "ocr_confidence",
                  "verification", "heard")
# What a finding from a package made before these travelled means: no box, and nothing settled by a second look
FINDING_DEFAULTS: dict[str, Any] = {"box": None, "ocr_confidence": None, "verification": "", "heard": ""}
EVENT_FIELDS = {
    "reviews": ("uid", "reviewer", "organisation", "decision", "note", "content_sha256", "seq", "created_at"),
    "comments": ("uid", "reviewer", "organisation", "at_seconds", "text", "seq", "created_at", "end_seconds",
                 "parent_uid", "internal"),
    "dispositions": ("uid", "reviewer", "organisation", "fingerprint", "disposition", "reason", "seq", "created_at"),
    "comment_events": ("uid", "comment_uid", "kind", "text", "reviewer", "organisation", "seq", "clock",
                       "created_at"),
}
# A comment travels with the text it was written with; its edits travel as comment events.
SOURCE_COLUMNS = {"comments": {"text": "original_text"}}


def _columns(alias: str, fields: Iterable[str]) -> str:
    return ", ".join(f'{alias}."{f}"' for f in fields)


def campaign(db: Database, name: str | None = None, uid: str | None = None) -> dict[str, Any] | None:
    column, value = ("uid", uid) if uid else ("name", " ".join((name or "").split()))
    return next(db.query(f"SELECT * FROM campaigns WHERE {column} = ?", [value]), None)


def videos(db: Database, campaign_id: int) -> list[dict[str, Any]]:
    return list(db.query(
        f"SELECT {_columns('v', VIDEO_FIELDS)}, p.uid AS piece_uid, b.uid AS previous_uid FROM videos v "
        "LEFT JOIN videos p ON p.id = v.piece_id LEFT JOIN videos b ON b.id = v.previous_id "
        "WHERE v.campaign_id = ? ORDER BY v.version, v.id", [campaign_id]))


def thumbnails(db: Database, campaign_id: int) -> dict[str, bytes]:
    return {row["uid"]: row["thumbnail"] for row in db.query(
        "SELECT uid, thumbnail FROM videos WHERE campaign_id = ? AND thumbnail IS NOT NULL", [campaign_id])}


def media_paths(db: Database, campaign_id: int) -> dict[str, str]:
    """SHA-256 -> the file on this computer, for videos whose file is where we last saw it."""
    return {row["sha256"]: row["path"] for row in db.query(
        "SELECT sha256, path FROM videos WHERE campaign_id = ? AND path != ''", [campaign_id])}


def transcripts(db: Database, campaign_id: int, author: tuple[str, str | None] | None = None) -> list[Row]:
    where, params = _author_filter("t.author", "t.organisation", author)
    return list(db.query(f"SELECT {_columns('t', TRANSCRIPT_FIELDS)}, t.damage, v.uid AS video_uid FROM transcripts t "
                         f"JOIN videos v ON v.id = t.video_id WHERE v.campaign_id = ? {where} ORDER BY t.id",
                         [campaign_id, *params]))


def latest_checks(db: Database, campaign_id: int) -> list[dict[str, Any]]:
    """Each video's latest check with its findings nested."""
    checks = list(db.query(
        f"SELECT c.id, {_columns('c', CHECK_FIELDS)}, v.uid AS video_uid, t.uid AS transcript_uid FROM checks c "
        "JOIN videos v ON v.id = c.video_id LEFT JOIN transcripts t ON t.id = c.transcript_id "
        "WHERE v.campaign_id = ? AND c.id = (SELECT max(id) FROM checks WHERE video_id = c.video_id) ORDER BY c.id",
        [campaign_id]))
    findings: dict[int, list[Row]] = {}
    for row in db.query(f"SELECT f.check_id, {_columns('f', FINDING_FIELDS)} FROM findings f JOIN checks c "
                        "ON c.id = f.check_id JOIN videos v ON v.id = c.video_id WHERE v.campaign_id = ? "
                        "AND c.id = (SELECT max(id) FROM checks WHERE video_id = c.video_id) ORDER BY f.id",
                        [campaign_id]):
        findings.setdefault(row.pop("check_id"), []).append(row)
    for check in checks:
        check["findings"] = findings.get(check.pop("id"), [])
    return checks


def term_lists(db: Database) -> list[dict[str, Any]]:
    return list(db.query("SELECT name, version, sha256, csv FROM term_lists WHERE enabled = 1 ORDER BY name"))


def _author_filter(name_col: str, org_col: str, author: tuple[str, str | None] | None) -> tuple[str, list[str]]:
    if author is None:
        return "", []
    name, organisation = author
    if organisation is None:
        return f"AND {name_col} = ? COLLATE NOCASE", [name]
    return f"AND {name_col} = ? COLLATE NOCASE AND {org_col} = ? COLLATE NOCASE", [name, organisation]


def events(db: Database, table: str, campaign_id: int,
           author: tuple[str, str | None] | None = None) -> list[dict[str, Any]]:
    where, params = _author_filter("e.reviewer", "e.organisation", author)
    source = SOURCE_COLUMNS.get(table, {})
    columns = ", ".join(f'e."{source.get(f, f)}" AS "{f}"' for f in EVENT_FIELDS[table])
    return list(db.query(f"SELECT {columns}, v.uid AS video_uid FROM {table} e "
                         f"JOIN videos v ON v.id = e.video_id WHERE v.campaign_id = ? {where} ORDER BY e.id",
                         [campaign_id, *params]))


def authors(db: Database, campaign_id: int, name: str) -> list[tuple[str, str]]:
    """The (name, organisation) pairs under which `name` recorded something in this campaign."""
    rows = db.query(
        "SELECT DISTINCT reviewer AS r, organisation AS o FROM reviews e JOIN videos v ON v.id = e.video_id "
        "WHERE v.campaign_id = :c AND reviewer = :n COLLATE NOCASE UNION "
        "SELECT DISTINCT reviewer, organisation FROM comments e JOIN videos v ON v.id = e.video_id "
        "WHERE v.campaign_id = :c AND reviewer = :n COLLATE NOCASE UNION "
        "SELECT DISTINCT reviewer, organisation FROM dispositions e JOIN videos v ON v.id = e.video_id "
        "WHERE v.campaign_id = :c AND reviewer = :n COLLATE NOCASE UNION "
        "SELECT DISTINCT reviewer, organisation FROM comment_events e JOIN videos v ON v.id = e.video_id "
        "WHERE v.campaign_id = :c AND reviewer = :n COLLATE NOCASE UNION "
        "SELECT DISTINCT author, organisation FROM transcripts e JOIN videos v ON v.id = e.video_id "
        "WHERE v.campaign_id = :c AND author = :n COLLATE NOCASE", {"c": campaign_id, "n": name})
    return sorted((row["r"], row["o"]) for row in rows)


# --- importing ---------------------------------------------------------------------------------------------

def known_uids(db: Database, table: str, uids: Iterable[str]) -> dict[str, int]:
    """uid -> local row ID, for those of `uids` this database already has."""
    wanted = list(set(uids))
    found: dict[str, int] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found |= {row["uid"]: row["id"] for row in db.query(
            f"SELECT uid, id FROM {table} WHERE uid IN ({','.join('?' * len(chunk))})", chunk)}
    return found


def campaign_videos_by_sha(db: Database, campaign_id: int) -> dict[str, dict[str, Any]]:
    return {row["sha256"]: row for row in db.query("SELECT id, uid, sha256, path FROM videos WHERE campaign_id = ?",
                                                   [campaign_id])}


def insert_campaign(db: Database, data: dict[str, Any]) -> int:
    return _insert(db, "campaigns", {"uid": data["uid"], "name": data["name"], "created_at": data["created_at"],
                                     "required_reviewers": json.dumps(data["required_reviewers"])})


def set_required(db: Database, campaign_id: int, names: list[str]) -> bool:
    current = next(db.query("SELECT required_reviewers FROM campaigns WHERE id = ?", [campaign_id]))
    if json.loads(current["required_reviewers"]) == names:
        return False
    db.execute("UPDATE campaigns SET required_reviewers = ? WHERE id = ?", [json.dumps(names), campaign_id])
    return True


def insert_video(db: Database, campaign_id: int, row: dict[str, Any], path: str, mtime_ns: int,
                 thumbnail: bytes | None) -> int:
    fields = {k: row[k] for k in VIDEO_FIELDS}
    return _insert(db, "videos", fields | {"campaign_id": campaign_id, "path": path, "mtime_ns": mtime_ns,
                                           "thumbnail": thumbnail})


def link_versions(db: Database, video_id: int, piece_id: int | None, previous_id: int | None) -> None:
    db.execute("UPDATE videos SET piece_id = ?, previous_id = ? WHERE id = ?",
               [piece_id if piece_id is not None else video_id, previous_id, video_id])


def insert_transcript(db: Database, video_id: int, row: dict[str, Any]) -> int:
    """Added with a temporary revision number; the caller settles the revision order afterwards. A transcript
    from a bundle made before transcripts carried their content is bound to the video's content here (a trigger)."""
    revision = next(db.query("SELECT coalesce(max(abs(revision)), 0) + 1 AS r FROM transcripts WHERE video_id = ?",
                             [video_id]))["r"]
    fields = {k: row[k] for k in TRANSCRIPT_FIELDS if k in row} | {"damage": row.get("damage") or "[]"}  # older: none
    return _insert(db, "transcripts", fields | {"video_id": video_id, "revision": revision})


def insert_check(db: Database, video_id: int, transcript_id: int | None, row: dict[str, Any]) -> int:
    check_id = _insert(db, "checks", {k: row[k] for k in CHECK_FIELDS} | {"video_id": video_id,
                                                                          "transcript_id": transcript_id})
    # a finding belongs to exactly one check, so a new check's findings are new too
    columns = ", ".join(f'"{k}"' for k in (*FINDING_FIELDS, "check_id", "video_id"))
    db.conn.executemany(f"INSERT INTO findings ({columns}) VALUES ({', '.join('?' * (len(FINDING_FIELDS) + 2))})",
                        [[f[k] if k in f else FINDING_DEFAULTS[k] for k in FINDING_FIELDS] + [check_id, video_id]
                         for f in row["findings"]])
    return check_id


def _insert(db: Database, table: str, values: dict[str, Any]) -> int:
    """A plain INSERT (sqlite-utils' insert checks the table on every call: too slow for thousands of rows)."""
    columns = ", ".join(f'"{k}"' for k in values)
    cursor = db.conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({', '.join('?' * len(values))})",
                             list(values.values()))
    return int(cursor.lastrowid or 0)


# Fields a bundle from an earlier app may not carry, and what they mean when absent.
OPTIONAL_FIELDS: dict[str, Any] = {"end_seconds": None, "parent_uid": None, "internal": 0}


def insert_event(db: Database, table: str, video_id: int, row: dict[str, Any]) -> int:
    """A comment's `text` fills both its columns: the text it was written with, and (until its events are
    applied) the text it shows."""
    values = {k: row[k] if k in row or k not in OPTIONAL_FIELDS else OPTIONAL_FIELDS[k] for k in EVENT_FIELDS[table]}
    values |= {column: values[field] for field, column in SOURCE_COLUMNS.get(table, {}).items()}
    return _insert(db, table, values | {"video_id": video_id})


def upsert_term_list(db: Database, row: dict[str, Any]) -> bool:
    """Install the package's version of a list (when it differs from ours). Returns True when it changed."""
    current = next(db.query("SELECT sha256 FROM term_lists WHERE name = ?", [row["name"]]), None)
    if current is not None and current["sha256"] == row["sha256"]:
        return False
    db.table("term_lists").upsert({"name": row["name"], "version": row["version"], "sha256": row["sha256"],
                             "csv": row["csv"], "enabled": 1, "updated_at": now()}, pk="name")
    return True


def record_import(db: Database, sha256: str, kind: str, campaign_uid: str, reviewer: str, organisation: str,
                  added: int) -> None:
    _insert(db, "bundle_imports", {"sha256": sha256, "kind": kind, "campaign_uid": campaign_uid, "reviewer": reviewer,
                                   "organisation": organisation, "added": added, "imported_at": now()})


def imported_before(db: Database, sha256: str) -> dict[str, Any] | None:
    return next(db.query("SELECT * FROM bundle_imports WHERE sha256 = ?", [sha256]), None)


def imports(db: Database) -> dict[str, dict[str, Any]]:
    return {row["sha256"]: row for row in db.query("SELECT * FROM bundle_imports")}


def missing_media(db: Database, campaign_id: int | None = None) -> list[dict[str, Any]]:
    """Videos with no file path yet (imported from a package without media) or none that exists is checked
    by the caller; this lists candidates with their expected size and hash."""
    where, params = ("WHERE campaign_id = ?", [campaign_id]) if campaign_id is not None else ("", [])
    return list(db.query(f"SELECT id, path, sha256, size, original_name FROM videos {where} ORDER BY id", params))


def set_path(db: Database, video_id: int, path: str, mtime_ns: int) -> None:
    db.execute("UPDATE videos SET path = ?, mtime_ns = ? WHERE id = ?", [path, mtime_ns, video_id])


def pinned_key(db: Database, kind: str, name: str, organisation: str) -> str | None:
    """The public key pinned for a bundle sender (names compared without case), or None on first contact."""
    row = next(db.query("SELECT public_key FROM bundle_signers WHERE kind = ? AND name = ? COLLATE NOCASE "
                        "AND organisation = ? COLLATE NOCASE", [kind, name, organisation]), None)
    return str(row["public_key"]) if row else None


def pin_key(db: Database, kind: str, name: str, organisation: str, public_key: str, bundle_sha256: str, at: str,
            replace: bool = False) -> None:
    if replace:
        db.execute("DELETE FROM bundle_signers WHERE kind = ? AND name = ? COLLATE NOCASE "
                   "AND organisation = ? COLLATE NOCASE", [kind, name, organisation])
    db.execute("INSERT INTO bundle_signers (kind, name, organisation, public_key, first_bundle, pinned_at) "
               "VALUES (?, ?, ?, ?, ?, ?)", [kind, name, organisation, public_key, bundle_sha256, at])


def audit_origins(db: Database) -> list[dict[str, Any]]:
    """Audit entries per bundle they came from (imported rows name the bundle's SHA-256)."""
    return list(db.query(
        "SELECT a.bundle, count(*) AS entries, b.kind, b.reviewer, b.organisation, b.imported_at FROM "
        "(SELECT json_extract(details, '$.bundle') AS bundle FROM audit WHERE action != 'bundle-import') a "
        "LEFT JOIN bundle_imports b ON b.sha256 = a.bundle WHERE a.bundle IS NOT NULL GROUP BY a.bundle "
        "ORDER BY b.imported_at"))


SNAPSHOT = {
    "campaigns": "SELECT uid, name, required_reviewers FROM campaigns",
    "videos": "SELECT v.uid, c.uid AS campaign, v.sha256, v.version, p.uid AS piece, b.uid AS previous, v.status, "
              "v.changed_since_review, v.open_findings, v.findings_low, v.findings_medium, v.findings_high, "
              "v.findings_critical, v.open_comments FROM videos v JOIN campaigns c ON c.id = v.campaign_id "
              "LEFT JOIN videos p ON p.id = v.piece_id LEFT JOIN videos b ON b.id = v.previous_id",
    "transcripts": "SELECT t.uid, v.uid AS video, t.revision, t.parent_uid, t.text, t.author, t.organisation, t.seq "
                   "FROM transcripts t JOIN videos v ON v.id = t.video_id",
    "checks": "SELECT c.uid, v.uid AS video, t.uid AS transcript FROM checks c JOIN videos v ON v.id = c.video_id "
              "LEFT JOIN transcripts t ON t.id = c.transcript_id",
    "findings": "SELECT f.uid, c.uid AS chk, f.fingerprint, f.disposition, f.reason, f.disposition_by, f.disagreement "
                "FROM findings f JOIN checks c ON c.id = f.check_id",
    "reviews": "SELECT e.*, v.uid AS video FROM reviews e JOIN videos v ON v.id = e.video_id",
    "comments": "SELECT e.*, v.uid AS video FROM comments e JOIN videos v ON v.id = e.video_id",
    "dispositions": "SELECT e.*, v.uid AS video FROM dispositions e JOIN videos v ON v.id = e.video_id",
    "comment_events": "SELECT e.*, v.uid AS video FROM comment_events e JOIN videos v ON v.id = e.video_id",
    "reviewer_sequences": "SELECT * FROM reviewer_sequences",
    "term_lists": "SELECT name, version, sha256 FROM term_lists",
}


def snapshot(db: Database) -> dict[str, list[tuple[tuple[str, Any], ...]]]:
    """The shared content of a database, by UUID: what must be equal whatever order bundles arrived in.
    Local row IDs and local-only facts (file paths, the audit log, when bundles were imported) are left out."""
    result = {}
    for table, sql in SNAPSHOT.items():
        rows = [{k: v for k, v in row.items() if k not in ("id", "video_id")} for row in db.query(sql)]
        result[table] = sorted((tuple(sorted(row.items())) for row in rows), key=repr)
    return result
