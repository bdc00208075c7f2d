"""The agenda views (status, deadlines, periods, task show, due, workday) in both
languages and at 60, 80 and 120 columns: golden files at 80, and the width rules at
every width — no line longer than the terminal, every id, date and measure name on one
line whole or shortened with "…".

``CCHC_UPDATE_GOLDEN=1`` rewrites the golden files from the real output (then review
the diff).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len

from cchc_cli.i18n import Language
from cchc_cli.i18n.forms import day, span, weekday
from tests.conftest import Invoke
from tests.golden import golden_checker

GOLDEN = Path(__file__).resolve().parent / "golden"
AS_OF = "2024-03-05"

VIEWS: dict[str, list[str]] = {
    "status": ["status", "--as-of", AS_OF],
    "deadlines": ["deadlines", "--as-of", AS_OF],
    "periods": ["periods"],
    "task-show": ["task", "show", "PL.3", "--as-of", AS_OF],
    "due": ["due", "2024-02-05", "10"],
    "workday": ["workday", "2024-02-10"],
}
LANGS: tuple[Language, ...] = ("vi", "en")


@pytest.fixture
def repo(shipped_plan: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped plan, run from its repository's root (relative paths)."""
    monkeypatch.chdir(shipped_plan.parent)
    return shipped_plan.parent


def render(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch, view: str, lang: Language, width: int
) -> str:
    monkeypatch.setenv("COLUMNS", str(width))
    if view == "task-show":
        record_an_update(cli)
    run = cli(["--lang", lang, "--plan", "plan", *VIEWS[view]])
    assert run.exit_code == 0, run.output
    return run.stdout + run.stderr


def record_an_update(cli: Invoke) -> None:
    """An update of PL.3 with a long note and evidence, for ``task show``'s table."""
    run = cli(
        [
            *("task", "update", "PL.3", "--plan", "plan", "--status", "in_progress"),
            *("--percent", "40", "--date", "2024-03-01"),
            *("--note", "Đã kiểm tra 5 đơn vị theo kế hoạch kiểm tra công tác CCHC năm 2024"),
            *("-e", "Báo cáo số 15/BC-SGDĐT"),
            *("-e", "https://example.vn/bao-cao-kiem-tra-cchc-quy-1-2024.pdf"),
        ]
    )
    assert run.exit_code == 0, run.output


check_golden = golden_checker(GOLDEN)


def _whole_or_shortened(token: str, lines: list[str]) -> bool:
    """``token`` on one line, whole, or cut after at least one character with "…"."""
    if any(token in line for line in lines):
        return True
    return any(token[:cut] + "…" in line for line in lines for cut in range(1, len(token)))


def _day(iso: str, lang: Language) -> str:
    return day(date.fromisoformat(iso), lang)


def tokens(cli: Invoke, view: str, lang: Language) -> list[str]:
    """What must be readable in ``view``: its ids, dates and measure names."""
    if view in ("due", "workday"):
        days = {"due": ["2024-02-05", "2024-02-26", "2024-02-08"], "workday": ["2024-02-15"]}
        return [weekday(date.fromisoformat(days[view][0]), lang)] + [
            _day(iso, lang) for iso in days[view][1:]
        ]
    data = json.loads(cli(["--plan", "plan", *VIEWS[view], "--format", "json"]).stdout)
    found: list[str] = []

    def occurrence(occ: dict[str, str] | None) -> None:
        if occ is None:
            return
        if occ["start"]:
            s, e = date.fromisoformat(occ["start"]), date.fromisoformat(occ["day"])
            found.append(span(s, e, lang))
        else:
            found.append(_day(occ["day"], lang))

    if view == "status":
        for item in data["overdue"] + data["due_soon"]:
            found.append(item["id"])
            occurrence(item["occurrence"])
        found += [
            line["measure"] for line in data["targets"]["items"] if line["status"] != "no_data"
        ]
        period = data["next_report"]["data_period"]
        found.append(
            span(date.fromisoformat(period["start"]), date.fromisoformat(period["end"]), lang)
        )
    elif view == "deadlines":
        for item in data["items"]:
            found.append(item["id"])
            occurrence(item["occurrence"])
    elif view == "periods":
        for row in data["reports"]:
            occurrence(row["occurrence"])
            period = row["data_period"]
            found.append(
                span(date.fromisoformat(period["start"]), date.fromisoformat(period["end"]), lang)
            )
    elif view == "task-show":
        found.append(data["task"]["id"])
        occurrence(data["state"]["occurrence"])
    return found


