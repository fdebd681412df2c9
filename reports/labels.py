"""The reports' own words (headings, column names, notices) in English and Bahasa Melayu.

Domain words (statuses, severities, guideline areas) come from the core in `reports.types.Vocabulary`; this file
holds only the furniture of the documents themselves. Every key exists in both languages (a test checks it).
"""

from __future__ import annotations

from xml.sax.saxutils import escape

EN: dict[str, str] = {
    # approval report
    "approval_title": "Approval report: {name}",
    "campaign": "Campaign", "creator": "Creator", "file": "File", "version": "Version", "sha256": "SHA-256",
    "duration": "Duration", "seconds": "{value} s", "resolution": "Resolution", "audio_only": "audio only",
    "caption": "Caption",
    "decision_summary": "Decision summary", "combined_status": "Combined status",
    "changed_banner": "CHANGED SINCE REVIEW: the file is not the one that was reviewed. Earlier decisions no longer "
                      "count; it needs a new decision.",
    "new_findings_banner": "NEW FINDINGS SINCE THE DECISION: {count} open finding(s) appeared after the latest "
                           "decision was made. The decision did not consider them.",
    "stale_banner": "Checked against an older term list: re-check before relying on these findings.",
    "reviewer": "Reviewer", "organisation": "Organisation", "decision": "Decision", "date": "Date", "note": "Note",
    "no_decisions": "No decisions yet",
    "time": "Time", "term": "Term", "category": "Category", "severity": "Severity", "context": "Context",
    "kind": "Kind", "disposition": "Disposition", "suggestion": "Suggestion", "fuzzy_kind": "fuzzy (listen to confirm)",
    "on_caption": "caption", "findings_heading": "Findings ({count})", "no_findings": "No findings",
    "on_screen": "on screen", "look_kind": "{kind} (look to confirm)",
    "heard_as": "heard as '{heard}', confirmed on re-listening", "confirmed_kind": "confirmed",
    "file_missing_status": "File missing (recorded status: {status})",
    "required_reviewers": "Required reviewers: {decided}", "awaiting": "Awaiting decisions from: {who}",
    "read_as": "read as '{heard}', confirmed on a second look",
    "provenance_screen": "On-screen text: {status}.",
    "not_checked": "Not checked: there is no transcript",
    "not_fully_checked": "No findings in the audio that could be decoded; the damaged part was not checked",
    "no_findings_no_audio": "No findings in the on-screen text or caption; speech was not checked (no audio track)",
    "comments_heading": "Timecoded comments", "no_comments": "No comments.", "comment": "Comment",
    "resolved": "resolved", "internal": "internal", "reply": "reply",
    "transcript": "Transcript", "no_transcript": "No transcript.",
    "no_audio_transcript": "No transcript: the video has no audio track.",
    "provenance": "Provenance", "provenance_model": "Transcription: model {model}, language {language}.",
    "provenance_list": "Term list {name} v{version} · SHA-256 {sha}",
    "audit_at_issue": "Audit log at issue: {head}",
    "audit_at_issue_verify": "Audit log at issue: {head} (check later with 'thinktwice audit verify --against' "
                             "this file)",
    "helplines_intro": "<b>This video touches on suicide or self-harm.</b> If it is published, show where to find "
                       "help:",
    "sign_off": "Sign-off", "lead_signature": "Campaign lead (name and signature)",
    "footer_approval": "ThinkTwice Review · approval report · generated {when}",
    "page_of": "page {page} of {total}",
    "changes_heading": "Changes since v{version}", "change_resolved": "resolved", "change_new": "new",
    "change_unchanged": "unchanged", "no_changes": "The findings are the same as in v{version}.",
    "not_compared": "Not compared: this version or v{version} has not been checked yet, so its findings are unknown.",
    "change": "Change", "matched": "Said or shown",
    # campaign summary
    "summary_title": "Campaign summary: {name}", "summary_subtitle": "{count} videos · generated {when}",
    "by_status": "Videos by status", "by_category": "Findings by category", "by_severity": "Findings by severity",
    "every_video": "Every video", "video": "Video", "status": "Status", "highest": "Highest",
    "findings": "Findings", "reviewers": "Reviewers", "changed_suffix": " (changed since review)",
    "workload": "Reviewer workload", "videos": "Videos", "decisions": "Decisions",
    "footer_summary": "ThinkTwice Review · campaign summary · generated {when}", "none": "none",
    # creator feedback
    "feedback_title": "Feedback on your video: {name}",
    "feedback_intro": "Thank you for making a video for the campaign. Here is what the reviewers would like you to "
                      "look at, moment by moment.",
    "feedback_item_finding": "What was said", "feedback_item_screen": "Shown on screen",
    "feedback_item_caption": "In your caption",
    "feedback_item_comment": "Reviewer's comment", "why": "Why it matters", "kinder": "A kinder way to say it",
    "no_feedback_items": "Nothing to change: there are no open points for this video.",
    "helplines_feedback": "Your video talks about suicide or self-harm. Please show where viewers can find help:",
    "from_reviewer": "From {name}", "reviewer_note": "Note from the reviewers", "at": "At",
    "footer_feedback": "ThinkTwice Review · feedback for the creator · {when}",
    "emergency": "Emergency", "hours24": "24 hours",
}

