"""A PNG of a Word report's first page, as LibreOffice lays it out (for the README).

    python scripts/render_first_page.py REPORT.docx [-o docs/report-first-page.png]
    python scripts/render_first_page.py --sample     # the test suite's sample report

The DOCX is converted to PDF with LibreOffice (``cchc_cli.render.docx_report``), then
``pdftoppm`` (poppler-utils) draws page 1 at 80 dpi. Looking at the picture is how the
layout is checked against Decree 30/2020/NĐ-CP: tests read properties, eyes read pages.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from cchc_cli.errors import UserError
from cchc_cli.render.docx_report import docx_to_pdf, render_docx

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_CONTEXT = ROOT / "tests" / "render" / "data" / "report_context.json"
TEMPLATE = ROOT / "templates" / "report.docx"
DEFAULT_OUTPUT = ROOT / "docs" / "report-first-page.png"


def first_page_png(docx: Path, output: Path, *, dpi: int = 80) -> Path:
    """Draw page 1 of ``docx`` into ``output`` (PNG)."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise UserError("pdftoppm not found", hint="apt-get install poppler-utils")
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="cchc-first-page-") as work:
        pdf = docx_to_pdf(docx, Path(work))
        prefix = Path(work) / "page"
        command = [pdftoppm, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile"]
        done = subprocess.run(
            [*command, str(pdf), str(prefix)], capture_output=True, text=True, check=False
        )
        if done.returncode != 0:
            raise UserError(f"pdftoppm failed on {pdf}: {done.stderr.strip()}")
        shutil.move(prefix.with_suffix(".png"), output)
    return output


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docx", nargs="?", type=Path, help="the Word report to draw")
    parser.add_argument("--sample", action="store_true", help="draw the sample report")
    parser.add_argument("-o", "--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args()
    if (args.docx is None) == (not args.sample):
        parser.error("give a .docx file or --sample (one of them)")
    try:
        with tempfile.TemporaryDirectory(prefix="cchc-sample-") as work:
            docx = args.docx
            if args.sample:
                docx = Path(work) / "report.docx"
                context = json.loads(SAMPLE_CONTEXT.read_text(encoding="utf-8"))
                docx.write_bytes(render_docx(context, TEMPLATE, {}))
            print(first_page_png(docx, args.output, dpi=args.dpi))
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
