"""The row TypedDicts promise keys to the type checker; here the real schema keeps that promise honest.

Every key a row type names must be a column the query returns (a new migration may add columns a type leaves
out, never the reverse), and the list and thread rows match their column lists exactly.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reviewer.store import types
from reviewer.store.comments import COMMENT_COLUMNS
from reviewer.store.connection import Store
from reviewer.store.queries import LIST_COLUMNS


def _names(columns: str) -> set[str]:
    """'v.id, c.name AS campaign, EXISTS (...) AS x' -> {'id', 'campaign', 'x'} (commas inside brackets kept)."""
    return {part.strip().split(" AS ")[-1].split(".")[-1] for part in re.split(r",\s*(?![^()]*\))", columns)}


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(tmp_path / "review.db", create=True)


@pytest.mark.parametrize(("table", "row_type"), [
    ("videos", types.VideoRow), ("findings", types.FindingRow), ("comments", types.CommentRow),
    ("reviews", types.ReviewRow), ("checks", types.CheckRow), ("transcripts", types.TranscriptHead),
])
def test_row_types_name_only_real_columns(store: Store, table: str, row_type: type) -> None:
    columns = set(store.db.table(table).columns_dict)
    keys = row_type.__required_keys__ | row_type.__optional_keys__
    assert keys <= columns, f"{row_type.__name__} names columns {table} does not have: {sorted(keys - columns)}"


def test_list_and_thread_rows_match_their_column_lists() -> None:
    assert types.ListRow.__required_keys__ == _names(LIST_COLUMNS)
    assert types.Comment.__required_keys__ == _names(COMMENT_COLUMNS)
