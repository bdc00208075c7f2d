"""Which revision of the plan a result comes from (``cchc_cli.vcs.stamp`` reads it)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["NO_STAMP", "UNVERSIONED", "Stamp"]

UNVERSIONED = "unversioned"


@dataclass(frozen=True)
class Stamp:
    """The plan's revision. ``text`` is what people read: ``3c105a7 v2024.1 modified``."""

    text: str
    commit: str | None = None
    tag: str | None = None
    branch: str | None = None
    """``None`` on a detached HEAD."""
    modified: bool = False


NO_STAMP = Stamp(UNVERSIONED)
"""The stamp of a plan outside any repository."""
