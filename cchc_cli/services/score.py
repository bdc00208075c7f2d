"""``cchc score``: the plan's scorecard (Decision 766/QĐ-TTg) computed from its exports."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from cchc_cli.errors import UserError
from cchc_cli.i18n import _
from cchc_cli.services.kpi import PeriodChoice, choose_period
from cchc_cli.services.workspace import Workspace

if TYPE_CHECKING:
    from cchc_cli.model.plan import Plan
    from cchc_cli.model.scorecard import Scorecard
    from cchc_cli.results.scores import ScoreResult

__all__ = ["SCORE_BY", "choose_scheme", "scheme_workspace", "score_plan"]

SCORE_BY = ("unit", "month")


def scheme_workspace(directory: Path, scheme: Path | None) -> Workspace:
    """The plan, with the ``--scheme`` file read and validated beside it."""
    if scheme is None:
        return Workspace(directory)
    if not scheme.is_file():
        said = (
            _("--scheme {file}: the file is a folder")
            if scheme.is_dir()
            else _("--scheme {file}: the file does not exist")
        )
        raise UserError(
            said.format(file=scheme),
            hint=_(
                "name a YAML file with a 'scorecards:' section, e.g. "
                "--scheme plan/scorecards/qd766.yaml, or leave --scheme out to use the plan's"
            ),
        )
    return Workspace(directory, (scheme,))


def choose_scheme(plan: Plan, scheme: Path | None) -> Scorecard:
    """The scorecard of the ``--scheme`` file, else the plan's first one."""
    cards = plan.scorecards
    if scheme is not None:
        wanted = scheme.resolve()
        cards = [c for c in cards if c.origin is not None and c.origin.file.resolve() == wanted]
        if not cards:
            raise UserError(
                _("--scheme {file} holds no scorecard").format(file=scheme),
                hint=_("a scheme file has a 'scorecards:' list (see plan/scorecards/qd766.yaml)"),
            )
    elif not cards:
        raise UserError(
            _("the plan holds no scorecard scheme"),
            hint=_(
                "add one under 'scorecards:' (plan/scorecards/qd766.yaml in the sample "
                "plan), or name a file with --scheme FILE"
            ),
        )
    return cards[0]


def score_plan(
    workspace: Workspace,
    choice: PeriodChoice,
    *,
    scheme: Path | None = None,
    as_of: date | None = None,
    by: str | None = None,
    data: Sequence[Path] = (),
) -> ScoreResult:
    """Score the plan's scheme for the chosen period (and each unit or month, ``by``)."""
    from cchc_cli.dates import as_of_date
    from cchc_cli.measure.kpi import measured_window
    from cchc_cli.measure.load import load_measures
    from cchc_cli.measure.scoring import score_card, score_rows
    from cchc_cli.results.scores import ScoreResult
    from cchc_cli.suggest import did_you_mean

    if by is not None and by not in SCORE_BY:
        raise UserError(
            _("--by {key} is not one of: {keys}").format(key=repr(by), keys=", ".join(SCORE_BY))
            + did_you_mean(by, SCORE_BY)
        )
    plan = workspace.plan
    card = choose_scheme(plan, scheme)
    period = choose_period(workspace, choice)
    today = as_of_date(as_of, plan.calendar.timezone)
    window = measured_window(period, today)
    keys = ["unit"] if by == "unit" else []
    measures = load_measures(plan, workspace.directory, keys, list(data))
    return ScoreResult(
        plan.meta.id,
        card.id,
        card.title,
        card.source,
        period,
        today,
        score_card(card, measures, window),
        by,
        score_rows(plan, card, measures, window, by) if by else [],
        [report.summary() for report in measures.reports],
    )
