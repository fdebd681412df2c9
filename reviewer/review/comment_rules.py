"""How a comment's shown text and resolution follow from its creation and its events (edit, resolve, reopen).

The events only ever grow, keyed by UUID, and travel in review bundles; the comment row's `text`, `edited_at`,
`resolved`, `resolved_by` and `resolved_at` are derived here from the whole set, never from arrival order, so
every laptop holding the same rows shows the same thread.

Text: the author's own latest edit, by her own sequence number (not her laptop's clock: her sequence only grows,
and it travels with her events). Edits by anyone else are kept in the record but never shown; only the author
changes what she said.

Resolution: several reviewers can resolve and reopen one thread on different laptops, so no one reviewer's
sequence orders their actions, and laptop clocks disagree. Each resolve or reopen carries a logical clock for
its thread (a Lamport clock): one more than the highest clock among the thread's resolutions known on that laptop
when it was made. An action taken after seeing another therefore always wins over it, even when its laptop's
clock is behind (Aida reopens what Nurul resolved: the thread is open, whatever their clocks say). Actions with
the same clock were made without seeing each other. Among those a reopen wins over a resolve, so a thread that
someone still wanted open stays open (as a finding reviewers disagree on counts as open); then the later
`created_at` and finally the UUID only decide who is named as resolving it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlite_utils import Database

from reviewer.store.comments import comment_states, events_of, refresh_open_comments, set_state
from reviewer.store.types import Row


@dataclass(frozen=True)
class CommentState:
    text: str
    edited_at: str | None
    resolved: bool
    resolved_by: str
    resolved_at: str | None


def _author(row: Row) -> tuple[str, str]:
    return row["reviewer"].casefold(), row["organisation"].casefold()


def comment_state(comment: Row, events: Iterable[Row]) -> CommentState:
    """The state `comment` (its author and `original_text`) shows with these events of it."""
    events = list(events)
    edits = [e for e in events if e["kind"] == "edit" and _author(e) == _author(comment)]
    edit = max(edits, key=lambda e: (e["seq"], e["uid"]), default=None)
    marks = [e for e in events if e["kind"] in ("resolve", "reopen")]
    last = max(marks, key=lambda e: (e["clock"], e["kind"] == "reopen", e["created_at"], e["uid"]), default=None)
    resolved = last is not None and last["kind"] == "resolve"
    return CommentState(text=edit["text"] if edit else comment["original_text"],
                        edited_at=edit["created_at"] if edit else None, resolved=resolved,
                        resolved_by=last["reviewer"] if last and resolved else "",
                        resolved_at=last["created_at"] if last and resolved else None)


def stored_state(row: Row) -> CommentState:
    return CommentState(row["text"], row["edited_at"], bool(row["resolved"]), row["resolved_by"], row["resolved_at"])


def settle_comments(db: Database, comment_uids: Iterable[str]) -> set[int]:
    """Store the derived state of these comments (those that are here; events may arrive before their comment)
    and refresh their videos' open-thread counts, inside the caller's transaction. Returns those videos."""
    uids = set(comment_uids)
    by_comment = events_of(db, uids)
    videos: set[int] = set()
    for row in comment_states(db, uids):
        state = comment_state(row, by_comment.get(row["uid"], []))
        if state != stored_state(row):
            set_state(db, row["id"], state.text, state.edited_at, state.resolved, state.resolved_by,
                      state.resolved_at)
        videos.add(row["video_id"])
    for video_id in sorted(videos):
        refresh_open_comments(db, video_id)
    return videos


def comment_mismatches(db: Database) -> list[str]:
    """For `audit verify`: comments whose shown text or resolution their recorded edits and resolutions don't
    give (the events themselves are checked against their audit entries by `store.audit_replay`)."""
    by_comment = events_of(db)
    problems = []
    for row in comment_states(db):
        state = comment_state(row, by_comment.get(row["uid"], []))
        stored = stored_state(row)
        if state != stored:
            what = (f"shows '{stored.text}' where its edits give '{state.text}'" if state.text != stored.text else
                    f"is stored as {'resolved' if stored.resolved else 'open'} but its resolutions make it "
                    f"{'resolved' if state.resolved else 'open'}" if state.resolved != stored.resolved else
                    "names another edit or resolution than its events give")
            problems.append(f"comments row {row['id']} (video {row['video_id']}) differs from its recorded edits "
                            f"and resolutions: it {what}")
    return problems
