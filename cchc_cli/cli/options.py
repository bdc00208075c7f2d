"""Options shared by several commands, declared once."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import typer

__all__ = ["FindingsFormat", "PlanOption"]

PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        help="Plan directory (default: $CCHC_PLAN, else the nearest 'plan/' above here).",
        show_default=False,
    ),
]

FindingsFormat = Annotated[
    Literal["text", "json", "github"],
    typer.Option(
        "--format",
        "-f",
        help="text: file:line:col lines; json: a list of objects; github: workflow annotations.",
    ),
]
