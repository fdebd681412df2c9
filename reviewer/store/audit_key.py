"""The per-install audit key: 32 random bytes in the user config folder, readable by the user only (0600).

Audit entries carry HMAC-SHA256(key, entry hash). Someone who can edit the database but not read this file
cannot rewrite the log and make it verify again. The key never enters the database; entries record only its
id (the first 16 hex digits of its SHA-256), so a log moved to another install says whose key signed it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from reviewer.errors import UserError
from reviewer.paths import config_dir

KEY_FILE = "audit.key"


@dataclass(frozen=True)
class AuditKey:
    secret: bytes

    @property
    def key_id(self) -> str:
        return hashlib.sha256(self.secret).hexdigest()[:16]

    def sign(self, entry_hash: str) -> str:
        return hmac.new(self.secret, entry_hash.encode("ascii"), hashlib.sha256).hexdigest()

    def verifies(self, entry_hash: str, mac: str) -> bool:
        return hmac.compare_digest(self.sign(entry_hash), mac)


def key_path() -> Path:
    return config_dir() / KEY_FILE


_cache: dict[Path, AuditKey] = {}


def load_key(create: bool = True) -> AuditKey:
    """This install's key, created (0600, atomically) on first use; read once per process and path."""
    path = key_path()
    if path not in _cache:
        _cache[path] = _read_or_create(path, create)
    return _cache[path]


def _read_or_create(path: Path, create: bool) -> AuditKey:
    return AuditKey(read_or_create_secret(path, create, "audit key", "entries it signed cannot be verified"))


def read_or_create_secret(path: Path, create: bool, what: str, loss: str) -> bytes:
    """32 secret bytes kept in `path` as hex, readable by the user only; made atomically on first use.

    `what` names the secret in messages ("audit key"), `loss` says what is lost without it."""
    try:
        if path.exists():
            if path.stat().st_mode & 0o077:
                os.chmod(path, 0o600)  # someone widened it; the secret is only worth something while private
            return bytes.fromhex(path.read_text(encoding="ascii").strip())
        if not create:
            raise UserError(f"no {what} at {path}; this install has never made one")
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(secrets.token_bytes(32).hex() + "\n")
        try:
            os.link(tmp, path)  # never overwrite a secret another process created a moment ago
        except FileExistsError:
            pass
        finally:
            os.unlink(tmp)
        return bytes.fromhex(path.read_text(encoding="ascii").strip())
    except ValueError:
        raise UserError(f"the {what} {path} is damaged; restore it from a backup (without it, {loss})") from None
    except OSError as exc:
        raise UserError(f"cannot read or create the {what} {path}: {exc.strerror}; check that the folder "
                        "is writable (or set THINKTWICE_CONFIG_DIR)") from None
