"""Import a campaign package or a review bundle: verify everything first, then add what is new in one transaction.

Merge rules (tests/test_bundles.py proves each):
- idempotent: a row whose UUID we have is left alone; the same bundle twice is recognised by its hash;
- order-free: nothing depends on arrival order; revision order, each reviewer's latest decision, the
  findings' dispositions and each comment's text and resolution are derived from the whole set
  (review.merge_rules, review.comment_rules); an edit or resolution that arrives before its comment is kept
  and applies when the comment arrives (as a reply does before its parent);
- nothing lost: every row keeps its author, organisation, sequence number and the content SHA-256 it was
  made on; competing transcript corrections are both kept and flagged.
Each added row gets an audit entry naming the bundle's SHA-256, so `audit verify` shows where it came from.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from reviewer.errors import UserError
from reviewer.review.bundle_export import EVENT_TABLES, NEWER_TABLES
from reviewer.review.bundle_format import Bundle, open_bundle
from reviewer.review.bundle_signing import check_sender, fingerprint, own_public_key, pin_sender, trust
from reviewer.review.comment_rules import settle_comments
from reviewer.review.media_locate import extract_media, find_by_hash
from reviewer.review.merge_rules import settle_revisions
from reviewer.review.workflow import recompute
from reviewer.store import audit, bundle_store, events
from reviewer.store.connection import Store
from reviewer.store.migrations import migrations

EVENT_ACTIONS = {"reviews": "decision", "comments": "comment", "dispositions": "disposition"}
COMMENT_EVENT_ACTIONS = {"edit": "comment-edited", "resolve": "comment-resolved", "reopen": "comment-reopened"}


@dataclass
class ImportResult:
    kind: str
    campaign: str
    sha256: str
    reviewer: str = ""
    already: bool = False
    added: Counter = field(default_factory=Counter)
    media_found: int = 0
    media_missing: list[str] = field(default_factory=list)
    origin: str = ""  # first contact with this sender's key, or an unsigned bundle: a line for the user


def import_bundle(store: Store, path: str | os.PathLike[str], media_folder: str | os.PathLike[str] | None = None,
                  actor: str = "") -> ImportResult:
    bundle = open_bundle(path, [m.name for m in migrations._migrations])
    try:
        return _import(store, bundle, Path(media_folder) if media_folder else None, actor)
    except (KeyError, TypeError, ValueError):
        raise UserError(f"{bundle.path.name} has content this app cannot read; ask for a new export — "
                        "nothing was imported") from None
    finally:
        bundle.close()


def trust_bundle(store: Store, path: str | os.PathLike[str], actor: str = "") -> str:
    """Accept the key that signed this bundle as its sender's (they moved to a new laptop). Returns a line."""
    bundle = open_bundle(path, [m.name for m in migrations._migrations])
    try:
        return trust(store, bundle.path.name, bundle.manifest, bundle.signer, bundle.sha256, actor)
    finally:
        bundle.close()


def own_key() -> str:
    """This install's bundle-signing key, as people compare it: "key ABCD 1234 …"."""
    return f"this install signs its bundles with key {fingerprint(own_public_key())}"


