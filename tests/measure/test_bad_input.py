"""Every bad input the issue names: the message, the exit code, and no traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_cli.measure.formulas import PLAN_FORMULAS
from tests.conftest import Invoke
from tests.measure.conftest import EXPECTED, HEADER, PERIOD, ROWS, write_export


def counts(cli: Invoke, plan: Path) -> dict[str, tuple[int, int]]:
    """(numerator, denominator) of every measure, from the JSON output."""
    run = cli(["--plan", plan, "kpi", *PERIOD, "--format", "json"])
    assert run.exit_code == 0, run.output
    measures = json.loads(run.stdout)["measures"]
    return {
        name: (m["numerator"], m["denominator"])
        for name, m in measures.items()
        if name not in PLAN_FORMULAS  # counted from the plan's tasks, not the export
    }


def kpi(cli: Invoke, plan: Path, *extra: str) -> tuple[int, str]:
    run = cli(["--plan", plan, "kpi", *PERIOD, *extra])
    assert "Traceback" not in run.output
    return run.exit_code, run.output


def test_missing_required_column(cli: Invoke, measured_plan: Path) -> None:
    write_export(measured_plan, header=HEADER.replace("received_at", "received"))
    code, output = kpi(cli, measured_plan)
    assert code == 2
    assert "data/hoso.csv: no column 'received_at' (did you mean 'received'?)" in output
    assert "columns found: dossier_id, procedure_code" in output


def test_values_not_covered_by_the_mapping(cli: Invoke, measured_plan: Path) -> None:
    rows = [*ROWS, "D30,P1,x,VP,2024-01-05,2024-01-15,,Zalo,false,false,false,"]
    rows.append("D31,P1,x,VP,2024-01-05,2024-01-15,,Zalo,false,false,false,")
    write_export(measured_plan, rows)
    code, output = kpi(cli, measured_plan)
    assert code == 2
    assert (
        "values not covered by the value mapping — channel (column 'channel'): 'Zalo' (2)" in output
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "data/hoso.csv: the file is empty"),
        (b"\xef\xbb\xbf\n\n", "data/hoso.csv: the file is empty"),
        ((HEADER + "\n").encode(), "data/hoso.csv: the file has a header but no rows"),
    ],
)
def test_empty_and_header_only(
    cli: Invoke, measured_plan: Path, content: bytes, message: str
) -> None:
    (measured_plan / "data" / "hoso.csv").write_bytes(content)
    code, output = kpi(cli, measured_plan)
    assert code == 2
    assert message in output


def test_wrong_delimiter(cli: Invoke, measured_plan: Path) -> None:
    text = (measured_plan / "datasets.yaml").read_text(encoding="utf-8")
    (measured_plan / "datasets.yaml").write_text(text + '    delimiter: ","\n', encoding="utf-8")
    write_export(measured_plan, delimiter=";")
    code, output = kpi(cli, measured_plan)
    assert code == 2
    assert (
        "the dataset says the delimiter is ',', but the header has none; it is separated by ';'"
        in output
    )


def test_mixed_date_formats_in_one_column(cli: Invoke, measured_plan: Path) -> None:
    rows = [*ROWS, "D40,P1,x,VP,05/03/2024,2024-03-15,,direct,false,false,false,"]
    write_export(measured_plan, rows)
    code, output = kpi(cli, measured_plan)
    assert code == 2
    assert "column 'received_at' mixes date formats: most dates are ISO yyyy-mm-dd" in output
    assert "1 in dd/mm/yyyy form (first at line 22)" in output


@pytest.mark.parametrize("encoding", ["utf-16", "cp1258", "utf-8-sig"])
def test_other_encodings_are_read(cli: Invoke, measured_plan: Path, encoding: str) -> None:
    write_export(measured_plan, encoding=encoding)
    assert counts(cli, measured_plan) == EXPECTED


def test_cp1258_vietnamese_words_meet_the_mapping(cli: Invoke, measured_plan: Path) -> None:
    text = (measured_plan / "datasets.yaml").read_text(encoding="utf-8")
    text += (
        '    values:\n      channel: {"Trực tuyến toàn trình": online_full, "Trực tiếp": direct,'
    )
    text += ' "Trực tuyến một phần": online_partial, "Bưu chính": postal}\n'
    (measured_plan / "datasets.yaml").write_text(text, encoding="utf-8")
    words = {
        "online_full": "Trực tuyến toàn trình",
        "online_partial": "Trực tuyến một phần",
        "direct": "Trực tiếp",
        "postal": "Bưu chính",
    }
    rows = []
    for row in ROWS:
        cells = row.split(",")
        cells[7] = words[cells[7]]
        rows.append(",".join(cells))
    write_export(measured_plan, rows, encoding="cp1258")
    run = cli(["--plan", measured_plan, "kpi", *PERIOD, "--format", "json"])
    assert run.exit_code == 0, run.output
    assert json.loads(run.stdout)["measures"]["online_full_share"]["numerator"] == 6


def test_file_not_found(cli: Invoke, measured_plan: Path) -> None:
    text = (measured_plan / "datasets.yaml").read_text(encoding="utf-8")
    (measured_plan / "datasets.yaml").write_text(text.replace("data/*.csv", "data/missing.csv"))
    code, output = kpi(cli, measured_plan)
    assert code == 2
    assert "dataset 'ho-so': file not found: " in output
    assert "data/missing.csv" in output


def test_glob_matching_nothing(cli: Invoke, measured_plan: Path) -> None:
    text = (measured_plan / "datasets.yaml").read_text(encoding="utf-8")
    (measured_plan / "datasets.yaml").write_text(text.replace("data/*.csv", "data/*.xlsx"))
    code, output = kpi(cli, measured_plan)
    assert code == 2
    assert "dataset 'ho-so': 'data/*.xlsx' matches no file in" in output


def test_data_option_file_not_found(cli: Invoke, measured_plan: Path) -> None:
    code, output = kpi(cli, measured_plan, "--data", str(measured_plan / "nope.csv"))
    assert code == 2
    assert "nope.csv: file not found (--data)" in output


def test_xlsx_export(cli: Invoke, measured_plan: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.split(","))
    for row in ROWS:
        sheet.append(row.split(","))
    xlsx = measured_plan / "data" / "hoso.xlsx"
    workbook.save(xlsx)
    (measured_plan / "data" / "hoso.csv").unlink()
    text = (measured_plan / "datasets.yaml").read_text(encoding="utf-8")
    (measured_plan / "datasets.yaml").write_text(text.replace("data/*.csv", "data/*.xlsx"))
    assert counts(cli, measured_plan) == EXPECTED


def test_bad_period_option(cli: Invoke, measured_plan: Path) -> None:
    run = cli(["--plan", measured_plan, "kpi", "--from", "1.1.24", "--to", "2024-03-31"])
    assert run.exit_code == 2
    assert "--from: '1.1.24' is not written as dd/mm/yyyy or yyyy-mm-dd" in run.output
    run = cli(["--plan", measured_plan, "kpi", "--by", "unti"])
    assert run.exit_code == 2
    assert "did you mean 'unit'?" in run.output
