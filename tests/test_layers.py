"""The layers import one way: renderers format results, they do not load or measure."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "cchc_cli"

# Result types a renderer may name; everything else of these layers is off limits.
ALLOWED = {
    "cchc_cli.measure.attainment": {"TargetResult", "Figure"},
    "cchc_cli.measure.kpi": {"KpiResult", "BreakdownRow", "DatasetSummary"},
    "cchc_cli.measure.scoring": {"IndicatorScore", "Score", "ScoreResult", "GroupScore"},
}
FORBIDDEN = ("cchc_cli.loading", "cchc_cli.progress", "cchc_cli.measure", "cchc_cli.cli")


def imports_of(path: Path) -> list[tuple[str, set[str]]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.append((node.module, {alias.name for alias in node.names}))
        elif isinstance(node, ast.Import):
            found.extend((alias.name, set()) for alias in node.names)
    return found


def test_render_imports_only_result_types_from_the_lower_layers() -> None:
    wrong = []
    for path in sorted((PACKAGE / "render").rglob("*.py")):
        for module, names in imports_of(path):
            if not module.startswith(FORBIDDEN):
                continue
            if module in ALLOWED and names <= ALLOWED[module]:
                continue
            wrong.append(f"{path.name}: {module} {sorted(names)}")
    assert wrong == []


def test_services_never_print_or_use_typer() -> None:
    for path in sorted((PACKAGE / "services").rglob("*.py")):
        modules = {module for module, _ in imports_of(path)}
        assert not {m for m in modules if m.startswith(("typer", "rich", "cchc_cli.cli"))}, path
        assert not re.search(r"(?<![\w.])print\(", path.read_text(encoding="utf-8")), path
