"""Comment threads across laptops, end to end through the CLI: Nurul (MIASA) comments, Aida (WAO) replies and
resolves, Nurul edits; the lead (Forum) takes the bundles in either order, and all three end up with the same
thread."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.bundle_helpers import CAMPAIGN, audit_count, copy_database, in_one_install, lead_database, snapshot

NURUL, AIDA, LEAD = ("Nurul Huda", "MIASA"), ("Aida", "WAO"), ("Farah", "Forum")
EDITED = "Ayat ini kasar: tukar 'bodoh' kepada 'kurang bijak'"


@pytest.fixture(scope="module")
def exchange(tmp_path_factory: pytest.TempPathFactory, clips: dict[str, Path]) -> dict[str, Path]:
    return in_one_install(tmp_path_factory.mktemp("threads"), lambda root, cli: _exchange(root, clips, cli))


@pytest.fixture(autouse=True)
def same_install(exchange: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("THINKTWICE_CONFIG_DIR", str(exchange["root"] / "userconfig"))


def _thread_id(db: Path, text: str) -> int:
    from reviewer.review.comments import threads
    from reviewer.store.connection import Store

    with Store(db) as store:
        return next(row["id"] for row in threads(store, 1) if row["text"] == text)


def _exchange(root: Path, clips: dict[str, Path], cli) -> dict[str, Path]:
    lead, _ = lead_database(root, clips)
    cli("--db", lead, "bundle", "export", "--campaign", CAMPAIGN, "-o", root / "kempen.ttpkg")
    nurul, aida = root / "nurul.db", root / "aida.db"
    for db in (nurul, aida):
        cli("--db", db, "bundle", "import", root / "kempen.ttpkg")
    cli("--db", nurul, "comment", "1", "--at", "2.0", "--text", "Ayat ini kasar", "--reviewer", NURUL[0],
        "--org", NURUL[1])
    cli("--db", nurul, "bundle", "export", "--campaign", CAMPAIGN, "--reviewer", NURUL[0], "-o", root / "n1.ttreview")
    cli("--db", aida, "bundle", "import", root / "n1.ttreview")
    thread = _thread_id(aida, "Ayat ini kasar")
    cli("--db", aida, "reply", thread, "--text", "Setuju, sudah diberitahu", "--reviewer", AIDA[0], "--org", AIDA[1])
    cli("--db", aida, "resolve", thread, "--reviewer", AIDA[0], "--org", AIDA[1])
    cli("--db", aida, "bundle", "export", "--campaign", CAMPAIGN, "--reviewer", AIDA[0], "-o", root / "a1.ttreview")
    cli("--db", nurul, "bundle", "import", root / "a1.ttreview")
    cli("--db", nurul, "comment-edit", _thread_id(nurul, "Ayat ini kasar"), "--text", EDITED, "--reviewer",
        NURUL[0])
    cli("--db", nurul, "bundle", "export", "--campaign", CAMPAIGN, "--reviewer", NURUL[0], "-o", root / "n2.ttreview")
    cli("--db", aida, "bundle", "import", root / "n2.ttreview")
    return {"root": root, "lead": lead, "nurul": nurul, "aida": aida}


def _thread(run_cli, db: Path) -> dict:
    rows = json.loads(run_cli("--db", db, "comments", "1", "--format", "json")[1])
    listed = {r["id"]: r for r in json.loads(run_cli("--db", db, "list", "--format", "json")[1])}
    top = [r for r in rows if not r["parent_uid"]]
    return {"threads": [(r["text"], r["resolved"], r["resolved_by"], r["reviewer"], r["organisation"]) for r in top],
            "replies": [(r["text"], r["reviewer"]) for r in rows if r["parent_uid"]],
            "open": listed[1]["open_comments"]}


def _comment_part(db: Path) -> dict:
    return {table: rows for table, rows in snapshot(db).items() if table in ("comments", "comment_events")}


EXPECTED = {"threads": [(EDITED, 1, "Aida", "Nurul Huda", "MIASA")], "replies": [("Setuju, sudah diberitahu", "Aida")],
            "open": 0}


@pytest.mark.parametrize("order", [("a1", "n2", "n1"), ("n1", "n2", "a1"), ("n2", "a1", "n1")],
                         ids=["resolution-before-its-comment", "in-order", "edit-first"])
def test_three_laptops_show_the_same_thread(run_cli, exchange: dict[str, Path], tmp_path: Path,
                                             order: tuple[str, ...]) -> None:
    lead = copy_database(exchange["lead"], tmp_path / "lead.db")
    for name in order:
        code, _, err = run_cli("--db", lead, "bundle", "import", exchange["root"] / f"{name}.ttreview")
        assert code == 0, err
    for db in (exchange["nurul"], exchange["aida"], lead):
        assert _thread(run_cli, db) == EXPECTED, db.name
        code, out, err = run_cli("--db", db, "audit", "verify")
        assert code == 0, (db.name, err)
    assert _comment_part(lead) == _comment_part(exchange["nurul"]) == _comment_part(exchange["aida"])
    code, out, _ = run_cli("--db", lead, "comments", "1")
    assert f"Nurul Huda: {EDITED}  [resolved, edited]" in out


def test_a_resolution_that_arrives_before_its_comment_waits_for_it(run_cli, exchange: dict[str, Path],
                                                                   tmp_path: Path) -> None:
    lead = copy_database(exchange["lead"], tmp_path / "lead.db")
    assert run_cli("--db", lead, "bundle", "import", exchange["root"] / "a1.ttreview")[0] == 0
    state = _thread(run_cli, lead)
    assert (state["threads"], state["open"]) == ([], 0)  # Aida's reply and resolution are kept, waiting
    assert len(snapshot(lead)["comment_events"]) == 1
    assert run_cli("--db", lead, "bundle", "import", exchange["root"] / "n1.ttreview")[0] == 0
    assert _thread(run_cli, lead)["threads"] == [("Ayat ini kasar", 1, "Aida", "Nurul Huda", "MIASA")]
    assert run_cli("--db", lead, "audit", "verify")[0] == 0


def test_a_reopening_after_the_exchange_travels_too(run_cli, exchange: dict[str, Path], tmp_path: Path) -> None:
    """The lead reopens the thread Aida resolved; her laptop's clock is an hour behind, and the reopening still
    wins on every laptop, because the lead had seen the resolution."""
    lead = copy_database(exchange["lead"], tmp_path / "lead.db")
    aida = copy_database(exchange["aida"], tmp_path / "aida.db")
    for name in ("n1", "a1", "n2"):
        assert run_cli("--db", lead, "bundle", "import", exchange["root"] / f"{name}.ttreview")[0] == 0
    thread = _thread_id(lead, EDITED)
    assert run_cli("--db", lead, "resolve", thread, "--reopen", "--reviewer", LEAD[0], "--org", LEAD[1])[0] == 0
    with sqlite3.connect(lead) as conn:  # a clock behind: the reopening carries an earlier time than the resolve
        conn.execute("UPDATE comment_events SET created_at = '2000-01-01T00:00:00' WHERE kind = 'reopen'")
    code, _, err = run_cli("--db", lead, "bundle", "export", "--campaign", CAMPAIGN, "--reviewer", LEAD[0],
                           "-o", tmp_path / "farah.ttreview")
    assert code == 0, err
    assert _thread(run_cli, lead)["open"] == 1
    before = audit_count(aida)
    assert run_cli("--db", aida, "bundle", "import", tmp_path / "farah.ttreview")[0] == 0
    assert audit_count(aida) == before + 2  # the reopening's entry and the import's
    assert _thread(run_cli, aida)["threads"] == [(EDITED, 0, "", "Nurul Huda", "MIASA")]
    assert _thread(run_cli, aida)["open"] == 1
    assert run_cli("--db", aida, "audit", "verify")[0] == 0


def _with_data(source: Path, target: Path, change) -> Path:
    """A bundle whose data.json was changed and whose manifest was recomputed to match (it passes the hashes)."""
    with zipfile.ZipFile(source) as old:
        data, manifest = json.loads(old.read("data.json")), json.loads(old.read("manifest.json"))
    change(data)
    raw = json.dumps(data).encode()
    manifest["files"]["data.json"] = {"sha256": hashlib.sha256(raw).hexdigest(), "size": len(raw)}
    with zipfile.ZipFile(target, "w") as new:
        new.writestr("data.json", raw)
        new.writestr("manifest.json", json.dumps(manifest))
    return target


def test_a_bundle_with_an_unknown_comment_event_is_refused_whole(run_cli, exchange: dict[str, Path],
                                                                 tmp_path: Path) -> None:
    def strange(data: dict) -> None:
        data["comment_events"][0]["kind"] = "delete"

    bad = _with_data(exchange["root"] / "a1.ttreview", tmp_path / "bad.ttreview", strange)
    lead = copy_database(exchange["lead"], tmp_path / "lead.db")
    before, entries = snapshot(lead), audit_count(lead)
    code, _, err = run_cli("--db", lead, "bundle", "import", bad)
    assert code == 2
    assert "has content this app cannot read" in err
    assert err.count("\n") == 1
    assert (snapshot(lead), audit_count(lead)) == (before, entries)


def test_a_bundle_from_before_comment_events_still_imports(run_cli, exchange: dict[str, Path],
                                                           tmp_path: Path) -> None:
    older = _with_data(exchange["root"] / "n1.ttreview", tmp_path / "older.ttreview",
                       lambda data: data.pop("comment_events"))
    lead = copy_database(exchange["lead"], tmp_path / "lead.db")
    code, _, err = run_cli("--db", lead, "bundle", "import", older)
    assert code == 0, err
    assert _thread(run_cli, lead)["threads"] == [("Ayat ini kasar", 0, "", "Nurul Huda", "MIASA")]
