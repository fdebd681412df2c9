"""Reviewer events: who did what, in that reviewer's own order.

A reviewer is a name plus an organisation. Each of her events (decision, comment, disposition, transcript
correction) carries her next sequence number, so "her latest decision" means the highest number she gave,
never the wall clock of whichever laptop recorded it. Dispositions are per reviewer and keyed by the
finding's fingerprint, so they survive re-checks and travel between copies of the database.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlite_utils import Database

from reviewer.store.connection import now
from reviewer.store.types import Params, Row


def rows(db: Database, sql: str, params: Params = ()) -> list[Row]:
    """A query without sqlite-utils' per-call parsing (these run once per video on every import)."""
    cursor = db.conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def video_basics(db: Database, video_id: int) -> Row | None:
    """The columns status rules need (not the thumbnail: `SELECT *` reads its blob on every recompute)."""
    found = rows(db, "SELECT id, sha256, campaign_id FROM videos WHERE id = ?", [video_id])
    return found[0] if found else None


ZWJ = "\u200d"


def clean(text: str) -> str:
    """One spelling of a name: composed (NFC), invisible format characters dropped (zero-width spaces and joiners
    between letters, bidi controls, a BOM: "K\u200b8" would print as "K8" yet be another campaign or reviewer),
    inner whitespace collapsed, ends trimmed. A joiner inside an emoji sequence stays: it is part of the picture."""
    text = unicodedata.normalize("NFC", text)
    kept = [c for i, c in enumerate(text) if unicodedata.category(c) != "Cf" or (
        c == ZWJ and 0 < i < len(text) - 1 and not text[i - 1].isalnum() and not text[i + 1].isalnum())]
    return " ".join("".join(kept).split())


def next_seq(db: Database, reviewer: str, organisation: str) -> int:
    """Take this reviewer's next sequence number (inside the caller's write transaction)."""
    row = next(db.query(
        "INSERT INTO reviewer_sequences (reviewer, organisation, last_seq) VALUES (?, ?, 1) "
        "ON CONFLICT (reviewer, organisation) DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq",
        [clean(reviewer), clean(organisation)]))
    return int(row["last_seq"])


def note_seq(db: Database, reviewer: str, organisation: str, seq: int) -> None:
    """An imported event: later local events of the same reviewer continue after it."""
    db.execute("INSERT INTO reviewer_sequences (reviewer, organisation, last_seq) VALUES (?, ?, ?) "
               "ON CONFLICT (reviewer, organisation) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)",
               [reviewer, organisation, seq])


@dataclass(frozen=True)
class ReviewerDisposition:
    reviewer: str
    organisation: str
    seq: int
    disposition: str
    reason: str


def add_disposition(db: Database, video_id: int, fingerprint: str, reviewer: str, organisation: str,
                    disposition: str, reason: str) -> int:
    seq = next_seq(db, reviewer, organisation)
    return int(db.table("dispositions").insert({
        "video_id": video_id, "fingerprint": fingerprint, "reviewer": clean(reviewer),
        "organisation": clean(organisation), "seq": seq, "disposition": disposition, "reason": reason,
        "created_at": now()}).last_pk or 0)


def latest_dispositions(db: Database, video_id: int) -> dict[str, list[ReviewerDisposition]]:
    """For each fingerprint, every reviewer's latest disposition (by her sequence number)."""
    latest: dict[tuple[str, str, str], ReviewerDisposition] = {}
    for row in rows(db, "SELECT fingerprint, reviewer, organisation, seq, disposition, reason FROM dispositions "
                    "WHERE video_id = ? ORDER BY seq, uid", [video_id]):
        key = (row["fingerprint"], row["reviewer"].casefold(), row["organisation"].casefold())
        latest[key] = ReviewerDisposition(row["reviewer"], row["organisation"], row["seq"], row["disposition"],
                                          row["reason"])
    by_fingerprint: dict[str, list[ReviewerDisposition]] = {}
    for (fingerprint, _, _), item in sorted(latest.items()):
        by_fingerprint.setdefault(fingerprint, []).append(item)
    return by_fingerprint


def latest_check_id(db: Database, video_id: int) -> int | None:
    value = db.conn.execute("SELECT max(id) FROM checks WHERE video_id = ?", [video_id]).fetchone()[0]
    return None if value is None else int(value)


def finding_rows(db: Database, check_id: int) -> list[Row]:
    return rows(db, "SELECT id, fingerprint, disposition, reason, disposition_by, disagreement FROM findings "
                    "WHERE check_id = ?", [check_id])


def set_finding_state(db: Database, finding_id: int, disposition: str, reason: str, by: str,
                      disagreement: bool) -> None:
    db.execute("UPDATE findings SET disposition = ?, reason = ?, disposition_by = ?, disagreement = ? WHERE id = ?",
               [disposition, reason, by, int(disagreement), finding_id])


def transcript_lineage(db: Database, video_id: int) -> list[Row]:
    return rows(db, "SELECT id, uid, parent_uid, author, organisation, seq, revision FROM transcripts "
                    "WHERE video_id = ?", [video_id])


def renumber_revisions(db: Database, video_id: int, order: list[int]) -> None:
    """Give transcripts (by row ID, in the given order) revisions 1..n; two steps keep (video, revision) unique."""
    current = {row["id"]: row["revision"] for row in transcript_lineage(db, video_id)}
    if [current[i] for i in order] == list(range(1, len(order) + 1)):
        return
    for transcript_id in order:
        db.execute("UPDATE transcripts SET revision = -revision WHERE id = ?", [transcript_id])
    for number, transcript_id in enumerate(order, start=1):
        db.execute("UPDATE transcripts SET revision = ? WHERE id = ?", [number, transcript_id])


def decision_rows(db: Database, video_ids: list[int]) -> list[Row]:
    """Decisions of the given videos, with each video's current SHA-256 and its campaign's required reviewers."""
    rows: list[Row] = []
    for start in range(0, len(video_ids), 500):
        chunk = video_ids[start:start + 500]
        rows += db.query(
            "SELECT v.id AS video_id, v.sha256 AS video_sha256, c.required_reviewers, r.reviewer, r.organisation, "
            "r.decision, r.content_sha256, r.seq FROM videos v JOIN campaigns c ON c.id = v.campaign_id "
            f"LEFT JOIN reviews r ON r.video_id = v.id WHERE v.id IN ({','.join('?' * len(chunk))}) "
            "ORDER BY v.id, r.seq, r.uid", chunk)
    return rows


def video_dispositions(db: Database, video_id: int) -> list[Row]:
    return list(db.query("SELECT fingerprint, reviewer, organisation, disposition, reason, seq FROM dispositions "
                         "WHERE video_id = ? ORDER BY seq, uid", [video_id]))


def file_rows(db: Database, video_ids: list[int]) -> list[Row]:
    """Where each video's file is and what we recorded about it (for the cheap size-and-mtime check)."""
    found: list[Row] = []
    for start in range(0, len(video_ids), 500):
        chunk = video_ids[start:start + 500]
        found += rows(db, f"SELECT id, path, size, mtime_ns FROM videos WHERE id IN ({','.join('?' * len(chunk))})",
                      chunk)
    return found
