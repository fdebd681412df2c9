"""The transcription job queue, in the database so it survives crashes.

A job is claimed (queued -> running) with the worker's PID, and finished in the same transaction that stores
its transcript: a kill -9 part-way leaves a 'running' job and no transcript, never half of one. On the next
start `recover` puts running jobs whose process is gone back in the queue.
"""

from __future__ import annotations

import json
import os
from datetime import datetime
from pathlib import Path
from typing import Final

from sqlite_utils import Database

from reviewer.store import audit
from reviewer.store.connection import Store, now
from reviewer.store.types import Job, Row
from transcribe.types import damage_matters, damaged_seconds


def enqueue(store: Store, video_id: int, actor: str = "") -> int:
    """Queue a transcription; an already open job for the video is reused (no duplicates on resume)."""
    with store.write() as db:
        open_job = next(db.query("SELECT id FROM jobs WHERE video_id = ? AND state IN ('queued', 'running')",
                                 [video_id]), None)
        if open_job:
            return int(open_job["id"])
        job_id = int(db.table("jobs").insert({"video_id": video_id, "kind": "transcribe", "state": "queued",
                                              "created_at": now()}).last_pk or 0)
        audit.append(db, "job-queued", actor, video_id, job_id=job_id)
    return job_id


def _alive(pid: int | None, claimed_at: str | None = None) -> bool:
    """Is the process that claimed a job still running? A live PID that started after the claim is another
    process that reused the number (after a reboot, or a long time later): the job's owner is gone."""
    if not pid:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass
    started = _process_start(pid)
    if started is not None and claimed_at:
        try:
            return started <= datetime.fromisoformat(claimed_at).timestamp() + PID_CLOCK_SLACK
        except ValueError:
            return True
    return True


PID_CLOCK_SLACK = 60.0  # seconds: wall-clock steps (NTP) must not make a live owner look like a newcomer


def _process_start(pid: int) -> float | None:
    """When a process started (Unix time), from /proc on Linux; None where that cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        boot = next(line for line in Path("/proc/stat").read_text().splitlines() if line.startswith("btime "))
        return int(boot.split()[1]) + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def recover(store: Store, own_jobs_are_stale: bool = True) -> int:
    """Requeue 'running' jobs whose process died (crash, kill -9, power cut). Returns how many.

    Every Store runs this when it opens (with `own_jobs_are_stale=False`: this process may open a second
    connection while one of its own jobs runs). A batch run, which starts no job before it, also treats jobs
    with its own PID as stale (a PID reused after a reboot).
    """
    stranded = [row for row in store.query("SELECT id, pid, video_id, started_at FROM jobs WHERE state = 'running'")
                if not _alive(row["pid"], row["started_at"]) or (own_jobs_are_stale and row["pid"] == os.getpid())]
    if stranded:
        with store.write() as db:
            for row in stranded:
                db.execute("UPDATE jobs SET state = 'queued', pid = NULL WHERE id = ? AND state = 'running'",
                           [row["id"]])
                audit.append(db, "job-recovered", "", row["video_id"], job_id=row["id"])
    return len(stranded)


def claim(store: Store, video_ids: list[int] | None = None) -> Job | None:
    """Take the oldest queued job (optionally among some videos) for this process."""
    with store.write() as db:
        sql = "SELECT * FROM jobs WHERE state = 'queued'"
        params: list[object] = []
        if video_ids is not None:
            sql += f" AND video_id IN ({','.join('?' * len(video_ids))})"
            params = list(video_ids)
        job = next(db.query(sql + " ORDER BY id LIMIT 1", params), None)
        if job is None:
            return None
        db.execute("UPDATE jobs SET state = 'running', pid = ?, started_at = ?, attempts = attempts + 1 WHERE id = ?",
                   [os.getpid(), now(), job["id"]])
    return Job(id=job["id"], video_id=job["video_id"], kind=job["kind"], state="running", error=job["error"],
               attempts=job["attempts"] + 1, pid=os.getpid(), created_at=job["created_at"],
               started_at=job["started_at"], finished_at=job["finished_at"])


def mark_done(db: Database, job_id: int) -> None:
    """Close a job; the caller stores the transcript in the same transaction (see review.batch)."""
    db.execute("UPDATE jobs SET state = 'done', finished_at = ?, error = '' WHERE id = ?", [now(), job_id])


def fail(store: Store, job: Job, error: str, cancelled: bool = False) -> None:
    with store.write() as db:
        db.execute("UPDATE jobs SET state = ?, finished_at = ?, error = ? WHERE id = ?",
                   ["cancelled" if cancelled else "failed", now(), error, job["id"]])
        audit.append(db, "job-cancelled" if cancelled else "job-failed", "", job["video_id"], job_id=job["id"],
                     error=error)


# Why a video has no transcript, by kind; reviewer.review.report_sentences words the same kinds in Malay.
GAP_SENTENCES: Final[dict[str, str]] = {
    "no_audio": "no audio track: speech was not checked, only the on-screen text and the caption",
    "no_speech": "no speech found: the audio is music, noise or silence, so only the on-screen text and the caption "
                 "were checked",
    "not_transcribed": "no transcript: not transcribed yet, so nothing it says was checked",
    "queued": "no transcript yet: transcription is queued, so nothing it says was checked",
    "running": "no transcript yet: transcription is running, so nothing it says was checked",
    "done": "no transcript: nothing it says was checked",
    "failed": "no transcript: transcription failed ({error}), so nothing it says was checked",
    "cancelled": "no transcript: transcription was cancelled, so nothing it says was checked",
    "stale_content": "the transcript is of an earlier version of the file: nothing in the new content was checked",
    # The one kind with a transcript: of part of the audio only ({error} is where, see `damage_words`).
    "audio_damaged": "audio damaged {error}: speech there was not checked; export the video again",
}
NO_SPEECH_GAP = GAP_SENTENCES["no_speech"]
NO_AUDIO_GAP = GAP_SENTENCES["no_audio"]


def transcript_gap_kind(store: Store, video_id: int) -> tuple[str, str]:
    """Why a video has no transcript, as a key of GAP_SENTENCES and the job's error ('' and '' when it has one)."""
    rows = store.query("SELECT (SELECT count(*) FROM transcripts WHERE video_id = ?) AS t, "
                       "(SELECT text FROM transcripts WHERE video_id = ? ORDER BY id DESC LIMIT 1) AS text, "
                       "(SELECT damage || ' ' || duration FROM transcripts WHERE video_id = ? "
                       "ORDER BY id DESC LIMIT 1) AS damage, (SELECT has_audio FROM videos WHERE id = ?) AS audio, "
                       "(SELECT t.content_sha256 != v.sha256 FROM transcripts t JOIN videos v ON v.id = t.video_id "
                       "WHERE t.video_id = ? ORDER BY t.revision DESC LIMIT 1) AS stale, "
                       "j.state, j.error FROM (SELECT 1) LEFT JOIN (SELECT state, error FROM jobs WHERE video_id = ? "
                       "ORDER BY id DESC LIMIT 1) j", (video_id,) * 6)[0]
    if rows["stale"]:  # a file replaced in place: whatever the old transcript says, the new words were not heard
        return "stale_content", ""
    if rows["audio"] == 0:
        return "no_audio", ""
    if rows["t"] and damaged(rows["damage"]):  # a partial transcript: what it lacks was not checked
        return "audio_damaged", rows["damage"]
    if rows["t"]:
        return ("", "") if (rows["text"] or "").strip() else ("no_speech", "")
    return rows["state"] or "not_transcribed", rows["error"] or ""


