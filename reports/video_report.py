"""The per-video approval report: what was said, what was found, who decided what, on which content."""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from reports.fonts import Fonts
from reports.labels import Labels, helplines
from reports.layout import MARGIN, PAGE, SEVERITY_COLOURS, STATUS_COLOURS, Styles, clock, grid, numbered_canvas, styled
from reports.types import CommentRow, FindingRow, FontSet, VideoReportData

WIDTH = PAGE[0] - 2 * MARGIN
CONTEXT_WIDTH = 36 * mm


def _header(data: VideoReportData, s: Styles, t: Labels) -> list:
    facts = [(t["campaign"], data.campaign), (t["creator"], data.creator or "—"), (t["file"], data.file_name),
             (t["version"], f"v{data.version}"), (t["sha256"], data.sha256),
             (t["duration"], t("seconds", value=f"{data.duration:.1f}")),
             (t["resolution"], data.resolution or t["audio_only"]), (t["caption"], data.caption or "—")]
    rows = [[s.raw(f"<b>{escape(label)}</b>", s.cell), s.p(value, s.cell)] for label, value in facts]
    table = Table(rows, colWidths=[28 * mm, WIDTH - 28 * mm])
    styled(table, s.fonts, TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                               ("TOPPADDING", (0, 0), (-1, -1), 1)]))
    flow = [s.p(t("approval_title", name=data.file_name), s.title), table, Spacer(1, 4)]
    if data.keyframes:
        frame_width = (WIDTH - 4 * (len(data.keyframes) - 1)) / len(data.keyframes)
        images = [Image(BytesIO(png), width=frame_width, height=frame_width * 9 / 16, kind="proportional")
                  for png in data.keyframes]
        strip = Table([images], colWidths=[frame_width + 4] * len(images))
        styled(strip, s.fonts, [("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 4)])
        flow.append(strip)
    return flow


def _decisions(data: VideoReportData, s: Styles, t: Labels) -> list:
    colour = STATUS_COLOURS.get(data.status, "#37474f")
    label = data.vocab.status(data.status)
    if data.file_state == "missing":
        colour, label = "#c62828", t("file_missing_status", status=label)
    flow = [s.raw(escape(t["decision_summary"]), s.h2),
            s.raw(f'{escape(t["combined_status"])}: <font color="{colour}"><b>{escape(label)}</b></font>', s.body)]
    if data.file_check:
        check_colour = "#2e7d32" if data.file_state == "ok" else "#c62828"
        flow.append(s.raw(f'<font color="{check_colour}"><b>{escape(data.file_check)}</b></font>',
                          s.body if data.file_state == "ok" else s.banner))
    if data.decided_label:
        flow.append(s.p(t("required_reviewers", decided=data.decided_label), s.body))
    if data.awaited:
        flow.append(s.p(t("awaiting", who=", ".join(data.awaited)), s.body))
    flow += [s.p(conflict, s.banner) for conflict in data.conflicts]
    if data.changed_since_review:
        flow.append(s.raw(escape(t["changed_banner"]), s.banner))
    if data.new_findings:
        flow.append(s.raw(t.escaped("new_findings_banner", count=data.new_findings), s.banner))
    if data.transcript_gap:
        flow.append(s.p(data.transcript_gap[0].upper() + data.transcript_gap[1:] + ".", s.banner))
    if data.stale_term_lists:
        flow.append(s.raw(escape(t["stale_banner"]), s.banner))
    rows = [[s.raw(escape(t[h]), s.head) for h in ("reviewer", "organisation", "decision", "date", "note")]]
    rows += [[s.p(d.reviewer, s.cell), s.p(d.organisation or "—", s.cell),
              s.p(data.vocab.status(d.decision), s.cell), s.p(d.date, s.cell),
              s.p(d.note or "—", s.cell)] for d in data.decisions]
    if len(rows) == 1:
        rows.append([s.p(t["no_decisions"], s.cell), "", "", "", ""])
    table = Table(rows, colWidths=[32 * mm, 38 * mm, 30 * mm, 26 * mm, WIDTH - 126 * mm], repeatRows=1)
    styled(table, s.fonts, grid())
    return [*flow, Spacer(1, 3), table]


def _findings(data: VideoReportData, s: Styles, t: Labels) -> list:
    head = ("time", "term", "category", "severity", "context", "kind", "disposition", "suggestion")
    rows = [[s.raw(escape(t[h]), s.head) for h in head]]
    style = grid()
    vocab = data.vocab
    for number, f in enumerate(data.findings, start=1):
        disposition = vocab.disposition(f.disposition) + (f": {f.reason}" if f.reason else "")
        if f.source == "screen" and (f.kind == "fuzzy" or f.look):
            kind = t("look_kind", kind=vocab.kind(f.kind))  # on-screen text read with doubt: look at the frame
        else:
            kind = t["fuzzy_kind"] if f.kind == "fuzzy" else vocab.kind(f.kind)
        if f.heard:  # settled by a targeted second listen (speech) or look (screen)
            kind = t["confirmed_kind"]
        when = t["on_caption"] if f.source == "caption" else clock(f.time_start)
        if f.source == "screen":
            when += " " + t["on_screen"]
        rows.append([s.p(when, s.cell), s.p(f.term, s.cell), s.p(vocab.category(f.category), s.cell),
                     s.raw(f'<font color="white"><b>{escape(vocab.severity(f.severity))}</b></font>', s.cell),
                     _context(f, s, t),
                     s.p(kind, s.cell), s.p(disposition, s.cell), s.p(f.suggestion or "—", s.cell)])
        style.add("BACKGROUND", (3, number), (3, number), SEVERITY_COLOURS.get(f.severity, colors.grey))
    if len(rows) == 1:
        empty = t["no_findings_no_audio"] if data.no_audio else t["not_fully_checked"] if data.partial_audio else \
            t["not_checked"] if data.transcript_gap else t["no_findings"]  # never "none" for an unchecked video
        rows.append([s.p(empty, s.cell)] + [""] * 7)
        style.add("SPAN", (0, 1), (-1, 1))  # one line across the table, not wrapped into the Time column
    widths = [14 * mm, 20 * mm, 24 * mm, 18 * mm, CONTEXT_WIDTH, 17 * mm, 22 * mm]
    table = Table(rows, colWidths=[*widths, WIDTH - sum(widths)], repeatRows=1)
    styled(table, s.fonts, style)
    return [s.raw(t.escaped("findings_heading", count=len(data.findings)), s.h2), table]


def _context(finding: FindingRow, s: Styles, t: Labels) -> Paragraph | list:
    """The words around a finding; for on-screen text, the frame around it with the text's box outlined. A term
    settled by a second listen or look says what the first pass heard (or read) there, so the record holds up."""
    cells = [s.p(finding.context, s.cell)]
    if finding.heard:
        trail = t("read_as" if finding.source == "screen" else "heard_as", heard=finding.heard)
        cells.append(s.raw(f"<i>{escape(trail)}</i>", s.cell))
    if finding.thumbnail is not None:
        cells.insert(0, Image(BytesIO(finding.thumbnail), width=CONTEXT_WIDTH - 4, height=CONTEXT_WIDTH,
                              kind="proportional"))
    return cells if len(cells) > 1 else cells[0]


def _changes(data: VideoReportData, s: Styles, t: Labels) -> list:
    changes = data.changes_since_previous
    if changes is None:
        return []
    heading = s.raw(t.escaped("changes_heading", version=changes.previous_version), s.h2)
    if changes.unchecked:
        return [heading, s.p(t("not_compared", version=changes.previous_version), s.banner)]
    if not [row for row in changes.rows if row.change != "unchanged"]:
        return [heading, s.p(t("no_changes", version=changes.previous_version), s.body)]
    rows = [[s.raw(escape(t[h]), s.head) for h in ("change", "term", "matched")]]
    order = {"new": 0, "resolved": 1, "unchanged": 2}
    rows += [[s.p(t[f"change_{row.change}"], s.cell), s.p(row.term, s.cell), s.p(row.matched, s.cell)]
             for row in sorted(changes.rows, key=lambda row: order.get(row.change, 3))]
    table = Table(rows, colWidths=[30 * mm, 40 * mm, WIDTH - 70 * mm], repeatRows=1)
    styled(table, s.fonts, grid())
    return [heading, table]


def _comment_time(comment: CommentRow, s: Styles, t: Labels) -> Paragraph:
    """The moment (or range) of a comment; a reply shows its thread's moment and says it is a reply, in words:
    an arrow such as "↳" is in none of the report fonts."""
    when = clock(comment.at_seconds)
    if comment.reply:
        return s.raw(f"{escape(when)}<br/><i>{escape(t['reply'])}</i>", s.cell)
    if comment.end_seconds is None:
        return s.p(when, s.cell)
    return s.raw(f"{escape(when)}–<br/>{escape(clock(comment.end_seconds))}", s.cell)  # never split inside a time


def _comment_text(comment: CommentRow, t: Labels) -> str:
    flags = [t[flag] for flag, on in (("resolved", comment.resolved), ("internal", comment.internal)) if on]
    return comment.text + (f" ({', '.join(flags)})" if flags else "")


def _comments(data: VideoReportData, s: Styles, t: Labels) -> list:
    if not data.comments:
        return [s.raw(escape(t["comments_heading"]), s.h2), s.p(t["no_comments"], s.body)]
    rows = [[s.raw(escape(t[h]), s.head) for h in ("time", "reviewer", "comment")]]
    rows += [[_comment_time(c, s, t), s.p(c.reviewer, s.cell), s.p(_comment_text(c, t), s.cell)]
             for c in data.comments]
    table = Table(rows, colWidths=[14 * mm, 34 * mm, WIDTH - 48 * mm], repeatRows=1)
    styled(table, s.fonts, grid())
    return [s.raw(escape(t["comments_heading"]), s.h2), table]


def _transcript(data: VideoReportData, s: Styles, t: Labels) -> list:
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
    text = "".join(pieces) or escape(t["no_audio_transcript" if data.no_audio else "no_transcript"])
    return [s.raw(escape(t["transcript"]), s.h2), Paragraph(text, s.body)]


def _provenance(data: VideoReportData, s: Styles, t: Labels) -> list:
    lines = [t.escaped("provenance_model", model=data.model or "—", language=data.language or "—")]
    if data.screen_text:
        lines.append(t.escaped("provenance_screen", status=data.screen_text))
    lines += [t.escaped("provenance_list", name=name, version=version, sha=sha) for name, version, sha in
              data.term_lists]
    if data.audit_head:
        lines.append(t.escaped("audit_at_issue_verify", head=data.audit_head))
    return [s.raw(escape(t["provenance"]), s.h2), *[s.raw(line, s.small) for line in lines]]


def _helplines(s: Styles, t: Labels) -> list:
    lines = "<br/>".join(f"<b>{escape(name)}</b>: {escape(number)}" for name, number in helplines(t))
    box = Table([[s.raw(f"{t['helplines_intro']}<br/>{lines}", s.body)]], colWidths=[WIDTH])
    styled(box, s.fonts, TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#e8f5e9")),
                             ("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#2e7d32")),
                             ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 6),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return [Spacer(1, 6), box]


def _signatures(s: Styles, t: Labels) -> list:
    line = "_" * 38
    table = Table([[s.raw(f"{line}<br/>{escape(t['lead_signature'])}", s.small),
                    s.raw(f"{line}<br/>{escape(t['date'])}", s.small)]], colWidths=[WIDTH * 0.6, WIDTH * 0.4])
    styled(table, s.fonts)
    return [Spacer(1, 18), KeepTogether([s.raw(escape(t["sign_off"]), s.h2), Spacer(1, 18), table])]


def render_video_report(data: VideoReportData, fonts: FontSet) -> bytes:
    """The PDF as bytes; the caller writes it (atomically)."""
    f = Fonts(fonts)
    s = Styles(f)
    t = Labels(data.vocab.language)
    story = _header(data, s, t) + _decisions(data, s, t)
    if data.self_harm:
        story += _helplines(s, t)
    story += _findings(data, s, t) + _changes(data, s, t) + _comments(data, s, t) + _transcript(data, s, t)
    story += _provenance(data, s, t) + _signatures(s, t)
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN + 4 * mm, title=t("approval_title", name=data.file_name),
                            author="ThinkTwice Review", subject=data.campaign, lang=t.language,
                            keywords=data.audit_head)
    doc.build(story, canvasmaker=numbered_canvas(f, t("footer_approval", when=data.generated_at), t["page_of"]))
    return out.getvalue()