MS: dict[str, str] = {
    "approval_title": "Laporan kelulusan: {name}",
    "campaign": "Kempen", "creator": "Pencipta", "file": "Fail", "version": "Versi", "sha256": "SHA-256",
    "duration": "Tempoh", "seconds": "{value} saat", "resolution": "Resolusi", "audio_only": "audio sahaja",
    "caption": "Kapsyen",
    "decision_summary": "Ringkasan keputusan", "combined_status": "Status gabungan",
    "changed_banner": "BERUBAH SELEPAS SEMAKAN: fail ini bukan fail yang disemak. Keputusan terdahulu tidak lagi "
                      "dikira; ia memerlukan keputusan baharu.",
    "new_findings_banner": "DAPATAN BAHARU SELEPAS KEPUTUSAN: {count} dapatan terbuka muncul selepas keputusan "
                           "terkini dibuat. Keputusan itu tidak mengambil kiranya.",
    "stale_banner": "Disemak dengan senarai istilah yang lebih lama: semak semula sebelum bergantung pada dapatan "
                    "ini.",
    "reviewer": "Penyemak", "organisation": "Organisasi", "decision": "Keputusan", "date": "Tarikh", "note": "Nota",
    "no_decisions": "Belum ada keputusan",
    "time": "Masa", "term": "Istilah", "category": "Kategori", "severity": "Tahap", "context": "Konteks",
    "kind": "Jenis", "disposition": "Status dapatan", "suggestion": "Cadangan",
    "fuzzy_kind": "kabur (dengar untuk sahkan)",
    "on_caption": "kapsyen", "findings_heading": "Dapatan ({count})", "no_findings": "Tiada dapatan",
    "on_screen": "pada skrin", "look_kind": "{kind} (lihat untuk sahkan)",
    "heard_as": "didengar sebagai '{heard}', disahkan selepas didengar semula", "confirmed_kind": "disahkan",
    "file_missing_status": "Fail tiada (status direkod: {status})",
    "required_reviewers": "Penyemak wajib: {decided}", "awaiting": "Menunggu keputusan daripada: {who}",
    "read_as": "dibaca sebagai '{heard}', disahkan selepas dilihat semula",
    "provenance_screen": "Teks pada skrin: {status}.",
    "not_checked": "Belum disemak: tiada transkrip",
    "not_fully_checked": "Tiada dapatan dalam audio yang dapat dinyahkod; bahagian yang rosak tidak disemak",
    "no_findings_no_audio": "Tiada dapatan dalam teks pada skrin atau kapsyen; pertuturan tidak disemak "
                            "(tiada trek audio)",
    "comments_heading": "Komen bermasa", "no_comments": "Tiada komen.", "comment": "Komen",
    "resolved": "diselesaikan", "internal": "dalaman", "reply": "balasan",
    "transcript": "Transkrip", "no_transcript": "Tiada transkrip.",
    "no_audio_transcript": "Tiada transkrip: video ini tiada trek audio.",
    "provenance": "Asal usul", "provenance_model": "Transkripsi: model {model}, bahasa {language}.",
    "provenance_list": "Senarai istilah {name} v{version} · SHA-256 {sha}",
    "audit_at_issue": "Log audit semasa dikeluarkan: {head}",
    "audit_at_issue_verify": "Log audit semasa dikeluarkan: {head} (semak kemudian dengan 'thinktwice audit verify "
                             "--against' fail ini)",
    "helplines_intro": "<b>Video ini menyentuh tentang bunuh diri atau mencederakan diri.</b> Jika ia diterbitkan, "
                       "tunjukkan tempat untuk mendapatkan bantuan:",
    "sign_off": "Pengesahan", "lead_signature": "Ketua kempen (nama dan tandatangan)",
    "footer_approval": "ThinkTwice Review · laporan kelulusan · dijana {when}",
    "page_of": "halaman {page} daripada {total}",
    "changes_heading": "Perubahan sejak v{version}", "change_resolved": "diselesaikan", "change_new": "baharu",
    "change_unchanged": "tidak berubah", "no_changes": "Dapatan sama seperti dalam v{version}.",
    "not_compared": "Tidak dibandingkan: versi ini atau v{version} belum disemak, jadi dapatannya belum diketahui.",
    "change": "Perubahan", "matched": "Disebut atau ditunjukkan",
    "summary_title": "Ringkasan kempen: {name}", "summary_subtitle": "{count} video · dijana {when}",
    "by_status": "Video mengikut status", "by_category": "Dapatan mengikut kategori",
    "by_severity": "Dapatan mengikut tahap", "every_video": "Semua video", "video": "Video", "status": "Status",
    "highest": "Tertinggi", "findings": "Dapatan", "reviewers": "Penyemak",
    "changed_suffix": " (berubah selepas semakan)", "workload": "Beban kerja penyemak", "videos": "Video",
    "decisions": "Keputusan", "footer_summary": "ThinkTwice Review · ringkasan kempen · dijana {when}",
    "none": "tiada",
    "feedback_title": "Maklum balas untuk video anda: {name}",
    "feedback_intro": "Terima kasih kerana menghasilkan video untuk kempen ini. Berikut ialah perkara yang penyemak "
                      "minta anda lihat, detik demi detik.",
    "feedback_item_finding": "Apa yang disebut", "feedback_item_screen": "Ditunjukkan pada skrin",
    "feedback_item_caption": "Dalam kapsyen anda",
    "feedback_item_comment": "Komen penyemak", "why": "Mengapa ia penting", "kinder": "Cara yang lebih baik",
    "no_feedback_items": "Tiada apa yang perlu diubah: tiada perkara terbuka untuk video ini.",
    "helplines_feedback": "Video anda bercakap tentang bunuh diri atau mencederakan diri. Sila tunjukkan tempat "
                          "penonton boleh mendapatkan bantuan:",
    "from_reviewer": "Daripada {name}", "reviewer_note": "Nota daripada penyemak", "at": "Pada",
    "footer_feedback": "ThinkTwice Review · maklum balas untuk pencipta · {when}",
    "emergency": "Kecemasan", "hours24": "24 jam",
}

TABLES = {"en": EN, "ms": MS}


class Labels:
    """`labels["key"]` or `labels("key", name=…)` in one language; markup-safe via `labels.escaped(...)`."""

    def __init__(self, language: str) -> None:
        self.language = language if language in TABLES else "en"
        self.table = TABLES[self.language]

    def __getitem__(self, key: str) -> str:
        return self.table[key]

    def __call__(self, key: str, **values: object) -> str:
        return self.table[key].format(**values)

    def escaped(self, key: str, **values: object) -> str:
        """For reportlab markup: the values are escaped, our own template is not."""
        return self.table[key].format(**{name: escape(str(value)) for name, value in values.items()})


def helplines(labels: Labels) -> list[tuple[str, str]]:
    """Malaysian helplines (the mental-health partner's list), in the report's language."""
    return [("Befrienders KL", f"03-7627 2929 ({labels['hours24']})"), ("Talian HEAL", "15555"),
            ("Talian Kasih", "15999 (WhatsApp 019-261 5999)"), (labels["emergency"], "999")]
