"""The review record's reads and writes that the workflow's use cases (reviewer/review/workflow.py) need.

Plain SQL over one connection, no rules: which status follows from which decisions is decided in
reviewer/review; these functions only fetch and store. Writes run inside the caller's `store.write()`.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from sqlite_utils import Database

from reviewer.store.connection import Store
from reviewer.store.events import clean
from reviewer.store.types import Row


def fingerprint(source: str, term: str, matched: str, occurrence: int) -> str:
    """A finding's identity across re-checks: where it came from, the term, the words (case and spacing folded),
    and which occurrence of those (1, 2, ...). Dispositions key on it; version compare on `version_keys`."""
    return json.dumps([source, term, " ".join(matched.casefold().split()), occurrence], ensure_ascii=False)


def version_keys(rows: Iterable[Mapping[str, Any]]) -> list[str]:
    """Each finding's identity for comparing two versions of a video: where it is (speech, caption, screen), the
    term, and which occurrence of the term it is (rows in time order). Not the words: each version's first pass
    may mishear a term its own way ('ke mohon', 'gemob', 'bodok') before re-listening confirms it, and a finding
    checked before re-listening wrote words in still stands on the first-pass words; it is the same term said
    again. (Re-checks of one version key on the stored `fingerprint`, words and all, so a reviewer's decision
    stays with the words she decided on.)"""
    seen: Counter[tuple[str, str]] = Counter()
    keys = []
    for row in rows:
        key = (str(row["source"]), str(row["term"]))
        seen[key] += 1
        keys.append(fingerprint(*key, "", seen[key]))
    return keys


def campaign_id(store: Store, name: str) -> int | None:
    found = store.query("SELECT id FROM campaigns WHERE name = ?", (clean(name),))
    return int(found[0]["id"]) if found else None


def campaign_id_any_case(store: Store, name: str) -> int | None:
    """The campaign called `name` whatever its case (an exact match first): a capital typed differently at import
    must not start a second campaign."""
    name = clean(name)
    found = store.query("SELECT id FROM campaigns WHERE name = ? COLLATE NOCASE ORDER BY name = ? DESC, id LIMIT 1",
                        (name, name))
    return int(found[0]["id"]) if found else None


def video_with_content(store: Store, campaign: int, sha256: str) -> Row | None:
    found = store.query("SELECT id, path FROM videos WHERE campaign_id = ? AND sha256 = ?", (campaign, sha256))
    return found[0] if found else None


def video_at_path(store: Store, campaign: int, path: str) -> int | None:
    """The campaign's video whose file is at `path` (the latest version, if several were)."""
    found = store.query("SELECT id FROM videos WHERE campaign_id = ? AND path = ? ORDER BY version DESC, id DESC "
                        "LIMIT 1", (campaign, path))
    return int(found[0]["id"]) if found else None


def latest_version(db: Database, piece_id: int) -> int:
    return int(next(db.query("SELECT max(version) AS v FROM videos WHERE piece_id = ?", [piece_id]))["v"])


def update_video(db: Database, video_id: int, values: Mapping[str, object]) -> None:
    db.execute(f"UPDATE videos SET {', '.join(f'{k} = ?' for k in values)} WHERE id = ?", [*values.values(), video_id])


def video_ids(db: Database, campaign: int) -> list[int]:
    return [int(row["id"]) for row in db.query("SELECT id FROM videos WHERE campaign_id = ?", [campaign])]


def set_required_reviewers(db: Database, campaign: int, names: list[str]) -> None:
    db.execute("UPDATE campaigns SET required_reviewers = ? WHERE id = ?", [json.dumps(names), campaign])


def required_reviewers(db: Database, campaign: int) -> list[str]:
    row = next(db.query("SELECT required_reviewers FROM campaigns WHERE id = ?", [campaign]))
    return list(json.loads(row["required_reviewers"]))


def next_revision(db: Database, video_id: int) -> tuple[int, str | None]:
    """The next transcript revision number, and the uid of the revision it replaces (None for the first)."""
    revision = next(db.query("SELECT coalesce(max(revision), 0) + 1 AS r FROM transcripts WHERE video_id = ?",
                             [video_id]))["r"]
    parent = next(db.query("SELECT uid FROM transcripts WHERE video_id = ? ORDER BY revision DESC LIMIT 1",
                           [video_id]), None)
    return int(revision), parent["uid"] if parent else None


def latest_transcript_row(db: Database, video_id: int) -> Row | None:
    return next(db.query("SELECT * FROM transcripts WHERE video_id = ? ORDER BY revision DESC LIMIT 1",
                         [video_id]), None)


