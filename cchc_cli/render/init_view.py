"""``cchc init`` as text: what was written, and what to do next."""

from __future__ import annotations

from cchc_cli.render.styles import clean
from cchc_cli.services.init import InitResult

__all__ = ["init_text"]


def init_text(result: InitResult) -> str:
    """What ``cchc init`` wrote, and what to do next."""
    origin = f", cascaded from {clean(result.parent)}" if result.parent else ""
    lines = [f"initialised {result.directory}{origin} (commit {result.commit}):"]
    lines.extend(f"  {name}" for name in result.files)
    lines.append(f"next: cd {result.directory} && cchc validate")
    return "\n".join(lines)
