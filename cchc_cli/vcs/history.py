"""The history of one item: every commit that changed it, newest first, field by field.

The item is found by id in whichever file holds it at each commit, so it is followed
across files. Each blob is read once (plan files that a commit did not touch keep their
blob), so a long history costs about one parse per version of each file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from cchc_cli.results.changes import Breaking, FieldChange
from cchc_cli.vcs.compare import compare_items
from cchc_cli.vcs.items import Item, ItemKey

__all__ = ["HistoryEntry", "ItemHistory", "entry_text"]


@dataclass(frozen=True)
class HistoryEntry:
    """One commit that changed the item."""

    commit: str
    author: str
    date: str
    """ISO 8601, with the committer's offset."""
    message: str
    """The commit message's first line."""
    change: Literal["added", "removed", "modified", "moved"]
    file: str
    fields: list[FieldChange] = field(default_factory=list)
    breaking: list[Breaking] = field(default_factory=list)
    moved_from: str | None = None


class ItemHistory:
    """Reads the items of a plan directory at many commits, each blob once."""

    def __init__(self, repo: Any, subdir: str, needle: str | None = None) -> None:
        """``needle``: read only the files whose text holds it (the id looked for)."""
        self.repo = repo
        self.subdir = subdir
        self.needle = needle
        self._blobs: dict[str, dict[ItemKey, Item] | None] = {}
        self._states: dict[str, dict[ItemKey, Item]] = {}

    def items_at(self, commit: Any) -> dict[ItemKey, Item]:
        """Every item of the plan at ``commit``. A file that cannot be read there (a
        YAML error) keeps its items of the parent commit: a broken commit neither
        removes nor adds them."""
        state = self._states.get(commit.hexsha)
        if state is not None:
            return state
        from cchc_cli.sources.git_revision import GitRevision

        source = GitRevision(commit, self.subdir, commit.hexsha[:7])
        state = {}
        for path in source.files():
            blob = source.blob_of(path)
            if blob.hexsha not in self._blobs:
                self._blobs[blob.hexsha] = _read_blob(source, path, self.needle)
            items = self._blobs[blob.hexsha]
            if items is None:
                inside = path.relative_to(source.root)
                before = self.items_at(commit.parents[0]) if commit.parents else {}
                items = {key: item for key, item in before.items() if item.file == inside}
            for key, item in items.items():
                state.setdefault(key, item)
        self._states[commit.hexsha] = state
        return state

    def entries(self, keys: list[ItemKey], rev: str = "HEAD") -> list[HistoryEntry]:
        """Every commit reachable from ``rev`` that changed one of ``keys``, newest first."""
        found = []
        paths = [self.subdir] if self.subdir else []
        for commit in self.repo.iter_commits(rev, paths=paths):
            after = self.items_at(commit)
            before = self.items_at(commit.parents[0]) if commit.parents else {}
            for key in keys:
                entry = _entry(commit, key, before.get(key), after.get(key))
                if entry is not None:
                    found.append(entry)
        return found


def _read_blob(source: Any, path: Path, needle: str | None) -> dict[ItemKey, Item] | None:
    """The items of one file (``None``: it cannot be read); with ``needle``, only the
    entry whose id it is when the file is written in block style (a 2,000-task file is
    not parsed for one task)."""
    from cchc_cli.loading.plan_loader import load_source
    from cchc_cli.loading.yaml_safe import YamlProblem
    from cchc_cli.vcs.items import items_of

    try:
        text = source.read_text(path)
    except (YamlProblem, OSError):
        return None
    if needle is not None:
        if needle not in text:
            return {}
        text = entry_text(text, needle) or text
    loaded = load_source(source, files=[path], checks=False, overrides={path: text})
    if path not in loaded.trees or loaded.draft is None:
        return None
    return items_of(loaded.draft, source.root)


_SECTION = re.compile(r"^([a-z_]+):\s*(#.*)?$")


def entry_text(text: str, ident: str) -> str | None:
    """``section:`` and the one block-style list entry of ``text`` whose ``id`` (or
    ``code``) is ``ident``, as a small plan file; ``None`` when there is no such entry."""
    id_line = re.compile(rf"^(\s*)(- )?(id|code):\s*([\"']?){re.escape(ident)}\4\s*(#.*)?$")
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        found = id_line.match(line)
        if found is None:
            continue
        dash = len(found.group(1)) if found.group(2) else len(found.group(1)) - 2
        start = number
        while start >= 0 and not lines[start].startswith(" " * dash + "- "):
            start -= 1
        end = number + 1
        while end < len(lines) and not _ends_entry(lines[end], dash):
            end += 1
        section = next(
            (m.group(1) for m in map(_SECTION.match, reversed(lines[:start])) if m), None
        )
        if start < 0 or section is None:
            return None
        return f"{section}:\n" + "".join(lines[start:end])
    return None


def _ends_entry(line: str, dash: int) -> bool:
    stripped = line.strip()
    if not stripped or stripped.startswith("#"):
        return False
    return len(line) - len(line.lstrip(" ")) <= dash


def _entry(commit: Any, key: ItemKey, old: Item | None, new: Item | None) -> HistoryEntry | None:
    if old is None and new is None:
        return None
    changes, moved = compare_items({key: old} if old else {}, {key: new} if new else {})
    moved_from = old.file.as_posix() if moved and old is not None else None
    if not changes and moved_from is None:
        return None
    when = datetime.fromtimestamp(commit.committed_date, UTC).astimezone(
        _offset(commit.committer_tz_offset)
    )
    summary = str(commit.message).strip().splitlines()[0] if commit.message.strip() else ""
    change = changes[0] if changes else None
    return HistoryEntry(
        commit.hexsha[:7],
        str(commit.author.name),
        when.isoformat(),
        summary,
        change.change if change else "moved",
        (new or old).file.as_posix(),  # type: ignore[union-attr]
        change.fields if change else [],
        change.breaking if change else [],
        moved_from,
    )


def _offset(seconds_west: int) -> Any:
    from datetime import timedelta, timezone

    return timezone(-timedelta(seconds=seconds_west))
