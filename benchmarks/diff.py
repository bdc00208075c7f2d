"""How fast are `cchc diff` and `cchc history` on a large plan repository?

* `cchc diff HEAD~1 HEAD` between two revisions of a plan of 2,000 generated tasks
  (one commit lowers a threshold and moves deadlines later) next to two runs of
  `cchc validate` of that plan (goal: <= 2x);
* `cchc history GEN.1` over 500 commits that each touch the plan (the figure).

Run: .venv/bin/python benchmarks/diff.py [--tasks 2000] [--commits 500] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from validate import CCHC, best_of, generated_plan

ENV = {
    **os.environ,
    "GIT_AUTHOR_NAME": "bench",
    "GIT_AUTHOR_EMAIL": "bench@example.vn",
    "GIT_COMMITTER_NAME": "bench",
    "GIT_COMMITTER_EMAIL": "bench@example.vn",
    "CCHC_NO_CACHE": "1",
}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, env=ENV, check=True, capture_output=True)


def cchc(root: Path, *args: str) -> None:
    done = subprocess.run([CCHC, *args], cwd=root, env=ENV, capture_output=True, check=False)
    if done.returncode not in (0, 1):
        sys.exit(f"cchc {' '.join(args)} failed:\n{done.stderr.decode()}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=int, default=2000)
    parser.add_argument("--commits", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        plan = generated_plan(root, options.tasks)
        git(root, "init", "-q", "-b", "main")
        git(root, "add", "-A")
        git(root, "commit", "-qm", "plan")
        generated = plan / "generated-tasks.yaml"
        text = generated.read_text(encoding="utf-8")
        generated.write_text(text.replace('"2024-12-31"', '"2025-01-31"'), encoding="utf-8")
        targets = plan / "targets.yaml"
        targets.write_text(
            targets.read_text(encoding="utf-8").replace("value: 95", "value: 90", 1), "utf-8"
        )
        git(root, "commit", "-qam", "weaker")
        diff = best_of(options.repeat, lambda: cchc(root, "diff", "HEAD~1", "HEAD"))
        validate = best_of(options.repeat, lambda: cchc(root, "validate"))
        print(f"plan of {options.tasks:,} generated tasks (+ the shipped plan)")
        print(f"  cchc diff HEAD~1 HEAD    {diff * 1000:8.0f} ms")
        print(f"  2 x cchc validate        {2 * validate * 1000:8.0f} ms")
        print(f"  ratio                    {diff / (2 * validate):8.2f}  (goal <= 2)")
        for n in range(options.commits - 2):
            with generated.open("a", encoding="utf-8") as handle:
                handle.write(f"    # revision {n}\n")
            if n % 7 == 0:
                text = generated.read_text(encoding="utf-8")
                generated.write_text(
                    text.replace(f"nhiệm vụ {n})", f"nhiệm vụ {n}, sửa)", 1), "utf-8"
                )
            git(root, "commit", "-qam", f"change {n}")
        history = best_of(max(1, options.repeat // 2), lambda: cchc(root, "history", "GEN.1"))
        print(f"  cchc history GEN.1 over {options.commits} commits: {history * 1000:8.0f} ms")


if __name__ == "__main__":
    main()
