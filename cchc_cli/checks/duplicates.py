"""Every id is declared once, across all files; a plan has one ``plan`` section."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from cchc_cli.findings import Finding, quote
from cchc_cli.i18n import N_, _
from cchc_cli.model.base import Origin
from cchc_cli.model.draft import PlanDraft
from cchc_cli.suggest import lookalike_letters, skeleton

__all__ = ["check_duplicate_ids", "check_sections_present"]

_WHAT = {
    "unit": N_("unit code"),
    "area": N_("area id"),
    "target": N_("target id"),
    "task": N_("task id"),
    "duty": N_("duty id"),
    "plan": N_("'plan' section"),
    "calendar": N_("'calendar' section"),
    "dataset": N_("dataset id"),
    "report": N_("report text for period"),
    "scorecard": N_("scorecard id"),
}


def check_duplicate_ids(draft: PlanDraft) -> Iterator[Finding]:
    """A second declaration of an id is an error that points back at the first; so is an
    id that only *looks* like another (a Cyrillic "Р" for a Latin "P", "Ð" for "Đ")."""
    for kind, declared in draft.declared.items():
        what = _(_WHAT[kind]) if kind in _WHAT else kind
        for ident, origins in declared.items():
            first = origins[0]
            for again in origins[1:]:
                label = what if kind in ("plan", "calendar") else f"{what} {quote(ident)}"
                yield Finding.error(
                    "duplicate-id",
                    _(
                        "duplicate {what}: already defined at {place}{respelled}; give it "
                        "another id or remove one of them"
                    ).format(
                        what=label, place=draft.where(first), respelled=_respelled(draft, ident)
                    ),
                    again,
                )
        if kind not in ("plan", "calendar"):
            yield from _lookalikes(draft, what, declared)


def _respelled(draft: PlanDraft, ident: str) -> str:
    written = draft.respelled.get(ident)
    if written is None:
        return ""
    first, second = (
        f"'{form.encode('ascii', 'backslashreplace').decode()}'" for form in (ident, written)
    )
    return " " + _(
        "(written {first} and {second}: the same text in two Unicode forms, NFC and "
        "decomposed; cchc reads both as NFC)"
    ).format(first=first, second=second)


def _lookalikes(
    draft: PlanDraft, what: str, declared: dict[str, list[Origin]]
) -> Iterator[Finding]:
    """Ids with one skeleton: each is reported against the one written in plain letters."""
    groups: dict[str, list[str]] = {}
    for ident in declared:
        groups.setdefault(skeleton(ident), []).append(ident)
    for look, idents in groups.items():
        if len(idents) < 2:
            continue
        plain = look if look in idents else idents[0]
        for ident in idents:
            if ident == plain:
                continue
            letters = lookalike_letters(ident) or _("compatibility forms")
            yield Finding.error(
                "duplicate-id",
                _(
                    "duplicate {what}: {id} looks the same as {plain} (defined at {place}) "
                    "but is spelt with other letters ({letters}); ids that look alike are "
                    "duplicates — retype it with Latin letters, or give it another id"
                ).format(
                    what=what,
                    id=quote(ident),
                    plain=quote(plain),
                    place=draft.where(declared[plain][0]),
                    letters=letters,
                ),
                declared[ident][0],
            )


def check_sections_present(draft: PlanDraft, plan_dir: Path) -> Iterator[Finding]:
    """A plan needs its metadata (the ``plan`` section) somewhere."""
    if "plan" not in draft.declared:
        yield Finding.error(
            "missing-plan-section",
            _(
                "no file holds the 'plan' section (title, year, issuing body…); "
                "add a plan.yaml with a 'plan:' mapping"
            ),
            file=plan_dir,
        )
