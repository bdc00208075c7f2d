"""Atomic writes: a reader never sees half a file, a crash never leaves one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from cchc_cli.errors import UserError

__all__ = ["partial_path", "write_bytes_atomic", "write_text_atomic"]


def partial_path(target: Path) -> Path:
    """Where to build ``target`` before renaming it into place: hidden, and unique to this
    process, so two runs filling the same cache never write into one file."""
    return target.with_name(f".{target.name}.{os.getpid()}.part")


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, newlines as given) to ``path``; see :func:`write_bytes_atomic`."""
    write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same directory.

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
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
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
