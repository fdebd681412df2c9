"""Stored on-screen text tracks: one row per reading of a video's frames, the newest in force."""

from __future__ import annotations

import json

from sqlite_utils import Database

from reviewer.store.connection import insert, now
from transcribe.text_track import TextTrack


def save_track(db: Database, video_id: int, track: TextTrack, content_sha256: str) -> int:
    """Store a text track read from the file with this SHA-256 (inside the caller's transaction)."""
    return insert(db, "screen_texts", {
        "video_id": video_id, "engine": track.engine, "options": json.dumps(track.options),
        "duration": track.duration, "width": track.width, "height": track.height,
        "lines": json.dumps([line.to_dict() for line in track.lines], ensure_ascii=False), "text": track.text,
        "frames_sampled": track.frames_sampled, "frames_read": track.frames_read,
        "content_sha256": content_sha256, "created_at": now(),
    })


def latest_track(db: Database, video_id: int, content_sha256: str | None = None) -> tuple[int, TextTrack] | None:
    """The newest track of a video (of this content, when given: a track of an older file does not count)."""
    sql = "SELECT * FROM screen_texts WHERE video_id = ?"
    params: list[object] = [video_id]
    if content_sha256 is not None:
        sql += " AND content_sha256 = ?"
        params.append(content_sha256)
    row = next(db.query(sql + " ORDER BY id DESC LIMIT 1", params), None)
    if row is None:
        return None
    track = TextTrack.from_dict({**{k: row[k] for k in ("duration", "width", "height", "engine", "frames_sampled",
                                                        "frames_read")},
                                 "options": json.loads(row["options"]), "lines": json.loads(row["lines"])})
    return row["id"], track
