"""Desktop app speed: launch with a 10,000-video library, and keystroke-to-highlight in the script editor.

Launch is measured from process start to the main window's first paint, in a fresh interpreter each time
(imports, database open, checker compile and all). Ours loads thumbnails lazily; the baseline in the same
run loads every thumbnail before showing the window.
Keystroke: one key typed in the middle of a 2,000-word script until the highlighter has run, ours
(QSyntaxHighlighter re-checks the changed paragraph) against re-checking and re-highlighting the whole document.

    QT_QPA_PLATFORM=offscreen python benchmarks/ui_bench.py
"""

from __future__ import annotations

import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LAUNCH = """
import os, sys, time
started = float(sys.argv[3])
sys.path.insert(0, {root!r})
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
from ui.app import build_window
from ui.settings import AppSettings
window = build_window(sys.argv[1], AppSettings(), QSettings(sys.argv[2], QSettings.Format.IniFormat))
if os.environ.get("EAGER_THUMBNAILS"):
    for row in range(window.library.model.rowCount()):
        window.library.model.thumbnail(window.library.model.row(row)["id"])

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"shown {{time.time() - started:.4f}} rows {{window.library.model.rowCount()}}", flush=True)
            os._exit(0)
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


def make_library(path: Path, videos: int) -> None:
    import cv2
    import numpy as np

    from benchmarks.store_bench import fill
    from reviewer.store.connection import Store

    fill(path, videos, random.Random(3))
    frame = np.full((180, 320, 3), (90, 60, 40), dtype=np.uint8)
    thumbnail = cv2.imencode(".png", frame)[1].tobytes()
    with Store(path) as store, store.write() as db:
        db.execute("UPDATE videos SET thumbnail = ?", [thumbnail])


def launch_seconds(db: Path, settings: Path, eager: bool) -> float:
    env = dict(os.environ, EAGER_THUMBNAILS="1" if eager else "")
    script = LAUNCH.format(root=str(ROOT))
    output = subprocess.run([sys.executable, "-c", script, str(db), str(settings), str(time.time())],
                            capture_output=True, text=True, env=env, timeout=120).stdout
    line = next(line for line in output.splitlines() if line.startswith("shown"))
    return float(line.split()[1])


def keystroke_ms() -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from reviewer.checking.checker import Checker
    from reviewer.checking.fuzzy import words_of
    from reviewer.checking.terms import load_bundled_lists
    from ui.script_checker import ScriptEditor

    app = QApplication.instance() or QApplication([])
    rng = random.Random(11)
    words = sorted(words_of("ms"))[:5000]
    paragraphs = [" ".join(rng.choice(words) for _ in range(100)) + " jangan bodoh." for _ in range(20)]
    script = "\n".join(paragraphs)  # 2,000+ words, one block per paragraph
    checker = Checker(load_bundled_lists())
    editor = ScriptEditor(checker)
    editor.resize(900, 700)
    editor.show()
    editor.setPlainText(script)
    app.processEvents()
    cursor = editor.textCursor()
    cursor.setPosition(len(script) // 2)
    editor.setTextCursor(cursor)

    def type_keys(count: int, after=None) -> list[float]:
        samples = []
        for _ in range(count):
            started = time.perf_counter()
            QTest.keyClick(editor, Qt.Key.Key_A)
            if after is not None:
                after()
            samples.append((time.perf_counter() - started) * 1000)
        return samples

    ours = type_keys(40)

    def whole_document() -> None:  # the naive way: check the full text, re-highlight everything
        checker.find(editor.toPlainText())
        editor.highlighter.rehighlight()

    naive = type_keys(10, whole_document)
    editor.close()
    return {"words": len(script.split()), "ours_ms_median": round(statistics.median(ours), 2),
            "ours_ms_p95": round(sorted(ours)[int(len(ours) * 0.95) - 1], 2),
            "whole_document_ms_median": round(statistics.median(naive), 2)}


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="thinktwice-ui-bench-"))
    try:
        db, settings = folder / "library.db", folder / "settings.ini"
        make_library(db, 10_000)
        launch_seconds(db, settings, False)  # warm the OS file cache once, for both sides alike
        lazy = [launch_seconds(db, settings, False) for _ in range(3)]
        eager = [launch_seconds(db, settings, True) for _ in range(3)]
    finally:
        shutil.rmtree(folder)
    report = {
        "library_videos": 10_000,
        "launch_to_window_shown_s": round(statistics.median(lazy), 3),
        "launch_eager_thumbnails_s": round(statistics.median(eager), 3),
        "keystroke_to_highlight": keystroke_ms(),
        "targets": {"launch_s": 1.5, "keystroke_ms": 16},
    }
    report["meets_targets"] = (report["launch_to_window_shown_s"] < 1.5
                               and report["keystroke_to_highlight"]["ours_ms_median"] < 16)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
