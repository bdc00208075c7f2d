"""The Word report: the sample context rendered through the shipped template, read back
with python-docx and checked against Decree 30/2020/NĐ-CP, Appendix I."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from cchc_cli.render.docx_report import render_docx
from cchc_cli.render.templating import find_template, template_dirs
from tests.render.docx_support import CHARTS, TEMPLATE, sample_context

FONT = "Times New Roman"


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Any:
    output = tmp_path_factory.mktemp("docx") / "report.docx"
    output.write_bytes(render_docx(sample_context(), TEMPLATE, CHARTS))
    return Document(str(output))


def render(tmp_path: Path, context: dict[str, Any], images: dict[str, bytes] | None = None) -> Any:
    output = tmp_path / "report.docx"
    output.write_bytes(render_docx(context, TEMPLATE, CHARTS if images is None else images))
    return Document(str(output))


def effective(paragraph: Any, attribute: str) -> Any:
    """A font attribute as Word shows it: the runs' own, else the style chain's."""
    values = {getattr(run.font, attribute) for run in paragraph.runs if run.text.strip()}
    values.discard(None)
    assert len(values) <= 1, f"mixed {attribute} in {paragraph.text!r}"
    if values:
        return values.pop()
    style = paragraph.style
    while style is not None:
        value = getattr(style.font, attribute)
        if value is not None:
            return value
        style = style.base_style
    return None


def formatted(paragraph: Any, attribute: str) -> Any:
    """A paragraph-format attribute, from the paragraph or its style chain."""
    value = getattr(paragraph.paragraph_format, attribute)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, attribute)
        style = style.base_style
    return value


def find(paragraphs: Any, text: str) -> Any:
    matches = [p for p in paragraphs if p.text == text]
    assert matches, f"no paragraph {text!r} in {[p.text for p in paragraphs]}"
    return matches[0]


def texts(document: Any) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_page_is_a4_portrait_with_the_decree_margins(report: Any) -> None:
    section = report.sections[0]
    lengths = ("page_width", "page_height", "top_margin", "bottom_margin", "left_margin")
    in_mm = [round(getattr(section, name).mm, 1) for name in (*lengths, "right_margin")]
    assert in_mm == [210, 297, 20, 20, 30, 15]  # Word stores twips: 210 mm is 11907


def test_times_new_roman_for_every_script_and_no_theme_fonts(report: Any) -> None:
    styles = report.styles.element
    fonts = list(styles.iter(qn("w:rFonts")))
    assert fonts
    for element in fonts:
        assert not any("Theme" in key or "theme" in key for key in element.attrib), element.attrib
        for script in ("ascii", "hAnsi", "cs", "eastAsia"):
            assert element.get(qn(f"w:{script}")) == FONT
    for color in styles.iter(qn("w:color")):
        assert color.get(qn("w:val")) in {"000000", "auto"}


class Line(NamedTuple):
    row: int
    column: int
    text: str
    size: int
    bold: bool = False
    italic: bool = False
    caps: bool = False


HEADER_LINES = [
    Line(0, 0, "UBND THÀNH PHỐ HẢI PHÒNG", 13, caps=True),
    Line(0, 0, "SỞ GIÁO DỤC VÀ ĐÀO TẠO", 13, bold=True, caps=True),
    Line(1, 0, "Số:        /BC-SGDĐT", 13),
    Line(0, 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True, caps=True),
    Line(0, 1, "Độc lập - Tự do - Hạnh phúc", 13, bold=True),
    Line(1, 1, "Hải Phòng, ngày 05 tháng 7 năm 2024", 14, italic=True),
]


@pytest.mark.parametrize("line", HEADER_LINES, ids=[line.text for line in HEADER_LINES])
def test_header_lines(report: Any, line: Line) -> None:
    paragraph = find(report.tables[0].cell(line.row, line.column).paragraphs, line.text)
    assert effective(paragraph, "name") == FONT
    assert effective(paragraph, "size") == Pt(line.size)
    assert bool(effective(paragraph, "bold")) is line.bold
    assert bool(effective(paragraph, "italic")) is line.italic
    assert bool(effective(paragraph, "all_caps")) is line.caps
    assert formatted(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_header_table_is_borderless_two_columns(report: Any) -> None:
    header = report.tables[0]
    assert len(header.columns) == 2
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def rules(cell_or_document: Any) -> list[Any]:
    """Paragraphs drawn as horizontal rules (a top border on an empty paragraph)."""
    found = []
    for paragraph in cell_or_document.paragraphs:
        ppr = paragraph.style.element.pPr
        if ppr is not None and ppr.find(qn("w:pBdr")) is not None and not paragraph.text:
            found.append(paragraph)
    return found


def test_rules_under_issuing_body_slogan_and_summary_are_real_lines(report: Any) -> None:
    left, right = report.tables[0].rows[0].cells
    (issuing,) = rules(left)
    (slogan,) = rules(right)
    (summary,) = rules(report)
    width = {
        rule: Mm(column) - 2 * rule.paragraph_format.left_indent
        for rule, column in ((issuing, 72), (slogan, 93), (summary, 165))
    }
    assert Mm(20) <= width[issuing] <= Mm(36)  # 1/3 to 1/2 of "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    assert Mm(50) <= width[slogan] <= Mm(62)  # as long as "Độc lập - Tự do - Hạnh phúc"
    assert not any("___" in text for text in texts(report))
    for rule in (issuing, slogan, summary):
        assert rule.paragraph_format.left_indent == rule.paragraph_format.right_indent


def test_title_and_summary_bold_14_centred(report: Any) -> None:
    context = sample_context()
    for text in (context["title"], context["summary"]):
        paragraph = find(report.paragraphs, text)
        assert effective(paragraph, "size") == Pt(14)
        assert effective(paragraph, "bold") is True
        assert formatted(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_body_paragraphs_justified_with_first_line_indent(report: Any) -> None:
    context = sample_context()
    for text in (context["opening"], context["sections"]["direction"]["paragraphs"][0]):
        paragraph = find(report.paragraphs, text)
        assert effective(paragraph, "size") == Pt(14)
        assert formatted(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert formatted(paragraph, "first_line_indent") == Cm(1.27)
        assert formatted(paragraph, "space_before") >= Pt(6)


def test_outline_in_order_with_tasks_targets_and_placeholders(report: Any) -> None:
    lines = texts(report)
    headings = [
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC",
        "1. Cải cách thể chế",
        "2. Cải cách thủ tục hành chính",
        "III. ĐÁNH GIÁ CHUNG",
        "1. Ưu điểm",
        "2. Tồn tại, hạn chế và nguyên nhân",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI (QUÝ III NĂM 2024)",
        "V. ĐỀ XUẤT, KIẾN NGHỊ",
    ]
    positions = [lines.index(heading) for heading in headings]
    assert positions == sorted(positions)
    for heading in headings:
        paragraph = find(report.paragraphs, heading)
        assert effective(paragraph, "bold") is True
        assert effective(paragraph, "size") == Pt(14)
        if heading[0] in "IV":
            assert effective(paragraph, "all_caps") is True
    placeholder = "(Nội dung do đơn vị bổ sung)"
    assert lines[lines.index("1. Cải cách thể chế") + 1] == placeholder  # area placeholder
    assert lines[lines.index("V. ĐỀ XUẤT, KIẾN NGHỊ") + 1] == placeholder  # no proposals
    assert (
        "PL.1 — Ban hành Kế hoạch CCHC năm 2024 (Văn phòng Sở; Trước ngày 25/1/2024): "
        "đã hoàn thành, 100%." in lines
    )
    assert "- Tiến độ: 22/01/2024: Đã ban hành Kế hoạch." in lines
    assert "- Khó khăn, vướng mắc: Một số đơn vị chưa gửi báo cáo tự kiểm tra." in lines
    assert any(line.startswith("PL.5 — ") and "(trễ 12 ngày làm việc)" in line for line in lines)
    assert any(
        line.startswith("- Chỉ tiêu II.6 ") and "97,02% (456/470), đạt" in line for line in lines
    )
    assert "- Nhiệm vụ PL.1 đã hoàn thành." in lines
    assert not any("{{" in line or "{%" in line for line in lines)


def test_recipients_and_signature(report: Any) -> None:
    context = sample_context()
    left, right = report.tables[1].rows[0].cells
    label = find(left.paragraphs, "Nơi nhận:")
    assert (effective(label, "bold"), effective(label, "italic")) == (True, True)
    assert effective(label, "size") == Pt(12)
    recipients = [p for p in left.paragraphs if p.text.startswith("- ")]
    assert [p.text for p in recipients] == [f"- {r}" for r in context["recipients"]]
    assert {effective(p, "size") for p in recipients} == {Pt(11)}
    signer = context["signer"]
    for text in (signer["authority"], signer["title"], signer["name"]):
        paragraph = find(right.paragraphs, text)
        assert effective(paragraph, "bold") is True
        assert effective(paragraph, "size") == Pt(14)
        assert formatted(paragraph, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    assert effective(find(right.paragraphs, signer["title"]), "all_caps") is True


def test_targets_table_one_row_per_target_under_a_repeated_header(report: Any) -> None:
    context = sample_context()
    table = report.tables[2]
    assert len(table.rows) == 1 + len(context["targets"])
    head = table.rows[0]
    assert head._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [c.text for c in head.cells] == list(context["labels"]["columns"].values())
    for row, target in zip(table.rows[1:], context["targets"], strict=True):
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None  # a row stays on one page
        cells = [c.text for c in row.cells]
        assert cells[0] == target["ref"]
        assert cells[1] == f"{target['text']}\n({target['measure_label']})"
        assert cells[2:6] == [target[k] for k in ("numerator", "denominator", "value", "threshold")]
        assert cells[6].startswith(target["status_label"])


def test_breakdown_lists_measures_per_unit_and_is_omitted_when_empty(
    report: Any, tmp_path: Path
) -> None:
    breakdown = sample_context()["breakdown"]
    table = report.tables[3]
    assert len(table.rows) == 1 + len(breakdown["rows"])
    first = table.rows[1].cells
    assert first[0].text == "Văn phòng Sở"
    assert first[1].text.splitlines() == [
        f"{column}: {value}"
        for column, value in zip(breakdown["columns"][1:], breakdown["rows"][0][1:], strict=True)
    ]
    context = sample_context()
    context["breakdown"]["rows"] = []
    document = render(tmp_path, context)
    assert len(document.tables) == 4  # header, signature, targets, scorecard
    assert breakdown["title"] not in texts(document)


def test_scorecard_table_one_row_per_indicator_with_its_total(report: Any) -> None:
    scorecard = sample_context()["scorecard"]
    table = report.tables[4]
    assert len(table.rows) == 1 + len(scorecard["rows"])
    assert [cell.text for cell in table.rows[1].cells] == [
        scorecard["rows"][0][key] for key in ("group", "title", "value", "target", "points", "gap")
    ]
    assert scorecard["total"] in texts(report)


def test_page_numbers_in_the_header_from_page_two(report: Any) -> None:
    section = report.sections[0]
    assert section.different_first_page_header_footer is True
    assert not section.first_page_header.is_linked_to_previous
    assert all(not p.text.strip() for p in section.first_page_header.paragraphs)
    header = section.header._element
    instructions = "".join(t.text for t in header.iter(qn("w:instrText")))
    assert instructions.strip() == "PAGE"
    number = section.header.paragraphs[0]
    assert formatted(number, "alignment") == WD_ALIGN_PARAGRAPH.CENTER


def test_annex_on_a_new_page_with_data_notes_charts_and_provenance(report: Any) -> None:
    context = sample_context()
    lines = texts(report)
    annex = find(report.paragraphs, context["labels"]["annex_title"])
    assert formatted(annex, "page_break_before") is True
    for line in (
        f"Kỳ số liệu: {context['data']['period']}.",
        f"- {context['data']['datasets'][0]}",
        f"- {context['data']['set_aside'][0]}",
        context["labels"]["chart_attainment"],
        context["labels"]["chart_trend"],
    ):
        assert line in lines
    pictures = report.inline_shapes
    assert len(pictures) == 2
    assert all(abs(p.width - Mm(160)) < Mm(1) for p in pictures)
    provenance = report.paragraphs[-1]
    assert provenance.text == context["provenance"]
    assert Pt(9) <= effective(provenance, "size") <= Pt(10)


def test_without_charts_no_pictures_and_no_captions(tmp_path: Path) -> None:
    document = render(tmp_path, sample_context(), images={})
    assert len(document.inline_shapes) == 0
    assert "Mức đạt các chỉ tiêu so với ngưỡng cam kết" not in texts(document)


def test_unit_line_when_the_report_is_a_units(tmp_path: Path) -> None:
    context = sample_context()
    context["unit"] = {"code": "TCCB", "name": "Phòng Tổ chức cán bộ"}  # as report_context()
    lines = texts(render(tmp_path, context))
    assert lines[lines.index(context["summary"]) + 1] == "Phòng Tổ chức cán bộ"
    assert not any("TCCB" in line for line in lines)


def test_xml_special_characters_in_the_data_are_text(tmp_path: Path) -> None:
    context = sample_context()
    context["sections"]["proposals"]["items"] = ['Tỷ lệ < 5% & "trễ" <w:p>']
    lines = texts(render(tmp_path, context))
    assert '- Tỷ lệ < 5% & "trễ" <w:p>' in lines


def test_document_properties_name_the_report(tmp_path: Path) -> None:
    context = sample_context()
    context["summary"] = "Báo cáo CCHC & số liệu < 5%"
    properties = render(tmp_path, context).core_properties
    assert properties.title == "Báo cáo CCHC & số liệu < 5%"
    assert properties.subject == context["title"]
    assert properties.author == context["header"]["issuing_body"]


def test_the_callers_context_is_left_alone(tmp_path: Path) -> None:
    context = sample_context()
    before = copy.deepcopy(context)
    render(tmp_path, context)
    assert context == before


def test_the_shipped_template_is_found_by_template_lookup() -> None:
    assert find_template("report.docx", template_dirs(None, None)) == TEMPLATE
