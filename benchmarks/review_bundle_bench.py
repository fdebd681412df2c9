"""Bundles on a campaign of 1,000 videos with 3 reviewers: export size and time, import time (target < 2 s each).

Each reviewer decides on every video, comments on a third of them (resolving each of those threads and
editing every other comment) and confirms or dismisses one finding of each. Ours: `export_package` /
`export_review` / `import_bundle` (verification, UUID merge, audit entries, derived state). Baselines in the
same run: shipping the whole SQLite file instead of a package (a consistent copy, deflated), and the floor for
an import: the same rows inserted with plain executemany (no verification, no audit, no derived state).

    python benchmarks/review_bundle_bench.py [--videos 1000]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
import uuid
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reviewer.review.bundle_export import export_package, export_review  # noqa: E402
from reviewer.review.bundle_import import import_bundle  # noqa: E402
from reviewer.store.connection import Store, now  # noqa: E402

CAMPAIGN = "Kempen Bench"
REVIEWERS = (("Nurul Huda", "MIASA"), ("Aida", "WAO"), ("Farah", "Forum"))
DECISIONS = ("approved", "approved_with_changes", "changes_required", "rejected")


def _segments(words: list[str]) -> str:
    timed = [{"text": w, "start": round(i * 0.4, 3), "end": round(i * 0.4 + 0.35, 3), "probability": 0.9}
             for i, w in enumerate(words)]
    return json.dumps([{"id": 1, "start": 0.0, "end": len(words) * 0.4, "text": " ".join(words), "words": timed}])


def lead_database(path: Path, count: int, rng: random.Random) -> None:
    """A checked campaign: each video with a transcript (150 words, word timings) and 3 findings."""
    from reviewer.checking.fuzzy import words_of

    vocabulary = sorted(w for w in words_of("ms") if w.isalpha())[:5000]
    with Store(path) as store, store.write() as db:
        db["campaigns"].insert({"name": CAMPAIGN, "created_at": now(),
                                "required_reviewers": json.dumps([f"{n} ({o})" for n, o in REVIEWERS])})
        for vid in range(1, count + 1):
            words = [rng.choice(vocabulary) for _ in range(150)]
            db["videos"].insert({"id": vid, "campaign_id": 1, "piece_id": vid, "path": f"/absent/{vid}.mp4",
                                 "original_name": f"clip_{vid}.mp4", "sha256": f"{vid:064x}", "size": 5_000_000,
                                 "duration": 60.0, "has_audio": 1, "status": "in_review", "imported_at": now(),
                                 "creator": f"@creator{vid % 300}", "thumbnail": os.urandom(6000)})
            db["transcripts"].insert({"id": vid, "video_id": vid, "revision": 1, "engine": "faster-whisper",
                                      "model": "whisper-base", "language": "ms", "language_probability": 0.9,
                                      "duration": 60.0, "segments": _segments(words), "text": " ".join(words),
                                      "created_at": now()})
            db["checks"].insert({"id": vid, "video_id": vid, "transcript_id": vid, "term_lists": "[]",
                                 "created_at": now()})
            db["findings"].insert_all([{
                "check_id": vid, "video_id": vid, "source": "transcript", "term": "bodoh", "category": "Harassment",
                "severity": "medium", "language": "ms", "kind": "exact", "confidence": 1.0, "start": n * 10,
                "end": n * 10 + 5, "matched": "bodoh", "time_start": n * 5.0, "time_end": n * 5.0 + 0.5,
                "fingerprint": json.dumps(["transcript", "bodoh", "bodoh", n + 1])} for n in range(3)])


def review(path: Path, reviewer: tuple[str, str], rng: random.Random) -> None:
    """One reviewer's work on every video (written directly: this is set-up, not what is measured)."""
    name, org = reviewer
    with Store(path) as store, store.write() as db:
        videos = list(db.query("SELECT id, sha256 FROM videos ORDER BY id"))
        seq, reviews, comments, dispositions, thread_events = 0, [], [], [], []
        for video in videos:
            seq += 1
            dispositions.append({"uid": str(uuid.uuid4()), "video_id": video["id"], "reviewer": name,
                                 "organisation": org, "seq": seq, "disposition": rng.choice(["confirmed", "dismissed"]),
                                 "reason": "quoted", "created_at": now(),
                                 "fingerprint": json.dumps(["transcript", "bodoh", "bodoh", 1])})
            if video["id"] % 3 == 0:
                seq += 1
                comments.append({"uid": str(uuid.uuid4()), "video_id": video["id"], "at_seconds": 3.0,
                                 "text": "Tukar ayat ini", "reviewer": name, "organisation": org, "seq": seq,
                                 "created_at": now()})
                for kind in ("edit", "resolve") if video["id"] % 2 == 0 else ("resolve",):
                    seq += 1
                    thread_events.append({"uid": str(uuid.uuid4()), "video_id": video["id"], "kind": kind,
                                          "comment_uid": comments[-1]["uid"], "reviewer": name, "organisation": org,
                                          "text": "Tukar ayat ini, dari 0:03" if kind == "edit" else None,
                                          "seq": seq, "clock": int(kind == "resolve"), "created_at": now()})
            seq += 1
            reviews.append({"uid": str(uuid.uuid4()), "video_id": video["id"], "reviewer": name, "organisation": org,
                            "decision": rng.choice(DECISIONS), "note": "", "content_sha256": video["sha256"],
                            "seq": seq, "created_at": now()})
        db["dispositions"].insert_all(dispositions)
        db["comments"].insert_all(comments)
        db["reviews"].insert_all(reviews)
        db["comment_events"].insert_all(thread_events)


