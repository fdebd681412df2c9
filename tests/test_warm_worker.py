"""The warm worker: one child, one model load, many jobs; with the runner's cancel and crash guarantees."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from transcribe.runner import Failed, Finished, Progress, run_transcription
from transcribe.types import TranscribeOptions
from transcribe.warm import WarmJob, WarmWorker

pytestmark = pytest.mark.slow

WINDOW = [{"start": 0.0, "end": 2.5, "hotwords": "twice"}]


def test_ten_jobs_share_one_process(clips: dict[str, Path]) -> None:
    options = TranscribeOptions(language="en")
    with WarmWorker() as worker:
        first = run_transcription(clips["wav"], options, worker=worker)
        pid = worker.pid
        assert "twice" in first.transcript.text.lower()
        for number in range(9):  # transcripts and targeted re-decodes, as a batch mixes them
            finished = run_transcription(clips["wav"], options, windows=WINDOW if number % 2 else None,
                                         worker=worker)
            assert isinstance(finished, Finished)
            assert (finished.texts if number % 2 else finished.transcript.text)
        assert worker.pid == pid
        assert worker.spawned == 1
    assert worker.pid is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


def test_cancel_mid_job_kills_the_child_and_the_next_job_runs(clips: dict[str, Path]) -> None:
    with WarmWorker() as worker:
        job = WarmJob(clips["malay"], TranscribeOptions(), worker=worker).start()
        pid = job.pid
        assert isinstance(next(iter(job.messages())), Progress)
        job.cancel()
        assert job.outcome == Failed("cancelled", "cancelled")
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
        after = run_transcription(clips["wav"], TranscribeOptions(language="en"), worker=worker)
        assert "twice" in after.transcript.text.lower()
        assert worker.spawned == 2


def test_a_crashed_job_does_not_take_the_next_one_down(clips: dict[str, Path]) -> None:
    with WarmWorker() as worker:
        run_transcription(clips["wav"], TranscribeOptions(language="en"), worker=worker)
        job = WarmJob(clips["malay"], TranscribeOptions(), worker=worker).start()
        next(iter(job.messages()))
        os.kill(job.pid, signal.SIGSEGV)
        outcome = list(job.messages())[-1]
        assert isinstance(outcome, Failed)
        assert outcome.kind == "crash"
        assert "signal 11" in outcome.message
        after = run_transcription(clips["wav"], TranscribeOptions(language="en"), worker=worker)
        assert "twice" in after.transcript.text.lower()


def test_a_busy_worker_sends_the_next_job_to_its_own_child(clips: dict[str, Path]) -> None:
    with WarmWorker() as worker:
        first = WarmJob(clips["wav"], TranscribeOptions(language="en"), worker=worker).start()
        second = run_transcription(clips["wav"], TranscribeOptions(language="en"), worker=worker)
        assert "twice" in second.transcript.text.lower()
        assert isinstance(list(first.messages())[-1], Finished)
        assert worker.spawned == 1
