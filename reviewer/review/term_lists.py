"""Term lists for the front ends: parsing and validation (reviewer/checking) and storage (reviewer/store).

The UI and the CLI import these from here, never from the rooms below the review layer.
"""

from __future__ import annotations

from reviewer.checking.terms import (
    COLUMNS,
    LANGUAGES,
    SEVERITIES,
    Severity,
    Term,
    TermList,
    TermListError,
    as_severity,
    load_lists,
    load_term_list,
    to_csv,
)
from reviewer.store.term_lists import (
    ListExistsError,
    active_lists,
    import_list,
    invalid_lists,
    renamed,
    repair_lists,
    save_list,
)

__all__ = ["COLUMNS", "LANGUAGES", "SEVERITIES", "ListExistsError", "Severity", "Term", "TermList",
           "TermListError", "active_lists", "as_severity", "import_list", "invalid_lists", "load_lists",
           "load_term_list", "renamed", "repair_lists", "save_list", "to_csv"]
