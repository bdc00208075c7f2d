"""Bad schemes and bad options of `cchc score`: each a located message and an exit code."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Invoke
from tests.measure.conftest import HEADER, PERIOD, write_export
from tests.measure.test_score import SCHEME


def write_scheme(plan: Path, text: str) -> Path:
    path = plan / "scorecards.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "    total: 100",
            "    total: 90",
            "scorecards.yaml:5:12: [error] scorecard-points: scorecard 'test': its groups add "
            "up to 100 points (progress 40 + online 30 + other 30), not the total of 90",
        ),
        (
            "points: 30, target: 90,",
            "points: 25, target: 90,",
            "scorecards.yaml:9:17: [error] scorecard-points: group 'progress' of scorecard "
            "'test' is worth 40 points but its indicators add up to 35",
        ),
        (
            "measure: online_payment_share",
            "measure: online_payment_shar",
            "[error] unknown-measure: indicator 'payment' names the unknown measure "
            "'online_payment_shar' (did you mean 'online_payment_share'?)",
        ),
        (
            "target: 90,",
            "target: 0,",
            "scorecards.yaml:12:66: [error] schema-range: 'target' must be > 0, got 0",
        ),
        (
            "target: 90,",
            "target: 120,",
            "scorecards.yaml:12:66: [error] schema-range: 'target' must be ≤ 100 (a "
            "percentage), got 120",
        ),
        ("{id: early,", "{id: on_time,", "duplicate indicator id 'on_time'"),
    ],
)
def test_a_bad_scheme_is_a_located_finding(
    cli: Invoke, measured_plan: Path, old: str, new: str, message: str
) -> None:
    assert old in SCHEME
    write_scheme(measured_plan, SCHEME.replace(old, new, 1))
    run = cli(["--plan", measured_plan, "validate"])
    assert run.exit_code == 1
    assert message in run.stdout
    scored = cli(["--plan", measured_plan, "score", *PERIOD])
    assert scored.exit_code == 1
    assert "is not valid" in scored.stderr
    assert "Traceback" not in scored.output


def test_a_missing_scheme_file(cli: Invoke, measured_plan: Path, tmp_path: Path) -> None:
    run = cli(["--plan", measured_plan, "score", *PERIOD, "--scheme", tmp_path / "no.yaml"])
    assert run.exit_code == 2
    assert "no.yaml: the file does not exist" in run.stderr
    assert "hint: name a YAML file with a 'scorecards:' section" in run.stderr


def test_a_scheme_file_outside_the_plan_is_read_and_validated(
    cli: Invoke, measured_plan: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "other.yaml"
    outside.write_text(SCHEME, encoding="utf-8")
    run = cli(["--plan", measured_plan, "score", *PERIOD, "--scheme", outside])
    assert run.exit_code == 0, run.output
    assert "Total: 73.11 of 100 points" in run.stdout
    outside.write_text(SCHEME.replace("total: 100", "total: 99"), encoding="utf-8")
    bad = cli(["--plan", measured_plan, "score", *PERIOD, "--scheme", outside])
    assert bad.exit_code == 1


def test_no_scheme_and_a_bad_by(cli: Invoke, measured_plan: Path) -> None:
    run = cli(["--plan", measured_plan, "score", *PERIOD])
    assert run.exit_code == 2
    assert "the plan holds no scorecard scheme" in run.stderr
    write_scheme(measured_plan, SCHEME)
    bad = cli(["--plan", measured_plan, "score", *PERIOD, "--by", "units"])
    assert bad.exit_code == 2
    assert "--by 'units' is not one of: unit, month (did you mean 'unit'?)" in bad.stderr


def test_an_export_mostly_invalid_is_not_scored_as_if_it_were_right(
    cli: Invoke, measured_plan: Path
) -> None:
    write_scheme(measured_plan, SCHEME)
    # Every receipt date is 31 February: each row is set aside.
    rows = [f"X{n},P1,Cấp bản sao,VP,2024-02-31,2024-03-10,2024-03-05,direct,,,," for n in range(5)]
    write_export(measured_plan, rows, header=HEADER)
    run = cli(["--plan", measured_plan, "score", *PERIOD])
    assert run.exit_code == 1
    assert "set aside as invalid" in run.stderr
    assert "Traceback" not in run.output
