"""Reading every dataset of a plan into what the formulas count (:class:`Measures`).

Dossier files are prepared first (found, sniffed, checked against the column mapping),
so that a missing column or a wrong delimiter is reported before anything heavy runs
and the engine can be opened knowing exactly which files it may read.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cchc_cli.measure.cache import Cache
from cchc_cli.measure.cube import build_cube
from cchc_cli.measure.engine import connect
from cchc_cli.measure.hygiene import inspect_dataset, report_entry
from cchc_cli.measure.importer import (
    PreparedFile,
    import_file,
    prepare_file,
    procedure_names,
    resolve_files,
)
from cchc_cli.measure.kpi import Measures
from cchc_cli.measure.measurements import read_measurements
from cchc_cli.model.datasets import Dataset
from cchc_cli.model.plan import Plan

__all__ = ["load_measures"]


def _dossier_datasets(plan: Plan, data: Sequence[Path]) -> list[tuple[Dataset, list[Path] | None]]:
    datasets = [dataset for dataset in plan.datasets if dataset.kind == "dossiers"]
    if not data:
        return [(dataset, None) for dataset in datasets]
    if not datasets:  # --data without a declared dataset: canonical headers, built-in words
        datasets = [Dataset(id="data", kind="dossiers", files=["(--data)"])]
    return [(datasets[0], list(data))]


def load_measures(
    plan: Plan,
    plan_dir: Path,
    group_keys: Sequence[str],
    data: Sequence[Path],
    *,
    every_reject: bool = False,
) -> Measures:
    measures = Measures(tasks=list(plan.tasks))
    cache = Cache.for_plan(plan_dir)
    rule = plan.calendar.period_rule
    for dataset in plan.datasets:
        if dataset.kind == "measurements":
            files = resolve_files(dataset, plan_dir, None)
            measures.rows.extend(read_measurements(dataset, files, rule, cache))
            measures.row_files.extend(files)
    prepared: list[tuple[Dataset, list[PreparedFile]]] = []
    for dataset, override in _dossier_datasets(plan, data):
        files = resolve_files(dataset, plan_dir, override)
        prepared.append((dataset, [prepare_file(dataset, path, cache) for path in files]))
    if not prepared:
        return measures
    readable = [item.text for _, items in prepared for item in items]
    con = connect(readable, cache.root, cache.temp_dir)
    used: dict[Path, list[Path]] = {}
    try:
        for dataset, waiting in prepared:
            pairs = [import_file(con, dataset, item, cache) for item in waiting]
            items = [item for item, _ in pairs]
            imported = [done for _, done in pairs]
            columns = {
                name: getattr(dataset.columns, name) or name
                for name in type(dataset.columns).model_fields
            }
            report = inspect_dataset(
                con,
                dataset.id,
                prepared=items,
                imported=imported,
                cache=cache,
                columns=columns,
                every=every_reject,
            )
            measures.reports.append(report)
            cube = build_cube(
                con,
                [str(item.parquet) for item in imported],
                report.skipped,
                group_keys,
                dataset.measures,
            )
            if "procedure" in group_keys:
                cube.labels["procedure"] = {
                    code: name
                    for item in items
                    for code, name in procedure_names(con, item).items()
                }
            measures.cubes.append((dataset, cube))
            report_path = report_entry(cache, imported)
            for item in items:
                kept = [report_path, *([item.parquet] if item.parquet else [])]
                used[item.source] = kept + ([item.text] if item.text != item.source else [])
    finally:
        con.close()
    cache.evict(used)
    return measures
