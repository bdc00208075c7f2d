"""How states and statuses look in a terminal: one label and one style per term.

The terms themselves are declared in :mod:`cchc_cli.model.terms`; the Vietnamese
labels of documents are in :mod:`cchc_cli.i18n.vi`.
"""

from __future__ import annotations

import re

from cchc_cli.i18n import _
from cchc_cli.model.terms import (
    TARGET_STATUS_LABELS,
    TASK_STATE_LABELS,
    TASK_STATUS_LABELS,
    TargetStatus,
    TaskState,
)
from cchc_cli.results.revision import UNVERSIONED, Stamp

__all__ = [
    "STATE_LABEL",
    "STATE_STYLE",
    "STATUS_LABEL",
    "TARGET_LABEL",
    "TARGET_STYLE",
    "clean",
    "md_escape",
    "revision_words",
    "state_label",
    "status_label",
    "target_label",
]

# The labels are declared with their terms (cchc_cli/model/terms.py) as English ids of
# the catalogs; the functions below say them in the language of the run.
STATE_LABEL = TASK_STATE_LABELS
STATE_STYLE: dict[TaskState, str] = {
    "overdue": "bold red",
    "due_soon": "yellow",
    "on_track": "green",
    "not_started": "",
    "done": "dim green",
    "cancelled": "dim",
}
TARGET_LABEL = TARGET_STATUS_LABELS
TARGET_STYLE: dict[TargetStatus, str] = {
    "met": "green",
    "at_risk": "yellow",
    "missed": "bold red",
    "no_data": "dim",
}

STATUS_LABEL = TASK_STATUS_LABELS
"""A task's recorded status (``cchc task update --status``)."""


def revision_words(stamp: Stamp) -> str:
    """The plan's revision said in words: ``revision 3c105a7 v2024.1``, ``… with
    uncommitted changes``, ``no commit yet``, ``not under version control`` (the stamp's
    own text — ``3c105a7 modified``, ``unversioned`` — is data, kept as is in JSON)."""
    if stamp.text == UNVERSIONED:
        return _("not under version control (git)")
    if stamp.commit is None:
        return _("no commit yet")
    name = clean(" ".join(part for part in (stamp.commit, stamp.tag) if part))
    if stamp.modified:
        return _("revision {revision}, with uncommitted changes").format(revision=name)
    return _("revision {revision}").format(revision=name)


def state_label(state: TaskState) -> str:
    """``quá hạn`` / ``overdue``…: where a task stands, in the run's language."""
    return _(STATE_LABEL[state])


def target_label(status: TargetStatus) -> str:
    """``đạt`` / ``met``…: a target's standing, in the run's language."""
    return _(TARGET_LABEL[status])


def status_label(status: str) -> str:
    """A recorded task status in the run's language (an unknown one as written)."""
    label = STATUS_LABEL.get(status)  # type: ignore[call-overload]
    return status if label is None else _(label)


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
