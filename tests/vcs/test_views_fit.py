"""diff and history read well at any width, in both languages: golden files at 80
columns (the repository of tests/vcs/conftest.py), and at 60, 80 and 120 columns no line
runs past the width, no word or id is split."""

from __future__ import annotations

import json

import pytest

from tests.conftest import Invoke
from tests.measure.fit import LANGS, WIDTHS, check_fits, check_golden, run_at
from tests.vcs.conftest import PlanRepo

VIEWS = {
    "diff": ["diff", "HEAD~3", "HEAD"],
    "history": ["history", "PL.5"],
}
NAMES = {"PL.1", "PL.2", "PL.5", "II.6:on_time_rate", "on_time_rate"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", list(VIEWS))
def test_the_view_at_80_columns_matches_its_golden_file(
    cli: Invoke, plan_repo: PlanRepo, monkeypatch: pytest.MonkeyPatch, view: str, lang: str
) -> None:
    run = run_at(cli, monkeypatch, 80, lang, VIEWS[view])
    check_golden(f"{view}-{lang}-80.txt", run.stdout)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", list(VIEWS))
def test_the_view_fits_60_80_and_120_columns(
    cli: Invoke, plan_repo: PlanRepo, monkeypatch: pytest.MonkeyPatch, view: str, lang: str
) -> None:
    wide = run_at(cli, monkeypatch, 400, lang, VIEWS[view]).stdout
    for width in WIDTHS:
        check_fits(run_at(cli, monkeypatch, width, lang, VIEWS[view]).stdout, wide, width, NAMES)


def test_vietnamese_says_what_a_change_means(
    cli: Invoke, plan_repo: PlanRepo, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = run_at(cli, monkeypatch, 200, "vi", ["diff", "HEAD~2", "HEAD~1"])
    assert run.stdout.splitlines()[1:] == [
        "~ chỉ tiêu II.6:on_time_rate (sửa đổi, targets.yaml)",
        "    GIẢM CAM KẾT: hạ chỉ tiêu: > 95 → > 90",
        "    value: 95 → 90",
        "~ nhiệm vụ PL.5 (sửa đổi, tasks.yaml)",
        "    GIẢM CAM KẾT: lùi thời hạn: 31/03/2024 → 30/06/2024 (chậm thêm 91 ngày)",
        "    deadline.before: 2024-03-31 → 2024-06-30",
    ]


def test_json_reasons_are_codes_with_iso_dates_in_both_languages(
    cli: Invoke, plan_repo: PlanRepo
) -> None:
    for lang in LANGS:
        data = json.loads(cli(["--lang", lang, "diff", "HEAD~2", "HEAD~1", "-f", "json"]).stdout)
        reasons = [reason for change in data["changes"] for reason in change["breaking"]]
        assert reasons[1] == {
            "code": "deadline_later",
            "before": "2024-03-31",
            "after": "2024-06-30",
            "days": 91,
            "items": [],
        }


def test_errors_are_said_in_vietnamese(cli: Invoke, plan_repo: PlanRepo) -> None:
    run = cli(["--lang", "vi", "history", "PL.9"])
    assert run.exit_code == 2
    assert "không có mục 'PL.9' trong kế hoạch tại HEAD cũng như trong lịch sử của nó" in run.stderr
    run = cli(["--lang", "vi", "diff", "nope"])
    assert run.exit_code == 2
    assert "không có phiên bản 'nope'" in run.stderr