def copy(source: Path, target: Path) -> Path:
    with contextlib.closing(sqlite3.connect(source)) as src, contextlib.closing(sqlite3.connect(target)) as dst:
        src.backup(dst)
    return target


def timed(action):
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def raw_insert(target: Path, bundle: Path) -> float:
    """Baseline: the bundle's rows inserted with executemany, nothing else."""
    with zipfile.ZipFile(bundle) as archive:
        data = json.loads(archive.read("data.json"))
    start = time.perf_counter()
    with contextlib.closing(sqlite3.connect(target)) as conn:
        ids = dict(conn.execute("SELECT uid, id FROM videos"))
        for table in ("reviews", "comments", "dispositions", "comment_events"):
            rows = data[table]
            if not rows:
                continue
            columns = [c for c in rows[0] if c != "video_uid"]
            conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}, video_id) VALUES "
                             f"({', '.join('?' * (len(columns) + 1))})",
                             [[r[c] for c in columns] + [ids[r["video_uid"]]] for r in rows])
        conn.commit()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--videos", type=int, default=1000)
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.environ.setdefault("THINKTWICE_CONFIG_DIR", str(folder / "config"))
        lead = folder / "lead.db"
        lead_database(lead, args.videos, rng)
        with Store(lead) as store:
            package, package_export_s = timed(lambda: export_package(store, CAMPAIGN, folder / "kempen.ttpkg"))
        base = folder / "reviewer.db"
        with Store(base) as store:
            _, package_import_s = timed(lambda: import_bundle(store, package.path))
        whole_db = copy(lead, folder / "whole.db")
        (_, whole_s) = timed(lambda: zipfile.ZipFile(folder / "whole.zip", "w", zipfile.ZIP_DEFLATED).write(
            whole_db, "review.db"))
        bundles = []
        for number, reviewer in enumerate(REVIEWERS):
            db = copy(base, folder / f"r{number}.db")
            review(db, reviewer, rng)
            with Store(db) as store:
                result, seconds = timed(lambda s=store, r=reviewer, n=number: export_review(
                    s, CAMPAIGN, r[0], folder / f"r{n}.ttreview", r[1]))
            bundles.append({"reviewer": f"{reviewer[0]} ({reviewer[1]})", "path": result.path,
                            "size_kb": round(result.size / 1024, 1), "events": sum(result.counts.values()),
                            "export_s": round(seconds, 3)})
        merged = copy(lead, folder / "merged.db")
        for bundle in bundles:
            with Store(merged) as store:
                _, seconds = timed(lambda s=store, b=bundle: import_bundle(s, b["path"]))
            bundle["import_s"] = round(seconds, 3)
            bundle["raw_insert_baseline_s"] = round(raw_insert(copy(lead, folder / "raw.db"), bundle["path"]), 3)
        with Store(merged) as store:
            _, again_s = timed(lambda: import_bundle(store, bundles[0]["path"]))
        for bundle in bundles:
            bundle["path"] = bundle["path"].name
        print(json.dumps({
            "videos": args.videos,
            "package": {"size_kb": round(package.size / 1024, 1), "export_s": round(package_export_s, 3),
                        "import_into_empty_db_s": round(package_import_s, 3)},
            "baseline_whole_database": {"size_kb": round((folder / "whole.zip").stat().st_size / 1024, 1),
                                        "zip_s": round(whole_s, 3)},
            "review_bundles": bundles,
            "reimport_same_bundle_s": round(again_s, 4),
            "target_import_s_per_bundle": 2.0,
            "cores": os.cpu_count(),
        }, indent=2))


if __name__ == "__main__":
    main()
