"""A plan with a dossier dataset, and the hand-checked 20-dossier export."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

HEADER = (
    "dossier_id,procedure_code,procedure_name,unit,received_at,due_at,resolved_at,"
    "channel,fee_required,paid_online,digitized,rating"
)

# Period under test: 2024-01-01 .. 2024-03-31 (--from/--to). Why each row counts:
ROWS = [
    # resolved in period, early (01-10 < 01-15), digitized, rated 5; online_full, fee paid online
    "D01,P1,Cấp bản sao,VP,2024-01-05,2024-01-15,2024-01-10,online_full,true,true,true,5",
    # resolved on the due day: on time, not early; rated 4 (satisfied); direct, no fee
    "D02,P1,Cấp bản sao,VP,2024-01-08,2024-01-18,2024-01-18,direct,false,false,false,4",
    # resolved late (01-25 > 01-20); rated 2; partly online, fee not paid online
    "D03,P2,Chuyển trường,TCCB,2024-01-10,2024-01-20,2024-01-25,online_partial,true,false,true,2",
    # never resolved, due 02-10 < 03-31: overdue at the period's end (on-time denominator)
    "D04,P2,Chuyển trường,TCCB,2024-02-01,2024-02-10,,online_full,true,true,false,",
    # never resolved, due 04-05 after the period: not overdue yet
    "D05,P1,Cấp bản sao,VP,2024-03-25,2024-04-05,,direct,false,false,false,",
    # received in 2023 (not in received counts), resolved early in the period; postal
    "D06,P1,Cấp bản sao,VP,2023-12-20,2024-01-05,2024-01-04,postal,false,false,true,",
    # received in 2023, due 01-10, still open: overdue at the period's end
    "D07,P2,Chuyển trường,TCCB,2023-12-28,2024-01-10,,direct,false,false,false,",
    # resolved 04-02 after the period; due 03-31 is not *before* the period's end: not overdue
    "D08,P1,Cấp bản sao,VP,2024-03-20,2024-03-31,2024-04-02,online_full,false,false,true,",
    # resolved 04-05 after the period, due 03-10: open and overdue at the period's end
    "D09,P2,Chuyển trường,TCCB,2024-03-01,2024-03-10,2024-04-05,direct,false,false,true,",
    # early, digitized, rated 5, online_full, no fee
    "D10,P1,Cấp bản sao,VP,2024-01-15,2024-01-25,2024-01-20,online_full,false,false,true,5",
    # on the due day, not digitized, not rated, direct
    "D11,P1,Cấp bản sao,VP,2024-01-16,2024-01-26,2024-01-26,direct,false,false,false,",
    # early, digitized, rated 3 (not satisfied); partly online, fee paid online
    "D12,P2,Chuyển trường,TCCB,2024-02-05,2024-02-15,2024-02-14,online_partial,true,true,true,3",
    # late, digitized, rated 1; direct, fee not paid online
    "D13,P2,Chuyển trường,TCCB,2024-02-10,2024-02-20,2024-02-28,direct,true,false,true,1",
    # received after the period: counts nowhere
    "D14,P1,Cấp bản sao,VP,2024-04-02,2024-04-12,2024-04-10,direct,false,false,false,",
    # a second D02: duplicate, skipped (the first D02 is kept)
    "D02,P1,Cấp bản sao,VP,2024-02-20,2024-03-01,2024-02-25,online_full,true,true,true,5",
    # 31 February: invalid receipt date, excluded
    "D16,P1,Cấp bản sao,VP,2024-02-31,2024-03-10,2024-03-05,online_full,true,true,true,5",
    # result before receipt: invalid, excluded
    "D17,P1,Cấp bản sao,VP,2024-01-10,2024-01-20,2024-01-01,online_full,true,true,true,5",
    # on the due day, digitized, rated 4; online_full, fee paid online
    "D18,P2,Chuyển trường,TCCB,2024-03-05,2024-03-15,2024-03-15,online_full,true,true,true,4",
    # early, not digitized, rated 5; online_full, no fee
    "D19,P1,Cấp bản sao,VP,2024-03-10,2024-03-20,2024-03-12,online_full,false,false,false,5",
    # early, digitized, not rated; direct
    "D20,P1,Cấp bản sao,VP,2024-03-28,2024-04-08,2024-03-30,direct,false,false,true,",
]

EXPECTED = {
    # 9 on time: D01 D02 D06 D10 D11 D12 D18 D19 D20; resolved 11 + overdue open D04 D07 D09
    "on_time_rate": (9, 14),
    # the portal's "đã và đang xử lý đúng hạn": the 9 on time + open at 03-31 and not yet
    # due (D05 due 04-05, D08 due 03-31); over the 11 resolved + the 5 open at 03-31
    # (D04 D05 D07 D08 D09)
    "on_time_handled_rate": (11, 16),
    # early: D01 D06 D10 D12 D19 D20 of the 11 resolved in the period
    "early_rate": (6, 11),
    # received in the period: 14 (not D06 D07 D14); online_full: D01 D04 D08 D10 D18 D19
    "online_full_share": (6, 14),
    # online in part or in full: D03 D12 and the 6 online_full, of the 14 received
    "online_submitted_share": (8, 14),
    # fee-bearing received: D01 D03 D04 D12 D13 D18; paid online: D01 D04 D12 D18
    "online_payment_share": (4, 6),
    # digitized among the 11 resolved: D01 D03 D06 D10 D12 D13 D18 D20
    "digitized_share": (8, 11),
    # rated among resolved: D01 D02 D03 D10 D12 D13 D18 D19; satisfied (>= 4): D01 D02 D10 D18 D19
    "satisfaction_rate": (5, 8),
}

DATASET = """\
datasets:
  - id: ho-so
    kind: dossiers
    files: ["data/*.csv"]
"""

PERIOD = ["--from", "2024-01-01", "--to", "2024-03-31", "--as-of", "2024-04-15"]


_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows writes it: vowels precomposed, tone marks apart."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
            tones = "".join(c for c in parts if c in _TONES)
            out += (base + tones).encode("cp1258")
    return bytes(out)


def write_export(
    plan: Path,
    rows: list[str] = ROWS,
    *,
    name: str = "hoso.csv",
    header: str = HEADER,
    encoding: str = "utf-8",
    delimiter: str = ",",
) -> Path:
    data = plan / "data"
    data.mkdir(exist_ok=True)
    path = data / name
    text = "\n".join([header, *rows]) + "\n"
    text = text.replace(",", delimiter)
    path.write_bytes(to_cp1258(text) if encoding == "cp1258" else text.encode(encoding))
    return path


@pytest.fixture
def measured_plan(minimal_plan: Path) -> Path:
    """The minimal plan with a dossiers dataset over the 20-row export."""
    (minimal_plan / "datasets.yaml").write_text(DATASET, encoding="utf-8")
    write_export(minimal_plan)
    return minimal_plan
