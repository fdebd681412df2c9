"""The accuracy benchmark's helpers and clip set (the benchmark itself is run by hand, not by the tests)."""

from __future__ import annotations

from benchmarks.accuracy_bench import CLIPS, wer, words


def test_word_error_rate_counts_edits_per_reference_word() -> None:
    assert words("Jangan jadi bodoh-bodoh, OK?") == ["jangan", "jadi", "bodoh-bodoh", "ok"]
    assert wer("jangan jadi bodoh", "jangan jadi bodok") == 1 / 3
    assert wer("jangan jadi bodoh", "jangan bodoh di sini") == 1.0  # one deletion, two insertions
    assert wer("", "thanks for watching") == 3.0  # words on a no-speech clip


def test_clip_set_covers_what_the_issue_asks_for() -> None:
    speech = [c for c in CLIPS if c.text]
    assert len(CLIPS) >= 12
    assert {c.name.split("_")[0] for c in speech} >= {"ms", "en", "mix", "music"}
    assert len({c.speed for c in speech}) >= 2
    assert len({c.voice.endswith("+f3") for c in speech}) == 2
    assert sum(c.bed == "music" for c in speech) >= 3
    assert {c.bed for c in CLIPS if not c.text} == {"music", "noise"}
