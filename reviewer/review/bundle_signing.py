"""Who made a bundle: every bundle is signed with its install's Ed25519 key, and each sender's key is pinned.

The manifest's hashes catch damage and careless edits, but anyone can edit a bundle and recompute them. A
signature over the manifest, by a key that never leaves the sender's laptop, cannot be recomputed. The key is
32 random bytes in the user config folder (0600, beside the audit key), made on first export.

Which key belongs to whom is learned on first contact, as SSH does with hosts: the first signed bundle from
"Farah (Forum)" pins her key in this database, and a later bundle that claims to be hers but carries another
key, or no signature at all, is refused. The first contact itself is only as trustworthy as the channel it came
by, so the import prints her key's fingerprint for a comparison by phone, and `thinktwice bundle key` shows each
install its own. When a sender really moves to a new laptop, `thinktwice bundle trust FILE` accepts her new key,
on the record (audited).

Why Ed25519 from `cryptography`: small keys and signatures, no parameters to get wrong, and a well-kept library
with wheels for every platform we ship on.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from reviewer.errors import UserError
from reviewer.paths import config_dir
from reviewer.store import audit, bundle_store
from reviewer.store.audit_key import read_or_create_secret
from reviewer.store.connection import Store, now

KEY_FILE = "bundle-signing.key"
ALGORITHM = "ed25519"


def fingerprint(public_key: str) -> str:
    """What two people read to each other over the phone: 16 hex digits of the key's SHA-256, in fours."""
    digest = hashlib.sha256(bytes.fromhex(public_key)).hexdigest()[:16].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))


def _private_key() -> Ed25519PrivateKey:
    secret = read_or_create_secret(config_dir() / KEY_FILE, True, "bundle signing key",
                                   "bundles can no longer be signed as this install's; others must trust a new key")
    if len(secret) != 32:
        raise UserError(f"the bundle signing key {config_dir() / KEY_FILE} is damaged; restore it from a backup, or "
                        "delete it to make a new one (others must then trust the new key)")
    return Ed25519PrivateKey.from_private_bytes(secret)


def own_public_key() -> str:
    """This install's public key, hex (made with the private key on first use)."""
    return _private_key().public_key().public_bytes_raw().hex()


def sign(manifest: bytes) -> dict[str, str]:
    """The signature member's content for these manifest bytes."""
    key = _private_key()
    return {"algorithm": ALGORITHM, "public_key": key.public_key().public_bytes_raw().hex(),
            "signature": key.sign(manifest).hex()}


def verify(name: str, manifest: bytes, signature: dict[str, Any]) -> str:
    """The signer's public key (hex) if `signature` signs these manifest bytes; one refusal line otherwise."""
    try:
        if signature.get("algorithm") != ALGORITHM:
            raise ValueError
        public = str(signature["public_key"])
        Ed25519PublicKey.from_public_bytes(bytes.fromhex(public)).verify(bytes.fromhex(signature["signature"]),
                                                                         manifest)
        return public
    except (InvalidSignature, KeyError, TypeError, ValueError):
        raise UserError(f"{name} was changed after it was made (its signature does not match its manifest); "
                        "ask for a new export — nothing was imported") from None


@dataclass(frozen=True)
class Sender:
    """Who a bundle says it is from: a reviewer (name, organisation), or the lead's package of a campaign."""

    kind: str  # "review" or "package"
    name: str
    organisation: str

    @property
    def label(self) -> str:
        if self.kind == "package":
            return f"campaign packages of '{self.name}'"
        return self.name + (f" ({self.organisation})" if self.organisation else "")


def sender_of(manifest: dict[str, Any]) -> Sender:
    reviewer = manifest.get("reviewer") or {}
    if manifest.get("kind") == "review":
        return Sender("review", str(reviewer.get("name", "")), str(reviewer.get("organisation", "")))
    return Sender("package", str(manifest["campaign"]["uid"]), "")


def check_sender(store: Store, name: str, manifest: dict[str, Any], signer: str | None) -> str:
    """Refuse a bundle whose signer is not the key pinned for its sender. Returns a line for the user on first
    contact or for an unsigned bundle ('' when the pinned key signed it)."""
    sender = sender_of(manifest)
    pinned = bundle_store.pinned_key(store.db, sender.kind, sender.name, sender.organisation)
    shown = manifest["campaign"]["name"] if sender.kind == "package" else sender.label
    if pinned is None:
        if signer is None:
            return f"{name} is not signed (made by an older version of the app): who made it cannot be checked"
        return (f"first signed bundle from {shown}: key {fingerprint(signer)} is now trusted for them; compare it "
                "with the one 'thinktwice bundle key' shows on their laptop")
    if signer == pinned:
        return ""
    what = "is not signed" if signer is None else f"is signed with another key ({fingerprint(signer)})"
    raise UserError(f"{name} {what}, but earlier bundles from {shown} were signed with key {fingerprint(pinned)}: "
                    "it was not made on their laptop. If they really moved to a new laptop, accept the new key "
                    f"with 'thinktwice bundle trust {name}' — nothing was imported")


def pin_sender(db: Any, manifest: dict[str, Any], signer: str | None, bundle_sha256: str) -> None:
    """Within the import's transaction: remember the signer of a sender's first signed bundle."""
    if signer is None:
        return
    sender = sender_of(manifest)
    if bundle_store.pinned_key(db, sender.kind, sender.name, sender.organisation) is None:
        bundle_store.pin_key(db, sender.kind, sender.name, sender.organisation, signer, bundle_sha256, now())


def trust(store: Store, name: str, manifest: dict[str, Any], signer: str | None, bundle_sha256: str,
          actor: str = "") -> str:
    """Accept a (verified) bundle's key as its sender's from now on; on the record. Returns a line for the user."""
    if signer is None:
        raise UserError(f"{name} is not signed, so there is no key to trust; ask for a new export from a current "
                        "version of the app")
    sender = sender_of(manifest)
    with store.write() as db:
        previous = bundle_store.pinned_key(db, sender.kind, sender.name, sender.organisation)
        bundle_store.pin_key(db, sender.kind, sender.name, sender.organisation, signer, bundle_sha256, now(),
                             replace=True)
        audit.append(db, "bundle-key-trusted", actor, None, sender=sender.label, key=signer, previous=previous,
                     bundle=bundle_sha256)
    return f"key {fingerprint(signer)} is now trusted for {sender.label}"
