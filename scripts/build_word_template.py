"""Build ``templates/report.docx``: the periodic CCHC report as a docxtpl template.

The Word file is the report's layout and wording: Jinja tags sit in its paragraphs
(``{{ title }}``), whole paragraphs (``{%p for … %}``) and table rows (``{%tr … %}``),
and ``cchc_cli/render/docx_report.py`` fills them from the report context (see
``tests/render/data/report_context.json``). The layout follows Decree 30/2020/NĐ-CP,
Appendix I: A4 portrait, margins 20/20/30/15 mm, Times New Roman, the two-column
header (issuing body | national motto), the title and summary, the body, the
recipients and signature blocks, page numbers centred in the top margin from page 2.

Every look is a named paragraph style ("CCHC Body", "CCHC Motto", …): someone
adjusting the template in Word changes a style once, not fifty paragraphs.

Run ``python scripts/build_word_template.py`` after changing this file and commit the
result; the output is byte-for-byte reproducible (fixed zip timestamps and document
properties), and a test fails when the committed file is stale.
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

sys.path.insert(0, str(Path(__file__).resolve().parent))  # wordml.py, beside this script
from wordml import (
    FIXED_TIME,
    TEXT_WIDTH_MM,
    add_styles,
    keep_row_together,
    new_table,
    normalise_styles,
    page_number,
    para,
    repeat_header,
    reproducible_zip,
    rule,
    tag,
)

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "templates" / "report.docx"

# Column widths (mm). Header and signature tables have no cell padding, so the text
# may use each column in full: the motto in 12 pt bold caps is about 89 mm wide, a
# parent body such as "UBND THÀNH PHỐ HẢI PHÒNG" in 13 pt about 67 mm.
HEADER_COLUMNS = (72, 93)
SIGNATURE_COLUMNS = (80, 85)
# Targets table: ref, target, numerator, denominator, value, threshold, status.
TARGET_COLUMNS = (14, 56, 16, 16, 19, 19, 25)
BREAKDOWN_COLUMNS = (55, 110)
# Scorecard: group, indicator, value, target, points earned / maximum, gap.
SCORECARD_COLUMNS = (32, 45, 28, 18, 20, 22)
# Rules: "CỘNG HÒA…" header rules per Decree 30/2020 App. I. The slogan "Độc lập - Tự do
# - Hạnh phúc" in 13 pt bold is ~56 mm wide (Times metrics); its rule is as long. The
# issuing body's and the summary's rules are 1/3-1/2 of their lines.
SLOGAN_RULE_MM = 56
ISSUING_RULE_MM = 24
SUMMARY_RULE_MM = 45


# -- the document ------------------------------------------------------------------------


def _page_setup(document: Any) -> None:
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    section.header_distance, section.footer_distance = Mm(10), Mm(10)
    # Page numbers centred in the top margin, not on the first page.
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    section.header.is_linked_to_previous = False
    number = section.header.paragraphs[0]
    number.style = "CCHC Page Number"
    page_number(number)


def _header(document: Any) -> None:
    left_mm, right_mm = HEADER_COLUMNS
    table = new_table(document, HEADER_COLUMNS, rows=2, borders=False)
    left, right = table.rows[0].cells
    para(left, "CCHC Parent Body", "{{ header.parent_body }}", first=True)
    para(left, "CCHC Issuing Body", "{{ header.issuing_body }}")
    rule(left, ISSUING_RULE_MM, left_mm)
    para(right, "CCHC Motto", "{{ header.motto }}", first=True)
    para(right, "CCHC Slogan", "{{ header.slogan }}")
    rule(right, SLOGAN_RULE_MM, right_mm)
    # Second row: the number and the place-date share a line, as in the Decree's sample.
    left, right = table.rows[1].cells
    para(left, "CCHC Number", "{{ header.number_line }}", first=True)
    para(right, "CCHC Place Date", "{{ header.place_date }}", first=True)


def _title(document: Any) -> None:
    para(document, "CCHC Title", "{{ title }}")
    para(document, "CCHC Summary", "{{ summary }}")
    tag(document, "if unit")
    para(document, "CCHC Summary", "{{ unit.name }}")
    tag(document, "endif")
    rule(document, SUMMARY_RULE_MM, TEXT_WIDTH_MM)
    para(document, "CCHC Body", "{{ opening }}")


def _loop(document: Any, var: str, items: str, style: str, text: str) -> None:
    """One ``style`` paragraph of ``text`` per element ``var`` of ``items``."""
    tag(document, f"for {var} in {items}")
    para(document, style, text)
    tag(document, "endfor")


def _tasks_and_targets(document: Any, part: str) -> None:
    """A report part's own content: placeholder, paragraphs, tasks, targets."""
    tag(document, f"if {part}.placeholder")
    para(document, "CCHC Placeholder", "{{ labels.placeholder }}")
    tag(document, "endif")
    _loop(document, "p", f"{part}.paragraphs", "CCHC Body", "{{ p }}")
    tag(document, f"for t in {part}.tasks")
    para(
        document,
        "CCHC Body",
        "{{ t.id }} — {{ t.content.rstrip('.') }} ({{ t.lead }}; {{ t.deadline }}): "
        "{{ t.state_label }}{% if t.percent %}, {{ t.percent }}{% endif %}"
        "{% if t.late %} ({{ labels.task.late }} {{ t.late }}){% endif %}.",
    )
    for field in ("progress", "evidence", "problems", "proposals"):
        tag(document, f"if t.{field}")
        para(
            document,
            "CCHC Body",
            f"- {{{{ labels.task.{field} }}}}: {{{{ t.{field}|join('; ') }}}}.",
        )
        tag(document, "endif")
    tag(document, "endfor")
    _loop(
        document,
        "t",
        f"{part}.targets",
        "CCHC Body",
        "- {{ labels.target.word }} {{ t.ref }} ({{ t.text }}): "
        "{% if t.status == 'no_data' %}{{ t.status_label }}"
        "{% else %}{{ t.measure_label }} {{ t.value }} ({{ t.numerator }}/{{ t.denominator }}),"
        " {{ t.status_label }} ({{ labels.target.threshold }} {{ t.threshold }}){% endif %}"
        "{% if t.note %}; {{ t.note }}{% endif %}.",
    )


