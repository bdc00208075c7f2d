"""Every built-in formula, in one place, each with its Decision 766/QĐ-TTg reference.

Decision 766/QĐ-TTg (23/6/2022) sets the national scorecard of service to citizens and
businesses, computed from real-time dossier data. Its appendix groups the indicators as
publicity and transparency, processing progress (tiến độ giải quyết), online service
(dịch vụ công trực tuyến, incl. online payment), satisfaction (mức độ hài lòng) and
digitisation of dossiers and results (số hóa hồ sơ, kết quả). Each formula below names
the group it implements.

Rules shared by every formula:

* a period is ``[start, end]``, both days included; every comparison is on calendar dates
  (a time of day in the export is ignored);
* rows that are invalid (an unparseable required date, a result before the receipt) or
  duplicates are excluded before anything is counted (see ``hygiene``);
* a zero denominator is *no data*, never a division.

How counting works: a **component** counts dossiers on the day given by its **anchor**
date (received, resolved…). Components add up over any set of days, so one pass over the
data yields daily counts from which every period (quarter, month, year to date) is a sum.
The one count that is not a sum over days — dossiers still *open* at a period's end and
already past their due date — is kept additive as a running balance: +1 on the day a
dossier becomes overdue (the day after its due date, or its receipt if later), -1 on the
day it is resolved; the balance at the period's last day is the count.

The SQL predicates here are cchc's own text over canonical column names; nothing of the
plan is pasted into them (custom measures go through :mod:`cchc_cli.measure.filters`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cchc_cli.model.tasks import Task

__all__ = [
    "ANCHOR_DAY",
    "BALANCES",
    "COMPONENTS",
    "FORMULAS",
    "OPEN_AT_END",
    "OPEN_NOT_DUE_AT_END",
    "OVERDUE_AT_END",
    "PLAN_FORMULAS",
    "Anchor",
    "Component",
    "Formula",
    "PlanFormula",
    "plan_tasks_done",
]

Anchor = Literal["received", "resolved", "due", "overdue_open", "overdue_close"]

_OVERDUE_FROM = 'greatest("received_at", "due_at" + 1)'

ANCHOR_DAY: dict[Anchor, tuple[str, str]] = {
    # anchor: (SQL of the day a row counts on, SQL condition for the row to count at all)
    "received": ('"received_at"', "TRUE"),
    "resolved": ('"resolved_at"', '"resolved_at" IS NOT NULL'),
    "due": ('"due_at"', "TRUE"),
    "overdue_open": (
        _OVERDUE_FROM,
        f'("resolved_at" IS NULL OR "resolved_at" > {_OVERDUE_FROM})',
    ),
    "overdue_close": ('"resolved_at"', f'"resolved_at" > {_OVERDUE_FROM}'),
}
"""An overdue dossier is open at the end of day T when received ≤ T, due < T and not
resolved by T: from the day after its due date (or its receipt) until its resolution."""


@dataclass(frozen=True, slots=True)
class Component:
    """Dossiers counted on their anchor day when ``predicate`` holds."""

    anchor: Anchor
    predicate: str


COMPONENTS: dict[str, Component] = {
    "received": Component("received", "TRUE"),
    "received_online_full": Component("received", "\"channel\" = 'online_full'"),
    "received_online": Component("received", "\"channel\" IN ('online_partial', 'online_full')"),
    "received_fee": Component("received", 'COALESCE("fee_required", FALSE)'),
    "received_fee_paid_online": Component(
        "received", 'COALESCE("fee_required" AND "paid_online", FALSE)'
    ),
    "resolved": Component("resolved", "TRUE"),
    "resolved_on_time": Component("resolved", '"resolved_at" <= "due_at"'),
    "resolved_early": Component("resolved", '"resolved_at" < "due_at"'),
    "resolved_digitized": Component("resolved", 'COALESCE("digitized", FALSE)'),
    "resolved_rated": Component("resolved", '"rating" IS NOT NULL'),
    "resolved_satisfied": Component("resolved", '"rating" >= 4'),
    "overdue_open": Component("overdue_open", "TRUE"),
    "overdue_close": Component("overdue_close", "TRUE"),
}

OVERDUE_AT_END = "overdue_at_end"
"""A term that is the running balance of ``overdue_open - overdue_close`` up to and
including the period's last day: unresolved at the period's end and already overdue."""

OPEN_AT_END = "open_at_end"
"""Received and not resolved by the end of the period's last day (any due date)."""

