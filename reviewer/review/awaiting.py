"""Who has decided and who is still awaited, per video: "2 of 3 decided, waiting for MIASA"."""

from __future__ import annotations

import json
from dataclasses import dataclass

from reviewer.review.merge_rules import competing_corrections
from reviewer.review.status import Decision, awaited, current_decisions, waiting_label
from reviewer.store import bundle_store, events
from reviewer.store.connection import Store


@dataclass(frozen=True)
class Awaiting:
    required: list[str]
    awaited: list[str]
    decided: list[str]  # "Name (Org)" of everyone with a decision on the current content

    @property
    def label(self) -> str:
        return waiting_label(self.required, self.awaited)


def awaiting(store: Store, video_ids: list[int]) -> dict[int, Awaiting]:
    grouped: dict[int, tuple[str, list[str], list[Decision]]] = {}
    for row in events.decision_rows(store.db, video_ids):
        sha, required, decisions = grouped.setdefault(
            row["video_id"], (row["video_sha256"], json.loads(row["required_reviewers"]), []))
        if row["reviewer"] is not None:
            decisions.append(Decision(row["reviewer"], row["decision"], row["content_sha256"], row["organisation"],
                                      row["seq"] or 0))
    result = {}
    for video_id, (sha, required, decisions) in grouped.items():
        decided = [f"{d.reviewer} ({d.organisation})" if d.organisation else d.reviewer
                   for d in current_decisions(decisions, sha)]
        result[video_id] = Awaiting(required, awaited(required, decisions, sha), decided)
    return result


def review_details(store: Store, video_id: int) -> dict:
    """What `show` adds for several reviewers: who is awaited, each reviewer's disposition per finding (by
    fingerprint), and competing transcript corrections."""
    wait = awaiting(store, [video_id]).get(video_id)
    by_fingerprint: dict[str, dict[tuple[str, str], dict]] = {}
    for row in events.video_dispositions(store.db, video_id):
        by_fingerprint.setdefault(row["fingerprint"], {})[(row["reviewer"].casefold(),
                                                           row["organisation"].casefold())] = row
    return {
        "required_reviewers": wait.required if wait else [],
        "awaited_reviewers": wait.awaited if wait else [],
        "decided_label": wait.label if wait else "",
        "dispositions": {fp: [rows[key] for key in sorted(rows) if rows[key]["disposition"] != "open"]
                         for fp, rows in by_fingerprint.items()},
        "competing_corrections": [[{k: r[k] for k in ("revision", "author", "organisation")} for r in group]
                                  for group in competing_corrections(store.db, video_id)],
    }


def required_reviewers(store: Store, campaign: str) -> list[str] | None:
    """The campaign's required reviewers ("Name (Org)"), or None when there is no such campaign."""
    row = bundle_store.campaign(store.db, name=campaign)
    return None if row is None else list(json.loads(row["required_reviewers"]))


def bundle_origins(store: Store) -> list[dict]:
    """For `audit verify`: how many entries came from which bundle (its SHA-256, kind and reviewer)."""
    return bundle_store.audit_origins(store.db)
