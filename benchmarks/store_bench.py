"""Review-store speed on 10,000 videos (with transcripts, findings and reviews), against naive queries.

Ours: open the database and list a campaign; filter by status (a stored, indexed column kept current in the
same transaction as every change); full-text search over transcripts (FTS5).
Baselines in the same run: status computed on the fly from the reviews (an aggregate per video), and
transcript search with LIKE. Also: hashing a 1 GB file, against `sha256sum`, with our peak memory.

    python benchmarks/store_bench.py [--videos 10000] [--hash-gb 1]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reviewer.store.connection import Store, now  # noqa: E402
from reviewer.store.queries import list_videos  # noqa: E402
from transcribe.hashing import sha256_file  # noqa: E402

SEARCH_WORD = "keselamatan"
STATUSES = ["pending", "in_review", "approved", "approved_with_changes", "changes_required", "rejected"]
DECISIONS = ["approved", "approved_with_changes", "changes_required", "rejected"]
NAIVE_STATUS = """
SELECT v.id, v.original_name,
  CASE WHEN NOT EXISTS (SELECT 1 FROM checks k WHERE k.video_id = v.id) THEN 'pending'
       WHEN sum(r.decision = 'rejected') > 0 THEN 'rejected'
       WHEN sum(r.decision = 'changes_required') > 0 THEN 'changes_required'
       WHEN sum(r.decision = 'approved_with_changes') > 0 THEN 'approved_with_changes'
       WHEN sum(r.decision = 'approved') > 0 THEN 'approved' ELSE 'in_review' END AS computed
FROM videos v LEFT JOIN reviews r ON r.video_id = v.id AND r.content_sha256 = v.sha256
GROUP BY v.id HAVING computed = ? ORDER BY v.id DESC
"""


def vocabulary() -> list[str]:
    """Real Malay words (wordfreq), so a search word is as rare in these transcripts as in real ones."""
    from reviewer.checking.fuzzy import words_of

    return sorted(w for w in words_of("ms") if w.isalpha() and w != SEARCH_WORD)[:8000]


def fill(path: Path, count: int, rng: random.Random) -> None:
    words = vocabulary()
    store = Store(path)
    with store.write() as db:
        db["campaigns"].insert_all([{"id": i, "name": f"Kempen {i}", "created_at": now()} for i in range(1, 21)])
        videos, transcripts, checks, findings, reviews = [], [], [], [], []
        for vid in range(1, count + 1):
            sha = f"{vid:064x}"
            status = rng.choice(STATUSES)
            videos.append({"id": vid, "campaign_id": vid % 20 + 1, "piece_id": vid, "path": f"/videos/{vid}.mp4",
                           "original_name": f"clip_{vid}.mp4", "sha256": sha, "size": 10_000_000, "duration": 60.0,
                           "has_audio": 1, "status": status, "imported_at": now(), "creator": f"@creator{vid % 300}",
                           "findings_medium": 2, "findings_high": 1, "open_findings": 3})
            if status == "pending":
                continue
            text = " ".join(rng.choice(words) for _ in range(150))
            if rng.random() < 0.02:  # about 2% of clips talk about road safety
                text += f" {SEARCH_WORD} jalan raya"
            transcripts.append({"id": vid, "video_id": vid, "revision": 1, "engine": "faster-whisper",
                                "model": "whisper-base", "language": "ms", "language_probability": 0.9,
                                "duration": 60.0, "segments": "[]", "text": text, "created_at": now()})
            checks.append({"id": vid, "video_id": vid, "transcript_id": vid, "term_lists": "[]", "created_at": now()})
            for n in range(3):
                findings.append({"check_id": vid, "video_id": vid, "source": "transcript", "term": "bodoh",
                                 "category": "Harassment", "severity": "medium", "language": "ms", "kind": "exact",
                                 "confidence": 1.0, "start": n * 10, "end": n * 10 + 5, "matched": "bodoh",
                                 "fingerprint": f"{vid}-{n}", "time_start": n * 5.0, "time_end": n * 5.0 + 0.5})
            if status != "in_review":
                reviews.append({"video_id": vid, "reviewer": "Aina", "decision": status if status in DECISIONS
                                else "approved", "content_sha256": sha, "created_at": now()})
        for table, rows in (("videos", videos), ("transcripts", transcripts), ("checks", checks),
                            ("findings", findings), ("reviews", reviews)):
            db[table].insert_all(rows, batch_size=2000)
    store.db.execute("ANALYZE")
    store.close()


def median_ms(function, repeat: int = 7) -> float:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        samples.append(time.perf_counter() - started)
    return round(statistics.median(samples) * 1000, 2)


def open_and_list(path: Path) -> int:
    with Store(path) as store:
        return len(list_videos(store, "Kempen 7"))


def hash_benchmark(gigabytes: float) -> dict:
    folder = Path(tempfile.mkdtemp(prefix="thinktwice-hash-"))
    target = folder / "big.bin"
    block = os.urandom(1 << 20)
    with open(target, "wb") as out:
        for _ in range(int(gigabytes * 1024)):
            out.write(block)
    try:
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        ours = sha256_file(target)
        ours_s = time.perf_counter() - started
        growth_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        started = time.perf_counter()
        result = subprocess.run(["sha256sum", str(target)], capture_output=True, text=True, check=True)
        theirs = result.stdout.split()[0]
        tool_s = time.perf_counter() - started
    finally:
        shutil.rmtree(folder)
    size_mb = gigabytes * 1024
    return {"size_mb": size_mb, "ours_seconds": round(ours_s, 2), "ours_mb_per_s": round(size_mb / ours_s),
            "sha256sum_seconds": round(tool_s, 2), "sha256sum_mb_per_s": round(size_mb / tool_s),
            "peak_memory_growth_mb": round(growth_mb, 1), "same_digest": ours == theirs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--videos", type=int, default=10_000)
    parser.add_argument("--hash-gb", type=float, default=1.0)
    args = parser.parse_args()
    rng = random.Random(7)
    folder = Path(tempfile.mkdtemp(prefix="thinktwice-store-"))
    path = folder / "bench.db"
    try:
        started = time.perf_counter()
        fill(path, args.videos, rng)
        fill_seconds = time.perf_counter() - started
        store = Store(path)
        listed = open_and_list(path)
        report = {
            "videos": args.videos, "fill_seconds": round(fill_seconds, 1), "campaign_rows": listed,
            "open_and_list_campaign_ms": median_ms(lambda: open_and_list(path)),
            "filter_by_status_ms": median_ms(lambda: list_videos(store, status="changes_required")),
            "naive_filter_by_status_ms": median_ms(lambda: store.query(NAIVE_STATUS, ("changes_required",)), 3),
            "search_transcripts_ms": median_ms(lambda: list_videos(store, search=SEARCH_WORD)),
            "naive_search_like_ms": median_ms(lambda: store.query(
                "SELECT v.id FROM videos v WHERE v.id IN (SELECT video_id FROM transcripts WHERE text LIKE ?)",
                (f"%{SEARCH_WORD}%",)), 3),
            "filtered_rows": len(list_videos(store, status="changes_required")),
            "search_rows": len(list_videos(store, search=SEARCH_WORD)),
        }
        store.close()
    finally:
        shutil.rmtree(folder)
    report["hashing"] = hash_benchmark(args.hash_gb) if args.hash_gb > 0 else None
    report["target_ms"] = 50
    report["meets_targets"] = all(report[k] < 50 for k in ("open_and_list_campaign_ms", "filter_by_status_ms",
                                                           "search_transcripts_ms"))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
