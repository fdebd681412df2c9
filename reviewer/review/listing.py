"""The video list as every front end shows it: each file looked at first, and who is still awaited."""

from __future__ import annotations

from reviewer.checking.terms import TermListRef
from reviewer.review.awaiting import awaiting
from reviewer.review.file_state import CHANGED, OK, quick_check_all
from reviewer.store import queries
from reviewer.store.connection import Store
from reviewer.store.jobs import damaged
from reviewer.store.types import Row


def library_rows(store: Store, campaign: str | None = None, status: str | None = None, search: str = "",
                 active: list[TermListRef] | None = None) -> list[Row]:
    """`queries.list_videos` plus `file` (ok, missing or changed), `decided` ("2 of 3 decided, waiting for
    MIASA"), `audio_damaged` and, given the term lists in force (`active`), `stale` (checked against older lists)
    on each row. A file whose content changed is re-hashed and its status recomputed before listing."""
    rows = queries.list_videos(store, campaign, status, search)
    files = quick_check_all(store, [row["id"] for row in rows])
    if CHANGED in files.values():
        rows = queries.list_videos(store, campaign, status, search)
    waits = awaiting(store, [row["id"] for row in rows])
    stale = queries.stale_video_ids(store, active) if active is not None else set()
    result: list[Row] = []
    for row in rows:
        wait = waits.get(row["id"])
        result.append({**row, "file": files.get(row["id"], OK), "decided": wait.label if wait else "",
                       "awaited_reviewers": wait.awaited if wait else [],
                       "audio_damaged": damaged(row["damage"]),  # a partial transcript: speech partly unchecked
                       "stale": row["id"] in stale})
    return result
