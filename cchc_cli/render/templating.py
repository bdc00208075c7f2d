"""Templates: where they are found, and the sandbox they run in.

Templates come from three places, the first that has a file wins (file by file):

1. ``--templates DIR`` on the command line;
2. a ``templates/`` folder beside the plan directory (a plan repository's own wording);
3. the templates shipped with cchc (top-level ``templates/`` of the source tree,
   ``cchc_cli/_templates`` inside the wheel).

Every template is rendered in Jinja's :class:`~jinja2.sandbox.SandboxedEnvironment`:
plans and templates arrive by pull request from people we do not control, and a
template must not reach Python internals (``{{ ''.__class__.__mro__ }}`` is refused).
HTML is autoescaped; Markdown is not. The Word file's values are escaped too (XML needs
what HTML needs): ``render_docx`` asks docxtpl to switch autoescaping on.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.errors import UserError
from cchc_cli.i18n import _

if TYPE_CHECKING:
    from jinja2 import Template
    from jinja2.sandbox import SandboxedEnvironment

__all__ = ["TemplateError", "find_template", "sandbox", "shipped_templates", "template_dirs"]


class TemplateError(UserError):
    """A template that cannot be read, parsed or rendered (exit 2)."""


def shipped_templates() -> Path:
    """The templates cchc ships (inside the wheel, else the source tree's ``templates/``)."""
    package = Path(__file__).resolve().parent.parent
    inside = package / "_templates"
    return inside if inside.is_dir() else package.parent / "templates"


def template_dirs(override: Path | None, plan_dir: Path | None) -> list[Path]:
    """The folders searched for templates, first match wins."""
    dirs: list[Path] = []
    if override is not None:
        if not override.is_dir():
            raise TemplateError(
                _("--templates {folder}: not a directory").format(folder=override),
                hint=_("give a folder holding report.md.j2, report.html.j2 or report.docx"),
            )
        dirs.append(override)
    if plan_dir is not None:
        beside = plan_dir.resolve().parent / "templates"
        if beside.is_dir():
            dirs.append(beside)
    dirs.append(shipped_templates())
    return list(dict.fromkeys(dirs))


def find_template(name: str, dirs: Sequence[Path]) -> Path:
    """The first ``name`` in ``dirs``."""
    for folder in dirs:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    raise TemplateError(
        _("template {name} not found in: {folders}").format(
            name=name, folders=", ".join(str(d) for d in dirs)
        ),
        hint=_("reinstall cchc, or put the file in the --templates folder"),
    )


def sandbox(dirs: Sequence[Path] = (), *, html: bool = False) -> SandboxedEnvironment:
    """A sandboxed Jinja environment loading from ``dirs`` (autoescaped for HTML)."""
    from jinja2 import FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(
        loader=FileSystemLoader([str(d) for d in dirs]),
        autoescape=html,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def load_template(env: SandboxedEnvironment, name: str) -> Template:
    """``name`` parsed, or :class:`TemplateError` naming its file and line."""
    from jinja2 import TemplateNotFound, TemplateSyntaxError

    try:
        return env.get_template(name)
    except TemplateSyntaxError as exc:
        where = exc.filename or name
        raise TemplateError(
            _("{where}:{line}: template syntax error: {error}").format(
                where=where, line=exc.lineno, error=exc.message
            ),
            hint=_("fix the Jinja tag on that line ({tags})").format(tags="{{ … }}, {% … %}"),
        ) from None
    except TemplateNotFound:
        raise TemplateError(_("template {name} not found").format(name=name)) from None


def render_template(template: Template, context: dict[str, object]) -> str:
    """Render, turning sandbox refusals and undefined names into :class:`TemplateError`."""
    from jinja2 import TemplateError as JinjaError
    from jinja2.exceptions import SecurityError

    name = template.filename or template.name or "template"
    try:
        return template.render(context)
    except SecurityError as exc:
        raise TemplateError(
            _("{name}: refused by the template sandbox: {error}").format(name=name, error=exc),
            hint=_("templates may use the report's data, not Python internals"),
        ) from None
    except JinjaError as exc:
        raise TemplateError(f"{name}: {exc}") from None
