"""The architecture rule: only ui/ imports Qt; transcribe/ and reports/ import nothing of ours."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

OUR_PACKAGES = {"reviewer", "transcribe", "reports", "ui", "assets"}
CORE = ("reviewer", "transcribe", "reports")
TOP_LEVEL_CORE_MODULES = {"__init__.py", "errors.py", "paths.py", "fileio.py"}


def test_import_contracts_hold() -> None:
    """The layer, leaf and Qt rules live in pyproject.toml as import-linter contracts."""
    lint_imports = Path(sys.executable).with_name("lint-imports")
    command = [str(lint_imports)] if lint_imports.exists() else [sys.executable, "-m", "importlinter.cli"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_reviewer_modules_live_in_their_rooms() -> None:
    loose = {p.name for p in (REPO / "reviewer").glob("*.py")} - TOP_LEVEL_CORE_MODULES
    assert not loose, f"move these into reviewer/checking, store, review or cli: {sorted(loose)}"


def test_ui_never_reaches_for_the_cli() -> None:
    offenders = [str(p.relative_to(REPO)) for p in (REPO / "ui").rglob("*.py")
                 if "reviewer.cli" in p.read_text(encoding="utf-8")]
    assert not offenders


def test_importing_the_whole_core_loads_no_qt() -> None:
    """Belt and braces: catch dynamic imports the AST scan can't see."""
    modules = sorted({
        ".".join(path.relative_to(REPO).with_suffix("").parts)
        for package in CORE for path in (REPO / package).rglob("*.py") if path.name != "__main__.py"
    })
    script = ("import importlib, sys\n"
              f"for name in {modules!r}: importlib.import_module(name)\n"
              "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True)
    assert result.stdout.strip() == "[]"


def test_main_py_only_starts_the_ui() -> None:
    source = (REPO / "main.py").read_text(encoding="utf-8")
    assert "from ui.app import run" in source
    assert 'if __name__ == "__main__"' in source


def test_modules_are_small() -> None:
    big = {str(p.relative_to(REPO)): n for package in OUR_PACKAGES for p in (REPO / package).rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
    assert not big, f"split these along a real seam: {big}"


def test_core_and_cli_work_with_qt_unavailable(tmp_path: Path) -> None:
    """As if PySide6 were not installed: the CLI still checks a script (napari's headless rule)."""
    script = tmp_path / "script.txt"
    script.write_text("jangan jadi bodoh", encoding="utf-8")
    code = f"""
import importlib.abc, sys
class NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("PySide6", "shiboken6"):
            raise ImportError("Qt is not installed")
        return None
sys.meta_path.insert(0, NoQt())
from reviewer.cli import main
sys.exit(main(["check", {str(script)!r}, "--format", "json"]))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 1, result.stderr  # 1 = findings
    assert '"term": "bodoh"' in result.stdout


SQL = re.compile(r"^\s*(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|INDEX|VIEW|TRIGGER)|"
                 r"ALTER\s+TABLE|DROP\s+TABLE|PRAGMA|BEGIN|WITH\s+\w+\s+AS)\b")


def sql_strings(path: Path) -> list[str]:
    """String literals (f-string pieces included) that start like an SQL statement."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value):
            found.append(f"{path.relative_to(REPO)}:{node.lineno}: {node.value.strip()[:60]}")
    return found


def test_no_sql_outside_the_store() -> None:
    """SQL lives in reviewer/store/; everything above calls its functions (and gets its plain-language errors)."""
    files = [p for package in ("reviewer", "ui", "transcribe", "reports") for p in (REPO / package).rglob("*.py")
             if not p.is_relative_to(REPO / "reviewer" / "store")]
    offenders = [hit for path in files for hit in sql_strings(path)]
    assert offenders == []
    assert sql_strings(REPO / "reviewer" / "store" / "records.py")  # the scan does see SQL where it lives
