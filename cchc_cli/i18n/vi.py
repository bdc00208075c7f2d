"""Vietnamese labels and forms of the documents cchc writes (reports).

Every label a person reads in a report — statuses, states, column headers, the
national motto, the placeholder of an empty section — is here, and templates take
them from the ``labels`` of their context: a template holds the outline and layout,
never a status name. Dates follow Decree 30/2020/NĐ-CP, Appendix I: only days below
10 and the months 1 and 2 take a leading zero ("ngày 05 tháng 01 năm 2024",
"ngày 15 tháng 7 năm 2024"). Numbers use the Vietnamese separators (Babel, locale
``vi``): "2.000", "97,02%".
"""

from __future__ import annotations

from datetime import date
from functools import cache
from gettext import GNUTranslations, NullTranslations
from typing import Final

from cchc_cli.model.terms import (
    TARGET_STATUS_LABELS,
    TASK_STATE_LABELS,
    TASK_STATUS_LABELS,
    TargetStatus,
    TaskState,
    TaskStatus,
)

__all__ = [
    "LABELS",
    "MOTTO",
    "PLACEHOLDER",
    "SLOGAN",
    "TARGET_STATUS",
    "TASK_STATE",
    "TASK_STATUS",
    "date_line",
    "day",
    "number",
    "number_line",
    "percent",
    "period_phrase",
    "roman",
    "translate",
]

MOTTO: Final = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
SLOGAN: Final = "Độc lập - Tự do - Hạnh phúc"
BLANK: Final = " " + "\u00a0" * 6 + " "
"""Room left to fill by hand (no-break spaces, which no format collapses)."""
PLACEHOLDER: Final = "(Nội dung do đơn vị bổ sung)"
"""Printed where a section has nothing to say, so that nobody signs a report with a gap."""

LABELS: Final[dict[str, object]] = {
    "placeholder": PLACEHOLDER,
    "recipients": "Nơi nhận:",
    "annex_title": "PHỤ LỤC",
    "targets_table_title": "Kết quả thực hiện các chỉ tiêu",
    "breakdown_title": "Kết quả theo đơn vị",
    "data_title": "Nguồn số liệu",
    "chart_attainment": "Mức đạt các chỉ tiêu so với ngưỡng cam kết",
    "chart_trend": "Diễn biến theo tháng các chỉ số hồ sơ TTHC",
    "chart_value_axis": "Kết quả (%)",
    "chart_threshold": "Ngưỡng cam kết",
    "columns": {
        "ref": "Mục",
        "target": "Chỉ tiêu (theo Kế hoạch)",
        "numerator": "Tử số",
        "denominator": "Mẫu số",
        "value": "Kết quả",
        "threshold": "Chỉ tiêu",
        "status": "Đánh giá",
    },
    "unit_column": "Đơn vị",
    "task": {
        "lead": "Chủ trì",
        "coordinators": "phối hợp",
        "deadline": "thời gian",
        "state": "Tình trạng",
        "late": "trễ",
        "progress": "Tiến độ",
        "evidence": "Kết quả, sản phẩm",
        "problems": "Khó khăn, vướng mắc",
        "proposals": "Đề xuất",
    },
    "target": {
        "word": "Chỉ tiêu",
        "result": "kết quả",
        "threshold": "chỉ tiêu",
        "measure": "Chỉ số",
    },
    "chart": "Biểu đồ",
    "charts_title": "Biểu đồ",
    "closing": "Trên đây là báo cáo",
    "annex_subtitle": "Kèm theo Báo cáo",
    "data_period_label": "Kỳ số liệu",
    "set_aside_title": "Dòng số liệu bị loại (không dùng để tính chỉ tiêu)",
    "next_period_lead": "Trong {period}, tập trung thực hiện các nhiệm vụ sau:",
    "data_period": "Số liệu từ ngày {start} đến ngày {end}",
    "set_aside": "Dòng dữ liệu bị loại",
    "qualitative": "định tính",
    "none": "–",
    "scorecard": {
        "title": "Điểm Bộ chỉ số phục vụ người dân, doanh nghiệp (tự đánh giá từ dữ liệu hồ sơ)",
        "group": "Nhóm chỉ số",
        "indicator": "Chỉ số",
        "value": "Kết quả",
        "target": "Mục tiêu",
        "points": "Điểm đạt / tối đa",
        "gap": "Để đạt điểm tối đa",
        "total": "Tổng điểm: {earned} / {total} điểm (trên {measurable} điểm có số liệu)",
        "no_data": "Chưa có số liệu (không tính điểm): {items}",
        "gap_line": "cần thêm {count} hồ sơ",
        "chart": "Điểm theo nhóm chỉ số so với điểm tối đa",
        "chart_earned": "Điểm đạt",
        "chart_maximum": "Điểm tối đa",
        "source": "Cách tính theo",
    },
}
"""Labels handed to templates as ``labels``."""

