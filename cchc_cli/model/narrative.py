"""What the office writes for a periodic report: the parts no data can yield.

A report's numbers come from the plan and the exports; its assessment, causes,
direction and proposals are the office's own words. They are kept beside the plan,
one entry per report (``plan/reports/2024-Q2.yaml``), reviewed and versioned like the
rest, and validated with it: an unknown section or an unknown area is a located error.
"""

from __future__ import annotations

from typing import Annotated, ClassVar

from pydantic import Field

from cchc_cli.model.base import Id, StrictModel, Text
from cchc_cli.model.ids import IdKind

__all__ = ["REPORT_PERIOD_PATTERN", "ReportNarrative"]

REPORT_PERIOD_PATTERN = r"^\d{4}(-(Q[1-4]|H[12]))?$"
"""``2024-Q2`` (quarterly), ``2024-H1`` (six-month) or ``2024`` (annual)."""

Paragraphs = list[Text]


class ReportNarrative(StrictModel):
    """The office's text for one report, section by section (each optional)."""

    id_kind: ClassVar[IdKind] = "report"
    id_field: ClassVar[str] = "period"

    period: Annotated[str, Field(pattern=REPORT_PERIOD_PATTERN)]
    """Which report: ``2024-Q2``, ``2024-H1`` or ``2024``."""
    direction: Paragraphs = []
    """I. Công tác chỉ đạo, điều hành."""
    areas: dict[Id, Paragraphs] = {}
    """II. Results per reform area, keyed by area id (``III.2`` … ``III.7``)."""
    strengths: Paragraphs = []
    """III.1. Ưu điểm."""
    weaknesses: Paragraphs = []
    """III.2. Tồn tại, hạn chế và nguyên nhân."""
    next_period: Paragraphs = []
    """IV. Phương hướng, nhiệm vụ kỳ tới."""
    proposals: Paragraphs = []
    """V. Đề xuất, kiến nghị."""
