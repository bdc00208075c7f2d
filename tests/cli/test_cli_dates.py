"""Every date on the command line: dd/mm/yyyy as views print it, or ISO; the rest refused
with the readings it could have (exit 2)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Invoke

PLAN = "{plan}"
DATE_OPTIONS: dict[tuple[str, str], tuple[list[str], str]] = {
    # (command, option): (a run of the command with the option last, an ISO day)
    ("status", "--as-of"): (["status", "--plan", PLAN, "-f", "json", "--as-of"], "2024-04-01"),
    ("deadlines", "--as-of"): (
        ["deadlines", "--plan", PLAN, "-f", "json", "--as-of"],
        "2024-04-01",
    ),
    ("task show", "--as-of"): (["task", "show", "PL.1", "--plan", PLAN, "--as-of"], "2024-06-30"),
    ("task update", "--date"): (
        ["task", "update", "PL.3", "--plan", PLAN, "-s", "in_progress", "--date"],
        "2024-03-01",
    ),
    ("kpi", "--as-of"): (
        ["kpi", "--plan", PLAN, "--quarter", "Q1", "-f", "json", "--as-of"],
        "2024-04-01",
    ),
    ("kpi", "--from"): (
        ["kpi", "--plan", PLAN, "--to", "2024-03-31", "-f", "json", "--from"],
        "2024-01-01",
    ),
    ("kpi", "--to"): (
        ["kpi", "--plan", PLAN, "--from", "2024-01-01", "-f", "json", "--to"],
        "2024-03-31",
    ),
    ("score", "--as-of"): (
        ["score", "--plan", PLAN, "--quarter", "Q1", "-f", "json", "--as-of"],
        "2024-04-01",
    ),
    ("score", "--from"): (
        ["score", "--plan", PLAN, "--to", "2024-03-31", "-f", "json", "--from"],
        "2024-01-01",
    ),
    ("score", "--to"): (
        ["score", "--plan", PLAN, "--from", "2024-01-01", "-f", "json", "--to"],
        "2024-03-31",
    ),
    ("report", "--as-of"): (["report", "--plan", PLAN, "--quarter", "Q1", "--as-of"], "2024-04-01"),
    ("report", "--date"): (["report", "--plan", PLAN, "--quarter", "Q1", "--date"], "2024-04-05"),
    ("rollup", "--as-of"): (
        ["rollup", PLAN, "--quarter", "Q1", "-f", "json", "--as-of"],
        "2024-04-01",
    ),
    ("due", "DATE"): (["due", "--plan", PLAN, "-f", "json", "10", "--"], "2024-02-05"),
    ("workday", "DATE"): (["workday", "--plan", PLAN, "-f", "json"], "2024-02-12"),
}


def day_month_year(iso: str) -> str:
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}"


def command_line(template: list[str], plan: Path, value: str) -> list[str]:
    args = [str(plan) if arg == PLAN else arg for arg in template]
    if args[0] == "due":
        return [*args[:-2], value, args[-2]]
    return [*args, value]


def test_every_date_option_is_listed() -> None:
    import typer.main

    from cchc_cli.cli import app

    found: set[tuple[str, str]] = set()

    def walk(command: object, path: str) -> None:
        for param in getattr(command, "params", ()):
            if param.metavar == "DATE":
                name = param.opts[0] if param.param_type_name == "option" else "DATE"
                found.add((path, name))
        for name, sub in getattr(command, "commands", {}).items():
            walk(sub, f"{path} {name}".strip())

    walk(typer.main.get_command(app), "")
    assert found == set(DATE_OPTIONS)


@pytest.mark.parametrize("key", list(DATE_OPTIONS), ids=" ".join)
def test_every_date_option_takes_both_forms(
    cli: Invoke, shipped_plan: Path, key: tuple[str, str]
) -> None:
    template, iso = DATE_OPTIONS[key]
    iso_run = cli(command_line(template, shipped_plan, iso))
    dmy_run = cli(command_line(template, shipped_plan, day_month_year(iso)))
    assert iso_run.exit_code == 0, iso_run.output
    assert dmy_run.exit_code == 0, dmy_run.output
    if key == ("task update", "--date"):  # the second update starts from the first
        assert "update of 1 Mar 2024 added" in iso_run.stdout
        assert "update of 1 Mar 2024 added" in dmy_run.stdout
        return
    # "imported": how many rows the run read from the export rather than its cache
    assert re.sub(r'"imported": \d+', "", dmy_run.stdout) == re.sub(
        r'"imported": \d+', "", iso_run.stdout
    )


@pytest.mark.parametrize("key", list(DATE_OPTIONS), ids=" ".join)
def test_an_ambiguous_date_is_refused_with_both_readings(
    cli: Invoke, shipped_plan: Path, key: tuple[str, str]
) -> None:
    template, _iso = DATE_OPTIONS[key]
    run = cli(command_line(template, shipped_plan, "2024/03/04"))
    assert run.exit_code == 2, run.output
    assert run.stdout == ""
    option = key[1]
    assert (
        f"{option}: '2024/03/04' is ambiguous: it could be 4 Mar 2024 or 3 Apr 2024" in run.stderr
    )
    assert "write the day as dd/mm/yyyy or yyyy-mm-dd" in run.stderr


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("1-4-24", "'1-4-24' is ambiguous: it could be 1 Apr 2024 or 4 Jan 2024"),
        ("04.01.2024", "'04.01.2024' is ambiguous: it could be 4 Jan 2024 or 1 Apr 2024"),
        ("2024/04/01", "'2024/04/01' is ambiguous: it could be 1 Apr 2024 or 4 Jan 2024"),
        (
            "04/25/2024",
            "dd/mm/yyyy is read day first, and there is no month 25; did you mean 25 Apr 2024?",
        ),
        ("31/02/2024", "'31/02/2024' is not a real calendar date"),
        (
            "13-01-2024",
            "'13-01-2024' is not written as dd/mm/yyyy or yyyy-mm-dd; did you mean 13 Jan 2024?",
        ),
        ("tomorrow", "'tomorrow' is not a date"),
    ],
)
def test_forms_that_are_refused(cli: Invoke, shipped_plan: Path, value: str, message: str) -> None:
    run = cli(["status", "--plan", shipped_plan, "--as-of", value])
    assert run.exit_code == 2
    assert message in run.stderr
    assert "Traceback" not in run.output


def test_day_first_is_the_rule_even_when_both_parts_are_months(
    cli: Invoke, shipped_plan: Path
) -> None:
    run = cli(["workday", "--plan", shipped_plan, "04/05/2024", "-f", "json"])
    assert run.exit_code == 0
    assert '"date": "2024-05-04"' in run.stdout  # 4 May, never 5 April


def test_refusal_in_vietnamese(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["--lang", "vi", "status", "--plan", shipped_plan, "--as-of", "1-4-24"])
    assert run.exit_code == 2
    assert "lỗi:" in run.stderr
    assert "01/04/2024" in run.stderr
    assert "04/01/2024" in run.stderr
