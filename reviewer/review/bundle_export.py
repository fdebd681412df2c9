"""Export a campaign package (lead -> reviewers) or a review bundle (one reviewer -> everyone else).

Why an append-only log of UUID-keyed rows rather than SQLite's session extension: the rows we exchange
(comments and their edit/resolve/reopen events, decisions, dispositions, transcript revisions) are never
updated, only added, so a set union by UUID is the whole merge; it is idempotent and order-free by
construction, needs no extra dependency (apsw), and a bundle stays readable JSON whose content can be checked
against its manifest before anything is applied.
Changesets record UPDATEs of derived columns (status, counts) that would conflict on every import.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.errors import UserError
from reviewer.review.bundle_format import DATA, Member, pack_json, write_bundle
from reviewer.review.bundle_signing import sign
from reviewer.store import audit, bundle_store
from reviewer.store.connection import Store, now
from reviewer.store.migrations import migrations

EVENT_TABLES = ("reviews", "comments", "dispositions", "comment_events")
NEWER_TABLES = ("comment_events",)  # absent from bundles made before they existed: read as empty


@dataclass(frozen=True)
class ExportResult:
    path: Path
    sha256: str
    size: int
    counts: dict[str, int]


def schema_names(store: Store) -> list[str]:
    return [m.name for m in migrations.applied(store.db)]


def _campaign(store: Store, name: str) -> dict[str, Any]:
    row = bundle_store.campaign(store.db, name=name)
    if row is None:
        raise UserError(f"no campaign named '{name}'; see 'thinktwice list' for campaigns")
    return row


def _header(store: Store, kind: str, campaign: dict[str, Any], reviewer: dict[str, str] | None) -> dict[str, Any]:
    return {"app": "thinktwice-review", "kind": kind, "schema": schema_names(store),
            "campaign": {"uid": campaign["uid"], "name": campaign["name"]}, "reviewer": reviewer,
            "created_at": now(), "audit_head": audit.head(store.db).label}


def _campaign_data(campaign: dict[str, Any]) -> dict[str, Any]:
    return {"uid": campaign["uid"], "name": campaign["name"], "created_at": campaign["created_at"],
            "required_reviewers": json.loads(campaign["required_reviewers"])}


def _finish(store: Store, target: str | os.PathLike[str], header: dict[str, Any], members: list[Member],
            counts: dict[str, int], actor: str) -> ExportResult:
    sha = write_bundle(target, header | {"counts": counts}, members, sign=sign)
    with store.write() as db:
        audit.append(db, "bundle-export", actor, None, kind=header["kind"], sha256=sha, file=Path(target).name,
                     campaign=header["campaign"]["name"], reviewer=header["reviewer"], counts=counts)
    return ExportResult(Path(target), sha, Path(target).stat().st_size, counts)


def export_package(store: Store, campaign_name: str, target: str | os.PathLike[str], with_media: bool = False,
                   actor: str = "") -> ExportResult:
    """Everything a reviewer needs to review the campaign; media bytes only when asked."""
    campaign = _campaign(store, campaign_name)
    db = store.db
    videos = bundle_store.videos(db, campaign["id"])
    data = {"campaign": _campaign_data(campaign), "videos": videos,
            "transcripts": bundle_store.transcripts(db, campaign["id"]),
            "checks": bundle_store.latest_checks(db, campaign["id"]), "term_lists": bundle_store.term_lists(db),
            **{table: bundle_store.events(db, table, campaign["id"]) for table in EVENT_TABLES}}
    members = [Member(DATA, pack_json(data))]
    members += [Member(f"thumbs/{uid}.png", png, compress=False)
                for uid, png in sorted(bundle_store.thumbnails(db, campaign["id"]).items())]
    if with_media:
        members += _media_members(store, campaign["id"], videos)
    counts = {key: len(value) for key, value in data.items() if isinstance(value, list)}
    counts["media"] = sum(m.name.startswith("media/") for m in members)
    return _finish(store, target, _header(store, "package", campaign, None), members, counts, actor)


def _media_members(store: Store, campaign_id: int, videos: list[dict[str, Any]]) -> list[Member]:
    paths = bundle_store.media_paths(store.db, campaign_id)
    members = []
    for video in videos:
        path = paths.get(video["sha256"])
        if not path or not Path(path).is_file() or Path(path).stat().st_size != video["size"]:
            raise UserError(f"the file of {video['original_name']} is missing or changed; locate it (bundle locate) "
                            "or export without --with-media")
        members.append(Member(f"media/{video['sha256']}", path=Path(path), compress=False))
    return members


def export_review(store: Store, campaign_name: str, reviewer: str, target: str | os.PathLike[str],
                  organisation: str | None = None, actor: str = "") -> ExportResult:
    """Only what this reviewer added: her decisions, comments, their edits, resolutions and reopenings, her
    dispositions and transcript corrections."""
    campaign = _campaign(store, campaign_name)
    reviewer = " ".join(reviewer.split())
    if not reviewer:
        raise UserError("say whose review to export: --reviewer NAME")
    who = bundle_store.authors(store.db, campaign["id"], reviewer)
    if organisation is not None:
        who = [w for w in who if w[1].casefold() == organisation.strip().casefold()]
    if not who:
        raise UserError(f"{reviewer} has recorded nothing in campaign '{campaign['name']}' yet; nothing to export")
    author = (reviewer, organisation.strip() if organisation is not None else None)
    data = {"campaign": _campaign_data(campaign),
            "transcripts": bundle_store.transcripts(store.db, campaign["id"], author),
            **{table: bundle_store.events(store.db, table, campaign["id"], author) for table in EVENT_TABLES}}
    counts = {key: len(value) for key, value in data.items() if isinstance(value, list)}
    organisations = ", ".join(sorted({w[1] for w in who if w[1]}))
    header = _header(store, "review", campaign, {"name": who[0][0], "organisation": organisations})
    return _finish(store, target, header, [Member(DATA, pack_json(data))], counts, actor or who[0][0])
