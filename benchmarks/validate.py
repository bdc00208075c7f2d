"""How fast is `cchc validate`, next to a plain libyaml load of the same files?

Prints, for the shipped plan and for a generated plan of 2,000 tasks:
  * in-process: `load_plan()` (parse + schema + cross-file checks) vs
    `yaml.load(..., Loader=yaml.CSafeLoader)` of the same files (goal: <= 1.5x);
  * whole process: `cchc validate` vs `python -c "import yaml; <load the files>"`.
And `cchc --version` vs `python -c "import typer, rich, pydantic, ruamel.yaml"` (goal: <= 1.3x).

Run: .venv/bin/python benchmarks/validate.py [--tasks 2000] [--repeat 7]
"""

from __future__ import annotations

import argparse
import gc
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from cchc_cli.loading import load_plan, plan_files

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CCHC = str(BIN / "cchc")

TASK = """\
  - id: "GEN.{n}"
    content: "Tiếp tục triển khai thực hiện có hiệu quả việc đổi mới cơ chế Một cửa (nhiệm vụ {n})."
    lead: [VP]
    lead_text: "Văn phòng Sở"
    coordinators: [TCCB, GDTXDH, GDTRH, KTKD, CQTCLQ]
    coordinators_text: "Tổ chức cán bộ; GDTX&ĐH; Giáo dục Trung học; Khảo thí và Kiểm định"
    deadline:
      text: "Cả năm 2024"
      window: ["2024-01-01", "2024-12-31"]
    deliverables: ["Báo cáo kết quả thực hiện (Báo cáo kiểm soát TTHC năm)"]
    areas: ["III.3.a", "III.3.c"]
    targets: ["II.6:on_time_rate"]
    status: in_progress
    updates:
      - date: "2024-03-01"
        status: in_progress
        percent: 25
        note: "Đã ban hành kế hoạch triển khai"
        evidence: ["Kế hoạch số {n}/KH-VP"]
"""


def generated_plan(directory: Path, tasks: int) -> Path:
    """The shipped plan plus `tasks` generated tasks in a file of their own."""
    plan = directory / "plan"
    shutil.copytree(ROOT / "plan", plan)
    body = "".join(TASK.format(n=n) for n in range(1, tasks + 1))
    (plan / "generated-tasks.yaml").write_text("tasks:\n" + body, encoding="utf-8")
    return plan


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """Median wall time of `repeat` runs (after one warm-up)."""
    action()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def libyaml_load(plan: Path) -> None:
    for path in plan_files(plan):
        yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def run(*args: str) -> None:
    subprocess.run(args, check=False, capture_output=True)


def compare(label: str, ours: float, base: float, goal: float | None) -> None:
    ratio = ours / base
    verdict = "" if goal is None else ("  ok" if ratio <= goal else f"  OVER the {goal}x goal")
    print(
        f"  {label:<44} {ours * 1000:8.1f} ms  vs {base * 1000:8.1f} ms  = {ratio:4.2f}x{verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=7)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        plans = {
            "shipped plan": ROOT / "plan",
            f"plan + {options.tasks} tasks": generated_plan(Path(temp), options.tasks),
        }
        for name, plan in plans.items():
            result = load_plan(plan)
            assert result.plan is not None, result.findings
            size = sum(path.stat().st_size for path in plan_files(plan))
            print(f"{name}: {len(result.plan.tasks)} tasks, {size / 1024:.0f} KiB of YAML")
            # load_plan pauses the cyclic GC while it builds data; compare with it paused
            # for both, too.
            for label, paused in (
                ("in-process: load_plan vs libyaml load", False),
                ("  same, GC paused for both", True),
            ):
                if paused:
                    gc.disable()
                compare(
                    label,
                    best_of(options.repeat, lambda plan=plan: load_plan(plan)),
                    best_of(options.repeat, lambda plan=plan: libyaml_load(plan)),
                    1.5,
                )
                gc.enable()
            load_script = (
                "import yaml, pathlib\n"
                f"for p in sorted(pathlib.Path({str(plan)!r}).rglob('*.yaml')):\n"
                "    yaml.load(p.read_text(encoding='utf-8'), Loader=yaml.CSafeLoader)\n"
            )
            compare(
                "process: cchc validate vs python+libyaml",
                best_of(
                    options.repeat, lambda plan=plan: run(CCHC, "validate", "--plan", str(plan))
                ),
                best_of(options.repeat, lambda s=load_script: run(sys.executable, "-c", s)),
                None,
            )
    print("start-up:")
    compare(
        "cchc --version vs import typer,rich,pydantic,ruamel",
        best_of(options.repeat, lambda: run(CCHC, "--version")),
        best_of(
            options.repeat,
            lambda: run(sys.executable, "-c", "import typer, rich, pydantic, ruamel.yaml"),
        ),
        1.3,
    )


if __name__ == "__main__":
    main()
