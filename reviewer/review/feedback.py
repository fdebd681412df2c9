"""The creator feedback package: what the creator should change, moment by moment, in words she can act on.

It is built for the creator, not for sign-off: the decision in one sentence, then each open or confirmed finding
and each comment meant for her, in time order, with a frame, the timecode, the quote, why it matters and a kinder
way to say it. Dismissed findings, internal comments, dismissal reasons, hashes and audit data stay out.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path
from typing import cast

from reports.types import FeedbackData, FeedbackItem
from reviewer.checking.checker import transcript_text
from reviewer.checking.terms import Term
from reviewer.review.services import Services
from reviewer.review.status import Decision, latest_per_reviewer
from reviewer.review.vocabulary import Language, format_date, kinder_wording, why_it_matters
from reviewer.review.workflow import latest_transcript
from reviewer.store.queries import show
from reviewer.store.types import CommentRow, FindingRow, ReviewRow
from transcribe.frames import frames_at

SELF_HARM = "Suicide and Self-Harm"
OPEN_FOR_CREATOR = ("open", "confirmed")
QUOTE_CHARS = 40

DECISION_SENTENCES: dict[Language, dict[str, str]] = {
    "en": {
        "approved": "Your video is approved: you can publish it as it is.",
        "approved_with_notes": "Your video is approved; the reviewers left notes you may want to look at.",
        "approved_with_changes_in_note": "Your video is approved once you make the changes in the reviewers' note.",
        "changes_required_in_note": "Please make the changes in the reviewers' note and send us a new version.",
        "changes_unlisted": "The reviewers asked for changes but listed none here; please ask them what to change.",
        "approved_with_changes": "Your video is approved once you make the changes below.",
        "changes_required": "Please make the changes below and send us a new version.",
        "rejected": "This video can't be used in the campaign as it is; the points below explain why.",
        "in_review": "Your video is still being reviewed; here is the feedback so far.",
        "pending": "Your video has not been reviewed yet; here is what the automatic check found so far.",
    },
    "ms": {
        "approved": "Video anda diluluskan: anda boleh menerbitkannya seperti sedia ada.",
        "approved_with_notes": "Video anda diluluskan; penyemak meninggalkan nota yang mungkin anda mahu lihat.",
        "approved_with_changes_in_note": "Video anda diluluskan selepas anda membuat perubahan dalam nota penyemak.",
        "changes_required_in_note": "Sila buat perubahan dalam nota penyemak dan hantar versi baharu kepada kami.",
        "changes_unlisted": "Penyemak meminta perubahan tetapi tidak menyenaraikannya di sini; sila tanya mereka apa "
                            "yang perlu diubah.",
        "approved_with_changes": "Video anda diluluskan selepas anda membuat perubahan di bawah.",
        "changes_required": "Sila buat perubahan di bawah dan hantar versi baharu kepada kami.",
        "rejected": "Video ini tidak boleh digunakan dalam kempen seperti sedia ada; perkara di bawah "
                    "menerangkan sebabnya.",
        "in_review": "Video anda masih disemak; berikut ialah maklum balas setakat ini.",
        "pending": "Video anda belum disemak; berikut ialah dapatan semakan automatik setakat ini.",
    },
}


def _terms_by_name(services: Services) -> dict[str, Term]:
    return {term.term: term for term_list in services.checker().lists for term in term_list.terms}


def _finding_item(row: FindingRow, text: str, terms: dict[str, Term], language: Language) -> FeedbackItem:
    term = terms.get(row["term"])
    note = term.note if term else ""
    quote = quote_around(text, row["start"], row["end"]) if row["source"] == "transcript" and text \
        else row["matched"]
    return FeedbackItem(seconds=row["time_start"], end_seconds=row["time_end"], kind="finding", quote=quote,
                        why=why_it_matters(row["category"], note, language),
                        kinder=kinder_wording(row["suggestion"], language), severity=row["severity"],
                        source=row["source"])


def quote_around(text: str, start: int, end: int, width: int = QUOTE_CHARS) -> str:
    """The words around text[start:end] on its line, whole words only, with '…' where the line goes on:
    "…everyone, you are so stupid and…". The flagged words themselves are always quoted, also at a line's
    start or end."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left_from, right_to = max(line_start, start - width), min(line_end, end + width)
    left, right = text[left_from:start], text[end:right_to]
    if left_from > line_start and not text[left_from - 1].isspace():  # cut inside a word: drop its piece
        left = left.split(" ", 1)[1] if " " in left else ""
    if right_to < line_end and not text[right_to].isspace():
        right = right.rsplit(" ", 1)[0] if " " in right else ""
    before = "…" if start - len(left) > 0 else ""
    after = "…" if end + len(right) < len(text) else ""
    return " ".join(f"{before}{left}{text[start:end]}{right}{after}".split())


