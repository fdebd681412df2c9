"""How a video's status follows from its reviewers' decisions. Pure functions: the rule in one place."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reviewer.review.vocabulary import STATUS_LABELS

__all__ = ["STATUS_LABELS", "Decision", "changed_since_review", "combined_status", "current_decisions"]


@dataclass(frozen=True)
class Decision:
    reviewer: str
    decision: str
    content_sha256: str


def current_decisions(decisions: Iterable[Decision], content_sha256: str) -> list[Decision]:
    """Each reviewer's latest decision, counting only those made on the content as it is now."""
    latest: dict[str, Decision] = {}
    for decision in decisions:  # oldest first
        latest[decision.reviewer.casefold()] = decision
    return [d for d in latest.values() if d.content_sha256 == content_sha256]


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
    approvers = {d.reviewer.casefold() for d in valid if d.decision == "approved"}
    needed = {name.casefold() for name in required_reviewers}
    if approvers and needed <= approvers:
        return "approved"
    return "in_review"


def changed_since_review(decisions: Sequence[Decision], content_sha256: str) -> bool:
    """True when a reviewer's latest decision was made on content that is no longer there."""
    latest: dict[str, Decision] = {}
    for decision in decisions:
        latest[decision.reviewer.casefold()] = decision
    return any(d.content_sha256 != content_sha256 for d in latest.values())
