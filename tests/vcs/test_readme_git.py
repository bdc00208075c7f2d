"""The README's git examples are real: replayed on the repository of tests/vcs/conftest.py."""

from __future__ import annotations

import pytest

from tests.conftest import Invoke
from tests.test_readme import check_example
from tests.vcs.conftest import PlanRepo


@pytest.mark.parametrize(
    ("command", "code"),
    [
        ("cchc --lang en diff HEAD~2 HEAD~1 --fail-on breaking", 1),
        ("cchc --lang en diff HEAD~3 HEAD --format md", 0),
        ("cchc --lang en history PL.5", 0),
    ],
)
def test_readme_git_examples_match_the_real_output(
    cli: Invoke, plan_repo: PlanRepo, command: str, code: int
) -> None:
    run = cli(command.split()[1:])
    assert run.exit_code == code
    check_example(command, run.stdout)
