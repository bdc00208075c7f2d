"""A scorecard scheme: groups of indicators, each worth points, scored against a target.

Decision 766/QĐ-TTg's service index is one such scheme (``plan/scorecards/qd766.yaml``):
the scheme is data, so a change of points or targets is a reviewed edit, not a release.
An indicator at or above its target earns its full points; below, ``points × value ÷
target`` (:mod:`cchc_cli.measure.scoring`). The cross-file rules — points adding up,
measures that exist, ids used once — are in :mod:`cchc_cli.checks.scorecards`.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field, model_validator

from cchc_cli.i18n import _
from cchc_cli.model.base import Id, StrictModel, Text
from cchc_cli.model.ids import IdKind
from cchc_cli.model.targets import MeasureId

__all__ = ["ScoreGroup", "ScoreIndicator", "Scorecard"]

Points = Annotated[float, Field(gt=0, le=1000)]
ScoreTarget = Annotated[float, Field(gt=0, le=100)]
"""Percent: above 0 (a target of 0 would divide by zero) and at most 100."""


class ScoreIndicator(StrictModel):
    """One indicator: its points, its target and where its value comes from."""

    id: Id
    title: Text
    points: Points
    target: ScoreTarget
    """The value (percent) at or above which the full points are earned."""
    measure: MeasureId | None = None
    """A built-in formula or a custom measure of a dossiers dataset (counted from the
    exports), or a plan measure such as ``plan_tasks_done_share``."""
    measurement: MeasureId | None = None
    """A figure kept by hand: rows of a ``measurements`` dataset naming this id."""
    source: Text
    """Where the indicator, its points and its target come from (document, article)."""

    @model_validator(mode="after")
    def _one_source_of_value(self) -> ScoreIndicator:
        if (self.measure is None) == (self.measurement is None):
            raise ValueError(
                _(
                    "give exactly one of 'measure' (counted from the exports) or "
                    "'measurement' (kept by hand in a measurements dataset)"
                )
            )
        return self

    @property
    def measure_id(self) -> str:
        return self.measure or self.measurement or ""


class ScoreGroup(StrictModel):
    """A group of indicators and the points it is worth."""

    id: Id
    title: Text
    points: Points
    source: Text
    indicators: Annotated[list[ScoreIndicator], Field(min_length=1)]


class Scorecard(StrictModel):
    """A scheme: its groups, its total and the document it follows."""

    id_kind: ClassVar[IdKind] = "scorecard"
    id_field: ClassVar[str] = "id"

    id: Id
    title: Text
    source: Text
    total: Points
    """What the points of every group add up to (100 for Decision 766)."""
    groups: Annotated[list[ScoreGroup], Field(min_length=1)]
