"""Units: the offices, inspectorate, groups of schools and outside bodies the plan names."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field

from cchc_cli.model.base import Id, StrictModel, Text
from cchc_cli.model.ids import IdKind

__all__ = ["Responsibilities", "Unit", "UnitCode"]

UnitCode = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$", max_length=24)]
"""A short, stable unit code in capitals, e.g. ``VP``, ``TCCB``."""

UnitKind = Literal["office", "inspectorate", "group", "district", "external", "leadership"]


class Responsibilities(StrictModel):
    """A unit's duties from section V.2, verbatim, one item per dash in the document."""

    ref: Id
    """Numbering in the document, e.g. ``V.2.a``."""
    heading: Text
    """The heading as written, e.g. "Văn phòng Sở:"."""
    items: list[Text] = []
    """One entry per "-" item; sub-items ("+") stay inside their item's text."""


class Unit(StrictModel):
    """One unit that leads, coordinates, sends or receives something in the plan."""

    id_kind: ClassVar[IdKind] = "unit"
    id_field: ClassVar[str] = "code"

    code: UnitCode
    name: Text
    """Full Vietnamese name, e.g. "Phòng Tổ chức cán bộ"."""
    aliases: list[Text] = []
    """Other names the document uses for this unit (the annex abbreviates)."""
    kind: UnitKind
    """``office`` (a phòng of the Sở), ``inspectorate``, ``group`` (a set of units),
    ``district``, ``external`` (outside the Sở) or ``leadership``."""
    responsibilities: Responsibilities | None = None
