"""Every command documents itself, with an example; the version is one line."""

from __future__ import annotations

import pytest

from cchc_cli import __version__
from cchc_cli.cli import app
from tests.conftest import ROOT, Invoke


def command_names() -> list[str]:
    """Every command, sub-commands as "task show"."""
    import typer.main

    names: list[str] = []

    def walk(group: object, prefix: str) -> None:
        for name, command in sorted(getattr(group, "commands", {}).items()):
            names.append(prefix + name)
            walk(command, f"{prefix}{name} ")

    walk(typer.main.get_command(app), "")
    return names


def test_version(cli: Invoke) -> None:
    run = cli(["--version"])
    assert run.exit_code == 0
    assert run.stdout == f"cchc {__version__}\n"


def test_no_arguments_shows_help(cli: Invoke) -> None:
    run = cli([])
    assert "Usage: cchc" in run.output
    for name in command_names():
        assert name.split()[0] in run.output


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_with_an_example(cli: Invoke, name: str) -> None:
    run = cli([*name.split(), "--help"])
    assert run.exit_code == 0
    assert "Example" in run.stdout


@pytest.mark.parametrize("name", command_names())
def test_every_command_is_documented_in_the_readme(name: str) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"### `cchc {name}" in readme, f"README.md has no section for `cchc {name}`"
