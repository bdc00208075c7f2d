"""The command line of issue 11: help in both languages, Click's words translated,
global options after the command, ``--plan .``, and the machine formats in English."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.cli.test_help import command_names
from tests.conftest import ROOT, Invoke


@pytest.mark.parametrize("name", ["", *command_names()])
def test_help_in_vietnamese_and_english(cli: Invoke, name: str) -> None:
    vi = cli(["--lang", "vi", *name.split(), "--help"])
    en = cli([*name.split(), "--help"])  # CCHC_LANG=en in tests
    assert vi.exit_code == en.exit_code == 0
    assert vi.stdout.startswith("Cách dùng: cchc")
    assert "Tùy chọn:" in vi.stdout
    assert "Hiện trợ giúp này rồi thoát." in vi.stdout
    assert en.stdout.startswith("Usage: cchc")
    assert "Show this message and exit." in en.stdout
    if name and name != "task":
        assert "Ví dụ:" in vi.stdout
        assert "Examples:" in en.stdout
    assert vi.stdout != en.stdout


def test_help_language_follows_the_environment(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CCHC_LANG", "vi")
    assert cli(["status", "--help"]).stdout.startswith("Cách dùng: cchc status")
    monkeypatch.setenv("CCHC_LANG", "en")
    assert cli(["status", "--help"]).stdout.startswith("Usage: cchc status")
    # --lang after the command decides as well as before it
    assert cli(["status", "--help", "--lang", "vi"]).stdout.startswith("Cách dùng:")


@pytest.mark.parametrize("name", command_names())
def test_help_examples_one_per_line_at_80_columns(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    text = cli([*name.split(), "--help"]).stdout
    assert all(len(line) <= 80 for line in text.splitlines()), text
    if "Examples:" not in text:
        return
    examples = text.split("Examples:\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert examples
    for line in examples:
        # an example starts its own line; a long one goes on indented, at a space
        assert line.startswith("  cchc ") or line.startswith("      "), line
    assert "<" not in text.replace("<=", ""), text  # no Typer placeholders (<str>, <path>)
    assert "YYYY-MM-DD" not in text


def test_short_options_mean_one_thing(cli: Invoke) -> None:
    import typer.main

    from cchc_cli.cli import app

    meaning: dict[str, set[str]] = {}

    def walk(command: object) -> None:
        for param in getattr(command, "params", ()):
            shorts = [opt for opt in param.opts if re.fullmatch(r"-\w", opt)]
            longs = [opt for opt in param.opts if opt.startswith("--")]
            for short in shorts:
                meaning.setdefault(short, set()).update(longs)
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    assert {short: names for short, names in meaning.items() if len(names) > 1} == {}
    assert meaning["-n"] == {"--note"}


@pytest.mark.parametrize(
    ("args", "vi", "en"),
    [
        (
            ["status", "--bogus"],
            "Lỗi: Không có tùy chọn: --bogus",
            "Error: No such option: --bogus",
        ),
        (
            ["status", "--format", "xml"],
            "Lỗi: Giá trị không hợp lệ cho '--format' / '-f': 'xml' không phải là một trong",
            "Error: Invalid value for '--format' / '-f': 'xml' is not one of",
        ),
        (["due"], "Lỗi: Thiếu đối số 'DATE'.", "Error: Missing argument 'DATE'."),
        (["bogus"], "Lỗi: Không có lệnh 'bogus'.", "Error: No such command 'bogus'."),
        (["status", "--as-of"], "Lỗi: Tùy chọn '--as-of' cần một giá trị.", "needs a value"),
    ],
)
def test_click_errors_in_both_languages(cli: Invoke, args: list[str], vi: str, en: str) -> None:
    run = cli(["--lang", "vi", *args])
    assert run.exit_code == 2
    assert vi in run.stderr
    assert "Traceback" not in run.output
    if args in (["status", "--bogus"], ["status", "--format", "xml"]):
        assert "Cách dùng: cchc" in run.stderr
        assert "Xem 'cchc" in run.stderr
    run = cli(args)
    assert run.exit_code == 2
    assert en in run.stderr


def test_global_options_after_the_command(cli: Invoke, shipped_plan: Path) -> None:
    before = cli(
        ["--plan", shipped_plan, "--no-color", "--lang", "vi", "status", "--as-of", "2024-04-01"]
    )
    after = cli(
        ["status", "--as-of", "2024-04-01", "--no-color", "--lang", "vi", "--plan", shipped_plan]
    )
    assert before.exit_code == after.exit_code == 0, after.output
    assert before.stdout == after.stdout
    verbose = cli(["validate", "--plan", shipped_plan, "--verbose"])
    assert verbose.exit_code == 0
    # a value that looks like a global option stays the option's value
    run = cli(
        [
            "task",
            "update",
            "PL.3",
            "--plan",
            shipped_plan,
            "-s",
            "in_progress",
            "-n",
            "--lang",
            "--date",
            "2024-03-01",
        ]
    )
    assert run.exit_code == 0, run.output
    assert 'note: "--lang"' in (shipped_plan / "tasks.yaml").read_text(encoding="utf-8")
    # after `--` nothing moves
    run = cli(["workday", "--plan", shipped_plan, "--", "--no-color"])
    assert run.exit_code == 2


def test_json_does_not_change_with_the_language(cli: Invoke, shipped_plan: Path) -> None:
    for command in (["status"], ["deadlines"], ["task", "show", "PL.1"], ["workday", "12/02/2024"]):
        args = [*command, "--plan", shipped_plan, "--as-of", "2024-04-01", "-f", "json"]
        if command[0] == "workday":
            args = [*command, "--plan", shipped_plan, "-f", "json"]
        vi = cli(["--lang", "vi", *args])
        en = cli(["--lang", "en", *args])
        assert vi.exit_code == en.exit_code == 0, vi.output
        assert vi.stdout == en.stdout
        json.loads(vi.stdout)


def test_plan_dot_in_a_repository_uses_its_plan_folder(
    cli: Invoke, shipped_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = shipped_plan.parent
    (repo / "tests" / "data").mkdir(parents=True)
    (repo / "tests" / "data" / "fixture.yaml").write_text("tasks: [oops]\n", encoding="utf-8")
    monkeypatch.chdir(repo)
    run = cli(["--plan", ".", "validate"])
    assert run.exit_code == 0, run.output
    assert "fixture.yaml" not in run.output
    assert cli(["validate", "--plan", repo]).exit_code == 0


def test_the_repository_itself_validates_with_plan_dot(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    run = cli(["--plan", ".", "validate", "-f", "json"])
    assert run.exit_code == 0, run.output


@pytest.mark.parametrize("args", [[], ["task"]])
def test_no_arguments_prints_the_help_not_an_error(cli: Invoke, args: list[str]) -> None:
    run = cli(["--lang", "vi", *args]) if args else cli([])
    assert run.exit_code == 2
    assert "Error" not in run.output
    assert "Lỗi" not in run.output
    assert "Options:" in run.output or "Tùy chọn:" in run.output
