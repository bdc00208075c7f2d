"""Daily counts: one query per anchor date over the imported Parquet, summed per period.

Every component of every formula (and of every custom measure) is counted per group
(unit, procedure…) and per day of its anchor date, in one aggregate query per anchor
with a ``FILTER`` clause per component. Any period — a quarter under Decree 09/2019, a
calendar month, the year to date — is then a difference of two running totals, so a
breakdown by month or quarter costs no further pass over the data.

The counts are kept in the user cache (``cchc_cli.cache``, entries ``cube-*``), keyed by
the imported files (named by their content), the rows left out, the ``--by`` keys and
the SQL of every component — built-in formulas and the plan's custom measures alike — so
a rerun on unchanged exports and measures counts nothing again, and an edited custom
measure is counted afresh.
"""

from __future__ import annotations

import hashlib
import json
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from cchc_cli.i18n import _
from cchc_cli.measure.cache import digest_of
from cchc_cli.measure.engine import run
from cchc_cli.measure.filter_sql import compile_filter
from cchc_cli.measure.filters import parse_filter
from cchc_cli.measure.formulas import ANCHOR_DAY, COMPONENTS, Anchor
from cchc_cli.model.datasets import CustomMeasure

if TYPE_CHECKING:
    import duckdb

__all__ = ["GROUP_COLUMNS", "Cube", "build_cube", "custom_components"]

GROUP_COLUMNS = {"unit": "unit", "procedure": "procedure_code"}
"""``--by`` keys that group rows (time keys — month, quarter — are cut from the days)."""

Key = tuple[str | None, ...]


def custom_components(measure: CustomMeasure) -> dict[str, tuple[Anchor, str, list[object]]]:
    """The two components of a custom measure: (anchor, SQL predicate, parameters)."""
    anchor: Anchor = {"received_at": "received", "resolved_at": "resolved"}.get(
        measure.period_field, "due"
    )  # type: ignore[assignment]
    total_sql, total_params = "TRUE", list[object]()
    if measure.total is not None:
        total_sql, compiled = compile_filter(parse_filter(measure.total))
        total_params = list(compiled)
    good_sql, good_params = compile_filter(parse_filter(measure.good))
    return {
        f"{measure.id}:total": (anchor, total_sql, list(total_params)),
        f"{measure.id}:good": (
            anchor,
            f"({total_sql}) AND ({good_sql})",
            [*total_params, *good_params],
        ),
    }


@dataclass
class _Series:
    days: list[date] = field(default_factory=list)
    running: list[list[int]] = field(default_factory=list)
    """``running[i][c]``: component ``c`` summed over ``days[0..i]``."""


