"""Public holidays from the ``holidays`` package (Vietnam, names in Vietnamese).

The package computes what a table cannot: the lunar holidays (Tết Nguyên Đán, Giỗ Tổ
Hùng Vương on 10/3 lunar) and the days it knows were swapped. Labour Code 2019,
Art. 112 lists the holidays; what the government announces each year on top (a
Saturday worked to make a bridge) lives in the plan's ``calendar.overrides``.

Importing ``holidays`` loads every country (~80 ms), so it happens only here, only when
a year is needed that the cached plan view does not already carry.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from cchc_cli.i18n import _

__all__ = ["cached_public_holidays", "library_fingerprint", "public_holidays"]


def public_holidays(years: Iterable[int], country: str = "VN") -> dict[date, str]:
    """Every public holiday of ``country`` in ``years``, with its Vietnamese name."""
    import holidays

    wanted = sorted(set(years))
    if not wanted:
        return {}
    found = holidays.country_holidays(country, years=wanted, language="vi")
    return {day: str(name) for day, name in sorted(found.items())}


def library_fingerprint() -> str:
    """Which ``holidays`` files are installed, without importing them (for cache keys).

    A reinstall or an upgrade rewrites the files, which changes their size or mtime.
    """
    from importlib.util import find_spec

    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return "holidays:missing"
    package = Path(spec.origin).parent
    parts = []
    for name in ("__init__.py", "countries/vietnam.py", "calendars/chinese.py"):
        try:
            stat = (package / name).stat()
        except OSError:
            continue
        parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "holidays:" + ",".join(parts)


def cached_public_holidays(years: Iterable[int], country: str = "VN") -> dict[date, str]:
    """:func:`public_holidays`, kept per year in the cache directory (see ``cache.py``).

    A view of the plan carries the years around the plan's; a date further away (today,
    in a later year) would otherwise import the package on every run.
    """
    import hashlib
    import json

    from cchc_cli.cache import enabled, note_unusable, read_json, write_entry

    wanted = sorted(set(years))
    if not enabled():
        return public_holidays(wanted, country)
    tag = hashlib.sha256(f"{country}:{library_fingerprint()}".encode()).hexdigest()[:16]
    found: dict[date, str] = {}
    missing = []
    for year in wanted:
        name = f"holidays-{tag}-{year}.json"
        stored = read_json(name, dict)
        if stored is None:
            missing.append(year)
            continue
        try:
            found.update({date.fromisoformat(day): str(what) for day, what in stored.items()})
        except (TypeError, ValueError):
            note_unusable(_("entry {name} is not a list of holidays; ignored").format(name=name))
            missing.append(year)
    for year in missing:
        computed = public_holidays([year], country)
        found.update(computed)
        text = {day.isoformat(): what for day, what in computed.items()}
        write_entry(f"holidays-{tag}-{year}.json", json.dumps(text, ensure_ascii=False))
    return dict(sorted(found.items()))
