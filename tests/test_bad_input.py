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
    ("\u200b\u200b\n".encode(), "the input is empty"),  # QA F10: zero-width spaces only
    ("\u2060\u200d \u00ad\ufeff\u202e\n\u0301".encode(), "the input is empty"),  # joiners, marks, bidi
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


def test_a_script_with_one_visible_character_among_invisible_ones_is_checked(run_cli, monkeypatch) -> None:
    _stdin(monkeypatch, "\u200bba\u200bbi\u200b\n".encode())
    code, out, _ = run_cli("check", "-")
    assert code == 1
    assert "babi" in out


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


def test_a_mistyped_db_path_is_not_a_new_empty_database(run_cli, tmp_path: Path) -> None:
    """#10: a --db typo used to create folders and an empty database, and exit 0 (the data looked gone)."""
    typo = tmp_path / "reviwe" / "data" / "review.db"
    code, out, err = run_cli("--db", typo, "list")
    assert code == 2
    assert f"no database at {typo}" in err
    assert "--create" in err
    assert not typo.parent.parent.exists()  # nothing was made
    assert run_cli("--db", typo, "--create", "list")[0] == 0  # asked for: made
    assert typo.exists()
    assert run_cli("list", "--db", tmp_path / "new.db")[0] == 0  # an existing folder: a new database is fine


def test_the_default_database_is_still_created_on_first_run(tmp_path: Path, monkeypatch) -> None:
    from reviewer.paths import default_db_path
    from reviewer.review.services import Services

    monkeypatch.setenv("THINKTWICE_DATA_DIR", str(tmp_path / "fresh" / "user" / "data"))
    for path in (None, str(default_db_path())):  # the CLI passes nothing; the app passes the default path
        Services.open(path).store.close()
        assert default_db_path().exists()


def test_a_legal_long_output_name_works_and_errors_say_what_happened(run_cli, tmp_path: Path, monkeypatch) -> None:
    """#11: the temp name went over 255 bytes for a 240-byte name, and every error blamed disk space."""
    import errno

    long_name = tmp_path / ("n" * 236 + ".csv")
    code, _, err = run_cli("terms", "export", "-o", long_name)
    assert (code, err) == (0, "")
    assert long_name.read_text(encoding="utf-8").startswith("list,term")
    code, _, err = run_cli("terms", "export", "-o", tmp_path / ("n" * 300 + ".csv"))
    assert code == 2
    assert "the file name is too long for this file system (304 bytes)" in err
    assert "disk space" not in err

    def fail(number: int):
        def fsync(_fd: int) -> None:
            raise OSError(number, os.strerror(number))
        return fsync

    monkeypatch.setattr(os, "fsync", fail(errno.ENOSPC))
    assert "(the disk is full); free some disk space" in run_cli("terms", "export", "-o", tmp_path / "a.csv")[2]
    monkeypatch.setattr(os, "fsync", fail(errno.EIO))
    err = run_cli("terms", "export", "-o", tmp_path / "a.csv")[2]
    assert "Input/output error" in err
    assert "disk space" not in err


@pytest.mark.parametrize("argv", [
    ("show", "1" + "0" * 23), ("finding", "1" + "0" * 23, "--confirm"),
    ("comment", "1" + "0" * 23, "--at", "1", "--text", "x", "--reviewer", "A"),
    ("review", "1" + "0" * 23, "--decision", "approved", "--reviewer", "A"),
    ("recheck", "1" + "0" * 23), ("compare", "1" + "0" * 23), ("report", "1" + "0" * 23, "-o", "x.pdf"),
    ("export", "1" + "0" * 23), ("show", "0"), ("show", "9223372036854775808"),
])
def test_ids_out_of_range_get_one_line(run_cli, tmp_path: Path, argv) -> None:
    """#12: 10**23 used to be 'unexpected error (OverflowError)'."""
    code, out, err = run_cli("--db", tmp_path / "r.db", *argv)
    assert code == 2
    assert "is out of range (IDs are whole numbers from 1)" in err
    assert err.count("\n") == 1
    assert "unexpected" not in err


def test_ids_that_are_not_numbers(run_cli, tmp_path: Path) -> None:
    code, _, err = run_cli("--db", tmp_path / "r.db", "show", "abc")
    assert code == 2
    assert "'abc' is not an ID" in err


def test_free_text_starting_with_a_dash_is_accepted(run_cli, tmp_path: Path, clips: dict[str, Path]) -> None:
    """#15: argparse rejected '--note -fix the intro' with no hint."""
    db = tmp_path / "r.db"
    assert run_cli("--db", db, "import", clips["english"], "--campaign", "-Kempen", "--creator", "-aina")[0] == 0
    code, _, err = run_cli("--db", db, "comment", "1", "--at", "1", "--text", "-potong sini", "--reviewer", "-A")
    assert (code, err) == (0, "")
    code, _, err = run_cli("--db", db, "review", "1", "--decision", "rejected", "--reviewer", "Aina", "--org",
                           "-WAO-", "--note", "-fix the intro")
    assert (code, err) == (0, "")
    detail = json.loads(run_cli("--db", db, "show", "1", "--format", "json")[1])
    assert (detail["campaign"], detail["video"]["creator"]) == ("-Kempen", "-aina")
    assert detail["comments"][0]["text"] == "-potong sini"
    assert (detail["reviews"][0]["organisation"], detail["reviews"][0]["note"]) == ("-WAO-", "-fix the intro")
    code, _, err = run_cli("--db", db, "review", "1", "--decision", "-approved", "--reviewer", "A")
    assert code == 2  # not free text: refused, but with the way out
    assert "if the value starts with '-', write it as --decision=VALUE" in err
