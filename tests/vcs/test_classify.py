"""Which target and deadline changes weaken the plan, in every direction."""

from __future__ import annotations

import pytest

from cchc_cli.results.changes import describe
from cchc_cli.vcs.classify import breaking_reason, target_reason


@pytest.mark.parametrize(
    ("before", "after", "breaking"),
    [
        ((">", 95), (">", 90), "target lowered: > 95 → > 90"),
        ((">", 95), (">", 97), None),
        ((">", 95), (">=", 95), "target weakened: > 95 → >= 95"),
        ((">=", 95), (">", 95), None),
        (("<=", 5), ("<=", 7), "target weakened: <= 5 → <= 7"),
        (("<=", 5), ("<", 5), None),
        (("<", 5), ("<=", 5), "target weakened: < 5 → <= 5"),
        (("=", 100), (">=", 100), "target weakened: = 100 → >= 100"),
        ((">=", 90), ("<=", 90), "target weakened: >= 90 → <= 90"),
    ],
)
def test_a_target_is_weakened_when_it_accepts_more(
    before: tuple[str, float], after: tuple[str, float], breaking: str | None
) -> None:
    old = {"op": before[0], "value": before[1]}
    new = {"op": after[0], "value": after[1]}
    assert target_reason(old, new) == breaking


def test_a_threshold_removed_is_breaking() -> None:
    old = {"op": ">", "value": 95, "kind": "quantitative"}
    assert target_reason(old, {"kind": "qualitative"}) == (
        "target weakened: its threshold was removed"
    )


@pytest.mark.parametrize(
    ("before", "after", "breaking"),
    [
        ({"before": "2024-01-25"}, {"by": "2024-01-26"}, "deadline moved later"),
        (
            {"window": ["2024-01-01", "2024-06-30"]},
            {"window": ["2024-01-01", "2024-12-31"]},
            "later",
        ),
        ({"before": "2024-01-25"}, {"before": "2024-01-20"}, None),
        ({"before": "2024-01-25"}, None, "deadline removed"),
        (
            {"recurring": {"frequency": "quarterly", "periods": ["Q1", "Q3"], "day": 10}},
            {"recurring": {"frequency": "quarterly", "periods": ["Q1"], "day": 10}},
            "reporting periods removed: Q3",
        ),
        (
            {"recurring": {"frequency": "quarterly", "day": 10, "month": "last"}},
            {"recurring": {"frequency": "quarterly", "day": 15, "month": "last"}},
            "recurring deadline moved later: day 10 → 15",
        ),
    ],
)
def test_deadlines(before: object, after: object, breaking: str | None) -> None:
    reason = breaking_reason("task", "deadline", before, after)
    if breaking is None:
        assert reason is None
    else:
        assert reason is not None
        assert breaking in describe(reason)


def test_lead_units_removed_and_tasks_cancelled() -> None:
    removed = breaking_reason("task", "lead", ["VP", "TCCB"], ["VP"])
    assert removed is not None
    assert describe(removed) == "lead unit removed: TCCB"
    assert breaking_reason("task", "lead", ["VP"], ["VP", "TCCB"]) is None
    cancelled = breaking_reason("task", "status", "in_progress", "cancelled")
    assert cancelled is not None
    assert cancelled.code == "task_cancelled"
    assert describe(cancelled) == "task cancelled"
    assert breaking_reason("task", "coordinators", ["VP"], []) is None
