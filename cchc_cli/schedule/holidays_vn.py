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

__all__ = ["library_fingerprint", "public_holidays"]


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
