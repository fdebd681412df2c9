"""The campaign summary for leads: status counts, findings charts, every video, and reviewer workload."""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Spacer, Table, TableStyle

from reports.fonts import Fonts
from reports.labels import Labels
from reports.layout import MARGIN, PAGE, SEVERITY_COLOURS, STATUS_COLOURS, Styles, grid, numbered_canvas, styled
from reports.types import CampaignReportData, FontSet, count_axis

WIDTH = PAGE[0] - 2 * MARGIN


def bar_chart(title: str, values: dict[str, int], fonts: Fonts, colours: dict | None = None, width: float = 85 * mm,
              limit: int = 10, names: dict[str, str] | None = None, empty: str = "none") -> Drawing:
    """`values` keyed by the domain's words; `names` gives what to print for each key (the report's language)."""
    items = list(values.items())[:limit] or [(empty, 0)]
    names = names or {}
    drawing = Drawing(width, 62 * mm)
    drawing.__dict__["initialFontName"] = fonts.main  # the renderer's start state, else unembedded Helvetica
    drawing.add(String(0, 62 * mm - 10, title, fontName=fonts.main_bold, fontSize=9))
    # Horizontal bars, largest on top: long category names stay whole on the left; whole-number ticks on gridlines.
    items = list(reversed(items))
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 34 * mm, 14, width - 34 * mm - 6, 62 * mm - 32
    chart.data = [[v for _, v in items]]
    printed = [names.get(k, k) for k, _ in items]
    chart.categoryAxis.categoryNames = [k if len(k) <= 24 else k[:23] + "…" for k in printed]
    chart.categoryAxis.labels.fontName = fonts.main
    chart.categoryAxis.labels.fontSize = 6.5
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -3
    chart.valueAxis.labels.fontName = fonts.main
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax, chart.valueAxis.valueStep = count_axis(max(v for _, v in items))
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#d0d7de")
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
    t = Labels(data.vocab.language)
    vocab = data.vocab
    story: list = [s.p(t("summary_title", name=data.campaign), s.title),
                   s.p(t("summary_subtitle", count=len(data.videos), when=data.generated_at), s.small),
                   *([s.p(t("audit_at_issue", head=data.audit_head), s.small)] if data.audit_head else []),
                   Spacer(1, 6)]
    number = ParagraphStyle("tile", parent=s.body, fontName=f.main_bold, fontSize=15, leading=18, alignment=1)
    label = ParagraphStyle("tile-label", parent=s.cell, alignment=1)
    tiles = [[s.raw(f'<font color="{STATUS_COLOURS[k]}">{v}</font>', number) for k, v in data.status_counts.items()],
             [s.raw(escape(vocab.status(k)), label) for k in data.status_counts]]
    tile_table = Table(tiles, colWidths=[WIDTH / len(data.status_counts)] * len(data.status_counts))
    styled(tile_table, s.fonts, TableStyle([("BOX", (i, 0), (i, 1), 1, colors.HexColor(STATUS_COLOURS[k]))
                                    for i, k in enumerate(data.status_counts)]))
    story += [s.raw(escape(t["by_status"]), s.h2), tile_table, Spacer(1, 8)]
    categories = {k: vocab.category(k) for k in data.by_category}
    severities = {k: vocab.severity(k) for k in data.by_severity}
    charts = Table([[bar_chart(t["by_category"], data.by_category, f, names=categories, empty=t["none"]),
                     bar_chart(t["by_severity"], data.by_severity, f, SEVERITY_COLOURS, names=severities,
                               empty=t["none"])]],
                   colWidths=[WIDTH / 2, WIDTH / 2])
    story += [styled(charts, s.fonts)]
    rows = [[s.raw(escape(t[h]), s.head) for h in ("video", "creator", "status", "highest", "findings", "reviewers")]]
    style = grid()
    for number, v in enumerate(data.videos, start=1):
        status = vocab.status(v.status) + (t["changed_suffix"] if v.changed_since_review else "")
        highest = vocab.severity(v.highest_severity) if v.highest_severity else "—"
        rows.append([s.p(f"{v.file_name} (v{v.version})", s.cell), s.p(v.creator or "—", s.cell),
                     s.p(status, s.cell), s.p(highest, s.cell), s.p(str(v.findings), s.cell),
                     s.p(v.reviewers or "—", s.cell)])
        if v.highest_severity in SEVERITY_COLOURS:
            style.add("TEXTCOLOR", (3, number), (3, number), SEVERITY_COLOURS[v.highest_severity])
    widths = [52 * mm, 28 * mm, 32 * mm, 16 * mm, 17 * mm]
    table = Table(rows, colWidths=[*widths, WIDTH - sum(widths)], repeatRows=1)
    styled(table, s.fonts, style)
    story += [s.raw(escape(t["every_video"]), s.h2), table]
    work = [[s.raw(escape(t[h]), s.head) for h in ("reviewer", "organisation", "videos", "decisions")]]
    work += [[s.p(w.reviewer, s.cell), s.p(w.organisation or "—", s.cell), s.p(str(w.videos), s.cell),
              s.p(str(w.decisions), s.cell)] for w in data.workload] or [[s.p(t["no_decisions"], s.cell), "", "", ""]]
    workload = Table(work, colWidths=[50 * mm, 70 * mm, 25 * mm, WIDTH - 145 * mm], repeatRows=1)
    styled(workload, s.fonts, grid())
    story += [s.raw(escape(t["workload"]), s.h2), workload]
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN + 4 * mm, title=t("summary_title", name=data.campaign),
                            author="ThinkTwice Review", lang=t.language, keywords=data.audit_head)
    doc.build(story, canvasmaker=numbered_canvas(f, t("footer_summary", when=data.generated_at), t["page_of"]))
    return out.getvalue()
