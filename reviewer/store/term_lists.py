"""The term lists a review database checks against, kept in the database itself.

The bundled lists are copied in by a migration (0003), so they are there whatever the user does first.
Editing a list stores a new version (bumped) and an audit
entry, so a video checked before the edit shows "checked against an older term list".
"""

from __future__ import annotations

import logging
from dataclasses import replace as dc_replace

from sqlite_utils import Database

from reviewer.checking.terms import TermList, TermListError, TermListRef, load_bundled_lists, parse_term_list, to_csv
from reviewer.errors import UserError
from reviewer.store import audit
from reviewer.store.connection import Store, now

log = logging.getLogger(__name__)


def _parse(name: str, csv_text: str) -> TermList:
    return parse_term_list(csv_text.encode("utf-8"), f"database list {name}", name)


def active_lists(store: Store) -> list[TermList]:
    """The enabled lists. A stored list that fails validation is disabled (with an audit entry), not fatal:
    one bad list must not stop the app or every CLI command; `invalid_lists` names it for a warning."""
    lists = []
    for row in store.query("SELECT name, csv FROM term_lists WHERE enabled = 1 ORDER BY name"):
        try:
            lists.append(_parse(row["name"], row["csv"]))
        except TermListError as exc:
            log.warning("term list %s is invalid and was disabled: %s", row["name"], exc)
            set_enabled(store, row["name"], False, reason=f"invalid: {exc}")
    return lists


def invalid_lists(store: Store) -> dict[str, str]:
    """Stored lists that fail validation (they are disabled), with the problem: for a start-up warning."""
    problems = {}
    for row in store.query("SELECT name, csv FROM term_lists WHERE enabled = 0 ORDER BY name"):
        try:
            _parse(row["name"], row["csv"])
        except TermListError as exc:
            problems[row["name"]] = str(exc)
    return problems


def repair_lists(store: Store, actor: str = "") -> dict[str, list[str]]:
    """Drop the rows that make stored lists invalid (a duplicate keeps its first row), store the result as a new
    version and enable it again. Returns each list's dropped problems; a list that cannot be repaired (broken
    header, no valid row left) stays disabled and is reported with its errors."""
    report: dict[str, list[str]] = {}
    for name in invalid_lists(store):
        row = store.query("SELECT csv, version FROM term_lists WHERE name = ?", (name,))[0]
        lines, dropped = row["csv"].splitlines(), []
        repaired = None
        for _ in range(3):  # an error names its line; removing those lines leaves a valid list
            try:
                repaired = _parse(name, "\n".join(lines))
                break
            except TermListError as exc:
                bad = {e.line for e in exc.errors}
                dropped += [str(e) for e in exc.errors]
                if any(line <= 3 for line in bad):  # metadata or header: nothing sensible to drop
                    break
                lines = [text for number, text in enumerate(lines, start=1) if number not in bad]
        report[name] = dropped
        if repaired is None:
            continue
        version = str(int(row["version"]) + 1) if row["version"].isdigit() else row["version"]
        fixed = TermList(name, version, repaired.terms, "repair")
        with store.write() as db:
            db.execute("UPDATE term_lists SET version = ?, sha256 = ?, csv = ?, enabled = 1, updated_at = ? "
                       "WHERE name = ?", [version, fixed.sha256, to_csv(fixed), now(), name])
            audit.append(db, "term-list-change", actor, None, name=name, version=version, sha256=fixed.sha256,
                         terms=len(fixed.terms), repaired=dropped)
    return report


def active_refs(store: Store) -> tuple[TermListRef, ...]:
    """Name, version and hash of the lists in force, without parsing them (cheap enough for every reload)."""
    rows = store.query("SELECT name, version, sha256 FROM term_lists WHERE enabled = 1 ORDER BY name")
    return tuple(TermListRef(row["name"], row["version"], row["sha256"]) for row in rows)


def seed_bundled(db: Database) -> None:
    """Add each bundled list that is not in the database yet (inside the caller's transaction)."""
    for term_list in load_bundled_lists():
        db.table("term_lists").insert({"name": term_list.name, "version": term_list.version,
                                 "sha256": term_list.sha256, "csv": to_csv(term_list), "enabled": 1,
                                 "updated_at": now()}, ignore=True)


class ListExistsError(UserError):
    """An import would silently replace a list of the same name; the user must say --replace or pick a name."""


def import_list(store: Store, term_list: TermList, replace: bool = False, actor: str = "") -> TermList:
    """Add an imported list. One with the same name (a bundled one too) is replaced only when asked to, and
    then as a new version with its own audit entry."""
    previous = store.query("SELECT version, csv, sha256 FROM term_lists WHERE name = ?", (term_list.name,))
    if previous and previous[0]["sha256"] != term_list.sha256 and not replace:
        terms = len(parse_term_list(previous[0]["csv"].encode("utf-8"), term_list.name, term_list.name).terms)
        raise ListExistsError(f"a term list named '{term_list.name}' already exists (version {previous[0]['version']}, "
                              f"{terms} terms); pass --replace to replace it with this file as a new version, or "
                              "--name NEW to import it beside it")
    return save_list(store, term_list, actor, replaced=bool(previous))


def renamed(term_list: TermList, name: str) -> TermList:
    name = " ".join(name.split())
    if not name:
        raise UserError("a term list needs a name: --name NEW")
    return TermList(name, term_list.version, tuple(dc_replace(t, list_name=name) for t in term_list.terms),
                    term_list.source)


def save_list(store: Store, term_list: TermList, actor: str = "", replaced: bool = False) -> TermList:
    """Store a new or edited list. An edit of an existing list always gets a higher version.

    The list is validated exactly as a CSV import is (it goes through the same parser), so an edit that would
    duplicate a term or leave a field empty raises TermListError and nothing is written."""
    _parse(term_list.name, to_csv(term_list))
    previous = store.query("SELECT version, sha256 FROM term_lists WHERE name = ?", (term_list.name,))
    if previous and previous[0]["sha256"] == term_list.sha256:
        return term_list
    if previous and previous[0]["version"].isdigit() and (
            not term_list.version.isdigit() or int(term_list.version) <= int(previous[0]["version"])):
        term_list = TermList(term_list.name, str(int(previous[0]["version"]) + 1), term_list.terms, term_list.source)
    with store.write() as db:
        db.table("term_lists").upsert({"name": term_list.name, "version": term_list.version, "sha256": term_list.sha256,
                                 "csv": to_csv(term_list), "enabled": 1, "updated_at": now()}, pk="name")
        audit.append(db, "term-list-change", actor, None, name=term_list.name, version=term_list.version,
                     sha256=term_list.sha256, terms=len(term_list.terms), new=not previous,
                     **({"replaced_by_import": True} if replaced else {}))
    return term_list


def set_enabled(store: Store, name: str, enabled: bool, actor: str = "", reason: str = "") -> None:
    with store.write() as db:
        db.execute("UPDATE term_lists SET enabled = ?, updated_at = ? WHERE name = ?", [int(enabled), now(), name])
        audit.append(db, "term-list-change", actor, None, name=name, enabled=enabled,
                     **({"reason": reason} if reason else {}))
