"""``cchc history`` as text: one block per commit, newest first."""

from __future__ import annotations

from cchc_cli.render.diff_view import field_line
from cchc_cli.render.registry import Output
from cchc_cli.render.styles import clean
from cchc_cli.services.history import HistoryResult

__all__ = ["history_text"]


def history_text(result: HistoryResult) -> Output:
    count = len(result.entries)
    lines = [f"{clean(result.item)}: {count} commit{'s' if count != 1 else ''} ({result.revision})"]
    for entry in result.entries:
        lines.append("")
        lines.append(
            f"{entry.commit} {entry.date[:10]} {clean(entry.author)}: {clean(entry.message)}"
        )
        where = f"{entry.moved_from} → {entry.file}" if entry.moved_from else entry.file
        lines.append(f"  {entry.change} ({clean(where)})")
        lines.extend(f"    BREAKING: {clean(reason)}" for reason in entry.breaking)
        lines.extend(f"    {field_line(change)}" for change in entry.fields)
    return Output("\n".join(lines), soft_wrap=True)
