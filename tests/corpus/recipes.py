"""Generated content for corpus cases too large to write out: named recipes, no code in
the cases themselves.

``{generate: repeat, text: "- x\\n", times: 100000, prefix: "units:\\n", suffix: ""}``
    one file: ``prefix``, ``text`` repeated, ``suffix``;
``{generate: tree, count: 5000, name: "f{i}.yaml", text: "x: 1\\n", depth: 0}``
    a directory of ``count`` files (spread over ``depth`` levels of sub-directories);
``{generate: sparse, size_mb: 20}``
    one sparse file of that size (no disk used), zeros throughout.
``{generate: xlsx, rows: [[…], …], sheet: "Sheet1", far_cell: "XFD1048576"}``
    a real workbook (openpyxl): each row a list of cells; a cell ``"date:2024-01-05"`` is
    a real Excel date cell; ``far_cell`` adds one cell there (a sheet of 17 billion cells);
``{generate: xlsx_forged, dimension: "A1:XFD1048576", padding_mb: 0}``
    a hand-made workbook of two cells whose sheet declares ``dimension`` and carries
    ``padding_mb`` of blanks inside its XML (a zip bomb: it inflates a thousand times).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["generate"]


def _repeat(target: Path, spec: dict[str, Any]) -> None:
    body = str(spec.get("text", "")) * int(spec.get("times", 1))
    text = str(spec.get("prefix", "")) + body + str(spec.get("suffix", ""))
    target.write_bytes(text.encode("utf-8"))


def _tree(target: Path, spec: dict[str, Any]) -> None:
    count = int(spec["count"])
    depth = int(spec.get("depth", 0))
    pattern = str(spec.get("name", "f{i}.yaml"))
    content = str(spec.get("text", "")).encode("utf-8")
    for index in range(count):
        folder = target
        for level in range(depth):
            folder = folder / f"d{level}-{index % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / pattern.format(i=index)).write_bytes(content)


def _sparse(target: Path, spec: dict[str, Any]) -> None:
    with target.open("wb") as handle:
        handle.truncate(int(float(spec["size_mb"]) * 1024 * 1024))


def _xlsx(target: Path, spec: dict[str, Any]) -> None:
    from datetime import date

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = str(spec.get("sheet", "Sheet1"))
    for row in spec.get("rows", []):
        sheet.append(
            [
                date.fromisoformat(cell[5:])
                if isinstance(cell, str) and cell.startswith("date:")
                else cell
                for cell in row
            ]
        )
    if spec.get("far_cell"):
        sheet[str(spec["far_cell"])] = "x"
    book.save(target)


_PARTS = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org'
    '/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
    'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
    '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
    'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
    'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
    'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    'Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.'
    'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" '
    'r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.'
    'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
    'schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    'Target="worksheets/sheet1.xml"/></Relationships>',
}


def _xlsx_forged(target: Path, spec: dict[str, Any]) -> None:
    import zipfile

    dimension = str(spec.get("dimension", "A1:B1"))
    padding = " " * int(float(spec.get("padding_mb", 0)) * 1024 * 1024)
    sheet = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        f'spreadsheetml/2006/main"><dimension ref="{dimension}"/><sheetData>{padding}'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1" t="inlineStr">'
        "<is><t>b</t></is></c></row></sheetData></worksheet>"
    )
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, text in _PARTS.items():
            archive.writestr(name, text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)


_RECIPES = {
    "repeat": _repeat,
    "tree": _tree,
    "sparse": _sparse,
    "xlsx": _xlsx,
    "xlsx_forged": _xlsx_forged,
}


def generate(target: Path, spec: dict[str, Any]) -> None:
    recipe = _RECIPES.get(str(spec["generate"]))
    assert recipe is not None, f"unknown recipe {spec['generate']!r}; known: {sorted(_RECIPES)}"
    recipe(target, spec)
