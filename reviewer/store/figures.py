"""The campaign dashboard's numbers, straight from the database (reviewer/review/summary.py shapes them).

`campaign=None` means every campaign. Findings count from each video's latest check, leaving out dismissed
ones (they were false alarms).
"""

from __future__ import annotations

from collections import Counter
from typing import cast

from reviewer.store.connection import Store
from reviewer.store.types import CampaignVideo, FindingRow, ReviewerLoad

LATEST_FINDINGS = """
SELECT f.* FROM findings f JOIN videos v ON v.id = f.video_id JOIN campaigns c ON c.id = v.campaign_id
WHERE f.check_id = (SELECT max(id) FROM checks WHERE video_id = f.video_id) AND f.disposition != 'dismissed'
{where}
"""


def _scope(campaign: str | None, joiner: str) -> tuple[str, tuple[str, ...]]:
    return (f"{joiner} c.name = ?", (campaign,)) if campaign else ("", ())


def status_counts(store: Store, campaign: str | None) -> Counter[str]:
    where, params = _scope(campaign, "WHERE")
    return Counter({row["status"]: row["n"] for row in store.query(
        f"SELECT v.status, count(*) AS n FROM videos v JOIN campaigns c ON c.id = v.campaign_id {where} "
        "GROUP BY v.status", params)})


def latest_findings(store: Store, campaign: str | None) -> list[FindingRow]:
    where, params = _scope(campaign, "AND")
    return cast(list[FindingRow], store.query(LATEST_FINDINGS.format(where=where), params))


def workload(store: Store, campaign: str | None) -> list[ReviewerLoad]:
    where, params = _scope(campaign, "WHERE")
    rows = store.query(
        "SELECT r.reviewer, r.organisation, count(*) AS decisions, count(DISTINCT r.video_id) AS videos, "
        "sum(r.decision = 'approved') AS approved, sum(r.decision != 'approved') AS other "
        f"FROM reviews r JOIN videos v ON v.id = r.video_id JOIN campaigns c ON c.id = v.campaign_id {where} "
        "GROUP BY r.reviewer, r.organisation ORDER BY decisions DESC", params)
    return cast(list[ReviewerLoad], rows)


def campaign_videos(store: Store, campaign: str | None) -> list[CampaignVideo]:
    where, params = _scope(campaign, "WHERE")
    rows = store.query(
        "SELECT v.id, v.original_name, v.creator, v.version, v.status, v.changed_since_review, v.findings_low, "
        "v.findings_medium, v.findings_high, v.findings_critical, "
        "(SELECT group_concat(DISTINCT r.reviewer) FROM reviews r WHERE r.video_id = v.id) AS reviewers "
        f"FROM videos v JOIN campaigns c ON c.id = v.campaign_id {where} ORDER BY v.id", params)
    return cast(list[CampaignVideo], rows)


def required_reviewer_lists(store: Store, campaign: str | None) -> list[str]:
    """Each campaign's required reviewers, as stored (JSON lists)."""
    params = (campaign,) if campaign else ()
    return [row["required_reviewers"] for row in store.query(
        "SELECT required_reviewers FROM campaigns" + (" WHERE name = ?" if campaign else ""), params)]


def video_ids(store: Store, campaign: str | None) -> list[int]:
    """The videos of a campaign (every video when `campaign` is None), oldest first."""
    where, params = _scope(campaign, "WHERE")
    return [int(row["id"]) for row in store.query(
        f"SELECT v.id FROM videos v JOIN campaigns c ON c.id = v.campaign_id {where} ORDER BY v.id", params)]
