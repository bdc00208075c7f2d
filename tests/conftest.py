"""Shared fixtures: a CLI runner and throw-away copies of example plans."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cchc_cli.cli import app

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SHIPPED_PLAN = ROOT / "plan"
MINIMAL_PLAN = DATA / "minimal"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


Invoke = Callable[..., Run]


@pytest.fixture(autouse=True)
def _private_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each test gets its own cchc cache directory (cached plan views and holidays).

    Tests speak English unless they say otherwise (``monkeypatch.setenv("CCHC_LANG",
    "vi")`` then ``set_language()``, or ``--lang vi``): Vietnamese is the default for
    users, and has its own golden files.
    """
    from cchc_cli.i18n import set_language

    monkeypatch.setenv("CCHC_CACHE_DIR", str(tmp_path_factory.mktemp("cchc-cache")))
    monkeypatch.delenv("CCHC_NO_CACHE", raising=False)
    monkeypatch.setenv("CCHC_LANG", "en")
    set_language()


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Invoke:
    """Run ``cchc`` in-process with Typer's runner; stdout and stderr kept apart."""
    monkeypatch.delenv("CCHC_PLAN", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")

    def invoke(args: Sequence[str], *, input: str | None = None) -> Run:
        result = CliRunner().invoke(app, [str(arg) for arg in args], input=input)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def minimal_plan(tmp_path: Path) -> Path:
    """A copy of the small valid test plan, safe to modify."""
    target = tmp_path / "plan"
    shutil.copytree(MINIMAL_PLAN, target)
    return target


@pytest.fixture
def shipped_plan(tmp_path: Path) -> Path:
    """A copy of the plan shipped in ``plan/``."""
    target = tmp_path / "plan"
    shutil.copytree(SHIPPED_PLAN, target)
    return target