def _listing(document: Any, part: str, style: str, heading: str) -> None:
    """A heading, then paragraphs and "- item" lines; the placeholder when both are empty."""
    para(document, style, heading)
    # ``['items']``, not ``.items``: Jinja looks attributes up first, and a dict has items().
    tag(document, f"if not ({part}.paragraphs or {part}['items'])")
    para(document, "CCHC Placeholder", "{{ labels.placeholder }}")
    tag(document, "endif")
    _loop(document, "p", f"{part}.paragraphs", "CCHC Body", "{{ p }}")
    _loop(document, "i", f"{part}['items']", "CCHC Body", "- {{ i }}")


def _outline(document: Any) -> None:
    """The CCHC report outline, parts I-V (DOMAIN.md §4)."""
    direction = "sections.direction"
    para(document, "CCHC Heading", f"{{{{ {direction}.number }}}}. {{{{ {direction}.title }}}}")
    _tasks_and_targets(document, direction)
    para(document, "CCHC Heading", "{{ outline.results.number }}. {{ outline.results.title }}")
    tag(document, "for a in sections.areas")
    para(document, "CCHC Subheading", "{{ a.number }}. {{ a.title }}")
    _tasks_and_targets(document, "a")
    tag(document, "endfor")
    para(
        document, "CCHC Heading", "{{ outline.assessment.number }}. {{ outline.assessment.title }}"
    )
    for part in ("sections.strengths", "sections.weaknesses"):
        _listing(
            document, part, "CCHC Subheading", f"{{{{ {part}.number }}}}. {{{{ {part}.title }}}}"
        )
    _listing(
        document,
        "sections.next_period",
        "CCHC Heading",
        "{{ sections.next_period.number }}. {{ sections.next_period.title }}"
        "{% if sections.next_period.label %} ({{ sections.next_period.label|upper }}){% endif %}",
    )
    _listing(
        document,
        "sections.proposals",
        "CCHC Heading",
        "{{ sections.proposals.number }}. {{ sections.proposals.title }}",
    )


def _signature(document: Any) -> None:
    table = new_table(document, SIGNATURE_COLUMNS, rows=1, borders=False)
    left, right = table.rows[0].cells
    para(left, "CCHC Recipients Label", "{{ labels.recipients }}", first=True)
    _loop(left, "r", "recipients", "CCHC Recipient", "- {{ r }}")
    tag(right, "if signer.authority", first=True)
    para(right, "CCHC Signer", "{{ signer.authority }}")
    tag(right, "endif")
    para(right, "CCHC Signer", "{{ signer.title }}")
    para(right, "CCHC Signer Name", "{{ signer.name }}")


def _looped_table(document: Any, widths: tuple[int, ...], loop: str, heads: list[str]) -> Any:
    """A ruled table: a header row of ``heads`` repeated on every page, then one row per
    element of ``loop`` (``{%tr for … %}``), never split across pages. Returns the cells
    of that row."""
    table = new_table(document, widths, rows=4, borders=True)
    head, loop_start, row, loop_end = table.rows
    repeat_header(head)
    keep_row_together(row)
    for cell, text in zip(head.cells, heads, strict=True):
        para(cell, "CCHC Table Head", text, first=True)
    para(loop_start.cells[0], "Normal", f"{{%tr for {loop} %}}", first=True)
    para(loop_end.cells[0], "Normal", "{%tr endfor %}", first=True)
    return row.cells


def _targets_table(document: Any) -> None:
    columns = ("ref", "target", "numerator", "denominator", "value", "threshold", "status")
    heads = [f"{{{{ labels.columns.{key} }}}}" for key in columns]
    cells = _looped_table(document, TARGET_COLUMNS, "t in targets", heads)
    ref, target, numerator, denominator, value, threshold, status = cells
    para(ref, "CCHC Table Center", "{{ t.ref }}", first=True)
    para(target, "CCHC Table Text", "{{ t.text }}", first=True)
    para(target, "CCHC Table Note", "({{ t.measure_label }})")
    for cell, key in (
        (numerator, "numerator"),
        (denominator, "denominator"),
        (value, "value"),
        (threshold, "threshold"),
    ):
        para(cell, "CCHC Table Center", f"{{{{ t.{key} }}}}", first=True)
    para(status, "CCHC Table Center", "{{ t.status_label }}", first=True)
    tag(status, "if t.note")
    para(status, "CCHC Table Note", "{{ t.note }}")
    tag(status, "endif")


