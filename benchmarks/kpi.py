"""Benchmark of ``cchc kpi`` against DuckDB's raw parse of the same export.

Three parts, each printing figures measured in this run, each command in its own process
with its peak memory (RSS), the runs of one size interleaved and the median taken:

* scaling (default; sizes as arguments, default 1M 3M 10M 30M rows): for each size,
  ``cchc sample-data`` writes the export, then, per round, the raw parse
  (``SELECT min(COLUMNS(*)) FROM read_csv(file)``), a first ``cchc kpi --format json
  --by quarter --by unit`` with an empty cache, and the same command again (cached);
* ``--year``: a year of monthly exports (12 files x 1M rows, Dec-Nov) imported, then a
  13th month added: ``kpi`` then costs (ratio) that file's import alone plus the cached
  twelve;
* ``--parquet N [DIR]``: N exports of 10M rows imported once, then ``kpi`` counting
  over all of them from the cached Parquet (the daily counts dropped before each run),
  and a rerun with the counts cached: time and memory.

Goals (issue 10): first run on 10M rows <= 1.25x raw parse, peak <= 400 MB, cached <=
0.5x first; the 13th month <= 1.2x its import plus the cached rest.

Usage: python benchmarks/kpi.py [--runs N] [ROWS ...] | --year | --parquet N [KEEP_DIR]
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cchc_cli.measure.sample import SampleSpec, write_sample  # noqa: E402

CCHC = [sys.executable, "-m", "cchc_cli"]
MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
    "r.returncode)"
)


def _office_units() -> tuple[str, ...]:
    """The names ``cchc sample-data`` writes for the shipped plan (its offices)."""
    from cchc_cli.loading import require_plan

    found, _ = require_plan(ROOT / "plan")
    return tuple(unit.name for unit in found.units if unit.kind == "office")


UNITS = _office_units()


def timed(command: list[str], cache: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one command in a fresh process, cache at ``cache``."""
    env = {**os.environ, "CCHC_CACHE_DIR": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"failed: {' '.join(command)}")
    return float(out[0]), int(out[1]) / 1024


def make_plan(work: Path) -> Path:
    plan = work / "plan"
    shutil.copytree(ROOT / "plan", plan, ignore=shutil.ignore_patterns(".cchc", "ho-so-*.csv"))
    return plan


def kpi(plan: Path) -> list[str]:
    return [
        *CCHC,
        "--plan",
        str(plan),
        "kpi",
        "--year",
        "2024",
        "--format",
        "json",
        "--by",
        "quarter",
        "--by",
        "unit",
    ]


def raw(export: Path) -> list[str]:
    sql = f"SELECT min(COLUMNS(*)) FROM read_csv('{export}')"
    return [sys.executable, "-c", f"import duckdb; duckdb.sql({sql!r}).fetchall()"]


def median(values: list[float]) -> float:
    return statistics.median(values)


def scaling(rows: int, work: Path, runs: int) -> dict[str, float]:
    plan = make_plan(work)
    export = write_sample(SampleSpec(rows, 1, UNITS), plan / "data")
    columns: dict[str, list[tuple[float, float]]] = {"raw": [], "first": [], "cached": []}
    for round_ in range(runs):
        cache = work / f"cache-{round_}"
        columns["raw"].append(timed(raw(export), cache))
        columns["first"].append(timed(kpi(plan), cache))
        columns["cached"].append(timed(kpi(plan), cache))
        shutil.rmtree(cache)
    figures = {
        "rows": rows,
        "file_mb": export.stat().st_size / 2**20,
        **{f"{name}_s": median([s for s, _ in runs_]) for name, runs_ in columns.items()},
        **{f"{name}_mb": max(mb for _, mb in runs_) for name, runs_ in columns.items()},
    }
    figures["ratio"] = figures["first_s"] / figures["raw_s"]
    figures["cached_ratio"] = figures["cached_s"] / figures["first_s"]
    return figures


def print_scaling(sizes: list[int], runs: int) -> None:
    print(
        f"{'rows':>11} {'file MB':>8} {'raw s':>7} {'first s':>8} {'ratio':>6} "
        f"{'cached s':>9} {'cached/first':>12} {'peak MB':>8} {'raw MB':>7}",
        flush=True,
    )
    for rows in sizes:
        with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
            f = scaling(rows, Path(tmp), runs if rows <= 10_000_000 else 1)
        print(
            f"{rows:>11,} {f['file_mb']:>8,.0f} {f['raw_s']:>7.2f} {f['first_s']:>8.2f} "
            f"{f['ratio']:>5.2f}x {f['cached_s']:>9.2f} {f['cached_ratio']:>11.2f}x "
            f"{max(f['first_mb'], f['cached_mb']):>8.0f} {f['raw_mb']:>7.0f}",
            flush=True,
        )


