"""The import cache shrinks: a re-exported file drops its previous import, entries
unused for a month go, and a size budget drops the least recently used first."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from cchc_cli.measure.cache import BUDGET_ENV, MAX_AGE_DAYS, Cache
from tests.conftest import Invoke
from tests.measure.conftest import PERIOD, ROWS, write_export


def _kpi(cli: Invoke, plan: Path) -> None:
    run = cli(["--plan", plan, "kpi", *PERIOD, "--by", "procedure"])
    assert run.exit_code == 0, run.output


def _imports(plan: Path) -> Cache:
    return Cache.for_plan(plan)


def _parquets(cache: Cache) -> list[Path]:
    return sorted(cache.root.glob("*.parquet"))


def test_a_re_exported_file_drops_its_previous_import(cli: Invoke, measured_plan: Path) -> None:
    _kpi(cli, measured_plan)
    cache = _imports(measured_plan)
    first = _parquets(cache)
    assert len(first) == 1
    assert first[0].with_suffix(".names.json").exists()
    write_export(measured_plan, ROWS[:14])  # next month's export under the same name
    _kpi(cli, measured_plan)
    second = _parquets(cache)
    assert len(second) == 1
    assert second != first
    assert not first[0].with_suffix(".names.json").exists()  # what was kept beside it too
    assert len(list(cache.root.glob("report-*.json"))) == 1


def test_a_second_export_keeps_the_first(cli: Invoke, measured_plan: Path) -> None:
    _kpi(cli, measured_plan)
    write_export(measured_plan, ROWS[:3], name="hoso-2.csv")
    _kpi(cli, measured_plan)
    assert len(_parquets(_imports(measured_plan))) == 2


def test_old_and_over_budget_entries_go_but_not_those_in_use(
    cli: Invoke, measured_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _kpi(cli, measured_plan)
    cache = _imports(measured_plan)
    in_use = _parquets(cache)
    old = cache.root / ("a" * 40 + ".parquet")
    recent = cache.root / ("b" * 40 + ".parquet")
    leftover = cache.temp_dir / "import-dead.parquet"
    for path in (old, recent, leftover):
        path.write_bytes(b"x" * 1000)
    month_ago = time.time() - (MAX_AGE_DAYS + 1) * 86400
    os.utime(old, (month_ago, month_ago))
    os.utime(leftover, (month_ago, month_ago))
    _kpi(cli, measured_plan)
    assert not old.exists()
    assert not leftover.exists()
    assert recent.exists()  # within the default budget
    monkeypatch.setenv(BUDGET_ENV, "0")
    _kpi(cli, measured_plan)
    assert not recent.exists()
    assert _parquets(cache) == in_use  # what the run uses stays, whatever the budget
