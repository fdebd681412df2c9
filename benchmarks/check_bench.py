"""Checker speed: our one-pass matcher against a naive loop of one regex per term, in the same run, and against the
figures recorded before issue 12 (BEFORE).

5,000 terms: the bundled lists (all spellings) topped up with generated Malay-like words and phrases.
Transcripts of 1k, 10k and 100k words drawn from real Malay and English words with terms sprinkled in.
"Cold" timings use a freshly compiled checker with empty caches; "warm" re-checks the same text.

    python benchmarks/check_bench.py
"""

from __future__ import annotations

import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reviewer.checking.checker import Checker, IncrementalChecker  # noqa: E402
from reviewer.checking.fuzzy import known_words, words_of  # noqa: E402
from reviewer.checking.normalize import spellings  # noqa: E402
from reviewer.checking.terms import Term, TermList, load_bundled_lists  # noqa: E402
from reviewer.review.checking import freeze_long_lived  # noqa: E402

# The figures the README recorded for the matcher before issue 12 (same script, same machine, then unshared).
BEFORE = {"compile_ms": 50, "1k_words_ms": 5.4, "10k_words_cold_ms": 41, "10k_words_warm_ms": 13, "100k_words_ms": 212,
          "edit_recheck_ms": 0.4}
TERM_COUNT = 5000
SIZES = (1_000, 10_000, 100_000)
SYLLABLES = ["ba", "ka", "la", "ma", "na", "pa", "ra", "sa", "ta", "ja", "ngu", "bi", "ki", "li", "mi", "si", "tu",
             "bo", "do", "go", "ho", "lo", "ro", "dah", "lah", "nan", "gan", "kut", "rik"]


def build_terms(rng: random.Random) -> list[TermList]:
    bundled = load_bundled_lists()
    count = sum(1 + len(t.variants) for lst in bundled for t in lst.terms)
    real = words_of("ms") | words_of("en")
    extra: list[Term] = []
    seen = {t.term for lst in bundled for t in lst.terms}
    while count + len(extra) < TERM_COUNT:
        word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.15:
            word += " " + "".join(rng.choice(SYLLABLES) for _ in range(2))
        if word in seen or word in real:
            continue
        seen.add(word)
        extra.append(Term(word, "synthetic", rng.choice(["low", "medium", "high"]), rng.choice(["ms", "en", "any"])))
    return [*bundled, TermList("synthetic", "1", tuple(extra))]


def build_text(words: int, rng: random.Random, vocabulary: list[str], terms: list[str]) -> str:
    out = []
    for index in range(words):
        out.append(rng.choice(terms) if rng.random() < 0.01 else rng.choice(vocabulary))
        if index % 12 == 11:
            out[-1] += "."
        if index % 120 == 119:
            out[-1] += "\n\n"
    return " ".join(out)


def naive_compile(lists: list[TermList]) -> list[re.Pattern[str]]:
    spellings_ = [s for lst in lists for t in lst.terms for s in (t.term, *t.variants)]
    return [re.compile(r"\b" + re.escape(s) + r"\b", re.IGNORECASE) for s in spellings_]


def naive_check(patterns: list[re.Pattern[str]], text: str) -> int:
    return sum(1 for pattern in patterns for _ in pattern.finditer(text))


def timed(function, *args, repeat: int = 3) -> tuple[float, object]:
    results, value = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        value = function(*args)
        results.append(time.perf_counter() - started)
    return statistics.median(results), value


def cold_check(lists: list[TermList], text: str) -> tuple[float, float]:
    """Wall and CPU seconds of one check by a fresh checker (CPU time is what a shared machine distorts least)."""
    spellings.cache_clear()
    checker = Checker(lists)
    freeze_long_lived()  # the app and the CLI freeze their checker once it is built; a fresh one must be too
    started, cpu = time.perf_counter(), time.process_time()
    checker.find(text)
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> None:
    rng = random.Random(20261124)
    started = time.perf_counter()
    known_words()
    wordlist_seconds = time.perf_counter() - started
    lists = build_terms(rng)
    spellings_count = sum(1 + len(t.variants) for lst in lists for t in lst.terms)
    compile_seconds, checker = timed(lambda: Checker(lists))
    freeze_long_lived()  # as the app and the CLI do once their checker is built
    naive_compile_seconds, patterns = timed(naive_compile, lists)
    vocabulary = sorted(words_of("ms"))[:20_000:3] + sorted(words_of("en"))[:60_000:9]
    sample_terms = [t.term for lst in lists[:-1] for t in lst.terms]
    report: dict = {"terms": spellings_count, "compile_ms": round(compile_seconds * 1000, 1),
                    "naive_compile_ms": round(naive_compile_seconds * 1000, 1),
                    "wordlist_load_ms_once_per_process": round(wordlist_seconds * 1000, 1), "sizes": {}}
    for size in SIZES:
        text = build_text(size, rng, vocabulary, sample_terms)
        runs = [cold_check(lists, text) for _ in range(5)]
        cold, cold_cpu = statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)
        warm, findings = timed(checker.find, text)
        naive, naive_hits = timed(naive_check, patterns, text, repeat=1 if size >= 100_000 else 3)
        report["sizes"][str(size)] = {"ours_cold_ms": round(cold * 1000, 2),
                                      "ours_cold_cpu_ms": round(cold_cpu * 1000, 2),
                                      "ours_warm_ms": round(warm * 1000, 2),
                                      "naive_ms": round(naive * 1000, 1), "speedup_vs_naive": round(naive / cold, 1),
                                      "findings": len(findings), "naive_hits": naive_hits}
    sizes = report["sizes"]
    report["growth_10k_to_100k"] = round(sizes["100000"]["ours_cold_ms"] / sizes["10000"]["ours_cold_ms"], 2)
    script = build_text(2_000, rng, vocabulary, sample_terms)
    live = IncrementalChecker(checker)
    live.check(script)
    paragraphs = script.split("\n\n")
    paragraphs[len(paragraphs) // 2] += " bodoh sangat"
    edited = "\n\n".join(paragraphs)
    started = time.perf_counter()
    live.check(edited)
    report["edit_recheck_2000_words_ms"] = round((time.perf_counter() - started) * 1000, 2)
    report["before_issue_12_recorded_in_readme"] = BEFORE
    report["edit_rechecked_paragraphs"] = live.last_rechecked
    report["targets"] = {"compile_ms": 1000, "10k_words_ms": 50, "edit_recheck_ms": 10, "growth": "about 10x"}
    report["meets_targets"] = (report["compile_ms"] < 1000 and sizes["10000"]["ours_cold_ms"] < 50
                               and report["edit_recheck_2000_words_ms"] < 10 and report["growth_10k_to_100k"] < 12)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
