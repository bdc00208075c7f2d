"""Screens: the exact text a view printed, kept to print again on an identical run.

``cchc status`` is typed many times a day on a plan that has not changed. Its answer
depends only on: the plan's files and cchc's code (:func:`cchc_cli.cache.content_key`),
the ``holidays`` release, the exports' sizes and times, the plan's
revision stamp, the day, the command's options, the language, and what the terminal
is (width, colour, encoding). With all of that in the key, the text printed last time
*is* the answer; printing it again skips the view, rich and its imports — about half of
the command's time (``benchmarks/status.py``).

The day: with ``--as-of`` it is in the key; without, the entry records the day and
the plan's time zone it was computed for, and is used only while it is still that day
there. Only runs that succeeded (exit 0) are kept. The cache rules (where, how a
broken entry is ignored) are :mod:`cchc_cli.cache`'s.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from cchc_cli.cache import data_fingerprint, enabled, read_entry, write_entry
from cchc_cli.i18n import language
from cchc_cli.results.revision import Stamp

__all__ = ["Screen", "screen_for"]

_TERMINAL_ENV = (
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "TERM",
    "COLORTERM",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "JUPYTER_COLUMNS",
    "JUPYTER_LINES",
    "PYTHONIOENCODING",
)
"""What rich (and our encoding handling) read from the environment to shape output."""


def _terminal() -> list[str]:
    """What decides the printed form: streams, sizes, the variables rich reads."""
    facts = []
    for name, stream in (("out", sys.stdout), ("err", sys.stderr)):
        isatty = getattr(stream, "isatty", None)
        facts.append(f"{name}:{bool(isatty and isatty())}:{getattr(stream, 'encoding', None)}")
    for fd in (0, 1, 2):
        try:
            size = os.get_terminal_size(fd)
        except (OSError, ValueError):
            facts.append(f"fd{fd}:-")
        else:
            facts.append(f"fd{fd}:{size.columns}x{size.lines}")
    facts.extend(f"{name}={os.environ.get(name)}" for name in _TERMINAL_ENV)
    return facts


@dataclass(frozen=True)
class Screen:
    """Where a view's text is kept, and the revision stamp computed for its key."""

    name: str
    revision: Stamp

    def replay(self) -> bool:
        """Print the kept text if there is one for this key (and, without ``--as-of``,
        it is still the day it was computed for); True when printed."""
        text = read_entry(self.name)
        if text is None:
            return False
        try:
            entry = json.loads(text)
            out, err, day, zone = entry["out"], entry["err"], entry["day"], entry["zone"]
        except (ValueError, KeyError, TypeError):
            return False
        if not all(isinstance(part, str) for part in (out, err)):
            return False
        if day is not None:
            from cchc_cli.dates import today_in

            if not isinstance(zone, str) or today_in(zone).isoformat() != day:
                return False
        sys.stdout.write(out)
        sys.stdout.flush()
        if err:
            sys.stderr.write(err)
        return True

    def keep(self, out: str, err: str, *, day: date | None, zone: str | None) -> None:
        """Keep what was printed; ``day``/``zone``: the day it is valid for (no --as-of)."""
        entry = {"out": out, "err": err, "day": day and day.isoformat(), "zone": zone}
        write_entry(self.name, json.dumps(entry, ensure_ascii=False))


def screen_for(
    kind: str, directory: Path, options: Mapping[str, object], *, color: bool
) -> Screen | None:
    """The screen of view ``kind`` on the plan in ``directory`` with ``options``; None
    when the cache is off or the plan's files cannot be read (then nothing is kept)."""
    if not enabled():
        return None
    from cchc_cli.cache import content_key
    from cchc_cli.schedule.holidays_vn import library_fingerprint
    from cchc_cli.vcs.stamp import stamp_of

    key = content_key(directory)  # the plan's files and cchc's code
    if key is None:
        return None
    revision = stamp_of(directory)
    parts = [
        f"screen:{kind}",
        str(directory.resolve()),
        key,
        library_fingerprint(),
        data_fingerprint(directory),
        repr(revision),
        f"lang:{language()}",
        f"color:{color}",
        *(f"{name}={value!r}" for name, value in sorted(options.items())),
        *_terminal(),
    ]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return Screen(f"screen-{digest}.json", revision)