def _import(store: Store, bundle: Bundle, media_folder: Path | None, actor: str) -> ImportResult:
    manifest = bundle.manifest
    reviewer = manifest.get("reviewer") or {}
    label = reviewer.get("name", "") + (f" ({reviewer['organisation']})" if reviewer.get("organisation") else "")
    result = ImportResult(bundle.kind, manifest["campaign"]["name"], bundle.sha256, label)
    result.origin = check_sender(store, bundle.path.name, manifest, bundle.signer)
    data = bundle.data()
    if data["campaign"]["uid"] != manifest["campaign"]["uid"]:
        raise UserError(f"{bundle.path.name} does not match its manifest; nothing was imported")
    local = _local_campaign(store, bundle, data["campaign"])
    if bundle_store.imported_before(store.db, bundle.sha256):
        result.already = True
        return result
    paths = _media_paths(store, bundle, data, media_folder, local, result) if bundle.kind == "package" else {}
    changes = _Changes()
    with store.write() as db:
        campaign_id = local["id"] if local else bundle_store.insert_campaign(db, data["campaign"])
        if local is None:
            result.added["campaigns"] += 1
            changes.log("campaign-created", actor, None, name=data["campaign"]["name"], bundle=bundle.sha256)
        video_ids = _videos(db, campaign_id, data, paths, bundle, actor, result, changes)
        _check_references(bundle, data, video_ids)
        _transcripts(db, data, video_ids, bundle.sha256, result, changes)
        if bundle.kind == "package":
            _package_extras(db, campaign_id, data, video_ids, bundle.sha256, actor, result, changes)
        for table in EVENT_TABLES:
            _events(db, table, _event_rows(data, table), video_ids, bundle.sha256, result, changes)
        for video_id in sorted(changes.revised):
            settle_revisions(db, video_id)
        for video_id in sorted(changes.touched):
            recompute(db, video_id, dispositions=video_id in changes.disposed)
        settle_comments(db, changes.comments)
        audit.append_many(db, changes.entries)
        pin_sender(db, manifest, bundle.signer, bundle.sha256)
        bundle_store.record_import(db, bundle.sha256, bundle.kind, data["campaign"]["uid"],
                                   reviewer.get("name", ""), reviewer.get("organisation", ""),
                                   sum(result.added.values()))
        audit.append(db, "bundle-import", actor, None, bundle=bundle.sha256, kind=bundle.kind,
                     file=bundle.path.name, campaign=data["campaign"]["name"], reviewer=reviewer or None,
                     added=dict(result.added), exporter_audit_head=manifest.get("audit_head", ""),
                     signed_by=bundle.signer)
    return result


@dataclass
class _Changes:
    """What an import changed: videos to recompute, videos with new revisions, audit entries to append."""

    touched: set[int] = field(default_factory=set)
    revised: set[int] = field(default_factory=set)
    disposed: set[int] = field(default_factory=set)  # new dispositions or a new check: findings to re-derive
    comments: set[str] = field(default_factory=set)  # UUIDs of comments that are new or have new events
    entries: list[tuple[str, str, int | None, dict[str, Any]]] = field(default_factory=list)

    def log(self, action: str, actor: str, video_id: int | None, **details: Any) -> None:
        self.entries.append((action, actor, video_id, details))


def _local_campaign(store: Store, bundle: Bundle, campaign: dict[str, Any]) -> dict[str, Any] | None:
    """The same campaign here (by UUID), or None for a package we have not seen. Refuses a bundle for another
    campaign, including a different campaign that happens to have the same name."""
    local = bundle_store.campaign(store.db, uid=campaign["uid"])
    if local is not None:
        return local
    namesake = bundle_store.campaign(store.db, name=campaign["name"])
    if bundle.kind == "review" or namesake is not None:
        what = "a different campaign with the same name" if namesake else "a campaign this database does not have"
        raise UserError(f"{bundle.path.name} was made for {what} ('{campaign['name']}'); import that campaign's "
                        "package first, or ask for a bundle of your campaign — nothing was imported")
    return None


def _media_paths(store: Store, bundle: Bundle, data: dict[str, Any], folder: Path | None,
                 local: dict[str, Any] | None, result: ImportResult) -> dict[str, str]:
    """Where each new (or locally missing) video's file is: extracted from the package, or found by hash."""
    have = bundle_store.campaign_videos_by_sha(store.db, local["id"]) if local else {}
    wanted = {v["sha256"]: v for v in data["videos"]
              if v["sha256"] not in have or not Path(have[v["sha256"]]["path"] or "/nonexistent").is_file()}
    found: dict[str, str] = {}
    media = {name.removeprefix("media/") for name in bundle.members("media/")}
    for sha, video in wanted.items():
        if sha in media:
            found[sha] = str(extract_media(bundle, sha, store.path.parent, data["campaign"]["name"],
                                           video["original_name"]))
    if folder is not None:
        rest = {sha: v["size"] for sha, v in wanted.items() if sha not in found}
        found |= {sha: str(p) for sha, p in find_by_hash(folder, rest).items()}
    result.media_found = len(found)
    result.media_missing = sorted(v["original_name"] for sha, v in wanted.items() if sha not in found)
    return found


