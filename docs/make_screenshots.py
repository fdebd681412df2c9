"""Make the README screenshots: a real campaign (generated speech clips, the bundled model) in the real window.

    xvfb-run -s "-screen 0 1366x768x24" python docs/make_screenshots.py     # grabs the X screen (video frames show)
    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py             # widget grabs (video area stays blank)

Writes docs/screenshots/{review,script,terms,dashboard,shortcuts}.png and the same in Malay (*_ms.png) at 1366x768,
and the sample reports
docs/reports/{video_report,campaign_summary}.pdf with page 1 of each rendered by pdftoppm as a PNG.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reviewer.review.batch import transcribe_and_check  # noqa: E402
from reviewer.review.services import Services  # noqa: E402
from reviewer.review.workflow import add_comment, add_review, import_media, set_disposition  # noqa: E402
from reviewer.store.queries import show  # noqa: E402
from tests.mediagen import silence, speak, write_mp4  # noqa: E402
from transcribe.types import TranscribeOptions  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)
CLIPS = [
    ("aina_v1.mp4", "@aina.creates", "en-us", "Hello everyone. Some people online are so stupid and worthless. "
     "If you feel like you want to kill yourself, please talk to someone. Think twice before you post."),
    ("aina_v2.mp4", "@aina.creates", "en-us", "Hello everyone. Some people online say hurtful things. "
     "If you are struggling, please talk to someone. Think twice before you post."),
    ("hakim_promo.mp4", "@hakim.eats", "en-us", "Try my new recipe today. Do not try the blackout challenge, it is "
     "dangerous. Be kind online."),
]
SCRIPT = ("Hai semua! Hari ini kita cakap pasal buli siber.\n\n"
          "Ramai orang tulis 'bodoh' dan 'b0d0h' dalam komen, atau panggil orang gila. "
          "Ada juga yang suruh orang pergi mati.\n\n"
          "Kalau kawan kau rasa nak bunuh diri, dengar dan bawa dia jumpa kaunselor.\n\n"
          "Think twice before you post. Don't call people stupid or psycho.")


def pump(app: QApplication, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def build_campaign(db: Path, media: Path) -> Services:
    services = Services.open(db, options=TranscribeOptions(language="en"))
    ids = []
    for index, (name, creator, voice, text) in enumerate(CLIPS):
        clip = write_mp4(media / name, np.concatenate([silence(0.6), speak(text, voice), silence(0.6)]),
                         label=name.split(".")[0], size=(480, 270))
        caption = "Jom fikir dulu! #ThinkTwice #bodoh" if index == 0 else "#ThinkTwice"
        version_of = ids[0] if name == "aina_v2.mp4" else None
        video_id = import_media(services.store, clip, "Kempen Fikir Dulu 2026", creator, caption, version_of).video_id
        transcribe_and_check(services, video_id)
        ids.append(video_id)
    first = show(services.store, ids[0])
    caption_finding = next(f for f in first["findings"] if f["source"] == "caption")
    set_disposition(services.store, caption_finding["id"], "dismissed", "hashtag quotes the campaign slogan", "Aina")
    spoken = [f for f in first["findings"] if f["source"] == "transcript"]
    for finding in spoken[:2]:
        set_disposition(services.store, finding["id"], "confirmed", actor="Aina")
    add_comment(services.store, ids[0], spoken[0]["time_start"], "Remove this insult; say what you disagree with.",
                "Aina Rahman")
    add_comment(services.store, ids[0], 9.0, "Add the Befrienders helpline on screen here.", "Dr. Ravi")
    add_review(services.store, ids[0], "Aina Rahman", "changes_required", "Women's Aid Organisation",
               "Please remove the insults and add helplines.")
    add_review(services.store, ids[1], "Aina Rahman", "approved", "Women's Aid Organisation")
    add_review(services.store, ids[1], "Dr. Ravi", "approved_with_changes", "Malaysian Mental Health Association",
               "Show the helpline numbers for 5 seconds.")
    add_review(services.store, ids[2], "Mei Ling", "approved", "Content Forum")
    return services


def sample_reports(db: Path) -> None:
    """Both PDF reports of the campaign, and page 1 of each as PNG (pdftoppm, from poppler-utils)."""
    import subprocess

    from reviewer.review.exports import campaign_pdf, video_pdf

    folder = ROOT / "docs" / "reports"
    folder.mkdir(parents=True, exist_ok=True)
    services = Services.open(db)
    for name, data in (("video_report", video_pdf(services, 1)), ("campaign_summary", campaign_pdf(services, None))):
        pdf = folder / f"{name}.pdf"
        pdf.write_bytes(data)
        subprocess.run(["pdftoppm", "-png", "-r", "70", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(folder / name)], check=True)
        print(f"wrote {pdf} and {folder / name}.png")
    services.store.close()


def grab(app: QApplication, window, name: str) -> None:
    pump(app, 0.6)
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        image = window.grab()
    else:
        image = app.primaryScreen().grabWindow(0, 0, 0, *SIZE)
    image.save(str(OUT / f"{name}.png"))
    print(f"wrote {OUT / name}.png")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="thinktwice-shots-"))
    (work / "media").mkdir()
    os.environ["THINKTWICE_DATA_DIR"] = str(work / "data")
    app = QApplication(sys.argv)
    services = build_campaign(work / "review.db", work / "media")
    services.store.close()
    sample_reports(work / "review.db")
    from ui.app import build_window
    from ui.i18n import LANGUAGE
    from ui.settings import AppSettings

    settings = AppSettings(reviewer="Aina Rahman", organisation="Women's Aid Organisation")
    window = build_window(str(work / "review.db"), settings,
                          QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    window.setGeometry(0, 0, *SIZE)
    window.show()
    pump(app, 1.0)
    window.library.select(1)
    window.review.open_video(1)
    pump(app, 1.5)
    first = window.review.findings.model.rows[0]
    window.review.findings.table.selectRow(0)
    window.review.player.seek(max(0.0, (first["time_start"] or 0) - 0.4))
    window.review.player.toggle_play()  # play a moment so a decoded frame is on screen, then pause
    pump(app, 0.4)
    window.review.player.toggle_play()
    pump(app, 1.0)
    window.script.editor.setPlainText(SCRIPT)
    window.terms.list_view.setCurrentRow(next(i for i, lst in enumerate(window.terms.lists)
                                              if lst.name == "suicide-self-harm"))
    window.dashboard.picker.setCurrentIndex(window.dashboard.picker.findData("Kempen Fikir Dulu 2026"))
    for language, suffix in (("en", ""), ("ms", "_ms")):
        LANGUAGE.set(language)
        for index, name in enumerate(("review", "script", "terms", "dashboard")):
            window.tabs.setCurrentIndex(index)
            grab(app, window, name + suffix)
        window.tabs.setCurrentIndex(0)
        help_page = window.keys.show_help()
        help_page.move(420, 100)
        grab(app, window, "shortcuts" + suffix)
        help_page.close()
    LANGUAGE.set("en")
    window.close()


if __name__ == "__main__":
    main()
