"""The real bundled model on generated speech, through the child-process runner."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

from tests.conftest import python_cli
from transcribe.runner import Failed, Finished, Progress, TranscriptionJob, run_transcription
from transcribe.types import TranscribeOptions

pytestmark = pytest.mark.slow


def words_of(text: str) -> set[str]:
    return {w.strip(".,!?").lower() for w in text.split()}


def test_real_model_transcribes_english_clip(clips: dict[str, Path]) -> None:
    seen: list[Progress] = []
    result = run_transcription(clips["english"], TranscribeOptions(), on_progress=seen.append)
    transcript = result.transcript
    assert transcript.language == "en"
    assert {"think", "twice", "before", "post", "kind", "online"} <= words_of(transcript.text)
    words = transcript.words()
    starts = [w.start for w in words]
    assert starts == sorted(starts)
    assert all(0 <= w.start <= w.end <= transcript.duration + 0.05 for w in words)
    assert all(0 < w.probability <= 1 for w in words)
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    assert result.peak_rss_mb < 1024


def test_malay_clip_is_never_transcribed_as_another_language(clips: dict[str, Path]) -> None:
    """Whisper's free detector calls this synthetic Malay voice Thai; restriction keeps it to ms/en."""
    transcript = run_transcription(clips["malay"], TranscribeOptions()).transcript
    assert transcript.language == "ms"
    assert {"selamat", "pagi", "media"} <= words_of(transcript.text)


def test_explicit_language_overrides_detection(clips: dict[str, Path]) -> None:
    transcript = run_transcription(clips["english"], TranscribeOptions(language="ms")).transcript
    assert transcript.language == "ms"
    assert transcript.language_probability == 1.0


def test_unknown_language_code_is_a_clear_error(run_cli, clips: dict[str, Path]) -> None:
    code, _, err = run_cli("transcribe", clips["english"], "--language", "klingon")
    assert code == 2
    assert "unknown language code 'klingon'" in err


def test_cancel_stops_within_a_second_and_leaves_nothing(clips: dict[str, Path], tmp_path: Path) -> None:
    job = TranscriptionJob(clips["malay"]).start()
    pid = job.pid
    first = next(iter(job.messages()))
    assert isinstance(first, Progress)
    started = time.monotonic()
    job.cancel()
    assert time.monotonic() - started < 1.0
    assert isinstance(job.outcome, Failed)
    assert job.outcome.kind == "cancelled"
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)
    assert job.poll(0.01) is None


def test_crash_in_child_becomes_an_error_result(clips: dict[str, Path]) -> None:
    job = TranscriptionJob(clips["malay"]).start()
    next(iter(job.messages()))
    os.kill(job.pid, signal.SIGSEGV)
    outcome = list(job.messages())[-1]
    assert isinstance(outcome, Failed)
    assert outcome.kind == "crash"
    assert "signal 11" in outcome.message
    assert "try again" in outcome.message


def test_cli_writes_srt_and_json(tmp_path: Path, clips: dict[str, Path]) -> None:
    srt = tmp_path / "out.srt"
    result = python_cli("transcribe", clips["english"], "--format", "srt", "-o", srt)
    assert result.returncode == 0, result.stderr
    text = srt.read_text(encoding="utf-8")
    assert text.startswith("1\n00:00:0")
    assert " --> " in text
    assert "twice" in text.lower()
    out = python_cli("transcribe", clips["english"], "--format", "json", "--language", "en")
    payload = json.loads(out.stdout)
    assert payload["language"] == "en"
    assert payload["segments"][0]["words"][0]["start"] >= 0


def test_runs_with_no_network_interface(clips: dict[str, Path]) -> None:
    """`unshare -n` gives the process a network namespace with nothing but a down loopback."""
    import shutil
    import subprocess
    import sys

    from tests.conftest import REPO

    if shutil.which("unshare") is None or os.geteuid() != 0:
        pytest.skip("needs root and unshare to remove the network")
    result = subprocess.run(["unshare", "-n", sys.executable, "-m", "reviewer.cli", "transcribe",
                             str(clips["english"]), "--format", "txt"],
                            capture_output=True, text=True, cwd=REPO, env={**os.environ, "HF_HUB_OFFLINE": ""})
    assert result.returncode == 0, result.stderr
    assert "twice" in result.stdout.lower()


def test_finished_message_round_trips_transcript(clips: dict[str, Path]) -> None:
    messages = list(TranscriptionJob(clips["wav"], TranscribeOptions(language="en")).start().messages())
    finished = messages[-1]
    assert isinstance(finished, Finished)
    assert finished.transcript.segments[0].words
    assert finished.seconds > 0


ORPHAN_PARENT = """
import os, subprocess, sys
child = subprocess.Popen([sys.executable, "-c",
                          "import sys, time; sys.path.insert(0, {repo!r}); "
                          "from transcribe.worker import exit_with_parent; exit_with_parent(0.1); time.sleep(60)"],
                         env=dict(os.environ, THINKTWICE_PARENT_PID=str(os.getpid())))  # as the runner does
print(child.pid, flush=True)
child.wait()
"""


def _running(pid: int) -> bool:
    """Alive and not a zombie (a zombie has exited; whoever adopted it may just not have reaped it yet)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_worker_exits_when_the_app_is_killed() -> None:
    """A worker that never writes (mid-batch) still stops once its parent is gone, instead of decoding on."""
    import subprocess
    import sys

    from tests.conftest import REPO

    parent = subprocess.Popen([sys.executable, "-c", ORPHAN_PARENT.format(repo=str(REPO))], stdout=subprocess.PIPE,
                              text=True)
    worker = int(parent.stdout.readline())
    assert _running(worker)
    os.kill(parent.pid, signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while _running(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _running(worker)


def test_the_workers_peak_memory_is_its_own_not_the_callers() -> None:
    """Linux keeps ru_maxrss across exec: a worker started from a 1 GB app used to report the app's size."""
    import subprocess
    import sys

    code = ("import sys; sys.path.insert(0, '.'); from transcribe.worker_errors import peak_rss_mb; "
            "print(peak_rss_mb())")
    ballast = bytearray(400 * 1024 * 1024)  # the caller grows by 400 MB before starting the child
    ballast[::4096] = b"x" * len(ballast[::4096])
    reported = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                                    cwd=Path(__file__).resolve().parent.parent).stdout)
    assert reported < 200
    del ballast
