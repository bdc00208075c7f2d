"""The git repository around a plan directory, and revisions named by the user.

Every problem is a :class:`~cchc_cli.errors.UserError` that says what is wrong and how
to fix it: not a repository, an unknown revision (with "did you mean" over branch and
tag names), a shallow clone without the merge-base.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.quoting import quote
from cchc_cli.suggest import did_you_mean

__all__ = [
    "default_branch",
    "find_repo",
    "merge_base",
    "plan_subdir",
    "require_repo",
    "resolve_commit",
]

Repo = Any  # git.Repo: gitpython has no type stubs
Commit = Any  # git.Commit


def find_repo(path: Path) -> Repo | None:
    """The repository holding ``path``, or ``None`` outside any."""
    import git

    try:
        return git.Repo(path, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return None
    except git.GitError:  # git itself missing or unusable: unversioned to us
        return None


def require_repo(path: Path, command: str) -> Repo:
    """The repository holding ``path``, or a :class:`UserError` naming ``command``."""
    repo = find_repo(path)
    if repo is None or repo.bare:
        raise UserError(
            _(
                "'{path}' is not inside a git repository: cchc {command} reads the plan's "
                "committed revisions"
            ).format(path=path, command=command),
            hint=_(
                "run cchc inside the plan repository (or pass --plan DIR there); to start "
                "one: {commands}"
            ).format(commands="git init && git add plan && git commit -m 'plan'"),
        )
    return repo


def plan_subdir(repo: Repo, plan_dir: Path) -> str:
    """The plan directory as a path inside the repository (posix, '' for its top)."""
    top = Path(repo.working_tree_dir).resolve()
    try:
        inside = plan_dir.resolve().relative_to(top)
    except ValueError:
        raise UserError(
            _("the plan directory '{plan}' is outside the repository at '{top}'").format(
                plan=plan_dir, top=top
            ),
            hint=_("pass --plan with a directory inside the repository"),
        ) from None
    return "" if inside == Path() else inside.as_posix()


def _ref_names(repo: Repo) -> list[str]:
    names = [head.name for head in repo.heads] + [tag.name for tag in repo.tags]
    for remote in repo.remotes:
        names.extend(ref.name for ref in remote.refs)
    return names


def resolve_commit(repo: Repo, rev: str) -> Commit:
    """The commit ``rev`` names, or a :class:`UserError` with close branch/tag names."""
    import git

    if not rev or rev.startswith("-"):
        raise UserError(
            _("{rev} is not a revision").format(rev=quote(rev)),
            hint=_("name a commit, branch or tag"),
        )
    try:
        return repo.commit(rev)
    except (git.BadName, git.BadObject, ValueError, git.GitCommandError, LookupError):
        if not repo.head.is_valid():
            raise UserError(
                _("the repository has no commit yet"),
                hint=_("commit the plan first: {commands}").format(
                    commands="git add plan && git commit -m 'plan'"
                ),
            ) from None
        raise UserError(
            _("unknown revision {rev}").format(rev=quote(rev))
            + did_you_mean(rev, _ref_names(repo)),
            hint=_("name a commit, a branch or a tag ({commands})").format(
                commands="git log --oneline, git branch -a, git tag"
            ),
        ) from None


def default_branch(repo: Repo) -> str | None:
    """The branch pull requests go to: origin's HEAD, else main or master (local or
    remote); ``None`` when there is none."""
    import git

    for remote in repo.remotes:
        try:
            target = remote.refs.HEAD.reference
        except (AttributeError, IndexError, TypeError, ValueError, git.GitError):
            continue
        return str(target.name)
    names = set(_ref_names(repo))
    for name in ("main", "master", "origin/main", "origin/master"):
        if name in names:
            return name
    return None


def merge_base(repo: Repo) -> tuple[str, Commit]:
    """(description, commit): where HEAD left the default branch."""
    import git

    branch = default_branch(repo)
    if branch is None:
        raise UserError(
            _("no default branch (main, master or origin/HEAD) to compare with"),
            hint=_("name the revisions: {command}").format(command="cchc diff REV_A [REV_B]"),
        )
    head = resolve_commit(repo, "HEAD")
    try:
        bases = repo.merge_base(head, branch)
    except git.GitCommandError:
        bases = []
    if not bases:
        if (Path(repo.git_dir) / "shallow").exists():
            raise UserError(
                _(
                    "this is a shallow clone: the merge-base of HEAD and {branch} was not fetched"
                ).format(branch=branch),
                hint=_(
                    "fetch the history (git fetch --unshallow; in GitHub Actions "
                    "actions/checkout with fetch-depth: 0), or name the revisions: {command}"
                ).format(command="cchc diff REV_A REV_B"),
            )
        raise UserError(
            _("HEAD and {branch} have no common history").format(branch=branch),
            hint=_("name the revisions to compare: {command}").format(
                command="cchc diff REV_A REV_B"
            ),
        )
    return f"merge-base of HEAD and {branch}", bases[0]
