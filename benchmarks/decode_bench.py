"""Audio decoding speed: ours (transcribe.audio_decode, damage counted, timeline kept) against faster-whisper's
`decode_audio`, on the same generated clip (speech over a music bed, H.264 + AAC MP4), in one run.

    python benchmarks/decode_bench.py [--seconds 180] [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.mediagen import music_bed, write_mp4  # noqa: E402
from transcribe.audio_decode import decode_audio  # noqa: E402


def timed(run, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=180.0)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    from faster_whisper import decode_audio as baseline

    with tempfile.TemporaryDirectory() as folder:
        clip = write_mp4(Path(folder) / "clip.mp4", music_bed(args.seconds), fps=2, label="bench")
        ours_result, theirs_result = decode_audio(clip), baseline(str(clip))  # warm both (imports, page cache)
        ours, theirs = [], []
        for _ in range(args.runs):  # interleaved, so a busy neighbour slows both alike
            ours += timed(lambda: decode_audio(clip), 1)
            theirs += timed(lambda: baseline(str(clip)), 1)
    print(json.dumps({
        "clip_seconds": args.seconds, "runs": args.runs,
        "ours_median_s": round(statistics.median(ours), 3), "ours_min_s": round(min(ours), 3),
        "faster_whisper_median_s": round(statistics.median(theirs), 3), "faster_whisper_min_s": round(min(theirs), 3),
        "same_samples": bool(len(ours_result.samples) == len(theirs_result)
                             and float(abs(ours_result.samples - theirs_result).max()) == 0.0),
    }, indent=2))


if __name__ == "__main__":
    main()
