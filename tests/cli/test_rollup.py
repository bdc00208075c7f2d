"""§5: `cchc rollup`: unit plans added up — counts summed, never percentages averaged."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_PLAN, Invoke

PERIOD = ["--year", "2024", "--as-of", "2025-01-10"]


def _unit(root: Path, name: str, rows: int | None = None) -> Path:
    plan = root / name
    shutil.copytree(SHIPPED_PLAN, plan)
    meta = plan / "plan.yaml"
    meta.write_text(
        meta.read_text(encoding="utf-8").replace('short_name: "Sở GDĐT"', f'short_name: "{name}"'),
        encoding="utf-8",
    )
    if rows is not None:
        export = plan / "data" / "ho-so-tthc.csv"
        lines = export.read_text(encoding="utf-8-sig").splitlines(keepends=True)
        export.write_text("".join(lines[: rows + 1]), encoding="utf-8")
    return plan


def _kpi(cli: Invoke, plan: Path) -> dict[str, dict[str, object]]:
    run = cli(["kpi", "--plan", plan, *PERIOD, "--format", "json"])
    assert run.exit_code == 0, run.output
    return {item["target"]: item for item in json.loads(run.stdout)["targets"]}


def test_dossier_measures_are_summed_exactly(cli: Invoke, tmp_path: Path) -> None:
    first, second = _unit(tmp_path, "TCCB"), _unit(tmp_path, "VP", rows=1000)
    run = cli(["rollup", first, second, *PERIOD, "--format", "json"])
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    assert data["units"] == ["TCCB", "VP"]
    assert data["missing"] == []
    one, two = _kpi(cli, first), _kpi(cli, second)
    rows = {row["target"]: row for row in data["targets"]}
    on_time = rows["II.6:on_time_rate"]
    numerator = one["II.6:on_time_rate"]["numerator"] + two["II.6:on_time_rate"]["numerator"]
    denominator = one["II.6:on_time_rate"]["denominator"] + two["II.6:on_time_rate"]["denominator"]
    assert on_time["total"]["numerator"] == numerator
    assert on_time["total"]["denominator"] == denominator
    assert on_time["total"]["value"] == round(100 * numerator / denominator, 2)
    assert one["II.6:on_time_rate"]["denominator"] != two["II.6:on_time_rate"]["denominator"]
    assert [unit["unit"] for unit in on_time["units"]] == ["TCCB", "VP"]
    iso = rows["II.10:iso_9001_2015"]
    assert iso["qualitative"] is True
    assert iso["total"] is None
    assert all("ISO 9001:2015" in unit["evidence"] for unit in iso["units"])
    assert rows["PL.9:eid_verified_share"]["total"]["value"] is None  # % without counts
    assert data["progress"][0] == {
        "unit": "TCCB",
        "plan": "hp-sgddt-cchc-2024",
        "tasks": {"not_started": 19},
    }


def test_text_and_md_show_one_table_per_target(cli: Invoke, tmp_path: Path) -> None:
    first, second = _unit(tmp_path, "TCCB"), _unit(tmp_path, "VP", rows=1000)
    text = cli(["rollup", first, second, *PERIOD]).stdout
    assert "II.6:on_time_rate (on_time_rate, > 95%)" in text
    assert "  total " in text
    assert "PL.9:eid_verified_share" in text
    assert "cannot be added" in text
    md = cli(["rollup", first, second, *PERIOD, "--format", "md"]).stdout
    assert "#### II.6:on\\_time\\_rate (on\\_time\\_rate, \\> 95%)" in md
    assert "| unit | numerator | denominator | value |" in md


def test_a_unit_without_data_is_missing(cli: Invoke, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    assert cli(["init", empty, "--unit", "PGD", "--year", "2024"]).exit_code == 0
    run = cli(["rollup", _unit(tmp_path, "TCCB"), empty / "plan", *PERIOD])
    assert run.exit_code == 0, run.output
    assert "missing (no data for the period): PGD" in run.stdout
    assert "  PGD: no tasks" in run.stdout


def test_plans_of_different_years(cli: Invoke, tmp_path: Path) -> None:
    for name, year in (("a", "2024"), ("b", "2025")):
        assert cli(["init", tmp_path / name, "--unit", name.upper(), "--year", year]).exit_code == 0
    run = cli(["rollup", tmp_path / "a" / "plan", tmp_path / "b" / "plan"])
    assert run.exit_code == 2
    assert (
        f"the plans are for different years: {tmp_path / 'a' / 'plan'} (2024), "
        f"{tmp_path / 'b' / 'plan'} (2025)"
    ) in run.stderr


def test_the_same_unit_twice(cli: Invoke, tmp_path: Path) -> None:
    first, second = _unit(tmp_path, "TCCB"), tmp_path / "copy"
    shutil.copytree(first, second)
    run = cli(["rollup", first, second, *PERIOD])
    assert run.exit_code == 2
    assert f"unit TCCB is given twice: {first} and {second}" in run.stderr
    assert "hint: pass each unit's plan once" in run.stderr


def test_an_invalid_unit_plan_exits_1(cli: Invoke, tmp_path: Path, minimal_plan: Path) -> None:
    (minimal_plan / "tasks.yaml").write_text("tasks: [\n", encoding="utf-8")
    run = cli(["rollup", minimal_plan])
    assert run.exit_code == 1
    assert "is not valid" in run.stderr


def test_the_readme_example_is_real(
    cli: Invoke, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.test_readme import console_example

    _unit(tmp_path, "TCCB")
    _unit(tmp_path, "VP", rows=1000)
    (tmp_path / "TCCB").rename(tmp_path / "tccb")
    (tmp_path / "VP").rename(tmp_path / "vp")
    monkeypatch.chdir(tmp_path)
    command = "cchc --lang en rollup tccb vp --year 2024 --as-of 2025-01-10"
    run = cli(command.split()[1:])
    assert run.exit_code == 0, run.output
    position = 0
    for chunk in console_example(command).split("\n…\n"):
        found = run.stdout.find(chunk, position)
        assert found >= 0, chunk
        position = found + len(chunk)
