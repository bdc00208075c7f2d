"""Reading exports within bounds: workbook budgets, header rows, line numbers, numbers."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from cchc_cli.errors import UserError
from cchc_cli.measure.lines import line_numbers
from cchc_cli.measure.measurements import _number
from cchc_cli.measure.sniff import sniff_csv
from cchc_cli.measure.xlsx_guard import check_workbook


def _workbook(path: Path, sheet: str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
    return path


def test_a_far_cell_or_forged_dimension_is_refused(tmp_path: Path) -> None:
    far = '<worksheet><sheetData><row r="1048576"><c r="XFD1048576"/></row></sheetData></worksheet>'
    with pytest.raises(UserError, match=r"1,048,576 rows × 16,384 columns"):
        check_workbook(_workbook(tmp_path / "far.xlsx", far))
    forged = '<worksheet><dimension ref="A1:ZZZ9999999"/></worksheet>'
    with pytest.raises(UserError, match="spans"):
        check_workbook(_workbook(tmp_path / "forged.xlsx", forged))
    fine = '<worksheet><dimension ref="A1:N2000"/><sheetData/></worksheet>'
    check_workbook(_workbook(tmp_path / "fine.xlsx", fine))


def test_a_zip_bomb_is_refused_early(tmp_path: Path) -> None:
    bomb = "<worksheet>" + " " * (20 << 20) + "</worksheet>"
    with pytest.raises(UserError, match="zip bomb"):
        check_workbook(_workbook(tmp_path / "bomb.xlsx", bomb))


def test_the_header_is_found_under_title_rows(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        'BÁO CÁO;;\n"Từ ngày\n01/01/2024";;\n\nMã;Ngày;Hạn\nH1;"a\nb";x\nH2;c;d\n',
        encoding="utf-8",
    )
    sniffed = sniff_csv(path, wanted=["Mã", "Ngày"])
    assert (sniffed.header, sniffed.header_line, sniffed.skip) == (["Mã", "Ngày", "Hạn"], 5, 3)
    assert line_numbers(path, sniffed, [0, 1], 2) == {0: 6, 1: 8}


def test_huge_or_undefined_numbers_are_refused() -> None:
    for text in ("1e400", "nan", "inf", "1e16"):
        with pytest.raises(UserError, match="not a usable number"):
            _number(text, "value", "f.csv:2")
    assert _number("12,5", "value", "f.csv:2") == 12.5
