"""Read-only views of the review record: lists, one video in full, version comparison, search."""

from __future__ import annotations

import json
from typing import Any, cast

from sqlite_utils import Database

from reviewer.checking.terms import TermListRef
from reviewer.errors import UserError
from reviewer.store.connection import Store
from reviewer.store.jobs import transcript_gap
from reviewer.store.records import transcript_is_stale, version_keys
from reviewer.store.types import (
    STATUSES,
    CampaignRow,
    CheckRow,
    CheckSummary,
    CommentRow,
    FindingRow,
    ListRow,
    ReviewRow,
    Row,
    TermListUse,
    TranscriptHead,
    VersionRow,
    VideoDetail,
    VideoRow,
)


def get_video(db: Database, video_id: int) -> VideoRow:
    row = next(db.query("SELECT * FROM videos WHERE id = ?", [video_id]), None)
    if row is None:
        raise UserError(f"no video with ID {video_id}; see 'thinktwice list' for IDs")
    return cast(VideoRow, row)


LIST_COLUMNS = ("v.id, v.campaign_id, c.name AS campaign, v.original_name, v.creator, v.version, v.piece_id, "
                "v.status, v.changed_since_review, v.open_findings, v.findings_low, v.findings_medium, "
                "v.findings_high, v.findings_critical, v.new_findings, v.duration, v.imported_at, v.open_comments, "
                # a transcript of the file's current content; a latest transcript of an earlier content
                "coalesce((SELECT t.content_sha256 = v.sha256 FROM transcripts t WHERE t.video_id = v.id "
                "ORDER BY t.revision DESC LIMIT 1), 0) AS has_transcript, "
                "coalesce((SELECT t.content_sha256 != v.sha256 FROM transcripts t WHERE t.video_id = v.id "
                "ORDER BY t.revision DESC LIMIT 1), 0) AS stale_transcript, "
                "(SELECT t.damage || ' ' || t.duration FROM transcripts t WHERE t.video_id = v.id ORDER BY t.id DESC "
                "LIMIT 1) AS damage")


def list_videos(store: Store, campaign: str | None = None, status: str | None = None, search: str = "",
                limit: int | None = None, offset: int = 0) -> list[ListRow]:
    """Videos, newest first. `search` matches file name, creator, caption and transcript text."""
    where, params = [], []
    if campaign:
        where.append("c.name = ?")
        params.append(campaign)
    if status:
        if status not in STATUSES:
            raise UserError(f"unknown status '{status}'; use one of {', '.join(STATUSES)}")
        where.append("v.status = ?")
        params.append(status)
    if search.strip():
        where.append("(v.original_name LIKE ? OR v.creator LIKE ? OR v.caption LIKE ? OR v.id IN "
                     "(SELECT video_id FROM transcripts WHERE id IN "
                     "(SELECT rowid FROM transcripts_fts WHERE transcripts_fts MATCH ?)))")
        like = f"%{search.strip()}%"
        params += [like, like, like, _fts_query(search)]
    sql = (f"SELECT {LIST_COLUMNS} FROM videos v JOIN campaigns c ON c.id = v.campaign_id "
           + (f"WHERE {' AND '.join(where)} " if where else "") + "ORDER BY v.id DESC")
    if limit is not None:
        sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
    return cast(list[ListRow], store.query(sql, tuple(params)))


