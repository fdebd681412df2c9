"""Desktop bundle: its size, and how long from launch until the main window is shown, cold and warm.

    python benchmarks/bundle_bench.py [--bundle dist/thinktwice-review] [--runs 3]

Baseline in the same run: the same app started from the checkout with the venv's Python (`python main.py`).
"Shown" is when the app logs "main window shown" (right after `window.show()`), with Qt's offscreen platform,
an empty data folder and an empty home. "Cold" drops the page cache first (needs root; otherwise only warm
runs are reported). Wall time depends on what else the machine runs, so the CPU time the process used until
then is reported too. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def drop_caches() -> bool:
    try:
        subprocess.run(["sync"], check=True)
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system, waited-for children included) a process has used: robust on a shared machine."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def time_to_window(command: list[str], cwd: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds) from launch until the app logs that its main window is shown."""
    with tempfile.TemporaryDirectory(prefix="tt-bench-") as scratch:
        home, data = Path(scratch) / "home", Path(scratch) / "data"
        home.mkdir()
        env = {"PATH": os.environ["PATH"], "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
               "XDG_CONFIG_HOME": str(home / ".config"), "XDG_CACHE_HOME": str(home / ".cache")}
        log = data / "thinktwice.log"
        started = time.perf_counter()
        process = subprocess.Popen([*command, "--data-dir", str(data)], cwd=cwd, env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            while process.poll() is None:
                if log.exists() and "main window shown" in log.read_text(encoding="utf-8"):
                    return time.perf_counter() - started, cpu_seconds(process.pid)
                time.sleep(0.01)
            raise SystemExit(f"{command[0]} exited with {process.returncode} before showing its window")
        finally:
            process.terminate()
            process.wait(timeout=30)


def measure(command: list[str], cwd: Path, runs: int) -> dict:
    cold = []
    for _ in range(runs):
        if not drop_caches():
            break
        cold.append(time_to_window(command, cwd))
    warm = [time_to_window(command, cwd) for _ in range(runs)]

    def median(values: list[tuple[float, float]], index: int) -> float | None:
        return round(statistics.median(v[index] for v in values), 2) if values else None

    return {"cold_s": median(cold, 0), "cold_cpu_s": median(cold, 1), "warm_s": median(warm, 0),
            "warm_cpu_s": median(warm, 1), "cold_runs": [round(s, 2) for s, _ in cold],
            "warm_runs": [round(s, 2) for s, _ in warm]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "thinktwice-review")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    executable = args.bundle / "thinktwice-review"
    if not executable.is_file():
        raise SystemExit(f"no bundle at {args.bundle}; build it with: python packaging/build_bundle.py")
    size = sum(p.stat().st_size for p in args.bundle.rglob("*") if p.is_file() and not p.is_symlink())
    archives = sorted(args.bundle.parent.glob("thinktwice-review-*.tar.gz"))
    result = {
        "bundle_mb": round(size / 1e6),
        "archive_mb": round(archives[-1].stat().st_size / 1e6) if archives else None,
        "bundle": measure([str(executable)], args.bundle, args.runs),
        "baseline_venv_python_main_py": measure([sys.executable, str(ROOT / "main.py")], ROOT, args.runs),
        "cpus": os.cpu_count(),
        "load_average_1m": round(os.getloadavg()[0], 1),
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
