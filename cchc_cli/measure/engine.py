"""The DuckDB engine, in-process and locked down before any data is read.

Plans and exports come from people we do not control. The connection is opened, told
which files it may read (the declared exports, already resolved by cchc) and which
directory it may write (the cache), then external access is switched off and the
configuration locked: a query, whatever its text, can then reach no other file, load no
extension and change no setting. cchc's queries are its own text besides; values from
the plan travel as parameters.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_cli.errors import UserError
from cchc_cli.i18n import _

if TYPE_CHECKING:
    import duckdb

__all__ = ["MEMORY_ENV", "connect", "run"]

MEMORY_ENV = "CCHC_MEMORY_LIMIT"
DEFAULT_MEMORY_LIMIT = "256MB"
"""DuckDB's buffer budget: imports stream, aggregates spill to the cache's tmp/. With it a
10M-row import peaks under 400 MB. The import keeps the file's row order (a Parquet row
is a line of the export); with the 14 narrow columns of ``importer.STORED`` that ordered
write fits this budget and runs on every core (the former 24 columns did not, and fell
back to one core)."""
PROGRESS_AFTER = 2.0
"""Seconds a query runs before a progress bar appears (on a terminal only)."""


def connect(read: Iterable[Path], cache_dir: Path, temp_dir: Path) -> duckdb.DuckDBPyConnection:
    """A connection that may read only ``read`` and read/write only ``cache_dir``."""
    import duckdb

    con = duckdb.connect(":memory:")
    files = sorted({str(path.resolve()) for path in read})
    settings: list[tuple[str, Any]] = [
        ("memory_limit", os.environ.get(MEMORY_ENV, DEFAULT_MEMORY_LIMIT)),
        ("temp_directory", str(temp_dir)),
        ("allowed_paths", files),
        ("allowed_directories", [str(cache_dir) + os.sep]),
        ("autoinstall_known_extensions", False),
        ("autoload_known_extensions", False),
        ("enable_progress_bar", True),
        ("enable_progress_bar_print", False),
        ("enable_external_access", False),
        ("lock_configuration", True),
    ]
    for name, value in settings:
        # Setting names are cchc's constants; values are parameters.
        con.execute(f"SET {name} = ?", [value])
    return con


def run(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    params: Sequence[object] = (),
    *,
    label: str = "",
) -> list[tuple[Any, ...]]:
    """Run one query and fetch its rows; a progress bar on stderr if it runs long."""
    import duckdb

    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["rows"] = con.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=work, daemon=True)
    worker.start()
    worker.join(PROGRESS_AFTER)
    if worker.is_alive():
        _watch(con, worker, label)
    if "error" in outcome:
        raise _explain(outcome["error"], label) from None
    rows: list[tuple[Any, ...]] = outcome.get("rows", [])
    return rows


def _watch(con: duckdb.DuckDBPyConnection, worker: threading.Thread, label: str) -> None:
    if not sys.stderr.isatty():
        worker.join()
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=Console(file=sys.stderr),
        transient=True,
    ) as progress:
        task = progress.add_task(label or _("working"), total=100)
        while worker.is_alive():
            done = con.query_progress()
            if done >= 0:
                progress.update(task, completed=done)
            time.sleep(0.1)


def _explain(exc: Exception, label: str) -> UserError:
    message = str(exc).strip().splitlines()
    first = message[0] if message else type(exc).__name__
    for prefix in ("Invalid Input Error: ", "Conversion Error: ", "Permission Error: "):
        first = first.removeprefix(prefix)
    detail = " ".join(line.strip() for line in message[1:4] if line.strip())
    what = f"{label}: " if label else ""
    return UserError(
        f"{what}{first}" + (f" ({detail})" if detail else ""),
        hint=_("check that the file is a plain export (one header line, one row per dossier)"),
    )
