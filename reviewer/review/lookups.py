"""Reads the front ends need, at the review layer: the UI and the CLI reach the store only through here.

Most are the store's queries under their own names; a few small lookups are shaped here.
"""

from __future__ import annotations

from reviewer.store import records
from reviewer.store.audit import ChainHead
from reviewer.store.connection import Store
from reviewer.store.connection import explain as explain_database_error
from reviewer.store.figures import video_ids
from reviewer.store.queries import campaigns, compare_versions, get_video, list_videos, show, stale_video_ids
from reviewer.store.types import (  # the row types the app and the command line read
    DECISIONS,
    STATUSES,
    CampaignRow,
    Comment,
    CommentRow,
    FindingRow,
    ListRow,
    ReviewRow,
    Status,
    VideoDetail,
    VideoRow,
)

__all__ = ["DECISIONS", "STATUSES", "CampaignRow", "ChainHead", "Comment", "CommentRow", "FindingRow", "ListRow",
           "ReviewRow", "Store", "VideoDetail", "VideoRow", "campaign_video_ids", "campaigns", "compare_versions",
           "explain_database_error",
           "first_heard", "list_videos", "show", "stale_video_ids", "thumbnail", "video_name", "video_status"]


def first_heard(finding: FindingRow) -> str:
    """What the first pass heard (or read) where a second, targeted listen or look confirmed the term: "bodok" for
    a confirmed "bodoh". Empty when nothing was settled that way, or when the first pass already had the term.

    Re-listening writes the confirmed words into the transcript and keeps the first-pass words in `heard`; a
    second look at on-screen text leaves the words as read, so there they are the finding's `matched`."""
    if finding.get("verification") != "confirmed":  # rows from older checks may lack the column
        return ""
    first = finding.get("heard") or (finding["matched"] if finding.get("source") == "screen" else "")
    return first if first.lower() != finding["term"].lower() else ""


def video_status(store: Store, video_id: int) -> Status:
    return get_video(store.db, video_id)["status"]


def video_name(store: Store, video_id: int) -> str:
    return get_video(store.db, video_id)["original_name"]


def campaign_video_ids(store: Store, campaign: str) -> list[int]:
    return video_ids(store, campaign)


def thumbnail(store: Store, video_id: int) -> bytes | None:
    return records.thumbnail(store, video_id)
