"""`cchc validate` as people read it, in Vietnamese and in English, against golden files.

``tests/data/bad`` is a small plan with one problem of each common kind (YAML, schema,
references, dates, progress, a contradiction, an accepted warning and a stale
acknowledgement); the shipped plan shows the summary with its accepted warnings.
Rewrite the golden files with ``CCHC_UPDATE_GOLDEN=1`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT, Invoke
from tests.golden import golden_checker

GOLDEN = Path(__file__).resolve().parent / "golden"
BAD_PLAN = DATA / "bad"


check_golden = golden_checker(GOLDEN)


CASES = {
    "bad-plan": (["--plan", "tests/data/bad"], 1),
    "bad-plan-show-accepted": (["--plan", "tests/data/bad", "--show-accepted"], 1),
    "shipped-plan": (["--plan", "plan"], 0),
}


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("name", list(CASES))
def test_validate_text_matches_the_golden_file(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch, lang: str, name: str
) -> None:
    monkeypatch.chdir(ROOT)
    args, exit_code = CASES[name]
    run = cli(["--lang", lang, "validate", *args])
    assert run.exit_code == exit_code, run.output
    check_golden(f"validate-{name}.{lang}.txt", run.stdout)


def test_vietnamese_is_the_default_language(cli: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    from cchc_cli.i18n import set_language

    monkeypatch.chdir(ROOT)
    for variable in ("CCHC_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    set_language()
    run = cli(["validate", "--plan", "tests/data/bad"])
    assert run.stdout == (GOLDEN / "validate-bad-plan.vi.txt").read_text(encoding="utf-8")


def test_codes_levels_and_json_do_not_change_with_the_language(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    found = {}
    for lang in ("vi", "en"):
        run = cli(["--lang", lang, "validate", "--plan", "tests/data/bad", "--format", "json"])
        assert run.exit_code == 1
        found[lang] = json.loads(run.stdout)
    keys = ("file", "line", "column", "level", "code", "accepted")
    assert [[f[k] for k in keys] for f in found["vi"]] == [
        [f[k] for k in keys] for f in found["en"]
    ]
    assert {f["level"] for f in found["vi"]} == {"error", "warning"}
    github = cli(["--lang", "vi", "validate", "--plan", "tests/data/bad", "--format", "github"])
    assert "::error file=tests/data/bad/tasks.yaml,line=25,col=12::unknown-ref: " in github.stdout


def test_every_level_word_and_summary_is_vietnamese(
    cli: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    run = cli(["--lang", "vi", "validate", "--plan", "tests/data/bad"])
    text = run.stdout
    assert "[error]" not in text
    assert "[warning]" not in text
    assert (
        "tests/data/bad/tasks.yaml:25:12: [lỗi] unknown-ref: Nhiệm vụ PL.3: đơn vị 'TCCBB' "
        "không có trong units.yaml (có phải ý bạn là 'TCCB'?)"
    ) in text
    assert text.rstrip("\n").endswith("(1 cảnh báo đã được chấp nhận — xem bằng --show-accepted)")
