"""Calendar settings kept in the plan: period rule and per-year day-off overrides.

Public holidays come from a library; what the government announces each year
(swapped days, compensatory days off) is data and lives here.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, model_validator

from cchc_cli.i18n import _
from cchc_cli.model.base import IsoDate, StrictModel, Text
from cchc_cli.model.terms import PeriodRule

__all__ = ["CalendarConfig", "CalendarOverride"]


class CalendarOverride(StrictModel):
    """A day (``date``) or a range (``start``..``end``) that is off, or worked, by decision."""

    date: IsoDate | None = None
    start: IsoDate | None = None
    end: IsoDate | None = None
    kind: Literal["day_off", "working_day"]
    reason: Text
    source: str | None = None
    """The announcement that decided it, e.g. a Thông báo number."""

    @model_validator(mode="after")
    def _one_day_or_range(self) -> CalendarOverride:
        if self.date is not None and (self.start is not None or self.end is not None):
            raise ValueError(_("give either 'date' or 'start' and 'end', not both"))
        if self.date is None and (self.start is None or self.end is None):
            raise ValueError(_("give 'date' for one day, or both 'start' and 'end' for a range"))
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError(
                _("range starts after it ends ({start} > {end})").format(
                    start=self.start, end=self.end
                )
            )
        return self

    def days(self) -> list[dt.date]:
        """Every date this override covers."""
        if self.date is not None:
            return [self.date]
        if self.start is None or self.end is None:  # excluded by the validator
            return []
        return [
            self.start + dt.timedelta(days=offset)
            for offset in range((self.end - self.start).days + 1)
        ]


class CalendarConfig(StrictModel):
    """How dates are counted for this plan."""

    country: Literal["VN"] = "VN"
    timezone: str = "Asia/Ho_Chi_Minh"
    period_rule: PeriodRule = "decree-09-2019"
    due_soon_days: Annotated[int, Field(ge=0, le=366)] = 14
    """A deadline within this many days is "due soon"."""
    overrides: list[CalendarOverride] = []
