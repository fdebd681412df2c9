"""Fill the reports' plain input types from the review record (the core side of reports/)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from assets import asset_path
from reports.types import (
    CampaignReportData,
    ChangeRow,
    ChangesSincePrevious,
    CommentRow,
    DecisionRow,
    FindingRow,
    FontSet,
    Highlight,
    VideoReportData,
    VideoSummaryRow,
    WorkloadRow,
)
from reviewer.checking.checker import context, transcript_text
from reviewer.review.awaiting import review_details
from reviewer.review.file_state import CHANGED, Verification, full_verify, quick_check_all
from reviewer.review.lookups import first_heard
from reviewer.review.report_sentences import sentence, transcript_gap_sentence
from reviewer.review.screen import screen_text_line, screen_thumbnail
from reviewer.review.status import waiting_label
from reviewer.review.summary import campaign_summary
from reviewer.review.vocabulary import Language, format_date, kinder_wording, vocabulary
from reviewer.review.workflow import latest_transcript
from reviewer.store import audit
from reviewer.store.comments import comments_of
from reviewer.store.connection import Store
from reviewer.store.jobs import transcript_gap_kind
from reviewer.store.queries import compare_versions, list_videos, show
from transcribe.frames import keyframes

SELF_HARM = "Suicide and Self-Harm"


def report_fonts() -> FontSet:
    fonts = asset_path("fonts")
    fallbacks = (fonts / "NotoSansTamil-Regular.ttf", fonts / "DroidSansFallback.ttf", fonts / "NotoEmoji-Regular.ttf")
    return FontSet(regular=(fonts / "NotoSans-Regular.ttf", *fallbacks),
                   bold=(fonts / "NotoSans-Bold.ttf", fonts / "NotoSansTamil-Bold.ttf", *fallbacks[1:]))


def generated_at(language: Language = "en") -> str:
    moment = datetime.now(timezone.utc).astimezone()
    return f"{format_date(moment, language, with_time=True)} {moment:%Z}".strip()


def changes_since_previous(store: Store, video_id: int, previous_version: int) -> ChangesSincePrevious:
    """Which findings of the version before were resolved, which are new and which remain."""
    comparison = compare_versions(store, video_id)
    if comparison["unchecked"]:
        return ChangesSincePrevious(previous_version, [], unchecked=True)
    rows = [ChangeRow(item["term"], item["matched"], change) for change in ("new", "resolved", "unchanged")
            for item in comparison[change]]
    return ChangesSincePrevious(previous_version, rows)


def video_report_data(store: Store, video_id: int, active_refs: list | None = None,
                      with_keyframes: bool = True, language: Language = "en") -> VideoReportData:
    verification = full_verify(store, video_id)  # the report never vouches for bytes it has not read
    detail = show(store, video_id, active_refs)
    extra = review_details(store, video_id)
    video = detail["video"]
    gap_kind, gap_error = transcript_gap_kind(store, video_id)
    unrecorded = store.read_only and verification.state == CHANGED  # a read-only record could not note the change
    if unrecorded and detail["transcript"] is not None:
        gap_kind, gap_error = "stale_content", ""
    stale = gap_kind == "stale_content"  # the file was replaced: its old words and findings are not this file's
    latest = None if stale else latest_transcript(store.db, video_id)
    text = transcript_text(latest[1])[0] if latest else ""
    findings = [] if stale else detail["findings"]
    pictures = with_keyframes and video["width"] and Path(video["path"]).exists()
    rows = [FindingRow(f["time_start"], f["term"], f["category"], f["severity"],
                       context(text, f["start"], f["end"], 30) if f["source"] == "transcript" else f["matched"],
                       f["kind"], *_disposition(f), kinder_wording(f["suggestion"], language), f["source"],
                       look=f["verification"] == "look", heard=first_heard(f),
                       thumbnail=screen_thumbnail(video["path"], f) if pictures else None) for f in findings]
    frames = keyframes(video["path"], 5, 240) if pictures else []
    used = detail["check"]["term_lists"] if detail["check"] and not stale else []  # the old check's lists
    return VideoReportData(
        campaign=detail["campaign"], creator=video["creator"], file_name=video["original_name"],
        version=video["version"], sha256=video["sha256"], duration=video["duration"],
        resolution=f"{video['width']}×{video['height']}" if video["width"] else "",
        status="pending" if unrecorded else detail["status"],
        changed_since_review=detail["changed_since_review"] or (unrecorded and bool(detail["reviews"])),
        stale_term_lists=detail["stale_term_lists"],
        decisions=[DecisionRow(r["reviewer"], r["organisation"], r["decision"],
                               format_date(r["created_at"], language, with_time=True), r["note"])
                   for r in detail["reviews"]],
        findings=rows,
        comments=[CommentRow(c["at_seconds"], c["reviewer"], c["text"], c["end_seconds"],
                             bool(c["parent_uid"]), bool(c["resolved"]), bool(c["internal"]))
                  for c in comments_of(store.db, video_id)],
        transcript=text,
        highlights=[Highlight(f["start"], f["end"], f["severity"]) for f in findings
                    if f["source"] == "transcript" and f["disposition"] != "dismissed"],
        term_lists=[(r["name"], r["version"], r["sha256"]) for r in used],
        model=detail["transcript"]["model"] if detail["transcript"] and not stale else "",
        language=detail["transcript"]["language"] if detail["transcript"] and not stale else "",
        generated_at=generated_at(language), keyframes=frames, caption=video["caption"],
        self_harm=any(f["category"] == SELF_HARM and f["disposition"] != "dismissed" for f in findings),
        vocab=vocabulary(language),
        changes_since_previous=changes_since_previous(store, video_id, video["version"] - 1)
        if video["previous_id"] else None,
        new_findings=detail["new_findings"],
        audit_head=audit.head(store.db).label,
        transcript_gap=transcript_gap_sentence(gap_kind, gap_error, language),
        partial_audio=gap_kind == "audio_damaged",
        no_audio=not video["has_audio"],
        screen_text=screen_text_line(store, video_id, detail["check"], language),
        file_state=verification.state, file_check=_file_check(verification, language),
        decided_label=_decided(extra, language), awaited=extra["awaited_reviewers"],
        conflicts=_conflicts(findings, extra, language),
    )


def _disposition(finding: Mapping[str, Any]) -> tuple[str, str]:
    if finding["disagreement"]:  # the vocabulary words it in the report's language
        return "disagreement", finding["disposition_by"] + (f": {finding['reason']}" if finding["reason"] else "")
    return finding["disposition"], finding["reason"]


def _file_check(verification: Verification, language: Language) -> str:
    return sentence(f"file_{verification.state}", language, at=verification.checked_at)


def _decided(extra: dict, language: Language) -> str:
    """"2 of 3 decided, waiting for MIASA", in the report's language (empty when no reviewers are required)."""
    return waiting_label(extra["required_reviewers"], extra["awaited_reviewers"], language)


