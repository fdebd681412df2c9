"""How a video's status follows from its reviewers' decisions and dispositions. Pure functions: the rules in one
place."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reviewer.review.report_sentences import sentence
from reviewer.review.vocabulary import STATUS_LABELS, Language

__all__ = ["STATUS_LABELS", "Decision", "changed_since_review", "combined_status", "current_decisions"]


@dataclass(frozen=True)
class Decision:
    reviewer: str
    decision: str
    content_sha256: str
    organisation: str = ""
    seq: int = 0  # the reviewer's own sequence number: her latest decision is her highest, not the newest clock

    @property
    def key(self) -> tuple[str, str]:
        return self.reviewer.casefold(), self.organisation.casefold()


@dataclass(frozen=True)
class RequiredReviewer:
    """"Nurul Huda (MIASA)": a name and, optionally, an organisation in brackets."""

    name: str
    organisation: str = ""

    @classmethod
    def parse(cls, text: str) -> RequiredReviewer:
        text = " ".join(text.split())
        if text.endswith(")") and " (" in text:
            name, _, org = text[:-1].rpartition(" (")
            return cls(name.strip(), org.strip())
        return cls(text)

    def __str__(self) -> str:
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    @property
    def short(self) -> str:
        """How the library names who is awaited: the organisation when there is one."""
        return self.organisation or self.name

    def made(self, decision: Decision) -> bool:
        return decision.reviewer.casefold() == self.name.casefold() and (
            not self.organisation or decision.organisation.casefold() == self.organisation.casefold())


def latest_per_reviewer(decisions: Iterable[Decision]) -> list[Decision]:
    """Each reviewer's (name + organisation) decision with her highest sequence number."""
    latest: dict[tuple[str, str], Decision] = {}
    for decision in sorted(decisions, key=lambda d: d.seq):  # stable: equal numbers keep their given order
        latest[decision.key] = decision
    return list(latest.values())


def current_decisions(decisions: Iterable[Decision], content_sha256: str) -> list[Decision]:
    """Each reviewer's latest decision, counting only those made on the content as it is now."""
    return [d for d in latest_per_reviewer(decisions) if d.content_sha256 == content_sha256]


def awaited(required_reviewers: Sequence[str], decisions: Sequence[Decision], content_sha256: str) -> list[str]:
    """The required reviewers without a decision on the content as it is now."""
    valid = current_decisions(decisions, content_sha256)
    wanted = [RequiredReviewer.parse(text) for text in required_reviewers]
    return [str(r) for r in wanted if not any(r.made(d) for d in valid)]


def waiting_label(required_reviewers: Sequence[str], awaited_reviewers: Sequence[str],
                  language: Language = "en") -> str:
    """"2 of 3 decided, waiting for MIASA" (empty when no reviewers are required), in the CLI's, the app's or a
    report's language."""
    if not required_reviewers:
        return ""
    done = len(required_reviewers) - len(awaited_reviewers)
    label = sentence("decided", language, done=done, required=len(required_reviewers))
    if awaited_reviewers:
        label += ", " + sentence("waiting", language,
                                 who=", ".join(RequiredReviewer.parse(a).short for a in awaited_reviewers))
    return label


def combined_status(has_transcript: bool, has_check: bool, decisions: Sequence[Decision], content_sha256: str,
                    required_reviewers: Sequence[str] = ()) -> str:
    """any rejected > any changes required > any approved with changes > approved (by all required) > in review.

    A video with no transcript or check yet is pending. Decisions on older content don't count.
    """
    if not (has_transcript and has_check):
        return "pending"
    valid = current_decisions(decisions, content_sha256)
    kinds = {d.decision for d in valid}
    for decisive in ("rejected", "changes_required", "approved_with_changes"):
        if decisive in kinds:
            return decisive
    approvers = [d for d in valid if d.decision == "approved"]
    needed = [RequiredReviewer.parse(text) for text in required_reviewers]
    if approvers and all(any(r.made(d) for d in approvers) for r in needed):
        return "approved"
    return "in_review"


def changed_since_review(decisions: Sequence[Decision], content_sha256: str) -> bool:
    """True when a reviewer's latest decision was made on content that is no longer there."""
    return any(d.content_sha256 != content_sha256 for d in latest_per_reviewer(decisions))


@dataclass(frozen=True)
class Opinion:
    reviewer: str
    organisation: str
    disposition: str
    reason: str = ""


@dataclass(frozen=True)
class CombinedDisposition:
    disposition: str  # open, confirmed or dismissed; open while reviewers disagree
    reason: str
    by: str
    disagreement: bool


def combine_dispositions(opinions: Sequence[Opinion]) -> CombinedDisposition:
    """Reviewers' latest dispositions of one finding. If one confirms and another dismisses, both are shown
    and the finding counts as open until they agree. A reviewer who set it back to open has no opinion."""
    held = [o for o in opinions if o.disposition != "open"]
    kinds = {o.disposition for o in held}
    who = "; ".join(f"{o.reviewer} ({o.organisation})" if o.organisation else o.reviewer for o in held)
    reasons = "; ".join(o.reason for o in held if o.reason)
    if not kinds:
        return CombinedDisposition("open", "", "", False)
    if len(kinds) > 1:
        return CombinedDisposition("open", reasons, who, True)
    return CombinedDisposition(kinds.pop(), reasons, who, False)
