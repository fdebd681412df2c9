"""Derived state that must not depend on the order bundles arrived in.

Shared rows (comments, decisions, dispositions, transcript revisions) only ever grow, keyed by UUID; everything
shown from them is computed here from the whole set, ordered by each reviewer's own sequence number and the
revision lineage, never by local row IDs or arrival time. That is what makes A-then-B equal B-then-A.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlite_utils import Database

from reviewer.review.status import CombinedDisposition, Opinion, combine_dispositions
from reviewer.store import events


def _pending_changes(db: Database, video_id: int) -> list[tuple[dict, CombinedDisposition]]:
    """Findings of the latest check whose stored state differs from their reviewers' latest dispositions."""
    check_id = events.latest_check_id(db, video_id)
    if check_id is None:
        return []
    opinions = events.latest_dispositions(db, video_id)
    changes = []
    for row in events.finding_rows(db, check_id):
        combined = combine_dispositions([Opinion(d.reviewer, d.organisation, d.disposition, d.reason)
                                         for d in opinions.get(row["fingerprint"], [])])
        if (row["disposition"], row["reason"], row["disposition_by"], bool(row["disagreement"])) != (
                combined.disposition, combined.reason, combined.by, combined.disagreement):
            changes.append((row, combined))
    return changes


def apply_dispositions(db: Database, video_id: int) -> None:
    """Set each finding of the latest check from its reviewers' latest dispositions (inside a transaction)."""
    for row, combined in _pending_changes(db, video_id):
        events.set_finding_state(db, row["id"], combined.disposition, combined.reason, combined.by,
                                 combined.disagreement)


def disposition_mismatches(db: Database, video_id: int) -> list[str]:
    """For `audit verify`: findings whose shown disposition the recorded per-reviewer dispositions don't imply."""
    return [f"finding {row['id']} (video {video_id}) is stored as {row['disposition']} but its reviewers' "
            f"dispositions make it {combined.disposition}" for row, combined in _pending_changes(db, video_id)]


@dataclass(frozen=True)
class Lineage:
    order: list[int]  # transcript row IDs, revision 1 first
    competing: list[list[int]]  # groups of corrections made to the same revision by different reviewers


def lineage(rows: list[dict]) -> Lineage:
    """Revision order from the parent links: depth first, then author, organisation, her sequence, UUID.

    Two corrections of the same revision (two reviewers fixed the same mishearing on their own laptops) are both
    kept; the one that sorts last is current, and the pair is reported as competing.
    """
    by_uid = {row["uid"]: row for row in rows}

    def depth(row: dict) -> int:
        steps, seen = 0, set()
        while row["parent_uid"] in by_uid and row["uid"] not in seen:
            seen.add(row["uid"])
            row, steps = by_uid[row["parent_uid"]], steps + 1
        return steps

    ordered = sorted(rows, key=lambda r: (depth(r), r["author"], r["organisation"], r["seq"] or 0, r["uid"]))
    children: dict[str, list[dict]] = {}
    for row in rows:
        if row["author"] and row["parent_uid"]:
            children.setdefault(row["parent_uid"], []).append(row)
    competing = [sorted(r["id"] for r in group) for group in children.values()
                 if len({(r["author"].casefold(), r["organisation"].casefold()) for r in group}) > 1]
    return Lineage([r["id"] for r in ordered], sorted(competing))


def settle_revisions(db: Database, video_id: int) -> Lineage:
    """Renumber a video's revisions to the lineage order (after an import added some)."""
    result = lineage(events.transcript_lineage(db, video_id))
    events.renumber_revisions(db, video_id, result.order)
    return result


def competing_corrections(db: Database, video_id: int) -> list[list[dict]]:
    """Competing corrections of one video, as rows with revision, author and organisation."""
    rows = events.transcript_lineage(db, video_id)
    by_id = {row["id"]: row for row in rows}
    return [[by_id[i] for i in group] for group in lineage(rows).competing]
