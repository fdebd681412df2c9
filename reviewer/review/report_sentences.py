"""Whole sentences the core hands to documents, in English and Bahasa Melayu.

Reports print labels from their own tables (reports/labels.py), but some sentences are composed here from what
only the core knows: whether the file still matches, who disagrees, which corrections compete. A report in Malay
must not fall back to English for them, so they are written once per language here, not in the report code
(reports/ imports nothing of ours) and not inline where they are composed.
"""

from __future__ import annotations

from typing import Final

from reviewer.review.vocabulary import Language
from reviewer.store.jobs import GAP_SENTENCES, gap_detail

SENTENCES: Final[dict[Language, dict[str, str]]] = {
    "en": {
        "file_ok": "verified against the file on {at}",
        "file_changed": "the file no longer matches the approved content",
        "file_missing": "the file is missing (looked on {at}): this report cannot vouch for its content",
        "disagreement": "Reviewers disagree on {count} finding(s): counted as open until resolved (see the findings "
                        "table).",
        "competing": "Competing transcript corrections: {revisions}. The last revision is shown; reconcile them.",
        "revision": "revision {revision} by {author}",
        "decided": "{done} of {required} decided",
        "waiting": "waiting for {who}",
        "screen_read": "read with {engine}, {lines} lines, {frames} frames sampled at {fps} a second",
        "screen_not_read": "not read ({status})",
    },
    "ms": {
        "file_ok": "disahkan dengan fail pada {at}",
        "file_changed": "fail ini tidak lagi sepadan dengan kandungan yang diluluskan",
        "file_missing": "fail tiada (dicari pada {at}): laporan ini tidak dapat menjamin kandungannya",
        "disagreement": "Penyemak tidak sepakat tentang {count} dapatan: dikira terbuka sehingga diselesaikan (lihat "
                        "jadual dapatan).",
        "competing": "Pembetulan transkrip yang bersaing: {revisions}. Semakan terakhir ditunjukkan; selaraskan "
                     "semuanya.",
        "revision": "semakan {revision} oleh {author}",
        "decided": "{done} daripada {required} telah membuat keputusan",
        "waiting": "menunggu {who}",
        "screen_read": "dibaca dengan {engine}, {lines} baris, {frames} bingkai diambil {fps} sesaat",
        "screen_not_read": "tidak dibaca ({status})",
    },
}

# Why a video has no transcript (reviewer.store.jobs.GAP_SENTENCES holds the English, which show and the CLI
# print); the keys are the same.
GAP_SENTENCES_MS: Final[dict[str, str]] = {
    "no_audio": "tiada trek audio: pertuturan tidak disemak, hanya teks pada skrin dan kapsyen",
    "no_speech": "tiada pertuturan ditemui: audionya muzik, bunyi bising atau senyap, jadi hanya teks pada skrin dan "
                 "kapsyen yang disemak",
    "not_transcribed": "tiada transkrip: belum ditranskripsi, jadi apa yang dituturkan belum disemak",
    "queued": "belum ada transkrip: transkripsi dalam giliran, jadi apa yang dituturkan belum disemak",
    "running": "belum ada transkrip: transkripsi sedang berjalan, jadi apa yang dituturkan belum disemak",
    "done": "tiada transkrip: apa yang dituturkan tidak disemak",
    "failed": "tiada transkrip: transkripsi gagal ({error}), jadi apa yang dituturkan tidak disemak",
    "cancelled": "tiada transkrip: transkripsi dibatalkan, jadi apa yang dituturkan tidak disemak",
    "stale_content": "transkrip ini daripada versi fail yang lebih awal: tiada apa-apa dalam kandungan baharu yang "
                     "disemak",
    "audio_damaged": "audio rosak {error}: pertuturan di bahagian itu tidak disemak; eksport semula video",
}


def transcript_gap_sentence(kind: str, error: str, language: Language) -> str:
    """Why there is no transcript, in the report's language ('' when there is one)."""
    if not kind:
        return ""
    table = GAP_SENTENCES_MS if language == "ms" else GAP_SENTENCES
    return table[kind].format(error=gap_detail(kind, error, language))


def sentence(key: str, language: Language, **values: object) -> str:
    """One sentence in the report's language, its {placeholders} filled."""
    return SENTENCES[language][key].format(**values)