def _conflicts(findings: Sequence[Mapping[str, Any]], extra: dict, language: Language) -> list[str]:
    notes = []
    disagreements = sum(bool(f["disagreement"]) for f in findings)
    if disagreements:
        notes.append(sentence("disagreement", language, count=disagreements))
    for group in extra["competing_corrections"]:
        revisions = "; ".join(sentence("revision", language, revision=r["revision"], author=r["author"])
                              + (f" ({r['organisation']})" if r["organisation"] else "") for r in group)
        notes.append(sentence("competing", language, revisions=revisions))
    return notes


def campaign_report_data(store: Store, campaign: str | None, language: Language = "en") -> CampaignReportData:
    quick_check_all(store, [row["id"] for row in list_videos(store, campaign)])  # statuses follow the files now
    summary = campaign_summary(store, campaign)
    return CampaignReportData(
        campaign=summary["campaign"], generated_at=generated_at(language), status_counts=summary["status_counts"],
        by_category=summary["by_category"], by_severity=summary["by_severity"],
        videos=[VideoSummaryRow(v["original_name"], v["creator"], v["version"], v["status"], v["highest_severity"],
                                v["findings"], (v["reviewers"] or "").replace(",", ", "),
                                bool(v["changed_since_review"])) for v in summary["videos"]],
        workload=[WorkloadRow(w["reviewer"], w["organisation"], w["videos"], w["decisions"])
                  for w in summary["workload"]],
        vocab=vocabulary(language),
        audit_head=audit.head(store.db).label,
    )


def export_rows(store: Store, video_ids: list[int]) -> tuple[list[dict], list[dict]]:
    """Findings and decisions of the given videos, as flat rows for CSV and JSON (each file checked first)."""
    findings, decisions = [], []
    files = quick_check_all(store, video_ids)
    for video_id in video_ids:
        detail = show(store, video_id)
        video = detail["video"]
        base = {"video_id": video_id, "campaign": detail["campaign"], "file": video["original_name"],
                "version": video["version"], "creator": video["creator"], "sha256": video["sha256"],
                "file_state": files[video_id], "status": video["status"]}
        opinions = review_details(store, video_id)["dispositions"]
        findings += [base | {k: f[k] for k in ("source", "term", "category", "severity", "kind", "confidence",
                                                "matched", "time_start", "time_end")}
                     | {"heard_first": first_heard(f),
                        "disposition": "disagreement" if f["disagreement"] else f["disposition"], "reason": f["reason"],
                        "disposed_by": f["disposition_by"], "opinions": _opinions(opinions.get(f["fingerprint"], [])),
                        "suggestion": f["suggestion"]} for f in detail["findings"]]
        decisions += [base | {k: r[k] for k in ("reviewer", "organisation", "decision", "note", "content_sha256",
                                                "created_at")} for r in detail["reviews"]]
    return findings, decisions


def _opinions(held: Sequence[Mapping[str, Any]]) -> str:
    """Every reviewer's latest disposition of a finding, as the record holds them ("confirmed by Aina (WAO);
    dismissed by Nurul Huda (MIASA): a quotation"): a disagreement is visible in a spreadsheet too."""
    return "; ".join(f"{o['disposition']} by {o['reviewer']}" + (f" ({o['organisation']})" if o["organisation"] else "")
                     + (f": {o['reason']}" if o["reason"] else "") for o in held)
