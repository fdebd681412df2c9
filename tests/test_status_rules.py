"""The combined-status rule, table-driven (pure function, no database)."""

from __future__ import annotations

import pytest

from reviewer.review.status import Decision, changed_since_review, combined_status

SHA = "a" * 64
OLD = "b" * 64


def d(reviewer: str, decision: str, sha: str = SHA) -> Decision:
    return Decision(reviewer, decision, sha)


CASES = [
    ("no decisions yet", [], (), "in_review"),
    ("one approval", [d("Aina", "approved")], (), "approved"),
    ("any rejection wins", [d("Aina", "approved"), d("Bala", "rejected"), d("Chen", "changes_required")], (),
     "rejected"),
    ("changes required beats approved with changes",
     [d("Aina", "approved_with_changes"), d("Bala", "changes_required")], (), "changes_required"),
    ("approved with changes beats approved", [d("Aina", "approved"), d("Bala", "approved_with_changes")], (),
     "approved_with_changes"),
    ("required reviewer missing", [d("Aina", "approved")], ("Aina", "Bala"), "in_review"),
    ("all required approved", [d("aina", "approved"), d("Bala", "approved")], ("Aina", "Bala"), "approved"),
    ("latest decision per reviewer counts", [d("Aina", "rejected"), d("Aina", "approved")], (), "approved"),
    ("decision on old content does not count", [d("Aina", "approved", OLD)], (), "in_review"),
]


@pytest.mark.parametrize(("label", "decisions", "required", "expected"), CASES, ids=[c[0] for c in CASES])
def test_combined_status(label: str, decisions: list[Decision], required: tuple[str, ...], expected: str) -> None:
    assert combined_status(True, True, decisions, SHA, required) == expected


def test_pending_until_transcribed_and_checked() -> None:
    assert combined_status(False, False, [d("Aina", "approved")], SHA) == "pending"
    assert combined_status(True, False, [d("Aina", "approved")], SHA) == "pending"


def test_changed_since_review() -> None:
    assert changed_since_review([d("Aina", "approved", OLD)], SHA)
    assert not changed_since_review([d("Aina", "approved", OLD), d("Aina", "approved")], SHA)
    assert not changed_since_review([], SHA)
