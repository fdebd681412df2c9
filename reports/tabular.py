"""CSV and JSON exports of findings and decisions.

CSV is UTF-8 with a BOM (so Excel reads Malay, Tamil and Chinese correctly) and formula-injection safe:
a cell that starts with = + - @, a tab or a carriage return is prefixed with a quote, so a spreadsheet shows
it as text instead of running it (OWASP's CSV injection guidance).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

DANGEROUS_FIRST = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A cell a spreadsheet would run as a formula gets a leading quote (so does one that already looks quoted,
    which keeps `restore` exact)."""
    if isinstance(value, str) and (value.startswith(DANGEROUS_FIRST) or
                                   (value.startswith("'") and value[1:2].startswith(DANGEROUS_FIRST + ("'",)))):
        return "'" + value
    return value


def restore(value: str) -> str:
    """Undo `neutralise` when reading a file we wrote (a term list exported and imported again)."""
    if value.startswith("'") and value[1:2].startswith(DANGEROUS_FIRST + ("'",)):
        return value[1:]
    return value


def to_csv(findings: Sequence[dict], decisions: Sequence[dict], audit_head: str = "") -> bytes:
    """One file, two sections: every finding row, then every decision row (a 'record' column says which).

    `audit_head` (the review log's head when the file was made) goes in a last row of its own.
    """
    columns: list[str] = ["record"]
    for row in [*findings, *decisions]:
        columns += [key for key in row if key not in columns]
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n", extrasaction="ignore")
    writer.writeheader()
    for record, rows in (("finding", findings), ("decision", decisions)):
        for row in rows:
            writer.writerow({key: neutralise(value) for key, value in ({"record": record} | row).items()})
    if audit_head:
        writer.writerow({"record": audit_head})
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_json(findings: Sequence[dict], decisions: Sequence[dict], scope: str, audit_head: str = "") -> bytes:
    payload = {"scope": scope, "findings": list(findings), "decisions": list(decisions)}
    if audit_head:
        payload["audit_head"] = audit_head
    return (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
