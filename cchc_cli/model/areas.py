"""Reform areas (section III) and their lettered items."""

from __future__ import annotations

from typing import ClassVar

from cchc_cli.model.base import Id, StrictModel, Text
from cchc_cli.model.ids import IdKind

__all__ = ["Area", "AreaItem"]


class AreaItem(StrictModel):
    """One lettered item of an area, e.g. ``III.3.đ``."""

    id: Id
    text: Text


class Area(StrictModel):
    """A reform area, e.g. ``III.3`` "Cải cách thủ tục hành chính"."""

    id_kind: ClassVar[IdKind] = "area"
    id_field: ClassVar[str] = "id"

    id: Id
    title: Text
    items: list[AreaItem] = []
