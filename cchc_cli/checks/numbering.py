"""Area items are numbered ``<area>.<letter>`` with Vietnamese list letters (no f, j, w, z)."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_cli.findings import Finding, quote
from cchc_cli.i18n import _
from cchc_cli.model.draft import PlanDraft

__all__ = ["VIETNAMESE_LETTERS", "check_area_numbering"]

VIETNAMESE_LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o")
"""The order of lettered items in Vietnamese documents: a, b, c, d, đ, e, g…"""


def check_area_numbering(draft: PlanDraft) -> Iterator[Finding]:
    for area in draft.areas:
        for index, item in enumerate(area.items):
            expected = (
                f"{area.id}.{VIETNAMESE_LETTERS[index]}"
                if index < len(VIETNAMESE_LETTERS)
                else None
            )
            if expected is not None and item.id != expected:
                yield Finding.warning(
                    "area-numbering",
                    _(
                        "item {number} of area {area} is {id}; Vietnamese lettering makes it "
                        "'{expected}' (a, b, c, d, đ, e, g — there is no f)"
                    ).format(number=index + 1, area=area.id, id=quote(item.id), expected=expected),
                    area.at("items", index, "id"),
                )
