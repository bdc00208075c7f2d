"""Atomic writes: a reader never sees half a file, a crash never leaves one; and the
lock that keeps two writers of one plan from losing each other's work."""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from cchc_cli.errors import UserError

__all__ = [
    "LOCK_WAIT_SECONDS",
    "partial_path",
    "plan_lock",
    "remove_leftovers",
    "write_text_atomic",
]

LOCK_WAIT_SECONDS = 5.0
"""How long an update waits for another one on the same plan before it is refused."""


def partial_path(target: Path) -> Path:
    """Where to build ``target`` before renaming it into place: hidden, and unique to this
    process, so two runs filling the same cache never write into one file."""
    return target.with_name(f".{target.name}.{os.getpid()}.part")


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` via a temporary file in the same directory.

    The temporary file is flushed and fsynced, then renamed over ``path``; the original
    is untouched if anything fails before the rename. An existing file keeps its mode.
    """
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UserError(f"cannot write '{path}': directory '{directory}' does not exist")
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else None
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UserError(f"cannot write '{path}': {exc.strerror}") from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            temp.chmod(mode)
        temp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise UserError(f"cannot write '{path}': {exc.strerror}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def _temp_pattern(path: Path) -> str:
    return f".{path.name}.*.tmp"


def remove_leftovers(path: Path) -> None:
    """Delete temporary files a killed write of ``path`` left beside it (call it while
    holding :func:`plan_lock`: no other cchc is writing then)."""
    for leftover in path.parent.glob(_temp_pattern(path)):
        with contextlib.suppress(OSError):
            leftover.unlink()


@contextlib.contextmanager
def plan_lock(plan_dir: Path, *, wait: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
    """Hold an exclusive lock on ``plan_dir`` (``flock`` on the directory itself, so no
    lock file is left behind) for a read-change-write of its files.

    A second writer waits up to ``wait`` seconds, then is refused with a
    :class:`UserError` (exit 2): its update is never silently dropped. Where ``flock``
    does not exist (Windows) the content check before the rename still guards the file.
    """
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    try:
        handle = os.open(plan_dir, os.O_RDONLY)
    except OSError as exc:
        raise UserError(f"cannot lock '{plan_dir}': {exc.strerror}") from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise UserError(
                        f"another cchc is updating the plan in '{plan_dir}'; "
                        f"waited {wait:g} s, nothing was written",
                        hint="run the command again in a moment",
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(handle)  # closing releases the lock
