"""``cchc report`` refuses bad input with a message and an exit code, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Invoke, Run
from tests.report.conftest import AS_OF

REPORT = ["report", "--plan", "plan", "--as-of", AS_OF]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--quarter", "Q5"], "--quarter Q5: a year has quarters Q1, Q2, Q3 and Q4"),
        (["--half", "H3"], "--half H3: a year has halves H1 (January–June) and H2"),
        (["--quarter", "Q2", "--half", "H1"], "give --quarter or --half, not both"),
        (["--year", "2023"], "--year 2023: this plan is for 2024"),
        (["--date", "31/02/2024"], "'31/02/2024' is not a real calendar date"),
        (["--date", "2024-13-01"], "'2024-13-01' is not a real calendar date"),
        (["--unit", "TCBB"], "unknown unit code 'TCBB' (did you mean 'TCCB'?)"),
        (["--format", "docx"], "--format docx writes files: say where with -o"),
        (["--format", "all"], "--format all writes files: say where with -o"),
        (["--format", "pdf"], "--format pdf writes files: say where with -o"),
        (["--templates", "nowhere"], "--templates nowhere: not a directory"),
    ],
)
def test_bad_options_are_usage_errors(
    cli: Invoke, repo: Path, args: list[str], message: str
) -> None:
    run = cli([*REPORT, *args])
    assert run.exit_code == 2, run.output
    assert message in run.stderr
    assert run.stdout == ""


def test_an_output_folder_that_cannot_be_made(cli: Invoke, repo: Path) -> None:
    (repo / "taken").write_text("a file, not a folder\n")
    run = cli([*REPORT, "--quarter", "Q2", "--format", "html", "-o", "taken/out/"])
    assert run.exit_code == 2, run.output
    assert "cannot create the folder 'taken/out'" in run.stderr


def test_an_existing_file_is_replaced_only_with_force(cli: Invoke, repo: Path) -> None:
    target = repo / "bao-cao.md"
    target.write_text("do not lose me\n")
    run = cli([*REPORT, "--quarter", "Q2", "-o", "bao-cao.md"])
    assert run.exit_code == 2
    assert "bao-cao.md: already exists" in run.stderr
    assert "--force" in run.stderr
    assert target.read_text() == "do not lose me\n"
    forced = cli([*REPORT, "--quarter", "Q2", "-o", "bao-cao.md", "--force"])
    assert forced.exit_code == 0, forced.output
    assert target.read_text(encoding="utf-8").startswith("| UBND THÀNH PHỐ HẢI PHÒNG")


def with_own_template(cli: Invoke, repo: Path, text: str) -> Run:
    """The Q2 report with a Markdown template of our own (``--templates own``)."""
    own = repo / "own"
    own.mkdir()
    (own / "report.md.j2").write_text(text)
    return cli([*REPORT, "--quarter", "Q2", "--templates", "own"])


def test_a_template_with_a_syntax_error_names_its_file_and_line(cli: Invoke, repo: Path) -> None:
    run = with_own_template(cli, repo, "# {{ title }}\n\n{% for x in %}\n")
    assert run.exit_code == 2, run.output
    assert "report.md.j2:3: template syntax error" in run.stderr
    assert "Traceback" not in run.output


def test_a_template_cannot_reach_outside_the_sandbox(cli: Invoke, repo: Path) -> None:
    run = with_own_template(cli, repo, "{{ ''.__class__.__mro__[1].__subclasses__() }}\n")
    assert run.exit_code == 2, run.output
    assert "refused by the template sandbox" in run.stderr
    assert "subclasses" not in run.stdout


def test_templates_beside_the_plan_replace_the_shipped_ones_file_by_file(
    cli: Invoke, repo: Path
) -> None:
    (repo / "templates").mkdir()
    (repo / "templates" / "report.md.j2").write_text(
        "{{ summary }} — {{ outline.direction.title }}\n"
    )
    (repo / "templates" / "report-outline.yaml").write_text(
        (Path(__file__).resolve().parents[2] / "templates" / "report-outline.yaml")
        .read_text(encoding="utf-8")
        .replace("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "CHỈ ĐẠO VÀ ĐIỀU HÀNH")
    )
    run = cli([*REPORT, "--quarter", "Q2"])
    assert run.exit_code == 0, run.output
    assert run.stdout == (
        "Kết quả thực hiện công tác cải cách hành chính quý II năm 2024 — CHỈ ĐẠO VÀ ĐIỀU HÀNH\n"
    )


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            'reports:\n  - period: "2024-Q2"\n    proposal: ["x"]\n',
            "plan/reports/2024-Q2.yaml:3:5",
            "proposal",
        ),
        (
            'reports:\n  - period: "2024-Q2"\n    areas:\n      "III.9": ["x"]\n',
            "plan/reports/2024-Q2.yaml:4:7",
            "unknown area 'III.9'",
        ),
        (
            'reports:\n  - period: "2024-Q2"\n    direction: [unclosed\n',
            "plan/reports/2024-Q2.yaml:4",
            "",
        ),
        (
            'reports:\n  - period: "2023-Q2"\n',
            "plan/reports/2024-Q2.yaml:2:13",
            "report text for 2023-Q2 in a plan for 2024",
        ),
    ],
)
def test_a_bad_narrative_file_is_a_located_finding(
    cli: Invoke, repo: Path, text: str, where: str, message: str
) -> None:
    (repo / "plan" / "reports" / "2024-Q2.yaml").write_text(text, encoding="utf-8")
    run = cli([*REPORT, "--quarter", "Q2"])
    assert run.exit_code == 1, run.output
    assert where in run.stderr
    assert message in run.stderr
    validate = cli(["validate", "--plan", "plan"])
    assert validate.exit_code == 1
    assert where in validate.stdout


def test_no_data_for_the_period_still_makes_a_report(cli: Invoke, repo: Path) -> None:
    export = repo / "plan" / "data" / "ho-so-tthc.csv"
    lines = export.read_text(encoding="utf-8-sig").splitlines()
    january = [line for line in lines[1:] if ";" in line and "/01/2024 " in line.split(";")[4]]
    only = repo / "thang-1.csv"
    only.write_text("\ufeff" + "\n".join([lines[0], *january]) + "\n", encoding="utf-8")
    run = cli([*REPORT, "--quarter", "Q3", "--as-of", "2024-09-20", "--data", only])
    assert run.exit_code == 0, run.output
    row = next(line for line in run.stdout.splitlines() if line.startswith("| II.6 |"))
    assert row.endswith("| 0 | 0 | – | \\> 95% | chưa có số liệu |")  # nothing to count


def test_pdf_without_libreoffice_names_the_package(
    cli: Invoke, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(repo / "no-tools-here"))
    run = cli([*REPORT, "--quarter", "Q2", "--format", "pdf", "-o", "out"])
    assert run.exit_code == 2, run.output
    assert "libreoffice-writer-nogui" in run.stderr


def test_a_broken_template_writes_no_file_at_all(cli: Invoke, repo: Path) -> None:
    (repo / "own").mkdir()
    (repo / "own" / "report.docx").write_bytes(b"not a zip")
    (repo / "out").mkdir()
    (repo / "out" / "bao-cao-cchc-2024-Q2.md").write_text("previous\n")
    args = [*REPORT, "--quarter", "Q2", "--format", "all", "-o", "out", "--templates", "own"]
    run = cli([*args, "--force"])
    assert run.exit_code == 2, run.output
    assert "report.docx: not a Word (.docx) file" in run.stderr
    # Every file is rendered before any is written: nothing half-done is left behind.
    assert sorted(p.name for p in (repo / "out").iterdir()) == ["bao-cao-cchc-2024-Q2.md"]
    assert (repo / "out" / "bao-cao-cchc-2024-Q2.md").read_text() == "previous\n"
