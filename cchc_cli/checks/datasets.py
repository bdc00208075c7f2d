"""Datasets hold together: columns and value mappings fit the dataset's kind and fields,
custom measures are declared on dossiers, once, under names no built-in formula uses."""

from __future__ import annotations

from collections.abc import Iterator

from cchc_cli.findings import Finding, quote
from cchc_cli.i18n import _
from cchc_cli.measure.fields import (
    BOOL_FIELDS,
    CHANNELS,
    DOSSIER_FIELDS,
    MAPPABLE_FIELDS,
    MEASUREMENT_FIELDS,
)
from cchc_cli.measure.formulas import FORMULAS
from cchc_cli.model.datasets import Dataset
from cchc_cli.model.draft import PlanDraft
from cchc_cli.suggest import did_you_mean

__all__ = ["check_datasets"]


def _fields_of(dataset: Dataset) -> tuple[str, ...]:
    return tuple(DOSSIER_FIELDS if dataset.kind == "dossiers" else MEASUREMENT_FIELDS)


def _columns(dataset: Dataset) -> Iterator[Finding]:
    allowed = _fields_of(dataset)
    for name in dataset.columns.model_fields_set:
        if getattr(dataset.columns, name) is not None and name not in allowed:
            yield Finding.error(
                "dataset-column",
                _("{name} is not a field of a {kind} dataset; its fields: {fields}").format(
                    name=quote(name), kind=dataset.kind, fields=", ".join(allowed)
                ),
                dataset.at("columns", name),
                anchor="key",
            )


def _mapped_value_problem(field: str, value: object) -> str | None:
    if field == "channel" and value not in CHANNELS:
        return _("one of {values}{hint}").format(
            values=", ".join(CHANNELS), hint=did_you_mean(str(value), CHANNELS)
        )
    if field in BOOL_FIELDS and not isinstance(value, bool):
        return _("true or false")
    if field == "rating" and (
        isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5
    ):
        return _("a whole number from 1 to 5")
    if DOSSIER_FIELDS.get(field) == "text" and not isinstance(value, str):
        return _("text (in quotes)")
    return None


def _values(dataset: Dataset) -> Iterator[Finding]:
    mappable = MAPPABLE_FIELDS if dataset.kind == "dossiers" else ("unit",)
    for field, mapping in dataset.values.items():
        if field not in mappable:
            yield Finding.error(
                "dataset-values",
                _("no value mapping for {field}{hint}; fields with mappings: {fields}").format(
                    field=quote(field),
                    hint=did_you_mean(field, mappable),
                    fields=", ".join(mappable),
                ),
                dataset.at("values", field),
                anchor="key",
            )
            continue
        for raw, value in mapping.items():
            wanted = _mapped_value_problem(field, value)
            if wanted is not None:
                yield Finding.error(
                    "dataset-values",
                    _("{raw} maps to {value}, but a '{field}' value is {wanted}").format(
                        raw=quote(raw), value=quote(value), field=field, wanted=wanted
                    ),
                    dataset.at("values", field, raw),
                )


def _measures(dataset: Dataset, seen: dict[str, Dataset]) -> Iterator[Finding]:
    if dataset.measures and dataset.kind != "dossiers":
        yield Finding.error(
            "dataset-measures",
            _("custom measures count dossiers: declare them on a 'dossiers' dataset"),
            dataset.at("measures"),
        )
    for index, measure in enumerate(dataset.measures):
        where = dataset.at("measures", index, "id")
        if measure.id in FORMULAS:
            yield Finding.error(
                "dataset-measures",
                _("{id} is a built-in formula; give the custom measure another id").format(
                    id=quote(measure.id)
                ),
                where,
            )
        elif measure.id in seen:
            yield Finding.error(
                "duplicate-id",
                _("duplicate measure id {id}: already declared by dataset '{dataset}'").format(
                    id=quote(measure.id), dataset=seen[measure.id].id
                ),
                where,
            )
        seen.setdefault(measure.id, dataset)


def check_datasets(draft: PlanDraft) -> Iterator[Finding]:
    seen: dict[str, Dataset] = {}
    for dataset in draft.datasets:
        yield from _columns(dataset)
        yield from _values(dataset)
        yield from _measures(dataset, seen)
