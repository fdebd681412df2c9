"""Creator feedback (PDF and HTML) and reports in Bahasa Melayu, parsed back and checked."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from reports.labels import EN, MS
from reviewer.review.batch import transcribe_and_check
from reviewer.review.feedback import DECISION_SENTENCES
from reviewer.review.vocabulary import (
    CATEGORY_WHY,
    LABELS_BY_LANGUAGE,
    clock,
    format_date,
    kinder_wording,
    malay_suggestions,
)
from reviewer.review.workflow import add_comment, add_review, import_media, set_disposition
from tests.fakes import fake_services

SCRIPT = ("Dia memang pondan. Hari ini kita bercakap tentang media sosial dan cara kita menulis komen di sana. "
          "Jangan jadi bodoh. Kita semua boleh memilih kata-kata yang lebih baik setiap hari tanpa menyakiti orang. "
          "If you feel low and someone says kill yourself, talk to someone.")


@pytest.fixture
def reviewed(tmp_path: Path, clips: dict[str, Path]):
    db = tmp_path / "r.db"
    services = fake_services(db, {"aina.mp4": SCRIPT})
    clip = tmp_path / "aina.mp4"
    shutil.copy(clips["english"], clip)
    video_id = import_media(services.store, clip, "Kempen Raya", creator="@aina").video_id
    transcribe_and_check(services, video_id)
    findings = {f["term"]: f for f in services.store.query("SELECT id, term FROM findings")}
    set_disposition(services.store, findings["pondan"]["id"], "dismissed", "INTERNAL-REASON quoted a bully", "Nurul")
    set_disposition(services.store, findings["bodoh"]["id"], "confirmed", "", "Nurul")
    add_comment(services.store, video_id, 1.5, "Tolong potong bahagian ini", "Nurul")
    add_review(services.store, video_id, "Nurul", "changes_required", "WAO", "Sila buang perkataan kasar.")
    yield services, video_id, db
    services.store.close()


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def pdf_images(path: Path) -> int:
    return sum(len(page.images) for page in PdfReader(path).pages)


def test_feedback_pdf_in_malay(run_cli, reviewed, tmp_path: Path) -> None:
    _, video_id, db = reviewed
    out = tmp_path / "maklum_balas.pdf"
    code, _, err = run_cli("--db", db, "feedback", video_id, "-o", out, "--language", "ms")
    assert code == 0, err
    text = " ".join(pdf_text(out).split())
    assert DECISION_SENTENCES["ms"]["changes_required"] in text  # the decision comes first, in one sentence
    assert text.index(DECISION_SENTENCES["ms"]["changes_required"]) < text.index("bodoh")
    for label in ("Maklum balas untuk video anda", "Mengapa ia penting", "Cara yang lebih baik", "Apa yang disebut",
                  "Komen penyemak", "Tolong potong bahagian ini", "Sila buang perkataan kasar."):
        assert label in text, label
    assert "Befrienders KL" in text
    assert "15555" in text
    assert "pondan" not in text
    assert "INTERNAL-REASON" not in text
    assert "SHA-256" not in text
    assert not re.search(r"\b[0-9a-f]{64}\b", text)
    assert pdf_images(out) >= 3  # a frame thumbnail per moment


def test_feedback_pdf_in_english_orders_by_time(run_cli, reviewed, tmp_path: Path) -> None:
    _, video_id, db = reviewed
    out = tmp_path / "feedback.pdf"
    code, _, err = run_cli("--db", db, "feedback", video_id, "-o", out)
    assert code == 0, err
    text = " ".join(pdf_text(out).split())
    assert DECISION_SENTENCES["en"]["changes_required"] in text
    assert "Why it matters" in text
    assert "A kinder way to say it" in text
    times = [int(m) * 60 + int(s) for m, s in re.findall(r"\b(\d\d):(\d\d) · ", text)]
    assert times == sorted(times)
    assert len(times) >= 3


def test_feedback_html_is_self_contained(run_cli, reviewed, tmp_path: Path) -> None:
    _, video_id, db = reviewed
    out = tmp_path / "maklum_balas.html"
    code, _, err = run_cli("--db", db, "feedback", video_id, "-o", out, "--language", "ms")
    assert code == 0, err
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert 'lang="ms"' in html
    references = re.findall(r"""(?:src|href)\s*=\s*["']?([^"' >]+)""", html, flags=re.IGNORECASE)
    assert references
    assert all(ref.startswith("data:") for ref in references)
    assert "<script" not in html.lower()
    assert "@import" not in html
    assert "url(" not in html
    assert html.count("data:image/png;base64,") >= 3
    assert "Mengapa ia penting" in html
    assert "Talian HEAL" in html
    assert "pondan" not in html
    assert "INTERNAL-REASON" not in html


def test_approval_report_and_summary_in_malay(run_cli, reviewed, tmp_path: Path) -> None:
    _, video_id, db = reviewed
    out = tmp_path / "laporan.pdf"
    assert run_cli("--db", db, "report", video_id, "-o", out, "--language", "ms")[0] == 0
    text = " ".join(pdf_text(out).split())
    for label in ("Laporan kelulusan", "Ringkasan keputusan", "Perlu diubah", "Dapatan", "Komen bermasa",
                  "Transkrip", "Pengesahan", "halaman 1 daripada", "Gangguan dan buli"):
        assert label in text, label
    assert re.search(r"\b\d{1,2} (Jan|Feb|Mac|Apr|Mei|Jun|Jul|Ogo|Sep|Okt|Nov|Dis) \d{4}\b", text)
    summary = tmp_path / "ringkasan.pdf"
    assert run_cli("--db", db, "report", "--campaign", "Kempen Raya", "-o", summary, "--language", "ms")[0] == 0
    text = " ".join(pdf_text(summary).split())
    for label in ("Ringkasan kempen: Kempen Raya", "Video mengikut status", "Dapatan mengikut kategori",
                  "Beban kerja penyemak"):
        assert label in text, label


def test_every_report_label_exists_in_both_languages() -> None:
    assert set(EN) == set(MS)
    for kind in ("status", "severity", "disposition", "kind"):
        assert set(LABELS_BY_LANGUAGE["en"][kind]) == set(LABELS_BY_LANGUAGE["ms"][kind])
    assert set(CATEGORY_WHY["en"]) == set(CATEGORY_WHY["ms"])
    assert set(DECISION_SENTENCES["en"]) == set(DECISION_SENTENCES["ms"])


def test_dates_and_clock_follow_the_language() -> None:
    assert format_date("2026-11-25T10:00:00", "en") == "25 Nov 2026"
    assert format_date("2026-12-01T10:00:00", "ms") == "1 Dis 2026"
    assert format_date("2026-08-09T10:00:00", "ms") == "9 Ogo 2026"
    assert clock(75.9) == "01:15"
    assert clock(3725) == "1:02:05"
    assert clock(None) == "—"


def test_every_bundled_english_suggestion_has_malay_wording() -> None:
    from reviewer.checking.terms import load_bundled_lists

    missing = {term.suggestion for term_list in load_bundled_lists() for term in term_list.terms
               if term.suggestion and term.suggestion not in malay_suggestions()}
    assert not missing, sorted(missing)[:10]
    assert kinder_wording("Remove the slur", "ms") != "Remove the slur"
    assert kinder_wording("Remove the slur", "en") == "Remove the slur"


def test_malay_approval_report_says_the_core_sentences_in_malay(run_cli, reviewed, tmp_path: Path) -> None:
    """File check, required reviewers, who is awaited and a disagreement: composed by the core, printed in Malay."""
    from reviewer.review.workflow import set_required_reviewers

    services, video_id, db = reviewed
    set_required_reviewers(services.store, "Kempen Raya", ["Nurul (WAO)", "Bala (MIASA)"])
    finding = services.store.query("SELECT id FROM findings WHERE term = 'bodoh'")[0]["id"]
    set_disposition(services.store, finding, "dismissed", "petikan", "Bala", "MIASA")  # Nurul confirmed it
    out = tmp_path / "laporan.pdf"
    assert run_cli("--db", db, "report", video_id, "-o", out, "--language", "ms")[0] == 0
    text = " ".join(pdf_text(out).split())
    for malay in ("disahkan dengan fail pada", "Penyemak wajib: 1 daripada 2 telah membuat keputusan, menunggu MIASA",
                  "Menunggu keputusan daripada:", "Penyemak tidak sepakat tentang 1 dapatan", "TIDAK SEPAKAT",
                  "tepat"):
        assert malay in text, malay
    for english in ("verified against", "Required reviewers", "Awaiting decisions", "Reviewers disagree",
                    "DISAGREEMENT", "decided", "exact"):
        assert english not in text, english


def test_malay_report_of_a_video_with_no_speech_says_why_in_malay(run_cli, tmp_path: Path, clips) -> None:
    """The no-speech banner and the on-screen reading line come from the core: in a Malay report, in Malay."""
    from reviewer.review.report_sentences import GAP_SENTENCES_MS
    from reviewer.store.jobs import GAP_SENTENCES

    assert set(GAP_SENTENCES) == set(GAP_SENTENCES_MS)
    db = tmp_path / "r.db"
    services = fake_services(db, {"tarian.mp4": ""})  # music only: the engine finds no speech
    clip = tmp_path / "tarian.mp4"
    shutil.copy(clips["malay"], clip)
    video_id = import_media(services.store, clip, "Kempen Raya").video_id
    transcribe_and_check(services, video_id)
    services.store.close()
    out = tmp_path / "laporan.pdf"
    assert run_cli("--db", db, "report", video_id, "-o", out, "--language", "ms")[0] == 0
    text = " ".join(pdf_text(out).split())
    assert "Tiada pertuturan ditemui: audionya muzik" in text
    assert "Teks pada skrin: dibaca dengan fake, 0 baris" in text
    assert "no speech" not in text.lower()
    assert "read with" not in text


@pytest.fixture
def approved_with_points(tmp_path: Path, clips: dict[str, Path]):
    """Approved, yet one confirmed finding in speech, one in the caption and one on screen remain for the creator."""
    db = tmp_path / "r.db"
    services = fake_services(db, {"aina.mp4": "Hai semua. You are so stupid today. Terima kasih."},
                             screen={"aina.mp4": [("jangan jadi bodoh", 0.5, 2.0, 0.95)]})
    clip = tmp_path / "aina.mp4"
    shutil.copy(clips["english"], clip)
    video_id = import_media(services.store, clip, "Kempen Raya", caption="#janganbodoh babi").video_id
    transcribe_and_check(services, video_id)
    for finding in services.store.query("SELECT id FROM findings"):
        set_disposition(services.store, finding["id"], "confirmed", "", "Nurul")
    add_review(services.store, video_id, "Nurul", "approved", "WAO")
    yield services, video_id, db
    services.store.close()


@pytest.mark.parametrize("language", ["en", "ms"])
def test_approved_feedback_with_points_left_says_so(run_cli, approved_with_points, tmp_path: Path,
                                                     language: str) -> None:
    """An approved video with points listed below is not 'publish it as it is'; a caption point says it is in the
    caption (no time, no frame), an on-screen point says it was shown on screen."""
    from reports.labels import TABLES
    from reviewer.review.feedback import feedback_data

    services, video_id, db = approved_with_points
    data = feedback_data(services, video_id, language)
    sources = {item.source: item for item in data.items}
    assert set(sources) == {"transcript", "caption", "screen"}
    assert sources["caption"].thumbnail is None  # nothing in a frame to show for a caption
    assert sources["screen"].thumbnail is not None
    assert data.decision_sentence == DECISION_SENTENCES[language]["approved_with_notes"]
    labels = TABLES[language]
    for suffix in ("pdf", "html"):
        out = tmp_path / f"feedback.{suffix}"
        assert run_cli("--db", db, "feedback", video_id, "-o", out, "--language", language)[0] == 0
        text = " ".join((pdf_text(out) if suffix == "pdf" else out.read_text(encoding="utf-8")).split())
        assert DECISION_SENTENCES[language]["approved"] not in text
        assert DECISION_SENTENCES[language]["approved_with_notes"] in text
        assert labels["feedback_item_caption"] in text
        assert labels["feedback_item_screen"] in text
        assert f"— · {labels['feedback_item_finding']}" not in text  # a caption was never 'said' at no time
    assert pdf_images(tmp_path / "feedback.pdf") == 2  # the spoken and the on-screen point, not the caption


def test_approved_feedback_without_points_may_publish_as_it_is(run_cli, approved_with_points) -> None:
    from reviewer.review.feedback import feedback_data

    services, video_id, _ = approved_with_points
    for finding in services.store.query("SELECT id FROM findings"):
        set_disposition(services.store, finding["id"], "dismissed", "fine in context", "Nurul")
    data = feedback_data(services, video_id, "en", with_thumbnails=False)
    assert data.items == []
    assert data.decision_sentence == DECISION_SENTENCES["en"]["approved"]


def test_changes_asked_with_no_point_listed_say_where_the_changes_are(run_cli, approved_with_points,
                                                                       tmp_path: Path) -> None:
    """"Please make the changes below" over "Nothing to change" contradicted itself: the changes are in the note,
    or the creator is told to ask."""
    from reviewer.review.feedback import feedback_data

    services, video_id, db = approved_with_points
    for finding in services.store.query("SELECT id FROM findings"):
        set_disposition(services.store, finding["id"], "dismissed", "fine in context", "Nurul")
    add_review(services.store, video_id, "Nurul", "changes_required", "WAO", "Potong bahagian akhir.")
    for language in ("en", "ms"):
        data = feedback_data(services, video_id, language, with_thumbnails=False)
        assert data.decision_sentence == DECISION_SENTENCES[language]["changes_required_in_note"]
    out = tmp_path / "feedback.html"
    assert run_cli("--db", db, "feedback", video_id, "-o", out)[0] == 0
    html = out.read_text(encoding="utf-8")
    assert "Potong bahagian akhir." in html
    assert EN["no_feedback_items"] not in html
    add_review(services.store, video_id, "Nurul", "changes_required", "WAO", "")
    data = feedback_data(services, video_id, "en", with_thumbnails=False)
    assert data.decision_sentence == DECISION_SENTENCES["en"]["changes_unlisted"]


@pytest.mark.parametrize(("word", "expected"), [
    ("hodoh", "…hodoh di media sosial…"),  # first on its line: quoted, not dropped as a cut-off word
    ("bodoh", "…Ada yang kata saya bodoh…"),  # last on its line
    ("stupid", "…you are so stupid and worthless,…"),  # cut inside words at both ends: whole words only
])
def test_the_quote_holds_the_flagged_word_wherever_it_is_on_its_line(word: str, expected: str) -> None:
    from reviewer.review.feedback import quote_around

    text = ("Selamat pagi\nhodoh di media sosial\nAda yang kata saya bodoh\n"
            "Hello everyone, you are so stupid and worthless, please think twice before you post")
    start = text.index(word)
    assert quote_around(text, start, start + len(word), 20) == expected
