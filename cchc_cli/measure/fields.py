"""Canonical fields of the two dataset kinds, and the type of each.

Exports name their columns as they like ("Mã hồ sơ", "Ngày tiếp nhận"…); a dataset maps
them onto these names, and every formula, filter and query speaks only these names.
This module is plain Python (no DuckDB): the plan model validates against it.
"""

from __future__ import annotations

from typing import Literal

from cchc_cli.i18n import N_

__all__ = [
    "BOOL_FIELDS",
    "CHANNELS",
    "DATE_FIELDS",
    "DOSSIER_FIELDS",
    "MAPPABLE_FIELDS",
    "MEASUREMENT_FIELDS",
    "REQUIRED_DOSSIER_FIELDS",
    "REQUIRED_MEASUREMENT_FIELDS",
    "TEXT_FIELDS",
    "UNFILTERABLE_FIELDS",
    "FieldType",
    "field_type",
]

FieldType = Literal["text", "date", "channel", "bool", "rating"]

DOSSIER_FIELDS: dict[str, FieldType] = {
    "dossier_id": "text",
    "procedure_code": "text",
    "procedure_name": "text",
    "unit": "text",
    "received_at": "date",
    "due_at": "date",
    "resolved_at": "date",
    "channel": "channel",
    "fee_required": "bool",
    "paid_online": "bool",
    "digitized": "bool",
    "rating": "rating",
}
"""One dossier (hồ sơ TTHC) per row. An empty ``resolved_at`` means not resolved yet; an
empty ``rating`` means not rated."""

REQUIRED_DOSSIER_FIELDS = ("dossier_id", "received_at", "due_at", "resolved_at")

UNFILTERABLE_FIELDS = {
    "dossier_id": N_("dossier numbers are kept only as a key to find duplicates"),
    "procedure_name": N_("filter on procedure_code: names are long and not kept per dossier"),
}
"""Fields a custom measure's filter may not name, and why (they are not kept per row)."""

CHANNELS = ("direct", "online_partial", "online_full", "postal")
"""How a dossier was submitted: at the counter, partly online, fully online (trực tuyến
toàn trình), by post."""

DATE_FIELDS = tuple(name for name, kind in DOSSIER_FIELDS.items() if kind == "date")
BOOL_FIELDS = tuple(name for name, kind in DOSSIER_FIELDS.items() if kind == "bool")
TEXT_FIELDS = tuple(name for name, kind in DOSSIER_FIELDS.items() if kind == "text")
MAPPABLE_FIELDS = tuple(name for name in DOSSIER_FIELDS if name not in DATE_FIELDS)
"""Fields whose values a dataset may translate ("Có" → true, "Rất hài lòng" → 5…)."""

MEASUREMENT_FIELDS: dict[str, str] = {
    "target": "a target id (II.4:inspection_coverage) or a measure id (inspection_coverage)",
    "period": "2024, 2024-Q1, 2024-H1, 2024-06 or 2024-01-01..2024-03-31",
    "numerator": "a count",
    "denominator": "a count",
    "value": "a percentage, when no numerator and denominator are given",
    "unit": "the unit the figure is for (empty: the whole plan)",
    "source": "where the figure comes from",
    "note": "free text",
}
REQUIRED_MEASUREMENT_FIELDS = ("target", "period")


def field_type(name: str) -> FieldType | None:
    """The type of a canonical dossier field, or None for an unknown name."""
    return DOSSIER_FIELDS.get(name)
