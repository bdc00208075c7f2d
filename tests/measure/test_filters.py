"""The filter grammar: parsing, SQL with parameters only, located refusals."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cchc_cli.measure.filter_sql import compile_filter
from cchc_cli.measure.filters import FilterError, parse_filter
from tests.conftest import Invoke
from tests.measure.conftest import DATASET, PERIOD


@pytest.mark.parametrize(
    ("text", "sql", "params"),
    [
        ("channel = 'online_full'", 'COALESCE("channel" = ?, FALSE)', ["online_full"]),
        ("resolved_at <= due_at", 'COALESCE("resolved_at" <= "due_at", FALSE)', []),
        (
            "rating >= 4 and not digitized",
            '(COALESCE("rating" >= ?, FALSE) AND (NOT COALESCE("digitized", FALSE)))',
            [4],
        ),
        (
            "unit in ('VP', \"TCCB\") or rating is empty",
            '(COALESCE("unit" IN (?, ?), FALSE) OR ("rating" IS NULL))',
            ["VP", "TCCB"],
        ),
        ("received_at >= '2024-01-01'", 'COALESCE("received_at" >= ?, FALSE)', [date(2024, 1, 1)]),
        (
            "NOT (fee_required = true) AND unit NOT IN ('VP')",
            '((NOT COALESCE("fee_required" = ?, FALSE)) AND COALESCE("unit" NOT IN (?), FALSE))',
            [True, "VP"],
        ),
        ("resolved_at is not empty", '("resolved_at" IS NOT NULL)', []),
    ],
)
def test_compiles_to_parameterised_sql(text: str, sql: str, params: list[object]) -> None:
    assert compile_filter(parse_filter(text)) == (sql, params)


def test_injection_in_a_value_stays_a_value() -> None:
    sql, params = compile_filter(parse_filter("unit = 'x''; DROP TABLE t; --'"))
    assert sql == 'COALESCE("unit" = ?, FALSE)'
    assert params == ["x'; DROP TABLE t; --"]


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        ("x'; DROP TABLE dossiers", "the text opened by ' here is never closed", 1),
        ("unit = x and digitized", "'x' is not a field; write a value in quotes", 7),
        ("read_csv('/etc/passwd')", "'read_csv' is not a field, and filters call no functions", 0),
        ("dossier_id = 'X'", "'dossier_id' cannot be used in a filter", 0),
        ("procedure_name = 'X'", "filter on procedure_code", 0),
        ("unit = 'VP'; DROP TABLE t", "unexpected character ';'", 11),
        ("rating >= ", "expected a value for 'rating'", 10),
        ("rating >= 7", "'rating' is a whole number from 1 to 5", 10),
        (
            "channel = 'online'",
            "'channel' is one of direct, online_partial, online_full, postal",
            10,
        ),
        ("chanel = 'direct'", "unknown field 'chanel' (did you mean 'channel'?)", 0),
        ("(digitized", "expected ')' to close the parenthesis", 10),
        ("digitized > true", "'digitized' can only be compared with = or !=", 10),
        ("due_at < rating", "cannot compare 'due_at' (date) with 'rating' (rating)", 9),
        ("unit = 'VP", "the text opened by ' here is never closed", 7),
        ("", "the filter is empty", 0),
    ],
)
def test_refused_with_a_position(text: str, message: str, position: int) -> None:
    with pytest.raises(FilterError) as caught:
        parse_filter(text)
    assert message in str(caught.value)
    assert caught.value.position == position


MEASURE = """\
    measures:
      - id: online_share
        title: "Tỷ lệ hồ sơ trực tuyến"
        good: {good}
"""


def _with_measure(plan: Path, good: str) -> None:
    (plan / "datasets.yaml").write_text(DATASET + MEASURE.format(good=good), encoding="utf-8")


@pytest.mark.parametrize(
    ("good", "message"),
    [
        ("\"channel in ('online_partial', 'online_full'\"", "expected ',' or ')'"),
        ("\"chanel = 'direct'\"", "unknown field 'chanel' (did you mean 'channel'?)"),
        ('"x\'; DROP TABLE dossiers"', "the text opened by ' here is never closed"),
        ("\"read_csv('/etc/passwd')\"", "filters call no functions"),
    ],
)
def test_a_bad_filter_is_a_located_validation_error(
    cli: Invoke, measured_plan: Path, good: str, message: str
) -> None:
    _with_measure(measured_plan, good)
    run = cli(["validate", "--plan", measured_plan, "--format", "json"])
    assert run.exit_code == 1
    (finding,) = [f for f in json.loads(run.stdout) if f["level"] == "error"]
    assert finding["file"].endswith("datasets.yaml")
    assert (finding["line"], finding["column"]) == (8, 15)
    assert message in finding["message"]
    kpi = cli(["--plan", measured_plan, "kpi", *PERIOD])
    assert kpi.exit_code == 1
    assert "Traceback" not in kpi.output


def test_custom_measure_counts_with_a_literal_injection(cli: Invoke, measured_plan: Path) -> None:
    _with_measure(measured_plan, "\"channel in ('online_partial', 'online_full')\"")
    text = (measured_plan / "datasets.yaml").read_text(encoding="utf-8")
    text += (
        "      - id: odd_unit\n        title: x\n"
        "        good: \"unit = 'VP''; DROP TABLE t; --'\"\n"
    )
    (measured_plan / "datasets.yaml").write_text(text, encoding="utf-8")
    run = cli(["--plan", measured_plan, "kpi", *PERIOD, "--format", "json"])
    assert run.exit_code == 0, run.output
    measures = json.loads(run.stdout)["measures"]
    # received in the period: 14; partly or fully online: D01 D03 D04 D08 D10 D12 D18 D19
    assert (measures["online_share"]["numerator"], measures["online_share"]["denominator"]) == (
        8,
        14,
    )
    assert measures["odd_unit"]["numerator"] == 0


def test_a_bad_filter_is_explained_in_vietnamese(cli: Invoke, measured_plan: Path) -> None:
    _with_measure(measured_plan, "\"chanel = 'direct'\"")
    run = cli(["--lang", "vi", "validate", "--plan", measured_plan])
    assert run.exit_code == 1
    assert "không có trường 'chanel'" in run.output
    assert "tại ký tự thứ 1 của bộ lọc: ⟨đây⟩chanel = 'direct'" in run.output


def test_an_edited_custom_measure_is_counted_again(cli: Invoke, measured_plan: Path) -> None:
    """The daily counts are cached with the measures' definitions in their key."""
    figures = []
    for channel in ("online_full", "online_partial", "online_full"):
        _with_measure(measured_plan, f"\"channel = '{channel}'\"")
        run = cli(["--plan", measured_plan, "kpi", *PERIOD, "--format", "json"])
        assert run.exit_code == 0, run.output
        share = json.loads(run.stdout)["measures"]["online_share"]
        figures.append((share["numerator"], share["denominator"]))
    # received in the period: 14; online_full: D01 D04 D08 D10 D18 D19; partly: D03 D12
    assert figures == [(6, 14), (2, 14), (6, 14)]
