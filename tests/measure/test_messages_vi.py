"""What kpi, score and report say about exports, in Vietnamese: rows set aside, the
verdict on a dataset, errors about files and periods. Machine output (JSON, --rejects)
stays English and carries the code of each row set aside."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import Invoke
from tests.measure.conftest import PERIOD, ROWS, write_export

MORE_BAD_ROWS = [
    *ROWS,
    "D21,P1,x,VP,31/02/2024,2024-01-15,,direct,false,false,false,",  # not a date
    "D22,P1,x,VP,2024-01-10,2024-01-15,2024-01-05,direct,false,false,false,",  # result first
]
"""The 20-row export (2 rows invalid, 1 duplicate) with 2 more invalid rows: over 10%."""


def kpi(cli: Invoke, plan: Path, *extra: str, lang: str = "vi") -> tuple[int, str]:
    run = cli(["--lang", lang, "--plan", plan, "kpi", *PERIOD, *extra])
    assert "Traceback" not in run.output
    return run.exit_code, run.output


def test_rows_set_aside_are_said_in_vietnamese(cli: Invoke, measured_plan: Path) -> None:
    code, output = kpi(cli, measured_plan)
    assert code == 0, output
    assert "data/hoso.csv:17: ngày tiếp nhận trống hoặc không phải ngày ('2024-02-31')" in output
    assert "data/hoso.csv:18: ngày trả kết quả trước ngày tiếp nhận ('2024-01-01')" in output
    assert "data/hoso.csv:16: trùng số hồ sơ với dòng 3 (giữ dòng đó)" in output
    for english in ("receipt date", "result date", "same dossier number", "(kept)"):
        assert english not in output
    # The same run in English, from the cached dataset report: the cache keeps codes,
    # not sentences in the language that filled it.
    code, output = kpi(cli, measured_plan, lang="en")
    assert "data/hoso.csv:16: same dossier number as line 3 (kept)" in output
    assert "(from cache)" in output


def test_machine_output_keeps_english_reasons_and_codes(
    cli: Invoke, measured_plan: Path, tmp_path: Path
) -> None:
    rejects = tmp_path / "rejects.csv"
    run = cli(["--plan", measured_plan, "kpi", *PERIOD, "--format", "json"])
    assert run.exit_code == 0, run.output
    (dataset,) = json.loads(run.stdout)["datasets"]
    first = dataset["invalid_examples"][0]
    assert first["reason"] == "the receipt date is empty or not a date ('2024-02-31')"
    assert (first["code"], first["args"]) == ("bad_received_at", {"value": "2024-02-31"})
    twin = dataset["duplicate_examples"][0]
    assert (twin["code"], twin["args"]) == ("duplicate", {"kept_line": 3})
    run = cli(["--lang", "vi", "--plan", measured_plan, "kpi", *PERIOD, "--rejects", rejects])
    assert run.exit_code == 0, run.output
    lines = rejects.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == "dataset,file,line,kind,reason"
    assert lines[-1].endswith(",16,duplicate,same dossier number as line 3 (kept)")


def test_too_many_invalid_rows_is_said_in_vietnamese(cli: Invoke, measured_plan: Path) -> None:
    write_export(measured_plan, MORE_BAD_ROWS)
    code, output = kpi(cli, measured_plan)
    assert code == 1
    assert "data/hoso.csv:22: ngày tiếp nhận trống hoặc không phải ngày ('31/02/2024')" in output
    assert (
        "bộ dữ liệu 'ho-so': 4 trên 22 dòng (18%) bị loại vì không hợp lệ, vượt mức 10% mà "
        "cchc chấp nhận"
    ) in output
    assert "set aside" not in output


def test_export_errors_are_said_in_vietnamese(cli: Invoke, measured_plan: Path) -> None:
    code, output = kpi(cli, measured_plan, "--data", str(measured_plan / "nope.csv"))
    assert code == 2
    assert "nope.csv: không tìm thấy tệp (--data)" in output
    (measured_plan / "empty.csv").write_bytes(b"")
    code, output = kpi(cli, measured_plan, "--data", str(measured_plan / "empty.csv"))
    assert code == 2
    assert "empty.csv: tệp rỗng" in output
    assert "gợi ý: xuất lại danh sách hồ sơ" in output


def test_period_errors_use_the_day_form_of_the_language(cli: Invoke, measured_plan: Path) -> None:
    run = cli(
        [
            "--lang",
            "vi",
            "--plan",
            measured_plan,
            "kpi",
            "--from",
            "2024-03-01",
            "--to",
            "2024-02-01",
        ]
    )
    assert run.exit_code == 2
    assert "--from 01/03/2024 sau --to 01/02/2024" in run.output
    run = cli(["--lang", "vi", "--plan", measured_plan, "kpi", "--quarter", "Q7"])
    assert run.exit_code == 2
    assert "kỳ 'Q7' không hợp lệ: dùng Q1-Q4 cho --quarter, H1 hoặc H2 cho --half" in run.output


def test_report_period_errors_are_said_in_vietnamese(cli: Invoke, shipped_plan: Path) -> None:
    run = cli(["--lang", "vi", "--plan", shipped_plan, "report", "--quarter", "Q5"])
    assert run.exit_code == 2
    assert "--quarter Q5: một năm có các quý Q1, Q2, Q3 và Q4" in run.output
    assert "ví dụ cchc report --quarter Q2" in run.output


def test_a_year_to_date_period_is_named_in_the_language(cli: Invoke, measured_plan: Path) -> None:
    args = ["--plan", measured_plan, "kpi", "--quarter", "Q1", "--ytd", "--as-of", "2024-04-15"]
    run = cli(["--lang", "vi", *args])
    assert "kỳ 2024-Q1 (lũy kế từ đầu năm) (" in run.stdout, run.output
    run = cli([*args, "--format", "json"])
    assert '"label": "2024-Q1 (year to date)"' in run.stdout


def test_a_copy_of_the_exports_names_its_own_files(
    cli: Invoke, measured_plan: Path, tmp_path: Path
) -> None:
    """The cached dataset report is shared by every copy of the same exports."""
    copy = tmp_path / "copy"
    shutil.copytree(measured_plan, copy)
    kpi(cli, copy)
    kpi(cli, measured_plan)  # its exports imported again: the copy's entry is rewritten
    _code, output = kpi(cli, copy)
    assert "(lấy từ bộ nhớ đệm)" in output
    assert f"{copy}/data/hoso.csv:16: trùng số hồ sơ với dòng 3 (giữ dòng đó)" in output
    assert str(measured_plan) not in output
