"""The plain data a report is rendered from. The core fills these in; `reports` never reads the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class FontSet:
    """TrueType files, in order of preference: a character is set in the first font that has a glyph for it."""

    regular: tuple[Path, ...]
    bold: tuple[Path, ...] = ()


@dataclass(frozen=True)
class Vocabulary:
    """The domain's words in the report's language, filled in by the core (reports never import it).

    A key missing from a mapping prints as itself, made readable ("changes_required" → "Changes required").
    """

    language: str = "en"
    statuses: dict[str, str] = field(default_factory=dict)
    severities: dict[str, str] = field(default_factory=dict)
    dispositions: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)

    @staticmethod
    def _look_up(table: dict[str, str], key: str, capitalise: bool) -> str:
        if key in table:
            return table[key]
        text = key.replace("_", " ")
        return text[:1].upper() + text[1:] if capitalise else text

    def status(self, key: str) -> str:
        return self._look_up(self.statuses, key, True)

    def severity(self, key: str) -> str:
        return self._look_up(self.severities, key, False)

    def disposition(self, key: str) -> str:
        return self._look_up(self.dispositions, key, False)

    def category(self, key: str) -> str:
        return self.categories.get(key, key)


@dataclass(frozen=True)
class DecisionRow:
    reviewer: str
    organisation: str
    decision: str
    date: str
    note: str = ""


@dataclass(frozen=True)
class FindingRow:
    time_start: float | None
    term: str
    category: str
    severity: str
    context: str
    kind: str
    disposition: str
    reason: str
    suggestion: str
    source: str = "transcript"


@dataclass(frozen=True)
class CommentRow:
    at_seconds: float
    reviewer: str
    text: str
    end_seconds: float | None = None
    reply: bool = False
    resolved: bool = False
    internal: bool = False


@dataclass(frozen=True)
class Highlight:
    start: int
    end: int
    severity: str


@dataclass(frozen=True)
class ChangeRow:
    term: str
    matched: str
    change: str  # "resolved", "new" or "unchanged"


@dataclass(frozen=True)
class ChangesSincePrevious:
    """Version N against N-1, for the short "Changes since vN-1" section of the approval report."""

    previous_version: int
    rows: list[ChangeRow]


@dataclass(frozen=True)
class VideoReportData:
    campaign: str
    creator: str
    file_name: str
    version: int
    sha256: str
    duration: float
    resolution: str
    status: str
    changed_since_review: bool
    stale_term_lists: bool
    decisions: list[DecisionRow]
    findings: list[FindingRow]
    comments: list[CommentRow]
    transcript: str
    highlights: list[Highlight]
    term_lists: list[tuple[str, str, str]]  # name, version, sha256
    model: str
    language: str
    generated_at: str
    keyframes: list[bytes] = field(default_factory=list)
    caption: str = ""
    self_harm: bool = False
    vocab: Vocabulary = field(default_factory=Vocabulary)
    changes_since_previous: ChangesSincePrevious | None = None
    new_findings: int = 0  # open findings that appeared after the latest decision
    audit_head: str = ""  # 'audit-head COUNT:HASH' of the review log when this report was issued
    transcript_gap: str = ""  # why there is no transcript (so nothing said was checked); '' when there is one


@dataclass(frozen=True)
class VideoSummaryRow:
    file_name: str
    creator: str
    version: int
    status: str
    highest_severity: str
    findings: int
    reviewers: str
    changed_since_review: bool = False


@dataclass(frozen=True)
class WorkloadRow:
    reviewer: str
    organisation: str
    videos: int
    decisions: int


@dataclass(frozen=True)
class CampaignReportData:
    campaign: str
    generated_at: str
    status_counts: dict[str, int]
    by_category: dict[str, int]
    by_severity: dict[str, int]
    videos: list[VideoSummaryRow]
    workload: list[WorkloadRow]
    vocab: Vocabulary = field(default_factory=Vocabulary)
    audit_head: str = ""


@dataclass(frozen=True)
class FeedbackItem:
    """One moment the creator should look at: a finding still open or confirmed, or a reviewer's comment."""

    seconds: float | None
    end_seconds: float | None
    kind: str  # "finding" or "comment"
    quote: str  # what was said or shown (a finding) or what the reviewer wrote (a comment)
    why: str
    kinder: str
    thumbnail: bytes | None = None
    severity: str = ""
    author: str = ""
    source: str = "transcript"


@dataclass(frozen=True)
class FeedbackData:
    """The creator feedback package: plain words, no hashes, no audit data."""

    language: str
    file_name: str
    creator: str
    campaign: str
    version: int
    decision_sentence: str
    items: list[FeedbackItem]
    self_harm: bool
    date: str
    reviewer_note: str = ""
