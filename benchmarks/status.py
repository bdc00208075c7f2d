"""How long `cchc status` takes on the shipped plan, against importing its libraries.

Run: .venv/bin/python benchmarks/status.py [--runs N]

Prints the median wall time of, in the same run:

* baseline — `python -c "import typer, rich, pydantic, ruamel.yaml"`;
* floor    — an empty Typer command with the same options as `cchc status` (Typer 0.29
             builds a pydantic TypeAdapter for every option on each invocation: the
             framework's own cost, which no command can go below);
* status   — `cchc status` on the shipped plan, plan view cached (the usual case);
* cold     — `cchc status` after the plan changed (parse, validate, holidays).

Goal (issue 3): status ≤ 1.3 × baseline.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plan"
GOAL = 1.3

FLOOR = """
from pathlib import Path
from typing import Annotated, Literal
import typer
from rich.console import Console
from rich.table import Table
app = typer.Typer()
@app.callback()
def root(plan: Annotated[Path | None, typer.Option()] = None, no_color: bool = False) -> None:
    pass
@app.command()
def status(
    plan: Annotated[Path | None, typer.Option()] = None,
    as_of: Annotated[str | None, typer.Option()] = None,
    unit: Annotated[str | None, typer.Option()] = None,
    fmt: Annotated[Literal["text", "json"], typer.Option("--format")] = "text",
) -> None:
    table = Table()
    table.add_column("ID")
    table.add_row("PL.1")
    Console().print(table)
app()
"""


def _cchc() -> list[str]:
    script = Path(sys.executable).with_name("cchc")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cchc_cli"]


def _time(command: list[str], env: dict[str, str], runs: int, *, warm: bool = True) -> float:
    """Median seconds over ``runs`` (after one untimed warm-up run when ``warm``)."""
    if warm:
        subprocess.run(command, env=env, check=True, capture_output=True)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def _cold(command: list[str], env: dict[str, str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            fresh = {**env, "CCHC_CACHE_DIR": cache}
            start = time.perf_counter()
            subprocess.run(command, env=fresh, check=True, capture_output=True)
            samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "CCHC_CACHE_DIR": cache, "NO_COLOR": "1", "COLUMNS": "100"}
        env.pop("CCHC_NO_CACHE", None)
        status = [*_cchc(), "status", "--plan", str(PLAN)]
        baseline = _time(
            [sys.executable, "-c", "import typer, rich, pydantic, ruamel.yaml"], env, args.runs
        )
        floor = _time([sys.executable, "-c", FLOOR, "status"], env, args.runs)
        warm = _time(status, env, args.runs)
        cold = _cold(status, env, max(3, args.runs // 3))
    ratio = warm / baseline
    print(f"runs per figure: {args.runs} (median)")
    print(f"baseline  import typer, rich, pydantic, ruamel.yaml  {baseline * 1000:7.1f} ms")
    print(
        f"floor     empty Typer command, same options    {floor * 1000:7.1f} ms"
        f"  ({floor / baseline:.2f}x)"
    )
    print(f"status    cchc status (plan view cached)       {warm * 1000:7.1f} ms  ({ratio:.2f}x)")
    print(
        f"cold      cchc status (plan changed)           {cold * 1000:7.1f} ms"
        f"  ({cold / baseline:.2f}x)"
    )
    verdict = "met" if ratio <= GOAL else "NOT met"
    print(f"goal      status <= {GOAL}x baseline: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
