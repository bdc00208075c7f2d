"""Benchmark of ``cchc report --format all`` against ``cchc kpi`` on the same data.

Goal (report issue): the whole report — every target for the period, the breakdown by
unit, the monthly trend, two charts, Markdown, HTML and Word — costs at most the
``cchc kpi`` time for the same data plus 1.5 s. Both run on the shipped plan with a
generated export of ROWS dossiers (default 1M), each in a fresh process, with the
Parquet import already cached for both (a first import is the kpi benchmark's
subject), interleaved and repeated; the medians are compared.

Usage: python benchmarks/report.py [ROWS]
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CCHC = [sys.executable, "-m", "cchc_cli"]
REPEAT = 3


def run(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - started


def sample_plan(work: Path, rows: int) -> list[str]:
    """A copy of the shipped plan in ``work`` with a generated export of ``rows``
    dossiers; returns the command line that runs cchc on it."""
    plan = work / "plan"
    shutil.copytree(ROOT / "plan", plan, ignore=shutil.ignore_patterns(".cchc", "data"))
    (plan / "data").mkdir()
    shutil.copy(ROOT / "plan" / "data" / "so-lieu-khac-2024.csv", plan / "data")
    base = [*CCHC, "--plan", str(plan)]
    run([*base, "sample-data", "--rows", str(rows), "--seed", "1", "-o", str(plan / "data")])
    return base


def main(rows: int) -> None:
    with tempfile.TemporaryDirectory(prefix="cchc-bench-report-") as folder:
        work = Path(folder)
        base = sample_plan(work, rows)
        kpi = [*base, "kpi", "--quarter", "Q2", "--as-of", "2024-07-05", "--format", "json"]
        out = work / "out"
        report = [
            *base,
            "report",
            "--quarter",
            "Q2",
            "--as-of",
            "2024-07-05",
            "--format",
            "all",
            "-o",
            str(out),
            "--force",
        ]
        first_import = run(kpi)  # the export is converted once; both reuse it
        kpi_times, report_times = [], []
        for _ in range(REPEAT):
            kpi_times.append(run(kpi))
            report_times.append(run(report))
        kpi_s, report_s = statistics.median(kpi_times), statistics.median(report_times)
        print(f"rows: {rows:,}  (first import by kpi: {first_import:.2f} s)")
        print(f"cchc kpi --quarter Q2:                 {kpi_s:6.2f} s (median of {REPEAT})")
        print(f"cchc report --quarter Q2 --format all: {report_s:6.2f} s (median of {REPEAT})")
        extra = report_s - kpi_s
        verdict = "met" if extra <= 1.5 else "NOT met"
        print(f"report - kpi = {extra:+.2f} s (goal <= +1.5 s: {verdict})")
        print("files:", ", ".join(sorted(path.name for path in out.iterdir())))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
