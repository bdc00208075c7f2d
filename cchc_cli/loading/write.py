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
from cchc_cli.i18n import _

__all__ = [
    "LOCK_WAIT_SECONDS",
    "check_new_files",
    "partial_path",
    "plan_lock",
    "remove_leftovers",
    "write_bytes_atomic",
    "write_text_atomic",
]

LOCK_WAIT_SECONDS = 5.0
"""How long an update waits for another one on the same plan before it is refused."""


def partial_path(target: Path) -> Path:
    """Where to build ``target`` before renaming it into place: hidden, and unique to this
    process, so two runs filling the same cache never write into one file."""
    return target.with_name(f".{target.name}.{os.getpid()}.part")


def write_text_atomic(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically (see :func:`write_bytes_atomic`)."""
    write_bytes_atomic(path, text.encode("utf-8"))


def _default_mode() -> int:
    """The mode a new file gets under the process's umask (0644 under the usual 022)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file in the same directory.

    The temporary file is flushed and fsynced, then renamed over ``path``; the original
    is untouched if anything fails before the rename. An existing file keeps its mode;
    a new one gets the mode the umask gives (not the temporary file's 0600).
    """
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UserError(
            _("cannot write '{path}': directory '{directory}' does not exist").format(
                path=path, directory=directory
            )
        )
    try:
        mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise UserError(
            _("cannot write '{path}': {reason}").format(path=path, reason=exc.strerror)
        ) from None
    temp = Path(temp_name)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temp.chmod(mode)
        temp.replace(path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise UserError(
            _("cannot write '{path}': {reason}").format(path=path, reason=exc.strerror)
        ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def check_new_files(paths: list[Path], *, force: bool = False) -> None:
    """Make the folders for ``paths``; refuse to replace a file unless ``force``, and say
    so before anything is written when a folder is not writable."""
    existing = [path for path in paths if path.exists()]
    if existing and not force:
        raise UserError(
            _("{paths}: already exists").format(paths=", ".join(str(p) for p in existing)),
            hint=_("add --force to replace it, or write elsewhere with -o"),
        )
    for folder in dict.fromkeys(path.parent for path in paths):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError(
                _("cannot create the folder '{folder}': {reason}").format(
                    folder=folder, reason=exc.strerror
                )
            ) from None
        if not os.access(folder, os.W_OK):
            raise UserError(
                _("cannot write into '{folder}': permission denied").format(folder=folder),
                hint=_("choose a folder you may write to with -o"),
            )


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
        raise UserError(
            _("cannot lock '{plan}': {reason}").format(plan=plan_dir, reason=exc.strerror)
        ) from None
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise UserError(
                        _(
                            "another cchc is updating the plan in '{plan}'; waited {wait} s, "
                            "nothing was written"
                        ).format(plan=plan_dir, wait=f"{wait:g}"),
                        hint=_("run the command again in a moment"),
                    ) from None
                time.sleep(0.02)
        yield
    finally:
        os.close(handle)  # closing releases the lock
