"""Version N beside version N-1: each version's findings, marked resolved, new or unchanged.

The same identity as `thinktwice compare`: source, term, and which occurrence of the term it is
(`records.version_keys`). A finding of the earlier version that the later one no longer has is resolved; one
the later version adds is new; the rest are unchanged (so two "bodoh" before and one after is one resolved and
one unchanged). Each side keeps its findings' own times, so a click seeks in its own version.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from reviewer.errors import UserError
from reviewer.store.connection import Store
from reviewer.store.queries import findings, get_video, latest_check
from reviewer.store.records import version_keys
from reviewer.store.types import FindingRow, VideoRow

Change = Literal["resolved", "new", "unchanged"]


@dataclass(frozen=True)
class ComparedFinding:
    finding_id: int
    time_start: float | None
    term: str
    matched: str
    severity: str
    source: str
    change: Change


@dataclass(frozen=True)
class VersionSide:
    video_id: int
    version: int
    name: str
    path: str
    duration: float
    findings: tuple[ComparedFinding, ...]
    checked: bool = True  # False: never checked, so its findings are unknown (not none) and nothing is compared


@dataclass(frozen=True)
class VersionComparison:
    earlier: VersionSide
    later: VersionSide

    @property
    def compared(self) -> bool:
        return self.earlier.checked and self.later.checked

    def counts(self) -> dict[Change, int]:
        return {"resolved": sum(f.change == "resolved" for f in self.earlier.findings),
                "new": sum(f.change == "new" for f in self.later.findings),
                "unchanged": sum(f.change == "unchanged" for f in self.later.findings)}


def _rows(store: Store, video_id: int) -> list[FindingRow]:
    check = latest_check(store, video_id)
    return findings(store, check["id"]) if check else []


def _side(video: VideoRow, rows: list[FindingRow], other: set[str] | None, missing: Change,
          checked: bool) -> VersionSide:
    """One version's findings, marked against the other's fingerprints (`other` None: the other version was
    never checked, so nothing is claimed resolved or new)."""
    marked = [ComparedFinding(row["id"], row["time_start"], row["term"], row["matched"], row["severity"],
                              row["source"], "unchanged" if other is None or key in other else missing)
              for row, key in zip(rows, version_keys(rows), strict=True)]
    return VersionSide(video["id"], video["version"], video["original_name"], video["path"], video["duration"],
                       tuple(marked), checked)


def compare_with_previous(store: Store, video_id: int) -> VersionComparison:
    """This version against the one before it (every finding of each version's latest check, as `compare`)."""
    later_video = get_video(store.db, video_id)
    if not later_video["previous_id"]:
        raise UserError(f"video {video_id} is version 1; there is nothing earlier to compare with")
    earlier_video = get_video(store.db, later_video["previous_id"])
    earlier_rows, later_rows = _rows(store, earlier_video["id"]), _rows(store, video_id)
    earlier_checked = latest_check(store, earlier_video["id"]) is not None
    later_checked = latest_check(store, video_id) is not None
    both = earlier_checked and later_checked
    earlier_keys = set(version_keys(earlier_rows)) if both else None
    later_keys = set(version_keys(later_rows)) if both else None
    return VersionComparison(earlier=_side(earlier_video, earlier_rows, later_keys, "resolved", earlier_checked),
                             later=_side(later_video, later_rows, earlier_keys, "new", later_checked))
