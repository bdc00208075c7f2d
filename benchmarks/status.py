"""How long `cchc status` takes on the shipped plan, against importing its libraries.

Run: .venv/bin/python benchmarks/status.py [--runs N]

Prints the median wall time of, in the same run:

* baseline — `python -c "import typer, rich, pydantic, ruamel.yaml"`;
* floor    — an empty Typer command with the same options as `cchc status` (Typer 0.29
             builds a pydantic TypeAdapter for every option on each invocation: the
             framework's own cost, which no command can go below);
* status   — `cchc status` on a copy of the shipped plan, unchanged since the last run
             (the usual case: the screen it printed is printed again);
* version, help — `cchc --version`, `cchc --help`;
* edited   — `cchc status` after an edit that changes nothing measured (a comment):
             the plan is loaded and validated once, the targets come from the cache
             by what the plan says (no DuckDB);
* cold     — `cchc status` with an empty cache (parse, validate, holidays, measure).

Commands run in turn, round after round, and each figure is the median of its rounds.
Goals (issue 10): status ≤ 1.3 × baseline; --version and --help ≤ 1.1 ×.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLAN = ROOT / "plan"
GOAL = 1.3
GOAL_FLAGS = 1.1

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


def _run(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def _interleaved(
    commands: dict[str, list[str]], env: dict[str, str], runs: int
) -> dict[str, float]:
    """Median seconds of each command, run in turn round after round (one warm-up round),
    so that a busy moment of the machine weighs on all of them alike."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, command in commands.items():
            seconds = _run(command, env)
            if round_:
                samples[name].append(seconds)
    return {name: statistics.median(values) for name, values in samples.items()}


def _cold(command: list[str], env: dict[str, str], runs: int) -> float:
    """``command`` on a plan its cache has never seen (a fresh cache each time)."""
    samples = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as cache:
            samples.append(_run(command, {**env, "CCHC_CACHE_DIR": cache}))
    return statistics.median(samples)


def _edited(plan: Path, command: list[str], env: dict[str, str], runs: int) -> float:
    """``command`` after a task's status was edited (cache warm for everything else)."""
    tasks = plan / "tasks.yaml"
    original = tasks.read_text(encoding="utf-8")
    samples = []
    try:
        for index in range(runs + 1):
            tasks.write_text(original + f"\n# edit {index}\n", encoding="utf-8")
            seconds = _run(command, env)
            if index:
                samples.append(seconds)
    finally:
        tasks.write_text(original, encoding="utf-8")
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    # As an installed package is (pip compiles it): with PYTHONDONTWRITEBYTECODE set, a
    # source checkout would otherwise be compiled again on every run.
    compileall.compile_dir(ROOT / "cchc_cli", quiet=1)
    with tempfile.TemporaryDirectory() as work:
        plan = Path(work) / "plan"
        shutil.copytree(PLAN, plan)
        cache = Path(work) / "cache"
        env = {**os.environ, "CCHC_CACHE_DIR": str(cache), "NO_COLOR": "1", "COLUMNS": "100"}
        env.pop("CCHC_NO_CACHE", None)
        status = [*_cchc(), "status", "--plan", str(plan)]
        times = _interleaved(
            {
                "baseline": [sys.executable, "-c", "import typer, rich, pydantic, ruamel.yaml"],
                "floor": [sys.executable, "-c", FLOOR, "status"],
                "status": status,
                "version": [*_cchc(), "--version"],
                "help": [*_cchc(), "--help"],
            },
            env,
            args.runs,
        )
        cold = _cold(status, env, max(3, args.runs // 3))
        edited = _edited(plan, status, env, max(3, args.runs // 3))
    base = times["baseline"]
    rows = [
        ("baseline", "import typer, rich, pydantic, ruamel.yaml", base),
        ("floor", "empty Typer command, same options", times["floor"]),
        ("status", "cchc status (unchanged plan, cached)", times["status"]),
        ("version", "cchc --version", times["version"]),
        ("help", "cchc --help", times["help"]),
        ("edited", "cchc status after a comment was added", edited),
        ("cold", "cchc status, empty cache", cold),
    ]
    print(f"runs per figure: {args.runs} (median, interleaved)")
    for name, what, seconds in rows:
        print(f"{name:9} {what:44} {seconds * 1000:7.1f} ms  ({seconds / base:.2f}x)")
    verdicts = [
        ("status", times["status"] / base, GOAL),
        ("--version", times["version"] / base, GOAL_FLAGS),
        ("--help", times["help"] / base, GOAL_FLAGS),
    ]
    for name, ratio, goal in verdicts:
        print(f"goal      {name} <= {goal}x baseline: {'met' if ratio <= goal else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
