"""The plan's own metadata: issuing bodies, document, legal bases, sections I, IV, V, signer."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from cchc_cli.model.base import Id, IsoDate, StrictModel, Text

__all__ = ["Body", "DocumentInfo", "LegalBasis", "Paragraph", "PlanMeta", "Signer"]


class Body(StrictModel):
    """An authority: the parent body or the issuing body."""

    name: Text
    """Full name, e.g. "Sở Giáo dục và Đào tạo"."""
    short_name: str | None = None
    """The abbreviation the document uses, e.g. "Sở GDĐT"."""


class DocumentInfo(StrictModel):
    """The plan as an administrative document (Decree 30/2020/NĐ-CP)."""

    type: Text
    """Document type, e.g. "Kế hoạch"."""
    symbol: Text
    """Symbol after the number, e.g. "KH-SGDĐT"."""
    number: str | None = None
    """The number; left blank in the signed text until registered."""
    issued_on: IsoDate | None = None
    """Day of issue; blank in the signed text until registered."""
    issued_as_written: str | None = None
    """The date as printed when incomplete, e.g. "ngày /01/2024"."""
    place: Text
    """Place name used in the date line, e.g. "Hải Phòng"."""


class LegalBasis(StrictModel):
    """A document the plan cites."""

    id: Id
    kind: Text
    """Nghị quyết, Kế hoạch, Quyết định, Nghị định, Thông tư, Kết luận, Luật…"""
    number: str | None = None
    """Number and symbol as cited, e.g. "76/NQ-CP"; none for a law cited by name."""
    date: IsoDate | None = None
    issuer: str | None = None
    title: str | None = None
    """Its subject as the plan quotes it."""
    cited_in: list[Id] = []
    """Where the plan cites it: ``preamble``, ``I.1``, ``III.4.a``, ``PL.14``…"""


class Paragraph(StrictModel):
    """A numbered (or unnumbered) paragraph of the document, verbatim."""

    id: Id | None = None
    text: Text


class Signer(StrictModel):
    """The signature block."""

    authority: Text
    """e.g. "KT. GIÁM ĐỐC"."""
    title: Text
    """e.g. "PHÓ GIÁM ĐỐC"."""
    name: Text


class PlanMeta(StrictModel):
    """Everything about the plan that is not a unit, area, target, task or duty."""

    id: Id
    """Stable identifier, e.g. ``hp-sgddt-cchc-2024`` (used in calendar UIDs)."""
    year: Annotated[int, Field(ge=2000, le=2100)]
    title: Text
    parent_body: Body
    issuing_body: Body
    document: DocumentInfo
    preamble: Text
    """The opening paragraph, verbatim."""
    headings: dict[Id, Text] = {}
    """Section headings by number: ``I`` → "MỤC ĐÍCH, YÊU CẦU"…"""
    legal_bases: list[LegalBasis] = []
    purposes: list[Paragraph] = []
    """Section I, items 1-6."""
    funding: list[Paragraph] = []
    """Section IV."""
    general_duties: list[Paragraph] = []
    """Section V.1, items a-d."""
    closing: list[Paragraph] = []
    """Section V.3 and the closing sentence."""
    recipients: list[Text] = []
    """The "Nơi nhận" list, verbatim."""
    signer: Signer
    annex_title: str | None = None
    """Title of the annex table, verbatim."""
