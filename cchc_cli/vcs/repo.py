"""The git repository around a plan directory, and revisions named by the user.

Every problem is a :class:`~cchc_cli.errors.UserError` that says what is wrong and how
to fix it: not a repository, an unknown revision (with "did you mean" over branch and
tag names), a shallow clone without the merge-base.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cchc_cli.errors import UserError
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
            f"'{path}' is not inside a git repository: cchc {command} reads the plan's "
            "committed revisions",
            hint="run cchc inside the plan repository (or pass --plan DIR there); to start "
            "one: git init && git add plan && git commit -m 'plan'",
        )
    return repo


def plan_subdir(repo: Repo, plan_dir: Path) -> str:
    """The plan directory as a path inside the repository (posix, '' for its top)."""
    top = Path(repo.working_tree_dir).resolve()
    try:
        inside = plan_dir.resolve().relative_to(top)
    except ValueError:
        raise UserError(
            f"the plan directory '{plan_dir}' is outside the repository at '{top}'",
            hint="pass --plan with a directory inside the repository",
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
        raise UserError(f"{quote(rev)} is not a revision", hint="name a commit, branch or tag")
    try:
        return repo.commit(rev)
    except (git.BadName, git.BadObject, ValueError, git.GitCommandError, LookupError):
        if not repo.head.is_valid():
            raise UserError(
                "the repository has no commit yet",
                hint="commit the plan first: git add plan && git commit -m 'plan'",
            ) from None
        raise UserError(
            f"unknown revision {quote(rev)}{did_you_mean(rev, _ref_names(repo))}",
            hint="name a commit, a branch or a tag (git log --oneline, git branch -a, git tag)",
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
            "no default branch (main, master or origin/HEAD) to compare with",
            hint="name the revisions: cchc diff REV_A [REV_B]",
        )
    head = resolve_commit(repo, "HEAD")
    try:
        bases = repo.merge_base(head, branch)
    except git.GitCommandError:
        bases = []
    if not bases:
        if (Path(repo.git_dir) / "shallow").exists():
            raise UserError(
                f"this is a shallow clone: the merge-base of HEAD and {branch} was not fetched",
                hint="fetch the history (git fetch --unshallow; in GitHub Actions "
                "actions/checkout with fetch-depth: 0), or name the revisions: "
                "cchc diff REV_A REV_B",
            )
        raise UserError(
            f"HEAD and {branch} have no common history",
            hint="name the revisions to compare: cchc diff REV_A REV_B",
        )
    return f"merge-base of HEAD and {branch}", bases[0]