OPEN_NOT_DUE_AT_END = "open_not_due_at_end"
"""Open at the period's end and not yet overdue (due on or after its last day)."""

BALANCES: dict[str, tuple[tuple[int, str, str], ...]] = {
    # term: (sign, opening component, closing component) — each a running balance taken
    # at the period's last day; a term is the signed sum of its balances.
    OVERDUE_AT_END: ((1, "overdue_open", "overdue_close"),),
    OPEN_AT_END: ((1, "received", "resolved"),),
    OPEN_NOT_DUE_AT_END: ((1, "received", "resolved"), (-1, "overdue_open", "overdue_close")),
}
"""The terms that are not sums over days but balances at the period's end."""


@dataclass(frozen=True, slots=True)
class Formula:
    """A ratio: the sum of ``numerator`` terms over the sum of ``denominator`` terms.

    A term is a component summed over the period's days, or :data:`OVERDUE_AT_END`.
    """

    id: str
    title: str
    reference: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]
    numerator_text: str
    denominator_text: str


FORMULAS: dict[str, Formula] = {
    formula.id: formula
    for formula in (
        # QĐ 766/QĐ-TTg, Phụ lục, nhóm "Tiến độ giải quyết": share of dossiers resolved
        # on time (trước hạn và đúng hạn), the overdue ones still open counting as late.
        # numerator   = resolved in the period with resolved date ≤ due date
        # denominator = resolved in the period
        #             + unresolved at the period's end whose due date is before the period's end
        Formula(
            "on_time_rate",
            "Tỷ lệ hồ sơ giải quyết trước và đúng hạn",
            "QĐ 766/QĐ-TTg, Phụ lục: nhóm chỉ số Tiến độ giải quyết",
            ("resolved_on_time",),
            ("resolved", OVERDUE_AT_END),
            "resolved in the period with resolved date ≤ due date",
            "resolved in the period + unresolved at the period's end whose due date is "
            "before the period's end",
        ),
        # QĐ 766/QĐ-TTg, nhóm "Tiến độ, kết quả giải quyết", as the national portal
        # (dichvucong.gov.vn, "Bộ chỉ số phục vụ người dân, doanh nghiệp") computes it:
        # dossiers "đã và đang xử lý đúng hạn" — resolved on time, plus those still open
        # and not yet due — over every dossier handled in the period (resolved in it, or
        # still open at its end). Unlike on_time_rate, an open dossier not yet due counts
        # in favour; on_time_rate is the plan's own reading and is left as it is.
        # numerator   = resolved in the period with resolved date ≤ due date
        #             + unresolved at the period's end whose due date is not before it
        # denominator = resolved in the period + unresolved at the period's end
        Formula(
            "on_time_handled_rate",
            "Tỷ lệ hồ sơ đã và đang xử lý đúng hạn",
            "QĐ 766/QĐ-TTg: nhóm chỉ số Tiến độ, kết quả giải quyết (cách tính của "
            "Cổng Dịch vụ công quốc gia)",
            ("resolved_on_time", OPEN_NOT_DUE_AT_END),
            ("resolved", OPEN_AT_END),
            "resolved in the period with resolved date ≤ due date + unresolved at the "
            "period's end whose due date is not before it",
            "resolved in the period + unresolved at the period's end",
        ),
        # QĐ 766/QĐ-TTg, Phụ lục, nhóm "Tiến độ giải quyết": dossiers resolved early.
        # numerator   = resolved in the period with resolved date < due date
        # denominator = resolved in the period
        Formula(
            "early_rate",
            "Tỷ lệ hồ sơ giải quyết trước hạn",
            "QĐ 766/QĐ-TTg, Phụ lục: nhóm chỉ số Tiến độ giải quyết",
            ("resolved_early",),
            ("resolved",),
            "resolved in the period with resolved date < due date",
            "resolved in the period",
        ),
        # QĐ 766/QĐ-TTg, Phụ lục, nhóm "Dịch vụ công trực tuyến": dossiers received
        # through a fully online service (trực tuyến toàn trình).
        # numerator   = received in the period with channel online_full
        # denominator = received in the period
        Formula(
            "online_full_share",
            "Tỷ lệ hồ sơ trực tuyến toàn trình",
            "QĐ 766/QĐ-TTg, Phụ lục: nhóm chỉ số Dịch vụ công trực tuyến",
            ("received_online_full",),
            ("received",),
            "received in the period with channel online_full",
            "received in the period",
        ),
        # QĐ 766/QĐ-TTg, Phụ lục, nhóm "Dịch vụ công trực tuyến": dossiers submitted
        # online, in part or in full (trực tuyến một phần và toàn trình) — the scorecard's
        # indicator, built in so that the scheme needs no custom measure of the plan.
        # numerator   = received in the period with channel online_partial or online_full
        # denominator = received in the period
        Formula(
            "online_submitted_share",
            "Tỷ lệ hồ sơ nộp trực tuyến",
            "QĐ 766/QĐ-TTg, Phụ lục: nhóm chỉ số Dịch vụ công trực tuyến",
            ("received_online",),
            ("received",),
            "received in the period with channel online_partial or online_full",
            "received in the period",
        ),
        # QĐ 766/QĐ-TTg, Phụ lục, nhóm "Dịch vụ công trực tuyến" (thanh toán trực tuyến):
        # fee-bearing dossiers paid online.
        # numerator   = received in the period, fee_required and paid_online
        # denominator = received in the period and fee_required
        Formula(
            "online_payment_share",
            "Tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến",
            "QĐ 766/QĐ-TTg, Phụ lục: nhóm chỉ số Dịch vụ công trực tuyến (thanh toán trực tuyến)",
            ("received_fee_paid_online",),
            ("received_fee",),
            "received in the period, fee_required and paid_online",
            "received in the period and fee_required",
        ),
        # QĐ 766/QĐ-TTg, Phụ lục, nhóm "Số hóa hồ sơ": dossiers whose result is digitised.
        # numerator   = resolved in the period and digitized
        # denominator = resolved in the period
        Formula(
            "digitized_share",
            "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC",
            "QĐ 766/QĐ-TTg, Phụ lục: nhóm chỉ số Số hóa hồ sơ",
            ("resolved_digitized",),
            ("resolved",),
            "resolved in the period and digitized",
            "resolved in the period",
        ),
        # QĐ 766/QĐ-TTg, Phụ lục, nhóm "Mức độ hài lòng": satisfied ratings (4 or 5 of 5)
        # among the rated dossiers.
        # numerator   = resolved in the period, rated, rating ≥ 4
        # denominator = resolved in the period and rated
        Formula(
            "satisfaction_rate",
            "Mức độ hài lòng của người dân, doanh nghiệp",
            "QĐ 766/QĐ-TTg, Phụ lục: nhóm chỉ số Mức độ hài lòng",
            ("resolved_satisfied",),
            ("resolved_rated",),
            "resolved in the period, rated, rating ≥ 4",
            "resolved in the period and rated",
        ),
    )
}
"""Built-in formulas by measure id (the ``measure`` of a target)."""


