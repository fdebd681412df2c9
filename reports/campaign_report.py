"""The campaign summary for leads: status counts, findings charts, every video, and reviewer workload."""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from reports.fonts import Fonts
from reports.layout import (
    MARGIN,
    PAGE,
    SEVERITY_COLOURS,
    STATUS_COLOURS,
    STATUS_LABELS,
    Styles,
    grid,
    numbered_canvas,
    styled,
)
from reports.types import CampaignReportData, FontSet

WIDTH = PAGE[0] - 2 * MARGIN


def bar_chart(title: str, values: dict[str, int], fonts: Fonts, colours: dict | None = None, width: float = 85 * mm,
              limit: int = 10) -> Drawing:
    items = list(values.items())[:limit] or [("none", 0)]
    drawing = Drawing(width, 62 * mm)
    drawing.__dict__["initialFontName"] = fonts.main  # the renderer's start state, else unembedded Helvetica
    drawing.add(String(0, 62 * mm - 10, title, fontName=fonts.main_bold, fontSize=9))
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 22, 38, width - 30, 62 * mm - 60
    chart.data = [[v for _, v in items]]
    chart.categoryAxis.categoryNames = [k if len(k) <= 14 else k[:13] + "…" for k, _ in items]
    chart.categoryAxis.labels.fontName = fonts.main
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.angle = 30 if len(items) > 4 else 0
    chart.categoryAxis.labels.boxAnchor = "ne" if len(items) > 4 else "n"
    chart.valueAxis.labels.fontName = fonts.main
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    top = max(v for _, v in items)
    chart.valueAxis.valueMax = max(top, 1)
    chart.valueAxis.valueStep = max(1, -(-top // 5))
    chart.bars[0].fillColor = colors.HexColor("#546e7a")
    chart.bars[0].strokeColor = None
    for index, (key, _) in enumerate(items):
        if colours and key in colours:
            chart.bars[(0, index)].fillColor = colours[key]
    drawing.add(chart)
    return drawing


def render_campaign_report(data: CampaignReportData, fonts: FontSet) -> bytes:
    f = Fonts(fonts)
    s = Styles(f)
    story: list = [s.p(f"Campaign summary: {data.campaign}", s.title),
                   s.p(f"{len(data.videos)} videos · generated {data.generated_at}", s.small),
                   *([s.p(f"Audit log at issue: {data.audit_head}", s.small)] if data.audit_head else []),
                   Spacer(1, 6)]
    number = ParagraphStyle("tile", parent=s.body, fontName=f.main_bold, fontSize=15, leading=18, alignment=1)
    label = ParagraphStyle("tile-label", parent=s.cell, alignment=1)
    tiles = [[s.raw(f'<font color="{STATUS_COLOURS[k]}">{v}</font>', number) for k, v in data.status_counts.items()],
             [s.raw(escape(STATUS_LABELS[k]), label) for k in data.status_counts]]
    tile_table = Table(tiles, colWidths=[WIDTH / len(data.status_counts)] * len(data.status_counts))
    styled(tile_table, s.fonts, TableStyle([("BOX", (i, 0), (i, 1), 1, colors.HexColor(STATUS_COLOURS[k]))
                                    for i, k in enumerate(data.status_counts)]))
    story += [s.raw("Videos by status", s.h2), tile_table, Spacer(1, 8)]
    charts = Table([[bar_chart("Findings by category", data.by_category, f),
                     bar_chart("Findings by severity", data.by_severity, f, SEVERITY_COLOURS)]],
                   colWidths=[WIDTH / 2, WIDTH / 2])
    story += [styled(charts, s.fonts)]
    rows = [[s.raw(h, s.head) for h in ("Video", "Creator", "Status", "Highest", "Findings", "Reviewers")]]
    style = grid()
    for number, v in enumerate(data.videos, start=1):
        status = STATUS_LABELS.get(v.status, v.status) + (" (changed since review)" if v.changed_since_review else "")
        rows.append([s.p(f"{v.file_name} (v{v.version})", s.cell), s.p(v.creator or "—", s.cell),
                     s.p(status, s.cell), s.p(v.highest_severity or "—", s.cell), s.p(str(v.findings), s.cell),
                     s.p(v.reviewers or "—", s.cell)])
        if v.highest_severity in SEVERITY_COLOURS:
            style.add("TEXTCOLOR", (3, number), (3, number), SEVERITY_COLOURS[v.highest_severity])
    widths = [52 * mm, 28 * mm, 32 * mm, 16 * mm, 17 * mm]
    table = Table(rows, colWidths=[*widths, WIDTH - sum(widths)], repeatRows=1)
    styled(table, s.fonts, style)
    story += [s.raw("Every video", s.h2), table]
    work = [[s.raw(h, s.head) for h in ("Reviewer", "Organisation", "Videos", "Decisions")]]
    work += [[s.p(w.reviewer, s.cell), s.p(w.organisation or "—", s.cell), s.p(str(w.videos), s.cell),
              s.p(str(w.decisions), s.cell)] for w in data.workload] or [[s.p("No decisions yet", s.cell), "", "", ""]]
    workload = Table(work, colWidths=[50 * mm, 70 * mm, 25 * mm, WIDTH - 145 * mm], repeatRows=1)
    styled(workload, s.fonts, grid())
    story += [s.raw("Reviewer workload", s.h2), workload]
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN + 4 * mm, title=f"Campaign summary: {data.campaign}",
                            author="ThinkTwice Review", keywords=data.audit_head)
    doc.build(story, canvasmaker=numbered_canvas(f, f"ThinkTwice Review · campaign summary · generated "
                                                    f"{data.generated_at}"))
    return out.getvalue()
