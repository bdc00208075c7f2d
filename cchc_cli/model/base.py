"""Shared building blocks of the plan models.

Every model is strict (``extra="forbid"``, no silent coercion). Dates arrive from
YAML as *strings* (the loader does not resolve timestamps) and are parsed here, so
that a bad date becomes a located validation error with a helpful message instead
of an exception raised deep inside the YAML library.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr

from cchc_cli.dates import countable_date, parse_iso_date

__all__ = [
    "ID_PATTERN",
    "Accepted",
    "Id",
    "IsoDate",
    "NonEmptyStr",
    "Origin",
    "Percent",
    "StrictModel",
    "Text",
    "parse_iso_date",
]

IsoDate = Annotated[date, BeforeValidator(parse_iso_date), AfterValidator(countable_date)]
"""A calendar date written ``YYYY-MM-DD`` in YAML, between 1901 and 2099."""

ID_PATTERN = r"^[A-Za-z0-9ĐđÀ-ỹ][A-Za-z0-9ĐđÀ-ỹ._:/#-]*$"
Id = Annotated[str, Field(pattern=ID_PATTERN, min_length=1, max_length=80)]
"""A stable identifier: letters (Vietnamese ones too), digits and ``. _ : / # -``."""

NonEmptyStr = Annotated[str, Field(min_length=1)]
Text = Annotated[str, Field(min_length=1)]
"""Verbatim Vietnamese text from the signed document."""

Percent = Annotated[float, Field(ge=0, le=100)]

FindingCode = Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$", max_length=64)]
Accepted = dict[FindingCode, Annotated[str, Field(min_length=1)]]
"""Warnings the plan acknowledges on one item: finding code → the reason, e.g.
``accepted: {conflicting-targets: "the signed plan sets both; …"}``.

One reason *per finding code* rather than one per item: accepting the known
contradiction of a target must not silence a different warning about the same target
that appears later. ``cchc validate`` counts accepted warnings in its summary instead of
printing them (``--show-accepted`` prints them); only warnings can be accepted, and an
entry that matches no current warning of the item is itself a warning
(``accepted-unused``), so stale acknowledgements do not pile up."""


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a model instance came from: a plan file and the path inside it."""

    file: Path
    path: tuple[str | int, ...]

    def child(self, *parts: str | int) -> Origin:
        return Origin(self.file, (*self.path, *parts))


class StrictModel(BaseModel):
    """Base of every plan model: unknown fields are errors, types are not coerced."""

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        frozen=False,
        validate_default=False,
        str_strip_whitespace=False,
        use_attribute_docstrings=True,
    )

    _origin: Origin | None = PrivateAttr(default=None)

    @property
    def origin(self) -> Origin | None:
        """The file and YAML path this item was read from, when read from a file."""
        return self._origin

    def at(self, *parts: str | int) -> Origin | None:
        """The origin of one of this item's fields (for locating findings)."""
        return None if self._origin is None else self._origin.child(*parts)
