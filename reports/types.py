"""The plain data a report is rendered from. The core fills these in; `reports` never reads the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# The domain's colours, written once here at the bottom layer: the core re-exports them
# (reviewer.review.vocabulary) for the app, and the reports use them directly.
STATUS_COLOURS: dict[str, str] = {"pending": "#9e9e9e", "in_review": "#1976d2", "approved": "#2e7d32",
                                  "approved_with_changes": "#689f38", "changes_required": "#ef6c00",
                                  "rejected": "#c62828"}
# Ordered by lightness (low lightest, critical darkest) so the order survives colour blindness and greyscale
# printing; tests/test_severity_colours.py checks it under simulated deuteranopia, protanopia and tritanopia.
SEVERITY_HEX: dict[str, str] = {"critical": "#3d0a24", "high": "#961616", "medium": "#bd4a00", "low": "#b8860b"}


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
    kinds: dict[str, str] = field(default_factory=dict)  # how a term was matched: exact, morphological, …

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

    def kind(self, key: str) -> str:
        return self._look_up(self.kinds, key, False)

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
    source: str = "transcript"  # transcript | caption | screen
    look: bool = False  # on-screen text read with low confidence: a reviewer should look at the frame
    heard: str = ""  # what the first pass heard (or read) where a second listen (or look) confirmed the term
    thumbnail: bytes | None = None  # screen findings: PNG of the frame around the text, its box outlined


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
    unchecked: bool = False  # one of the two versions was never checked: its findings are unknown, not none


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
    no_audio: bool = False  # the video has no audio track: speech was not checked, the screen and caption were
    partial_audio: bool = False  # part of the audio was undecodable: the transcript (and check) covers the rest only
    screen_text: str = ""  # what became of the on-screen text: 'read …' or why it was not read
    file_state: str = ""  # ok, missing or changed: the file was hashed again when this report was made
    file_check: str = ""  # "verified against the file on <time>", or what is wrong with it
    decided_label: str = ""  # "2 of 3 decided, waiting for MIASA"
    awaited: list[str] = field(default_factory=list)  # required reviewers without a current decision
    conflicts: list[str] = field(default_factory=list)  # reviewers' disagreements, competing corrections


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


def count_axis(top: int, most_ticks: int = 6) -> tuple[int, int]:
    """(axis maximum, tick step) for counts: whole-number steps of 1, 2 or 5 × 10^n, and a maximum on a tick,
    so every label sits on a gridline (never 0, 3, 6, 9, 13)."""
    top, scale = max(1, top), 1
    while True:
        for step in (scale, 2 * scale, 5 * scale):
            if -(-top // step) <= most_ticks:
                return -(-top // step) * step, step
        scale *= 10


def clock(seconds: float | None) -> str:
    """mm:ss (or h:mm:ss past an hour); an em dash where there is no time (captions, typed scripts).

    The one copy: the core re-exports it (reviewer.review.vocabulary), the app and the reports use it."""
    if seconds is None:
        return "—"
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"
