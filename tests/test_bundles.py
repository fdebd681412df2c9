"""Reviews across organisations, end to end through the CLI: a lead and two reviewers, each with her own database."""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from tests.bundle_helpers import CAMPAIGN, audit_count, copy_database, in_one_install, lead_database, snapshot

NURUL, AIDA, LEAD = ("Nurul Huda", "MIASA"), ("Aida", "WAO"), ("Farah", "Forum")


@pytest.fixture(scope="module")
def exchange(tmp_path_factory: pytest.TempPathFactory, clips: dict[str, Path]) -> dict[str, Path]:
    """The whole flow once: the lead's package, two reviewers' work and their review bundles."""
    return in_one_install(tmp_path_factory.mktemp("exchange"), lambda root, cli: _exchange(root, clips, cli))


@pytest.fixture(autouse=True)
def same_install(exchange: dict[str, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    """The databases below were signed with this install's audit key (each laptop has its own in real life)."""
    monkeypatch.setenv("THINKTWICE_CONFIG_DIR", str(exchange["root"] / "userconfig"))


def _exchange(root: Path, clips: dict[str, Path], cli) -> dict[str, Path]:
    lead, media = lead_database(root, clips)
    cli("--db", lead, "campaign", "reviewers", CAMPAIGN, "--require", *(f"{n} ({o})" for n, o in (NURUL, AIDA, LEAD)))
    cli("--db", lead, "bundle", "export", "--campaign", CAMPAIGN, "-o", root / "kempen.ttpkg")
    cli("--db", lead, "bundle", "export", "--campaign", CAMPAIGN, "--with-media", "-o", root / "kempen-media.ttpkg")
    # Nurul has the videos already, renamed, in a folder of her own; Aida gets them inside the package.
    nurul_media = root / "Nurul's downloads" / "kempen videos"
    nurul_media.mkdir(parents=True)
    for number, clip in enumerate(sorted(media.iterdir())):
        shutil.copy(clip, nurul_media / f"VID-2026{number:04d}.mp4")
    nurul, aida = root / "nurul.db", root / "aida.db"
    cli("--db", nurul, "bundle", "import", root / "kempen.ttpkg", "--media-folder", nurul_media)
    cli("--db", aida, "bundle", "import", root / "kempen-media.ttpkg")
    # the first finding of the first video: Nurul confirms it, Aida dismisses it
    cli("--db", nurul, "finding", "1", "--confirm", "--reviewer", NURUL[0], "--org", NURUL[1])
    cli("--db", nurul, "comment", "1", "--at", "2.0", "--text", "Ayat ini kasar", "--reviewer", NURUL[0],
        "--org", NURUL[1])
    cli("--db", nurul, "review", "1", "--decision", "changes_required", "--reviewer", NURUL[0], "--org", NURUL[1],
        "--note", "Tukar perkataan bodoh")
    cli("--db", nurul, "review", "2", "--decision", "approved", "--reviewer", NURUL[0], "--org", NURUL[1])
    cli("--db", aida, "finding", "1", "--dismiss", "--reason", "quoting the guideline", "--reviewer", AIDA[0],
        "--org", AIDA[1])
    cli("--db", aida, "review", "1", "--decision", "approved", "--reviewer", AIDA[0], "--org", AIDA[1])
    cli("--db", aida, "review", "2", "--decision", "approved", "--reviewer", AIDA[0], "--org", AIDA[1])
    cli("--db", nurul, "bundle", "export", "--campaign", CAMPAIGN, "--reviewer", NURUL[0],
        "-o", root / "nurul.ttreview")
    cli("--db", aida, "bundle", "export", "--campaign", CAMPAIGN, "--reviewer", AIDA[0], "-o", root / "aida.ttreview")
    return {"root": root, "lead": lead, "nurul": nurul, "aida": aida, "nurul_media": nurul_media, "media": media}


@pytest.fixture
def fresh_lead(exchange: dict[str, Path], tmp_path: Path) -> Path:
    return copy_database(exchange["lead"], tmp_path / "lead-copy.db")


def test_reviewers_get_the_campaign_with_media_found_by_content(run_cli, exchange: dict[str, Path]) -> None:
    for reviewer in ("nurul", "aida"):
        rows = json.loads(run_cli("--db", exchange[reviewer], "list", "--format", "json")[1])
        assert len(rows) == 2
        assert {r["file"] for r in rows} == {"ok"}
        assert {r["campaign"] for r in rows} == {CAMPAIGN}
    detail = json.loads(run_cli("--db", exchange["nurul"], "show", "1", "--format", "json")[1])
    assert detail["transcript"]["text"]
    assert detail["findings"]
    assert detail["required_reviewers"] == ["Nurul Huda (MIASA)", "Aida (WAO)", "Farah (Forum)"]
    assert Path(detail["video"]["path"]).parent == exchange["nurul_media"]
    aida_path = Path(json.loads(run_cli("--db", exchange["aida"], "show", "1", "--format", "json")[1])["video"]["path"])
    assert aida_path.parent.parent.name == "media"  # unpacked from the package next to her database


@pytest.mark.parametrize("order", [("nurul", "aida"), ("aida", "nurul")], ids=["nurul-first", "aida-first"])
def test_lead_merges_both_reviewers_in_either_order(run_cli, exchange: dict[str, Path], tmp_path: Path,
                                                    order: tuple[str, str]) -> None:
    lead = copy_database(exchange["lead"], tmp_path / "lead.db")
    for reviewer in order:
        code, out, _ = run_cli("--db", lead, "bundle", "import", exchange["root"] / f"{reviewer}.ttreview")
        assert code == 0
        assert "imported review bundle of" in out
    code, out, _ = run_cli("--db", lead, "show", "1")
    assert ("DISAGREEMENT, open until resolved: dismissed by Aida (WAO): quoting the guideline; confirmed by "
            "Nurul Huda (MIASA)") in out
    assert "Changes required" in out
    assert "2 of 3 decided, waiting for Forum" in out
    assert "comment at 2.0s by Nurul Huda: Ayat ini kasar" in out
    rows = {r["id"]: r for r in json.loads(run_cli("--db", lead, "list", "--format", "json")[1])}
    assert rows[2]["decided"] == "2 of 3 decided, waiting for Forum"
    assert rows[2]["status"] == "in_review"  # two approvals, but Farah (Forum) is required too
    code, _, _ = run_cli("--db", lead, "review", "2", "--decision", "approved", "--reviewer", LEAD[0], "--org", LEAD[1])
    assert code == 0
    assert json.loads(run_cli("--db", lead, "show", "2", "--format", "json")[1])["status"] == "approved"
    code, out, err = run_cli("--db", lead, "audit", "verify")
    assert code == 0, err
    assert "entries came from review bundle of Nurul Huda (MIASA)" in out
    assert "entries came from review bundle of Aida (WAO)" in out


def test_import_order_does_not_change_the_database(exchange: dict[str, Path], tmp_path: Path, run_cli) -> None:
    results = []
    for order in (("nurul", "aida"), ("aida", "nurul")):
        lead = copy_database(exchange["lead"], tmp_path / f"lead-{order[0]}.db")
        for reviewer in order:
            assert run_cli("--db", lead, "bundle", "import", exchange["root"] / f"{reviewer}.ttreview")[0] == 0
        results.append(snapshot(lead))
    assert results[0] == results[1]
    assert len(results[0]["reviews"]) == 4


def test_reimport_changes_nothing(run_cli, exchange: dict[str, Path], fresh_lead: Path) -> None:
    bundle = exchange["root"] / "nurul.ttreview"
    assert run_cli("--db", fresh_lead, "bundle", "import", bundle)[0] == 0
    before, entries = snapshot(fresh_lead), audit_count(fresh_lead)
    code, out, _ = run_cli("--db", fresh_lead, "bundle", "import", bundle)
    assert code == 0
    assert "imported before; nothing changed" in out
    assert (snapshot(fresh_lead), audit_count(fresh_lead)) == (before, entries)
    # the same rows in a new file (exported again later): nothing new is added, row by row
    again = exchange["root"].parent / f"{fresh_lead.stem}-nurul-again.ttreview"
    nurul = copy_database(exchange["nurul"], fresh_lead.with_name("nurul-copy.db"))
    code, _, _ = run_cli("--db", nurul, "bundle", "export", "--campaign", CAMPAIGN, "--reviewer", NURUL[0], "-o", again)
    assert code == 0
    code, out, _ = run_cli("--db", fresh_lead, "bundle", "import", again)
    assert "nothing new" in out
    assert snapshot(fresh_lead) == before
    # the lead's own package back into her own database: every row is already there
    code, out, _ = run_cli("--db", fresh_lead, "bundle", "import", exchange["root"] / "kempen.ttpkg")
    assert code == 0
    assert snapshot(fresh_lead) == before


def _rewrite(source: Path, target: Path, change) -> Path:
    """Copy a bundle member by member, letting `change(name, data)` alter any member (manifest included)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info.filename, change(info.filename, old.read(info.filename)))
    return target


def _newer(name: str, data: bytes) -> bytes:
    if name != "manifest.json":
        return data
    manifest = json.loads(data)
    manifest["schema"].append("0099_future_feature")
    return json.dumps(manifest).encode()


BAD_BUNDLES = [
    ("edited", lambda src, dst: _rewrite(src, dst, lambda n, d: d.replace(b"changes_required", b"approved")),
     "was changed after it was made (data.json does not match its SHA-256"),
    ("truncated", lambda src, dst: dst.write_bytes(src.read_bytes()[: src.stat().st_size // 2]) and dst,
     "damaged or truncated"),
    ("member added", lambda src, dst: _rewrite(src, dst, lambda n, d: d) and _add_member(dst),
     "files added or removed"),
    ("newer schema", lambda src, dst: _rewrite(src, dst, _newer), "update the app"),
    ("not a bundle", lambda src, dst: dst.write_text("hello") and dst, "is not a ThinkTwice bundle"),
]


def _add_member(path: Path) -> Path:
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("extra.json", b"{}")
    return path


@pytest.mark.parametrize(("label", "make", "message"), BAD_BUNDLES, ids=[b[0] for b in BAD_BUNDLES])
def test_bad_bundles_are_refused_with_one_line_and_nothing_imported(run_cli, exchange: dict[str, Path],
                                                                    fresh_lead: Path, tmp_path: Path, label: str,
                                                                    make, message: str) -> None:
    bad = make(exchange["root"] / "nurul.ttreview", tmp_path / "bad.ttreview")
    before, entries = snapshot(fresh_lead), audit_count(fresh_lead)
    code, out, err = run_cli("--db", fresh_lead, "bundle", "import", bad)
    assert code == 2, label
    assert message in err
    assert err.count("\n") == 1
    assert "nothing was imported" in err
    assert (snapshot(fresh_lead), audit_count(fresh_lead)) == (before, entries)


def test_bundle_for_another_campaign_is_refused(run_cli, exchange: dict[str, Path], tmp_path: Path,
                                                clips: dict[str, Path]) -> None:
    other_root = tmp_path / "other"
    other_root.mkdir()
    other, _ = lead_database(other_root, clips)  # another lead's campaign with the very same name
    assert run_cli("--db", other, "review", "1", "--decision", "approved", "--reviewer", "Aida", "--org", "WAO")[0] == 0
    assert run_cli("--db", other, "bundle", "export", "--campaign", CAMPAIGN, "--reviewer", "Aida",
                   "-o", tmp_path / "other.ttreview")[0] == 0
    lead = copy_database(exchange["lead"], tmp_path / "lead.db")
    before = snapshot(lead)
    code, _, err = run_cli("--db", lead, "bundle", "import", tmp_path / "other.ttreview")
    assert code == 2
    assert "made for a different campaign with the same name" in err
    code, _, err = run_cli("--db", lead, "bundle", "import", exchange["root"] / "kempen.ttpkg")
    assert code == 0  # its own package is fine
    code, _, err = run_cli("--db", tmp_path / "empty.db", "bundle", "import", exchange["root"] / "nurul.ttreview")
    assert code == 2
    assert "a campaign this database does not have" in err
    assert snapshot(lead) == before


def test_media_folder_moved_and_renamed(run_cli, exchange: dict[str, Path], tmp_path: Path) -> None:
    reviewer = copy_database(exchange["lead"], tmp_path / "lead-elsewhere.db")
    # the lead's videos move to another disk, renamed: the record follows them by content
    moved = tmp_path / "Arkib 2026" / "dipindah"
    moved.mkdir(parents=True)
    for number, clip in enumerate(sorted(exchange["media"].iterdir())):
        shutil.copy(clip, moved / f"klip-{number}.mp4")
    with sqlite3.connect(reviewer) as conn:
        conn.execute("UPDATE videos SET path = path || '.gone'")
    code, out, _ = run_cli("--db", reviewer, "list")
    assert out.count("File missing") == 2
    code, out, _ = run_cli("--db", reviewer, "show", "1")
    assert "FILE MISSING" in out
    code, out, _ = run_cli("--db", reviewer, "bundle", "locate", tmp_path / "Arkib 2026", "--campaign", CAMPAIGN)
    assert code == 0
    assert "re-linked 2 videos" in out
    rows = json.loads(run_cli("--db", reviewer, "list", "--format", "json")[1])
    assert {r["file"] for r in rows} == {"ok"}
    assert run_cli("--db", reviewer, "audit", "verify")[0] == 0


def test_review_bundle_holds_only_what_she_added(exchange: dict[str, Path]) -> None:
    with zipfile.ZipFile(exchange["root"] / "nurul.ttreview") as archive:
        data = json.loads(archive.read("data.json"))
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["reviewer"] == {"name": "Nurul Huda", "organisation": "MIASA"}
    assert "videos" not in data
    assert data["transcripts"] == []
    assert {r["reviewer"] for t in ("reviews", "comments", "dispositions") for r in data[t]} == {"Nurul Huda"}
    assert [r["seq"] for r in data["reviews"]] == [3, 4]
    with zipfile.ZipFile(exchange["root"] / "kempen.ttpkg") as archive:
        names = archive.namelist()
    assert not [n for n in names if n.startswith("media/")]
    with zipfile.ZipFile(exchange["root"] / "kempen-media.ttpkg") as archive:
        assert len([n for n in archive.namelist() if n.startswith("media/")]) == 2
