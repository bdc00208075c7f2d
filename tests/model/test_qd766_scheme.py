"""The shipped Decision 766 scheme, pinned: a change of points or targets is deliberate."""

from __future__ import annotations

from cchc_cli.loading import require_plan
from tests.conftest import SHIPPED_PLAN

# group: (points, [(indicator, points, target, measure or measurement)])
PINNED = {
    "publicity": (
        18,
        [
            ("publicity.procedures_published", 6, 100, "procedures_published_on_time_share"),
            ("publicity.dossiers_synced", 6, 100, "dossiers_synced_share"),
            ("publicity.progress_published", 6, 100, "progress_published_share"),
        ],
    ),
    "progress": (20, [("progress.on_time", 20, 100, "on_time_handled_rate")]),
    "digitisation": (
        22,
        [
            ("digitisation.results_electronic", 8, 100, "results_electronic_share"),
            ("digitisation.digitized", 8, 100, "digitized_share"),
            ("digitisation.reused", 6, 100, "digitized_data_reused_share"),
        ],
    ),
    "online": (
        22,
        [
            ("online.submitted", 8, 100, "online_submitted_share"),
            ("online.full", 6, 100, "online_full_share"),
            ("online.payment", 8, 100, "online_payment_share"),
        ],
    ),
    "satisfaction": (
        18,
        [
            ("satisfaction.rating", 10, 100, "satisfaction_rate"),
            ("satisfaction.feedback", 8, 100, "feedback_handled_on_time_share"),
        ],
    ),
}


def test_the_qd766_scheme_is_pinned() -> None:
    plan, _ = require_plan(SHIPPED_PLAN)
    (card,) = plan.scorecards
    assert (card.id, card.total) == ("qd766", 100)
    got = {
        group.id: (
            group.points,
            [(i.id, i.points, i.target, i.measure_id) for i in group.indicators],
        )
        for group in card.groups
    }
    assert got == PINNED
    assert all(i.source for g in card.groups for i in g.indicators)
