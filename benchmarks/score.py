"""Benchmark of ``cchc score`` against ``cchc kpi`` on the same data.

Goal (scorecard issue): ``score`` on 1M rows within 1.2× of ``kpi`` on the same data.
Both run on the shipped plan with a generated export of ROWS dossiers (default 1M),
each in a fresh process, with the Parquet import already cached for both (a first
import is the kpi benchmark's subject), interleaved and repeated; the medians are
compared. ``score --by unit`` is timed too (one more grouping of the same pass).

Usage: python benchmarks/score.py [ROWS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # report.py, beside this script
from report import run, sample_plan

REPEAT = 5
PERIOD = ["--quarter", "Q2", "--as-of", "2024-07-05", "--format", "json"]


def main(rows: int) -> None:
    with tempfile.TemporaryDirectory(prefix="cchc-bench-score-") as folder:
        base = sample_plan(Path(folder), rows)
        commands = {
            "cchc kpi --quarter Q2": [*base, "kpi", *PERIOD],
            "cchc score --quarter Q2": [*base, "score", *PERIOD],
            "cchc score --quarter Q2 --by unit": [*base, "score", *PERIOD, "--by", "unit"],
        }
        first_import = run(commands["cchc kpi --quarter Q2"])
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(REPEAT):
            for name, command in commands.items():
                times[name].append(run(command))
        medians = {name: statistics.median(values) for name, values in times.items()}
        print(f"rows: {rows:,}  (first import by kpi: {first_import:.2f} s)")
        for name, seconds in medians.items():
            print(f"{name:<34} {seconds:6.2f} s (median of {REPEAT})")
        ratio = medians["cchc score --quarter Q2"] / medians["cchc kpi --quarter Q2"]
        verdict = "met" if ratio <= 1.2 else "NOT met"
        print(f"score / kpi = {ratio:.2f}x (goal <= 1.2x: {verdict})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000)
