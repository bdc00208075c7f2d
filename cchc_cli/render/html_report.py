"""The periodic CCHC report as one HTML file, and that file printed to PDF.

:func:`render_html` fills ``report.html.j2`` (looked up like every template: the
``--templates`` folder, the plan repository's ``templates/``, then cchc's own) in the
sandboxed, autoescaping environment, so every text from the plan is escaped. The only
markup that passes through unescaped is the charts' SVG, which cchc draws itself
(:mod:`cchc_cli.render.charts`) and marks safe here, in Python.

:func:`html_to_pdf` prints that file with headless Chromium: it lays out the page
with the same CSS a reader sees (``@page`` A4, Decree 30 margins), needs no network,
and is one Debian package away (``apt-get install chromium``).
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.render.external import run_tool
from cchc_cli.render.templating import load_template, render_template, sandbox

__all__ = ["HTML_TEMPLATE", "chart_svgs", "find_chromium", "html_to_pdf", "render_html"]

HTML_TEMPLATE = "report.html.j2"
CHROMIUM_NAMES = ("chromium", "chromium-browser")
PDF_TIMEOUT_S = 120.0


def render_html(context: dict[str, Any], dirs: Sequence[Path]) -> str:
    """The report as a self-contained HTML page.

    ``context["images"]`` (optional) maps a chart name (``attainment``, ``trend``) to
    its SVG text from :func:`chart_svgs`; it is inlined as markup, everything else is
    escaped. Raises :class:`~cchc_cli.render.templating.TemplateError` for a template
    that is missing, malformed or refused by the sandbox.
    """
    from markupsafe import Markup

    images: Mapping[str, str | bytes] = context.get("images") or {}
    inline = {
        name: Markup(svg.decode("utf-8") if isinstance(svg, bytes) else svg)  # noqa: S704 (cchc's own SVG)
        for name, svg in images.items()
        if svg
    }
    template = load_template(sandbox(dirs, html=True), HTML_TEMPLATE)
    return render_template(template, {**context, "images": inline})


def chart_svgs(context: Mapping[str, Any]) -> dict[str, str]:
    """The report's charts as inline SVG text, ready for ``context["images"]``."""
    from cchc_cli.render.charts import report_charts

    return {name: svg.decode("utf-8") for name, svg in report_charts(context, "svg").items()}


def find_chromium() -> str:
    """The Chromium executable on PATH, or a :class:`UserError` saying how to get it."""
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise UserError(
        _(
            "cannot print the report to PDF: Chromium is not installed (looked for {names} on PATH)"
        ).format(names=" / ".join(CHROMIUM_NAMES)),
        hint=_(
            "install the Debian package chromium (apt-get install chromium), or open the "
            "HTML report in a browser and print it to PDF"
        ),
    )


def html_to_pdf(html_file: Path, out_pdf: Path, *, timeout: float = PDF_TIMEOUT_S) -> None:
    """Print ``html_file`` to ``out_pdf`` (A4, the page's own margins) with headless Chromium.

    The browser runs with a throw-away profile and every host name unresolvable, so
    printing never touches the network. Raises :class:`UserError` when Chromium is
    missing, fails, or takes longer than ``timeout`` seconds.
    """
    if not html_file.is_file():
        raise UserError(_("{file}: no such HTML file to print").format(file=html_file))
    browser = find_chromium()
    out_pdf = out_pdf.resolve()
    try:
        out_pdf.parent.mkdir(parents=True, exist_ok=True)
        out_pdf.unlink(missing_ok=True)
    except OSError as exc:
        raise UserError(
            _("cannot write {file}: {error}").format(file=out_pdf, error=exc.strerror or exc)
        ) from None
    with tempfile.TemporaryDirectory(prefix="cchc-chromium-") as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",  # root in containers and CI; the page is our own file
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-extensions",
            "--host-resolver-rules=MAP * ~NOTFOUND",  # no network, whatever the page says
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out_pdf}",
            html_file.resolve().as_uri(),
        ]
        returncode, stderr = run_tool(
            command,
            timeout,
            name="Chromium",
            hint=_("try again, or open the HTML report in a browser and print it to PDF"),
        )
    if returncode != 0 or not out_pdf.is_file() or out_pdf.stat().st_size == 0:
        detail = stderr.strip().splitlines()[-3:]
        said = _("Chromium could not print {file} to {pdf} (exit {code})").format(
            file=html_file, pdf=out_pdf, code=returncode
        )
        raise UserError(
            said + (":\n  " + "\n  ".join(detail) if detail else ""),
            hint=_("open the HTML report in a browser and print it to PDF instead"),
        )
