"""The layers import one way: renderers format results, they do not load or measure."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "cchc_cli"

FORBIDDEN = (
    "cchc_cli.loading",
    "cchc_cli.progress",
    "cchc_cli.measure",
    "cchc_cli.vcs",
    "cchc_cli.sources",
    "cchc_cli.cli",
)


def imports_of(path: Path) -> list[tuple[str, set[str]]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, {alias.name for alias in node.names}))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, set()) for alias in node.names)
    return found


def test_render_imports_nothing_that_loads_or_measures() -> None:
    wrong = []
    for path in sorted((PACKAGE / "render").rglob("*.py")):
        for module, names in imports_of(path):
            if module.startswith(FORBIDDEN):  # result types live in cchc_cli.results
                wrong.append(f"{path.name}: {module} {sorted(names)}")
    assert wrong == []


def test_services_never_print_or_use_typer() -> None:
    for path in sorted((PACKAGE / "services").rglob("*.py")):
        modules = {module for module, _ in imports_of(path)}
        assert not {m for m in modules if m.startswith(("typer", "rich", "cchc_cli.cli"))}, path
        assert not re.search(r"(?<![\w.])print\(", path.read_text(encoding="utf-8")), path
