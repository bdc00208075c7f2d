"""`cchc score` on the hand-checked 20-dossier export (tests/measure/conftest.py).

Every figure below is worked out by hand from the fixture's comments; the period is
2024-01-01..2024-03-31, as of 2024-04-15.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cchc_cli.measure.scoring import earned_points, full_points_gap
from tests.conftest import Invoke
from tests.measure.conftest import PERIOD

SCHEME = """\
scorecards:
  - id: test
    title: "Bộ chỉ số thử"
    source: "hand-checked test scheme"
    total: 100
    groups:
      - id: progress
        title: "Tiến độ"
        points: 40
        source: "test"
        indicators:
          - {id: on_time, title: "Đúng hạn", points: 30, target: 90,
             measure: on_time_handled_rate, source: "test"}
          - {id: early, title: "Trước hạn", points: 10, target: 50,
             measure: early_rate, source: "test"}
      - id: online
        title: "Trực tuyến"
        points: 30
        source: "test"
        indicators:
          - {id: payment, title: "Thanh toán", points: 20, target: 80,
             measure: online_payment_share, source: "test"}
          - {id: full, title: "Toàn trình", points: 10, target: 40,
             measure: online_full_share, source: "test"}
      - id: other
        title: "Khác"
        points: 30
        source: "test"
        indicators:
          - {id: digitized, title: "Số hóa", points: 10, target: 100,
             measure: digitized_share, source: "test"}
          - {id: satisfied, title: "Hài lòng", points: 10, target: 100,
             measure: satisfaction_rate, source: "test"}
          - {id: synced, title: "Đồng bộ", points: 10, target: 100,
             measurement: synced_share, source: "test"}