def _videos(db: Database, campaign_id: int, data: dict[str, Any], paths: dict[str, str], bundle: Bundle,
            actor: str, result: ImportResult, changes: _Changes) -> dict[str, int]:
    """uid -> local ID for every video of the campaign; adds the package's new ones and re-links found files."""
    existing = {row["uid"]: row for row in bundle_store.campaign_videos_by_sha(db, campaign_id).values()}
    by_sha = {row["sha256"]: row for row in existing.values()}
    ids = {uid: row["id"] for uid, row in existing.items()}
    new = [v for v in data.get("videos", []) if v["uid"] not in ids]
    for video in new:
        clash = by_sha.get(video["sha256"])
        if clash is not None:
            raise UserError(f"{video['original_name']} is already in this campaign as another video (same content, "
                            f"video {clash['id']}); nothing was imported")
        path = paths.get(video["sha256"], "")
        thumb = f"thumbs/{video['uid']}.png"
        video_id = bundle_store.insert_video(db, campaign_id, video, path, _mtime(path),
                                             bundle.read(thumb) if thumb in bundle.manifest["files"] else None)
        ids[video["uid"]] = video_id
        changes.touched.add(video_id)
        result.added["videos"] += 1
        changes.log("import", actor, video_id, name=video["original_name"], sha256=video["sha256"],
                     version=video["version"], campaign=data["campaign"]["name"], bundle=bundle.sha256)
    for video in new:
        bundle_store.link_versions(db, ids[video["uid"]], ids.get(video["piece_uid"]), ids.get(video["previous_uid"]))
    for video in data.get("videos", []):
        if video["uid"] in existing and video["sha256"] in paths:
            bundle_store.set_path(db, ids[video["uid"]], paths[video["sha256"]], _mtime(paths[video["sha256"]]))
            changes.log("relink", actor, ids[video["uid"]], new_path=paths[video["sha256"]], bundle=bundle.sha256)
    return ids


def _mtime(path: str) -> int:
    return os.stat(path).st_mtime_ns if path else 0


def _check_references(bundle: Bundle, data: dict[str, Any], video_ids: dict[str, int]) -> None:
    rows = [*data["transcripts"], *data.get("checks", []), *(r for t in EVENT_TABLES for r in _event_rows(data, t))]
    unknown = {row["video_uid"] for row in rows} - set(video_ids)
    if unknown:
        raise UserError(f"{bundle.path.name} refers to {len(unknown)} video(s) that are not in this campaign here; "
                        "import the campaign's latest package first — nothing was imported")


def _transcripts(db: Database, data: dict[str, Any], video_ids: dict[str, int], origin: str, result: ImportResult,
                 changes: _Changes) -> None:
    known = bundle_store.known_uids(db, "transcripts", (t["uid"] for t in data["transcripts"]))
    for row in data["transcripts"]:
        if row["uid"] in known:
            continue
        video_id = video_ids[row["video_uid"]]
        transcript_id = bundle_store.insert_transcript(db, video_id, row)
        changes.touched.add(video_id)
        changes.revised.add(video_id)
        result.added["transcripts"] += 1
        if row["author"]:
            events.note_seq(db, row["author"], row["organisation"], row["seq"])
        changes.log("transcript-correction" if row["author"] else "transcription", row["author"], video_id,
                     transcript_id=transcript_id, uid=row["uid"], model=row["model"], language=row["language"],
                     bundle=origin)


