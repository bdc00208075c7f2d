"""The HTML report: content, escaping, sandbox, offline page, and its PDF print."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.errors import UserError
from cchc_cli.i18n import vi
from cchc_cli.render.html_report import chart_svgs, html_to_pdf, render_html
from cchc_cli.render.report_files import load_outline
from cchc_cli.render.templating import TemplateError, shipped_templates

CONTEXT: dict[str, Any] = json.loads(
    (Path(__file__).parent / "data" / "report_context.json").read_text(encoding="utf-8")
)
DIRS = [shipped_templates()]
STATUSES = ("met", "at_risk", "missed", "no_data")
# src=/href=… or CSS url(…) pointing at another host (the SVG's url(#clip) is local)
NETWORK_REFERENCE = re.compile(
    r"""(?:(?:src|href|srcset|action)\s*=\s*|url\()\s*["']?\s*(?:https?:)?//""", re.I
)


def need(tool: str) -> None:
    """Skip when ``tool`` is missing on a developer machine; in CI (``CI`` set) fail."""
    if shutil.which(tool) is None:
        message = f"{tool} is not installed (Debian: see .ci/run)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}; CI must install it")
        pytest.skip(message)


@pytest.fixture
def context() -> dict[str, Any]:
    return copy.deepcopy(CONTEXT)


@pytest.fixture(scope="module")
def page() -> str:
    context = copy.deepcopy(CONTEXT)
    context["images"] = chart_svgs(context)
    return render_html(context, DIRS)


def all_target_refs() -> set[str]:
    refs = {t["ref"] for t in CONTEXT["targets"]}
    refs |= {t["ref"] for area in CONTEXT["sections"]["areas"] for t in area["targets"]}
    return refs


def test_the_sample_context_carries_the_shipped_labels_and_outline() -> None:
    # The templates take every word from these; a stale copy here would test old wording.
    assert CONTEXT["labels"] == json.loads(json.dumps(vi.LABELS))
    assert CONTEXT["outline"] == load_outline(DIRS)


