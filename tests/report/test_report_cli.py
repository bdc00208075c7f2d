"""``cchc report`` end to end: the real plan, its sample data, files on disk."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Invoke
from tests.report.conftest import AS_OF, check_golden

Q2 = ["report", "--plan", "plan", "--quarter", "Q2", "--year", "2024", "--as-of", AS_OF]


def test_the_q2_report_in_markdown_matches_the_golden_file(cli: Invoke, repo: Path) -> None:
    run = cli(Q2)
    assert run.exit_code == 0, run.output
    check_golden("bao-cao-cchc-2024-Q2.md", run.stdout)


def test_the_report_follows_the_outline_and_the_plan(cli: Invoke, repo: Path) -> None:
    text = cli(Q2).stdout
    order = [
        "UBND THÀNH PHỐ HẢI PHÒNG",  # the header's two columns, row by row
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "Độc lập - Tự do - Hạnh phúc",
        "BÁO CÁO",
        "Kết quả thực hiện công tác cải cách hành chính quý II năm 2024",
        "(số liệu từ ngày 15/03/2024 đến ngày 14/06/2024)",
        "## I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "## II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC",
        "### 1. Cải cách thể chế",
        "### 6. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
        "## III. ĐÁNH GIÁ CHUNG",
        "### 1. Ưu điểm",
        "### 2. Tồn tại, hạn chế và nguyên nhân",
        "## IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        "## V. ĐỀ XUẤT, KIẾN NGHỊ",
        "Nơi nhận:",
        "KT. GIÁM ĐỐC",
        "Phạm Quốc Hiệu",
        "## PHỤ LỤC",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    # The office's own words come from plan/reports/2024-Q2.yaml.
    assert "lồng ghép nội dung CCHC trong các cuộc họp giao ban" in text
    # An area with nothing to say says so, instead of an empty heading.
    assert "### 4. Cải cách chế độ công vụ\n\n\n(Nội dung do đơn vị bổ sung)" in text
    # Every target of the plan is a row of the annex, with its status in Vietnamese.
    annex = text[text.index("## PHỤ LỤC") :]
    assert annex.count("\n| II.") + annex.count("\n| PL.") == 36
    assert "| đạt |" in annex
    assert "| chưa có số liệu |" in annex
    # The last line traces the report to its inputs.
    last = text.rstrip().splitlines()[-1]
    assert "hp-sgddt-cchc-2024" in last
    assert "plan/data/ho-so-tthc.csv sha256:" in last


def test_number_and_date_fill_the_header(cli: Invoke, repo: Path) -> None:
    run = cli([*Q2, "--number", "45", "--date", "2024-07-05"])
    assert "Số: 45/BC-SGDĐT" in run.stdout
    assert "Hải Phòng, ngày 05 tháng 7 năm 2024" in run.stdout
    january = cli([*Q2, "--date", "2024-01-08"]).stdout
    assert "ngày 08 tháng 01 năm 2024" in january  # months 1 and 2 take a leading zero


def test_without_a_period_the_report_due_next_is_written(cli: Invoke, repo: Path) -> None:
    run = cli(["report", "--plan", "plan", "--as-of", "2024-05-20"])
    assert run.exit_code == 0, run.output
    # The six-month report is due before 10/06/2024.
    assert "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024" in run.stdout
    assert "(số liệu từ ngày 15/12/2023 đến ngày 14/06/2024)" in run.stdout
    annual = cli(["report", "--plan", "plan", "--year", "2024", "--as-of", "2024-12-01"])
    assert "cải cách hành chính năm 2024" in annual.stdout


def test_a_unit_report_keeps_its_own_tasks_and_dossiers(cli: Invoke, repo: Path) -> None:
    run = cli([*Q2, "--unit", "TCCB"])
    assert run.exit_code == 0, run.output
    assert "PHÒNG TỔ CHỨC CÁN BỘ" in run.stdout
    assert "/BC-TCCB" in run.stdout
    assert "**PL.2**" in run.stdout  # TCCB leads PL.2
    assert "**PL.1**" not in run.stdout  # VP's task, TCCB not involved
    department = cli(Q2).stdout
    unit_row = next(line for line in run.stdout.splitlines() if line.startswith("| II.6 |"))
    all_row = next(line for line in department.splitlines() if line.startswith("| II.6 |"))
    assert unit_row != all_row  # measured on TCCB's dossiers only


def test_format_all_writes_markdown_html_word_and_charts(cli: Invoke, repo: Path) -> None:
    run = cli([*Q2, "--format", "all", "-o", "out"])
    assert run.exit_code == 0, run.output
    names = sorted(path.name for path in (repo / "out").iterdir())
    assert names == [
        "bao-cao-cchc-2024-Q2-attainment.png",
        "bao-cao-cchc-2024-Q2-scorecard.png",
        "bao-cao-cchc-2024-Q2-trend.png",
        "bao-cao-cchc-2024-Q2.docx",
        "bao-cao-cchc-2024-Q2.html",
        "bao-cao-cchc-2024-Q2.md",
    ]
    markdown = (repo / "out" / "bao-cao-cchc-2024-Q2.md").read_text(encoding="utf-8")
    assert (
        "![Mức đạt các chỉ tiêu so với ngưỡng cam kết](bao-cao-cchc-2024-Q2-attainment.png)"
        in markdown
    )
    html = (repo / "out" / "bao-cao-cchc-2024-Q2.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 3  # the three charts inline
    assert "wrote out/bao-cao-cchc-2024-Q2.docx" in run.stderr
    from docx import Document

    document = Document(str(repo / "out" / "bao-cao-cchc-2024-Q2.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Kết quả thực hiện công tác cải cách hành chính quý II năm 2024" in text
    targets = max(document.tables, key=lambda table: len(table.rows))
    assert len(targets.rows) == 36 + 1  # one row per target, and the header row
    assert len(document.inline_shapes) == 3  # the three charts


def test_the_readme_examples_are_the_real_output(cli: Invoke, repo: Path) -> None:
    from tests.conftest import ROOT
    from tests.test_readme import console_example

    command = "cchc report --quarter Q2 --year 2024 --as-of 2024-07-05 --format all -o out/"
    run = cli(["--plan", "plan", *command.split()[1:]])
    assert run.exit_code == 0, run.output
    assert run.stderr.rstrip("\n") == console_example(command)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("```markdown\n") + len("```markdown\n")
    excerpt = readme[start : readme.index("```", start)]
    assert cli(Q2).stdout.startswith(excerpt)
