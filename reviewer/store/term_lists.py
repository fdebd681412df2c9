"""The term lists a review database checks against, kept in the database itself.

The bundled lists are copied in by a migration (0003), so they are there whatever the user does first.
Editing a list stores a new version (bumped) and an audit
entry, so a video checked before the edit shows "checked against an older term list".
"""

from __future__ import annotations

from dataclasses import replace as dc_replace

from sqlite_utils import Database

from reviewer.checking.terms import TermList, TermListRef, load_bundled_lists, parse_term_list, to_csv
from reviewer.errors import UserError
from reviewer.store import audit
from reviewer.store.connection import Store, now


def active_lists(store: Store) -> list[TermList]:
    rows = store.query("SELECT name, csv FROM term_lists WHERE enabled = 1 ORDER BY name")
    return [parse_term_list(row["csv"].encode("utf-8"), f"database list {row['name']}", row["name"]) for row in rows]


def active_refs(store: Store) -> tuple[TermListRef, ...]:
    """Name, version and hash of the lists in force, without parsing them (cheap enough for every reload)."""
    rows = store.query("SELECT name, version, sha256 FROM term_lists WHERE enabled = 1 ORDER BY name")
    return tuple(TermListRef(row["name"], row["version"], row["sha256"]) for row in rows)


def seed_bundled(db: Database) -> None:
    """Add each bundled list that is not in the database yet (inside the caller's transaction)."""
    for term_list in load_bundled_lists():
        db["term_lists"].insert({"name": term_list.name, "version": term_list.version,
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
    """Store a new or edited list. An edit of an existing list always gets a higher version."""
    previous = store.query("SELECT version, sha256 FROM term_lists WHERE name = ?", (term_list.name,))
    if previous and previous[0]["sha256"] == term_list.sha256:
        return term_list
    if previous and previous[0]["version"].isdigit() and (
            not term_list.version.isdigit() or int(term_list.version) <= int(previous[0]["version"])):
        term_list = TermList(term_list.name, str(int(previous[0]["version"]) + 1), term_list.terms, term_list.source)
    with store.write() as db:
        db["term_lists"].upsert({"name": term_list.name, "version": term_list.version, "sha256": term_list.sha256,
                                 "csv": to_csv(term_list), "enabled": 1, "updated_at": now()}, pk="name")
        audit.append(db, "term-list-change", actor, None, name=term_list.name, version=term_list.version,
                     sha256=term_list.sha256, terms=len(term_list.terms), new=not previous,
                     **({"replaced_by_import": True} if replaced else {}))
    return term_list


def set_enabled(store: Store, name: str, enabled: bool, actor: str = "") -> None:
    with store.write() as db:
        db.execute("UPDATE term_lists SET enabled = ?, updated_at = ? WHERE name = ?", [int(enabled), now(), name])
        audit.append(db, "term-list-change", actor, None, name=name, enabled=enabled)
