"""Bad input to the command line (issue 15): one line, exit 2, never a hang, a traceback or a silent "no findings"."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from tests.conftest import python_cli


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize(("content", "message"), [
    (b"", "the input is empty"),
    (b"  \n\t\n", "the input is empty"),
    (b"\xef\xbb\xbf", "the input is empty"),  # a BOM and nothing else
])
def test_an_empty_script_is_not_a_clean_one(run_cli, tmp_path: Path, monkeypatch, content: bytes, message: str) -> None:
    """#8: "no findings" for an empty file was a wrong answer."""
    script = tmp_path / "script.txt"
    script.write_bytes(content)
    for source in (script, "-"):
        _stdin(monkeypatch, content)
        code, out, err = run_cli("check", source)
        assert (code, out) == (2, "")
        assert message in err
        assert err.count("\n") == 1


def test_text_input_must_be_a_regular_file(tmp_path: Path) -> None:
    """#9: a FIFO used to hang forever, /dev/zero to end in MemoryError."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for source in (fifo, "/dev/zero"):
        done = python_cli("check", source, timeout=60)  # a hang fails here instead of blocking the suite
        assert done.returncode == 2
        assert "is not a regular file (a pipe, device or socket)" in done.stderr
        assert done.stderr.count("\n") == 1


def test_large_inputs_are_capped_with_a_clear_message(run_cli, tmp_path: Path, monkeypatch) -> None:
    from reviewer.cli.check import MAX_TEXT_BYTES

    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # sparse: no disk used
        handle.truncate(MAX_TEXT_BYTES + 1)
    code, _, err = run_cli("check", big)
    assert code == 2
    assert "larger than 16 MB" in err
    _stdin(monkeypatch, b"a" * (MAX_TEXT_BYTES + 1))
    code, _, err = run_cli("check", "-")
    assert code == 2
    assert "standard input is larger than 16 MB" in err
    _stdin(monkeypatch, b"kamu bodoh\n")  # and standard input still works
    assert run_cli("check", "-")[0] == 1


SUBTITLES = """1
00:00:01,000 --> 00:00:02,000
Hai semua.

2
99:99:99,000 --> 99:99:99,500
jangan jadi bodoh

3
00:00:05,000 --> 00:00:04,000
dasar sial

4
00:00:06,000 -> 00:00:07,000
pergi mampus

5
tolol betul

6
00:00:09,000 --> 00:00:10,000
Terima kasih.
"""


def test_every_cue_is_checked_and_bad_times_are_named(run_cli, tmp_path: Path) -> None:
    """#5: a cue with a malformed time used to be dropped, so its words were never checked."""
    subtitles = tmp_path / "clip.srt"
    subtitles.write_text(SUBTITLES, encoding="utf-8")
    code, out, err = run_cli("check", subtitles, "--format", "json")
    assert code == 1
    found = {f["term"] for f in json.loads(out)["findings"]}
    assert {"bodoh", "sial", "pergi mati", "tolol"} <= found
    warnings = err.strip().splitlines()
    assert [w.split(": ", 2)[2].split(" (")[0] for w in warnings] == [
        f"{subtitles} line {n}: bad cue time" for n in (6, 10, 14, 17)]
    assert "minutes and seconds must be under 60" in warnings[0]
    assert "it ends before it starts" in warnings[1]
    assert "not 'HH:MM:SS,mmm --> HH:MM:SS,mmm'" in warnings[2]
    assert "the cue has no time line" in warnings[3]
