"""``cchc init``: a new plan repository — plan, pre-commit, CI workflow, README, git."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from cchc_cli.errors import UserError
from cchc_cli.i18n import _

__all__ = ["InitResult", "init_repository"]

_WORKFLOW = ".github/workflows/plan.yml"


@dataclass(frozen=True)
class InitResult:
    kind: ClassVar[str] = "init"
    directory: Path
    files: list[str]
    commit: str | None
    """The first commit's short id (``None`` when the directory already had commits of
    its own and nothing new was committed)."""
    parent: str | None
    """The parent plan's id, for a cascaded unit plan."""


def _refuse_non_empty(directory: Path, force: bool) -> None:
    if directory.exists() and not directory.is_dir():
        raise UserError(
            _("'{directory}' is a file; cchc init creates a directory").format(directory=directory)
        )
    entries = sorted(p.name for p in directory.iterdir()) if directory.is_dir() else []
    if entries and not force:
        shown = ", ".join(entries[:5]) + (", …" if len(entries) > 5 else "")
        raise UserError(
            _(
                "'{directory}' is not empty ({shown}); cchc init writes a new plan repository"
            ).format(directory=directory, shown=shown),
            hint=_(
                "choose a new or empty directory, or pass --force to write into this one "
                "(files of the same name are replaced)"
            ),
        )


def _yaml(sections: dict[str, Any]) -> str:
    import yaml

    head = "# yaml-language-server: $schema=./schema/cchc-plan.schema.json\n"
    return head + yaml.safe_dump(sections, allow_unicode=True, sort_keys=False, width=100)


def _readme(code: str, parent: str | None) -> str:
    origin = f", cascaded from the plan {parent}" if parent else ""
    return (
        f"# CCHC plan of {code}\n\n"
        f"The unit's administrative-reform plan as YAML files in `plan/`{origin}.\n\n"
        "- `cchc validate` checks it (also run by pre-commit and by CI on every pull request);\n"
        "- `cchc diff` shows what a change means, and CI fails on breaking changes;\n"
        "- `cchc status` and `cchc report` follow it through the year.\n"
    )


def init_repository(
    directory: Path,
    *,
    source: Path | None = None,
    unit: str | None = None,
    year: int | None = None,
    force: bool = False,
) -> InitResult:
    """Write a plan repository into ``directory`` and make its first commit."""
    from cchc_cli.loading import require_plan
    from cchc_cli.loading.write import write_text_atomic
    from cchc_cli.render.templating import shipped_templates
    from cchc_cli.services.cascade import cascade_sections, skeleton_sections

    _refuse_non_empty(directory, force)
    parent_id = None
    if source is not None:
        if unit is None:
            raise UserError(_("--from needs --unit CODE: the unit whose plan is cascaded"))
        parent = require_plan(source)[0]
        parent_id = parent.meta.id
        sections = cascade_sections(parent, unit, year)
        schema = source / "schema" / "cchc-plan.schema.json"
    else:
        from datetime import date

        sections = skeleton_sections(unit or "DV", year or date.today().year)
        schema = None
    directory.mkdir(parents=True, exist_ok=True)
    written = {f"plan/{name}": _yaml(content) for name, content in sections.items()}
    from cchc_cli.export import schema_as_json

    written["plan/schema/cchc-plan.schema.json"] = (
        schema.read_text(encoding="utf-8") if schema and schema.is_file() else schema_as_json()
    )
    shipped = shipped_templates() / "plan-repo"
    written[".pre-commit-config.yaml"] = (shipped / "pre-commit-config.yaml").read_text("utf-8")
    written[_WORKFLOW] = (shipped / "plan.yml").read_text(encoding="utf-8")
    written["README.md"] = _readme(unit or "DV", parent_id)
    for name, text in written.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
        write_text_atomic(directory / name, text if text.endswith("\n") else text + "\n")
    commit = _first_commit(directory, sorted(written), parent_id)
    return InitResult(directory, sorted(written), commit, parent_id)


def _first_commit(directory: Path, files: list[str], parent: str | None) -> str | None:
    import git

    try:
        repo = git.Repo(directory)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        repo = git.Repo.init(directory, initial_branch="main")
    repo.index.add(files)
    message = f"CCHC plan repository (cchc init{', from ' + parent if parent else ''})"
    actor = git.Actor("cchc init", "cchc@localhost")
    try:
        commit = repo.index.commit(message, author=None, committer=None)
    except ValueError:  # no identity configured: say who wrote it
        commit = repo.index.commit(message, author=actor, committer=actor)
    return str(commit.hexsha[:7])
