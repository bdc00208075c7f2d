"""``cchc validate`` for people (coloured by level), CI (GitHub annotations) and scripts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.findings import format_findings, relative_path, sort_findings
from cchc_cli.render.registry import Output
from cchc_cli.services.validate import ValidateResult

if TYPE_CHECKING:
    from rich.text import Text

__all__ = ["validate_github", "validate_json", "validate_text"]


def summary(result: ValidateResult) -> Text:
    """``plan: valid — 9 file(s), 0 error(s), 6 warning(s); 19 tasks, …``."""
    from rich.text import Text

    counts = f"{result.files} file(s), {result.errors} error(s), {result.warnings} warning(s)"
    if result.counts is not None:
        counts += "; " + ", ".join(f"{n} {what}" for what, n in result.counts.items())
    verdict = ("invalid", "bold red") if result.failed else ("valid", "bold green")
    return Text.assemble(f"{relative_path(result.directory)}: ", verdict, f" — {counts}")


def validate_text(result: ValidateResult) -> Output:
    from rich.console import Group
    from rich.text import Text

    lines = [
        Text(format_findings([finding], "text"), style="red" if finding.is_error else "yellow")
        for finding in sort_findings(result.findings)
    ]
    return Output(Group(*lines, summary(result)), soft_wrap=True)


def validate_json(result: ValidateResult) -> Output:
    """The findings as a JSON list on stdout; the verdict on stderr."""
    return Output(format_findings(result.findings, "json"), summary(result).plain)


def validate_github(result: ValidateResult) -> Output:
    """Workflow annotations on stdout; the verdict on stderr."""
    return Output(format_findings(result.findings, "github"), summary(result).plain)
