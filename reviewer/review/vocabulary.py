"""The domain's words and colours, in one place: labels for statuses, decisions, severities, kinds, dispositions and
guideline areas, in English and Bahasa Melayu, plus how dates and clock times are written.

The CLI prints these labels; the app translates the English ones with Qt (`tr(label)`), and reports receive them
in their input types (`reports.types.Vocabulary`; reports/ imports nothing of ours). `QT_TR_NOOP` is a plain
function here (the core never imports Qt): Qt's `pyside6-lupdate` reads the source and files each marked label
for translators.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from functools import cache
from typing import Final, Literal

from assets import asset_path

# Colours and clock times are written once, beside the reports' input types (reports import nothing of ours).
from reports.types import SEVERITY_HEX, Vocabulary
from reports.types import STATUS_COLOURS as STATUS_COLOURS
from reports.types import clock as clock
from reports.types import count_axis as count_axis


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """Mark `text` for translation; it stays English here."""
    return text


STATUS_LABELS: Final = {
    "pending": QT_TR_NOOP("Pending"), "in_review": QT_TR_NOOP("In review"), "approved": QT_TR_NOOP("Approved"),
    "approved_with_changes": QT_TR_NOOP("Approved with changes"),
    "changes_required": QT_TR_NOOP("Changes required"), "rejected": QT_TR_NOOP("Rejected"),
}
DECISION_LABELS: Final = {key: STATUS_LABELS[key] for key in
                          ("approved", "approved_with_changes", "changes_required", "rejected")}
SEVERITY_LABELS: Final = {"critical": QT_TR_NOOP("critical"), "high": QT_TR_NOOP("high"),
                          "medium": QT_TR_NOOP("medium"), "low": QT_TR_NOOP("low")}
KIND_LABELS: Final = {"exact": QT_TR_NOOP("exact"), "normalized": QT_TR_NOOP("normalized"),
                      "morphological": QT_TR_NOOP("morphological"), "fuzzy": QT_TR_NOOP("fuzzy")}
DISPOSITION_LABELS: Final = {"open": QT_TR_NOOP("open"), "confirmed": QT_TR_NOOP("confirmed"),
                             "dismissed": QT_TR_NOOP("dismissed")}


SEVERITY_COLOURS: Final = SEVERITY_HEX

Language = Literal["en", "ms"]
LANGUAGES: tuple[Language, ...] = ("en", "ms")

# Bahasa Melayu for the labels above (the app gets its Malay from Qt's .qm; documents and the CLI from here).
STATUS_LABELS_MS: Final = {
    "pending": "Belum disemak", "in_review": "Dalam semakan", "approved": "Diluluskan",
    "approved_with_changes": "Diluluskan dengan perubahan", "changes_required": "Perlu diubah", "rejected": "Ditolak",
}
SEVERITY_LABELS_MS: Final = {"low": "rendah", "medium": "sederhana", "high": "tinggi", "critical": "kritikal"}
DISPOSITION_LABELS_MS: Final = {"open": "terbuka", "confirmed": "disahkan", "dismissed": "diketepikan"}
KIND_LABELS_MS: Final = {"exact": "tepat", "normalized": "dinormalkan", "morphological": "morfologi",
                         "fuzzy": "kabur"}
LABELS_BY_LANGUAGE: Final = {
    "en": {"status": STATUS_LABELS, "severity": SEVERITY_LABELS, "disposition": DISPOSITION_LABELS,
           "kind": KIND_LABELS},
    "ms": {"status": STATUS_LABELS_MS, "severity": SEVERITY_LABELS_MS, "disposition": DISPOSITION_LABELS_MS,
           "kind": KIND_LABELS_MS},
}

# The guideline areas of the bundled lists (TikTok Community Guidelines 2025 sections and the Malaysian Content
# Code's headings). A list may use its own category names: those print as they are.
CATEGORY_LABELS: dict[str, str] = {
    "Hate Speech and Hateful Behavior": "Ucapan kebencian",
    "Harassment and Bullying": "Gangguan dan buli",
    "Violent and Criminal Behavior": "Keganasan dan jenayah",
    "Suicide and Self-Harm": "Bunuh diri dan mencederakan diri",
    "Disordered Eating and Body Image": "Gangguan makan dan imej badan",
    "Dangerous Activity and Challenges": "Aktiviti dan cabaran berbahaya",
    "Body Exposure and Sexualized Behaviors": "Pendedahan tubuh dan tingkah laku seksual",
    "Shocking and Graphic Content": "Kandungan ngeri dan grafik",
    "Misinformation": "Maklumat palsu",
    "Frauds and Scams": "Penipuan",
    "Regulated Goods": "Barangan terkawal",
    "Personal Information": "Maklumat peribadi",
    "Bad language": "Bahasa kesat",
    "Mental health stigma": "Stigma kesihatan mental",
    "Misogyny and gender-based violence": "Misogini dan keganasan berasaskan gender",
}
# Why a guideline area matters, in plain words for a creator (no policy jargon).
CATEGORY_WHY: dict[Language, dict[str, str]] = {
    "en": {
        "Hate Speech and Hateful Behavior": "Words that attack people for their race, religion, origin or who "
                                            "they are hurt whole communities, and 3R topics are sensitive in Malaysia.",
        "Harassment and Bullying": "Insults aimed at a person make viewers pile on; say what you disagree with "
                                   "instead.",
        "Violent and Criminal Behavior": "Talk of hurting people can read as a threat or as encouragement.",
        "Suicide and Self-Harm": "Some ways of talking about suicide can put people at risk; safe wording and "
                                 "helplines protect viewers who are struggling.",
        "Disordered Eating and Body Image": "Comments on bodies and weight can harm people living with eating "
                                            "disorders or low self-esteem.",
        "Dangerous Activity and Challenges": "Viewers, often children, copy challenges; some have died doing them.",
        "Body Exposure and Sexualized Behaviors": "Sexual wording is not suitable for a general audience.",
        "Shocking and Graphic Content": "Graphic details upset viewers and can retraumatise them.",
        "Misinformation": "False claims spread quickly and can cause real harm.",
        "Frauds and Scams": "Viewers can lose money or personal data.",
        "Regulated Goods": "Promoting gambling, drugs or alcohol is restricted and can break the law.",
        "Personal Information": "Sharing someone's details puts their safety at risk.",
        "Bad language": "Swearing puts off part of the audience and breaks the Content Code.",
        "Mental health stigma": "Words like this make people ashamed to ask for help.",
        "Misogyny and gender-based violence": "Degrading words about women normalise harassment and violence.",
    },
    "ms": {
        "Hate Speech and Hateful Behavior": "Kata-kata yang menyerang kaum, agama, asal usul atau identiti "
                                            "seseorang melukakan seluruh komuniti, dan isu 3R amat sensitif di "
                                            "Malaysia.",
        "Harassment and Bullying": "Penghinaan terhadap seseorang mendorong penonton turut membuli; nyatakan "
                                   "perkara yang anda tidak setuju.",
        "Violent and Criminal Behavior": "Cakap tentang mencederakan orang boleh dibaca sebagai ugutan atau "
                                         "galakan.",
        "Suicide and Self-Harm": "Cara bercakap tentang bunuh diri boleh membahayakan penonton yang sedang "
                                 "bergelut; perkataan yang selamat dan talian bantuan melindungi mereka.",
        "Disordered Eating and Body Image": "Komen tentang badan dan berat boleh menyakiti orang yang mengalami "
                                            "gangguan makan atau rendah diri.",
        "Dangerous Activity and Challenges": "Penonton, selalunya kanak-kanak, meniru cabaran; ada yang maut "
                                             "kerananya.",
        "Body Exposure and Sexualized Behaviors": "Perkataan seksual tidak sesuai untuk penonton umum.",
        "Shocking and Graphic Content": "Butiran ngeri mengganggu penonton dan boleh mengulang trauma.",
        "Misinformation": "Dakwaan palsu tersebar dengan cepat dan boleh membawa mudarat sebenar.",
        "Frauds and Scams": "Penonton boleh kehilangan wang atau data peribadi.",
        "Regulated Goods": "Mempromosi judi, dadah atau arak adalah terhad dan boleh melanggar undang-undang.",
        "Personal Information": "Mendedahkan butiran seseorang membahayakan keselamatannya.",
        "Bad language": "Kata-kata kesat menjauhkan sebahagian penonton dan melanggar Kod Kandungan.",
        "Mental health stigma": "Perkataan seperti ini membuat orang malu untuk mendapatkan bantuan.",
        "Misogyny and gender-based violence": "Kata-kata yang merendahkan wanita menormalkan gangguan dan keganasan.",
    },
}
DISAGREEMENT: Final[dict[Language, str]] = {  # reviewers' dispositions differ: a report says so, in its language
    "en": "DISAGREEMENT (open until resolved)", "ms": "TIDAK SEPAKAT (terbuka sehingga diselesaikan)"}
MONTHS: dict[Language, tuple[str, ...]] = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "ms": ("Jan", "Feb", "Mac", "Apr", "Mei", "Jun", "Jul", "Ogo", "Sep", "Okt", "Nov", "Dis"),
}


def language_of(code: str | None) -> Language:
    """'ms', 'ms_MY', 'Bahasa Melayu' → 'ms'; anything else → 'en'."""
    return "ms" if (code or "").strip().lower()[:2] in ("ms", "ba") else "en"


def category_label(category: str, language: Language = "en") -> str:
    """A guideline area in `language`: the app and the documents print the same words (a list's own category
    names, and every area in English, print as they are)."""
    return CATEGORY_LABELS.get(category, category) if language == "ms" else category


def why_it_matters(category: str, note: str, language: Language = "en") -> str:
    """Plain words for a creator: the guideline area's reason, then the term's own note where it adds something."""
    reason = CATEGORY_WHY[language].get(category, "")
    if note and language == "en":
        return f"{note}. {reason}".strip() if reason else note
    return reason or note


def format_date(moment: datetime | str, language: Language = "en", with_time: bool = False) -> str:
    """'25 Nov 2026' in English, '25 Dis 2026' style in Malay; ISO strings from the database are accepted."""
    when = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    text = f"{when.day} {MONTHS[language][when.month - 1]} {when.year}"
    return f"{text}, {when:%H:%M}" if with_time else text


def vocabulary(language: Language = "en") -> Vocabulary:
    """The domain labels a report prints, in one language."""
    categories = dict(CATEGORY_LABELS) if language == "ms" else {}
    labels = LABELS_BY_LANGUAGE[language]
    dispositions = dict(labels["disposition"]) | {"disagreement": DISAGREEMENT[language]}
    return Vocabulary(language=language, statuses=dict(labels["status"]), severities=dict(labels["severity"]),
                      dispositions=dispositions, categories=categories, kinds=dict(labels["kind"]))


@cache
def malay_suggestions() -> dict[str, str]:
    """Malay wording of every bundled suggestion (assets/i18n/suggestions_ms.csv; `#` lines are comments)."""
    path = asset_path("i18n") / "suggestions_ms.csv"
    if not path.exists():
        return {}
    lines = [line for line in path.read_text(encoding="utf-8-sig").splitlines() if not line.startswith("#")]
    rows = csv.DictReader(io.StringIO("\n".join(lines)))
    return {row["suggestion"].strip(): row["suggestion_ms"].strip() for row in rows if row.get("suggestion_ms")}


def kinder_wording(suggestion: str, language: Language) -> str:
    """The term's suggestion in the feedback's language where a Malay one exists; else as the list wrote it."""
    if language == "ms":
        return malay_suggestions().get(suggestion.strip(), suggestion)
    return suggestion
