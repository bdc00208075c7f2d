"""``cchc validate`` for people (coloured by level), CI (GitHub annotations) and scripts.

Warnings the plan accepts are counted in the summary line and printed only with
``--show-accepted``; the JSON list always holds them, with their ``accepted`` reason.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.findings import Finding, format_findings, relative_path, sort_findings
from cchc_cli.i18n import _, ngettext
from cchc_cli.render.registry import Output
from cchc_cli.services.validate import ValidateResult

if TYPE_CHECKING:
    from rich.text import Text

__all__ = ["validate_github", "validate_json", "validate_text"]


def _counted(result: ValidateResult) -> str:
    """``10 files, 0 errors, 2 warnings (6 accepted warnings — …); 19 tasks, …``."""
    parts = [
        ngettext("{n} file", "{n} files", result.files).format(n=result.files),
        ngettext("{n} error", "{n} errors", result.errors).format(n=result.errors),
        ngettext("{n} warning", "{n} warnings", result.warnings).format(n=result.warnings),
    ]
    text = ", ".join(parts)
    if result.accepted:
        if result.show_accepted:
            accepted = ngettext(
                "{n} accepted warning, shown above",
                "{n} accepted warnings, shown above",
                result.accepted,
            )
        else:
            accepted = ngettext(
                "{n} accepted warning — show it with --show-accepted",
                "{n} accepted warnings — show them with --show-accepted",
                result.accepted,
            )
        text += f" ({accepted.format(n=result.accepted)})"
    if result.counts is not None:
        items = (
            ngettext("{n} task", "{n} tasks", result.counts["tasks"]),
            ngettext("{n} target", "{n} targets", result.counts["targets"]),
            ngettext("{n} unit", "{n} units", result.counts["units"]),
            ngettext("{n} reporting duty", "{n} reporting duties", result.counts["duties"]),
        )
        numbers = (result.counts[key] for key in ("tasks", "targets", "units", "duties"))
        text += "; " + ", ".join(item.format(n=n) for item, n in zip(items, numbers, strict=True))
    return text


def summary(result: ValidateResult) -> Text:
    """``plan: valid — 10 files, 0 errors, 0 warnings (6 accepted warnings …); 19 tasks, …``."""
    from rich.text import Text

    verdict = (_("invalid"), "bold red") if result.failed else (_("valid"), "bold green")
    return Text.assemble(f"{relative_path(result.directory)}: ", verdict, f" — {_counted(result)}")


def _shown(result: ValidateResult) -> list[Finding]:
    return [f for f in result.findings if f.is_open or result.show_accepted]


def _style(finding: Finding) -> str:
    if finding.is_error:
        return "red"
    return "yellow" if finding.is_open else "dim"


def validate_text(result: ValidateResult) -> Output:
    from rich.console import Group
    from rich.text import Text

    lines = [
        Text(format_findings([finding], "text"), style=_style(finding))
        for finding in sort_findings(_shown(result))
    ]
    return Output(Group(*lines, summary(result)), soft_wrap=True)


def validate_json(result: ValidateResult) -> Output:
    """The findings as a JSON list on stdout (accepted ones too, with their reason); the
    verdict on stderr."""
    return Output(format_findings(result.findings, "json"), summary(result).plain)


def validate_github(result: ValidateResult) -> Output:
    """Workflow annotations on stdout; the verdict on stderr."""
    return Output(format_findings(_shown(result), "github"), summary(result).plain)
