"""Kinds of identifiers a plan declares (used to find duplicates and resolve references)."""

from __future__ import annotations

from typing import Literal

__all__ = ["IdKind"]

IdKind = Literal[
    "unit", "area", "target", "task", "duty", "legal_basis", "plan", "calendar", "dataset"
]
