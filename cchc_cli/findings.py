"""Findings: problems found in a plan, as data, and the reporters that print them.

Formats follow what CI users know from yamllint:
``text`` ``file:line:col: [level] code: message``; ``github`` workflow commands
(``::error file=…,line=…,col=…::message``); ``json`` a list of objects.

Messages are written for people, in the language in use (:mod:`cchc_cli.i18n`); the
``text`` format translates the level word too (``[lỗi]``, ``[cảnh báo]``). Codes never
change with the language, and ``json`` and ``github`` keep English levels.

A warning the plan acknowledges (``accepted: {code: reason}`` on a target or a task,
see :mod:`cchc_cli.checks.accepted`) carries its ``accepted`` reason: it is counted
apart, printed only on request, and never fails ``--strict``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import Literal

from cchc_cli.i18n import N_, _
from cchc_cli.model.base import Origin
from cchc_cli.quoting import quote

__all__ = [
    "Anchor",
    "Finding",
    "Level",
    "count_accepted",
    "count_levels",
    "format_findings",
    "quote",
    "relative_path",
    "sort_findings",
    "text_line",
]

Anchor = Literal["key", "value"]
"""Which end of a ``key: value`` pair a finding points at."""


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        """The level as a person reads it (``lỗi``, ``cảnh báo``)."""
        return _(_LEVEL_LABELS[self.value])


_LEVEL_LABELS = {"error": N_("error"), "warning": N_("warning")}


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem. ``origin`` is a YAML path, turned into ``line``/``column`` later."""

    level: Level
    code: str
    message: str
    file: Path | None = None
    line: int | None = None
    column: int | None = None
    origin: Origin | None = None
    anchor: Anchor = "value"
    accepted: str | None = None
    """Why the plan accepts this warning (its ``accepted`` entry), or None."""

    @classmethod
    def error(
        cls,
        code: str,
        message: str,
        origin: Origin | None = None,
        *,
        anchor: Anchor = "value",
        file: Path | None = None,
    ) -> Finding:
        return cls(
            Level.ERROR, code, message, file or _file_of(origin), origin=origin, anchor=anchor
        )

    @classmethod
    def warning(
        cls, code: str, message: str, origin: Origin | None = None, *, anchor: Anchor = "value"
    ) -> Finding:
        return replace(cls.error(code, message, origin, anchor=anchor), level=Level.WARNING)

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR

    @property
    def is_open(self) -> bool:
        """An error, or a warning the plan has not accepted: what a person must see."""
        return self.accepted is None

    def accept(self, reason: str) -> Finding:
        return replace(self, accepted=reason)

    def located(self, line: int, column: int) -> Finding:
        return replace(self, line=line, column=column)

    def as_dict(self, base: Path | None = None) -> dict[str, object]:
        return {
            "file": relative_path(self.file, base) if self.file else None,
            "line": self.line,
            "column": self.column,
            "level": self.level.value,
            "code": self.code,
            "message": self.message,
            "accepted": self.accepted,
        }


def _file_of(origin: Origin | None) -> Path | None:
    return None if origin is None else origin.file


def relative_path(path: Path, base: Path | None = None) -> str:
    """``path`` relative to ``base`` (default: the working directory) when inside it."""
    base = (base or Path.cwd()).resolve()
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """File order, then line and column; findings without a place come first."""

    def key(finding: Finding) -> tuple[str, int, int, str]:
        return (
            finding.file.as_posix() if finding.file else "",
            finding.line or 0,
            finding.column or 0,
            finding.code,
        )

    return sorted(findings, key=key)


def count_levels(findings: Iterable[Finding]) -> tuple[int, int]:
    """(errors, warnings); accepted warnings are not counted (see :func:`count_accepted`)."""
    errors = warnings = 0
    for finding in findings:
        if finding.is_error:
            errors += 1
        elif finding.accepted is None:
            warnings += 1
    return errors, warnings


def count_accepted(findings: Iterable[Finding]) -> int:
    """How many warnings the plan accepts."""
    return sum(1 for finding in findings if finding.accepted is not None)


def _place(finding: Finding, base: Path | None) -> str:
    if finding.file is None:
        return "cchc"
    place = relative_path(finding.file, base)
    if finding.line is not None:
        place += f":{finding.line}:{finding.column or 1}"
    return place


def _github_escape(text: str, *, prop: bool = False) -> str:
    # Workflow-command escaping (actions/toolkit, command.ts).
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_findings(
    findings: Sequence[Finding], fmt: Literal["text", "json", "github"], base: Path | None = None
) -> str:
    """Render findings in one of the three formats (no trailing newline)."""
    ordered = sort_findings(findings)
    if fmt == "json":
        return json.dumps([f.as_dict(base) for f in ordered], ensure_ascii=False, indent=2)
    lines = []
    for finding in ordered:
        if fmt == "github":
            props = []
            if finding.file is not None:
                props.append(f"file={_github_escape(relative_path(finding.file, base), prop=True)}")
            if finding.line is not None:
                props.append(f"line={finding.line}")
                props.append(f"col={finding.column or 1}")
            head = f"::{finding.level.value}" + (" " + ",".join(props) if props else "")
            lines.append(f"{head}::{_github_escape(f'{finding.code}: {finding.message}')}")
        else:
            lines.append(text_line(finding, base))
    return "\n".join(lines)


def text_line(finding: Finding, base: Path | None = None) -> str:
    """``file:line:col: [level] code: message`` in the language in use."""
    if finding.accepted is None:
        level = finding.level.label
        message = finding.message
    else:
        level = _("accepted warning")
        message = _("{message} — accepted: {reason}").format(
            message=finding.message, reason=finding.accepted
        )
    return f"{_place(finding, base)}: [{level}] {finding.code}: {message}"
