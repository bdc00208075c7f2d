"""Both catalogs follow the code: nothing untranslated, nothing stale, compiled fresh."""

from __future__ import annotations

import pytest

from cchc_cli.i18n import catalogs, set_language
from cchc_cli.i18n.forms import day, percent, span, weekday
from tests.conftest import Invoke


def test_every_string_is_translated_in_both_languages_and_compiled() -> None:
    problems = catalogs.check()
    assert not problems, "run `make catalogs`, then translate:\n" + "\n".join(problems)


def test_a_catalog_entry_the_code_no_longer_has_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = catalogs.extract

    def fewer() -> catalogs.Catalog:
        catalog = real()
        first = next(message.id for message in catalog if message.id)
        del catalog[first]
        return catalog

    monkeypatch.setattr(catalogs, "extract", fewer)
    problems = catalogs.check()
    assert any(": stale " in problem for problem in problems)


def test_dates_and_numbers_follow_the_language() -> None:
    from datetime import date

    monday = date(2024, 2, 5)
    assert weekday(monday, "vi") == "Thứ Hai, 05/02/2024"
    assert weekday(monday, "en") == "Monday 5 Feb 2024"
    assert span(date(2024, 1, 1), date(2024, 12, 31), "vi") == "01/01/2024–31/12/2024"
    assert day(monday, "en") == "5 Feb 2024"
    assert percent(95.5, lang="vi") == "95,50%"
    assert percent(95.5, lang="en") == "95.50%"


@pytest.mark.parametrize(
    ("args", "env", "expected"),
    [
        (["--lang", "xx", "status"], {}, "cchc không hỗ trợ ngôn ngữ 'xx'; hãy dùng vi hoặc en."),
        (["--lang", "xx", "status"], {"CCHC_LANG": "en"}, "'xx' is not a language cchc speaks"),
    ],
)
def test_an_unknown_language_is_a_usage_error_in_the_language_in_use(
    cli: Invoke,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    env: dict[str, str],
    expected: str,
) -> None:
    monkeypatch.delenv("CCHC_LANG", raising=False)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    set_language()
    run = cli(args)
    assert run.exit_code == 2
    assert expected in run.stderr


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, "vi"),
        ({"LANG": "C.UTF-8"}, "vi"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "en_US.UTF-8", "LC_ALL": "vi_VN.UTF-8"}, "vi"),
        ({"LANG": "en_US.UTF-8", "CCHC_LANG": "vi"}, "vi"),
        ({"CCHC_LANG": "en"}, "en"),
    ],
)
def test_the_language_comes_from_the_option_the_variable_or_the_locale(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], expected: str
) -> None:
    from cchc_cli.i18n import resolve_language

    for name in ("CCHC_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert resolve_language(argv=[]) == expected
    assert resolve_language(argv=["--lang", "en", "status"]) == "en"
    assert resolve_language(argv=["status", "--lang=vi"]) == "vi"
