"""Model rules that do not need a file: deadlines, targets, calendar overrides, dates."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from cchc_cli.model import CalendarOverride, Deadline, Target
from cchc_cli.model.base import parse_iso_date


def test_iso_dates() -> None:
    assert parse_iso_date("2024-02-29") == date(2024, 2, 29)
    with pytest.raises(ValueError, match="write it as 2024-01-25"):
        parse_iso_date("25/1/2024")
    with pytest.raises(ValueError, match="not a real calendar date"):
        parse_iso_date("2023-02-29")


def test_deadline_needs_exactly_one_kind() -> None:
    assert Deadline.model_validate({"before": "2024-01-25"}).kind == "before"
    assert Deadline.model_validate({"window": ["2024-01-01", "2024-12-31"]}).fixed_dates() == [
        date(2024, 1, 1),
        date(2024, 12, 31),
    ]
    with pytest.raises(ValidationError, match="exactly one of"):
        Deadline.model_validate({"text": "Cả năm 2024"})
    with pytest.raises(ValidationError, match="window starts after it ends"):
        Deadline.model_validate({"window": ["2024-12-31", "2024-01-01"]})


def target(**changes: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "II.6:on_time_rate",
        "ref": "II.6",
        "text": "đạt trên 95%",
        "measure": "on_time_rate",
        "op": ">",
        "value": 95,
        "unit": "percent",
        "period": 2024,
    }
    return {**base, **changes}


def test_targets() -> None:
    assert Target.model_validate(target()).threshold_text == "> 95%"
    with pytest.raises(ValidationError, match="cannot exceed 100"):
        Target.model_validate(target(value=120))
    with pytest.raises(ValidationError, match="needs 'op', 'value' and 'unit'"):
        Target.model_validate(target(op=None))
    qualitative = target(kind="qualitative", op=None, value=None, unit=None, measure="iso_9001")
    assert Target.model_validate(qualitative).threshold_text == "qualitative"
    with pytest.raises(ValidationError, match="has no 'op' or 'value'"):
        Target.model_validate({**qualitative, "value": 1})


def test_calendar_override_days() -> None:
    span = CalendarOverride.model_validate(
        {"start": "2024-08-31", "end": "2024-09-03", "kind": "day_off", "reason": "Quốc khánh"}
    )
    assert len(span.days()) == 4
    with pytest.raises(ValidationError, match="not both"):
        CalendarOverride.model_validate(
            {
                "date": "2024-05-04",
                "start": "2024-05-04",
                "end": "2024-05-04",
                "kind": "day_off",
                "reason": "x",
            }
        )
