"""``cchc init`` as text: what was written, and what to do next (in the language in use).

Lines are not wrapped: they hold paths and a command to copy, which must stay whole.
"""

from __future__ import annotations

from cchc_cli.i18n import _
from cchc_cli.render.styles import clean
from cchc_cli.services.init import InitResult

__all__ = ["init_text"]


def init_text(result: InitResult) -> str:
    """What ``cchc init`` wrote, and what to do next."""
    if result.parent:
        head = _("initialised {directory}, cascaded from {parent} (commit {commit}):").format(
            directory=result.directory, parent=clean(result.parent), commit=result.commit
        )
    else:
        head = _("initialised {directory} (commit {commit}):").format(
            directory=result.directory, commit=result.commit
        )
    lines = [head]
    lines.extend(f"  {name}" for name in result.files)
    lines.append(_("next: {command}").format(command=f"cd {result.directory} && cchc validate"))
    return "\n".join(lines)
