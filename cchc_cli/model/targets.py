"""Targets (chỉ tiêu): measurable commitments of section II and of the annex rows."""

from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import Field, model_validator

from cchc_cli.i18n import _
from cchc_cli.model.base import Accepted, Id, StrictModel, Text
from cchc_cli.model.ids import IdKind

__all__ = ["MeasureId", "Operator", "Target"]

MeasureId = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
"""A measure in snake_case, e.g. ``on_time_rate``; formulas live in ``cchc_cli.measure``."""

Operator = Literal[">", ">=", "=", "<=", "<"]
TargetUnit = Literal["percent", "count", "days", "rank"]


class Target(StrictModel):
    """One commitment: a measure, a comparison and a threshold for a period.

    A *qualitative* target (ISO certification, keeping a ranking) has no threshold and
    is met by evidence.
    """

    id_kind: ClassVar[IdKind] = "target"
    id_field: ClassVar[str] = "id"

    id: Id
    """Unique id; by convention ``<ref>:<measure>``, e.g. ``II.6:on_time_rate``."""
    ref: Id
    """Numbering in the document: ``II.6``, ``PL.18``…"""
    text: Text
    """The sentence of the document that sets this target, verbatim."""
    measure: MeasureId
    kind: Literal["quantitative", "qualitative"] = "quantitative"
    op: Operator | None = None
    value: Annotated[float, Field(ge=0)] | None = None
    """Threshold; never negative."""
    unit: TargetUnit | None = None
    period: Annotated[int, Field(ge=2000, le=2100)]
    """The year the target applies to."""
    aspirational: bool = False
    """The document says "phấn đấu" (strive for): a stretch goal, not a firm commitment."""
    evidence: str | None = None
    """For a qualitative target: what shows it is met."""
    parent: Id | None = None
    """In a unit's plan: the id of the parent plan's target this one contributes to
    (checked by ``cchc validate --parent DIR``; a weaker threshold is a warning)."""
    note: str | None = None
    accepted: Accepted = {}
    """Warnings about this item the plan acknowledges, one reason per finding code, e.g.
    ``{conflicting-targets: "the signed plan sets both"}``. ``cchc validate`` counts them
    instead of printing them (``--show-accepted`` prints them); only warnings can be
    accepted, and an entry that matches no current warning is itself a warning."""

    @model_validator(mode="after")
    def _threshold_matches_kind(self) -> Target:
        if self.kind == "quantitative":
            missing = [name for name in ("op", "value", "unit") if getattr(self, name) is None]
            if missing:
                raise ValueError(
                    _(
                        "a quantitative target needs 'op', 'value' and 'unit' (missing: "
                        "{missing}); use kind: qualitative for one without"
                    ).format(missing=", ".join(missing))
                )
        elif self.op is not None or self.value is not None:
            raise ValueError(_("a qualitative target has no 'op' or 'value'; remove them"))
        if self.unit == "percent" and self.value is not None and self.value > 100:
            raise ValueError(
                _("a percentage cannot exceed 100 (value: {value})").format(value=f"{self.value:g}")
            )
        return self

    @property
    def threshold_text(self) -> str:
        """The comparison in a short human form, e.g. ``> 95%``."""
        if self.op is None or self.value is None:
            return "qualitative"
        suffix = "%" if self.unit == "percent" else f" {self.unit}"
        return f"{self.op} {self.value:g}{suffix}"
