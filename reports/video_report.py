"""The per-video approval report: what was said, what was found, who decided what, on which content."""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from reports.fonts import Fonts
from reports.layout import (
    MARGIN,
    PAGE,
    SEVERITY_COLOURS,
    STATUS_COLOURS,
    STATUS_LABELS,
    Styles,
    clock,
    grid,
    numbered_canvas,
    styled,
)
from reports.types import HELPLINES, FontSet, VideoReportData

WIDTH = PAGE[0] - 2 * MARGIN


def _header(data: VideoReportData, s: Styles) -> list:
    facts = [("Campaign", data.campaign), ("Creator", data.creator or "—"), ("File", data.file_name),
             ("Version", f"v{data.version}"), ("SHA-256", data.sha256), ("Duration", f"{data.duration:.1f} s"),
             ("Resolution", data.resolution or "audio only"), ("Caption", data.caption or "—")]
    rows = [[s.raw(f"<b>{label}</b>", s.cell), s.p(value, s.cell)] for label, value in facts]
    table = Table(rows, colWidths=[28 * mm, WIDTH - 28 * mm])
    styled(table, s.fonts, TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                               ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    flow = [s.p(f"Approval report: {data.file_name}", s.title), table, Spacer(1, 4)]
    if data.keyframes:
        frame_width = (WIDTH - 4 * (len(data.keyframes) - 1)) / len(data.keyframes)
        images = [Image(BytesIO(png), width=frame_width, height=frame_width * 9 / 16, kind="proportional")
                  for png in data.keyframes]
        strip = Table([images], colWidths=[frame_width + 4] * len(images))
        styled(strip, s.fonts, [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 4)])
        flow.append(strip)
    return flow


def _decisions(data: VideoReportData, s: Styles) -> list:
    colour = STATUS_COLOURS.get(data.status, "#37474f")
    label = STATUS_LABELS.get(data.status, data.status)
    if data.file_state == "missing":
        colour, label = "#c62828", f"File missing (recorded status: {label})"
    flow = [s.raw("Decision summary", s.h2),
            s.raw(f'Combined status: <font color="{colour}"><b>{escape(label)}</b></font>', s.body)]
    if data.file_check:
        check_colour = "#2e7d32" if data.file_state == "ok" else "#c62828"
        flow.append(s.raw(f'<font color="{check_colour}"><b>{escape(data.file_check)}</b></font>',
                          s.body if data.file_state == "ok" else s.banner))
    if data.decided_label:
        flow.append(s.p(f"Required reviewers: {data.decided_label}", s.body))
    if data.awaited:
        flow.append(s.p("Awaiting decisions from: " + ", ".join(data.awaited), s.body))
    flow += [s.p(conflict, s.banner) for conflict in data.conflicts]
    if data.changed_since_review:
        flow.append(s.raw("CHANGED SINCE REVIEW: the file is not the one that was reviewed. Earlier decisions "
                          "no longer count; it needs a new decision.", s.banner))
    if data.new_findings:
        flow.append(s.raw(f"NEW FINDINGS SINCE THE DECISION: {data.new_findings} open finding(s) appeared after "
                          "the latest decision was made. The decision did not consider them.", s.banner))
    if data.transcript_gap:
        flow.append(s.p(data.transcript_gap[0].upper() + data.transcript_gap[1:] + ".", s.banner))
    if data.stale_term_lists:
        flow.append(s.raw("Checked against an older term list: re-check before relying on these findings.",
                          s.banner))
    rows = [[s.raw(h, s.head) for h in ("Reviewer", "Organisation", "Decision", "Date", "Note")]]
    rows += [[s.p(d.reviewer, s.cell), s.p(d.organisation or "—", s.cell),
              s.p(STATUS_LABELS.get(d.decision, d.decision), s.cell), s.p(d.date[:16].replace("T", " "), s.cell),
              s.p(d.note or "—", s.cell)] for d in data.decisions]
    if len(rows) == 1:
        rows.append([s.p("No decisions yet", s.cell), "", "", "", ""])
    table = Table(rows, colWidths=[32 * mm, 38 * mm, 30 * mm, 26 * mm, WIDTH - 126 * mm], repeatRows=1)
    styled(table, s.fonts, grid())
    return [*flow, Spacer(1, 3), table]


