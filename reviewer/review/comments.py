"""Comments that can be discussed: ranges, replies, edits by their author, resolve and reopen.

Each change is one transaction with its audit entry. Edits, resolutions and reopenings are events (rows of
their own, with UUIDs, that travel in review bundles); the comment's shown text and resolution are derived
from them by `review.comment_rules`, in the same transaction. An edit's audit entry keeps the earlier text.
"""

from __future__ import annotations

from reviewer.checking.normalize import has_visible_text
from reviewer.errors import UserError
from reviewer.review.comment_rules import settle_comments
from reviewer.store import audit, events
from reviewer.store.comments import (
    add_event,
    comments_of,
    get_comment,
    refresh_open_comments,
    thread_clock,
    thread_root,
)
from reviewer.store.connection import Store, insert, now
from reviewer.store.queries import get_video
from reviewer.store.types import Comment


def _who(reviewer: str) -> str:
    name = events.clean(reviewer)
    if not has_visible_text(name):
        raise UserError("say who is commenting: --reviewer NAME (your name, as in Settings)")
    return name


def _text(text: str) -> str:
    if not text.strip():
        raise UserError("a comment needs some text: --text TEXT")
    return text.strip()


def add_comment(store: Store, video_id: int, at_seconds: float, text: str, reviewer: str, organisation: str = "",
                end_seconds: float | None = None, internal: bool = False) -> int:
    """A comment at a moment, or over a range when `end_seconds` is given. Internal comments are for the
    reviewers only: they never reach the creator's feedback."""
    text, reviewer, organisation = _text(text), _who(reviewer), events.clean(organisation)
    with store.write() as db:
        video = get_video(db, video_id)
        limit = video["duration"] + 0.05
        if not 0 <= at_seconds <= limit:
            raise UserError(f"{at_seconds:g} s is outside the video (0 to {video['duration']:.1f} s)")
        if end_seconds is not None and not at_seconds < end_seconds <= limit:
            raise UserError(f"a range must end after it starts and within the video ({at_seconds:g} s to at most "
                            f"{video['duration']:.1f} s)")
        comment_id = insert(db, "comments", {
            "video_id": video_id, "at_seconds": float(at_seconds), "text": text, "original_text": text,
            "reviewer": reviewer, "organisation": organisation, "seq": events.next_seq(db, reviewer, organisation),
            "end_seconds": None if end_seconds is None else float(end_seconds), "internal": int(internal),
            "created_at": now()})
        audit.append(db, "comment", reviewer, video_id, comment_id=comment_id, at=at_seconds, text=text,
                     end=end_seconds, internal=internal)
        refresh_open_comments(db, video_id)
    return comment_id


def reply(store: Store, comment_id: int, text: str, reviewer: str, organisation: str = "") -> int:
    """A reply joins the thread of the comment it answers (replies to replies join the same thread)."""
    text, reviewer, organisation = _text(text), _who(reviewer), events.clean(organisation)
    with store.write() as db:
        parent = get_comment(db, comment_id)
        root_uid = parent["parent_uid"] or parent["uid"]
        reply_id = insert(db, "comments", {
            "video_id": parent["video_id"], "at_seconds": parent["at_seconds"], "text": text, "original_text": text,
            "reviewer": reviewer, "organisation": organisation, "seq": events.next_seq(db, reviewer, organisation),
            "parent_uid": root_uid, "internal": parent["internal"], "created_at": now()})
        audit.append(db, "comment", reviewer, parent["video_id"], comment_id=reply_id, at=parent["at_seconds"],
                     text=text, reply_to=root_uid)
    return reply_id


def edit_comment(store: Store, comment_id: int, text: str, reviewer: str) -> None:
    """Only the author may edit; the earlier text stays in the audit log (and her earlier edits as events)."""
    text, reviewer = _text(text), _who(reviewer)
    with store.write() as db:
        comment = get_comment(db, comment_id)
        if comment["reviewer"].casefold() != reviewer.casefold():
            raise UserError(f"only {comment['reviewer']} can edit comment {comment_id}; reply to it instead")
        if comment["text"] == text:
            return
        author, organisation = comment["reviewer"], comment["organisation"]  # her own sequence orders her edits
        event_id = add_event(db, comment["video_id"], comment["uid"], "edit", author, organisation, text=text)
        settle_comments(db, [comment["uid"]])
        audit.append(db, "comment-edited", author, comment["video_id"], comment_id=comment_id, event_id=event_id,
                     comment_uid=comment["uid"], organisation=organisation, previous_text=comment["text"],
                     text=text)


def resolve(store: Store, comment_id: int, reviewer: str, resolved: bool = True, organisation: str = "") -> None:
    """Resolve (or reopen) a whole thread; a reply's ID resolves the thread it belongs to. The event's clock
    is one more than any resolution of the thread known here, so it wins over every one of them
    (`review.comment_rules`)."""
    reviewer, organisation = _who(reviewer), events.clean(organisation)
    with store.write() as db:
        comment = thread_root(db, get_comment(db, comment_id))
        if bool(comment["resolved"]) == resolved:
            return
        kind = "resolve" if resolved else "reopen"
        event_id = add_event(db, comment["video_id"], comment["uid"], kind, reviewer, organisation,
                             clock=thread_clock(db, comment["uid"]) + 1)
        settle_comments(db, [comment["uid"]])
        audit.append(db, "comment-resolved" if resolved else "comment-reopened", reviewer, comment["video_id"],
                     comment_id=comment["id"], event_id=event_id, comment_uid=comment["uid"],
                     organisation=organisation)


def threads(store: Store, video_id: int) -> list[Comment]:
    """The video's comments, each thread's replies right after it."""
    get_video(store.db, video_id)
    return comments_of(store.db, video_id)
