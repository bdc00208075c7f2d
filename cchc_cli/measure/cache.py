"""The import cache: each export, once parsed, kept as Parquet in the user cache.

The files live in ``imports/`` of the cache module's folder (``cchc_cli.cache``:
``$CCHC_CACHE_DIR``, else the platform's user cache), outside the plan repository;
``$CCHC_CACHE`` puts them elsewhere.

A cached file is named by the SHA-256 of the export's *content* and by a digest of how
it was read (column and value mappings, date formats, cchc's cache format), so an edited
export or an edited mapping is imported again, and a renamed or copied one is not. The
name is an HMAC of both under a per-user secret kept outside the repository, so a file
placed in the cache folder by someone else is never taken for an import.
The folder shrinks as well as grows (:meth:`Cache.evict`): an export read again with
other content or settings drops what its previous import left, an entry unused for
:data:`MAX_AGE_DAYS` goes, and beyond :data:`BUDGET_ENV` megabytes the least recently
used entries go first; what the current run uses is never dropped.

Hashing a large export costs about a second per gigabyte: a new export is hashed while
DuckDB parses it (the two overlap), and a small index keyed by path, size and
modification time lets an unchanged file skip even that.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import tempfile
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from cchc_cli.errors import CchcError
from cchc_cli.loading.write import write_text_atomic

__all__ = ["BUDGET_ENV", "CACHE_ENV", "CACHE_FORMAT", "MAX_AGE_DAYS", "Cache", "digest_of"]

CACHE_ENV = "CCHC_CACHE"
CACHE_FORMAT = 3
"""Bump when the Parquet layout changes: every cached file is then imported again."""
BUDGET_ENV = "CCHC_IMPORT_CACHE_MB"
DEFAULT_BUDGET_MB = 4096
"""Size the import cache may keep beyond what the current run uses (least recently used
entries go first)."""
MAX_AGE_DAYS = 30
"""An entry no run has used for this long is dropped."""
_SOURCES = "sources.json"
_LEFTOVER_SECONDS = 24 * 3600
"""A temporary file this old in ``tmp/`` was left by a run that did not finish."""


def digest_of(value: object) -> str:
    """A short stable digest of plain data (the reading settings of a dataset)."""
    text = json.dumps([CACHE_FORMAT, value], sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def _machine_key() -> bytes:
    """The per-user secret of the cache module (``cchc_cli.cache``), outside the plan."""
    from cchc_cli.cache import secret_key

    return secret_key()


def _run_folder() -> Path:
    """A folder for this run's imports only (no usable cache), removed when it ends."""
    import atexit
    import shutil

    folder = Path(tempfile.mkdtemp(prefix="cchc-imports-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


@dataclass
class Cache:
    root: Path

    @classmethod
    def for_plan(cls, plan_dir: Path) -> Cache:
        """``$CCHC_CACHE``, else ``imports/`` in the user cache (``cchc_cli.cache``); a
        folder of this run only when neither can be used. ``plan_dir`` is not written."""
        from cchc_cli.cache import note_unusable, usable_dir

        del plan_dir  # the cache is the user's, whatever the plan (kept for callers)
        configured = os.environ.get(CACHE_ENV)
        root = Path(configured) if configured else usable_dir("imports") or _run_folder()
        try:
            root.mkdir(parents=True, exist_ok=True)
            (root / "tmp").mkdir(exist_ok=True)
            if not os.access(root, os.R_OK | os.W_OK | os.X_OK):
                raise PermissionError(13, "not writable")
        except OSError as exc:
            # A file where the folder should be, or a folder we may not write: import
            # into the user cache instead (or a folder of this run) — never fail on it.
            note_unusable(f"{root}: {exc.strerror or exc}")
            root = usable_dir("imports") or _run_folder()
            (root / "tmp").mkdir(exist_ok=True)
        return cls(root.resolve())

    @property
    def temp_dir(self) -> Path:
        return self.root / "tmp"

    def path(self, content: str, settings: str, suffix: str) -> Path:
        """The cache file for ``content`` read with ``settings``.

        The cache sits inside the plan repository, where a pull request could plant a
        file. Its names are therefore keyed with a secret kept in the user's cache
        directory (outside the repository): a planted file can never carry the name
        cchc looks for, so cchc never reads a Parquet file it did not write itself.
        """
        name = hmac.new(_machine_key(), f"{content}|{settings}".encode(), "sha256")
        return self.root / f"{name.hexdigest()[:40]}{suffix}"

    def _index(self) -> dict[str, str]:
        index: object = {}
        with contextlib.suppress(OSError, ValueError):
            index = json.loads((self.root / "hashes.json").read_text(encoding="utf-8"))
        if not isinstance(index, dict):  # a planted or damaged index: start a new one
            return {}
        return {str(key): value for key, value in index.items() if isinstance(value, str)}

    @staticmethod
    def _stat_key(path: Path) -> str:
        stat = path.stat()
        return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}"

    def known_hash(self, path: Path) -> str | None:
        """The file's SHA-256 if the index holds it for this (path, size, mtime)."""
        return self._index().get(self._stat_key(path))

    def content_hash(self, path: Path) -> str:
        """SHA-256 of the file's bytes, remembered per (path, size, mtime).

        Safe to call from a second thread while DuckDB parses the same file: hashing
        releases the interpreter lock, so the two overlap (see ``importer.import_file``).
        """
        key = self._stat_key(path)
        known = self._index().get(key)
        if known is not None:
            return known
        with path.open("rb") as handle:
            digest = hashlib.file_digest(handle, "sha256").hexdigest()
        index = self._index()  # read again: another file may have been added meanwhile
        index[key] = digest
        with contextlib.suppress(CchcError):  # an unwritable index only costs a re-hash
            write_text_atomic(self.root / "hashes.json", json.dumps(index))
        return digest

    # --- eviction ---------------------------------------------------------------------

    def _sources(self) -> dict[str, list[str]]:
        data: object = {}
        with contextlib.suppress(OSError, ValueError):
            data = json.loads((self.root / _SOURCES).read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            return {}
        return {
            str(key): [str(name) for name in value]
            for key, value in data.items()
            if isinstance(value, list)
        }

    def evict(self, used: Mapping[Path, Iterable[Path]]) -> list[Path]:
        """Drop stale entries; ``used``: each source file of this run → the cache entries
        its import uses now. Returns what was removed. Never raises.

        Stale are: what a source's previous import left when it now uses other entries
        (the export was edited, or read with other settings) and no other source uses;
        entries unused for :data:`MAX_AGE_DAYS`; beyond the budget (``$CCHC_IMPORT_CACHE_MB``,
        default 4 GB), the least recently used; leftovers of interrupted runs in ``tmp/``.
        Used entries are touched, so their modification time says when they were last used.
        """
        removed: list[Path] = []
        with contextlib.suppress(OSError):
            removed = self._evict(used)
        return removed

    def _evict(self, used: Mapping[Path, Iterable[Path]]) -> list[Path]:
        now = time.time()
        in_use = {path.name for entries in used.values() for path in entries}
        for name in in_use:
            with contextlib.suppress(OSError):
                os.utime(self.root / name)
        known = self._sources()
        sources = dict(known)
        stale: set[str] = set()
        for source, entries in used.items():
            previous = sources.get(str(source.resolve()), [])
            sources[str(source.resolve())] = sorted({path.name for path in entries})
            stale.update(name for name in previous if name not in in_use)
        current = {str(source.resolve()) for source in used}
        sources = {
            key: names for key, names in sources.items() if key in current or Path(key).exists()
        }
        still_named = {name for names in sources.values() for name in names}
        stale -= still_named
        if sources != known:  # a status run on unchanged exports writes nothing
            with contextlib.suppress(CchcError):
                write_text_atomic(self.root / _SOURCES, json.dumps(sources))
        removed: list[Path] = []

        def drop(path: Path) -> None:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed.append(path)

        candidates: list[tuple[float, int, Path]] = []
        for entry in self.root.iterdir():
            if not entry.is_file() or entry.name in (_SOURCES, "hashes.json"):
                continue
            stem = entry.name.split(".", 1)[0]
            if entry.name in stale or f"{stem}.parquet" in stale:
                drop(entry)  # the entry and what was kept beside it (procedure names)
                continue
            info = entry.stat()
            if entry.name in in_use or f"{stem}.parquet" in in_use:
                continue
            if now - info.st_mtime > MAX_AGE_DAYS * 86400:
                drop(entry)
                continue
            candidates.append((info.st_mtime, info.st_size, entry))
        total = sum(size for _, size, _ in candidates)
        budget = _budget_bytes()
        for _, size, entry in sorted(candidates):
            if total <= budget:
                break
            drop(entry)
            total -= size
        with contextlib.suppress(OSError):
            for path in self.temp_dir.iterdir():
                if path.is_file() and now - path.stat().st_mtime > _LEFTOVER_SECONDS:
                    drop(path)
        self._forget_missing()
        return removed

    def _forget_missing(self) -> None:
        """Drop hash-index keys whose file is gone or has changed since."""
        index = self._index()
        kept = {}
        for key, digest in index.items():
            with contextlib.suppress(OSError):
                if self._stat_key(Path(key.rsplit("|", 2)[0])) == key:
                    kept[key] = digest
        if len(kept) != len(index):
            with contextlib.suppress(CchcError):
                write_text_atomic(self.root / "hashes.json", json.dumps(kept))


def _budget_bytes() -> int:
    configured = os.environ.get(BUDGET_ENV, "")
    try:
        megabytes = float(configured) if configured else DEFAULT_BUDGET_MB
    except ValueError:
        megabytes = DEFAULT_BUDGET_MB
    return int(max(megabytes, 0) * 2**20)
