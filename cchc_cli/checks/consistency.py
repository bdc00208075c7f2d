"""A plan that sets two thresholds for the same measure and period contradicts itself.

The 2024 plan does: II.6, II.8 and PL.10 give three on-time and three satisfaction
thresholds. The tool says so (a warning on each), rather than picking one silently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from cchc_cli.findings import Finding
from cchc_cli.i18n import _
from cchc_cli.model.draft import PlanDraft
from cchc_cli.model.targets import Target

__all__ = ["check_conflicting_targets"]


def check_conflicting_targets(draft: PlanDraft) -> Iterator[Finding]:
    groups: dict[tuple[str, int], list[Target]] = defaultdict(list)
    for target in draft.targets:
        if target.kind == "quantitative":
            groups[(target.measure, target.period)].append(target)
    for (measure, period), targets in groups.items():
        thresholds = {(t.op, t.value) for t in targets}
        if len(thresholds) < 2:
            continue
        for target in targets:
            others = ", ".join(
                f"{other.ref} {other.threshold_text}" for other in targets if other is not target
            )
            yield Finding.warning(
                "conflicting-targets",
                _(
                    "{ref} sets {measure} {threshold} for {period}, but {others}: the plan "
                    "contradicts itself; decide which threshold applies"
                ).format(
                    ref=target.ref,
                    measure=measure,
                    threshold=target.threshold_text,
                    period=period,
                    others=others,
                ),
                target.at("value"),
            )
