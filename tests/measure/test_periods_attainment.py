"""Period bounds under both rules; error budget, projection and status."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_cli.errors import UserError
from cchc_cli.measure.attainment import error_budget, judge, project_year_end
from cchc_cli.measure.periods import named_period, parse_period_label, select_period
from cchc_cli.model.targets import Target
from cchc_cli.model.terms import PeriodRule
from cchc_cli.results.measures import Figure


@pytest.mark.parametrize(
    ("rule", "name", "bounds"),
    [
        ("decree-09-2019", "Q2", (date(2024, 3, 15), date(2024, 6, 14))),
        ("decree-09-2019", "H1", (date(2023, 12, 15), date(2024, 6, 14))),
        ("decree-09-2019", "Y", (date(2023, 12, 15), date(2024, 12, 14))),
        ("calendar", "Q2", (date(2024, 4, 1), date(2024, 6, 30))),
        ("calendar", "Y", (date(2024, 1, 1), date(2024, 12, 31))),
    ],
)
def test_measured_periods_follow_the_plan_rule(
    rule: PeriodRule, name: str, bounds: tuple[date, date]
) -> None:
    period = named_period(rule, 2024, name)
    assert (period.start, period.end) == bounds


def test_select_period_options() -> None:
    q2 = select_period("calendar", 2024, quarter="Q2", ytd=True)
    assert (q2.start, q2.end) == (date(2024, 1, 1), date(2024, 6, 30))
    assert select_period("decree-09-2019", 2024, half="H2").start == date(2024, 6, 15)
    with pytest.raises(UserError, match="--from and --to go together"):
        select_period("calendar", 2024, start=date(2024, 1, 1))
    assert parse_period_label("calendar", "2024-06").end == date(2024, 6, 30)
    with pytest.raises(ValueError, match="is not a period"):
        parse_period_label("calendar", "Q7/2024")


@pytest.mark.parametrize(
    ("numerator", "denominator", "op", "threshold", "budget"),
    [
        (960, 1000, ">=", 95, 10),  # 960/1010 = 95.05%, 960/1011 = 94.96%
        (960, 1000, ">", 95, 10),  # 960/1010 = 95.049% > 95
        (950, 1000, ">=", 95, 0),
        (100, 100, "=", 100, 0),
        (940, 1000, ">=", 95, None),  # already missed: no budget
        (10, 10, ">=", 0, None),
    ],
)
def test_error_budget(
    numerator: int, denominator: int, op: str, threshold: float, budget: int | None
) -> None:
    assert error_budget(numerator, denominator, op, threshold) == budget


def _target(op: str = ">=", value: float = 90) -> Target:
    return Target(
        id="T:on_time_rate",
        ref="T",
        text="x",
        measure="on_time_rate",
        op=op,
        value=value,
        unit="percent",
        period=2024,
    )  # type: ignore[arg-type]


def test_status_met_missed_no_data_and_at_risk() -> None:
    period = select_period("calendar", 2024)
    late = date(2025, 1, 5)
    assert (
        judge(
            _target(), Figure.ratio(95, 100, "f"), period=period, as_of=late, rule="calendar"
        ).status
        == "met"
    )
    assert (
        judge(
            _target(), Figure.ratio(85, 100, "f"), period=period, as_of=late, rule="calendar"
        ).status
        == "missed"
    )
    zero = judge(_target(), Figure.ratio(0, 0, "f"), period=period, as_of=late, rule="calendar")
    assert (zero.status, zero.value, zero.met) == ("no_data", None, None)
    assert judge(_target(), None, period=period, as_of=late, rule="calendar").status == "no_data"
    q1 = select_period("calendar", 2024, quarter="Q1")
    falling = [Figure.ratio(r, 100, "f") for r in (99, 95, 91)]
    risky = judge(
        _target(),
        Figure.ratio(285, 300, "f"),
        period=q1,
        as_of=late,
        rule="calendar",
        monthly=lambda: (falling, Figure.ratio(285, 300, "f"), 9),
    )
    assert risky.status == "at_risk"
    assert risky.projection is not None
    assert risky.projection < 90
    spent = judge(
        _target("=", 100), Figure.ratio(50, 50, "f"), period=q1, as_of=late, rule="calendar"
    )
    assert (spent.status, spent.error_budget) == ("at_risk", 0)


def test_projection_needs_three_months() -> None:
    assert project_year_end([Figure.ratio(9, 10, "f")], Figure.ratio(9, 10, "f"), 11) is None
