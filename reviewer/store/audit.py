"""The tamper-evident audit log: every change is appended with the hash of the entry before it.

hash = SHA-256(prev_hash + canonical JSON of the entry). Editing, deleting or reordering any row by hand
breaks the chain at that row, and `verify` names the first broken link.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from reviewer.store.connection import now

GENESIS = "0" * 64


def _digest(prev_hash: str, at: str, actor: str, action: str, video_id: int | None, details: str) -> str:
    canonical = json.dumps([prev_hash, at, actor, action, video_id, details], ensure_ascii=False,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(db: Database, action: str, actor: str = "", video_id: int | None = None,
           **details: Any) -> str:
    """Append one entry. Call inside the same write transaction as the change it records."""
    last = next(db.query("SELECT hash FROM audit ORDER BY id DESC LIMIT 1"), None)
    prev_hash = last["hash"] if last else GENESIS
    at = now()
    payload = json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)
    entry_hash = _digest(prev_hash, at, actor, action, video_id, payload)
    db["audit"].insert({"at": at, "actor": actor, "action": action, "video_id": video_id, "details": payload,
                        "prev_hash": prev_hash, "hash": entry_hash})
    return entry_hash


@dataclass(frozen=True)
class AuditReport:
    entries: int
    broken_at: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_at is None


def verify(db: Database) -> AuditReport:
    expected_prev = GENESIS
    count = 0
    for row in db.query("SELECT * FROM audit ORDER BY id"):
        count += 1
        if row["prev_hash"] != expected_prev:
            return AuditReport(count, row["id"], "its link to the entry before it does not match "
                                                 "(an entry was removed, inserted or reordered)")
        recomputed = _digest(row["prev_hash"], row["at"], row["actor"], row["action"], row["video_id"],
                             row["details"])
        if recomputed != row["hash"]:
            return AuditReport(count, row["id"], "its content was changed after it was written")
        expected_prev = row["hash"]
    return AuditReport(count)
