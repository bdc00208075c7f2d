"""A plan as committed at one revision, read from git blobs (never checked out)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.i18n.forms import number
from cchc_cli.loading.discover import MAX_FILE_BYTES, MAX_PLAN_FILES

__all__ = ["GitRevision", "revision_source"]

_SUFFIXES = (".yaml", ".yml")
_SKIPPED_DIRS = frozenset({"node_modules", "__pycache__", "venv"})
_LINK_MODE = 0o120000


@dataclass
class GitRevision:
    """The plan directory ``subdir`` of ``commit``; files are named ``REV:subdir/file``.

    ``blobs`` maps each file to its blob, so that readers of many revisions (history)
    can reuse what they read of a blob seen before (``blob_of``).
    """

    commit: Any  # git.Commit
    subdir: str
    name: str
    blobs: dict[Path, Any] = field(default_factory=dict, repr=False)

    @property
    def root(self) -> Path:
        return Path(f"{self.name}:{self.subdir}")

    @property
    def label(self) -> str | None:
        return self.name

    def files(self) -> list[Path]:
        """The YAML files of the plan at this revision (none: the plan is absent)."""
        try:
            tree = self.commit.tree / self.subdir if self.subdir else self.commit.tree
        except KeyError:
            return []
        if tree.type != "tree":
            return []
        self.blobs = {}
        for item in tree.traverse(prune=_pruned):
            name = PurePosixPath(item.path)
            if item.type == "blob" and name.suffix in _SUFFIXES and not name.name.startswith("."):
                self.blobs[Path(f"{self.name}:{item.path}")] = item
        if len(self.blobs) > MAX_PLAN_FILES:
            raise UserError(
                _(
                    "the plan at {name} holds {count} YAML files, more than a plan has (at "
                    "most {most} are read)"
                ).format(
                    name=self.name, count=number(len(self.blobs)), most=number(MAX_PLAN_FILES)
                ),
                hint=_("check --plan: it should name the plan directory, not a folder above it"),
            )
        return sorted(self.blobs, key=lambda path: path.as_posix())

    def blob_of(self, path: Path) -> Any:
        return self.blobs[path]

    def read_text(self, path: Path) -> str:
        from cchc_cli.loading.plan_text import decode_plan_bytes

        return decode_plan_bytes(self.blobs[path].data_stream.read(MAX_FILE_BYTES + 1))

    def outside(self, path: Path) -> bool:
        """A committed symbolic link is never followed: its target is not in the plan."""
        return bool(self.blobs[path].mode == _LINK_MODE)


def _pruned(item: Any, _depth: int) -> bool:
    name = PurePosixPath(item.path).name
    return bool(item.type == "tree" and (name.startswith(".") or name in _SKIPPED_DIRS))


def revision_source(repo: Any, subdir: str, rev: str, *, name: str | None = None) -> GitRevision:
    """The plan directory ``subdir`` at revision ``rev`` (:class:`UserError` if unknown)."""
    from cchc_cli.vcs.repo import resolve_commit

    return GitRevision(resolve_commit(repo, rev), subdir, name or rev)