def unread_machine_transcript(db: Database, transcript_id: int) -> bool:
    """A transcript the recogniser made and no check has read yet (a crash between the two leaves one)."""
    row = db.conn.execute("SELECT author = '' AND NOT EXISTS (SELECT 1 FROM checks WHERE transcript_id = t.id) "
                          "FROM transcripts t WHERE t.id = ?", [transcript_id]).fetchone()
    return bool(row and row[0])


def rewrite_transcript_words(db: Database, transcript_id: int, segments: list[dict[str, object]], text: str) -> None:
    """Replace a transcript's words in place (its full-text index follows by trigger)."""
    db.execute("UPDATE transcripts SET segments = ?, text = ? WHERE id = ?",
               [json.dumps(segments, ensure_ascii=False), text, transcript_id])


def has_transcript(db: Database, video_id: int) -> bool:
    return next(db.query("SELECT 1 AS x FROM transcripts WHERE video_id = ? LIMIT 1", [video_id]), None) is not None


def transcript_is_stale(db: Database, video_id: int) -> bool:
    """True when the video has a transcript, but of an earlier content of its file (a file replaced in place:
    nothing in the new content was checked)."""
    row = db.conn.execute("SELECT coalesce((SELECT t.content_sha256 FROM transcripts t WHERE t.video_id = v.id "
                          "ORDER BY t.revision DESC LIMIT 1) != v.sha256, 0) FROM videos v WHERE v.id = ?",
                          [video_id]).fetchone()
    return bool(row and row[0])


def latest_dispositions(db: Database, video_id: int) -> dict[str, Row]:
    """The latest check's findings by fingerprint, with what reviewers said about them."""
    return {row["fingerprint"]: row for row in db.query(
        "SELECT fingerprint, disposition, reason, disposition_by, disposition_at FROM findings WHERE check_id = "
        "(SELECT max(id) FROM checks WHERE video_id = ?)", [video_id])}


def finding(db: Database, finding_id: int) -> Row | None:
    return next(db.query("SELECT video_id, term, fingerprint FROM findings WHERE id = ?", [finding_id]), None)


def mark_disposed(db: Database, finding_id: int, at: str) -> None:
    db.execute("UPDATE findings SET disposition_at = ? WHERE id = ?", [at, finding_id])


def decisions(db: Database, video_id: int) -> list[Row]:
    """Every decision on a video, in each reviewer's order."""
    return list(db.query("SELECT reviewer, organisation, decision, content_sha256, seq FROM reviews "
                         "WHERE video_id = ? ORDER BY seq, uid", [video_id]))


def severity_counts(db: Database, check_id: int) -> Counter[str]:
    """Findings of a check by severity, leaving out the dismissed ones."""
    return Counter({row["severity"]: row["n"] for row in db.query(
        "SELECT severity, count(*) AS n FROM findings WHERE check_id = ? AND disposition != 'dismissed' "
        "GROUP BY severity", [check_id])})


def open_fingerprints(db: Database, check_id: int) -> list[str]:
    return [row["fingerprint"] for row in db.query(
        "SELECT fingerprint FROM findings WHERE check_id = ? AND disposition = 'open'", [check_id])]


def last_decided_at(db: Database, video_id: int, sha256: str) -> str | None:
    """When the latest decision on this content was made (None: none yet)."""
    at = next(db.query("SELECT max(created_at) AS at FROM reviews WHERE video_id = ? AND content_sha256 = ?",
                       [video_id, sha256]))["at"]
    return None if at is None else str(at)


def fingerprints_checked_by(db: Database, video_id: int, moment: str) -> set[str]:
    """The findings of the check that was in force at `moment`."""
    return {row["fingerprint"] for row in db.query(
        "SELECT fingerprint FROM findings WHERE check_id = (SELECT max(id) FROM checks WHERE video_id = ? AND "
        "created_at <= ?)", [video_id, moment])}


def work_done(store: Store, video_id: int) -> tuple[bool, bool]:
    """Whether a video has a transcript of its current content, and whether it has a check."""
    row = store.query("SELECT (SELECT count(*) FROM transcripts WHERE video_id = ?) AS t, "
                      "(SELECT count(*) FROM checks WHERE video_id = ?) AS c", (video_id, video_id))[0]
    return bool(row["t"]) and not transcript_is_stale(store.db, video_id), bool(row["c"])


def thumbnail(store: Store, video_id: int) -> bytes | None:
    rows = store.query("SELECT thumbnail FROM videos WHERE id = ?", (video_id,))
    return rows[0]["thumbnail"] if rows else None


def finding_terms(store: Store, video_id: int) -> list[str]:
    """The terms found in a video, over all its checks."""
    return [row["term"] for row in store.query("SELECT term FROM findings WHERE video_id = ?", (video_id,))]
