"""Finding a campaign's media on this computer by content, whatever the files and folders are called now.

A package usually travels without the (large) videos; the reviewer already has them somewhere, maybe renamed,
maybe in a folder that moved. Only files whose size matches a wanted video are hashed, so pointing at a big
folder costs little more than listing it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from reviewer.errors import UserError
from reviewer.store import audit, bundle_store
from reviewer.store.connection import Store
from transcribe.hashing import sha256_file


class _MediaSource(Protocol):
    def extract(self, name: str, target: Path) -> None: ...


def find_by_hash(folder: Path, wanted: dict[str, int]) -> dict[str, Path]:
    """SHA-256 -> a file under `folder` with that content, for each wanted hash (wanted: hash -> size)."""
    if not folder.is_dir():
        raise UserError(f"media folder {folder} does not exist; pass the folder that holds the campaign's videos")
    sizes = set(wanted.values())
    found: dict[str, Path] = {}
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            path = Path(root) / name
            try:
                if path.stat().st_size not in sizes:
                    continue
                digest = sha256_file(path)
            except OSError:
                continue
            if digest in wanted and digest not in found:
                found[digest] = path
        if len(found) == len(wanted):
            break
    return found


def _safe_name(text: str) -> str:
    return re.sub(r"[^\w.@ -]+", "_", text).strip(" .") or "media"


def extract_media(bundle: _MediaSource, sha256: str, db_folder: Path, campaign: str, original_name: str) -> Path:
    """Unpack one video from a package into the media folder next to the database (reused if already there)."""
    folder = db_folder / "media" / _safe_name(campaign)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / _safe_name(original_name)
    if target.exists() and (target.stat().st_size == 0 or sha256_file(target) != sha256):
        target = folder / f"{sha256[:12]}-{_safe_name(original_name)}"
    if not target.exists():
        bundle.extract(f"media/{sha256}", target)
    return target


@dataclass
class LocateResult:
    found: int = 0
    missing: list[str] = field(default_factory=list)


def locate_media(store: Store, folder: str | os.PathLike[str], campaign: str | None = None,
                 actor: str = "") -> LocateResult:
    """Re-link every video whose file is not where we last saw it to a file with the same content in `folder`."""
    campaign_id = None
    if campaign:
        row = bundle_store.campaign(store.db, name=campaign)
        if row is None:
            raise UserError(f"no campaign named '{campaign}'; see 'thinktwice list' for campaigns")
        campaign_id = row["id"]
    lost = [v for v in bundle_store.missing_media(store.db, campaign_id)
            if not v["path"] or not Path(v["path"]).is_file()]
    found = find_by_hash(Path(folder), {v["sha256"]: v["size"] for v in lost}) if lost else {}
    result = LocateResult()
    with store.write() as db:
        for video in lost:
            path = found.get(video["sha256"])
            if path is None:
                result.missing.append(video["original_name"])
                continue
            bundle_store.set_path(db, video["id"], str(path), path.stat().st_mtime_ns)
            audit.append(db, "relink", actor, video["id"], old_path=video["path"], new_path=str(path))
            result.found += 1
    return result
