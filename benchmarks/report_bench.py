"""Report speed: a 1,000-video campaign summary PDF, and one video's approval report, in one run.

Baseline in the same run: the same summary tables set in reportlab's built-in Helvetica with no escaping and
no per-character font fallback, the cheapest way to draw them, which shows what Unicode safety costs.

    python benchmarks/report_bench.py [--videos 1000]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import getSampleStyleSheet  # noqa: E402
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table  # noqa: E402

from reports.campaign_report import render_campaign_report  # noqa: E402
from reports.types import CampaignReportData, VideoSummaryRow, WorkloadRow  # noqa: E402
from reviewer.review.report_data import report_fonts  # noqa: E402

STATUSES = ["pending", "in_review", "approved", "approved_with_changes", "changes_required", "rejected"]
CREATORS = ["@aina.creates", "@hakim.eats", "@தமிழ்_செல்வி", "@李明_daily", "@siti.nurhaliza.fan", "@bala.vlogs"]


def campaign(count: int) -> CampaignReportData:
    rng = random.Random(5)
    videos = [VideoSummaryRow(f"kempen_video_{i:04d}_final_cut.mp4", rng.choice(CREATORS), rng.randint(1, 3),
                              rng.choice(STATUSES), rng.choice(["", "low", "medium", "high", "critical"]),
                              rng.randint(0, 12), rng.choice(["Aina Rahman", "Dr. Ravi, Mei Ling", ""]))
              for i in range(count)]
    return CampaignReportData(
        "Kempen Fikir Dulu 2026", "2026-11-24 18:00 +08",
        {s: sum(v.status == s for v in videos) for s in STATUSES},
        {"Harassment and Bullying": 420, "Hate Speech and Hateful Behavior": 260, "Suicide and Self-Harm": 130,
         "Bad language": 300, "Mental health stigma": 95}, {"critical": 80, "high": 300, "medium": 500, "low": 120},
        videos, [WorkloadRow("Aina Rahman", "Women's Aid Organisation", 400, 420),
                 WorkloadRow("Dr. Ravi", "MMHA", 350, 360), WorkloadRow("Mei Ling", "Content Forum", 250, 250)])


def plain_baseline(data: CampaignReportData) -> bytes:
    style = getSampleStyleSheet()["BodyText"]
    rows = [["Video", "Creator", "Status", "Highest", "Findings", "Reviewers"]]
    rows += [[Paragraph(v.file_name, style), v.creator.encode("ascii", "replace").decode(), v.status,
              v.highest_severity, str(v.findings), Paragraph(v.reviewers, style)] for v in data.videos]
    out = BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([Table(rows, repeatRows=1)])
    return out.getvalue()


def timed(function, *args, repeat: int = 3) -> tuple[float, bytes]:
    samples, result = [], b""
    for _ in range(repeat):
        started = time.perf_counter()
        result = function(*args)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--videos", type=int, default=1000)
    args = parser.parse_args()
    data = campaign(args.videos)
    fonts = report_fonts()
    render_campaign_report(campaign(5), fonts)  # register fonts once, as the app does on first use
    ours, pdf = timed(render_campaign_report, data, fonts)
    baseline, plain = timed(plain_baseline, data)
    from pypdf import PdfReader

    pages = len(PdfReader(BytesIO(pdf)).pages)
    report = {"videos": args.videos, "summary_seconds": round(ours, 2), "summary_pages": pages,
              "summary_kb": len(pdf) // 1024, "plain_helvetica_baseline_seconds": round(baseline, 2),
              "baseline_kb": len(plain) // 1024, "target_seconds": 10}
    report["meets_target"] = ours < 10
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
