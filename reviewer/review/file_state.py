"""Approvals stay bound to the file: every read that shows a status looks at the file first.

Cheap check (every list, show and export): the file's size and mtime against what we recorded; only if they
differ is it hashed again, and a different hash turns its approvals into "changed since review". Full check
(every report, the document a lead files): the whole file is hashed again, so a report never vouches for bytes
it has not read. A file that is not there is reported as missing, never as approved.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone

from reviewer.review.workflow import refresh_content
from reviewer.store import events
from reviewer.store.connection import Store
from reviewer.store.queries import get_video

OK, MISSING, CHANGED = "ok", "missing", "changed"


def _present(path: str) -> bool:
    return bool(path) and os.path.isfile(path)


def quick_check(store: Store, video_id: int) -> str:
    """ok, missing, or changed (the content differs from what was recorded; the status was recomputed)."""
    video = get_video(store.db, video_id)
    if not _present(video["path"]):
        return MISSING
    if refresh_content(store, video_id):
        return CHANGED
    return OK if _present(get_video(store.db, video_id)["path"]) else MISSING  # unlinked: another video's file


def quick_check_all(store: Store, video_ids: list[int]) -> dict[int, str]:
    """The same check for many videos: one query, one stat per file, a hash only where something moved."""
    states = {}
    for row in events.file_rows(store.db, video_ids):
        try:
            stat = os.stat(row["path"]) if row["path"] else None
        except OSError:
            stat = None
        if stat is None or not os.path.isfile(row["path"]):
            states[row["id"]] = MISSING
        elif (stat.st_size, stat.st_mtime_ns) == (row["size"], row["mtime_ns"]):
            states[row["id"]] = OK
        elif refresh_content(store, row["id"]):
            states[row["id"]] = CHANGED
        else:  # unchanged, or the file now holds another video's content (unlinked: missing)
            states[row["id"]] = OK if _present(get_video(store.db, row["id"])["path"]) else MISSING
    return states


@dataclass(frozen=True)
class Verification:
    state: str  # ok, missing or changed
    checked_at: str

    @property
    def message(self) -> str:
        if self.state == MISSING:
            return f"the file is missing (looked on {self.checked_at}): this report cannot vouch for its content"
        if self.state == CHANGED:
            return "the file no longer matches the approved content"
        return f"verified against the file on {self.checked_at}"


def full_verify(store: Store, video_id: int) -> Verification:
    """Hash the whole file again (for a report)."""
    checked_at = datetime.now(timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")
    video = get_video(store.db, video_id)
    if not _present(video["path"]):
        return Verification(MISSING, checked_at)
    if refresh_content(store, video_id, force=True) and store.read_only:
        return Verification(CHANGED, checked_at)  # not recorded (read-only): the record's status is of the old bytes
    if not _present(get_video(store.db, video_id)["path"]):  # the file now holds another video's content
        return Verification(MISSING, checked_at)
    changed = bool(get_video(store.db, video_id)["changed_since_review"])
    return Verification(CHANGED if changed else OK, checked_at)


def shown_status(status_label: str, state: str, read_only: bool = False) -> str:
    """What a list shows: a missing file is never shown as approved, nor is a changed one that a read-only
    database could not record (its status is still the earlier content's)."""
    if state == MISSING:
        return f"File missing (recorded: {status_label})"
    if state == CHANGED and read_only:
        return f"File changed (recorded: {status_label})"
    return status_label
