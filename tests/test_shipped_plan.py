"""The shipped plan holds the whole 2024 plan, with its numbering and Vietnamese text."""

from __future__ import annotations

from cchc_cli.loading import require_plan
from tests.conftest import SHIPPED_PLAN


def test_structure_of_the_2024_plan() -> None:
    plan, _ = require_plan(SHIPPED_PLAN)
    assert plan.year == 2024
    assert [task.id for task in plan.tasks] == [f"PL.{n}" for n in range(1, 20)]
    assert [p.id for p in plan.meta.purposes] == [f"I.{n}" for n in range(1, 7)]
    letters = {area.id: "".join(i.id.rsplit(".", 1)[1] for i in area.items) for area in plan.areas}
    assert letters == {
        "III.1": "abcdđe",
        "III.2": "abcd",
        "III.3": "abcdđe",
        "III.4": "abcdđeg",
        "III.5": "abcdđe",
        "III.6": "ab",
        "III.7": "abcdđ",
    }
    duties = {u.responsibilities.ref for u in plan.units if u.responsibilities}
    assert duties == {"V.2.a", "V.2.b", "V.2.c", "V.2.d", "V.2.đ", "V.2.e", "V.2.g"}
    assert plan.meta.document.number is None  # blank in the signed text, not invented
    assert plan.meta.signer.name == "Phạm Quốc Hiệu"


def test_text_is_verbatim_and_corrected_where_the_extraction_erred() -> None:
    plan, _ = require_plan(SHIPPED_PLAN)
    tasks = plan.tasks_by_id
    assert "phương thức điện tử" in tasks["PL.7"].content  # source: "diện tử"
    assert "57/KH-UBND" in tasks["PL.15"].content  # source: "57/KII-UBND"
    assert "117/NQ-CP" in tasks["PL.17"].content  # source: "117/NĐ-CP"
    assert tasks["PL.1"].deadline.before is not None
    assert tasks["PL.1"].deadline.text == "Trước ngày 25/1/2024"
    assert tasks["PL.2"].deadline.text == "Cả năm 2024"
    assert "III.3.đ" in plan.area_items_by_id


def test_numeric_targets() -> None:
    plan, _ = require_plan(SHIPPED_PLAN)
    thresholds = {t.id: t.threshold_text for t in plan.targets}
    assert thresholds["II.4:inspection_coverage"] == ">= 30%"
    assert thresholds["II.6:on_time_rate"] == "> 95%"
    assert thresholds["II.8:on_time_rate"] == "= 100%"
    assert thresholds["PL.10:on_time_rate"] == "> 90%"
    assert thresholds["PL.18:online_payment_share"] == ">= 30%"
    assert thresholds["PL.19:online_payment_procedures_share"] == ">= 80%"
    assert thresholds["II.10:iso_9001_2015"] == "qualitative"


def test_duties_say_what_the_seed_text_says() -> None:
    plan, _ = require_plan(SHIPPED_PLAN)
    duties = {duty.id: duty for duty in plan.duties}
    monthly = duties["report-tthc-monthly"]  # annex row 13
    assert (monthly.ref, monthly.senders, monthly.kind) == ("PL.13", ["TTS"], "report")
    assert monthly.title == "Báo cáo cải cách TTHC hàng tháng"
    assert monthly.deadline.recurring is not None
    assert monthly.deadline.recurring.frequency == "monthly"
    assert "Định kỳ hàng tháng thống kê" in monthly.text
    # V.2.e is addressed to "Các đơn vị giáo dục": its 25/01/2024 binds them only
    assert duties["unit-plans"].senders == ["DVGD"]
    assert str(duties["unit-plans"].deadline.before) == "2024-01-25"
    # "tổng hợp gửi Sở Nội vụ, Sở Tài chính trong tháng 01/2024": the office forwards
    estimates = duties["budget-estimates"]
    assert (estimates.receivers, estimates.forward_to) == (["VP"], ["SNV", "STC"])
    assert estimates.deadline.text == "trong tháng 01/2024"