@pytest.mark.usefixtures("repo")
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", list(VIEWS))
def test_each_view_matches_its_golden_file_at_80_columns(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch, view: str, lang: Language
) -> None:
    check_golden(f"{view}.{lang}.txt", render(cli, monkeypatch, view, lang, 80))


@pytest.mark.usefixtures("repo")
@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", list(VIEWS))
def test_each_view_fits_the_width_with_nothing_cut_or_split(
    cli: Invoke,
    monkeypatch: pytest.MonkeyPatch,
    view: str,
    lang: Language,
    width: int,
) -> None:
    text = render(cli, monkeypatch, view, lang, width)
    lines = text.splitlines()
    too_long = [line for line in lines if cell_len(line) > width]
    assert not too_long, f"{view} ({lang}) has lines over {width} columns:\n" + "\n".join(too_long)
    wanted = tokens(cli, view, lang)
    assert wanted, view
    missing = [token for token in wanted if not _whole_or_shortened(token, lines)]
    assert not missing, f"{view} ({lang}, {width} columns) splits or loses {missing}:\n{text}"


@pytest.mark.usefixtures("repo")
def test_status_says_the_same_facts_in_both_languages(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    vi = render(cli, monkeypatch, "status", "vi", 80)
    en = render(cli, monkeypatch, "status", "en", 80)
    for vi_words, en_words in [
        ("Tính đến Thứ Ba, 05/03/2024", "As of Tuesday 5 Mar 2024"),
        ("1 quá hạn", "1 overdue"),
        ("18 chưa bắt đầu", "18 not started"),
        ("trễ 24 ngày làm việc", "24 working days late"),
        ("còn 3 ngày làm việc", "3 working days left"),
        ("gửi chậm nhất ngày 08/03/2024", "send by 8 Mar 2024"),
        ("kỳ số liệu: 15/12/2023–14/03/2024", "data period 15 Dec 2023–14 Mar 2024"),
        ("1 không đạt · 3 có nguy cơ không đạt · 7 đạt", "1 missed · 3 at risk · 7 met"),
        ("98,51%", "98.51%"),
        ("còn được phép trễ 14 hồ sơ", "14 more late dossiers allowed"),
        ("Văn phòng Sở", "Văn phòng Sở"),  # a unit named where there is room
    ]:
        assert vi_words in vi
        assert en_words in en


@pytest.mark.usefixtures("repo")
def test_a_plan_whose_year_is_over_points_to_the_year_end_views(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    run = cli(["--lang", "vi", "--plan", "plan", "status", "--as-of", "2025-03-01"])
    assert run.exit_code == 0, run.output
    assert "Năm 2024 của kế hoạch đã kết thúc ngày 31/12/2024." in run.stdout
    assert "cchc status --as-of 2024-12-31" in run.stdout
    assert "cchc report --year 2024" in run.stdout
    assert "Nhiệm vụ: 19 chưa hoàn thành · 0 đã hoàn thành" in run.stdout
    assert "ngày làm việc" not in run.stdout  # no "707 working days late"
    data = json.loads(
        cli(["--plan", "plan", "status", "--as-of", "2025-03-01", "--format", "json"]).stdout
    )
    assert (data["year_end"], data["year_over"]) == ("2024-12-31", True)


@pytest.mark.usefixtures("repo")
def test_status_json_is_data_whatever_the_language(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["--plan", "plan", "status", "--as-of", AS_OF, "--format", "json"]
    monkeypatch.setenv("CCHC_LANG", "vi")
    data = json.loads(cli(args).stdout)
    targets = data["targets"]
    assert (targets["measured_from"], targets["measured_to"]) == ("2023-12-15", AS_OF)
    on_time = next(line for line in targets["items"] if line["ref"] == "II.6")
    assert (on_time["op"], on_time["goal"], on_time["error_budget"]) == (">", 95.0, 14)
    assert "/" not in json.dumps(targets["items"]).replace("N/A", "")
