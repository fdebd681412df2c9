"""The domain's words and colours, in one place: labels for statuses, decisions, severities, kinds, dispositions.

The CLI prints these English labels; the app translates them with Qt (`tr(label)`), and reports receive them
in their input types (reports/ imports nothing of ours). `QT_TR_NOOP` is a plain function here (the core
never imports Qt): Qt's `pyside6-lupdate` reads the source and files each marked label for translators.
"""

from __future__ import annotations

from typing import Final


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

STATUS_COLOURS: Final = {"pending": "#9e9e9e", "in_review": "#1976d2", "approved": "#2e7d32",
                         "approved_with_changes": "#689f38", "changes_required": "#ef6c00", "rejected": "#c62828"}
SEVERITY_COLOURS: Final = {"critical": "#7b1fa2", "high": "#d32f2f", "medium": "#ef6c00", "low": "#1976d2"}
