"""The creator's feedback as a PDF: the decision in one sentence, then one card per moment to look at.

No hashes, no audit data, no jargon: this document goes to the person who has to change the video.
"""

from __future__ import annotations

from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Image, KeepTogether, SimpleDocTemplate, Spacer, Table, TableStyle

from reports.fonts import Fonts
from reports.labels import Labels, helplines
from reports.layout import MARGIN, PAGE, SEVERITY_COLOURS, Styles, clock, numbered_canvas, styled
from reports.types import FeedbackData, FeedbackItem, FontSet

WIDTH = PAGE[0] - 2 * MARGIN
THUMB_WIDTH = 42 * mm
KIND_COLOURS = {"comment": colors.HexColor("#546e7a")}


def item_heading(item: FeedbackItem, t: Labels) -> str:
    """'00:17 · What was said' (a range for range comments); a caption has no moment: 'In your caption'."""
    if item.source == "caption" and item.kind == "finding":
        return t["feedback_item_caption"]
    when = clock(item.seconds)
    if item.end_seconds is not None and item.kind == "comment" and item.end_seconds > (item.seconds or 0):
        when = f"{when}–{clock(item.end_seconds)}"
    if item.kind == "comment":
        label = t["feedback_item_comment"] + (f" ({item.author})" if item.author else "")
    else:
        label = t["feedback_item_screen"] if item.source == "screen" else t["feedback_item_finding"]
    return f"{when} · {label}"


def _card(item: FeedbackItem, s: Styles, t: Labels) -> Table:
    lines = [s.p(item_heading(item, t), s.h3), s.p(f"“{item.quote}”", s.body)]
    if item.why:
        lines += [s.raw(f"<b>{escape(t['why'])}:</b> {s.fonts.markup(item.why)}", s.body)]
    if item.kinder:
        lines += [s.raw(f"<b>{escape(t['kinder'])}:</b> {s.fonts.markup(item.kinder)}", s.kinder)]
    if item.thumbnail:  # no empty picture column beside a card without a frame (a caption, an audio-only video)
        picture = Image(BytesIO(item.thumbnail), width=THUMB_WIDTH, height=THUMB_WIDTH * 16 / 9, kind="proportional")
        card = Table([[picture, lines]], colWidths=[THUMB_WIDTH + 6, WIDTH - THUMB_WIDTH - 6])
    else:
        card = Table([[lines]], colWidths=[WIDTH])
    edge = SEVERITY_COLOURS.get(item.severity, KIND_COLOURS["comment"])
    styled(card, s.fonts, TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                      ("LINEBEFORE", (0, 0), (0, 0), 3, edge),
                                      ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#cfd8dc")),
                                      ("TOPPADDING", (0, 0), (-1, -1), 6), ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                                      ("LEFTPADDING", (0, 0), (-1, -1), 6)]))
    return card


def _helplines_box(s: Styles, t: Labels) -> Table:
    lines = "<br/>".join(f"<b>{escape(name)}</b>: {escape(number)}" for name, number in helplines(t))
    box = Table([[s.raw(f"{escape(t['helplines_feedback'])}<br/>{lines}", s.body)]], colWidths=[WIDTH])
    styled(box, s.fonts, TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#e8f5e9")),
                                     ("BOX", (0, 0), (-1, -1), 1, colors.HexColor("#2e7d32")),
                                     ("LEFTPADDING", (0, 0), (-1, -1), 8), ("TOPPADDING", (0, 0), (-1, -1), 6),
                                     ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]))
    return box


def render_feedback_pdf(data: FeedbackData, fonts: FontSet) -> bytes:
    """The PDF as bytes; the caller writes it (atomically)."""
    f = Fonts(fonts)
    s = Styles(f)
    t = Labels(data.language)
    story: list = [s.p(t("feedback_title", name=data.file_name), s.title),
                   s.p(" · ".join(part for part in (data.campaign, data.creator, f"v{data.version}", data.date)
                                  if part), s.small),
                   Spacer(1, 6), s.p(data.decision_sentence, s.banner), s.p(t["feedback_intro"], s.body)]
    if data.reviewer_note:
        story += [s.p(t["reviewer_note"], s.h2), s.p(data.reviewer_note, s.body)]
    if data.self_harm:
        story += [Spacer(1, 6), _helplines_box(s, t)]
    story.append(Spacer(1, 8))
    if not data.items and not data.reviewer_note:  # with a note, the note is what to look at
        story.append(s.p(t["no_feedback_items"], s.body))
    for item in data.items:
        story += [KeepTogether([_card(item, s, t)]), Spacer(1, 5)]
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                            bottomMargin=MARGIN + 4 * mm, title=t("feedback_title", name=data.file_name),
                            author="ThinkTwice Review", lang=t.language)
    doc.build(story, canvasmaker=numbered_canvas(f, t("footer_feedback", when=data.date), t["page_of"]))
    return out.getvalue()