# --- measures of the plan's own progress (no export needed) ----------------------------


@dataclass(frozen=True, slots=True)
class PlanFormula:
    """A ratio counted over the plan's tasks as of a day, not over dossiers."""

    id: str
    title: str
    numerator_text: str
    denominator_text: str


PLAN_FORMULAS: dict[str, PlanFormula] = {
    # Not a QĐ 766/QĐ-TTg indicator: the plan's own II.3 "Hoàn thành, đảm bảo tiến độ,
    # chất lượng 100% nhiệm vụ cụ thể trong Kế hoạch", read off the tasks' progress.
    # numerator   = tasks done as of the period's end (the last update dated on or
    #               before it says done)
    # denominator = tasks not cancelled as of that day
    "plan_tasks_done_share": PlanFormula(
        "plan_tasks_done_share",
        "Tỷ lệ nhiệm vụ cụ thể trong Kế hoạch đã hoàn thành",
        "tasks marked done by an update dated on or before the period's end",
        "tasks not cancelled",
    ),
}
"""Built-in measures counted from the plan itself, by measure id."""


def plan_tasks_done(tasks: Sequence[Task], end: date) -> tuple[int, int]:
    """(numerator, denominator) of ``plan_tasks_done_share`` as of ``end``: each task as it
    stood that day (:func:`cchc_cli.schedule.history.status_on`)."""
    from cchc_cli.schedule.history import status_on

    states = [
        status_on(task.status, ((u.date, u.status, u.percent) for u in task.updates), end)[0]
        for task in tasks
    ]
    counted = [state for state in states if state != "cancelled"]
    return sum(state == "done" for state in counted), len(counted)