def _breakdown_table(document: Any) -> None:
    # The breakdown's measures vary from plan to plan, and docxtpl cannot add columns
    # cleanly; so one row per unit, and one cell listing "measure: value" per measure.
    heads = ["{{ breakdown.columns[0] }}", "{{ labels.columns.value }}"]
    unit, values = _looped_table(document, BREAKDOWN_COLUMNS, "row in breakdown.rows", heads)
    para(unit, "CCHC Table Text", "{{ row[0] }}", first=True)
    tag(values, "for i in range(1, row|length)", first=True)
    para(values, "CCHC Table Text", "{{ breakdown.columns[i] }}: {{ row[i] }}")
    tag(values, "endfor")


def _scorecard_table(document: Any) -> None:
    columns = ("group", "indicator", "value", "target", "points", "gap")
    heads = [f"{{{{ labels.scorecard.{key} }}}}" for key in columns]
    cells = _looped_table(document, SCORECARD_COLUMNS, "r in scorecard.rows", heads)
    group, indicator, value, target, points, gap = cells
    para(group, "CCHC Table Text", "{{ r.group }}", first=True)
    para(indicator, "CCHC Table Text", "{{ r.title }}", first=True)
    for cell, key in ((value, "value"), (target, "target"), (points, "points")):
        para(cell, "CCHC Table Center", f"{{{{ r.{key} }}}}", first=True)
    para(gap, "CCHC Table Text", "{{ r.gap }}", first=True)


def _scorecard(document: Any) -> None:
    tag(document, "if scorecard")
    para(document, "CCHC Table Title", "{{ labels.scorecard.title }}")
    para(document, "CCHC Body", "{{ labels.scorecard.source }}: {{ scorecard.source }}")
    _scorecard_table(document)
    para(document, "CCHC Body", "{{ scorecard.total }}")
    tag(document, "if scorecard.no_data")
    para(document, "CCHC Body", "{{ scorecard.no_data }}")
    tag(document, "endif")
    tag(document, "endif")


def _annex(document: Any) -> None:
    para(document, "CCHC Annex Title", "{{ labels.annex_title }}")
    para(document, "CCHC Table Title", "{{ labels.targets_table_title }}")
    tag(document, "if targets")
    _targets_table(document)
    tag(document, "else")
    para(document, "CCHC Placeholder", "{{ labels.placeholder }}")
    tag(document, "endif")
    tag(document, "if breakdown.rows")
    para(document, "CCHC Table Title", "{{ breakdown.title }}")
    _breakdown_table(document)
    tag(document, "endif")
    _scorecard(document)
    para(document, "CCHC Table Title", "{{ labels.data_title }}")
    para(document, "CCHC Body", "{{ labels.data_period_label }}: {{ data.period }}.")
    _loop(document, "d", "data.datasets", "CCHC Body", "- {{ d }}")
    tag(document, "if data.set_aside")
    para(document, "CCHC Body", "{{ labels.set_aside_title }}:")
    _loop(document, "s", "data.set_aside", "CCHC Body", "- {{ s }}")
    tag(document, "endif")
    charts = (
        ("attainment", "chart_attainment"),
        ("trend", "chart_trend"),
        ("scorecard", "scorecard.chart"),
    )
    for image, caption in charts:
        tag(document, f"if images.{image} is defined")
        para(document, "CCHC Figure", f"{{{{ images.{image} }}}}")
        para(document, "CCHC Caption", f"{{{{ labels.{caption} }}}}")
        tag(document, "endif")
    para(document, "CCHC Provenance", "{{ provenance }}")


def build() -> bytes:
    """The template, as the bytes of a .docx file."""
    document = Document()
    normalise_styles(document)
    add_styles(document)
    _page_setup(document)
    body = document._body._body
    for paragraph in list(body.iterchildren(qn("w:p"))):  # the default empty paragraph
        body.remove(paragraph)
    _header(document)
    _title(document)
    _outline(document)
    _signature(document)
    _annex(document)
    # docxtpl renders these too, so the report's File > Properties name it. ``|safe``:
    # python-docx escapes property values itself, and escaping twice would show "&amp;".
    properties = document.core_properties
    properties.title = "{{ summary|safe }}"
    properties.subject = "{{ title|safe }}"
    properties.author = "{{ header.issuing_body|safe }}"
    properties.last_modified_by = "cchc"
    properties.created = properties.modified = FIXED_TIME
    properties.revision = 1
    properties.comments = ""
    buffer = io.BytesIO()
    document.save(buffer)
    return reproducible_zip(buffer.getvalue())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", type=Path, default=OUTPUT, help="default: %(default)s")
    args = parser.parse_args()
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(build())
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
