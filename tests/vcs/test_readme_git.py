"""The README's git examples are real: replayed on the repository of tests/vcs/conftest.py."""

from __future__ import annotations

import pytest

from tests.conftest import Invoke
from tests.test_readme import console_example
from tests.vcs.conftest import PlanRepo

README_PENDING = (
    "dates now as the language writes them (31 Mar 2024): README.md is updated at the "
    "merge with the new output; remove this mark then"
)


@pytest.mark.parametrize(
    ("command", "code"),
    [
        pytest.param(*example, marks=pytest.mark.xfail(strict=True, reason=README_PENDING))
        for example in [
            ("cchc diff HEAD~2 HEAD~1 --fail-on breaking", 1),
            ("cchc diff HEAD~3 HEAD --format md", 0),
            ("cchc history PL.5", 0),
        ]
    ],
)
def test_readme_git_examples_match_the_real_output(
    cli: Invoke, plan_repo: PlanRepo, command: str, code: int
) -> None:
    run = cli(command.split()[1:])
    assert run.exit_code == code
    assert run.stdout.rstrip("\n") == console_example(command)
