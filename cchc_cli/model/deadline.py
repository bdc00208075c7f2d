"""When something is due, as written in the document and in parsed form.

The model only *holds* a deadline; what a deadline means on a given day (working
days, "before" vs "by", recurring reporting dates) is decided by ``cchc_cli.schedule``.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import Field, model_validator

from cchc_cli.i18n import _
from cchc_cli.model.base import IsoDate, StrictModel
from cchc_cli.model.terms import Frequency

__all__ = ["Deadline", "Recurrence"]

PeriodName = Annotated[str, Field(pattern=r"^(M(1[0-2]|[1-9])|Q[1-4]|H[12]|Y)$")]


class Recurrence(StrictModel):
    """A deadline that repeats every period, e.g. "before day 10 of the quarter's last month"."""

    frequency: Frequency
    """How often: ``monthly``, ``quarterly``, ``half_yearly`` or ``yearly``."""
    periods: list[PeriodName] | None = None
    """Periods of the year covered (``Q1``, ``H1``, ``M3``, ``Y``); every period when unset."""
    day: Annotated[int, Field(ge=1, le=31)] | Literal["last"]
    """Day of the month on which (or before which) it is due; ``last``: the month's last
    day (for "hàng tháng" with no day given)."""
    month: Literal["first", "last"] | Annotated[int, Field(ge=1, le=12)] = "last"
    """Month of the period in which it is due: ``first``, ``last`` or a month number (1-12)."""
    relation: Literal["before", "by"] = "before"
    """``before``: due strictly before that day; ``by``: on that day at the latest."""


class Deadline(StrictModel):
    """Exactly one of ``before``, ``by``, ``window`` or ``recurring``, plus the text as written."""

    text: str | None = None
    """The time exactly as the document writes it, e.g. "Trước ngày 25/1/2024"."""
    before: IsoDate | None = None
    """Due strictly before this day: the last allowed day is the day before."""
    by: IsoDate | None = None
    """Due on this day at the latest (inclusive)."""
    window: Annotated[list[IsoDate], Field(min_length=2, max_length=2)] | None = None
    """``[start, end]``, both inclusive: work that runs over a period (e.g. "Cả năm 2024")."""
    recurring: Recurrence | None = None
    """A deadline that repeats every period (reports)."""

    @model_validator(mode="after")
    def _exactly_one_kind(self) -> Deadline:
        given = [name for name in ("before", "by", "window", "recurring") if getattr(self, name)]
        if len(given) != 1:
            found = ", ".join(given) if given else "none"
            raise ValueError(
                _(
                    "a deadline needs exactly one of 'before', 'by', 'window' or 'recurring' "
                    "(found: {found})"
                ).format(found=found)
            )
        if self.window is not None and self.window[0] > self.window[1]:
            raise ValueError(
                _("window starts after it ends ({start} > {end})").format(
                    start=self.window[0], end=self.window[1]
                )
            )
        return self

    @property
    def kind(self) -> Literal["before", "by", "window", "recurring"]:
        if self.before is not None:
            return "before"
        if self.by is not None:
            return "by"
        if self.window is not None:
            return "window"
        return "recurring"

    def fixed_dates(self) -> list[date]:
        """The calendar dates written in this deadline (none for a recurring one)."""
        if self.before is not None:
            return [self.before]
        if self.by is not None:
            return [self.by]
        if self.window is not None:
            return list(self.window)
        return []