def _fts_query(text: str) -> str:
    """Quote each word so user text never becomes FTS syntax (a stray quote or AND would be an error)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


def campaigns(store: Store) -> list[CampaignRow]:
    rows = store.query("SELECT c.id, c.name, c.required_reviewers, count(v.id) AS videos FROM campaigns c "
                       "LEFT JOIN videos v ON v.campaign_id = c.id GROUP BY c.id ORDER BY c.name")
    return cast(list[CampaignRow], rows)


def latest_check(store: Store, video_id: int) -> CheckRow | None:
    rows = store.query("SELECT * FROM checks WHERE video_id = ? ORDER BY id DESC LIMIT 1", (video_id,))
    return cast(CheckRow, rows[0]) if rows else None


def stale_term_lists(check: CheckRow | Row | None, active: list[TermListRef]) -> bool:
    """True when the lists in force now differ from the ones the latest check used."""
    if check is None:
        return False
    used = {(r["name"], r["sha256"]) for r in json.loads(check["term_lists"])}
    return used != {(r.name, r.sha256) for r in active}


def stale_video_ids(store: Store, active: list[TermListRef]) -> set[int]:
    """Videos whose latest check used other term lists than the ones in force (one query, for the library)."""
    rows = store.query("SELECT c.video_id, c.term_lists FROM checks c JOIN (SELECT video_id, max(id) AS id FROM checks "
                       "GROUP BY video_id) latest ON latest.id = c.id")
    return {row["video_id"] for row in rows if stale_term_lists(row, active)}


def findings(store: Store, check_id: int) -> list[FindingRow]:
    rows = store.query('SELECT * FROM findings WHERE check_id = ? ORDER BY source DESC, coalesce(time_start, 0), '
                       'start', (check_id,))
    return cast(list[FindingRow], rows)


def show(store: Store, video_id: int, active: list[TermListRef] | None = None) -> VideoDetail:
    """Everything about one video: metadata, status and flags, transcript, findings, comments, decisions."""
    video = get_video(store.db, video_id)
    video.pop("thumbnail", None)
    check = latest_check(store, video_id)
    transcript = store.query("SELECT id, revision, engine, model, language, language_probability, author, "
                             "created_at, text FROM transcripts WHERE video_id = ? ORDER BY revision DESC LIMIT 1",
                             (video_id,))
    campaign = store.query("SELECT name, required_reviewers FROM campaigns WHERE id = ?", (video["campaign_id"],))[0]
    term_lists: list[TermListUse] = json.loads(check["term_lists"]) if check else []
    comments = store.query("SELECT * FROM comments WHERE video_id = ? ORDER BY at_seconds", (video_id,))
    reviews = store.query("SELECT * FROM reviews WHERE video_id = ? ORDER BY id", (video_id,))
    versions = store.query("SELECT id, version, original_name, status FROM videos WHERE piece_id = ? "
                           "ORDER BY version", (video["piece_id"],))
    return {
        "video": video,
        "campaign": campaign["name"],
        "required_reviewers": json.loads(campaign["required_reviewers"]),
        "status": video["status"],
        "changed_since_review": bool(video["changed_since_review"]),
        "stale_term_lists": stale_term_lists(check, active) if active is not None else False,
        "new_findings": video["new_findings"],
        "transcript": cast(TranscriptHead, transcript[0]) if transcript else None,
        "transcript_gap": transcript_gap(store, video_id),
        "stale_transcript": transcript_is_stale(store.db, video_id),
        "check": CheckSummary(id=check["id"], created_at=check["created_at"], term_lists=term_lists,
                              screen_text=check["screen_status"]) if check else None,
        "findings": findings(store, check["id"]) if check else [],
        "comments": cast(list[CommentRow], comments),
        "reviews": cast(list[ReviewRow], reviews),
        "versions": cast(list[VersionRow], versions),
    }


def compare_versions(store: Store, video_id: int) -> dict[str, Any]:
    """Version N against N-1: which findings were resolved, which are new, which are unchanged."""
    video = get_video(store.db, video_id)
    if not video["previous_id"]:
        raise UserError(f"video {video_id} is version 1; there is nothing earlier to compare with")

    unchecked = [vid for vid in (video["previous_id"], video_id) if latest_check(store, vid) is None]

    def keyed(vid: int) -> dict[str, FindingRow]:  # by term and occurrence (records.version_keys)
        check = latest_check(store, vid)
        rows = findings(store, check["id"]) if check else []
        return dict(zip(version_keys(rows), rows, strict=True))

    before, after = keyed(video["previous_id"]), keyed(video_id)

    def expand(keys: set[str], rows: dict[str, FindingRow]) -> list[dict[str, str]]:
        return sorted(({"source": rows[k]["source"], "term": rows[k]["term"], "matched": rows[k]["matched"]}
                       for k in keys), key=lambda f: (f["source"], f["term"], f["matched"]))

    # a version never checked has unknown findings, not none: callers must not read "resolved" into that
    return {"video_id": video_id, "previous_id": video["previous_id"], "unchecked": unchecked,
            "resolved": expand(before.keys() - after.keys(), before),
            "new": expand(after.keys() - before.keys(), after),
            "unchanged": expand(before.keys() & after.keys(), after)}


def stored_states(store: Store) -> list[dict[str, Any]]:
    """Each video's stored status and flags (the audit replay compares them with what the record implies)."""
    return store.query("SELECT id, status, changed_since_review FROM videos ORDER BY id")
