"""The periodic CCHC report as a Word file (and, through LibreOffice, as PDF).

The layout is ``templates/report.docx``, a docxtpl template (Jinja tags inside the Word
file; built by ``scripts/build_word_template.py``, editable in Word). The report
service hands over its context (every string already in Vietnamese, see
``tests/render/data/report_context.json``) and the charts as PNG bytes; here they are
poured into the template inside the same Jinja sandbox as every other template.

Values are XML-escaped on the way in (docxtpl's ``autoescape``): a target such as
"< 5%" or a unit called "Kế hoạch & Tài chính" must not break the document's XML.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.render.external import run_tool
from cchc_cli.render.templating import TemplateError, sandbox

__all__ = ["CHART_WIDTH_MM", "PDF_TIMEOUT", "docx_to_pdf", "render_docx"]

CHART_WIDTH_MM = 160  # the text is 165 mm wide (A4 minus 30 + 15 mm margins)
PDF_TIMEOUT = 180.0  # seconds; a first LibreOffice start on a cold machine takes ~10 s
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
LIBREOFFICE_PACKAGE = "libreoffice-writer-nogui"


def render_docx(context: dict[str, Any], template: Path, images: Mapping[str, bytes]) -> bytes:
    """The Word ``template`` filled with ``context``: the bytes of a .docx file.

    ``images`` maps a name (``attainment``, ``trend``) to PNG bytes; the template sees
    each as ``images.<name>``, a picture 16 cm wide. The caller's ``context`` is not
    modified. Bad Jinja in the template, a name it lacks, or an attempt to reach Python
    internals raises :class:`TemplateError` naming the template file.
    """
    from docx.shared import Mm
    from docxtpl import DocxTemplate, InlineImage

    document = _open_template(DocxTemplate, template)
    pictures = {
        name: InlineImage(document, io.BytesIO(_png(name, data)), width=Mm(CHART_WIDTH_MM))
        for name, data in images.items()
    }
    with _template_errors(template):
        document.render({**context, "images": pictures}, jinja_env=sandbox(), autoescape=True)
        buffer = io.BytesIO()
        document.save(buffer)
    return buffer.getvalue()


def _open_template(loader: Any, template: Path) -> Any:
    """``template`` loaded by docxtpl, or :class:`TemplateError` if it is not a Word file."""
    from zipfile import BadZipFile

    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    if not template.is_file():
        raise TemplateError(
            _("{template}: Word template not found").format(template=template),
            hint=_("give the path of a .docx file, or reinstall cchc for the shipped one"),
        )
    document = loader(template)
    try:
        document.init_docx()
    except (PackageNotFoundError, BadZipFile, KeyError, ValueError, XMLSyntaxError) as exc:
        raise TemplateError(
            _("{template}: not a Word (.docx) file ({error})").format(template=template, error=exc),
            hint=_("save the template from Word or LibreOffice as .docx (Word 2007-365)"),
        ) from None
    return document


def _png(name: str, data: bytes) -> bytes:
    if not data.startswith(PNG_SIGNATURE):
        raise UserError(
            _("chart '{name}' is not a PNG image").format(name=name),
            hint=_("charts are passed to the Word report as PNG bytes"),
        )
    return data


@contextlib.contextmanager
def _template_errors(template: Path) -> Iterator[None]:
    """Turn what rendering a Word template can raise into one clear :class:`TemplateError`."""
    from jinja2 import TemplateError as JinjaError
    from jinja2 import TemplateSyntaxError
    from jinja2.exceptions import SecurityError
    from lxml.etree import XMLSyntaxError

    try:
        yield
    except TemplateSyntaxError as exc:
        raise TemplateError(
            _("{template}: template syntax error: {error}").format(
                template=template, error=exc.message
            )
            + _near(exc),
            hint=_("open the file in Word and fix that tag ({tags})").format(
                tags="{{ … }}, {%p … %}, {%tr … %}"
            ),
        ) from None
    except SecurityError as exc:
        raise TemplateError(
            _("{name}: refused by the template sandbox: {error}").format(name=template, error=exc),
            hint=_("templates may use the report's data, not Python internals"),
        ) from None
    except JinjaError as exc:
        raise TemplateError(
            f"{template}: {exc}{_near(exc)}",
            hint=_("use only names of the report context (see tests/render/data)"),
        ) from None
    except (TypeError, ValueError, ArithmeticError) as exc:  # raised by a template expression
        raise TemplateError(
            _("{template}: a template expression failed: {error}").format(
                template=template, error=exc
            ),
            hint=_(
                "check the tags' expressions against the report context (see tests/render/data)"
            ),
        ) from None
    except XMLSyntaxError as exc:
        raise TemplateError(
            _("{template}: the filled-in document is not valid Word XML ({error})").format(
                template=template, error=exc
            ),
            hint=_("a {paragraph} or {row} tag must stand alone in its paragraph or row").format(
                paragraph="{%p …%}", row="{%tr …%}"
            ),
        ) from None


def _near(exc: Exception) -> str:
    """The template text around a Jinja error, as docxtpl recorded it (tags stripped)."""
    lines = [" ".join(line.split()) for line in getattr(exc, "docx_context", ())]
    text = " | ".join(line for line in lines if line)
    if not text:
        return ""
    near = text[:200] + ("…" if len(text) > 200 else "")
    return " " + _("(near: {text})").format(text=near)


def docx_to_pdf(docx: Path, out_dir: Path, *, timeout: float = PDF_TIMEOUT) -> Path:
    """Convert ``docx`` to ``out_dir/<stem>.pdf`` with LibreOffice; return that path."""
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        raise UserError(
            _("LibreOffice is needed to write PDF, and neither soffice nor libreoffice is on PATH"),
            hint=_("install it: apt-get install {package} (or write --format docx)").format(
                package=LIBREOFFICE_PACKAGE
            ),
        )
    if not docx.is_file():
        raise UserError(_("cannot convert '{file}': no such file").format(file=docx))
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{docx.stem}.pdf"
    target.unlink(missing_ok=True)  # a PDF left from an earlier run must not pass for this one
    # A private profile: a LibreOffice already open on the desktop (or a parallel run)
    # would otherwise take the job, or lock the profile and fail the conversion.
    with tempfile.TemporaryDirectory(prefix="cchc-office-") as profile:
        command = [
            office,
            f"-env:UserInstallation={Path(profile).as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out_dir),
            str(docx),
        ]
        returncode, output = run_tool(
            command,
            timeout,
            name="LibreOffice",
            hint=_("close other LibreOffice windows and try again"),
        )
    if returncode != 0 or not target.is_file():
        detail = _last_line(output) or _("exit status {code}").format(code=returncode)
        raise UserError(
            _("LibreOffice could not convert '{file}' to PDF: {detail}").format(
                file=docx, detail=detail
            ),
            hint=_("open the file in LibreOffice Writer to see what it dislikes"),
        )
    return target


def _last_line(output: str) -> str:
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    errors = [line for line in lines if re.search(r"error", line, re.IGNORECASE)]
    return (errors or lines or [""])[-1]
