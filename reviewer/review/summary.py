"""Campaign figures for leads: videos per status, findings per category and severity, reviewer workload.

Findings count from each video's latest check, leaving out dismissed ones (they were false alarms).
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Literal, TypedDict

from reviewer.checking.terms import SEVERITIES, Severity
from reviewer.store import figures
from reviewer.store.connection import Store
from reviewer.store.types import STATUSES, CampaignVideo, ReviewerLoad


class SummaryVideo(CampaignVideo):
    highest_severity: Severity | Literal[""]  # "" when nothing was found
    findings: int


class CampaignSummary(TypedDict):
    """What the dashboard and the campaign report show."""

    campaign: str
    required_reviewers: list[str]
    status_counts: dict[str, int]  # every status, 0 included (keys are `Status` words)
    videos_total: int
    by_category: dict[str, int]
    by_severity: dict[str, int]  # most severe first (keys are `Severity` words)
    workload: list[ReviewerLoad]
    videos: list[SummaryVideo]


def _with_totals(video: CampaignVideo) -> SummaryVideo:
    counts: dict[Severity, int] = {"low": video["findings_low"], "medium": video["findings_medium"],
                                   "high": video["findings_high"], "critical": video["findings_critical"]}
    return {**video, "highest_severity": next((s for s in reversed(SEVERITIES) if counts[s]), ""),
            "findings": sum(counts.values())}


def campaign_summary(store: Store, campaign: str | None = None) -> CampaignSummary:
    statuses = figures.status_counts(store, campaign)
    findings = figures.latest_findings(store, campaign)
    workload = figures.workload(store, campaign)
    videos = [_with_totals(video) for video in figures.campaign_videos(store, campaign)]
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
