"""Report charts: PNG and inline SVG, reproducible, None when there is nothing to draw."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from cchc_cli.render.charts import attainment_chart, percent_vi, report_charts, trend_chart

CONTEXT = Path(__file__).parent / "data" / "report_context.json"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def charts() -> dict[str, Any]:
    context: dict[str, Any] = json.loads(CONTEXT.read_text(encoding="utf-8"))
    return context["charts"]


def test_attainment_png_is_a_png_and_reproducible(charts: dict[str, Any]) -> None:
    first = attainment_chart(charts["attainment"], "png", "Mức đạt các chỉ tiêu")
    second = attainment_chart(charts["attainment"], "png", "Mức đạt các chỉ tiêu")
    assert first is not None
    assert first.startswith(PNG_SIGNATURE)
    assert first == second


def test_trend_png_is_a_png_and_reproducible(charts: dict[str, Any]) -> None:
    first = trend_chart(charts["trend"], "png", "Diễn biến theo tháng")
    assert first is not None
    assert first.startswith(PNG_SIGNATURE)
    assert first == trend_chart(charts["trend"], "png", "Diễn biến theo tháng")


@pytest.mark.parametrize("chart", ["attainment", "trend"])
def test_svg_is_inline_ready_with_vietnamese_text(charts: dict[str, Any], chart: str) -> None:
    title = "Biểu đồ: mức độ hài lòng, trực tuyến toàn trình, ưu điểm"
    draw = attainment_chart if chart == "attainment" else trend_chart
    svg = draw(charts[chart], "svg", title)
    assert svg is not None
    text = svg.decode("utf-8")
    assert text.startswith("<svg")
    assert "<?xml" not in text
    assert "<!DOCTYPE" not in text
    assert "<metadata>" not in text  # no date, no software stamp
    assert title in text  # each text group is labelled with its string
    assert 'id="DejaVuSans' in text  # glyphs drawn from DejaVu Sans, as paths
    assert svg == draw(charts[chart], "svg", title)


def test_attainment_labels_use_the_decimal_comma(charts: dict[str, Any]) -> None:
    svg = attainment_chart(charts["attainment"], "svg", "")
    assert svg is not None
    text = svg.decode("utf-8")
    assert "97,02%" in text
    assert "Ngưỡng cam kết" in text
    assert "Kết quả (%)" in text


def test_percent_vi() -> None:
    assert percent_vi(97.02) == "97,02%"
    assert percent_vi(100) == "100,00%"


def test_hostile_labels_stay_text() -> None:
    rows = [{"label": "--><script>alert(1)</script>", "value": 50, "threshold": 60}]
    svg = attainment_chart(rows, "svg", "<img src=x onerror=alert(1)>")
    assert svg is not None
    text = svg.decode("utf-8")
    assert "<script" not in text
    assert "<img" not in text


@pytest.mark.parametrize(
    "rows",
    [[], [{"label": "II.6", "value": None, "threshold": 95.0, "status": "no_data"}]],
)
def test_attainment_without_values_draws_nothing(rows: list[dict[str, Any]]) -> None:
    assert attainment_chart(rows, "png", "t") is None
    assert attainment_chart(rows, "svg", "t") is None


def test_attainment_skips_unmeasured_rows_and_missing_thresholds() -> None:
    rows = [
        {"label": "a", "value": None, "threshold": 90.0, "status": "no_data"},
        {"label": "b", "value": 42.5, "threshold": None, "status": "at_risk"},
    ]
    svg = attainment_chart(rows, "svg", "")
    assert svg is not None
    assert "42,50%" in svg.decode("utf-8")


@pytest.mark.parametrize(
    "trend",
    [
        {},
        {"months": [], "series": {"a": []}},
        {"months": ["01/2024", "02/2024"], "series": {}},
        {"months": ["01/2024", "02/2024"], "series": {"a": [None, None]}},
    ],
)
def test_trend_without_values_draws_nothing(trend: dict[str, Any]) -> None:
    assert trend_chart(trend, "png", "t") is None


def test_trend_tolerates_gaps_and_short_series() -> None:
    trend = {"months": ["01/2024", "02/2024", "03/2024"], "series": {"a": [None, 80.0]}}
    assert trend_chart(trend, "png", "") is not None


def test_trend_ignores_values_past_the_last_month() -> None:
    months = [f"{m:02d}/2024" for m in range(1, 13)]  # a year: slanted month labels
    only_extra = {"months": months[:2], "series": {"a": [None, None, 50.0]}}
    assert trend_chart(only_extra, "png", "") is None
    year = {"months": months, "series": {"a": [float(m) for m in range(14)]}}
    assert trend_chart(year, "png", "") is not None


def test_report_charts_draws_both_named_for_the_templates() -> None:
    context = json.loads(CONTEXT.read_text(encoding="utf-8"))
    images = report_charts(context, "svg")
    assert set(images) == {"attainment", "trend", "scorecard"}
    assert report_charts({"charts": {"attainment": [], "trend": {}}}, "png") == {}


def test_drawing_leaves_global_matplotlib_settings_alone(charts: dict[str, Any]) -> None:
    import matplotlib

    before = dict(matplotlib.rcParams)
    attainment_chart(charts["attainment"], "svg", "t")
    assert dict(matplotlib.rcParams) == before


def test_matplotlib_is_imported_only_when_a_chart_is_drawn() -> None:
    code = (
        "import sys, cchc_cli.render.charts, cchc_cli.render.html_report;"
        "sys.exit('matplotlib' in sys.modules)"
    )
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
