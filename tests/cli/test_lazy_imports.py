"""Speed by design: what `cchc status` on an unchanged plan must not import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import SHIPPED_PLAN

PROBE = """
import json, sys
from cchc_cli.cli import app
try:
    app(sys.argv[1:], prog_name="cchc")
except SystemExit:
    pass
heavy = ("holidays", "icalendar", "ruamel", "yaml", "cchc_cli.model.", "cchc_cli.loading.plan_",
         "duckdb", "pydantic", "jinja2", "matplotlib", "docx")
light = ("cchc_cli.model.terms",)  # the shared terms: stdlib only
found = {m for m in sys.modules if m.startswith(heavy) and m not in light}
print(json.dumps(sorted(found)), file=sys.stderr)
"""


def imported(args: list[str], cache: Path) -> list[str]:
    env = {**os.environ, "CCHC_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    env.pop("CCHC_NO_CACHE", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], env=env, capture_output=True, text=True, check=True
    )
    return list(json.loads(done.stderr.strip().splitlines()[-1]))


def test_status_on_an_unchanged_plan_needs_no_parser_models_or_holidays(tmp_path: Path) -> None:
    args = ["status", "--plan", str(SHIPPED_PLAN), "--as-of", "2024-03-05"]
    first = imported(args, tmp_path)
    assert "holidays" in first
    assert "cchc_cli.model.plan" in first
    assert "duckdb" in first  # the shipped plan's targets are measured from plan/data
    assert imported(args, tmp_path) == []  # plan, data and day unchanged: all from the cache


def test_version_imports_nothing_heavy(tmp_path: Path) -> None:
    assert imported(["--version"], tmp_path) == []