@dataclass
class Cube:
    """Daily counts per anchor, group and component, as running totals."""

    keys: tuple[str, ...]
    components: dict[Anchor, list[str]]
    series: dict[Anchor, dict[Key, _Series]] = field(default_factory=dict)
    labels: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per group key, names to show beside codes (procedure code → name)."""

    def groups(self) -> list[Key]:
        found = {key for by_key in self.series.values() for key in by_key}
        return sorted(found, key=lambda key: tuple("" if part is None else part for part in key))

    def _upto(self, anchor: Anchor, component: str, day: date, group: Key | None) -> int:
        index = self.components[anchor].index(component)
        total = 0
        for key, series in self.series.get(anchor, {}).items():
            if group is not None and key != group:
                continue
            position = bisect_right(series.days, day)
            if position:
                total += series.running[position - 1][index]
        return total

    def total(self, component: str, start: date, end: date, group: Key | None = None) -> int:
        """``component`` over the days ``start..end``, in ``group`` (None: all groups)."""
        anchor = self.anchor_of(component)
        before = date.fromordinal(start.toordinal() - 1)
        return self._upto(anchor, component, end, group) - self._upto(
            anchor, component, before, group
        )

    def balance(self, opened: str, closed: str, end: date, group: Key | None = None) -> int:
        """Items opened and not yet closed at the end of ``end``."""
        return self._upto(self.anchor_of(opened), opened, end, group) - self._upto(
            self.anchor_of(closed), closed, end, group
        )

    def anchor_of(self, component: str) -> Anchor:
        for anchor, names in self.components.items():
            if component in names:
                return anchor
        raise KeyError(component)


def build_cube(
    con: duckdb.DuckDBPyConnection,
    parquets: Sequence[str],
    skipped: Sequence[tuple[str, int]],
    keys: Sequence[str],
    customs: Sequence[CustomMeasure],
) -> Cube:
    """Count every component per group and day, one aggregate query per anchor."""
    predicates: dict[Anchor, list[tuple[str, str, list[object]]]] = {}
    for name, component in COMPONENTS.items():
        predicates.setdefault(component.anchor, []).append((name, component.predicate, []))
    for measure in customs:
        for name, (anchor, sql, params) in custom_components(measure).items():
            predicates.setdefault(anchor, []).append((name, sql, params))
    cube = Cube(
        tuple(keys),
        {anchor: [name for name, _sql, _params in items] for anchor, items in predicates.items()},
    )
    entry = _entry_name(parquets, skipped, keys, predicates)
    kept = _load(entry, cube)
    if kept is not None:
        return kept
    group_sql = [GROUP_COLUMNS[key] for key in keys]
    source = "read_parquet(?, filename = true, file_row_number = true) AS p"
    valid = "problem = 0"
    source_params: list[object] = [list(parquets)]
    if skipped:
        # One statement, two list parameters: executemany() took seconds for thousands.
        con.execute(
            "CREATE OR REPLACE TEMP TABLE skipped AS "
            "SELECT unnest(?::VARCHAR[]) AS f, unnest(?::BIGINT[]) AS r",
            [[file for file, _row in skipped], [row for _file, row in skipped]],
        )
        # A hash anti-join on two plain columns: a third less work than a NOT IN over
        # (filename, row) pairs, which builds a struct per row.
        source += " ANTI JOIN skipped ON p.filename = skipped.f AND p.file_row_number = skipped.r"
    for anchor, items in predicates.items():
        day_sql, condition = ANCHOR_DAY[anchor]
        params = list[object]()
        counts = []
        for _name, sql, item_params in items:
            counts.append(f"count(*) FILTER (WHERE {sql})")
            params.extend(item_params)
        select = ", ".join([*group_sql, f"{day_sql} AS day", *counts])
        rows = run(
            con,
            f"SELECT {select} FROM {source} WHERE {valid} AND {condition} "
            f"GROUP BY ALL ORDER BY ALL",
            [*params, *source_params],
            label=_("counting ({anchor})").format(anchor=anchor),
        )
        by_key: dict[Key, _Series] = {}
        width = len(group_sql)
        for row in rows:
            key: Key = tuple(row[:width])
            series = by_key.setdefault(key, _Series())
            counts_row = [int(value) for value in row[width + 1 :]]
            previous = series.running[-1] if series.running else [0] * len(counts_row)
            series.days.append(row[width])
            series.running.append([a + b for a, b in zip(previous, counts_row, strict=True)])
        cube.series[anchor] = by_key
    _save(entry, cube)
    return cube


def _entry_name(
    parquets: Sequence[str],
    skipped: Sequence[tuple[str, int]],
    keys: Sequence[str],
    predicates: dict[Anchor, list[tuple[str, str, list[object]]]],
) -> str:
    left_out = hashlib.sha256(json.dumps(sorted(skipped)).encode()).hexdigest()
    components = [
        [anchor, ANCHOR_DAY[anchor], [[name, sql, params] for name, sql, params in items]]
        for anchor, items in predicates.items()
    ]
    return f"cube-{digest_of([list(parquets), left_out, list(keys), components])}.json"


def _save(entry: str, cube: Cube) -> None:
    from cchc_cli.cache import write_entry

    series = {
        anchor: [
            [list(key), [day.isoformat() for day in one.days], one.running]
            for key, one in by_key.items()
        ]
        for anchor, by_key in cube.series.items()
    }
    write_entry(entry, json.dumps({"components": cube.components, "series": series}))


def _load(entry: str, cube: Cube) -> Cube | None:
    """The cached counts of ``cube``'s components, or None (missing, or not what was saved)."""
    from cchc_cli.cache import read_json

    data = read_json(entry, dict)
    if data is None or data.get("components") != cube.components:
        return None
    if not isinstance(data.get("series"), dict) or set(data["series"]) != set(cube.components):
        return None
    try:
        for anchor, rows in data["series"].items():
            width = len(cube.components[anchor])
            by_key: dict[Key, _Series] = {}
            for key, days, running in rows:
                if len(key) != len(cube.keys) or len(days) != len(running):
                    return None
                if any(len(counts) != width for counts in running):
                    return None
                by_key[tuple(None if part is None else str(part) for part in key)] = _Series(
                    [date.fromisoformat(day) for day in days],
                    [[int(count) for count in counts] for counts in running],
                )
            cube.series[anchor] = by_key
    except (AttributeError, KeyError, TypeError, ValueError):
        cube.series = {}
        return None
    return cube
