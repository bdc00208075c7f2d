"""The working calendar: Vietnamese holidays, the plan's overrides, Civil Code counting."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pytest

from cchc_cli.schedule.holidays_vn import public_holidays
from cchc_cli.schedule.workcal import DayOverride, WorkingCalendar

SATURDAY_WORKED = DayOverride(date(2024, 5, 4), True, "Làm bù cho ngày nghỉ 29/4/2024")


@pytest.fixture(scope="module")
def calendar() -> WorkingCalendar:
    """2024 as the shipped plan sees it: library holidays + Saturday 4 May worked."""
    return WorkingCalendar(
        public_holidays([2023, 2024, 2025]), [SATURDAY_WORKED], years=[2023, 2024, 2025]
    )


def test_ten_working_days_from_monday_5_february_2024_end_on_26_february(
    calendar: WorkingCalendar,
) -> None:
    # Day 1 is Tuesday 6/2 (Art. 147); Tết 8-14/2 and two weekends are skipped.
    assert calendar.add_working_days(date(2024, 2, 5), 10) == date(2024, 2, 26)


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        (date(2024, 1, 1), "Tết Dương lịch"),
        (date(2024, 2, 8), "29 Tết"),
        (date(2024, 2, 14), "Mùng năm Tết Nguyên Đán"),
        (date(2024, 4, 18), "Giỗ Tổ Hùng Vương"),
        (date(2024, 4, 29), "Ngày nghỉ"),
        (date(2024, 4, 30), "Ngày Chiến thắng"),
        (date(2024, 5, 1), "Lao động"),
        (date(2024, 9, 2), "Quốc khánh"),
        (date(2024, 9, 3), "Quốc khánh"),
    ],
)
def test_the_2024_days_off_announced_by_the_government_are_known(
    calendar: WorkingCalendar, day: date, reason: str
) -> None:
    info = calendar.explain(day)
    assert not info.working
    assert info.holiday is not None
    assert reason in info.holiday


def test_31_august_and_1_september_2024_are_a_weekend(calendar: WorkingCalendar) -> None:
    assert [calendar.is_working_day(date(2024, 8, d)) for d in (30, 31)] == [True, False]
    assert not calendar.is_working_day(date(2024, 9, 1))
    assert calendar.next_working_day(date(2024, 8, 31)) == date(2024, 9, 4)


def test_a_make_up_saturday_is_worked_only_with_the_plan_override() -> None:
    holidays = public_holidays([2024])
    assert not WorkingCalendar(holidays, years=[2024]).is_working_day(date(2024, 5, 4))
    info = WorkingCalendar(holidays, [SATURDAY_WORKED], years=[2024]).explain(date(2024, 5, 4))
    assert info.working
    assert info.weekend
    assert info.reasons()[0].startswith("make-up working day in the plan's calendar")


def test_a_plan_day_off_on_a_weekday_is_not_worked() -> None:
    off = DayOverride(date(2024, 3, 5), False, "Nghỉ theo quyết định")
    calendar = WorkingCalendar({}, [off], years=[2024])
    assert not calendar.is_working_day(date(2024, 3, 5))
    assert calendar.explain(date(2024, 3, 5)).reasons() == [
        "day off in the plan's calendar: Nghỉ theo quyết định"
    ]


def test_the_day_of_receipt_is_not_counted(calendar: WorkingCalendar) -> None:
    # Civil Code 2015, Art. 147: received Friday, 1 working day -> Monday.
    assert calendar.add_working_days(date(2024, 3, 1), 1) == date(2024, 3, 4)
    # Received on a Saturday: day 1 is still the next working day.
    assert calendar.add_working_days(date(2024, 3, 2), 1) == date(2024, 3, 4)


def test_zero_days_end_on_the_day_or_the_next_working_day(calendar: WorkingCalendar) -> None:
    assert calendar.add_working_days(date(2024, 3, 5), 0) == date(2024, 3, 5)
    assert calendar.add_working_days(date(2024, 2, 10), 0) == date(2024, 2, 15)


def test_calendar_days_ending_on_a_day_off_move_to_the_next_working_day(
    calendar: WorkingCalendar,
) -> None:
    # Art. 148: 5 calendar days from Monday 2024-03-04 end on Saturday 9/3 -> Monday 11/3.
    assert calendar.add_calendar_days(date(2024, 3, 4), 5) == date(2024, 3, 11)
    # ... and on the worked Saturday 4 May 2024 they stay there.
    assert calendar.add_calendar_days(date(2024, 4, 26), 8) == date(2024, 5, 4)


def test_negative_periods_are_refused(calendar: WorkingCalendar) -> None:
    with pytest.raises(ValueError, match="cannot be negative"):
        calendar.add_working_days(date(2024, 3, 1), -1)
    with pytest.raises(ValueError, match="cannot be negative"):
        calendar.add_calendar_days(date(2024, 3, 1), -1)


def test_working_days_between_counts_after_start_up_to_end(calendar: WorkingCalendar) -> None:
    assert calendar.working_days_between(date(2024, 2, 5), date(2024, 2, 26)) == 10
    assert calendar.working_days_between(date(2024, 2, 26), date(2024, 2, 5)) == 0
    assert calendar.working_days_between(date(2024, 3, 4), date(2024, 3, 4)) == 0
    # across a year end: 2024-12-31 (Tue) and 2025-01-02, 2025-01-03 (1/1 is a holiday)
    assert calendar.working_days_between(date(2024, 12, 30), date(2025, 1, 3)) == 3


def test_years_not_held_are_fetched_once_when_needed() -> None:
    asked: list[list[int]] = []

    def fetch(years: Iterable[int]) -> dict[date, str]:
        asked.append(list(years))
        return {date(2031, 1, 1): "Tết Dương lịch"}

    calendar = WorkingCalendar({}, years=[2024], fetch=fetch)
    assert calendar.is_working_day(date(2024, 1, 1))  # 2024 is held (here: no holidays)
    assert not calendar.is_working_day(date(2031, 1, 1))
    assert calendar.is_working_day(date(2031, 1, 2))
    assert asked == [[2031]]
