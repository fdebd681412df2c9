"""The project's promises about itself: README commands, CI, and what an install carries."""

from __future__ import annotations

import re

from tests.conftest import REPO

DEBIAN_LIST = REPO / "packaging" / "debian-packages.txt"


def readme_commands() -> list[str]:
    """The README's first two commands (install, test), with backslash-continued lines joined."""
    blocks = re.findall(r"```bash\n(.+?)\n```", (REPO / "README.md").read_text(encoding="utf-8"), re.DOTALL)[:2]
    return [re.sub(r"\s*\\\n\s*", " ", block) for block in blocks]


def apt_packages(command: str) -> list[str]:
    """The package names an `apt-get install` in `command` names (up to the first `&&`)."""
    apt = re.search(r"apt-get install (.+?)(?:&&|>|$)", command)
    assert apt, f"no apt-get install in: {command}"
    return [word for word in apt.group(1).split() if not word.startswith("-")]


def debian_list() -> list[str]:
    return DEBIAN_LIST.read_text(encoding="utf-8").split()


def test_readme_opens_with_install_and_test_commands() -> None:
    install, test = readme_commands()
    assert "pip install ." in install
    assert install.rstrip().endswith("thinktwice-review")
    assert '.[test]' in test
    assert "pytest" in test


def test_ci_runs_the_readme_test_command() -> None:
    _, test = readme_commands()
    command = test.split(" && ", 1)[1]  # after the apt-get step, which CI does as root without sudo
    assert command in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_one_list_of_debian_packages() -> None:
    """README's install command names exactly the packages in the list; its test command and CI install the list."""
    names = debian_list()
    assert len(names) == len(set(names)), "packaging/debian-packages.txt lists a package twice"
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9.+-]+", name) for name in names)
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1", "libpulse0", "python3-venv"} <= set(names)
    install, test = readme_commands()
    assert apt_packages(install) == names
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    ci_apt = next(line for line in ci.splitlines() if "apt-get install" in line)
    from_list = "$(cat packaging/debian-packages.txt)"
    assert test.startswith(f"sudo apt-get install -y {from_list} ")
    assert f"--no-install-recommends {from_list} " in ci_apt
    assert set(apt_packages(test)) <= set(apt_packages(ci_apt))  # and the tests' own extras


def test_declared_dependencies_cover_what_the_code_imports() -> None:
    """Every third-party package the shipped code imports is declared in pyproject (a clean install works)."""
    import ast
    import sys

    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8").lower()
    import_to_dist = {"cv2": "opencv-python-headless", "av": "av", "PySide6": "pyside6-essentials",
                      "faster_whisper": "faster-whisper", "sqlite_utils": "sqlite-utils", "reportlab": "reportlab",
                      "platformdirs": "platformdirs", "rapidfuzz": "rapidfuzz", "tqdm": "tqdm",
                      "ahocorasick": "pyahocorasick", "wordfreq": "wordfreq", "numpy": "faster-whisper",
                      "uharfbuzz": "uharfbuzz"}
    ours = {"reviewer", "transcribe", "reports", "ui", "assets", "tests", "benchmarks"}
    seen: set[str] = set()
    for package in ("reviewer", "transcribe", "reports", "ui", "assets"):
        for path in (REPO / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Import):
                    seen.update(alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                    seen.add(node.module.split(".")[0])
    third_party = {name for name in seen if name not in ours and name not in sys.stdlib_module_names}
    undeclared = {name for name in third_party if import_to_dist.get(name, name).lower() not in pyproject}
    assert not undeclared, f"imported but not declared in pyproject.toml: {sorted(undeclared)}"
