"""What a reviewer is asked before an approval, in the app and on the command line alike: the same rule once.

Approving while a high or critical finding is still open is allowed (the reviewer may have listened and judged
it fine without recording that), but never by accident: the app asks, the CLI wants --despite-open-findings.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewer.store.types import FindingRow

APPROVALS = ("approved", "approved_with_changes")
SERIOUS = ("high", "critical")


def serious_open(findings: Iterable[FindingRow]) -> list[FindingRow]:
    """The open findings an approval would pass over: high or critical, neither confirmed nor dismissed."""
    return [f for f in findings if f["disposition"] == "open" and f["severity"] in SERIOUS]


def terms_of(findings: Iterable[FindingRow]) -> str:
    return ", ".join(dict.fromkeys(f["term"] for f in findings))
