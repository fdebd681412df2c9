"""Transcription speed: our engine (job runner + child process) against raw faster-whisper, same run.

Both sides load the same bundled model and decode the same >=3 minute Malay clip with
BatchedInferencePipeline, the same batch size (our default, 6), beam 5, word timestamps and VAD.
The raw side runs in its own
process too, so both peaks are measured the same way; its time counts model load + transcription only
(not interpreter start), while ours counts everything from job start to the result: the fair, strict way.

    python benchmarks/transcribe_bench.py [--rounds 2] [--minutes 3.5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from tests.mediagen import silence, speak, write_mp4  # noqa: E402
from transcribe.model import resolve_model  # noqa: E402
from transcribe.runner import run_transcription  # noqa: E402
from transcribe.types import TranscribeOptions  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
PARAGRAPHS = [
    "Kerajaan negeri akan membina jalan baharu di kawasan kampung tersebut pada tahun hadapan.",
    "Penduduk tempatan menyambut baik cadangan itu kerana ia akan memudahkan perjalanan ke bandar.",
    "Menurut jurucakap jabatan kerja raya, kerja pembinaan dijangka mengambil masa lapan belas bulan.",
    "Orang ramai dinasihatkan supaya berhati-hati apabila melalui kawasan pembinaan pada waktu malam.",
    "Sementara itu, pihak sekolah akan mengadakan program kesedaran keselamatan jalan raya untuk murid.",
    "Ibu bapa digalakkan menghantar anak mereka ke sekolah lebih awal bagi mengelakkan kesesakan lalu lintas.",
]
BATCH_SIZE = TranscribeOptions().batch_size
REFERENCE_BATCH = 8  # faster-whisper's own default, shown for reference: faster, but over our memory budget
BEAM = 5

RAW_SCRIPT = """
import json, resource, sys, time
started = time.perf_counter()

def hwm_mb():  # this process's own peak (ru_maxrss would carry the parent's across exec on Linux)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

from faster_whisper import BatchedInferencePipeline, WhisperModel
model = WhisperModel(sys.argv[1], device="cpu", compute_type="int8", cpu_threads=int(sys.argv[5]))
pipeline = BatchedInferencePipeline(model)
language = None if sys.argv[3] == "auto" else sys.argv[3]
segments, info = pipeline.transcribe(sys.argv[2], language=language, batch_size=int(sys.argv[4]), beam_size=BEAM,
                                     word_timestamps=True, vad_filter=True)
text = " ".join(s.text for s in segments)
print(json.dumps({"seconds": time.perf_counter() - started, "language": info.language, "chars": len(text),
                  "peak_rss_mb": hwm_mb()}))
""".replace("BEAM", str(BEAM))


def make_clip(minutes: float) -> Path:
    OUT.mkdir(exist_ok=True)
    clip = OUT / f"malay_news_{minutes:g}min.mp4"
    if clip.exists():
        return clip
    pieces: list[np.ndarray] = []
    total = 0.0
    index = 0
    while total < minutes * 60:
        speech = speak(PARAGRAPHS[index % len(PARAGRAPHS)], "ms")
        pieces += [speech, silence(0.6)]
        total += len(speech) / 16_000 + 0.6
        index += 1
    write_mp4(clip, np.concatenate(pieces), label="bench", fps=5)
    return clip


def run_raw(model_dir: Path, clip: Path, language: str, batch_size: int = BATCH_SIZE) -> dict:
    from transcribe.engine import cpu_threads

    result = subprocess.run([sys.executable, "-c", RAW_SCRIPT, str(model_dir), str(clip), language,
                             str(batch_size), str(cpu_threads())], capture_output=True, text=True, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def run_ours(clip: Path, language: str) -> dict:
    started = time.perf_counter()
    finished = run_transcription(clip, TranscribeOptions(language=language, batch_size=BATCH_SIZE, beam_size=BEAM))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "language": finished.transcript.language, "chars": len(finished.transcript.text),
            "peak_rss_mb": finished.peak_rss_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--minutes", type=float, default=3.5)
    args = parser.parse_args()
    clip = make_clip(args.minutes)
    from transcribe.media import probe

    duration = probe(clip, with_hash=False).duration
    model_dir = resolve_model(None)
    raw, ours = [], []
    for _ in range(args.rounds):  # alternate, so drift in machine load hits both sides alike
        raw.append(run_raw(model_dir, clip, "ms"))
        ours.append(run_ours(clip, "ms"))
    raw_s = statistics.median(r["seconds"] for r in raw)
    ours_s = statistics.median(r["seconds"] for r in ours)
    reference = run_raw(model_dir, clip, "ms", REFERENCE_BATCH)
    auto_raw = run_raw(model_dir, clip, "auto")
    auto_ours = run_ours(clip, "auto")
    report = {
        "clip_seconds": round(duration, 1),
        "rounds": args.rounds,
        "options": {"batch_size": BATCH_SIZE, "beam_size": BEAM, "word_timestamps": True, "vad_filter": True,
                    "language": "ms", "compute_type": "int8"},
        "raw_faster_whisper": {"seconds": round(raw_s, 2), "rtf": round(raw_s / duration, 4),
                               "peak_rss_mb": round(max(r["peak_rss_mb"] for r in raw))},
        "ours": {"seconds": round(ours_s, 2), "rtf": round(ours_s / duration, 4),
                 "peak_rss_mb": round(max(r["peak_rss_mb"] for r in ours))},
        "ratio_ours_to_raw": round(ours_s / raw_s, 3),
        "raw_batch_8_reference": {"seconds": round(reference["seconds"], 2),
                                  "peak_rss_mb": round(reference["peak_rss_mb"])},
        "target_ratio": 1.05,
        "target_peak_rss_mb": 1024,
        "auto_language": {
            "raw_detected": auto_raw["language"], "raw_seconds": round(auto_raw["seconds"], 2),
            "ours_detected": auto_ours["language"], "ours_seconds": round(auto_ours["seconds"], 2),
        },
    }
    report["meets_targets"] = (report["ratio_ours_to_raw"] <= 1.05
                               and report["ours"]["peak_rss_mb"] < report["target_peak_rss_mb"])
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
