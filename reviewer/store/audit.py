"""The tamper-evident audit log: every change is appended with the hash of the entry before it, and signed.

API (for every module that records a change; call inside the write transaction of the change itself):
- `append(db, action, actor, video_id, **details) -> str` adds one entry and returns its hash.
- `head(db) -> ChainHead` is the chain head (entry count and last hash). Every issued PDF and exported file
  prints it (`ChainHead.label`), so a later truncation or rewrite is detectable against any document issued.
- `verify(db, expected_heads=()) -> AuditReport` checks links, hashes and signatures, and that each head
  taken from an issued document is still in the log. `reviewer.store.audit_replay` checks the log explains
  the current decisions, comments and dispositions.

hash = SHA-256(prev_hash + canonical JSON of the entry); mac = HMAC-SHA256(install key, hash), with the key
kept outside the database (`reviewer.store.audit_key`). Editing, deleting or reordering a row breaks the chain
at that row; recomputing the whole chain needs the key; deleting the newest entries shows against any head
printed before. What it does not stop is described in the README ("Tamper evidence").
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from typing import Any

from sqlite_utils import Database

from reviewer.errors import UserError
from reviewer.store.audit_key import AuditKey, load_key
from reviewer.store.connection import now

GENESIS = "0" * 64
HEAD_PATTERN = re.compile(r"audit[-_ ]head\W{0,4}(\d+):([0-9a-f]{64})")


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
    key = load_key()
    db.table("audit").insert({"at": at, "actor": actor, "action": action, "video_id": video_id, "details": payload,
                        "prev_hash": prev_hash, "hash": entry_hash, "mac": key.sign(entry_hash),
                        "key_id": key.key_id})
    return entry_hash


def append_many(db: Database, entries: list[tuple[str, str, int | None, dict[str, Any]]]) -> str:
    """Append (action, actor, video_id, details) entries in one go: the same chain and signatures as `append`
    called once per entry, without its per-call overhead (a bundle import records thousands of rows)."""
    last = next(db.query("SELECT hash FROM audit ORDER BY id DESC LIMIT 1"), None)
    prev_hash = last["hash"] if last else GENESIS
    key = load_key()
    rows = []
    for action, actor, video_id, details in entries:
        at = now()
        payload = json.dumps(details, ensure_ascii=False, sort_keys=True, default=str)
        entry_hash = _digest(prev_hash, at, actor, action, video_id, payload)
        rows.append((at, actor, action, video_id, payload, prev_hash, entry_hash, key.sign(entry_hash), key.key_id))
        prev_hash = entry_hash
    db.conn.executemany("INSERT INTO audit (at, actor, action, video_id, details, prev_hash, hash, mac, key_id) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return prev_hash


def sign_all(db: Database, key: AuditKey) -> None:
    """Sign entries written before signing existed (the migration that added it calls this once)."""
    for row in list(db.query("SELECT id, hash FROM audit WHERE mac = ''")):
        db.execute("UPDATE audit SET mac = ?, key_id = ? WHERE id = ?", [key.sign(row["hash"]), key.key_id,
                                                                         row["id"]])


@dataclass(frozen=True)
class ChainHead:
    """How long the log was and how it ended when a document was issued."""

    entries: int
    hash: str

    @property
    def label(self) -> str:
        return f"audit-head {self.entries}:{self.hash}"

    @classmethod
    def parse(cls, text: str) -> ChainHead:
        """'COUNT:HASH', or any text holding an 'audit-head COUNT:HASH' label (a PDF, CSV or JSON export)."""
        found = HEAD_PATTERN.search(text) or re.fullmatch(r"\s*(\d+):([0-9a-f]{64})\s*", text)
        if not found:
            raise UserError("no audit head found; pass COUNT:HASH as printed on a report or export")
        return cls(int(found.group(1)), found.group(2))


def head(db: Database) -> ChainHead:
    row = next(db.query("SELECT count(*) AS n, (SELECT hash FROM audit ORDER BY id DESC LIMIT 1) AS h FROM audit"))
    return ChainHead(row["n"], row["h"] or GENESIS)


@dataclass(frozen=True)
class AuditReport:
    entries: int
    broken_at: int | None = None
    reason: str = ""
    foreign: dict[str, int] = field(default_factory=dict)  # key id -> entries signed by another install
    missing_heads: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.broken_at is None and not self.foreign and not self.missing_heads


def verify(db: Database, expected_heads: tuple[ChainHead, ...] = ()) -> AuditReport:
    key = load_key()
    expected_prev = GENESIS
    count = 0
    foreign: dict[str, int] = {}
    hashes: list[str] = []
    for row in db.query("SELECT * FROM audit ORDER BY id"):
        count += 1
        if row["prev_hash"] != expected_prev:
            return AuditReport(count, row["id"], "its link to the entry before it does not match "
                                                 "(an entry was removed, inserted or reordered)")
        recomputed = _digest(row["prev_hash"], row["at"], row["actor"], row["action"], row["video_id"],
                             row["details"])
        if recomputed != row["hash"]:
            return AuditReport(count, row["id"], "its content was changed after it was written")
        if row["key_id"] == key.key_id:
            if not key.verifies(row["hash"], row["mac"]):
                return AuditReport(count, row["id"], "its signature does not match this install's key "
                                                     "(the chain was recomputed without the key)")
        else:
            foreign[row["key_id"] or "unsigned"] = foreign.get(row["key_id"] or "unsigned", 0) + 1
        hashes.append(row["hash"])
        expected_prev = row["hash"]
    missing = [h.label for h in expected_heads if h.entries > len(hashes) or
               (h.entries and hashes[h.entries - 1] != h.hash) or (not h.entries and h.hash != GENESIS)]
    return AuditReport(count, foreign=foreign, missing_heads=missing)