def _package_extras(db: Database, campaign_id: int, data: dict[str, Any], video_ids: dict[str, int], origin: str,
                    actor: str, result: ImportResult, changes: _Changes) -> None:
    """Checks, term lists and required reviewers: the lead's, installed as they are in the package."""
    required = data["campaign"]["required_reviewers"]
    if bundle_store.set_required(db, campaign_id, required):
        changes.log("campaign-reviewers", actor, None, campaign=data["campaign"]["name"], required=required,
                     bundle=origin)
        changes.touched.update(video_ids.values())
    for term_list in data["term_lists"]:
        if bundle_store.upsert_term_list(db, term_list):
            result.added["term_lists"] += 1
            changes.log("term-list-change", actor, None, name=term_list["name"], version=term_list["version"],
                         sha256=term_list["sha256"], bundle=origin)
    known = bundle_store.known_uids(db, "checks", (c["uid"] for c in data["checks"]))
    transcripts = bundle_store.known_uids(db, "transcripts", (c["transcript_uid"] for c in data["checks"]
                                                              if c["transcript_uid"]))
    for check in data["checks"]:
        if check["uid"] in known:
            continue
        video_id = video_ids[check["video_uid"]]
        check_id = bundle_store.insert_check(db, video_id, transcripts.get(check["transcript_uid"]), check)
        changes.touched.add(video_id)
        changes.disposed.add(video_id)
        result.added["checks"] += 1
        changes.log("check", actor, video_id, check_id=check_id, findings=len(check["findings"]), bundle=origin)


def _event_rows(data: dict[str, Any], table: str) -> list[dict[str, Any]]:
    return data.get(table, []) if table in NEWER_TABLES else data[table]


def _event_details(table: str, row: dict[str, Any], row_id: int) -> dict[str, Any]:
    """What an imported row's audit entry records (store.audit_replay checks the row against it)."""
    if table == "reviews":
        return {"review_id": row_id, "decision": row["decision"], "note": row["note"],
                "content_sha256": row["content_sha256"]}
    if table == "comments":
        return {"comment_id": row_id, "at": row["at_seconds"], "text": row["text"]}
    if table == "comment_events":
        return {"event_id": row_id, "comment_uid": row["comment_uid"]} | (
            {"text": row["text"]} if row["kind"] == "edit" else {})
    return {"disposition_id": row_id, "disposition": row["disposition"], "reason": row["reason"],
            "fingerprint": row["fingerprint"]}


def _events(db: Database, table: str, rows: list[dict[str, Any]], video_ids: dict[str, int], origin: str,
            result: ImportResult, changes: _Changes) -> None:
    known = bundle_store.known_uids(db, table, (r["uid"] for r in rows))
    last_seq: dict[tuple[str, str], int] = {}
    for row in rows:
        if row["uid"] in known:
            continue
        video_id = video_ids[row["video_uid"]]
        if table == "comment_events" and (row["kind"] not in COMMENT_EVENT_ACTIONS
                                          or (row["kind"] == "edit") != isinstance(row["text"], str)):
            raise ValueError(f"not a comment event: {row['kind']!r}")  # the bundle is refused as unreadable
        row_id = bundle_store.insert_event(db, table, video_id, row)
        author = (row["reviewer"], row["organisation"])
        last_seq[author] = max(last_seq.get(author, 0), row["seq"])
        if table in ("comments", "comment_events"):  # the comment's text, resolution and open count follow
            changes.comments.add(row["uid"] if table == "comments" else row["comment_uid"])
        else:
            changes.touched.add(video_id)
        if table == "dispositions":
            changes.disposed.add(video_id)
        result.added[table] += 1
        details = {"uid": row["uid"], "bundle": origin, "organisation": row["organisation"]}
        details |= _event_details(table, row, row_id)
        action = COMMENT_EVENT_ACTIONS[row["kind"]] if table == "comment_events" else EVENT_ACTIONS[table]
        changes.log(action, row["reviewer"], video_id, **details)
    for (reviewer, organisation), seq in last_seq.items():
        events.note_seq(db, reviewer, organisation, seq)
