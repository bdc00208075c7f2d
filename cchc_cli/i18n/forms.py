"""Dates, weekdays and numbers as the current language writes them (CLDR data, Babel).

========== ======================= =====================
form       Vietnamese              English
========== ======================= =====================
day        05/02/2024              5 Feb 2024
weekday    Thứ Hai, 05/02/2024     Monday 5 Feb 2024
span       01/01/2024–31/12/2024   1 Jan 2024–31 Dec 2024
number     2.000 · 97,5            2,000 · 97.5
percent    95,50%                  95.50%
========== ======================= =====================

One form per line of output: a view never mixes ISO and dd/mm dates. Machine output
(JSON, CSV) does not use these: it keeps ISO dates and dot decimals.
Babel is imported on first use, so commands that print no date do not load it.
"""

from __future__ import annotations

from datetime import date
from typing import Final

from cchc_cli.i18n import Language, language

__all__ = ["day", "number", "percent", "span", "weekday", "weekday_name"]

_DAY: Final[dict[Language, str]] = {"vi": "dd/MM/yyyy", "en": "d MMM yyyy"}
_WEEKDAY: Final[dict[Language, str]] = {"vi": "EEEE, dd/MM/yyyy", "en": "EEEE d MMM yyyy"}


def _format(value: date, pattern: dict[Language, str], lang: Language | None) -> str:
    from babel.dates import format_date

    chosen = lang or language()
    return str(format_date(value, pattern[chosen], locale=chosen))


def day(value: date, lang: Language | None = None) -> str:
    """``05/02/2024`` (vi), ``5 Feb 2024`` (en)."""
    return _format(value, _DAY, lang)


def weekday(value: date, lang: Language | None = None) -> str:
    """``Thứ Hai, 05/02/2024`` (vi), ``Monday 5 Feb 2024`` (en)."""
    return _format(value, _WEEKDAY, lang)


def weekday_name(value: date, lang: Language | None = None) -> str:
    """``Thứ Hai`` (vi), ``Monday`` (en)."""
    return _format(value, {"vi": "EEEE", "en": "EEEE"}, lang)


def span(start: date, end: date, lang: Language | None = None) -> str:
    """``01/01/2024–31/12/2024``: two days joined by an en dash, no spaces."""
    return f"{day(start, lang)}–{day(end, lang)}"


def number(value: float, decimals: int = 0, lang: Language | None = None) -> str:
    """``2.000``, ``97,5`` (vi); ``2,000``, ``97.5`` (en); ``decimals`` at most."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return str(format_decimal(value, format=pattern, locale=lang or language()))


def percent(value: float, decimals: int = 2, lang: Language | None = None) -> str:
    """``95,50%`` (vi), ``95.50%`` (en): ``value`` is already in percent."""
    from babel.numbers import format_decimal

    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return f"{format_decimal(value, format=pattern, locale=lang or language())}%"