def test_page_is_a_vietnamese_html_document(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="vi">' in page
    assert '<meta charset="utf-8">' in page
    assert 'name="viewport"' in page
    assert "@page" in page
    assert "size: A4" in page
    assert "margin: 20mm 15mm 20mm 30mm" in page


def test_page_holds_the_report(page: str) -> None:
    for text in (
        CONTEXT["title"],
        CONTEXT["summary"],
        CONTEXT["header"]["issuing_body"],
        CONTEXT["header"]["motto"],
        CONTEXT["header"]["place_date"],
        "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC",
        "III. ĐÁNH GIÁ CHUNG",
        CONTEXT["sections"]["next_period"]["title"],
        CONTEXT["signer"]["name"],
        CONTEXT["labels"]["annex_title"],
        CONTEXT["provenance"],
    ):
        assert text in page, text
    for ref in all_target_refs():
        assert f">{ref}<" in page, ref
    for task in CONTEXT["sections"]["direction"]["tasks"]:
        assert f"{task['id']}." in page


def test_outline_follows_the_official_order(page: str) -> None:
    sections = CONTEXT["sections"]
    headings = [
        f"{sections['direction']['number']}. {sections['direction']['title']}",
        "II. KẾT QUẢ THỰC HIỆN",
        f"1. {sections['areas'][0]['title']}",
        f"2. {sections['areas'][1]['title']}",
        "III. ĐÁNH GIÁ CHUNG",
        f"1. {sections['strengths']['title']}",
        f"2. {sections['weaknesses']['title']}",
        f"{sections['next_period']['number']}. {sections['next_period']['title']}",
        f"{sections['proposals']['number']}. {sections['proposals']['title']}",
        CONTEXT["labels"]["recipients"],
        CONTEXT["labels"]["annex_title"],
        CONTEXT["provenance"],
    ]
    positions = [page.index(h) for h in headings]
    assert positions == sorted(positions)


def test_status_classes_are_used_and_styled(page: str) -> None:
    assert 'class="status status-met"' in page
    assert 'class="status status-no_data"' in page
    style = page[page.index("<style>") : page.index("</style>")]
    for status in STATUSES:
        assert f".status-{status}" in style


def test_empty_parts_show_the_placeholder(page: str) -> None:
    placeholder = CONTEXT["labels"]["placeholder"]
    # area 1 is flagged placeholder; V (proposals) has no items
    assert page.count(placeholder) >= 2
    proposals = page[page.index(CONTEXT["sections"]["proposals"]["title"]) :]
    assert placeholder in proposals[: proposals.index(CONTEXT["labels"]["recipients"])]


def test_tables_scroll_in_a_wrapper_and_breakdown_is_listed(page: str) -> None:
    assert page.count('<div class="table-wrap">') == 3  # targets, units, scorecard
    for cell in CONTEXT["breakdown"]["rows"][1]:
        assert f">{cell}<" in page


def test_a_unit_report_names_the_unit_under_the_summary(context: dict[str, Any]) -> None:
    context["unit"] = {"code": "TCCB", "name": "Phòng Tổ chức cán bộ"}
    html = render_html(context, DIRS)
    assert '<span class="unit">Phòng Tổ chức cán bộ</span>' in html
    assert "TCCB" not in html


def test_breakdown_is_left_out_without_rows(context: dict[str, Any]) -> None:
    context["breakdown"]["rows"] = []
    html = render_html(context, DIRS)
    assert context["breakdown"]["title"] not in html
    assert html.count('<div class="table-wrap">') == 2  # targets, scorecard


def test_charts_are_inline_svg_with_captions(page: str) -> None:
    assert page.count("<svg") == 3
    assert "&lt;svg" not in page
    assert "<?xml" not in page
    assert f"Biểu đồ 1. {CONTEXT['labels']['chart_attainment']}" in page
    assert f"Biểu đồ 2. {CONTEXT['labels']['chart_trend']}" in page


def test_without_images_the_report_has_no_chart_part(context: dict[str, Any]) -> None:
    html = render_html(context, DIRS)
    assert "<svg" not in html
    assert "Biểu đồ 1." not in html


def test_page_needs_no_network(page: str) -> None:
    assert NETWORK_REFERENCE.search(page) is None
    assert "<script" not in page
    assert "<link" not in page
    assert "@import" not in page
    assert "@font-face" not in page


def test_plan_text_is_escaped(context: dict[str, Any]) -> None:
    hostile = "<script>alert(1)</script>"
    context["sections"]["direction"]["tasks"][0]["content"] = hostile
    context["summary"] = 'Báo cáo "quý" <b>II</b> & <img src=x onerror=alert(1)>'
    context["targets"][0]["text"] = '"><a href="https://evil.example/">x</a>'
    context["images"] = {}
    html = render_html(context, DIRS)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script" not in html
    assert "<img" not in html
    assert "<b>II</b>" not in html
    assert NETWORK_REFERENCE.search(html) is None


def write_template(folder: Path, text: str) -> list[Path]:
    (folder / "report.html.j2").write_text(text, encoding="utf-8")
    return [folder, *DIRS]


def test_a_template_beside_the_plan_wins(tmp_path: Path, context: dict[str, Any]) -> None:
    dirs = write_template(tmp_path, "<p>{{ summary }}</p>")
    assert render_html(context, dirs) == f"<p>{context['summary']}</p>"


def test_sandbox_refuses_python_internals(tmp_path: Path, context: dict[str, Any]) -> None:
    dirs = write_template(tmp_path, "{{ ''.__class__.__mro__ }}\n")
    with pytest.raises(TemplateError, match="sandbox"):
        render_html(context, dirs)


def test_syntax_error_names_file_and_line(tmp_path: Path, context: dict[str, Any]) -> None:
    dirs = write_template(tmp_path, "<p>\n{{ title }}\n{% if %}\n</p>\n")
    with pytest.raises(TemplateError) as caught:
        render_html(context, dirs)
    assert f"{tmp_path / 'report.html.j2'}:3:" in str(caught.value)


def test_unknown_name_in_a_template_is_a_template_error(
    tmp_path: Path, context: dict[str, Any]
) -> None:
    dirs = write_template(tmp_path, "{{ no_such_field }}")
    with pytest.raises(TemplateError, match="no_such_field"):
        render_html(context, dirs)


# --- printing to PDF -------------------------------------------------------------------


def test_pdf_print_holds_the_report(tmp_path: Path, page: str) -> None:
    need("chromium")
    need("pdftotext")
    html_file = tmp_path / "report.html"
    html_file.write_text(page, encoding="utf-8")
    pdf = tmp_path / "out" / "report.pdf"
    html_to_pdf(html_file, pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert CONTEXT["title"] in flat
    assert " ".join(CONTEXT["summary"].split()) in flat
    for ref in all_target_refs():
        assert ref in flat, ref
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    assert "(A4)" in info.stdout
    # Decree 30: page numbers centred in the top margin, none on the first page
    pages = text.split("\f")
    assert pages[0].split()[0] != "1"
    assert pages[1].split()[0] == "2"


def fake_browser(folder: Path, script: str) -> None:
    browser = folder / "chromium"
    browser.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    browser.chmod(browser.stat().st_mode | stat.S_IEXEC)


def test_missing_chromium_names_the_debian_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    html_file = tmp_path / "r.html"
    html_file.write_text("<p>x</p>", encoding="utf-8")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(UserError) as caught:
        html_to_pdf(html_file, tmp_path / "r.pdf")
    assert "apt-get install chromium" in str(caught.value)


def test_failing_chromium_is_a_user_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_browser(tmp_path, "echo 'ERROR: cannot open display' >&2; exit 3")
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    html_file = tmp_path / "r.html"
    html_file.write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(UserError, match=r"exit 3[\s\S]*cannot open display"):
        html_to_pdf(html_file, tmp_path / "r.pdf")


def test_hanging_chromium_times_out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_browser(tmp_path, "sleep 30")
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    html_file = tmp_path / "r.html"
    html_file.write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(UserError, match="did not finish"):
        html_to_pdf(html_file, tmp_path / "r.pdf", timeout=0.5)


def test_missing_html_file_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such HTML file"):
        html_to_pdf(tmp_path / "absent.html", tmp_path / "r.pdf")


def test_unstartable_chromium_is_a_user_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_browser(tmp_path, "exit 0")
    (tmp_path / "chromium").write_bytes(b"\x7fELF not really")  # executable, not runnable
    monkeypatch.setenv("PATH", str(tmp_path))
    html_file = tmp_path / "r.html"
    html_file.write_text("<p>x</p>", encoding="utf-8")
    with pytest.raises(UserError, match="cannot start"):
        html_to_pdf(html_file, tmp_path / "r.pdf")