def _month(index: int) -> tuple[date, int]:
    """First day and length of the ``index``-th month from December 2023."""
    year, month = 2023 + (11 + index) // 12, (11 + index) % 12 + 1
    after = date(year + month // 12, month % 12 + 1, 1)
    first = date(year, month, 1)
    return first, (after - first).days


def year(runs: int, rows: int = 1_000_000) -> None:
    with tempfile.TemporaryDirectory(prefix="cchc-bench-year-") as tmp:
        work = Path(tmp)
        plan, single = make_plan(work / "year"), make_plan(work / "one")
        for index in range(13):
            first, days = _month(index)
            spec = SampleSpec(rows, index + 1, UNITS, first, days, first_number=index * rows)
            target = plan / "data" if index < 12 else work / "new"
            write_sample(spec, target, f"ho-so-{first:%Y-%m}.csv")
        thirteenth = next((work / "new").glob("*.csv"))
        (single / "data").mkdir(exist_ok=True)
        shutil.copy(thirteenth, single / "data")
        twelve = work / "cache-12"
        twelve_s, _ = timed(kpi(plan), twelve)  # imports the twelve months once
        results: dict[str, list[tuple[float, float]]] = {"13th": [], "alone": [], "rest": []}
        for round_ in range(runs):
            cache = work / f"cache-{round_}"
            shutil.copytree(twelve, cache)
            results["rest"].append(timed(kpi(plan), cache))
            shutil.copy(thirteenth, plan / "data")
            results["13th"].append(timed(kpi(plan), cache))
            (plan / "data" / thirteenth.name).unlink()
            results["alone"].append(timed(kpi(single), work / f"cache-one-{round_}"))
            shutil.rmtree(cache)
            shutil.rmtree(work / f"cache-one-{round_}")
        med = {name: median([s for s, _ in values]) for name, values in results.items()}
        peak = max(mb for values in results.values() for _, mb in values)
        print(
            f"year of monthly exports (12 x {rows:,} rows, imported once in {twelve_s:.1f} s): "
            f"+13th month {med['13th']:.2f} s; its import alone {med['alone']:.2f} s + cached "
            f"twelve {med['rest']:.2f} s = {med['alone'] + med['rest']:.2f} s; ratio "
            f"{med['13th'] / (med['alone'] + med['rest']):.2f}x (goal <= 1.2x); peak {peak:.0f} MB",
            flush=True,
        )


def parquet(exports: int, keep: Path | None, rows: int = 10_000_000) -> None:
    """``keep``: work there and leave the files (a second call measures again, no import)."""
    with tempfile.TemporaryDirectory(prefix="cchc-bench-parquet-") as tmp:
        work = keep or Path(tmp)
        plan = work / "plan"
        if not plan.exists():
            make_plan(work)
        for index in range(exports):
            if not (plan / "data" / f"ho-so-{index:02d}.csv").exists():
                spec = SampleSpec(rows, index + 1, UNITS, first_number=index * rows)
                write_sample(spec, plan / "data", f"ho-so-{index:02d}.csv")
        cache = work / "cache"
        first = "already imported"
        if not cache.exists():
            first_s, first_mb = timed(kpi(plan), cache)
            first = f"first run (import all) {first_s:.1f} s, peak {first_mb:.0f} MB"
        counting, rerun = [], []
        for _ in range(3):
            for counts in cache.glob("cube-*.json"):  # count from the Parquet again
                counts.unlink()
            counting.append(timed(kpi(plan), cache))
            rerun.append(timed(kpi(plan), cache))
        parquet_mb = sum(path.stat().st_size for path in cache.rglob("*.parquet")) / 2**20
        print(
            f"{exports * rows:,} rows in {exports} exports: {first}; kpi counting over the "
            f"{parquet_mb:,.0f} MB of Parquet: {median([s for s, _ in counting]):.2f} s, peak "
            f"{max(mb for _, mb in counting):.0f} MB; rerun (counts cached) "
            f"{median([s for s, _ in rerun]):.2f} s, peak {max(mb for _, mb in rerun):.0f} MB",
            flush=True,
        )


def main() -> None:
    args = sys.argv[1:]
    runs = 3
    if "--runs" in args:
        at = args.index("--runs")
        runs = int(args[at + 1])
        del args[at : at + 2]
    if args[:1] == ["--year"]:
        year(runs)
    elif args[:1] == ["--parquet"]:
        parquet(int(args[1]), Path(args[2]) if len(args) > 2 else None)
    else:
        sizes = [int(arg) for arg in args] or [1_000_000, 3_000_000, 10_000_000, 30_000_000]
        print_scaling(sizes, runs)


if __name__ == "__main__":
    main()
