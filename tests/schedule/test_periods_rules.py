"""Reporting periods (Decree 09/2019/NĐ-CP Art. 12, or calendar) and deadline kinds."""

from __future__ import annotations

from datetime import date

import pytest

from cchc_cli.schedule.periods import data_period, frequency_of, period_months
from cchc_cli.schedule.rules import DeadlineSpec, RecurrenceSpec, occurrences, rule_problems


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("Q1", date(2023, 12, 15), date(2024, 3, 14)),
        ("Q2", date(2024, 3, 15), date(2024, 6, 14)),
        ("Q4", date(2024, 9, 15), date(2024, 12, 14)),
        ("H1", date(2023, 12, 15), date(2024, 6, 14)),
        ("H2", date(2024, 6, 15), date(2024, 12, 14)),
        ("Y", date(2023, 12, 15), date(2024, 12, 14)),
        ("M1", date(2023, 12, 15), date(2024, 1, 14)),
        ("M7", date(2024, 6, 15), date(2024, 7, 14)),
    ],
)
def test_decree_09_2019_cuts_data_from_the_15th_to_the_14th(
    period: str, start: date, end: date
) -> None:
    cut = data_period(period, 2024, "decree-09-2019")
    assert (cut.start, cut.end) == (start, end)


@pytest.mark.parametrize(
    ("period", "start", "end"),
    [
        ("Q1", date(2024, 1, 1), date(2024, 3, 31)),
        ("Q2", date(2024, 4, 1), date(2024, 6, 30)),
        ("H2", date(2024, 7, 1), date(2024, 12, 31)),
        ("Y", date(2024, 1, 1), date(2024, 12, 31)),
        ("M2", date(2024, 2, 1), date(2024, 2, 29)),
    ],
)
def test_calendar_periods(period: str, start: date, end: date) -> None:
    cut = data_period(period, 2024, "calendar")
    assert (cut.start, cut.end) == (start, end)
    assert cut.text() == f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"


def test_period_names() -> None:
    assert period_months("Q3") == (7, 9)
    assert frequency_of("H2") == "half_yearly"
    assert frequency_of("Q5") is None


def test_before_means_the_day_before_is_the_last_day() -> None:
    [due] = occurrences(DeadlineSpec("before", "Trước ngày 25/1/2024", day=date(2024, 1, 25)), 2024)
    assert due.last_day == date(2024, 1, 24)
    assert due.text() == "before 25/01/2024"


def test_by_is_inclusive_and_a_window_is_due_at_its_end() -> None:
    [by] = occurrences(DeadlineSpec("by", day=date(2024, 6, 30)), 2024)
    assert by.last_day == date(2024, 6, 30)
    window = DeadlineSpec("window", start=date(2024, 1, 1), end=date(2024, 12, 31))
    [whole_year] = occurrences(window, 2024)
    assert (whole_year.start, whole_year.last_day) == (date(2024, 1, 1), date(2024, 12, 31))
    assert whole_year.text() == "01/01/2024–31/12/2024"


def quarterly(**changes: object) -> RecurrenceSpec:
    values: dict[str, object] = {
        "frequency": "quarterly",
        "periods": ("Q1", "Q3"),
        "day": 10,
        "month": "last",
        "relation": "before",
    }
    values.update(changes)
    return RecurrenceSpec(**values)  # type: ignore[arg-type]


def test_recurring_rule_unrolls_over_the_year() -> None:
    found = occurrences(DeadlineSpec("recurring", recurrence=quarterly()), 2024)
    assert [(o.period, o.day, o.last_day) for o in found] == [
        ("Q1", date(2024, 3, 10), date(2024, 3, 9)),
        ("Q3", date(2024, 9, 10), date(2024, 9, 9)),
    ]
    every = occurrences(DeadlineSpec("recurring", recurrence=quarterly(periods=None)), 2024)
    assert [o.period for o in every] == ["Q1", "Q2", "Q3", "Q4"]


def test_a_month_number_counts_within_the_period() -> None:
    annual = RecurrenceSpec("yearly", ("Y",), 10, 12, "before")
    [due] = occurrences(DeadlineSpec("recurring", recurrence=annual), 2024)
    assert due.day == date(2024, 12, 10)
    second = quarterly(month=2, periods=("Q2",), relation="by")
    [due] = occurrences(DeadlineSpec("recurring", recurrence=second), 2024)
    assert (due.day, due.last_day) == (date(2024, 5, 10), date(2024, 5, 10))


@pytest.mark.parametrize(
    ("rule", "year", "field", "message"),
    [
        (quarterly(day=31, periods=None), 2024, "day", "day 31 does not exist in June 2024"),
        (
            RecurrenceSpec("yearly", None, 29, 2, "by"),
            2025,
            "day",
            "day 29 does not exist in February 2025",
        ),
        (quarterly(periods=("Q1", "H1")), 2024, "periods", "period 'H1' is half-yearly"),
        (quarterly(month=4), 2024, "month", "month 4 of a quarterly period does not exist"),
    ],
)
def test_impossible_rules_are_explained(
    rule: RecurrenceSpec, year: int, field: str, message: str
) -> None:
    [(where, text)] = rule_problems(rule, year)
    assert where == field
    assert message in text


def test_the_shipped_rules_are_possible() -> None:
    assert rule_problems(quarterly(), 2024) == []
    assert rule_problems(RecurrenceSpec("yearly", None, 29, 2, "by"), 2024) == []
