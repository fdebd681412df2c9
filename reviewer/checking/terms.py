"""Term lists: CSV files of guideline terms, validated row by row.

Format: UTF-8 CSV with a header row. Required columns: term, category, severity (low|medium|high|critical),
language (ms|en|any). Optional: variants and exceptions (`|`-separated), suggestion, note, enabled.
Optional leading comment lines carry metadata:  `# name: misogyny`  and  `# version: 3`.

Loading reports *every* bad row with its line number and reason, never just the first, so a partner can
fix a whole file in one pass. A list's SHA-256 is taken over its normalised content, so re-saving a file
in another editor (CRLF, BOM, column order, row order) does not make checks look stale.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import unicodedata
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Literal, get_args

from reports.tabular import neutralise, restore
from reviewer.errors import UserError

Severity = Literal["low", "medium", "high", "critical"]
SEVERITIES: tuple[Severity, ...] = get_args(Severity)


def as_severity(text: str) -> Severity | None:
    """The severity `text` names (any case), or None."""
    word = text.strip().lower()
    return next((s for s in SEVERITIES if s == word), None)
LANGUAGES = ("ms", "en", "any")
REQUIRED_COLUMNS = ("term", "category", "severity", "language")
OPTIONAL_COLUMNS = ("variants", "exceptions", "suggestion", "note", "enabled")
COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
MAX_TERM_CHARS = 80


@dataclass(frozen=True)
class Term:
    term: str
    category: str
    severity: Severity
    language: str
    variants: tuple[str, ...] = ()
    exceptions: tuple[str, ...] = ()
    suggestion: str = ""
    note: str = ""
    enabled: bool = True
    list_name: str = ""

    @property
    def rank(self) -> int:
        return SEVERITY_RANK[self.severity]

    def to_row(self) -> dict[str, str]:
        return {
            "term": self.term, "category": self.category, "severity": self.severity, "language": self.language,
            "variants": "|".join(self.variants), "exceptions": "|".join(self.exceptions),
            "suggestion": self.suggestion, "note": self.note, "enabled": "yes" if self.enabled else "no",
        }


@dataclass(frozen=True)
class TermListRef:
    """What a check records about each list it used."""

    name: str
    version: str
    sha256: str

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class TermList:
    name: str
    version: str
    terms: tuple[Term, ...]
    source: str = ""
    sha256: str = field(default="")

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", content_hash(self.terms))

    @property
    def ref(self) -> TermListRef:
        return TermListRef(self.name, self.version, self.sha256)

    def with_terms(self, terms: Iterable[Term], bump: bool = True) -> TermList:
        """A changed copy; the version goes up by one when it is a number (any edit should be visible)."""
        version = str(int(self.version) + 1) if bump and self.version.isdigit() else self.version
        return replace(self, terms=tuple(terms), version=version, sha256="")


@dataclass(frozen=True)
class RowError:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class TermListError(UserError):
    """A term list that cannot be used; `errors` lists every bad row."""

    def __init__(self, source: str, errors: list[RowError]) -> None:
        self.source = source
        self.errors = errors
        shown = "; ".join(str(e) for e in errors[:5]) + (f"; and {len(errors) - 5} more" if len(errors) > 5 else "")
        super().__init__(f"{source}: {len(errors)} problem{'s' if len(errors) != 1 else ''} ({shown}); "
                         "fix them and load the list again")


def clean(text: str) -> str:
    """NFC, trimmed, inner whitespace collapsed: how a term is stored and compared in lists."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def _split(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(clean(p) for p in cell.split("|") if clean(p)))


def content_hash(terms: Iterable[Term]) -> str:
    rows = sorted(json.dumps(t.to_row(), sort_keys=True, ensure_ascii=False) for t in terms)
    return hashlib.sha256("\n".join(rows).encode("utf-8")).hexdigest()


def _metadata(lines: list[str]) -> tuple[dict[str, str], list[str]]:
    meta: dict[str, str] = {}
    index = 0
    while index < len(lines) and (lines[index].startswith("#") or not lines[index].strip()):
        key, _, value = lines[index].lstrip("#").partition(":")
        if value.strip():
            meta[key.strip().lower()] = value.strip()
        index += 1
    return meta, lines[index:]


