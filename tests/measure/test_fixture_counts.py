"""The hand-checked 20-dossier export: numerators and denominators exactly."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.conftest import Invoke
from tests.measure.conftest import EXPECTED, PERIOD


def test_json_matches_the_hand_checked_fixture(cli: Invoke, measured_plan: Path) -> None:
    run = cli(["--plan", measured_plan, "kpi", *PERIOD, "--format", "json"])
    assert run.exit_code == 0, run.output
    data = json.loads(run.stdout)
    got = {name: (m["numerator"], m["denominator"]) for name, m in data["measures"].items()}
    assert got.pop("plan_tasks_done_share") == (0, 2)  # from the plan's tasks: none done
    assert got == EXPECTED
    assert data["measures"]["on_time_rate"]["value"] == 64.29
    report = data["datasets"][0]
    assert (report["rows"], report["used"], report["invalid"], report["duplicates"]) == (
        20,
        17,
        2,
        1,
    )
    assert [note["line"] for note in report["invalid_examples"]] == [17, 18]
    assert report["duplicate_examples"][0]["line"] == 16
    assert "same dossier number as line 3" in report["duplicate_examples"][0]["reason"]
    target = next(t for t in data["targets"] if t["target"] == "II.6:on_time_rate")
    assert (target["numerator"], target["denominator"], target["value"]) == (9, 14, 64.29)
    assert (target["op"], target["threshold"], target["met"], target["status"]) == (
        ">",
        95,
        False,
        "missed",
    )


def test_breakdown_by_unit_adds_up(cli: Invoke, measured_plan: Path) -> None:
    run = cli(["--plan", measured_plan, "kpi", *PERIOD, "--by", "unit", "--format", "json"])
    assert run.exit_code == 0, run.output
    rows = {row["keys"]["unit"]: row["measures"] for row in json.loads(run.stdout)["breakdown"]}
    assert set(rows) == {"VP", "TCCB"}
    for name, (numerator, denominator) in EXPECTED.items():
        assert sum(rows[unit][name]["numerator"] for unit in rows) == numerator
        assert sum(rows[unit][name]["denominator"] for unit in rows) == denominator


def test_strict_fails_on_rows_set_aside(cli: Invoke, measured_plan: Path) -> None:
    run = cli(["--plan", measured_plan, "kpi", *PERIOD, "--strict"])
    assert run.exit_code == 1
    assert "2 invalid, 1 duplicate row(s)" in run.stderr
    assert "Traceback" not in run.output


def imports() -> Path:
    """The import cache of this test (its private ``CCHC_CACHE_DIR``)."""
    import os

    return Path(os.environ["CCHC_CACHE_DIR"]) / "imports"


def test_second_run_reads_the_parquet_cache(cli: Invoke, measured_plan: Path) -> None:
    first = json.loads(cli(["--plan", measured_plan, "kpi", *PERIOD, "--format", "json"]).stdout)
    assert first["datasets"][0]["imported"] == 1
    parquet = list(imports().glob("*.parquet"))
    assert len(parquet) == 1
    second = json.loads(cli(["--plan", measured_plan, "kpi", *PERIOD, "--format", "json"]).stdout)
    assert second["datasets"][0]["imported"] == 0  # the CSV was not parsed again
    assert second["measures"] == first["measures"]
    assert second["datasets"][0]["duplicates"] == 1


def test_text_output_shows_every_target(cli: Invoke, measured_plan: Path) -> None:
    run = cli(["--plan", measured_plan, "kpi", *PERIOD])
    assert run.exit_code == 0, run.output
    for text in ("II.6", "64.29%", "missed"):
        assert text in run.stdout
    assert "data/hoso.csv:17: the receipt date is empty or not a date ('2024-02-31')" in run.stdout


def test_a_cache_planted_in_the_repository_is_never_read(
    cli: Invoke, measured_plan: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Whoever can write into the import cache (another user sharing it, a file copied
    in) cannot make cchc read it: only files named with this user's secret are read."""
    first = json.loads(cli(["--plan", measured_plan, "kpi", *PERIOD, "--format", "json"]).stdout)
    (parquet,) = imports().glob("*.parquet")
    monkeypatch.setenv("CCHC_CACHE", str(parquet.parent))  # the same import folder…
    export = next((measured_plan / "data").glob("*.csv"))
    assert not parquet.name.startswith(hashlib.sha256(export.read_bytes()).hexdigest()[:8])
    # …used by another user (another key), who finds the same files and does not trust them.
    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path / "someone-else"))
    from cchc_cli.cache import secret_key

    secret_key.cache_clear()  # read once per run: this in-process run is another user's
    parquet.write_bytes(b"PAR1 planted")
    again = json.loads(cli(["--plan", measured_plan, "kpi", *PERIOD, "--format", "json"]).stdout)
    assert again["datasets"][0]["imported"] == 1
    assert again["measures"] == first["measures"]
