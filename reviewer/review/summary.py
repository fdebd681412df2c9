"""Campaign figures for leads: videos per status, findings per category and severity, reviewer workload.

Findings count from each video's latest check, leaving out dismissed ones (they were false alarms).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from reviewer.checking.terms import SEVERITIES
from reviewer.store import figures
from reviewer.store.connection import Store
from reviewer.store.types import STATUSES


def campaign_summary(store: Store, campaign: str | None = None) -> dict[str, Any]:
    statuses = figures.status_counts(store, campaign)
    findings = figures.latest_findings(store, campaign)
    workload = figures.workload(store, campaign)
    videos = figures.campaign_videos(store, campaign)
    for video in videos:
        video["highest_severity"] = next((s for s in reversed(SEVERITIES) if video[f"findings_{s}"]), "")
        video["findings"] = sum(video[f"findings_{s}"] for s in SEVERITIES)
    return {
        "campaign": campaign or "All campaigns",
        "required_reviewers": sorted({n for names in figures.required_reviewer_lists(store, campaign)
                                      for n in json.loads(names)}),
        "status_counts": {s: statuses.get(s, 0) for s in STATUSES},
        "videos_total": sum(statuses.values()),
        "by_category": dict(Counter(f["category"] for f in findings).most_common()),
        "by_severity": {s: sum(f["severity"] == s for f in findings) for s in reversed(SEVERITIES)},
        "workload": workload,
        "videos": videos,
    }
