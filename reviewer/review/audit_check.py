"""`audit verify` as one use case: the chain (links, hashes, signatures, heads from issued documents), then a
replay of the log against the tables, then what is derived from those rows (each comment's text and resolution,
each video's status and findings) against what they imply."""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.errors import DatabaseDamaged
from reviewer.review.comment_rules import comment_mismatches
from reviewer.review.merge_rules import disposition_mismatches
from reviewer.review.workflow import derived_state
from reviewer.store import audit
from reviewer.store.audit_replay import unexplained_rows
from reviewer.store.connection import Store
from reviewer.store.queries import stored_states


@dataclass(frozen=True)
class AuditOutcome:
    chain: audit.AuditReport
    unexplained: list[str]
    head: audit.ChainHead

    @property
    def ok(self) -> bool:
        return self.chain.ok and not self.unexplained


def check_audit(store: Store, expected_heads: tuple[audit.ChainHead, ...] = ()) -> AuditOutcome:
    """Raises DatabaseDamaged first if the file fails SQLite's integrity check: a log read from a damaged file
    cannot vouch for anything, however well its links and signatures verify."""
    problem = store.integrity_problem()
    if problem:
        raise DatabaseDamaged(f"the database file is damaged (SQLite: {problem}); restore a backup "
                              f"({store.path.name}.bak-*) or a copy made before the damage; nothing in it can be "
                              "vouched for")
    chain = audit.verify(store.db, expected_heads)
    problems = unexplained_rows(store.db) + comment_mismatches(store.db)
    for row in stored_states(store):
        state = derived_state(store.db, row["id"])
        if (state["status"], state["changed_since_review"]) != (row["status"], row["changed_since_review"]):
            problems.append(f"video {row['id']} is stored as {row['status']} but its recorded decisions make it "
                            f"{state['status']}")
        problems += disposition_mismatches(store.db, row["id"])
    return AuditOutcome(chain, problems, audit.head(store.db))
