"""The creator's feedback as one self-contained HTML file a creator can open on a phone.

Images are inlined as data: URIs, the style sheet is inline, and there are no scripts and no external references,
so the file works offline and reveals nothing when opened. Every piece of user text is escaped.
"""

from __future__ import annotations

import base64
from html import escape

from reports.feedback_report import item_heading
from reports.labels import Labels, helplines
from reports.types import FeedbackData, FeedbackItem

SEVERITY_EDGE = {"critical": "#4a148c", "high": "#c62828", "medium": "#ef6c00", "low": "#f9a825"}

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:0;background:#f4f6f7;
color:#1f2a30;line-height:1.45}
main{max-width:42rem;margin:0 auto;padding:1rem}
h1{font-size:1.35rem;margin:.2rem 0}
.meta{color:#607d8b;font-size:.85rem}
.decision{background:#fff3e0;border-left:4px solid #bf360c;padding:.7rem;font-weight:600;margin:1rem 0}
.help{background:#e8f5e9;border:1px solid #2e7d32;padding:.7rem;margin:1rem 0}
.card{background:#fff;border:1px solid #cfd8dc;border-left:5px solid #546e7a;margin:.8rem 0;padding:.7rem;
display:flex;gap:.8rem;flex-wrap:wrap}
.card img{width:7rem;height:auto;border-radius:4px;align-self:flex-start}
.card div{flex:1 1 14rem}
.when{font-weight:700}
.kinder{color:#1b5e20}
footer{color:#607d8b;font-size:.75rem;margin:2rem 0 1rem}
"""


def _picture(item: FeedbackItem) -> str:
    if not item.thumbnail:
        return ""
    encoded = base64.b64encode(item.thumbnail).decode("ascii")
    return f'<img alt="" src="data:image/png;base64,{encoded}">'


def _card(item: FeedbackItem, t: Labels) -> str:
    edge = SEVERITY_EDGE.get(item.severity, "#546e7a")
    parts = [f'<p class="when">{escape(item_heading(item, t))}</p>', f"<p>“{escape(item.quote)}”</p>"]
    if item.why:
        parts.append(f"<p><b>{escape(t['why'])}:</b> {escape(item.why)}</p>")
    if item.kinder:
        parts.append(f'<p class="kinder"><b>{escape(t["kinder"])}:</b> {escape(item.kinder)}</p>')
    return (f'<section class="card" style="border-left-color:{edge}">{_picture(item)}<div>{"".join(parts)}'
            "</div></section>")


def render_feedback_html(data: FeedbackData) -> str:
    t = Labels(data.language)
    meta = " · ".join(escape(part) for part in (data.campaign, data.creator, f"v{data.version}", data.date) if part)
    body = [f"<h1>{escape(t('feedback_title', name=data.file_name))}</h1>", f'<p class="meta">{meta}</p>',
            f'<p class="decision">{escape(data.decision_sentence)}</p>', f"<p>{escape(t['feedback_intro'])}</p>"]
    if data.reviewer_note:
        body.append(f"<h2>{escape(t['reviewer_note'])}</h2><p>{escape(data.reviewer_note)}</p>")
    if data.self_harm:
        lines = "".join(f"<li><b>{escape(name)}</b>: {escape(number)}</li>" for name, number in helplines(t))
        body.append(f'<div class="help"><p>{escape(t["helplines_feedback"])}</p><ul>{lines}</ul></div>')
    body += [_card(item, t) for item in data.items] or \
        ([] if data.reviewer_note else [f"<p>{escape(t['no_feedback_items'])}</p>"])  # a note says what to change
    body.append(f"<footer>{escape(t('footer_feedback', when=data.date))}</footer>")
    return (f'<!DOCTYPE html>\n<html lang="{t.language}"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(t('feedback_title', name=data.file_name))}</title><style>{STYLE}</style></head>"
            f"<body><main>{''.join(body)}</main></body></html>\n")
