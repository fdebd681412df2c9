"""The architecture rule: only ui/ imports Qt; transcribe/ and reports/ import nothing of ours."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

OUR_PACKAGES = {"reviewer", "transcribe", "reports", "ui", "assets"}
CORE = ("reviewer", "transcribe", "reports")


def imported_roots(package: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in sorted((REPO / package).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        roots: set[str] = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                roots.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                roots.add(node.module.split(".")[0])
        found[str(path.relative_to(REPO))] = roots
    return found


@pytest.mark.parametrize("package", CORE)
def test_core_packages_never_import_qt(package: str) -> None:
    offenders = {path for path, roots in imported_roots(package).items() if {"PySide6", "shiboken6"} & roots}
    assert not offenders, f"Qt imported outside ui/: {sorted(offenders)}"


@pytest.mark.parametrize("package", ["transcribe", "reports"])
def test_leaf_packages_import_nothing_of_ours(package: str) -> None:
    offenders = {path: roots & (OUR_PACKAGES - {package})
                 for path, roots in imported_roots(package).items() if roots & (OUR_PACKAGES - {package})}
    assert not offenders, f"{package}/ must stand alone: {offenders}"


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
    big = {str(p.relative_to(REPO)): n for p in Path(REPO).glob("*/*.py")
           if p.parts[-2] in OUR_PACKAGES and (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
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
