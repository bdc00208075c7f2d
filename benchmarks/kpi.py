"""Benchmark of ``cchc kpi`` against DuckDB's raw parse of the same export.

For each size (default 1M and 10M rows): generate the export with ``cchc sample-data``
into a temporary directory, then time, each in its own process, with its peak memory:

* raw parse: ``SELECT min(COLUMNS(*)) FROM read_csv(file)`` in DuckDB;
* first run: ``cchc kpi --format json --by quarter --by unit`` (every built-in measure,
  by quarter and by unit) with an empty cache — parse, convert to Parquet, count;
* cached run: the same command again (the Parquet cache is reused).

Goals on 10M rows: first run <= 1.25x raw parse, peak <= 400 MB, cached <= 0.5x first.
Usage: python benchmarks/kpi.py [ROWS ...]
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CCHC = [sys.executable, "-m", "cchc_cli"]
MEASURE = (
    "import resource, subprocess, sys, time; t = time.perf_counter(); "
    "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
    "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
    "r.returncode)"
)


def timed(command: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one command in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", MEASURE, *command], capture_output=True, text=True, check=True
    ).stdout.split()
    if out[2] != "0":
        raise SystemExit(f"failed: {' '.join(command)}")
    return float(out[0]), int(out[1]) / 1024


def best(command: list[str], repeat: int) -> tuple[float, float]:
    runs = [timed(command) for _ in range(repeat)]
    return min(seconds for seconds, _ in runs), max(peak for _, peak in runs)


def bench(rows: int, work: Path) -> dict[str, float]:
    plan = work / "plan"
    shutil.copytree(ROOT / "plan", plan, ignore=shutil.ignore_patterns(".cchc", "data"))
    (plan / "data").mkdir()
    shutil.copy(ROOT / "plan" / "data" / "so-lieu-khac-2024.csv", plan / "data")
    started = time.perf_counter()
    subprocess.run(
        [
            *CCHC,
            "--plan",
            str(plan),
            "sample-data",
            "--rows",
            str(rows),
            "--seed",
            "1",
            "-o",
            str(plan / "data"),
        ],
        check=True,
        capture_output=True,
    )
    generated = time.perf_counter() - started
    export = plan / "data" / "ho-so-tthc.csv"
    raw_sql = f"SELECT min(COLUMNS(*)) FROM read_csv('{export}')"
    raw = [sys.executable, "-c", f"import duckdb; duckdb.sql({raw_sql!r}).fetchall()"]
    kpi = [
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
    repeat = 3 if rows <= 2_000_000 else 1
    raw_s, raw_mb = best(raw, repeat)
    first_runs = []
    for _ in range(repeat):
        shutil.rmtree(plan / ".cchc", ignore_errors=True)
        first_runs.append(timed(kpi))
    first_s = min(s for s, _ in first_runs)
    first_mb = max(m for _, m in first_runs)
    cached_s, cached_mb = best(kpi, repeat)
    result = json.loads(subprocess.run(kpi, capture_output=True, text=True, check=True).stdout)
    assert len(result["breakdown"]) > 0
    return {
        "rows": rows,
        "file_mb": export.stat().st_size / 2**20,
        "generate_s": generated,
        "raw_parse_s": raw_s,
        "raw_parse_peak_mb": raw_mb,
        "kpi_first_s": first_s,
        "kpi_first_peak_mb": first_mb,
        "kpi_cached_s": cached_s,
        "kpi_cached_peak_mb": cached_mb,
        "first_vs_raw": first_s / raw_s,
        "cached_vs_first": cached_s / first_s,
    }


def main() -> None:
    sizes = [int(arg) for arg in sys.argv[1:]] or [1_000_000, 10_000_000]
    for rows in sizes:
        with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
            figures = bench(rows, Path(tmp))
        print(
            f"{rows:>11,} rows ({figures['file_mb']:,.0f} MB, generated in "
            f"{figures['generate_s']:.1f} s): raw parse {figures['raw_parse_s']:.2f} s "
            f"({figures['raw_parse_peak_mb']:.0f} MB) | kpi first {figures['kpi_first_s']:.2f} s "
            f"({figures['kpi_first_peak_mb']:.0f} MB) = {figures['first_vs_raw']:.2f}x raw | "
            f"cached {figures['kpi_cached_s']:.2f} s ({figures['kpi_cached_peak_mb']:.0f} MB) = "
            f"{figures['cached_vs_first']:.2f}x first",
            flush=True,
        )


if __name__ == "__main__":
    main()
