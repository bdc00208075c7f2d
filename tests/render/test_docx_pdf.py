"""The Word report through LibreOffice (PDF), and the scripts that build and draw it.

LibreOffice and poppler are skipped only on a workstation without them; in CI (``CI``
set) their absence fails these tests, so a broken PDF path cannot pass unnoticed.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest

from cchc_cli.errors import UserError
from cchc_cli.render import docx_report
from cchc_cli.render.docx_report import docx_to_pdf, render_docx
from tests.render.docx_support import (
    CHARTS,
    ROOT,
    TEMPLATE,
    require_tool,
    sample_context,
)

SCRIPTS = ROOT / "scripts"


def load_script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def words(text: str) -> str:
    """Text with its whitespace collapsed and its accents composed (as PDFs vary)."""
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tool("soffice", "libreoffice")
    folder = tmp_path_factory.mktemp("pdf")
    docx = folder / "report.docx"
    docx.write_bytes(render_docx(sample_context(), TEMPLATE, CHARTS))
    return docx_to_pdf(docx, folder / "out")


def test_pdf_holds_title_summary_and_every_target(pdf: Path) -> None:
    pdftotext = require_tool("pdftotext")
    done = subprocess.run(
        [pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    text = words(done.stdout)
    context = sample_context()
    assert pdf.name == "report.pdf"
    assert words(context["title"]) in text
    assert words(context["summary"]) in text
    for target in context["targets"]:
        assert target["ref"] in text
    assert "{{" not in text
    assert "{%" not in text


def test_pdf_page_count_is_sane(pdf: Path) -> None:
    pdfinfo = require_tool("pdfinfo")
    done = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True)
    match = re.search(r"^Pages:\s+(\d+)$", done.stdout, re.MULTILINE)
    assert match is not None
    assert 1 <= int(match.group(1)) <= 30


def test_first_page_png_script(pdf: Path, tmp_path: Path) -> None:
    require_tool("pdftoppm")
    script = load_script("render_first_page")
    docx = pdf.parent.parent / "report.docx"
    png = script.first_page_png(docx, tmp_path / "first.png")
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


def fake_office(folder: Path, body: str) -> None:
    """An ``soffice`` on PATH that runs ``body`` (a shell script) instead of LibreOffice."""
    folder.mkdir()
    office = folder / "soffice"
    office.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    office.chmod(0o755)


def test_no_libreoffice_names_the_package_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(UserError) as caught:
        docx_to_pdf(TEMPLATE, tmp_path)
    assert "libreoffice-writer-nogui" in str(caught.value)


def test_a_failed_conversion_says_what_libreoffice_said(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_office(tmp_path / "bin", "echo 'Error: source file could not be loaded' >&2; exit 1")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(UserError, match="source file could not be loaded"):
        docx_to_pdf(TEMPLATE, tmp_path / "out")


def running(pid: int) -> bool:
    """Whether ``pid`` is a live process (a zombie awaiting its reaper is not)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except FileNotFoundError:
        return False
    return "State:\tZ" not in status


def test_a_stale_pdf_does_not_pass_for_a_new_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_office(tmp_path / "bin", "exit 0")  # "succeeds" without writing anything
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "report.pdf").write_bytes(b"%PDF- from yesterday")
    with pytest.raises(UserError, match="could not convert"):
        docx_to_pdf(TEMPLATE, tmp_path / "out")


def test_a_hung_conversion_is_killed_at_the_timeout(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    child = tmp_path / "child.pid"
    # LibreOffice's launcher starts soffice.bin: a child, which must go down with it.
    fake_office(tmp_path / "bin", f"sleep 30 & echo $! > {child}; wait")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    started = time.monotonic()
    with pytest.raises(UserError, match=r"LibreOffice did not finish within 0.5 s"):
        docx_to_pdf(TEMPLATE, tmp_path / "out", timeout=0.5)
    assert time.monotonic() - started < 10  # not held until the orphan closes the pipe
    pid = int(child.read_text())
    deadline = time.monotonic() + 3
    while running(pid):
        assert time.monotonic() < deadline, "the converter's child survived the timeout"
        time.sleep(0.05)


def test_a_missing_docx_is_a_user_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_office(tmp_path / "bin", "exit 0")
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    with pytest.raises(UserError, match="no such file"):
        docx_to_pdf(tmp_path / "nope.docx", tmp_path)


def test_the_template_module_imports_no_word_library_at_import_time() -> None:
    probe = (
        "import sys, cchc_cli.render.docx_report; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'docx', 'docxtpl', 'lxml'}))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
    assert docx_report.__name__ == "cchc_cli.render.docx_report"


# -- the template build ------------------------------------------------------------------


def test_the_committed_template_is_what_the_script_builds() -> None:
    built = load_script("build_word_template").build()
    assert built == TEMPLATE.read_bytes(), (
        "templates/report.docx is stale: run python scripts/build_word_template.py"
    )


def test_the_template_build_is_reproducible() -> None:
    script = load_script("build_word_template")
    assert script.build() == script.build()
