"""Table models on their own, without any widget (the data the views show)."""

from __future__ import annotations

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import Qt  # noqa: E402

from reviewer.checking.terms import Term  # noqa: E402
from ui.models import FindingsTableModel, TermsTableModel, VideoTableModel, clock  # noqa: E402

VIDEO = {"id": 7, "original_name": "aina.mp4", "creator": "@aina", "version": 2, "status": "changes_required",
         "changed_since_review": 1, "findings_critical": 0, "findings_high": 2, "findings_medium": 1,
         "findings_low": 0}
FINDING = {"id": 3, "source": "transcript", "term": "bodoh", "category": "Harassment", "severity": "medium",
           "kind": "fuzzy", "disposition": "dismissed", "reason": "a quote", "start": 6, "end": 11,
           "matched": "bodok", "suggestion": "Say 'silap'", "time_start": 65.2}


def test_video_model_shows_status_counts_and_lazy_thumbnails(qapp) -> None:
    asked: list[int] = []
    model = VideoTableModel([VIDEO], thumbnails=lambda vid: asked.append(vid) or None)
    assert (model.rowCount(), model.columnCount()) == (1, 3)
    name, status, counts = (model.data(model.index(0, c)) for c in range(3))
    assert name == "aina.mp4\nv2 · @aina"
    assert status == "Changes required ⚠"
    assert counts == "2 high, 1 medium"
    assert "needs a new decision" in model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)
    assert asked == []  # nothing loaded until a view asks for the picture
    model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    model.data(model.index(0, 0), Qt.ItemDataRole.DecorationRole)
    assert asked == [7]  # and only once
    assert model.data(model.index(0, 0), Qt.ItemDataRole.UserRole) == 7


def test_findings_model_cells_and_details(qapp) -> None:
    text = "Dia = bodok sangat"
    model = FindingsTableModel([FINDING], text)
    cells = [model.data(model.index(0, c)) for c in range(model.columnCount())]
    assert cells == ["01:05", "bodoh", "medium", "listen to confirm", "dismissed: a quote"]
    assert model.value(FINDING, "Context") == text
    tooltip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert "Suggestion: Say 'silap'" in tooltip
    assert clock(None) == "—"  # one convention everywhere: a dash where there is no time
    assert clock(3725) == "1:02:05"


def test_terms_model(qapp) -> None:
    terms = [Term("bodoh", "insult", "medium", "ms", ("bodo",)), Term("x", "y", "low", "en", enabled=False)]
    model = TermsTableModel(terms)
    assert model.data(model.index(0, 4)) == "bodo"
    assert model.data(model.index(1, 6)) == "no"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.ForegroundRole).color().name() == "#9e9e9e"
