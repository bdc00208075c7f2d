"""cchc kpi on the shipped plan, and cchc sample-data."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import ROOT, Invoke


def test_shipped_plan_prints_every_target(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["--plan", shipped_plan, "kpi", "--year", "2024", "--as-of", "2025-01-10"])
    assert run.exit_code == 0, run.output
    for ref in ("II.2", "II.4", "II.6", "II.8", "II.9", "PL.3", "PL.8", "PL.10", "PL.18", "PL.19"):
        assert f"\n{ref} " in run.stdout
    assert "dataset ho-so-tthc: 2,000 rows" in run.stdout
    data = json.loads(
        cli(
            [
                "--plan",
                shipped_plan,
                "kpi",
                "--year",
                "2024",
                "--as-of",
                "2025-01-10",
                "--format",
                "json",
            ]
        ).stdout
    )
    assert len(data["targets"]) == 36
    statuses = {t["status"] for t in data["targets"]}
    assert statuses <= {"met", "missed", "at_risk", "no_data"}
    quantitative = [t for t in data["targets"] if t["op"] is not None]
    assert all(t["value"] is not None for t in quantitative)  # every number is measured


def test_breakdown_by_quarter_and_csv(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["--plan", shipped_plan, "kpi", "--by", "quarter", "--by", "unit", "--format", "csv"])
    assert run.exit_code == 0, run.output
    lines = run.stdout.splitlines()
    header = "section,quarter,unit,ref,target,measure,numerator,denominator,value,op,threshold"
    assert lines[0].startswith("\ufeff" + header)  # a BOM: Excel reads the file as UTF-8
    assert sum(line.startswith("target,,,") for line in lines) == 36  # targets kept with --by
    assert any(line.startswith("breakdown,2024-Q2,VP,,,on_time_rate,") for line in lines)


def test_sample_data_is_reproducible(cli: Invoke, tmp_path: Path) -> None:
    for out in ("a", "b"):
        args = ["sample-data", "--rows", "600", "--seed", "5", "-o", tmp_path / out]
        run = cli(["--plan", ROOT / "plan", *args])
        assert run.exit_code == 0, run.output
    a = (tmp_path / "a" / "ho-so-tthc.csv").read_bytes()
    assert a == (tmp_path / "b" / "ho-so-tthc.csv").read_bytes()
    assert a.startswith(b"\xef\xbb\xbfM\xc3\xa3 h\xe1\xbb\x93 s\xc6\xa1;")  # BOM, "Mã hồ sơ;"
    assert a.count(b"\n") == 601
    assert b"31/02/2024" in a  # a dirty row


def test_schema_is_current(cli: Invoke) -> None:
    run = cli(["export", "--schema"])
    assert (
        run.stdout.strip()
        == (ROOT / "plan" / "schema" / "cchc-plan.schema.json").read_text().strip()
    )


def test_xlsx_is_a_real_workbook_whose_text_never_runs(
    cli: Invoke, shipped_plan: Path, tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    export = shipped_plan / "data" / "ho-so-tthc.csv"
    lines = export.read_text(encoding="utf-8-sig").splitlines()
    cells = lines[1].split(";")
    cells[1] = '=HYPERLINK("http://x.invalid","y")'
    hostile = tmp_path / "hostile.csv"
    hostile.write_text("\n".join([lines[0], ";".join(cells), *lines[2:50]]) + "\n")
    book_path = tmp_path / "kpi.xlsx"
    args = ["--plan", shipped_plan, "kpi", "--year", "2024", "--by", "procedure"]
    run = cli([*args, "--data", hostile, "--format", "xlsx", "-o", book_path])
    assert run.exit_code == 0, run.output
    assert f"wrote {book_path}" in run.stderr
    book = load_workbook(book_path)
    assert book.sheetnames == ["targets", "by procedure"]
    targets = book["targets"]
    assert [cell.value for cell in targets[1]][:4] == ["ref", "target", "measure", "numerator"]
    assert targets.max_row == 36 + 1
    breakdown = book["by procedure"]
    formula = next(row[0] for row in breakdown.iter_rows(min_row=2) if "HYPERLINK" in row[0].value)
    assert formula.data_type == "s"  # text from an export is never a formula
    assert isinstance(breakdown["C2"].value, int)  # counts are numbers, not text
    bare = cli([*args, "--format", "xlsx"])
    assert bare.exit_code == 2
    assert "--format xlsx writes a file: say where with -o FILE" in bare.stderr
