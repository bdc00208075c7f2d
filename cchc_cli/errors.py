"""The exceptions a user can meet, and the exit code each one maps to.

``UserError`` and its children are problems with what the user gave us (a path, an
option, an unreadable file): exit 2. ``FindingsError`` carries findings about the plan
(invalid plan, overdue items when asked to fail on them): exit 1. Anything else that
escapes is a bug in cchc; the CLI's error boundary says so without a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc_cli.findings import Finding

__all__ = [
    "EXIT_FINDINGS",
    "EXIT_INTERNAL",
    "EXIT_OK",
    "EXIT_USAGE",
    "CchcError",
    "FindingsError",
    "PlanNotFoundError",
    "UserError",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3


class CchcError(Exception):
    """Base of every error cchc raises on purpose."""

    exit_code: int = EXIT_USAGE

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message if self.hint is None else f"{self.message}\n  hint: {self.hint}"


class UserError(CchcError):
    """Bad usage or unreadable input: a wrong path, a malformed option value. Exit 2."""

    exit_code = EXIT_USAGE


class PlanNotFoundError(UserError):
    """No plan directory where one was expected."""


class FindingsError(CchcError):
    """The plan has problems (or the user asked to fail on some state). Exit 1."""

    exit_code = EXIT_FINDINGS

    def __init__(self, message: str, findings: Sequence[Finding] = ()) -> None:
        super().__init__(message)
        self.findings = list(findings)
