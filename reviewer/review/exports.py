"""Report and export bytes for one video or a campaign: the use case behind `thinktwice report/export` and the
app's Report and Export buttons (so neither front end calls the other)."""

from __future__ import annotations

from reports.campaign_report import render_campaign_report
from reports.feedback_html import render_feedback_html
from reports.feedback_report import render_feedback_pdf
from reports.tabular import to_csv, to_json
from reports.video_report import render_video_report
from reviewer.errors import UserError
from reviewer.review.feedback import feedback_data
from reviewer.review.report_data import campaign_report_data, export_rows, report_fonts, video_report_data
from reviewer.review.services import Services
from reviewer.review.vocabulary import Language
from reviewer.review.workflow import latest_transcript
from reviewer.store import audit, figures, records
from reviewer.store.queries import get_video
from transcribe.formats import render

TRANSCRIPT_FORMATS = ("srt", "vtt", "txt")


def video_pdf(services: Services, video_id: int, language: Language = "en") -> bytes:
    data = video_report_data(services.store, video_id, list(services.term_list_refs()), language=language)
    return render_video_report(data, report_fonts())


def campaign_pdf(services: Services, campaign: str | None, language: Language = "en") -> bytes:
    if campaign and records.campaign_id(services.store, campaign) is None:
        raise UserError(f"no campaign named '{campaign}'; see 'thinktwice list' for campaigns")
    return render_campaign_report(campaign_report_data(services.store, campaign, language), report_fonts())


def export_bytes(services: Services, video_id: int | None, campaign: str | None, fmt: str) -> bytes:
    store = services.store
    if fmt in TRANSCRIPT_FORMATS:
        if video_id is None:
            raise UserError(f"--format {fmt} exports one video's transcript: pass a video ID")
        get_video(store.db, video_id)
        latest = latest_transcript(store.db, video_id)
        if latest is None:
            raise UserError(f"video {video_id} has no transcript yet; transcribe it first")
        text = render(latest[1], fmt)
        if fmt == "vtt":  # WebVTT has comments; SRT and plain text have nowhere to put the head
            text += f"\nNOTE {audit.head(store.db).label}\n"
        return text.encode("utf-8")
    if video_id is not None:
        get_video(store.db, video_id)
        ids, scope = [video_id], f"video {video_id}"
    elif campaign is None:  # every campaign (the app's dashboard with "All campaigns" selected)
        ids, scope = figures.video_ids(store, None), "all campaigns"
    else:
        ids, scope = figures.video_ids(store, campaign), f"campaign {campaign}"
        if not ids:
            raise UserError(f"no videos in a campaign named '{campaign}'")
    findings, decisions = export_rows(store, ids)
    head = audit.head(store.db).label
    return to_csv(findings, decisions, head) if fmt == "csv" else to_json(findings, decisions, scope, head)


FEEDBACK_FORMATS = ("pdf", "html")


def feedback_bytes(services: Services, video_id: int, language: Language = "en", fmt: str = "pdf") -> bytes:
    """The creator feedback package for one video: a PDF, or one self-contained HTML file."""
    if fmt not in FEEDBACK_FORMATS:
        raise UserError(f"unknown feedback format '{fmt}'; use pdf or html")
    data = feedback_data(services, video_id, language)
    return render_feedback_pdf(data, report_fonts()) if fmt == "pdf" else render_feedback_html(data).encode("utf-8")
