"""The hostile-input corpus: every case in ``tests/corpus/cases/`` run against the real CLI.

Each case is a YAML file ``cases/<category>/<name>.yaml`` (see ``tests/corpus/README.md``
for the keys). A case builds a throw-away workspace (a copy of a plan, files written or
linked over it), runs ``python -m cchc_cli`` in a subprocess with a private cache
directory, and checks the exit code, the output and the time taken. Every case also
checks that no traceback is printed and that cchc did not report a bug (exit 3).

``CCHC_CORPUS_SOURCE=/path/to/checkout`` runs the corpus against another checkout's
code and plans (e.g. main, to see which cases fail there).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.corpus.recipes import generate

HERE = Path(__file__).resolve().parent
CASES = HERE / "cases"
ROOT = HERE.parents[1]
SOURCE = Path(os.environ.get("CCHC_CORPUS_SOURCE") or ROOT)
"""The checkout whose code, shipped plan and minimal plan the cases run."""
PLANS = {"shipped": SOURCE / "plan", "minimal": SOURCE / "tests" / "data" / "minimal"}

KEYS = {
    "description",
    "plan",
    "files",
    "setup",
    "args",
    "env",
    "exit",
    "stdout_contains",
    "stderr_contains",
    "output_contains",
    "not_contains",
    "max_seconds",
    "max_output_chars",
    "max_memory_mb",
    "after",
}
REQUIRED = {"description", "plan", "args", "exit"}
DEFAULT_MEMORY_MB = 2048
"""Address-space limit of every case's process, so that a runaway input cannot take the
test machine down with it."""


def _case_files() -> list[Path]:
    return sorted(CASES.glob("*/*.yaml"))


def _load(path: Path) -> dict[str, Any]:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(case, dict), f"{path}: a case is a mapping"
    unknown = set(case) - KEYS
    assert not unknown, f"{path}: unknown keys {sorted(unknown)}"
    missing = REQUIRED - set(case)
    assert not missing, f"{path}: missing keys {sorted(missing)}"
    assert case["plan"] in (*PLANS, "none"), f"{path}: plan is shipped, minimal or none"
    return case


class Workspace:
    """The temporary directory a case runs in, and its token substitutions."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.plan = root / "plan"
        self.cache = root / "cache"

    def expand(self, text: str) -> str:
        return (
            text.replace("{plan}", str(self.plan))
            .replace("{tmp}", str(self.root))
            .replace("{cache}", str(self.cache))
        )

    def place(self, relative: str, spec: Any) -> None:
        """Write one entry of ``files``: text, or a mapping saying what to make."""
        target = self.root / self.expand(relative)
        if isinstance(spec, dict) and "symlink" in spec:
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.is_symlink() or target.exists():
                target.unlink()
            target.symlink_to(self.expand(str(spec["symlink"])))
            return
        if isinstance(spec, dict) and set(spec) == {"mode"}:
            pass  # only the mode of what is already there changes
        elif isinstance(spec, dict) and spec.get("dir"):
            if target.is_file() or target.is_symlink():
                target.unlink()
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.is_symlink():
                target.unlink()
            if isinstance(spec, dict) and "copy" in spec:
                shutil.copyfile(self.root / self.expand(str(spec["copy"])), target)
            elif isinstance(spec, dict) and "bytes_hex" in spec:
                target.write_bytes(bytes.fromhex(str(spec["bytes_hex"])))
            elif isinstance(spec, dict) and "generate" in spec:
                generate(target, spec)
            elif isinstance(spec, dict) and "text" in spec:
                target.write_bytes(str(spec["text"]).encode("utf-8"))
            else:
                assert isinstance(spec, str), f"unknown file spec for {relative}: {spec!r}"
                target.write_bytes(spec.encode("utf-8"))
        if isinstance(spec, dict) and "mode" in spec:
            target.chmod(int(str(spec["mode"]), 8))


def _environment(ws: Workspace, extra: dict[str, Any]) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("CCHC_") and key not in ("NO_COLOR", "COLUMNS")
    }
    env.update(NO_COLOR="1", COLUMNS="200", CCHC_CACHE_DIR=str(ws.cache), HOME=str(ws.root))
    # The cases assert English messages, as every test does (a case may set CCHC_LANG).
    env["CCHC_LANG"] = "en"
    env.pop("XDG_CACHE_HOME", None)
    source = os.environ.get("CCHC_CORPUS_SOURCE")
    if source:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [source, env.get("PYTHONPATH")]))
    for key, value in extra.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = ws.expand(str(value))
    return env


