"""A scorecard scheme holds together: its points add up, its measures exist, its
indicator ids are used once."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_cli.findings import Finding, quote
from cchc_cli.i18n import _
from cchc_cli.measure.formulas import FORMULAS, PLAN_FORMULAS
from cchc_cli.model.draft import PlanDraft
from cchc_cli.model.scorecard import Scorecard
from cchc_cli.suggest import did_you_mean

__all__ = ["check_scorecards", "known_measures"]


def known_measures(draft: PlanDraft) -> list[str]:
    """What an indicator's ``measure`` may name: built-in formulas, plan measures and the
    custom measures of the plan's dossier datasets."""
    customs = [m.id for dataset in draft.datasets for m in dataset.measures]
    return [*FORMULAS, *PLAN_FORMULAS, *customs]


def _points(total: float) -> str:
    return f"{total:g}"


def _check_one(card: Scorecard, known: list[str]) -> Iterator[Finding]:
    groups = sum(group.points for group in card.groups)
    if abs(groups - card.total) > 1e-9:
        listed = " + ".join(f"{g.id} {_points(g.points)}" for g in card.groups)
        yield Finding.error(
            "scorecard-points",
            _(
                "scorecard {id}: its groups add up to {points} points ({listed}), not the "
                "total of {total}; correct a group's points or the total"
            ).format(
                id=quote(card.id),
                points=_points(groups),
                listed=listed,
                total=_points(card.total),
            ),
            card.at("total"),
        )
    seen: dict[str, tuple[int, int]] = {}
    for g_index, group in enumerate(card.groups):
        inside = sum(indicator.points for indicator in group.indicators)
        if abs(inside - group.points) > 1e-9:
            yield Finding.error(
                "scorecard-points",
                _(
                    "group {group} of scorecard {id} is worth {points} points but its "
                    "indicators add up to {inside}; correct an indicator's points or the "
                    "group's"
                ).format(
                    group=quote(group.id),
                    id=quote(card.id),
                    points=_points(group.points),
                    inside=_points(inside),
                ),
                card.at("groups", g_index, "points"),
            )
        for i_index, indicator in enumerate(group.indicators):
            where = ("groups", g_index, "indicators", i_index)
            if indicator.id in seen:
                first_group, first_index = seen[indicator.id]
                yield Finding.error(
                    "duplicate-id",
                    _(
                        "duplicate indicator id {indicator} in scorecard {id}: already used "
                        "by indicator {number} of group {group}; give each indicator its own id"
                    ).format(
                        indicator=quote(indicator.id),
                        id=quote(card.id),
                        number=first_index + 1,
                        group=quote(card.groups[first_group].id),
                    ),
                    card.at(*where, "id"),
                )
            else:
                seen[indicator.id] = (g_index, i_index)
            if indicator.measure is not None and indicator.measure not in known:
                yield Finding.error(
                    "unknown-measure",
                    _(
                        "indicator {indicator} names the unknown measure {measure}{hint}; use "
                        "a built-in formula (cchc kpi lists them), a custom measure of a "
                        "dossiers dataset, or 'measurement:' for a figure kept by hand"
                    ).format(
                        indicator=quote(indicator.id),
                        measure=quote(indicator.measure),
                        hint=did_you_mean(indicator.measure, known),
                    ),
                    card.at(*where, "measure"),
                )


def check_scorecards(draft: PlanDraft) -> Iterator[Finding]:
    """Points add up (indicators to their group, groups to the total), every ``measure``
    is known (with "did you mean"), indicator ids are unique within a scheme."""
    if not draft.scorecards:
        return
    known = known_measures(draft)
    for card in draft.scorecards:
        yield from _check_one(card, known)
