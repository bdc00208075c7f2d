"""Statuses over time: missed only when the period is over or the threshold out of reach;
cumulative figures against the pro-rata share of the year; tasks as of a day."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_cli.errors import UserError
from cchc_cli.measure.attainment import judge
from cchc_cli.measure.kpi import measured_window
from cchc_cli.measure.periods import named_period
from cchc_cli.model.targets import Target
from cchc_cli.model.terms import Period
from cchc_cli.render.kpi_view import note_text
from cchc_cli.results.measures import Figure
from cchc_cli.schedule.history import status_on

YEAR = named_period("calendar", 2024, "Y")


def _target(measure: str, op: str, value: float) -> Target:
    return Target.model_validate(
        {
            "id": f"X:{measure}",
            "ref": "X",
            "text": "t",
            "measure": measure,
            "op": op,
            "value": value,
            "unit": "percent",
            "period": 2024,
        }
    )


def _status(target: Target, figure: Figure, as_of: date) -> tuple[str, str | None]:
    result = judge(target, figure, period=YEAR, as_of=as_of, rule="calendar")
    return result.status, note_text(result) or None


@pytest.mark.parametrize(
    ("figure", "as_of", "status", "note"),
    [
        # a rate below its threshold in April: at risk, not missed
        (Figure.ratio(90, 100, "formula"), date(2024, 4, 15), "at_risk", "below > 95% so far"),
        # the same after the year: missed
        (Figure.ratio(90, 100, "formula"), date(2025, 1, 10), "missed", None),
        # meeting it with room to spare: met
        (Figure.ratio(990, 1000, "formula"), date(2024, 4, 15), "met", None),
    ],
)
def test_rates_are_missed_only_once_the_period_is_over(
    figure: Figure, as_of: date, status: str, note: str | None
) -> None:
    found, said = _status(_target("on_time_rate", ">", 95), figure, as_of)
    assert found == status
    assert note is None or (said is not None and note in said)


def test_a_threshold_out_of_reach_is_missed_at_once() -> None:
    found, note = _status(
        _target("on_time_rate", "=", 100), Figure.ratio(99, 100, "formula"), date(2024, 4, 15)
    )
    assert found == "missed"
    assert note == "can no longer be reached: 1 of 100 already fall short of = 100%"
    result = judge(
        _target("on_time_rate", "=", 100),
        Figure.ratio(99, 100, "formula"),
        period=YEAR,
        as_of=date(2024, 4, 15),
        rule="calendar",
    )
    assert result.note is not None
    assert (result.note.code, result.note.short, result.note.of) == ("out_of_reach", 1, 100)
    found, _ = _status(
        _target("late_share", "<=", 0), Figure.ratio(1, 50, "formula"), date(2024, 2, 1)
    )
    assert found == "missed"


@pytest.mark.parametrize(
    ("numerator", "as_of", "status", "note"),
    [
        (3, date(2024, 5, 1), "at_risk", "behind: 8.33% with 33% of the year gone"),
        (3, date(2024, 3, 31), "met", "on course: 8.33% with 25% of the year gone"),
        (4, date(2024, 5, 1), "met", "on course: 11.11% with 33% of the year gone"),
        (12, date(2024, 4, 1), "met", None),
        (9, date(2025, 1, 10), "missed", None),
    ],
)
def test_cumulative_figures_compare_with_the_pro_rata_share(
    numerator: int, as_of: date, status: str, note: str | None
) -> None:
    target = _target("inspection_coverage", ">=", 30)
    found, said = _status(target, Figure.ratio(numerator, 36, "measurements"), as_of)
    assert found == status
    assert note is None or (said is not None and said.startswith(note))


def test_the_window_stops_at_the_as_of_day() -> None:
    assert measured_window(YEAR, date(2024, 4, 15)) == Period(YEAR.start, date(2024, 4, 15), "2024")
    assert measured_window(YEAR, date(2025, 1, 1)) == YEAR
    with pytest.raises(UserError, match="before the period 2024 starts"):
        measured_window(YEAR, date(2023, 6, 1))


def test_a_task_stands_as_its_updates_left_it() -> None:
    steps = [(date(2024, 1, 5), "in_progress", 40.0), (date(2024, 1, 22), "done", 100.0)]
    assert status_on("done", steps, date(2024, 1, 10)) == ("in_progress", 40.0)
    assert status_on("done", steps, date(2024, 1, 22)) == ("done", 100.0)
    assert status_on("done", steps, date(2024, 1, 1)) == ("not_started", None)
    assert status_on("cancelled", [], date(2024, 1, 1)) == ("cancelled", None)
