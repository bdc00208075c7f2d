"""kpi, score and rollup read well at any width, in both languages: golden files at 80
columns (the shipped plan, a fixed day), and at 60, 80 and 120 columns no line runs past
the width, no word or id is split, what does not fit is cut with "…"."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SHIPPED_PLAN, Invoke
from tests.measure.fit import LANGS, WIDTHS, check_fits, check_golden, run_at

KPI = ["kpi", "--year", "2024", "--as-of", "2024-07-01"]
KPI_BY = ["kpi", "--quarter", "Q2", "--as-of", "2024-07-01", "--by", "quarter"]
KPI_BY_UNIT = ["kpi", "--quarter", "Q2", "--as-of", "2024-07-01", "--by", "unit"]
KPI_BY_PROCEDURE = ["kpi", "--year", "2024", "--as-of", "2024-07-01", "--by", "procedure"]
SCORE = ["score", "--quarter", "Q2", "--as-of", "2024-12-31", "--by", "unit"]
ROLLUP = ["rollup", "tccb", "vp", "--year", "2024", "--as-of", "2025-01-10"]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The shipped plan in ``plan/`` and two unit plans ``tccb``, ``vp``; the working
    directory is their parent (paths in the output are relative, hence stable)."""
    shutil.copytree(SHIPPED_PLAN, tmp_path / "plan")
    for name in ("tccb", "vp"):
        unit = tmp_path / name
        shutil.copytree(SHIPPED_PLAN, unit)
        meta = unit / "plan.yaml"
        meta.write_text(
            meta.read_text(encoding="utf-8").replace(
                'short_name: "Sở GDĐT"', f'short_name: "{name.upper()}"'
            ),
            encoding="utf-8",
        )
    export = tmp_path / "vp" / "data" / "ho-so-tthc.csv"
    lines = export.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    export.write_text("".join(lines[:1001]), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _names(cli: Invoke, args: list[str]) -> set[str]:
    """The ids and measure names of a view, from its JSON."""
    data = json.loads(cli(["--plan", "plan", *args, "--format", "json"]).stdout)
    names: set[str] = set(data.get("measures", {}))
    for target in data.get("targets", []):
        names |= {target.get("ref", ""), target.get("measure", ""), target.get("target", "")}
    for group in data.get("score", {}).get("groups", []):
        names.add(group["id"])
        for indicator in group["indicators"]:
            names |= {indicator["id"], indicator["measure"]}
    return names - {""}


VIEWS = {
    "kpi": ["--plan", "plan", *KPI],
    "kpi-by-quarter": ["--plan", "plan", *KPI_BY],
    "kpi-by-unit": ["--plan", "plan", *KPI_BY_UNIT],
    "kpi-by-procedure": ["--plan", "plan", *KPI_BY_PROCEDURE],
    "score": ["--plan", "plan", *SCORE],
    "rollup": ROLLUP,
}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", ["kpi", "score", "rollup"])
def test_the_view_at_80_columns_matches_its_golden_file(
    cli: Invoke, here: Path, monkeypatch: pytest.MonkeyPatch, view: str, lang: str
) -> None:
    run = run_at(cli, monkeypatch, 80, lang, VIEWS[view])
    check_golden(f"{view}-{lang}-80.txt", run.stdout)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("view", list(VIEWS))
def test_the_view_fits_60_80_and_120_columns(
    cli: Invoke, here: Path, monkeypatch: pytest.MonkeyPatch, view: str, lang: str
) -> None:
    args = VIEWS[view]
    source = SCORE if view == "score" else KPI
    names = _names(cli, source)
    wide = run_at(cli, monkeypatch, 400, lang, args).stdout
    for width in WIDTHS:
        narrow = run_at(cli, monkeypatch, width, lang, args).stdout
        check_fits(narrow, wide, width, names, extra=_left_out(lang))


def _left_out(lang: str) -> str:
    """What a narrow kpi says of the measures it leaves out (words the wide one lacks)."""
    from cchc_cli.i18n import _, set_language

    set_language(lang)
    try:
        return _("not shown at this width (--format csv has them): {measures}")
    finally:
        set_language("en")


def test_at_120_columns_notes_have_their_own_column(
    cli: Invoke, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wide = run_at(cli, monkeypatch, 120, "en", VIEWS["kpi"]).stdout
    head = next(line for line in wide.splitlines() if line.startswith("ref "))
    assert head.split() == ["ref", "measure", "num", "den", "value", "threshold", "status", "note"]
    assert "37 more late dossiers allowed; year-end forecast 97.25%" in " ".join(wide.split())
    narrow = run_at(cli, monkeypatch, 60, "en", VIEWS["kpi"]).stdout
    head = next(line for line in narrow.splitlines() if line.startswith("ref "))
    assert head.split() == ["ref", "measure", "value", "threshold", "status"]


def test_measures_that_do_not_fit_are_named(
    cli: Invoke, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    narrow = run_at(cli, monkeypatch, 80, "en", VIEWS["kpi-by-procedure"]).stdout
    assert "not shown at this width (--format csv has them): satisfaction_rate," in narrow
    wide = run_at(cli, monkeypatch, 160, "en", VIEWS["kpi-by-procedure"]).stdout
    assert "not shown" not in wide


def test_unit_names_show_from_120_columns(
    cli: Invoke, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    narrow = run_at(cli, monkeypatch, 80, "vi", VIEWS["kpi-by-unit"]).stdout
    assert "Văn phòng Sở" not in narrow
    assert "VP" in narrow
    wide = " ".join(run_at(cli, monkeypatch, 130, "vi", VIEWS["kpi-by-unit"]).stdout.split())
    assert "VP Văn phòng Sở" in wide


def test_vietnamese_says_statuses_and_notes_plainly(
    cli: Invoke, here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = " ".join(run_at(cli, monkeypatch, 200, "vi", VIEWS["kpi"]).stdout.split())
    assert "9 đạt, 3 có nguy cơ không đạt, 1 không đạt, 23 chưa có số liệu" in text
    assert "còn được phép trễ 37 hồ sơ; dự báo cuối năm 97,25%" in text
    assert "no_data" not in text
    assert "định tính" in text


def test_json_notes_are_data_with_iso_dates(cli: Invoke, here: Path) -> None:
    for lang in LANGS:
        run = cli(["--lang", lang, "--plan", "plan", *KPI, "--format", "json"])
        targets = {t["target"]: t for t in json.loads(run.stdout)["targets"]}
        early = targets["II.8:early_rate"]
        assert early["note"]["code"] == "below_so_far"
        assert early["note"]["period_end"] == "2024-12-14"
        assert early["value"] == 69.64
        assert "/" not in json.dumps([t["note"] for t in targets.values()])


def test_csv_keeps_english_headers_and_note_codes(cli: Invoke, here: Path) -> None:
    run = cli(["--lang", "vi", "--plan", "plan", *KPI, "--format", "csv"])
    lines = run.stdout.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("section,ref,target,measure,numerator,denominator,value,op,")
    assert any(",below_so_far" in line and "early_rate" in line for line in lines)
    assert "69.64" in run.stdout
