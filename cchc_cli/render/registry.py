"""The one output pipeline: a reporter per (result kind, format), looked up by name.

Reporters are named as ``module:function`` and imported on first use, so a command
pays only for the reporter it prints with (``cchc status`` never imports the report
renderers). JSON needs no entry: every result is serialised from its own fields
(:func:`cchc_cli.render.json_out.to_json`) unless a kind registers its own (the
findings of ``validate`` keep their documented JSON). A new format is one function and
one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from cchc_cli.errors import UserError
from cchc_cli.i18n import _

if TYPE_CHECKING:
    from rich.console import RenderableType

__all__ = ["REPORTERS", "Output", "Result", "formats_of", "render"]


class Result(Protocol):
    """What a service returns: a dataclass with a ``kind`` naming its command."""

    kind: ClassVar[str]


@dataclass(frozen=True)
class Output:
    """What a reporter prints: ``out`` to stdout (bytes: a file only, e.g. a workbook)
    and, for people, ``err`` to stderr."""

    out: str | bytes | RenderableType
    err: str | None = None
    soft_wrap: bool = False
    """Print ``out`` without wrapping it at the terminal's width (findings lines)."""


REPORTERS: dict[tuple[str, str], str] = {
    ("validate", "text"): "cchc_cli.render.validate_view:validate_text",
    ("validate", "json"): "cchc_cli.render.validate_view:validate_json",
    ("validate", "github"): "cchc_cli.render.validate_view:validate_github",
    ("status", "text"): "cchc_cli.render.status_view:status_text",
    ("deadlines", "text"): "cchc_cli.render.deadlines_view:deadlines_text",
    ("periods", "text"): "cchc_cli.render.periods_view:periods_text",
    ("task", "text"): "cchc_cli.render.task_view:task_text",
    ("due", "text"): "cchc_cli.render.day_views:due_text",
    ("workday", "text"): "cchc_cli.render.day_views:workday_text",
    ("kpi", "text"): "cchc_cli.render.kpi_view:kpi_text",
    ("kpi", "csv"): "cchc_cli.render.kpi_view:kpi_csv",
    ("kpi", "xlsx"): "cchc_cli.render.kpi_view:kpi_xlsx",
    ("score", "text"): "cchc_cli.render.score_view:score_text",
    ("score", "csv"): "cchc_cli.render.score_view:score_csv",
    ("score", "md"): "cchc_cli.render.score_view:score_markdown",
    ("diff", "text"): "cchc_cli.render.diff_view:diff_text",
    ("diff", "md"): "cchc_cli.render.diff_view:diff_md",
    ("history", "text"): "cchc_cli.render.history_view:history_text",
    ("init", "text"): "cchc_cli.render.init_view:init_text",
    ("rollup", "text"): "cchc_cli.render.rollup_view:rollup_text",
    ("rollup", "md"): "cchc_cli.render.rollup_view:rollup_md",
}
"""(result kind, format) → ``module:function`` of its reporter."""


def formats_of(kind: str) -> list[str]:
    """The formats a result kind can be printed in (JSON always)."""
    return list(dict.fromkeys([fmt for (owner, fmt) in REPORTERS if owner == kind] + ["json"]))


def render(result: Result, fmt: str) -> Output:
    """``result`` formatted as ``fmt``, by its registered reporter (JSON: its fields)."""
    target = REPORTERS.get((result.kind, fmt))
    if target is None and fmt == "json":
        from cchc_cli.render.json_out import to_json

        return Output(to_json(result))
    if target is None:
        raise UserError(
            _("cchc {command} cannot print --format {format}").format(
                command=result.kind, format=fmt
            ),
            hint=_("use one of: {formats}").format(formats=", ".join(formats_of(result.kind))),
        )
    module, _colon, name = target.partition(":")
    reporter: Any = getattr(import_module(module), name)
    output = reporter(result)
    return output if isinstance(output, Output) else Output(output)
