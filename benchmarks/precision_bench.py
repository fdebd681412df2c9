"""Line-level precision and recall of the bundled lists, against plain whole-word matching, in one run.

Corpus (benchmarks/corpus/, one sentence a line, "# " lines are notes):
- clean.txt: everyday sentences in Malay, English and mixed (school, sport, food, weather, telling the time, pets
  and farms, religion, news, health campaigns, chat) plus the campaign's own press release (seed_article.txt);
- harmful.txt: lines that must be flagged, including every class issue 12 added (invisible characters, split
  words, hashtags, English derivations, phonetic disguises and chat shorthand, mishearings);
- clean_holdout.txt and harmful_holdout.txt: more of each, written after the rules and never tuned against, so
  the "_holdout" figures say how the rules generalise; "_all" pools both.

A line counts as flagged when the checker returns any finding for it. Reported per matcher:
- clean_pass_rate: share of clean lines with no finding (the issue's "precision on the clean lines");
- precision: flagged harmful / all flagged lines (harmful and clean together);
- recall: share of harmful lines flagged.

    python benchmarks/precision_bench.py
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reviewer.checking.checker import Checker  # noqa: E402
from reviewer.checking.terms import TermList, load_bundled_lists  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "corpus"
TARGETS = {"clean_pass_rate": 0.98, "recall": 0.97}
Flags = Callable[[str], bool]


def corpus_lines(name: str) -> list[str]:
    text = (CORPUS / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("# ")]


def scores(flags: Flags, clean: Sequence[str], harmful: Sequence[str]) -> dict[str, object]:
    """Line-level figures for one matcher, with the lines it got wrong (for people to read)."""
    false_alarms = [line for line in clean if flags(line)]
    missed = [line for line in harmful if not flags(line)]
    caught = len(harmful) - len(missed)
    flagged = caught + len(false_alarms)
    return {
        "clean_lines": len(clean), "harmful_lines": len(harmful),
        "clean_pass_rate": round(1 - len(false_alarms) / len(clean), 4) if clean else 1.0,
        "precision": round(caught / flagged, 4) if flagged else 1.0,
        "recall": round(caught / len(harmful), 4) if harmful else 1.0,
        "false_alarms": false_alarms, "missed": missed,
    }


def checker_flags(lists: Sequence[TermList]) -> Flags:
    checker = Checker(lists)
    return lambda line: bool(checker.find(line))


def whole_word_flags(lists: Sequence[TermList]) -> Flags:
    """The baseline: every listed spelling as a case-insensitive whole-word regex, exceptions ignored."""
    spellings = sorted({s for lst in lists for t in lst.terms if t.enabled for s in (t.term, *t.variants)},
                       key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in spellings) + r")\b", re.IGNORECASE)
    return lambda line: pattern.search(line) is not None


def evaluate(lists: Sequence[TermList] | None = None) -> dict[str, dict[str, object]]:
    """The benchmark's core (about a second): both matchers on both clean sets and the harmful lines."""
    lists = list(lists) if lists is not None else load_bundled_lists()
    clean, harmful = corpus_lines("clean.txt"), corpus_lines("harmful.txt")
    clean_held, harmful_held = corpus_lines("clean_holdout.txt"), corpus_lines("harmful_holdout.txt")
    sets = {"": (clean, harmful), "_holdout": (clean_held, harmful_held),
            "_all": ([*clean, *clean_held], [*harmful, *harmful_held])}
    report: dict[str, dict[str, object]] = {}
    for name, flags in (("ours", checker_flags(lists)), ("whole_word", whole_word_flags(lists))):
        for suffix, (clean_lines, harmful_lines) in sets.items():
            report[name + suffix] = scores(flags, clean_lines, harmful_lines)
    return report


def main() -> None:
    started = time.perf_counter()
    report = evaluate()
    summary = {name: {k: v for k, v in figures.items() if not isinstance(v, list)} for name, figures in report.items()}
    ours = report["ours_all"]
    print(json.dumps({
        "figures": summary,
        "ours_false_alarms": ours["false_alarms"], "ours_missed": ours["missed"],
        "targets": TARGETS,
        "meets_targets": all(float(str(ours[k])) >= v for k, v in TARGETS.items()),
        "seconds": round(time.perf_counter() - started, 2),
    }, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
