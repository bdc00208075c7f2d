"""Templates hold the outline and layout; every word a reader sees comes from the context.

Labels live in cchc_cli/i18n/vi.py and the outline in templates/report-outline.yaml, so
a wording is changed in one place for Markdown, HTML and Word alike. A template that
writes Vietnamese words of its own fails here.
"""

from __future__ import annotations

import re
import zipfile

import pytest

from tests.conftest import ROOT

TEMPLATES = ROOT / "templates"
_TAGS = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_VIETNAMESE = re.compile(r"[^\x00-\x7f–—…·≥≤]")


def visible_text(name: str) -> str:
    if name.endswith(".docx"):
        with zipfile.ZipFile(TEMPLATES / name) as docx:
            xml = docx.read("word/document.xml").decode("utf-8")
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    else:
        text = (TEMPLATES / name).read_text(encoding="utf-8")
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
        text = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
    return _TAGS.sub("|", text)


@pytest.mark.parametrize("name", ["report.md.j2", "report.html.j2", "report.docx"])
def test_a_template_writes_no_words_of_its_own(name: str) -> None:
    words = [part.strip() for part in visible_text(name).split("|") if _VIETNAMESE.search(part)]
    assert words == [], f"{name}: move these into cchc_cli/i18n/vi.py LABELS or the outline"
