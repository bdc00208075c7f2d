"""Word (WordprocessingML) building blocks for ``build_word_template.py``.

Styles that follow Decree 30/2020/NĐ-CP (Times New Roman, black, sizes per line kind),
paragraphs holding one whole Jinja tag, borderless and ruled tables, short rules drawn
as paragraph borders, the PAGE field, and a zip writer with fixed timestamps so the
template is byte-for-byte reproducible.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

FONT = "Times New Roman"
TEXT_WIDTH_MM = 210 - 30 - 15  # A4 minus the left and right margins
FIXED_TIME = datetime(2024, 1, 1, tzinfo=UTC)  # document properties, for reproducibility
ZIP_TIME = (1980, 1, 1, 0, 0, 0)

CENTER = WD_ALIGN_PARAGRAPH.CENTER
LEFT = WD_ALIGN_PARAGRAPH.LEFT
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY


@dataclass(frozen=True)
class Look:
    """A paragraph style: what Decree 30/2020 asks of one kind of line."""

    size: float
    align: Any = LEFT
    bold: bool = False
    italic: bool = False
    caps: bool = False
    indent: bool = False  # first-line indent 1.27 cm (body text)
    before: float = 0
    after: float = 0
    keep_with_next: bool = False
    page_break_before: bool = False
    line: float = 1.0  # line spacing, in lines (the Decree: single to 1.5)


BODY = Look(14, JUSTIFY, indent=True, before=6, line=1.15)
STYLES: dict[str, Look] = {
    # Header, left column: parent body, issuing body, number and symbol.
    "CCHC Parent Body": Look(13, CENTER, caps=True),
    "CCHC Issuing Body": Look(13, CENTER, bold=True, caps=True),
    "CCHC Number": Look(13, CENTER, before=6),
    # Header, right column: national motto, slogan, place and date.
    "CCHC Motto": Look(12, CENTER, bold=True, caps=True),
    "CCHC Slogan": Look(13, CENTER, bold=True),
    "CCHC Place Date": Look(14, CENTER, italic=True, before=6),
    # A short horizontal rule: an empty paragraph whose top border is the line.
    "CCHC Rule": Look(2, before=3),
    "CCHC Title": Look(14, CENTER, bold=True, caps=True, before=18, keep_with_next=True),
    "CCHC Summary": Look(14, CENTER, bold=True, keep_with_next=True),
    "CCHC Body": BODY,
    "CCHC Heading": Look(
        14, JUSTIFY, bold=True, caps=True, indent=True, before=6, keep_with_next=True, line=1.15
    ),
    "CCHC Subheading": Look(
        14, JUSTIFY, bold=True, indent=True, before=6, keep_with_next=True, line=1.15
    ),
    "CCHC Placeholder": Look(14, JUSTIFY, italic=True, indent=True, before=6, line=1.15),
    # Recipients (Nơi nhận) and signature.
    "CCHC Recipients Label": Look(12, LEFT, bold=True, italic=True, before=12),
    "CCHC Recipient": Look(11, LEFT),
    "CCHC Signer": Look(14, CENTER, bold=True, caps=True, before=12, keep_with_next=True),
    "CCHC Signer Name": Look(14, CENTER, bold=True, before=72),
    # Annex (Phụ lục).
    "CCHC Annex Title": Look(
        14, CENTER, bold=True, caps=True, page_break_before=True, after=6, keep_with_next=True
    ),
    "CCHC Table Title": Look(14, CENTER, bold=True, before=12, after=6, keep_with_next=True),
    "CCHC Table Head": Look(12, CENTER, bold=True, before=3, after=3),
    "CCHC Table Text": Look(12, LEFT, before=3, after=3),
    "CCHC Table Center": Look(12, CENTER, before=3, after=3),
    "CCHC Table Note": Look(11, LEFT, italic=True, after=3),
    "CCHC Figure": Look(14, CENTER, before=12, keep_with_next=True),
    "CCHC Caption": Look(12, CENTER, italic=True, after=6),
    "CCHC Provenance": Look(9, LEFT, italic=True, before=18),
    "CCHC Page Number": Look(13, CENTER),
}


# -- low-level helpers -------------------------------------------------------------------


def element(tag: str, **attrs: str) -> Any:
    """A new ``w:`` element with ``w:`` attributes."""
    node = OxmlElement(tag)
    for name, value in attrs.items():
        node.set(qn(f"w:{name}"), value)
    return node


def set_fonts(rpr: Any) -> None:
    """Times New Roman for every script (Latin, complex, East Asian), no theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = element("w:rFonts")
        rpr.insert(0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for script in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{script}"), FONT)


def normalise_styles(document: Any) -> None:
    """Every style and the document defaults: Times New Roman, black, Vietnamese."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr)
    for lang in rpr.findall(qn("w:lang")):
        lang.set(qn("w:val"), "vi-VN")
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for spacing in ppr.findall(qn("w:spacing")):
        ppr.remove(spacing)
    for fonts in styles.iter(qn("w:rFonts")):
        set_fonts(fonts.getparent())
    for color in list(styles.iter(qn("w:color"))):
        color.set(qn("w:val"), "000000")
        for key in ("themeColor", "themeShade", "themeTint"):
            color.attrib.pop(qn(f"w:{key}"), None)


def add_styles(document: Any) -> None:
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    normal.font.color.rgb = RGBColor(0, 0, 0)
    set_fonts(normal.element.get_or_add_rPr())
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for name, look in STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        font = style.font
        font.size = Pt(look.size)
        font.bold = look.bold
        font.italic = look.italic
        font.all_caps = look.caps
        fmt = style.paragraph_format
        fmt.alignment = look.align
        fmt.space_before = Pt(look.before)
        fmt.space_after = Pt(look.after)
        fmt.first_line_indent = Cm(1.27) if look.indent else Cm(0)
        fmt.keep_with_next = look.keep_with_next
        fmt.page_break_before = look.page_break_before
        fmt.line_spacing = look.line
    rule = document.styles["CCHC Rule"]
    rule.paragraph_format.line_spacing = Pt(4)  # exactly: the paragraph is only its line
    borders = element("w:pBdr")
    borders.append(element("w:top", val="single", sz="6", space="1", color="000000"))
    set_property(rule.element.get_or_add_pPr(), borders)


def para(container: Any, style: str, text: str = "", *, first: bool = False) -> Any:
    """A paragraph of ``style`` holding ``text`` in one run (Jinja tags stay whole)."""
    paragraph = container.paragraphs[0] if first else container.add_paragraph()
    paragraph.style = style
    if text:
        paragraph.add_run(text)
    return paragraph


def tag(container: Any, code: str, *, first: bool = False) -> None:
    """A docxtpl paragraph tag (``{%p code %}``): the paragraph disappears when rendered."""
    para(container, "Normal", f"{{%p {code} %}}", first=first)


def rule(container: Any, width_mm: float, column_mm: float) -> None:
    """A centred rule ``width_mm`` long in a column ``column_mm`` wide."""
    paragraph = para(container, "CCHC Rule")
    side = Mm((column_mm - width_mm) / 2)
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side


# The order of a properties element's children (ECMA-376 Part 1, 17.3.1.26, 17.4.60,
# 17.4.82), as far as this template uses them. Word refuses a file whose property
# children are out of order; LibreOffice silently ignores the misplaced ones.
# fmt: off
SCHEMA_ORDER = {
    "pPr": (
        "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
        "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
        "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN",
        "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing",
        "mirrorIndents", "suppressOverlap", "jc", "textDirection", "textAlignment",
        "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange",
    ),
    "tblPr": (
        "tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
        "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd",
        "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription",
    ),
    "trPr": (
        "cnfStyle", "divId", "gridBefore", "gridAfter", "wBefore", "wAfter", "cantSplit",
        "trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden",
    ),
}
# fmt: on


def set_property(parent: Any, child: Any) -> None:
    """Put ``child`` into a properties element (``pPr``, ``tblPr``, ``trPr``) at its
    place in the schema's order, replacing one of the same name."""
    order = [qn(f"w:{tag}") for tag in SCHEMA_ORDER[parent.tag.split("}")[1]]]
    for old in parent.findall(child.tag):
        parent.remove(old)
    later = order[order.index(child.tag) + 1 :]
    for sibling in parent:
        if sibling.tag in later:
            sibling.addprevious(child)
            return
    parent.append(child)


def new_table(document: Any, widths_mm: Iterable[float], rows: int, *, borders: bool) -> Any:
    widths = list(widths_mm)
    table = document.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tblpr = table._tbl.tblPr
    edges = element("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if borders:
            edges.append(element(f"w:{edge}", val="single", sz="4", space="0", color="000000"))
        else:
            edges.append(element(f"w:{edge}", val="nil"))
    set_property(tblpr, edges)
    if not borders:  # header and signature: no padding, the columns hold the text
        margins = element("w:tblCellMar")
        for side in ("left", "right"):
            margins.append(element(f"w:{side}", w="0", type="dxa"))
        set_property(tblpr, margins)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    return table


def keep_row_together(row: Any) -> None:
    """Never split ``row`` across two pages."""
    set_property(row._tr.get_or_add_trPr(), element("w:cantSplit"))


def repeat_header(row: Any) -> None:
    """Mark ``row`` as the table's header, repeated at the top of every page."""
    set_property(row._tr.get_or_add_trPr(), element("w:tblHeader"))


def page_number(paragraph: Any) -> None:
    """A PAGE field: begin, instruction, separator, cached result, end."""
    pieces = [
        element("w:fldChar", fldCharType="begin"),
        element("w:instrText"),
        element("w:fldChar", fldCharType="separate"),
        element("w:t"),
        element("w:fldChar", fldCharType="end"),
    ]
    pieces[1].set(qn("xml:space"), "preserve")
    pieces[1].text = " PAGE "
    pieces[3].text = "2"
    for piece in pieces:
        paragraph.add_run()._r.append(piece)


def reproducible_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so equal input gives equal bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            target.writestr(entry, source.read(info.filename))
    return out.getvalue()
