"""The hand-kept measurement sheets say what the plan measures: each row's figures fit
together and name a target or a measure of the plan.

These sheets are small (a row per target and period), so ``cchc validate`` reads them
(CSV ones: workbooks and dossier exports are left to ``cchc kpi``). A sheet that cannot
be read at all is a finding too, so that CI catches it before the report is due.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cchc_cli.errors import UserError
from cchc_cli.findings import Finding, Level
from cchc_cli.i18n import _
from cchc_cli.model.draft import PlanDraft
from cchc_cli.suggest import did_you_mean

__all__ = ["check_measurement_rows"]


def _at(where: str) -> tuple[Path, int]:
    name, _, line = where.rpartition(":")
    return Path(name), int(line)


def check_measurement_rows(draft: PlanDraft, plan_dir: Path) -> Iterator[Finding]:
    """Rows whose numerator exceeds the denominator; rows naming nothing the plan has."""
    sheets = [dataset for dataset in draft.datasets if dataset.kind == "measurements"]
    if not sheets:
        return
    from cchc_cli.measure.importer import resolve_files
    from cchc_cli.measure.measurements import read_measurement_file
    from cchc_cli.measure.xlsx import XLSX_SUFFIXES

    names = {target.id for target in draft.targets} | {t.measure for t in draft.targets}
    names |= {
        indicator.measure_id
        for card in draft.scorecards
        for group in card.groups
        for indicator in group.indicators
    }
    rule = draft.calendar.period_rule if draft.calendar else "decree-09-2019"
    for dataset in sheets:
        try:
            files = resolve_files(dataset, plan_dir, None)
            rows = [
                row
                for path in files
                if path.suffix.lower() not in XLSX_SUFFIXES  # workbooks: left to cchc kpi
                for row in read_measurement_file(dataset, path, rule, None)
            ]
        except UserError as exc:
            yield Finding.error("dataset-file", exc.message, dataset.at("files"))
            continue
        for row in rows:
            file, line = _at(row.where)
            numerator, denominator = row.numerator, row.denominator
            if numerator is not None and denominator is not None and numerator > denominator:
                yield Finding(
                    Level.ERROR,
                    "measurement-row",
                    _(
                        "{target} {period}: numerator {numerator} exceeds the denominator "
                        "{denominator}; a share cannot be over 100%"
                    ).format(
                        target=row.target,
                        period=row.period.label,
                        numerator=f"{numerator:g}",
                        denominator=f"{denominator:g}",
                    ),
                    file=file,
                    line=line,
                    column=1,
                )
            if row.target not in names:
                yield Finding(
                    Level.WARNING,
                    "measurement-row",
                    _(
                        "'{target}' is no target id or measure of the plan{hint}; "
                        "the row is never used"
                    ).format(target=row.target, hint=did_you_mean(row.target, sorted(names))),
                    file=file,
                    line=line,
                    column=1,
                )
