"""Signed bundles: an edited bundle with a recomputed manifest is refused, and so is a bundle that claims to be a
reviewer's but was signed on another laptop (or not signed) once her key is known. Each laptop is its own config
folder (its own keys), as in real life."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from tests.bundle_helpers import CAMPAIGN, copy_database, lead_database, snapshot

AIDA = ("Aida", "WAO")


@pytest.fixture(scope="module")
def laptops(tmp_path_factory: pytest.TempPathFactory, clips: dict[str, Path]) -> dict[str, Path]:
    """The lead's package, imported by Aida on her own laptop; Aida rejects video 1 and exports her review."""
    from reviewer.cli import main

    root = tmp_path_factory.mktemp("signing")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("THINKTWICE_DATA_DIR", str(root / "data"))

        def on(laptop: str, *argv: object) -> None:
            patch.setenv("THINKTWICE_CONFIG_DIR", str(root / f"config-{laptop}"))
            assert main([str(a) for a in argv]) == 0, argv

        patch.setenv("THINKTWICE_CONFIG_DIR", str(root / "config-lead"))
        lead, _ = lead_database(root, clips)
        on("lead", "--db", lead, "bundle", "export", "--campaign", CAMPAIGN, "--with-media", "-o", root / "k.ttpkg")
        aida = root / "aida.db"
        on("aida", "--db", aida, "bundle", "import", root / "k.ttpkg")
        on("aida", "--db", aida, "review", "1", "--decision", "rejected", "--reviewer", AIDA[0], "--org", AIDA[1])
        on("aida", "--db", aida, "bundle", "export", "--campaign", CAMPAIGN, "--reviewer", AIDA[0],
           "-o", root / "aida.ttreview")
        # someone else, on their own laptop, with a copy of Aida's database, makes a bundle in her name
        forger = copy_database(aida, root / "forger.db")
        on("forger", "--db", forger, "review", "1", "--decision", "approved", "--reviewer", AIDA[0],
           "--org", AIDA[1])
        on("forger", "--db", forger, "bundle", "export", "--campaign", CAMPAIGN, "--reviewer", AIDA[0],
           "-o", root / "forged-other-key.ttreview")
    return {"root": root, "lead": lead}


@pytest.fixture
def lead(laptops: dict[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the lead's database, used on the lead's laptop."""
    monkeypatch.setenv("THINKTWICE_CONFIG_DIR", str(laptops["root"] / "config-lead"))
    return copy_database(laptops["lead"], tmp_path / "lead.db")


def rewrite(source: Path, target: Path, change, keep_signature: bool = True) -> Path:
    """Edit data.json and recompute the manifest's hashes, as someone who knows the format would."""
    with zipfile.ZipFile(source) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    data = json.loads(members["data.json"])
    change(data)
    members["data.json"] = json.dumps(data).encode()
    manifest = json.loads(members["manifest.json"])
    manifest["files"]["data.json"] = {"sha256": hashlib.sha256(members["data.json"]).hexdigest(),
                                      "size": len(members["data.json"])}
    members["manifest.json"] = json.dumps(manifest).encode()
    if not keep_signature:
        del members["signature.json"]
    with zipfile.ZipFile(target, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return target


def approve(data: dict) -> None:
    for review in data["reviews"]:
        review["decision"], review["note"] = "approved", "Bagus"


def test_every_bundle_is_signed_and_the_first_contact_shows_the_key(run_cli, laptops, lead, monkeypatch) -> None:
    with zipfile.ZipFile(laptops["root"] / "aida.ttreview") as archive:
        assert "signature.json" in archive.namelist()
    code, out, err = run_cli("--db", lead, "bundle", "import", laptops["root"] / "aida.ttreview")
    assert code == 0, err
    assert "first signed bundle from Aida (WAO): key " in out
    shown = out.split("key ")[1].split(" is now trusted")[0]
    monkeypatch.setenv("THINKTWICE_CONFIG_DIR", str(laptops["root"] / "config-aida"))  # on Aida's laptop
    assert run_cli("bundle", "key")[1].strip() == f"this install signs its bundles with key {shown}"


def test_an_edit_with_a_recomputed_manifest_is_refused(run_cli, laptops, lead, tmp_path: Path) -> None:
    forged = rewrite(laptops["root"] / "aida.ttreview", tmp_path / "forged.ttreview", approve)
    before = snapshot(lead)
    code, _, err = run_cli("--db", lead, "bundle", "import", forged)
    assert code == 2
    assert "its signature does not match its manifest" in err
    assert snapshot(lead) == before


def test_once_her_key_is_known_another_key_or_no_signature_is_refused(run_cli, laptops, lead, tmp_path) -> None:
    assert run_cli("--db", lead, "bundle", "import", laptops["root"] / "aida.ttreview")[0] == 0
    before = snapshot(lead)
    code, _, err = run_cli("--db", lead, "bundle", "import", laptops["root"] / "forged-other-key.ttreview")
    assert code == 2
    assert "is signed with another key" in err
    assert "earlier bundles from Aida (WAO) were signed with key" in err
    stripped = rewrite(laptops["root"] / "aida.ttreview", tmp_path / "stripped.ttreview", approve,
                       keep_signature=False)
    code, _, err = run_cli("--db", lead, "bundle", "import", stripped)
    assert code == 2
    assert "is not signed, but earlier bundles from Aida (WAO)" in err
    assert snapshot(lead) == before


def test_a_new_laptop_is_accepted_on_the_record(run_cli, laptops, lead) -> None:
    assert run_cli("--db", lead, "bundle", "import", laptops["root"] / "aida.ttreview")[0] == 0
    new_laptop = laptops["root"] / "forged-other-key.ttreview"  # here: Aida's own new laptop
    code, out, err = run_cli("--db", lead, "bundle", "trust", new_laptop)
    assert code == 0, err
    assert "is now trusted for Aida (WAO)" in out
    assert run_cli("--db", lead, "bundle", "import", new_laptop)[0] == 0
    detail = json.loads(run_cli("--db", lead, "show", "1", "--format", "json")[1])
    assert any(r["reviewer"] == "Aida" and r["decision"] == "approved" for r in detail["reviews"])
    code, out, err = run_cli("--db", lead, "audit", "verify")
    assert code == 0, out + err


def test_an_unsigned_bundle_from_someone_new_imports_with_a_warning(run_cli, laptops, lead, tmp_path) -> None:
    older = rewrite(laptops["root"] / "aida.ttreview", tmp_path / "older.ttreview", lambda data: None,
                    keep_signature=False)
    code, out, err = run_cli("--db", lead, "bundle", "import", older)
    assert code == 0, err
    assert "is not signed (made by an older version of the app): who made it cannot be checked" in out
