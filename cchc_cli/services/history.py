"""``cchc history ID``: every commit that changed one item, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from cchc_cli.i18n import _
from cchc_cli.vcs.history import HistoryEntry
from cchc_cli.vcs.items import Item, ItemKey

__all__ = ["HistoryResult", "item_history"]


@dataclass(frozen=True)
class HistoryResult:
    kind: ClassVar[str] = "history"
    item: str
    """``task PL.5``."""
    revision: str
    """Where the history was read from (``HEAD``)."""
    entries: list[HistoryEntry]


def item_history(plan_dir: Path, ident: str, rev: str = "HEAD") -> HistoryResult:
    """The commits reachable from ``rev`` that changed the item ``ident`` (any kind:
    task, target, unit, duty, area…); :class:`UserError` when no commit ever had it."""
    from cchc_cli.errors import UserError
    from cchc_cli.quoting import quote
    from cchc_cli.suggest import did_you_mean
    from cchc_cli.vcs.history import ItemHistory
    from cchc_cli.vcs.repo import plan_subdir, require_repo, resolve_commit

    repo = require_repo(plan_dir, "history")
    head = resolve_commit(repo, rev)
    subdir = plan_subdir(repo, plan_dir)
    reader = ItemHistory(repo, subdir, needle=ident)
    keys = _keys(reader.items_at(head), ident)
    if not keys:  # removed since: look for it in the history
        for commit in repo.iter_commits(head):
            keys = _keys(reader.items_at(commit), ident)
            if keys:
                break
    if not keys:
        ids = sorted({key[1] for key in ItemHistory(repo, subdir).items_at(head)})
        raise UserError(
            _("no item {id} in the plan at {rev} nor in its history").format(
                id=quote(ident), rev=rev
            )
            + did_you_mean(ident, ids),
            hint=_(
                "give the id of a task, target, unit, duty or area ({examples}); "
                "cchc export lists them"
            ).format(examples="PL.5, II.6:on_time_rate, TCCB"),
        )
    entries = reader.entries(keys, head.hexsha)
    what = ", ".join(f"{kind} {name}" for kind, name in keys)
    return HistoryResult(what, rev, entries)


def _keys(items: dict[ItemKey, Item], ident: str) -> list[ItemKey]:
    return [key for key in items if key[1] == ident]
