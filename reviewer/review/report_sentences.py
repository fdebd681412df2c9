"""Whole sentences the core hands to documents, in English and Bahasa Melayu.

Reports print labels from their own tables (reports/labels.py), but some sentences are composed here from what
only the core knows: whether the file still matches, who disagrees, which corrections compete. A report in Malay
must not fall back to English for them, so they are written once per language here, not in the report code
(reports/ imports nothing of ours) and not inline where they are composed.
"""

from __future__ import annotations

from typing import Final

from reviewer.review.vocabulary import Language

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
    },
}


def sentence(key: str, language: Language, **values: object) -> str:
    """One sentence in the report's language, its {placeholders} filled."""
    return SENTENCES[language][key].format(**values)
