"""The report texts the office writes: for a year of the plan, about its own areas."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_cli.findings import Finding, quote
from cchc_cli.i18n import _
from cchc_cli.model.draft import PlanDraft
from cchc_cli.suggest import did_you_mean

__all__ = ["check_report_narratives"]


def check_report_narratives(draft: PlanDraft) -> Iterator[Finding]:
    """Each report text names an area of the plan, for the plan's year."""
    areas = draft.ids("area")
    year = draft.meta.year if draft.meta is not None else None
    for narrative in draft.reports:
        if year is not None and not narrative.period.startswith(str(year)):
            yield Finding.error(
                "report-year",
                _(
                    "report text for {period} in a plan for {year}: write the period as "
                    "{year}-Q1…Q4, {year}-H1/H2 or {year}"
                ).format(period=narrative.period, year=year),
                narrative.at("period"),
            )
        for area in narrative.areas:
            if area not in areas:
                yield Finding.error(
                    "unknown-ref",
                    _(
                        "unknown area {area}{hint}; the report's part II has one part per "
                        "area of section III"
                    ).format(area=quote(area), hint=did_you_mean(area, areas)),
                    narrative.at("areas", area),
                    anchor="key",
                )