def parse_term_list(data: bytes, source: str, default_name: str) -> TermList:
    """Parse CSV bytes into a TermList or raise TermListError listing every problem."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise TermListError(source, [RowError(line, "not UTF-8 text (save the file as CSV UTF-8)")]) from None
    lines = text.splitlines()
    meta, body = _metadata(lines)
    offset = len(lines) - len(body)  # line numbers in messages count from the top of the file
    reader = csv.DictReader(io.StringIO("\n".join(body)))
    header = [clean(h).lower() for h in reader.fieldnames or []]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise TermListError(source, [RowError(offset + 1, f"missing column{'s' if len(missing) > 1 else ''} "
                                                          f"{', '.join(missing)} in the header row")])
    reader.fieldnames = header
    terms: list[Term] = []
    errors: list[RowError] = []
    seen: dict[str, int] = {}
    for row_number, row in enumerate(reader, start=2):
        line = offset + row_number
        if not any((value or "").strip() for value in row.values() if isinstance(value, str)):
            continue
        term, problems = _row_to_term(row, meta.get("name", default_name))
        key = term.term.casefold() if term else ""
        if term is not None and key in seen:
            problems.append(f"duplicate term '{term.term}' (first on line {seen[key]})")
        errors.extend(RowError(line, p) for p in problems)
        if term is not None and not problems:
            seen[key] = line
            terms.append(term)
    if errors:
        raise TermListError(source, errors)
    if not terms:
        raise TermListError(source, [RowError(offset + 1, "the list has no terms")])
    return TermList(meta.get("name", default_name), meta.get("version", "1"), tuple(terms), source)


ENABLED_VALUES = frozenset({"", "yes", "true", "1", "on", "y"})  # empty: enabled, as when the column is absent
DISABLED_VALUES = frozenset({"no", "false", "0", "off", "n"})


def _row_to_term(row: dict[str, str | None], list_name: str) -> tuple[Term | None, list[str]]:
    value = {column: clean(restore(row.get(column) or "")) for column in COLUMNS}
    problems = []
    if None in row:
        problems.append("more cells than header columns (quote cells that contain commas)")
    if not value["term"]:
        problems.append("empty term")
    elif len(value["term"]) > MAX_TERM_CHARS:
        problems.append(f"term longer than {MAX_TERM_CHARS} characters")
    else:
        for spelling in (value["term"], *_split(value["variants"])):
            problems += _unmatchable(spelling)
    if not value["category"]:
        problems.append("empty category")
    severity, language = as_severity(value["severity"]), value["language"].lower()
    if severity is None:
        problems.append(f"unknown severity '{value['severity']}' (use {'|'.join(SEVERITIES)})")
    if language not in LANGUAGES:
        problems.append(f"unknown language '{value['language']}' (use {'|'.join(LANGUAGES)})")
    switch = value["enabled"].lower()
    if switch not in ENABLED_VALUES | DISABLED_VALUES:
        problems.append(f"unknown enabled value '{value['enabled']}' (use yes or no)")
    enabled = switch not in DISABLED_VALUES
    if problems or severity is None:
        return None, problems
    return Term(value["term"], value["category"], severity, language, _split(value["variants"]),
                _split(value["exceptions"]), value["suggestion"], value["note"], enabled, list_name), []


IGNORABLE = frozenset(" \t-_/.,!?;:'\"()[]’‘“”…")  # punctuation whose loss does not change what a term means


def _unmatchable(spelling: str) -> list[str]:
    """Matching works on word tokens: a term with none can never match, and one whose symbols are dropped
    matches something else ('+1' would match every '1')."""
    from reviewer.checking.normalize import tokenize  # normalize needs nothing from here; keep imports light

    tokens = tokenize(spelling)
    shown = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in spelling)
    if not tokens:
        return [f"'{shown}' can never match: it has no letters or digits (only punctuation, emoji or "
                "invisible characters)"]
    covered = {i for t in tokens for i in range(t.start, t.end)}
    dropped = sorted({c for i, c in enumerate(spelling) if i not in covered and c not in IGNORABLE
                      and not c.isspace()})
    if dropped:
        meant = " ".join(t.text for t in tokens)
        return [f"'{shown}' would match every '{meant}': matching ignores {' '.join(repr(c) for c in dropped)}; "
                "write the term as words"]
    return []


def load_term_list(path: str | os.PathLike[str]) -> TermList:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"term list not found: {path}; check the path") from None
    except IsADirectoryError:
        raise UserError(f"{path} is a folder; pass a CSV term list") from None
    except OSError as exc:
        raise UserError(f"cannot read term list {path}: {exc.strerror}") from None
    return parse_term_list(data, str(path), path.stem)


def to_csv(term_list: TermList) -> str:
    out = io.StringIO()
    out.write(f"# name: {term_list.name}\n# version: {term_list.version}\n")
    writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    for term in term_list.terms:  # formula-safe: a shared list must not run code when opened in a spreadsheet
        writer.writerow({key: neutralise(value) for key, value in term.to_row().items()})
    return out.getvalue()


def bundled_list_paths() -> list[Path]:
    from assets import asset_path

    return sorted(asset_path("terms").glob("*.csv"))


def load_bundled_lists() -> list[TermList]:
    return [load_term_list(path) for path in bundled_list_paths()]


def load_lists(paths: Iterable[str | os.PathLike[str]] | None) -> list[TermList]:
    """The lists named on the command line, or the bundled defaults when none are named."""
    chosen = list(paths or [])
    return [load_term_list(p) for p in chosen] if chosen else load_bundled_lists()
