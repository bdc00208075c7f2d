"""``cchc diff``: what a change to the plan *means*, item by item, and whether it breaks
a commitment (a target weakened, a deadline moved later, a task removed…)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from cchc_cli.results.changes import ItemChange

if TYPE_CHECKING:
    from cchc_cli.sources.base import PlanSource
    from cchc_cli.vcs.items import Item, ItemKey

__all__ = ["DiffResult", "PlanSide", "diff_plans", "read_side"]


@dataclass(frozen=True)
class PlanSide:
    """One of the two plans compared: its name and what could not be read of it."""

    name: str
    """``HEAD~1 (3c105a7)``, ``working tree``."""
    files: int
    problems: list[str] = field(default_factory=list)
    """Errors met reading it (``REV:path:line:col: [error] code: message``); the diff
    goes on with the rest of the plan."""


@dataclass(frozen=True)
class DiffResult:
    kind: ClassVar[str] = "diff"
    before: PlanSide
    after: PlanSide
    changes: list[ItemChange]
    moved: list[str]
    """Items that only moved to another file: no change."""
    breaking: int
    """How many changes are breaking (``--fail-on breaking`` exits 1 when any)."""


def read_side(source: PlanSource, name: str) -> tuple[PlanSide, dict[ItemKey, Item], set[Path]]:
    """The items of the plan in ``source``, what was wrong reading it, and the files that
    could not be read at all (relative to the plan directory)."""
    from cchc_cli.findings import format_findings
    from cchc_cli.loading.plan_loader import load_source
    from cchc_cli.vcs.items import items_of

    files = source.files()
    if not files:
        from cchc_cli.i18n import _

        absent = _("{name}: the plan directory '{root}' is absent; everything is added").format(
            name=name, root=source.root
        )
        return PlanSide(name, 0, [absent]), {}, set()
    loaded = load_source(source, files=files, data_files=False)
    errors = [finding for finding in loaded.findings if finding.is_error]
    problems = format_findings(errors, "text").splitlines() if errors else []
    items = items_of(loaded.draft, source.root) if loaded.draft is not None else {}
    unread = {path.relative_to(source.root) for path in files if path not in loaded.trees}
    return PlanSide(name, len(files), problems), items, unread


def _comparable(
    items: dict[ItemKey, Item], other: dict[ItemKey, Item], unread: set[Path]
) -> dict[ItemKey, Item]:
    """``items`` without those missing from ``other`` because their file could not be
    read there: unknown, not removed or added."""
    return {key: item for key, item in items.items() if key in other or item.file not in unread}


def diff_plans(plan_dir: Path, rev_a: str | None, rev_b: str | None) -> DiffResult:
    """Compare the plan at ``rev_a`` (default: the merge-base of HEAD with the default
    branch) with the plan at ``rev_b`` (default: the working tree)."""
    from cchc_cli.sources.base import WorkingTree
    from cchc_cli.sources.git_revision import revision_source
    from cchc_cli.vcs.compare import compare_items
    from cchc_cli.vcs.repo import merge_base, plan_subdir, require_repo

    repo = require_repo(plan_dir, "diff")
    subdir = plan_subdir(repo, plan_dir)
    if rev_a is None:
        what, base = merge_base(repo)
        source_a = revision_source(repo, subdir, base.hexsha, name=base.hexsha[:7])
        name_a = f"{what} ({base.hexsha[:7]})"
    else:
        source_a = revision_source(repo, subdir, rev_a)
        name_a = f"{rev_a} ({source_a.commit.hexsha[:7]})"
    source_b: PlanSource
    if rev_b is None:
        source_b, name_b = WorkingTree(plan_dir), "working tree"
    else:
        revision_b = revision_source(repo, subdir, rev_b)
        source_b, name_b = revision_b, f"{rev_b} ({revision_b.commit.hexsha[:7]})"
    before, items_a, unread_a = read_side(source_a, name_a)
    after, items_b, unread_b = read_side(source_b, name_b)
    changes, moved = compare_items(
        _comparable(items_a, items_b, unread_b), _comparable(items_b, items_a, unread_a)
    )
    breaking = sum(1 for change in changes if change.breaking)
    return DiffResult(before, after, changes, moved, breaking)
