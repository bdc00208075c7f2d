"""The plan source protocol, and the working tree (the plan directory on disk)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

__all__ = ["PlanSource", "WorkingTree"]


class PlanSource(Protocol):
    """A plan's files and their text, wherever they are kept."""

    @property
    def root(self) -> Path:
        """The plan directory (for a revision: ``REV:plan``), named in findings."""
        ...

    @property
    def label(self) -> str | None:
        """The revision read (``None``: the working tree)."""
        ...

    def files(self) -> list[Path]:
        """The plan's YAML files, sorted; named as findings name them."""
        ...

    def read_text(self, path: Path) -> str:
        """One file's text; :class:`~cchc_cli.loading.yaml_safe.YamlProblem` for content
        cchc refuses (binary, not UTF-8, too large), ``OSError`` when unreadable."""
        ...

    def outside(self, path: Path) -> bool:
        """Whether ``path`` is a link leading out of the plan (never read)."""
        ...


@dataclass(frozen=True)
class WorkingTree:
    """The plan directory as it is on disk, uncommitted changes included."""

    directory: Path

    @property
    def root(self) -> Path:
        return self.directory

    @property
    def label(self) -> str | None:
        return None

    def files(self) -> list[Path]:
        from cchc_cli.loading.discover import plan_files

        return plan_files(self.directory)

    def read_text(self, path: Path) -> str:
        from cchc_cli.loading.plan_text import read_plan_text

        return read_plan_text(path)

    def outside(self, path: Path) -> bool:
        from cchc_cli.loading.discover import outside_plan

        return outside_plan(path, self.directory)
