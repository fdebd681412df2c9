"""Make the creator-loop pictures: page 1 of the creator feedback in English and Malay, and the compare view.

    xvfb-run -s "-screen 0 1366x768x24" python docs/make_creator_docs.py

Builds the same real campaign as docs/make_screenshots.py (generated speech, the bundled model), then writes
docs/reports/feedback_{en,ms}.{pdf,png} and docs/screenshots/compare.png.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs"))

from make_screenshots import build_campaign, pump  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reviewer.review.exports import feedback_bytes  # noqa: E402


def main() -> None:
    work = Path(tempfile.mkdtemp(prefix="thinktwice-creator-docs-"))
    (work / "media").mkdir()
    os.environ["THINKTWICE_DATA_DIR"] = str(work / "data")
    app = QApplication(sys.argv)
    services = build_campaign(work / "review.db", work / "media")
    reports = ROOT / "docs" / "reports"
    reports.mkdir(parents=True, exist_ok=True)
    for language in ("en", "ms"):
        pdf = reports / f"feedback_{language}.pdf"
        pdf.write_bytes(feedback_bytes(services, 1, language, "pdf"))
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(reports / f"feedback_{language}")], check=True)
        print(f"wrote {pdf} and its page 1")
    from ui.compare_view import CompareView

    view = CompareView(services, 2)
    view.resize(1366, 768)
    view.show()
    pump(app, 1.5)
    for player in view.players:
        player.toggle_play()  # a decoded frame on screen, then pause
    pump(app, 0.5)
    for player in view.players:
        player.toggle_play()
    view.lists[0].setCurrentRow(0)
    pump(app, 1.0)
    out = ROOT / "docs" / "screenshots" / "compare.png"
    image = view.grab() if os.environ.get("QT_QPA_PLATFORM") == "offscreen" else \
        app.primaryScreen().grabWindow(0, 0, 0, 1366, 768)
    image.save(str(out))
    print(f"wrote {out}")
    view.close()


if __name__ == "__main__":
    main()