_ROMAN: Final = {1: "I", 2: "II", 3: "III", 4: "IV", 5: "V", 6: "VI", 7: "VII", 8: "VIII"}


def roman(value: int) -> str:
    """1 → I … 8 → VIII (report outlines and quarters)."""
    return _ROMAN[value]


def period_phrase(name: str, year: int) -> str:
    """``quý II năm 2024``, ``6 tháng đầu năm 2024``, ``6 tháng cuối năm 2024``, ``năm 2024``."""
    if name.startswith("Q"):
        return f"quý {roman(int(name[1]))} năm {year}"
    if name == "H1":
        return f"6 tháng đầu năm {year}"
    if name == "H2":
        return f"6 tháng cuối năm {year}"
    if name.startswith("M"):
        return f"tháng {int(name[1:])} năm {year}"
    return f"năm {year}"


def date_line(place: str, signed: date | None, year: int) -> str:
    """``Hải Phòng, ngày 05 tháng 7 năm 2024``; blanks to fill by hand for a draft."""
    if signed is None:
        return f"{place}, ngày{BLANK}tháng{BLANK}năm {year}"
    # Decree 30/2020/NĐ-CP, App. I: a leading zero for days below 10 and months 1 and 2.
    month = f"{signed.month:02d}" if signed.month < 3 else str(signed.month)
    return f"{place}, ngày {signed.day:02d} tháng {month} năm {signed.year}"


def number_line(number: str | None, symbol: str) -> str:
    """``Số: 45/BC-SGDĐT``; without a number, room to write it by hand."""
    return f"Số: {number}/{symbol}" if number else f"Số:{BLANK}/{symbol}"


def day(value: date) -> str:
    """``05/07/2024``: how dates are written in the body of a document."""
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def number(value: float | None) -> str:
    """``2.000``, ``1.234,5``; ``–`` for no value."""
    if value is None:
        return "–"
    from babel.numbers import format_decimal

    return str(format_decimal(value, format="#,##0.##", locale="vi"))


def percent(value: float | None) -> str:
    """``97,02%``; ``–`` for no value."""
    if value is None:
        return "–"
    from babel.numbers import format_decimal

    return f"{format_decimal(value, format='#,##0.00', locale='vi')}%"


@cache
def _catalog() -> NullTranslations:
    from cchc_cli.i18n import DOMAIN, LOCALE_DIR

    try:
        with (LOCALE_DIR / "vi" / "LC_MESSAGES" / f"{DOMAIN}.mo").open("rb") as handle:
            return GNUTranslations(handle)
    except OSError:
        return NullTranslations()


def translate(message: str) -> str:
    """The Vietnamese of a catalog message, whatever the language of the run: a report
    quotes the words cchc also prints (why a row was set aside) in Vietnamese."""
    return _catalog().gettext(message)


TARGET_STATUS: Final[dict[TargetStatus, str]] = {
    status: translate(label) for status, label in TARGET_STATUS_LABELS.items()
}
TASK_STATE: Final[dict[TaskState, str]] = {
    state: translate(label) for state, label in TASK_STATE_LABELS.items()
}
TASK_STATUS: Final[dict[TaskStatus, str]] = {
    status: translate(label) for status, label in TASK_STATUS_LABELS.items()
}
"""Statuses and states in Vietnamese whatever the run's language: the catalog's words,
so that a report and the terminal say them alike."""