def _findings(data: VideoReportData, s: Styles) -> list:
    head = ("Time", "Term", "Category", "Severity", "Context", "Kind", "Disposition", "Suggestion")
    rows = [[s.raw(h, s.head) for h in head]]
    style = grid()
    for number, f in enumerate(data.findings, start=1):
        disposition = f.disposition + (f": {f.reason}" if f.reason else "")
        kind = "fuzzy (listen to confirm)" if f.kind == "fuzzy" else f.kind
        when = "caption" if f.source == "caption" else clock(f.time_start)
        rows.append([s.p(when, s.cell), s.p(f.term, s.cell), s.p(f.category, s.cell),
                     s.raw(f'<font color="white"><b>{escape(f.severity)}</b></font>', s.cell), s.p(f.context, s.cell),
                     s.p(kind, s.cell), s.p(disposition, s.cell), s.p(f.suggestion or "—", s.cell)])
        style.add("BACKGROUND", (3, number), (3, number), SEVERITY_COLOURS.get(f.severity, colors.grey))
    if len(rows) == 1:
        rows.append([s.p("No findings", s.cell)] + [""] * 7)
    widths = [15 * mm, 20 * mm, 24 * mm, 15 * mm, 38 * mm, 16 * mm, 22 * mm]
    table = Table(rows, colWidths=[*widths, WIDTH - sum(widths)], repeatRows=1)
    styled(table, s.fonts, style)
    return [s.raw(f"Findings ({len(data.findings)})", s.h2), table]


def _comments(data: VideoReportData, s: Styles) -> list:
    if not data.comments:
        return [s.raw("Timecoded comments", s.h2), s.p("No comments.", s.body)]
    rows = [[s.raw(h, s.head) for h in ("Time", "Reviewer", "Comment")]]
    rows += [[s.p(clock(c.at_seconds), s.cell), s.p(c.reviewer, s.cell), s.p(c.text, s.cell)] for c in data.comments]
    table = Table(rows, colWidths=[14 * mm, 34 * mm, WIDTH - 48 * mm], repeatRows=1)
    styled(table, s.fonts, grid())
    return [s.raw("Timecoded comments", s.h2), table]


def _transcript(data: VideoReportData, s: Styles) -> list:
    """The transcript with each flagged span on a coloured background."""
    pieces, cursor = [], 0
    for h in sorted(data.highlights, key=lambda h: h.start):
        if h.start < cursor:
            continue
        pieces.append(s.fonts.markup(data.transcript[cursor:h.start]))
        colour = SEVERITY_COLOURS.get(h.severity, colors.grey).hexval().replace("0x", "#")
        pieces.append(f'<font backColor="{colour}" color="white">{s.fonts.markup(data.transcript[h.start:h.end])}'
                      "</font>")
        cursor = h.end
    pieces.append(s.fonts.markup(data.transcript[cursor:]))
    text = "".join(pieces) or "No transcript."
    return [s.raw("Transcript", s.h2), Paragraph(text, s.body)]


def _provenance(data: VideoReportData, s: Styles) -> list:
    lines = [f"Transcription: model {escape(data.model or '—')}, language {escape(data.language or '—')}."]
    lines += [f"Term list {escape(name)} v{escape(version)} · SHA-256 {escape(sha)}" for name, version, sha in
              data.term_lists]
    if data.audit_head:
        lines.append(f"Audit log at issue: {escape(data.audit_head)} (check later with "
                     "'thinktwice audit verify --against' this file)")
    return [s.raw("Provenance", s.h2), *[s.raw(line, s.small) for line in lines]]


def _helplines(s: Styles) -> list:
    lines = "<br/>".join(f"<b>{escape(name)}</b>: {escape(number)}" for name, number in HELPLINES)
    box = Table([[s.raw("<b>This video touches on suicide or self-harm.</b> If it is published, show where to find "
                        f"help:<br/>{lines}", s.body)]], colWidths=[WIDTH])
    styled(box, s.fonts, TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#e8f5e9")),
                             ("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#2e7d32")),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 6),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return [Spacer(1, 6), box]


def _signatures(s: Styles) -> list:
    line = "_" * 38
    table = Table([[s.raw(f"{line}<br/>Campaign lead (name and signature)", s.small),
                    s.raw(f"{line}<br/>Date", s.small)]], colWidths=[WIDTH * 0.6, WIDTH * 0.4])
    styled(table, s.fonts)
    return [Spacer(1, 18), KeepTogether([s.raw("Sign-off", s.h2), Spacer(1, 18), table])]


def render_video_report(data: VideoReportData, fonts: FontSet) -> bytes:
    """The PDF as bytes; the caller writes it (atomically)."""
    f = Fonts(fonts)
    s = Styles(f)
    story = _header(data, s) + _decisions(data, s)
    if data.self_harm:
        story += _helplines(s)
    story += _findings(data, s) + _comments(data, s) + _transcript(data, s) + _provenance(data, s) + _signatures(s)
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN + 4 * mm, title=f"Approval report: {data.file_name}",
                            author="ThinkTwice Review", subject=data.campaign,
                            keywords=data.audit_head)
    footer = f"ThinkTwice Review · approval report · generated {data.generated_at}"
    doc.build(story, canvasmaker=numbered_canvas(f, footer))
    return out.getvalue()
