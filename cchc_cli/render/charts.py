"""Charts of the periodic CCHC report: target attainment, the monthly trend and the
scorecard's points per group.

The charts read the raw numbers the report context keeps under ``charts`` and return
the image as bytes (PNG for the Word file, SVG inlined in the HTML report), or ``None``
when there is nothing to draw, so a report without figures simply has no chart.

matplotlib is imported only here and only when a chart is drawn (``cchc --version``
stays fast). Figures are built with the object API (:class:`matplotlib.figure.Figure`
on an explicit Agg canvas), never pyplot, so no global figure state or GUI backend is
involved; fonts and salts are set in an ``rc_context`` that ends with the chart.

Output is deterministic (same data, same bytes): no date or software stamp in the
files, a fixed SVG hash salt, fixed size and DPI. Text uses DejaVu Sans, which ships
with matplotlib and covers every Vietnamese letter (ế, ở, ữ, đ…); in SVG the glyphs
are drawn as paths, so the chart looks the same on a phone that lacks the font.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["ChartFormat", "attainment_chart", "report_charts", "scorecard_chart", "trend_chart"]

ChartFormat = Literal["png", "svg"]

WIDTH_IN = 16 / 2.54  # 16 cm: the text width of an A4 page with the Decree 30 margins
DPI = 150
STATUS_COLOURS = {"met": "#2e7d32", "at_risk": "#f0a202", "missed": "#c62828"}
STATUS_NAMES = {"met": "Đạt", "at_risk": "Có nguy cơ không đạt", "missed": "Không đạt"}
NO_STATUS_COLOUR = "#78909c"
THRESHOLD_COLOUR = "#212121"
EARNED_COLOUR = "#1565c0"
MAXIMUM_COLOUR = "#e0e0e0"
LABEL_WIDTH = 30  # characters per line of a bar's label before it wraps…
LABEL_LINES = 2  # …on at most two lines (the annex table has the full text)
TITLE_WIDTH = 60


def percent_vi(value: float) -> str:
    """``97.02`` → ``"97,02%"`` (Vietnamese decimal comma)."""
    return f"{value:.2f}".replace(".", ",") + "%"


def attainment_chart(
    rows: Sequence[Mapping[str, Any]], fmt: ChartFormat, title: str
) -> bytes | None:
    """Horizontal bars of each measured target against its threshold, or None.

    ``rows`` are ``context["charts"]["attainment"]``: ``label``, ``value`` (percent, or
    None when not measured), ``threshold`` (percent, or None) and ``status``
    (met / at_risk / missed). Rows without a value are left out.
    """
    measured = [row for row in rows if _number(row.get("value")) is not None]
    if not measured:
        return None
    with _chart_context():
        fig = _figure(height=1.3 + 0.5 * len(measured) + 0.25 * _lines(title, TITLE_WIDTH))
        ax = fig.add_subplot()
        positions = range(len(measured))
        values = [float(row["value"]) for row in measured]
        colours = [STATUS_COLOURS.get(str(row.get("status")), NO_STATUS_COLOUR) for row in measured]
        ax.barh(positions, values, height=0.6, color=colours, zorder=2)
        for y, value in zip(positions, values, strict=True):
            # The values form a column right of the 100 % line, clear of bars and ticks.
            ax.text(103, y, percent_vi(value), va="center", fontweight="bold", clip_on=False)
        marks = [
            (y, _number(row.get("threshold"))) for y, row in zip(positions, measured, strict=True)
        ]
        ticks = [(y, t) for y, t in marks if t is not None]
        if ticks:
            ax.vlines(
                [t for _, t in ticks],
                [y - 0.42 for y, _ in ticks],
                [y + 0.42 for y, _ in ticks],
                colors=THRESHOLD_COLOUR,
                linewidth=2.2,
                zorder=3,
                clip_on=False,  # a 100 % threshold sits on the edge of the axes
                label="Ngưỡng cam kết",
            )
        ax.set_yticks(
            list(positions),
            [
                textwrap.fill(
                    str(row["label"]), LABEL_WIDTH, max_lines=LABEL_LINES, placeholder=" …"
                )
                for row in measured
            ],
        )
        ax.invert_yaxis()  # first row on top, as in the table
        ax.set_xlim(0, 100)
        ax.set_xlabel("Kết quả (%)")
        ax.grid(axis="x", color="#dddddd", zorder=0)
        _status_legend(fig, ax, [str(row.get("status")) for row in measured])
        _decorate(fig, ax, title)
        return _save(fig, fmt)


def trend_chart(trend: Mapping[str, Any], fmt: ChartFormat, title: str) -> bytes | None:
    """Month-by-month lines of each series (``None`` values are gaps), or None.

    ``trend`` is ``context["charts"]["trend"]``: ``months`` ("01/2024"…) and ``series``,
    a mapping of series name to one percent (or None) per month.
    """
    months = [str(m) for m in trend.get("months") or []]
    series = {  # one value per month: extra values dropped, missing ones are gaps
        str(name): [_number(v) for v in [*values, *[None] * len(months)][: len(months)]]
        for name, values in (trend.get("series") or {}).items()
    }
    drawn = {name: values for name, values in series.items() if any(v is not None for v in values)}
    if not months or not drawn:
        return None
    with _chart_context():
        fig = _figure(height=3.2 + 0.2 * len(drawn) + 0.25 * _lines(title, TITLE_WIDTH))
        ax = fig.add_subplot()
        xs = range(len(months))
        for name, values in drawn.items():
            ys = [math.nan if v is None else v for v in values]
            ax.plot(
                xs,
                ys,
                marker="o",
                markersize=4,
                linewidth=1.8,
                clip_on=False,  # a point at 100 % sits on the top edge
                label=textwrap.fill(name, 60),
            )
        # A year of months does not fit 16 cm side by side: slant the labels.
        ax.set_xticks(list(xs), months)
        if len(months) > 8:
            ax.tick_params(axis="x", labelrotation=45)
            for label in ax.get_xticklabels():
                label.set_horizontalalignment("right")
        ax.set_ylim(*_percent_range([v for vs in drawn.values() for v in vs if v is not None]))
        ax.set_ylabel("Tỷ lệ (%)")
        ax.grid(color="#dddddd")
        fig.legend(loc="outside lower center", frameon=False, ncols=1)
        _decorate(fig, ax, title)
        return _save(fig, fmt)


def scorecard_chart(
    rows: Sequence[Mapping[str, Any]], fmt: ChartFormat, title: str
) -> bytes | None:
    """Horizontal bars of each group's points earned over a bar of its maximum, or None.

    ``rows`` are ``context["charts"]["scorecard"]``: ``label``, ``earned`` and ``points``
    (the group's maximum).
    """
    drawn = [row for row in rows if _number(row.get("points"))]
    if not drawn:
        return None
    with _chart_context():
        fig = _figure(height=1.3 + 0.5 * len(drawn) + 0.25 * _lines(title, TITLE_WIDTH))
        ax = fig.add_subplot()
        positions = range(len(drawn))
        maxima = [_number(row.get("points")) or 0.0 for row in drawn]
        earned = [_number(row.get("earned")) or 0.0 for row in drawn]
        ax.barh(positions, maxima, height=0.6, color=MAXIMUM_COLOUR, zorder=1, label="Tối đa")
        ax.barh(positions, earned, height=0.6, color=EARNED_COLOUR, zorder=2, label="Đạt")
        top = max(maxima)
        for y, got, most in zip(positions, earned, maxima, strict=True):
            shown = f"{got:.2f}".rstrip("0").rstrip(".").replace(".", ",")
            ax.text(top * 1.03, y, f"{shown}/{most:g}", va="center", fontweight="bold")
        labels = [
            textwrap.fill(
                str(row.get("label", "")), LABEL_WIDTH, max_lines=LABEL_LINES, placeholder=" …"
            )
            for row in drawn
        ]
        ax.set_yticks(list(positions), labels)
        ax.invert_yaxis()
        ax.set_xlim(0, top * 1.25)
        ax.set_xlabel("Điểm")
        ax.grid(axis="x", color="#dddddd", zorder=0)
        fig.legend(loc="outside lower center", ncols=2, frameon=False)
        _decorate(fig, ax, title)
        return _save(fig, fmt)


def report_charts(context: Mapping[str, Any], fmt: ChartFormat) -> dict[str, bytes]:
    """Both charts of a report context's ``charts``, the drawn ones only.

    Keys are ``attainment``, ``trend`` and ``scorecard``, the names the templates use for
    ``images``. The charts carry no title: the report prints its own caption.
    """
    charts = context.get("charts") or {}
    drawn = {
        "attainment": attainment_chart(charts.get("attainment") or [], fmt, ""),
        "trend": trend_chart(charts.get("trend") or {}, fmt, ""),
        "scorecard": scorecard_chart(charts.get("scorecard") or [], fmt, ""),
    }
    return {name: image for name, image in drawn.items() if image is not None}


@contextmanager
def _chart_context() -> Iterator[None]:
    import matplotlib

    with matplotlib.rc_context(
        {
            "font.family": "DejaVu Sans",
            "font.size": 10,
            "axes.titlesize": 11,
            "svg.hashsalt": "cchc-report",  # fixed ids of clip paths: reproducible SVG
            "svg.fonttype": "path",
        }
    ):
        yield


def _figure(height: float) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def _decorate(fig: Figure, ax: Axes, title: str) -> None:
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if title:
        fig.suptitle(textwrap.fill(title, TITLE_WIDTH), fontweight="bold")


def _lines(text: str, width: int) -> int:
    """How many lines ``text`` wraps to (0 for no text)."""
    return len(textwrap.wrap(text, width))


def _status_legend(fig: Figure, ax: Axes, statuses: Sequence[str]) -> None:
    """Below the chart: the threshold mark, then the colour of each status shown."""
    from matplotlib.patches import Patch

    handles, _ = ax.get_legend_handles_labels()
    handles += [
        Patch(color=STATUS_COLOURS[status], label=STATUS_NAMES[status])
        for status in STATUS_COLOURS
        if status in statuses
    ]
    fig.legend(
        handles=handles,
        loc="outside lower center",
        ncols=len(handles) if len(handles) <= 3 else 2,
        frameon=False,
    )


def _percent_range(values: Sequence[float]) -> tuple[float, float]:
    """A y range in tens around the values: 0–100 at most, wider only if a value is outside."""
    low, high = min(values), max(values)
    bottom = math.floor(low / 10) * 10 - 10
    if low >= 0:
        bottom = max(0, bottom)
    return float(bottom), float(max(100, math.ceil(high / 10) * 10))


def _number(value: object) -> float | None:
    """A finite float, or None (None, NaN and non-numbers are "no value")."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _save(fig: Figure, fmt: ChartFormat) -> bytes:
    out = io.BytesIO()
    if fmt == "svg":
        fig.savefig(out, format="svg", metadata={"Date": None})
        return _inline_svg(out.getvalue())
    fig.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


def _inline_svg(svg: bytes) -> bytes:
    """The ``<svg>`` element alone, ready to inline in HTML.

    Drops the XML declaration and DOCTYPE (not allowed inside HTML) and the RDF
    ``<metadata>`` block (it only names matplotlib and the Dublin Core vocabulary).
    """
    svg = svg[svg.find(b"<svg") :]
    start, end = svg.find(b"<metadata>"), svg.find(b"</metadata>")
    if 0 <= start < end:
        svg = svg[:start].rstrip() + svg[end + len(b"</metadata>") :]
    return svg
