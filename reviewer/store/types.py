"""The store's value types: the words a column may hold (as `Literal`s), and what a row is.

The tuples are derived from the `Literal`s, so each word is written once. The 0001 migration's CHECK
constraints were generated from these tuples: adding a word here needs a migration too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypedDict, get_args

if TYPE_CHECKING:  # annotations only: the store's import should not load the matcher
    from reviewer.checking.matches import FindingKind
    from reviewer.checking.terms import Severity

Row = dict[str, Any]  # one row from sqlite-utils; typed rows that cross a layer are TypedDicts below
Params = Sequence[object] | Mapping[str, object]

Status = Literal["pending", "in_review", "approved", "approved_with_changes", "changes_required", "rejected"]
Decision = Literal["approved", "approved_with_changes", "changes_required", "rejected"]
Disposition = Literal["open", "confirmed", "dismissed"]
JobState = Literal["queued", "running", "done", "failed", "cancelled"]
Source = Literal["transcript", "caption", "screen"]  # where a finding's words came from (screen: burned-in text)

class Job(TypedDict):
    """A transcription job, as the store hands it to the use case that runs it (reviewer/review/batch.py)."""

    id: int
    video_id: int
    kind: str
    state: JobState
    error: str
    attempts: int
    pid: int | None
    created_at: str
    started_at: str | None
    finished_at: str | None


# Rows as they cross from the store to the use cases. At run time they stay the plain dicts sqlite-utils
# returns (the store casts once where it hands them out); these only tell the type checker which keys exist.
# A `SELECT *` row may carry columns added by later migrations: those readers do not use are left out.
# `uid` is never NULL once a row is stored: an after-insert trigger sets it (migrations._uid_column).


class VideoStanding(TypedDict):
    """A video's stored status, flag and finding counts (what `workflow.recompute` writes)."""

    status: Status
    changed_since_review: int
    findings_low: int
    findings_medium: int
    findings_high: int
    findings_critical: int


class _VideoLine(VideoStanding):
    """The columns of a video that lists show."""

    id: int
    campaign_id: int
    piece_id: int  # NULL only between the import's insert and its update, in one transaction
    version: int
    original_name: str
    creator: str
    duration: float
    imported_at: str
    open_findings: int
    new_findings: int
    open_comments: int


class _VideoColumns(_VideoLine):
    previous_id: int | None
    path: str
    sha256: str
    size: int
    mtime_ns: int
    fps: float
    width: int
    height: int
    has_audio: int
    caption: str
    uid: str


class VideoRow(_VideoColumns, total=False):
    """`SELECT * FROM videos`; `show` drops the thumbnail (a JPEG nobody prints), hence not required."""

    thumbnail: bytes | None


class FindingRow(TypedDict):
    """`SELECT * FROM findings`: one term found in a transcript or caption, with its disposition."""

    id: int
    check_id: int
    video_id: int
    source: Source
    term: str
    category: str
    severity: Severity
    language: str
    kind: FindingKind
    confidence: float
    start: int
    end: int
    matched: str
    suggestion: str
    time_start: float | None
    time_end: float | None
    fingerprint: str
    disposition: Disposition
    reason: str
    disposition_by: str
    disposition_at: str | None
    disagreement: int
    uid: str
    box: str | None  # on-screen findings: JSON [x, y, width, height] in video pixels
    ocr_confidence: float | None
    verification: str  # "look": read with low OCR confidence; "confirmed": settled by re-listening or reading again
    heard: str  # transcript findings confirmed by re-listening: what the first pass heard ("bodok"), else ""


class Comment(TypedDict):
    """A time-coded note, as the comment threads read it (store/comments.py); a reply when parent_uid is set."""

    id: int
    uid: str
    video_id: int
    at_seconds: float
    end_seconds: float | None
    text: str
    reviewer: str
    organisation: str
    internal: int
    parent_uid: str | None
    resolved: int
    resolved_by: str
    resolved_at: str | None
    edited_at: str | None
    created_at: str


class CommentRow(Comment):
    """`SELECT * FROM comments`: a `Comment` and its place in the record."""

    seq: int | None


class ReviewRow(TypedDict):
    """`SELECT * FROM reviews`: one reviewer's decision on one content hash."""

    id: int
    video_id: int
    reviewer: str
    organisation: str
    decision: Decision
    note: str
    content_sha256: str
    created_at: str
    seq: int | None
    uid: str


class CheckRow(TypedDict):
    """`SELECT * FROM checks`; term_lists is the JSON text of the lists used."""

    id: int
    video_id: int
    transcript_id: int | None
    term_lists: str
    created_at: str
    uid: str
    screen_text_id: int | None
    screen_status: str  # what became of the on-screen text: read | off | no video | not read | failed: …


class TermListUse(TypedDict):
    """One term list a check used (`TermListRef.to_dict`, stored as JSON)."""

    name: str
    version: str
    sha256: str


class CheckSummary(TypedDict):
    id: int
    created_at: str
    term_lists: list[TermListUse]
    screen_text: str  # the check's on-screen text status (CheckRow.screen_status)


class TranscriptHead(TypedDict):
    """The latest transcript revision, without its segments."""

    id: int
    revision: int
    engine: str
    model: str
    language: str
    language_probability: float
    author: str
    created_at: str
    text: str


class VersionRow(TypedDict):
    id: int
    version: int
    original_name: str
    status: Status


class ListRow(_VideoLine):
    """One line of the video list (`queries.list_videos`): the library, `thinktwice list`."""

    campaign: str
    has_transcript: int  # a transcript of the file's current content
    stale_transcript: int  # the latest transcript is of an earlier content of the file
    damage: str | None  # the latest transcript's undecodable audio, as `jobs.damaged` reads it


class CampaignVideo(VideoStanding):
    """A video as the campaign dashboard lists it (`figures.campaign_videos`); reviewers is comma-joined."""

    id: int
    original_name: str
    creator: str
    version: int
    reviewers: str | None


class ReviewerLoad(TypedDict):
    """One reviewer's decisions in a campaign (`figures.workload`)."""

    reviewer: str
    organisation: str
    decisions: int
    videos: int
    approved: int
    other: int


class CampaignRow(TypedDict):
    """`queries.campaigns`: required_reviewers is the stored JSON list."""

    id: int
    name: str
    required_reviewers: str
    videos: int


class VideoDetail(TypedDict):
    """Everything `show` knows about one video (the CLI, the review page, reports and feedback read it)."""

    video: VideoRow
    campaign: str
    required_reviewers: list[str]
    status: Status
    changed_since_review: bool
    stale_term_lists: bool
    new_findings: int
    transcript: TranscriptHead | None
    transcript_gap: str
    stale_transcript: bool  # the transcript is of an earlier content of the file (replaced in place)
    check: CheckSummary | None
    findings: list[FindingRow]
    comments: list[CommentRow]
    reviews: list[ReviewRow]
    versions: list[VersionRow]


STATUSES: tuple[Status, ...] = get_args(Status)
DECISIONS: tuple[Decision, ...] = get_args(Decision)
DISPOSITIONS: tuple[Disposition, ...] = get_args(Disposition)
JOB_STATES: tuple[JobState, ...] = get_args(JobState)
SOURCES: tuple[Source, ...] = get_args(Source)