"""

# id: (numerator, denominator, earned, gap) — by hand:
EXPECTED = {
    # 9 resolved on time + D05, D08 open and not yet due = 11; 11 resolved + 5 open = 16.
    # 68.75% < 90%: 30 × 68.75 / 90 = 22.916… → 22.92; 16 × 90% = 14.4 → 4 more (15/16).
    "on_time": (11, 16, 22.92, 4),
    # 6 early of 11 resolved = 54.55% ≥ 50%: the full 10 points, nothing to win back.
    "early": (6, 11, 10, 0),
    # 4 paid online of 6 fee-bearing = 66.67% < 80%: 20 × 66.67 / 80 = 16.67;
    # 6 × 80% = 4.8 → 1 more (5/6).
    "payment": (4, 6, 16.67, 1),
    # 6 fully online of 14 received = 42.86% ≥ 40%: the full 10.
    "full": (6, 14, 10, 0),
    # 8 digitised of 11 resolved = 72.73%: 10 × 72.73 / 100 = 7.27; 3 more (11/11).
    "digitized": (8, 11, 7.27, 3),
    # 5 satisfied of 8 rated = 62.5%: 6.25 points; 3 more (8/8).
    "satisfied": (5, 8, 6.25, 3),
    # no measurement row: no data, neither earned nor lost.
    "synced": (None, None, None, None),
}


@pytest.fixture
def scored_plan(measured_plan: Path) -> Path:
    (measured_plan / "scorecards.yaml").write_text(SCHEME, encoding="utf-8")
    return measured_plan


def score_json(cli: Invoke, plan: Path, *args: str) -> dict:
    run = cli(["--plan", plan, "score", *args, "--format", "json"])
    assert run.exit_code == 0, run.output
    return json.loads(run.stdout)


def test_the_rule_at_above_and_below_target() -> None:
    assert earned_points(20, 90, 90) == 20  # at the target: full points
    assert earned_points(20, 90, 99.5) == 20  # above: full points, no more
    assert earned_points(20, 90, 45) == 10  # below: 20 × 45 / 90
    assert full_points_gap(11, 16, 90) == 4
    assert full_points_gap(15, 16, 90) == 0
    assert full_points_gap(9, 10, 90) == 0  # exactly at target needs nothing


def test_just_below_target_is_partial_even_when_the_points_round_up() -> None:
    from cchc_cli.measure.scoring import _indicator
    from cchc_cli.model.scorecard import ScoreIndicator
    from cchc_cli.results.measures import Figure

    indicator = ScoreIndicator(
        id="x", title="x", points=8, target=100, measure="digitized_share", source="test"
    )
    scored = _indicator("g", indicator, Figure.ratio(99_999, 100_000, "formula"))
    assert scored.earned == 8  # 7.99992 rounded to two decimals
    assert scored.status == "partial"
    assert scored.gap == 1
    assert _indicator("g", indicator, None).status == "no_data"


def test_every_indicator_matches_the_hand_computation(cli: Invoke, scored_plan: Path) -> None:
    result = score_json(cli, scored_plan, *PERIOD)
    got = {
        i["id"]: (i["numerator"], i["denominator"], i["earned"], i["gap"])
        for group in result["score"]["groups"]
        for i in group["indicators"]
    }
    assert got == EXPECTED
    groups = {
        g["id"]: (g["earned"], g["points"], g["measurable"]) for g in result["score"]["groups"]
    }
    # progress 22.92 + 10; online 16.67 + 10; other 7.27 + 6.25 (synced not measurable)
    assert groups == {
        "progress": (32.92, 40, 40),
        "online": (26.67, 30, 30),
        "other": (13.52, 30, 20),
    }
    assert (result["score"]["earned"], result["score"]["measurable"]) == (73.11, 90)


def test_text_names_every_indicator_the_gap_and_the_total(cli: Invoke, scored_plan: Path) -> None:
    run = cli(["--plan", scored_plan, "score", *PERIOD])
    assert run.exit_code == 0, run.output
    assert re.search(r"\n  on_time +68\.75% \(11/16\) +target 90% +22\.92 of 30\n", run.stdout)
    assert "4 more dossiers handled on time would give the full 30 points" in run.stdout
    assert "Total: 73.11 of 100 points (of 90 points measurable" in run.stdout
    assert "No data (not counted): synced" in run.stdout


def test_a_zero_denominator_is_no_data_not_a_loss(cli: Invoke, scored_plan: Path) -> None:
    # June: nothing received or resolved; D04, D05 and D07 are still open (and overdue).
    result = score_json(cli, scored_plan, "--from", "2024-06-01", "--to", "2024-06-30")
    indicators = {i["id"]: i for g in result["score"]["groups"] for i in g["indicators"]}
    assert indicators["on_time"]["denominator"] == 3  # open at the end, all overdue
    assert indicators["on_time"]["earned"] == 0
    for name in ("early", "payment", "full", "digitized", "satisfied", "synced"):
        assert indicators[name]["status"] == "no_data"
        assert indicators[name]["earned"] is None
    assert (result["score"]["earned"], result["score"]["measurable"]) == (0, 30)


def test_by_unit_ranks_and_by_month_trends(cli: Invoke, scored_plan: Path) -> None:
    by_unit = score_json(cli, scored_plan, *PERIOD, "--by", "unit")
    assert by_unit["by"] == "unit"
    assert len(by_unit["rows"]) == 2  # VP and TCCB
    shares = [row["score"]["earned"] / row["score"]["measurable"] for row in by_unit["rows"]]
    assert shares == sorted(shares, reverse=True)
    by_month = score_json(cli, scored_plan, *PERIOD, "--by", "month")
    assert [row["key"] for row in by_month["rows"]] == [
        # the minimal plan cuts months by Decree 09/2019 (15th to 14th): M4 starts 15/3
        "2024-M1",
        "2024-M2",
        "2024-M3",
        "2024-M4",
    ]


def test_csv_and_markdown(cli: Invoke, scored_plan: Path) -> None:
    csv_run = cli(["--plan", scored_plan, "score", *PERIOD, "--format", "csv"])
    assert csv_run.exit_code == 0
    assert "on_time,on_time_handled_rate,11,16,68.75,90,30,22.92,4,partial" in csv_run.stdout
    md = cli(["--plan", scored_plan, "score", *PERIOD, "--format", "md"])
    assert "| Tiến độ | Đúng hạn | 68.75% (11/16) | 90% | 22.92 / 30 |" in md.stdout
    ranked = cli(["--plan", scored_plan, "score", *PERIOD, "--format", "md", "--by", "unit"])
    assert "### By unit" in ranked.stdout
    assert ranked.stdout.count("\n| 1 | ") == 1
