"""The README's examples are real: each is run as written and compared.

Examples run on a copy of the shipped plan (``plan/`` in a temporary directory, so not
under version control: the header says "unversioned"), in an 80-column terminal, in the
default language — Vietnamese — unless the command says ``--lang en``. Output shown is
stdout, then stderr. ``CCHC_UPDATE_GOLDEN=1`` writes the real output into README.md.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from cchc_cli.i18n import set_language
from tests.conftest import ROOT, SHIPPED_PLAN, Invoke

README = ROOT / "README.md"
UPDATE_ENV = "CCHC_UPDATE_GOLDEN"


def _bounds(readme: str, command: str) -> tuple[int, int]:
    start = readme.index(f"$ {command}\n") + len(f"$ {command}\n")
    end = min(readme.index(mark, start) for mark in ("\n$ ", "\n```") if mark in readme[start:])
    return start, end


def console_example(command: str) -> str:
    """The output shown under ``$ <command>`` in the README (up to the next prompt)."""
    readme = README.read_text(encoding="utf-8")
    start, end = _bounds(readme, command)
    return readme[start:end].rstrip("\n")


def check_example(command: str, output: str) -> None:
    """``output`` is what the README shows under ``$ <command>`` (or becomes it, under
    ``CCHC_UPDATE_GOLDEN=1``)."""
    output = output.rstrip("\n")
    if os.environ.get(UPDATE_ENV):
        readme = README.read_text(encoding="utf-8")
        start, end = _bounds(readme, command)
        README.write_text(readme[:start] + output + readme[end:], encoding="utf-8")
    assert output == console_example(command)


EXAMPLES = [
    "cchc --version",
    "cchc validate",
    "cchc --lang en validate",
    "cchc status --as-of 05/03/2024",
    "cchc --lang en status --as-of 2024-03-05",
    "cchc --lang en deadlines --as-of 2024-03-05 --within 100",
    "cchc due 05/02/2024 10",
    "cchc --lang en due 2024-02-05 10",
    "cchc --lang en due 2024-03-04 5 --calendar-days",
    "cchc workday 12/02/2024",
    "cchc --lang en workday 2024-05-04",
    "cchc --lang en periods",
    "cchc --lang en task show PL.1 --as-of 2024-01-20",
    "cchc kpi --year 2024 --as-of 01/07/2024",
    "cchc --lang en score --quarter Q2 --as-of 2024-12-31",
]


IN_REPOSITORY = [
    "cchc validate --plan tests/data/bad",
    "cchc --lang en validate --plan tests/data/bad --format github",
]
"""Examples run at the repository's root, on the test data they name."""


@pytest.mark.parametrize("command", EXAMPLES + IN_REPOSITORY)
def test_readme_example_matches_the_real_output(
    cli: Invoke, command: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if command in IN_REPOSITORY:
        monkeypatch.chdir(ROOT)
    else:
        shutil.copytree(SHIPPED_PLAN, tmp_path / "plan")
        monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CCHC_LANG")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")
    set_language()
    run = cli(command.split()[1:])
    check_example(command, run.stdout + run.stderr)
