"""A transcript saved once as JSON (`transcribe --format json`) is checked again without the video."""

from __future__ import annotations

import json
from pathlib import Path

from tests.fakes import transcript_of
from transcribe.formats import render
from transcribe.types import Transcript


def test_check_reads_a_json_transcript_with_its_word_times(run_cli, tmp_path: Path) -> None:
    saved = tmp_path / "aina.json"
    transcript = transcript_of("Jangan jadi bodoh di media sosial", 6.0)
    saved.write_text(render(transcript, "json"), encoding="utf-8")
    assert Transcript.from_dict(json.loads(saved.read_text(encoding="utf-8"))) == transcript
    code, out, err = run_cli("check", saved, "--format", "json")
    assert code == 1, err
    finding = json.loads(out)["findings"][0]
    assert finding["term"] == "bodoh"
    assert finding["time_start"] == transcript.words()[2].start


def test_a_json_file_that_is_not_a_transcript_is_a_one_line_error(run_cli, tmp_path: Path) -> None:
    wrong = tmp_path / "notes.json"
    wrong.write_text('{"hello": 1}', encoding="utf-8")
    code, _, err = run_cli("check", wrong)
    assert code == 2
    assert "is not a transcript saved by 'thinktwice transcribe --format json'" in err
    assert len(err.strip().splitlines()) == 1
