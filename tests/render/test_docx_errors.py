"""The Word report's failures: each a clear TemplateError or UserError, never a traceback,
and never a half-written or clobbered output."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from docx import Document

from cchc_cli.errors import UserError
from cchc_cli.render.docx_report import render_docx
from cchc_cli.render.templating import TemplateError
from tests.render.docx_support import TEMPLATE, sample_context


def word_file(path: Path, *lines: str) -> Path:
    document = Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def test_a_jinja_syntax_error_names_the_template(tmp_path: Path) -> None:
    template = word_file(tmp_path / "broken.docx", "{{ title }}", "{% if summary %}no end")
    output = tmp_path / "out.docx"
    with pytest.raises(TemplateError) as caught:
        output.write_bytes(render_docx(sample_context(), template, {}))
    message = str(caught.value)
    assert "broken.docx" in message
    assert "syntax error" in message
    assert "no end" in message  # the template text near the error
    assert not output.exists()


def test_the_sandbox_refuses_python_internals(tmp_path: Path) -> None:
    template = word_file(tmp_path / "evil.docx", "{{ ''.__class__.__mro__ }}")
    with pytest.raises(TemplateError, match=r"evil\.docx: refused by the template sandbox"):
        render_docx(sample_context(), template, {})


def test_an_unknown_name_is_a_template_error(tmp_path: Path) -> None:
    template = word_file(tmp_path / "typo.docx", "{{ sumary }}")
    with pytest.raises(TemplateError, match=r"typo\.docx: 'sumary' is undefined"):
        render_docx(sample_context(), template, {})


def test_a_failing_expression_is_a_template_error(tmp_path: Path) -> None:
    template = word_file(tmp_path / "calc.docx", "{% for x in labels.items %}{% endfor %}")
    with pytest.raises(TemplateError, match=r"calc\.docx: a template expression failed"):
        render_docx(sample_context(), template, {})


def broken_word_xml() -> bytes:
    """The shipped template with its main part cut in half."""
    out = io.BytesIO()
    with zipfile.ZipFile(TEMPLATE) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data[: len(data) // 2] if name == "word/document.xml" else data)
    return out.getvalue()


@pytest.mark.parametrize(
    "content",
    [b"", b"not a zip", b"PK\x03\x04broken", broken_word_xml()],
    ids=["empty", "text", "bad zip", "bad xml"],
)
def test_a_file_that_is_not_word_is_a_template_error(tmp_path: Path, content: bytes) -> None:
    template = tmp_path / "report.docx"
    template.write_bytes(content)
    with pytest.raises(TemplateError, match=r"not a Word \(\.docx\) file"):
        render_docx(sample_context(), template, {})


def test_a_missing_template_is_a_template_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="Word template not found"):
        (tmp_path / "out.docx").write_bytes(
            render_docx(sample_context(), tmp_path / "nope.docx", {})
        )


def test_a_chart_that_is_not_png_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UserError, match="chart 'trend' is not a PNG"):
        (tmp_path / "out.docx").write_bytes(
            render_docx(sample_context(), TEMPLATE, {"trend": b"GIF89a"})
        )
