"""Campaign figures for leads: videos per status, findings per category and severity, reviewer workload.

Findings count from each video's latest check, leaving out dismissed ones (they were false alarms).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from reviewer.checking.terms import SEVERITIES
from reviewer.store.connection import Store
from reviewer.store.types import STATUSES

LATEST_FINDINGS = """
SELECT f.* FROM findings f JOIN videos v ON v.id = f.video_id JOIN campaigns c ON c.id = v.campaign_id
WHERE f.check_id = (SELECT max(id) FROM checks WHERE video_id = f.video_id) AND f.disposition != 'dismissed'
{where}
"""


def campaign_summary(store: Store, campaign: str | None = None) -> dict[str, Any]:
    where, params = ("AND c.name = ?", (campaign,)) if campaign else ("", ())
    video_where = "WHERE c.name = ?" if campaign else ""
    statuses = Counter({row["status"]: row["n"] for row in store.query(
        f"SELECT v.status, count(*) AS n FROM videos v JOIN campaigns c ON c.id = v.campaign_id {video_where} "
        "GROUP BY v.status", params)})
    findings = store.query(LATEST_FINDINGS.format(where=where), params)
    workload = store.query(
        "SELECT r.reviewer, r.organisation, count(*) AS decisions, count(DISTINCT r.video_id) AS videos, "
        "sum(r.decision = 'approved') AS approved, sum(r.decision != 'approved') AS other "
        f"FROM reviews r JOIN videos v ON v.id = r.video_id JOIN campaigns c ON c.id = v.campaign_id {video_where} "
        "GROUP BY r.reviewer, r.organisation ORDER BY decisions DESC", params)
    videos = store.query(
        "SELECT v.id, v.original_name, v.creator, v.version, v.status, v.changed_since_review, v.findings_low, "
        "v.findings_medium, v.findings_high, v.findings_critical, "
        "(SELECT group_concat(DISTINCT r.reviewer) FROM reviews r WHERE r.video_id = v.id) AS reviewers "
        f"FROM videos v JOIN campaigns c ON c.id = v.campaign_id {video_where} ORDER BY v.id", params)
    for video in videos:
        video["highest_severity"] = next((s for s in reversed(SEVERITIES) if video[f"findings_{s}"]), "")
        video["findings"] = sum(video[f"findings_{s}"] for s in SEVERITIES)
    campaigns = store.query("SELECT name, required_reviewers FROM campaigns" + (" WHERE name = ?" if campaign else ""),
                            params)
    return {
        "campaign": campaign or "All campaigns",
        "required_reviewers": sorted({n for c in campaigns for n in json.loads(c["required_reviewers"])}),
        "status_counts": {s: statuses.get(s, 0) for s in STATUSES},
        "videos_total": sum(statuses.values()),
        "by_category": dict(Counter(f["category"] for f in findings).most_common()),
        "by_severity": {s: sum(f["severity"] == s for f in findings) for s in reversed(SEVERITIES)},
        "workload": workload,
        "videos": videos,
    }