def transcript_gap(store: Store, video_id: int) -> str:
    """Why a video has no transcript, in words for show, the library and the report ('' when it has one)."""
    kind, error = transcript_gap_kind(store, video_id)
    return GAP_SENTENCES[kind].format(error=gap_detail(kind, error)) if kind else ""


# "from 1.5 s to 5.5 s (58% of the audio)" in each report language.
DAMAGE_WORDS: Final[dict[str, tuple[str, str, str]]] = {
    "en": ("from {start:.1f} s to {end:.1f} s", " and ", "{share}% of the audio"),
    "ms": ("dari {start:.1f} s hingga {end:.1f} s", " dan ", "{share}% daripada audio"),
}


def damaged(stored: str | None) -> bool:
    """Does a transcript's stored damage ('[[start, end], ...] duration') matter (more than a click)?"""
    if not stored:
        return False
    spans, _, duration = stored.rpartition(" ")
    return damage_matters(tuple((float(a), float(b)) for a, b in json.loads(spans or "[]")), float(duration or 0))


def gap_detail(kind: str, error: str, language: str = "en") -> str:
    """The {error} of a gap sentence: the job's error, or for damaged audio where and how much, in `language`."""
    if kind != "audio_damaged":
        return error
    raw, _, duration = error.rpartition(" ")
    spans = [(float(a), float(b)) for a, b in json.loads(raw)]
    span, join, share = DAMAGE_WORDS.get(language, DAMAGE_WORDS["en"])
    parts = [span.format(start=a, end=b) for a, b in spans[:3]] + (["…"] if len(spans) > 3 else [])
    percent = min(100, round(100 * damaged_seconds(tuple(spans)) / float(duration))) if float(duration) > 0 else 100
    return f"{join.join(parts)} ({share.format(share=percent)})"


def jobs_for(store: Store, video_id: int) -> list[Row]:
    return store.query("SELECT * FROM jobs WHERE video_id = ? ORDER BY id", (video_id,))
