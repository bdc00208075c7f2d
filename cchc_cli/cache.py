"""The user's cache: one directory, one module, and never a reason for a command to fail.

Everything cchc keeps between runs (the scheduling view of a plan, measured targets,
holidays, the secret that names imported exports) lives in one directory outside the
plan repository, so a pull request cannot plant an entry there:
``$CCHC_CACHE_DIR``, else the platform's user cache directory (``platformdirs``:
``$XDG_CACHE_HOME/cchc`` or ``~/.cache/cchc`` on Linux). ``CCHC_NO_CACHE=1`` turns it off.

A cache is only ever a shortcut. A directory that is a file, unreadable or read-only,
an entry that is not UTF-8, not JSON or not the shape expected, a key file holding
garbage: each is ignored, the command computes what it needs, and under ``--verbose``
it says once that the cache was not used, and why (:func:`set_reporter`).

Keys are computed once per run: :func:`content_key` hashes the plan files the first
time it is asked and remembers the result; :func:`secret_key` reads the per-user secret
once.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from cchc_cli.i18n import _

__all__ = [
    "CACHE_ENV",
    "NO_CACHE_ENV",
    "cache_dir",
    "code_fingerprint",
    "content_key",
    "data_fingerprint",
    "enabled",
    "note_unusable",
    "read_entry",
    "read_json",
    "secret_key",
    "set_reporter",
    "usable_dir",
    "write_entry",
]

CACHE_ENV = "CCHC_CACHE_DIR"
NO_CACHE_ENV = "CCHC_NO_CACHE"
_KEEP = 32
"""Entries kept per kind (the part of a name before its first '-'); older ones go."""
_KEY_ENTRY = "import-cache.key"
_MAX_ENTRY_BYTES = 64 * 1024 * 1024
"""Larger entries are not ones cchc wrote (a plan view is a few hundred KiB)."""

_T = TypeVar("_T")
_reporter: Callable[[str], None] | None = None
_reported = False


def set_reporter(report: Callable[[str], None] | None) -> None:
    """Where to say that the cache was not used (``--verbose``); None: say nothing."""
    global _reporter, _reported
    _reporter, _reported = report, False


def note_unusable(why: str) -> None:
    """The cache could not be used: the command goes on without it; said once per run."""
    global _reported  # noqa: PLW0603
    if _reporter is not None and not _reported:
        _reported = True
        _reporter(_("cache not used ({why}); the command ran without it").format(why=why))


def enabled() -> bool:
    return not os.environ.get(NO_CACHE_ENV)


def cache_dir() -> Path:
    """``$CCHC_CACHE_DIR``, else the user cache directory of the platform."""
    explicit = os.environ.get(CACHE_ENV)
    if explicit:
        return Path(explicit)
    from platformdirs import user_cache_path

    return user_cache_path("cchc", appauthor=False)


def usable_dir(*parts: str) -> Path | None:
    """``cache_dir()/parts…``, created if needed; None (and a note) if it cannot be."""
    if not enabled():
        return None
    folder = cache_dir().joinpath(*parts)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if not os.access(folder, os.R_OK | os.W_OK | os.X_OK):
            raise PermissionError(13, "not writable")
    except OSError as exc:
        note_unusable(f"{folder}: {exc.strerror or exc}")
        return None
    return folder


def read_entry(name: str) -> str | None:
    """The text of entry ``name``, or None: missing, unreadable, not UTF-8, cache off."""
    if not enabled():
        return None
    entry = cache_dir() / name
    try:
        info = entry.stat()
        # Not a FIFO, a device or a link to one (reading would block or never end).
        if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_ENTRY_BYTES:
            note_unusable(_("{entry} is not a file cchc wrote; ignored").format(entry=entry))
            return None
        text = entry.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        note_unusable(
            _("{entry} cannot be read: {error}").format(entry=entry, error=exc.strerror or exc)
        )
        return None
    except ValueError:
        note_unusable(_("{entry} is not text cchc wrote; ignored").format(entry=entry))
        return None
    with contextlib.suppress(OSError):
        os.utime(entry)  # recently used entries survive the pruning
    return text


def read_json(name: str, kind: type[_T]) -> _T | None:
    """Entry ``name`` decoded from JSON if it is a ``kind`` (``dict``, ``list``), else None."""
    text = read_entry(name)
    if text is None:
        return None
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, kind):
        note_unusable(_("entry {name} is not what cchc writes there; ignored").format(name=name))
        return None
    return value


def write_entry(name: str, text: str) -> None:
    """Keep ``text`` as entry ``name`` (atomically); keep the newest entries
    of its kind. Never raises: an unwritable cache is noted and skipped."""
    from cchc_cli.errors import CchcError
    from cchc_cli.loading.write import write_text_atomic

    folder = usable_dir()
    if folder is None:
        return
    try:
        write_text_atomic(folder / name, text)
    except CchcError as exc:
        note_unusable(exc.message)
        return
    prefix = name.split("-", 1)[0]
    with contextlib.suppress(OSError):
        entries = sorted(folder.glob(f"{prefix}-*"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[_KEEP:]:
            old.unlink()


@functools.cache
def secret_key() -> bytes:
    """A random per-user secret (32 bytes), read once per run; made when missing or not
    a secret cchc wrote. Without a usable cache it lives for this run only."""
    stored = read_entry(_KEY_ENTRY)
    if stored is not None:
        with contextlib.suppress(ValueError):
            key = bytes.fromhex(stored.strip())
            if len(key) == 32:
                return key
        note_unusable(
            _("entry {name} is not a key cchc wrote; a new one is made").format(name=_KEY_ENTRY)
        )
    import secrets  # hmac behind it costs ~8 ms at start-up; only a new key needs it

    key = secrets.token_bytes(32)
    write_entry(_KEY_ENTRY, key.hex())
    written = read_entry(_KEY_ENTRY)  # a racing run may have written its own first
    with contextlib.suppress(ValueError, AttributeError):
        again = bytes.fromhex((written or "").strip())
        if len(again) == 32:
            return again
    return key


def code_fingerprint() -> str:
    """cchc's version and the size and mtime of each of its modules (a changed module
    may change what is cached)."""
    import cchc_cli

    lines = [cchc_cli.__version__]
    pending = [os.path.dirname(cchc_cli.__file__)]
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir() and not entry.name.startswith((".", "__")):
                    pending.append(entry.path)
                elif entry.name.endswith(".py"):
                    info = entry.stat()
                    lines.append(f"{entry.path}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(sorted(lines))


_content_keys: dict[Path, tuple[object, str | None]] = {}


def content_key(plan_dir: Path, *, fresh: bool = False) -> str | None:
    """A hash of cchc's code and every plan file's path and bytes; None when a plan file
    cannot be read, is too large or leads outside the plan.

    Computed once per run: asked again, it only looks at the files' sizes and times, and
    hashes them again if one changed (or when ``fresh``).
    """
    from cchc_cli.errors import CchcError
    from cchc_cli.loading.discover import plan_files

    where = plan_dir.resolve()
    try:
        files = plan_files(plan_dir)
        stamp: object = [(path, *_stamp(path)) for path in files]
    except (CchcError, OSError):
        return None
    known = _content_keys.get(where)
    if fresh or known is None or known[0] != stamp:
        known = (stamp, _hash_plan(plan_dir, files))
        _content_keys[where] = known
    return known[1]


def _stamp(path: Path) -> tuple[int, int, int]:
    info = path.stat()
    return info.st_ino, info.st_size, info.st_mtime_ns


def _hash_plan(plan_dir: Path, files: list[Path]) -> str | None:
    from cchc_cli.loading.discover import MAX_FILE_BYTES, outside_plan

    digest = hashlib.sha256(code_fingerprint().encode())
    for path in files:
        try:
            if outside_plan(path, plan_dir) or path.stat().st_size > MAX_FILE_BYTES:
                return None
            content = path.read_bytes()
        except OSError:
            return None
        digest.update(f"\n{path.relative_to(plan_dir).as_posix()}:{len(content)}\n".encode())
        digest.update(content)
    return digest.hexdigest()


def data_fingerprint(plan_dir: Path) -> str:
    """Path, size and modification time of every non-YAML file in the plan directory (the
    exports a plan's datasets read); hidden folders such as ``.cchc`` are left out."""
    from cchc_cli.errors import CchcError
    from cchc_cli.loading.discover import walk_plan

    lines = []
    with contextlib.suppress(CchcError):
        for path in walk_plan(plan_dir):
            if path.suffix in (".yaml", ".yml"):
                continue
            with contextlib.suppress(OSError):
                info = path.stat()
                lines.append(
                    f"{path.relative_to(plan_dir).as_posix()}:{info.st_size}:{info.st_mtime_ns}"
                )
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()