def _limit_memory(megabytes: int) -> Any:
    def apply() -> None:  # runs in the child, before exec
        import resource

        limit = megabytes * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def run_cli(
    ws: Workspace, args: list[str], env: dict[str, str], *, seconds: float, memory_mb: int
) -> tuple[subprocess.CompletedProcess[str], float]:
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "cchc_cli", *(ws.expand(str(arg)) for arg in args)],
            cwd=ws.root,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            timeout=seconds + 20,
            preexec_fn=_limit_memory(memory_mb),
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"cchc {' '.join(args)} still running after {seconds + 20:.0f} s")
    return done, time.monotonic() - started


def _setup(ws: Workspace, steps: list[dict[str, Any]], env: dict[str, str], memory: int) -> None:
    """Steps before the command: earlier runs (to fill a cache), files overwritten by glob."""
    for step in steps:
        if "run" in step:
            run_cli(ws, list(step["run"]), env, seconds=60, memory_mb=memory)
        elif "overwrite_glob" in step:
            matched = sorted(ws.root.glob(ws.expand(str(step["overwrite_glob"]))))
            assert matched, f"setup: nothing matches {step['overwrite_glob']}"
            for path in matched:
                ws.place(str(path.relative_to(ws.root)), step["with"])
        elif "files" in step:
            for relative, spec in step["files"].items():
                ws.place(str(relative), spec)
        else:
            raise AssertionError(f"unknown setup step {step!r}")


def _check_text(label: str, haystack: str, needles: list[str] | None, ws: Workspace) -> None:
    for needle in needles or []:
        expected = ws.expand(str(needle))
        assert expected in haystack, f"{label} lacks {expected!r}:\n{haystack[-3000:]}"


@pytest.mark.parametrize("case_path", _case_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_case(case_path: Path, tmp_path: Path) -> None:
    case = _load(case_path)
    ws = Workspace(tmp_path / "ws")
    ws.root.mkdir()
    if case["plan"] in PLANS:
        shutil.copytree(PLANS[case["plan"]], ws.plan)
    for relative, spec in (case.get("files") or {}).items():
        ws.place(str(relative), spec)
    env = _environment(ws, case.get("env") or {})
    memory = int(case.get("max_memory_mb", DEFAULT_MEMORY_MB))
    _setup(ws, case.get("setup") or [], env, memory)
    seconds = float(case.get("max_seconds", 10))

    done, took = run_cli(ws, list(case["args"]), env, seconds=seconds, memory_mb=memory)

    output = done.stdout + done.stderr
    shown = (
        f"exit {done.returncode}\n--- stdout\n{done.stdout[-3000:]}"
        f"\n--- stderr\n{done.stderr[-3000:]}"
    )
    assert "Traceback" not in output, shown
    assert done.returncode != 3, f"cchc reported a bug:\n{shown}"
    expected_exit = case["exit"]
    allowed = expected_exit if isinstance(expected_exit, list) else [expected_exit]
    assert done.returncode in allowed, f"expected exit {expected_exit}:\n{shown}"
    _check_text("stdout", done.stdout, case.get("stdout_contains"), ws)
    _check_text("stderr", done.stderr, case.get("stderr_contains"), ws)
    _check_text("output", output, case.get("output_contains"), ws)
    for needle in case.get("not_contains") or []:
        assert ws.expand(str(needle)) not in output, f"output shows {needle!r}:\n{shown}"
    if "max_output_chars" in case:
        assert len(output) <= int(case["max_output_chars"]), f"{len(output)} chars:\n{shown}"
    assert took <= seconds, f"took {took:.1f} s (limit {seconds} s)"
    for check in case.get("after") or []:
        _after(ws, check)


def _after(ws: Workspace, check: dict[str, Any]) -> None:
    """Checks on the workspace once the command has run."""
    path = ws.root / ws.expand(str(check["path"]))
    if "contains" in check:
        text = path.read_text(encoding="utf-8")
        for needle in check["contains"]:
            assert needle in text, f"{check['path']} lacks {needle!r}"
    if "lacks" in check:
        text = path.read_text(encoding="utf-8")
        for needle in check["lacks"]:
            assert needle not in text, f"{check['path']} still holds {needle!r}"
    if "is_symlink" in check:
        assert path.is_symlink() == bool(check["is_symlink"]), f"{check['path']} symlink?"
    if "exists" in check:
        assert path.exists() == bool(check["exists"]), f"{check['path']} exists?"
    if "no_glob" in check:
        leftovers = sorted(path.glob(str(check["no_glob"])))
        assert not leftovers, f"left behind: {leftovers}"