def _comment_item(row: CommentRow) -> FeedbackItem:
    return FeedbackItem(seconds=row["at_seconds"], end_seconds=row["end_seconds"], kind="comment",
                        quote=row["text"], why="", kinder="", author=row["reviewer"])


def _for_creator(comment: CommentRow) -> bool:
    """Top-level, open comments that are not marked internal (replies are the reviewers' own discussion)."""
    return not comment["internal"] and not comment["parent_uid"] and not comment["resolved"]


def feedback_data(services: Services, video_id: int, language: Language = "en",
                  with_thumbnails: bool = True) -> FeedbackData:
    detail = show(services.store, video_id)
    video = detail["video"]
    latest = latest_transcript(services.store.db, video_id)
    text = transcript_text(latest[1])[0] if latest else ""
    terms = _terms_by_name(services)
    findings = [row for row in detail["findings"] if row["disposition"] in OPEN_FOR_CREATOR]
    items = [_finding_item(row, text, terms, language) for row in findings]
    items += [_comment_item(row) for row in detail["comments"] if _for_creator(row)]
    items.sort(key=lambda item: (item.seconds is None, item.seconds or 0.0, item.kind))
    if with_thumbnails and video["width"] and Path(video["path"]).exists():
        framed = [index for index, item in enumerate(items) if _has_moment(item)]  # a caption has no frame
        pictures = frames_at(video["path"], [cast(float, items[index].seconds) for index in framed], 320)
        for index, picture in zip(framed, pictures, strict=True):
            items[index] = replace(items[index], thumbnail=picture)
    notes = [review["note"] for review in _latest_per_reviewer(detail["reviews"]) if review["note"].strip()]
    note = "\n".join(notes)
    return FeedbackData(
        language=language, file_name=video["original_name"], creator=video["creator"], campaign=detail["campaign"],
        version=video["version"], decision_sentence=decision_sentence(detail["status"], items, language, note),
        items=items, self_harm=any(row["category"] == SELF_HARM for row in findings),
        date=format_date(datetime.now(timezone.utc).astimezone(), language), reviewer_note=note)


def decision_sentence(status: str, items: list[FeedbackItem], language: Language, note: str = "") -> str:
    """The decision in one sentence that agrees with what follows: an approved video with points listed below
    is not "publish it as it is", and changes asked for with no point listed are not "the changes below"."""
    key = status
    if status == "approved" and items:
        key = "approved_with_notes"
    elif status in ("approved_with_changes", "changes_required") and not items:
        key = f"{status}_in_note" if note.strip() else "changes_unlisted"
    return DECISION_SENTENCES[language].get(key, "")


def _has_moment(item: FeedbackItem) -> bool:
    return item.seconds is not None and item.source != "caption"


def _latest_per_reviewer(reviews: list[ReviewRow]) -> list[ReviewRow]:
    """Each reviewer's latest decision by her own sequence number (the status rule's `latest_per_reviewer`), so
    the notes follow the same order as the status, not the order rows arrived in."""
    rows = {}
    for review in reviews:
        decision = Decision(review["reviewer"], review["decision"], review["content_sha256"], review["organisation"],
                            review["seq"] or 0)
        rows[id(decision)] = (decision, review)
    return [rows[id(decision)][1] for decision in latest_per_reviewer(pair[0] for pair in rows.values())]
