"""The precision benchmark's core as a regression test: the bundled lists on the everyday and harmful corpus."""

from __future__ import annotations

from benchmarks.precision_bench import TARGETS, corpus_lines, evaluate


def test_corpus_is_the_size_the_issue_asks_for() -> None:
    clean = corpus_lines("clean.txt")
    assert len(clean) >= 300 + 17  # 300 everyday sentences plus the press release's paragraphs
    assert len(corpus_lines("harmful.txt")) >= 150
    assert corpus_lines("clean_holdout.txt")
    assert corpus_lines("harmful_holdout.txt")
    seed = next(line for line in clean if line.startswith("Platform media sosial TikTok"))
    assert "#ThinkTwice" in seed


def test_bundled_lists_meet_the_precision_and_recall_targets() -> None:
    report = evaluate()
    ours = report["ours_all"]
    assert float(str(ours["clean_pass_rate"])) >= TARGETS["clean_pass_rate"], ours["false_alarms"]
    assert float(str(ours["recall"])) >= TARGETS["recall"], ours["missed"]
    assert float(str(report["ours"]["precision"])) >= 0.98
    # The tuned corpus is clean; the held-out sentences measure generalisation and may miss a little.
    assert report["ours"]["false_alarms"] == []
    # Plain whole-word matching is the baseline we beat on both counts.
    baseline = report["whole_word_all"]
    assert float(str(ours["recall"])) > float(str(baseline["recall"]))
    assert float(str(ours["clean_pass_rate"])) > float(str(baseline["clean_pass_rate"]))
