"""Import, transcribe and check a whole folder, resumably.

Run it again after an interruption (even kill -9) and it continues where it stopped: files already imported
are recognised by their hash, transcripts already stored are not redone, a job left 'running' by a dead
process goes back in the queue, and each step is one transaction, so nothing is duplicated.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reviewer.errors import UserError
from reviewer.review import heard_again
from reviewer.review.correction import corrected_transcript
from reviewer.review.no_audio import refuse_unless_checkable
from reviewer.review.screen import OFF, ensure_screen_text, has_picture
from reviewer.review.services import Services
from reviewer.review.workflow import (
    add_transcript,
    import_media,
    latest_transcript,
    record_check,
    refresh_content,
    refresh_media_facts,
)
from reviewer.store import audit, jobs, records
from reviewer.store.connection import Store
from reviewer.store.queries import get_video
from reviewer.store.types import Job
from transcribe.errors import Cancelled, TranscribeError
from transcribe.media import MEDIA_EXTENSIONS
from transcribe.types import Transcript, no_audio_transcript

SPEECH_SHARE = 0.7  # of one video's progress bar, when its on-screen text is read too


@dataclass
class BatchReport:
    imported: int = 0
    duplicates: int = 0
    transcribed: int = 0
    checked: int = 0
    busy_elsewhere: int = 0
    damaged: int = 0  # transcribed from part of their audio: the rest could not be decoded, so was not checked
    failed: list[tuple[str, str]] = field(default_factory=list)
    video_ids: list[int] = field(default_factory=list)


def media_files(folder: str | os.PathLike[str]) -> list[Path]:
    root = Path(folder)
    if not root.is_dir():
        raise UserError(f"{root} is not a folder; pass the folder that holds the videos")
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in MEDIA_EXTENSIONS
                  and not p.name.startswith("."))


@dataclass(frozen=True)
class Outcome:
    """What one call did itself (another process may have done the rest): the basis of honest reports."""

    transcribed: bool = False
    checked: bool = False
    busy_elsewhere: bool = False  # another live process holds the transcription job


def transcribe_and_check(services: Services, video_id: int, on_progress: Callable[[float, str], None] | None = None,
                         should_cancel: Callable[[], bool] | None = None, actor: str = "",
                         transcribe_changed: bool = True) -> Outcome:
    """Bring one video up to date: a transcript of its current content (via the job queue), its on-screen text,
    and a check against the lists in force. With on-screen text on, transcription takes the first SPEECH_SHARE of
    the progress.

    A file replaced in place (its content differs from the one its transcript was made from) is transcribed
    again; with `transcribe_changed=False` (a re-check that promised only to check) it is refused with
    UserError instead, never checked on the old words. A video with no audio track gets an empty transcript
    ("no audio track") and is checked by its on-screen text and caption; with neither, UserError
    (review.no_audio) rather than a check that looked at nothing."""
    store = services.store
    refresh_content(store, video_id, actor)  # a replaced file is seen here, with its new duration and picture
    stale = records.transcript_is_stale(store.db, video_id)
    if stale and not transcribe_changed:
        raise UserError(f"video {video_id}: the file changed since it was transcribed; transcribe it again with "
                        f"'thinktwice recheck {video_id} --transcribe'")
    if stale:
        refresh_media_facts(store, video_id)
    video = get_video(store.db, video_id)
    path = video["path"]
    transcribed = False
    reading_screen = services.screen_text and has_picture(video)
    silent = not video["has_audio"]
    if silent:
        refuse_unless_checkable(video["original_name"], "" if reading_screen else OFF, bool(video["caption"]))
    speech_progress = on_progress
    if on_progress is not None and reading_screen:
        def speech_progress(fraction: float, stage: str) -> None:
            on_progress(fraction * SPEECH_SHARE, stage)
    if stale or latest_transcript(store.db, video_id) is None:
        jobs.enqueue(store, video_id, actor)
        job = jobs.claim(store, [video_id])
        if job is not None:
            try:
                transcript = no_audio_transcript(video["duration"]) if silent else \
                    services.transcriber(path, services.options, speech_progress, should_cancel)
            except Cancelled:
                jobs.fail(store, job, "cancelled", cancelled=True)
                raise
            except TranscribeError as exc:
                jobs.fail(store, job, str(exc))
                raise
            _finish_job(store, job, transcript, video["sha256"])
            transcribed = not silent  # an empty "no audio track" transcript is not a transcription
    latest = latest_transcript(store.db, video_id)
    if latest is None or records.transcript_is_stale(store.db, video_id):
        return Outcome(busy_elsewhere=True)  # another process holds the job; it will finish it
    screen_status = OFF
    if reading_screen:
        screen_progress = None if on_progress is None else \
            (lambda fraction, stage: on_progress(SPEECH_SHARE + fraction * (1 - SPEECH_SHARE), stage))
        screen_status = ensure_screen_text(store, video_id, services.screen_reader, None, screen_progress,
                                           should_cancel, actor)
    if silent:
        refuse_unless_checkable(video["original_name"], screen_status, bool(video["caption"]))
    checker = services.checker()
    transcript_id, transcript = latest
    result = checker.check_transcript(transcript, path)
    if os.path.isfile(path):  # a file on an unplugged drive: its words are checked, doubtful ones stay doubtful
        result = services.verifier(checker, result, path, services.options, transcript)
    # confirmed words go into the transcript while nobody has read it (also after a crash between transcription
    # and check); a transcript already checked, shown or corrected by a reviewer keeps its words
    unread = records.unread_machine_transcript(store.db, transcript_id)
    corrected, result = heard_again.correct(checker, transcript, result, write=unread)
    if corrected != transcript:
        _write_relistened(store, video_id, transcript_id, corrected, actor)
    record_check(store, video_id, checker, result, actor, screen_status,
                 settle_screen=lambda screen: services.screen_verifier(checker, screen, path, None, should_cancel))
    return Outcome(transcribed=transcribed, checked=True)


def save_correction(services: Services, video_id: int, text: str, author: str, organisation: str = "",
                    on_progress: Callable[[float, str], None] | None = None,
                    should_cancel: Callable[[], bool] | None = None) -> Outcome:
    """A reviewer's corrected transcript as a new revision (her words kept as she typed them), checked the way
    every transcript is: doubtful words are settled by re-listening, so a sound-alike that re-listening rejected
    does not come back as a finding because she fixed a comma."""
    latest = latest_transcript(services.store.db, video_id)
    if latest is None:
        raise UserError(f"video {video_id} has no transcript yet; transcribe it first")
    add_transcript(services.store, video_id, corrected_transcript(latest[1], text), author=author,
                   organisation=organisation)
    return transcribe_and_check(services, video_id, on_progress, should_cancel, author, transcribe_changed=False)


def _write_relistened(store: Store, video_id: int, transcript_id: int, corrected: Transcript, actor: str) -> None:
    """A transcript nobody has read yet, with the words re-listening confirmed in place of the first pass's: the
    same revision (the first-pass words stay in each corrected word's `heard`), and the audit log says what
    changed."""
    changed = [[w.heard, w.text] for w in corrected.words() if w.heard]
    with store.write() as db:
        records.rewrite_transcript_words(db, transcript_id, corrected.to_dict()["segments"], corrected.text)
        audit.append(db, "re-listening", actor, video_id, transcript_id=transcript_id, words=changed)


def _finish_job(store: Store, job: Job, transcript: Transcript, content_sha256: str = "") -> int:
    """Store the transcript (of the content hashed before it was made) and close its job in one transaction: a
    kill -9 never leaves half of either."""
    with store.write() as db:
        transcript_id = add_transcript(store, job["video_id"], transcript, content_sha256=content_sha256)
        jobs.mark_done(db, job["id"])
    return transcript_id


def needs_work(services: Services, video_id: int) -> bool:
    """No transcript of the file's current content, or no check yet."""
    transcribed, checked = records.work_done(services.store, video_id)
    return not transcribed or not checked


def run_batch(services: Services, folder: str | os.PathLike[str], campaign: str, actor: str = "",
              on_file: Callable[[str, str], None] | None = None,
              on_progress: Callable[[float, str], None] | None = None) -> BatchReport:
    """Import every media file under `folder`, then transcribe and check what still needs it."""
    report = BatchReport()
    notify = on_file or (lambda name, what: None)
    jobs.recover(services.store)
    for path in media_files(folder):
        try:
            result = import_media(services.store, path, campaign, actor=actor)
        except (UserError, TranscribeError) as exc:
            report.failed.append((str(path), str(exc)))
            notify(path.name, f"skipped: {exc}")
            continue
        report.duplicates += result.duplicate
        report.imported += not result.duplicate
        report.video_ids.append(result.video_id)
    for video_id in report.video_ids:
        if not needs_work(services, video_id):
            continue
        name = get_video(services.store.db, video_id)
        try:
            outcome = transcribe_and_check(services, video_id, on_progress, actor=actor)
        except (UserError, TranscribeError) as exc:
            report.failed.append((name["original_name"], str(exc)))
            notify(name["original_name"], f"failed: {exc}")
            continue
        report.transcribed += outcome.transcribed  # only what this run did, not what a concurrent run did
        report.checked += outcome.checked
        report.busy_elsewhere += outcome.busy_elsewhere
        kind, _ = jobs.transcript_gap_kind(services.store, video_id)
        damage = f" ({jobs.transcript_gap(services.store, video_id)})" if kind == "audio_damaged" else ""
        report.damaged += bool(damage)
        notify(name["original_name"], "being transcribed by another process" if outcome.busy_elsewhere
               else "done" + damage)  # a partial transcript is done, but says what it could not hear
    return report
