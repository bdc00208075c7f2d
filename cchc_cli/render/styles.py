"""How states and statuses look in a terminal: one label and one style per term.

The terms themselves are declared in :mod:`cchc_cli.model.terms`; the Vietnamese
labels of documents are in :mod:`cchc_cli.i18n.vi`.
"""

from __future__ import annotations

import re

from cchc_cli.model.terms import TargetStatus, TaskState

__all__ = ["STATE_LABEL", "STATE_STYLE", "TARGET_LABEL", "TARGET_STYLE", "clean", "md_escape"]

STATE_LABEL: dict[TaskState, str] = {
    "overdue": "overdue",
    "due_soon": "due soon",
    "on_track": "on track",
    "not_started": "not started",
    "done": "done",
    "cancelled": "cancelled",
}
STATE_STYLE: dict[TaskState, str] = {
    "overdue": "bold red",
    "due_soon": "yellow",
    "on_track": "green",
    "not_started": "",
    "done": "dim green",
    "cancelled": "dim",
}
TARGET_LABEL: dict[TargetStatus, str] = {
    "met": "met",
    "at_risk": "at risk",
    "missed": "missed",
    "no_data": "no data",
}
TARGET_STYLE: dict[TargetStatus, str] = {
    "met": "green",
    "at_risk": "yellow",
    "missed": "bold red",
    "no_data": "dim",
}

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """Text from a plan or an export, safe to show: control characters (escape
    sequences that clear a screen or set a window title) become ``�``."""
    return _CONTROL.sub("\N{REPLACEMENT CHARACTER}", text)


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md_escape(text: str) -> str:
    """Text for Markdown: characters Markdown (or the HTML it allows) would read as
    markup are escaped, so text from a plan stays text."""
    return _MD_SPECIAL.sub(r"\\\1", text)
