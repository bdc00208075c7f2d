"""The import cache: each export, once parsed, kept as Parquet in the user cache.

The files live in ``imports/`` of the cache module's folder (``cchc_cli.cache``:
``$CCHC_CACHE_DIR``, else the platform's user cache), outside the plan repository;
``$CCHC_CACHE`` puts them elsewhere.

A cached file is named by the SHA-256 of the export's *content* and by a digest of how
it was read (column and value mappings, date formats, cchc's cache format), so an edited
export or an edited mapping is imported again, and a renamed or copied one is not. The
name is an HMAC of both under a per-user secret kept outside the repository, so a file
placed in the cache folder by someone else is never taken for an import.
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
from dataclasses import dataclass
from pathlib import Path

from cchc_cli.errors import CchcError
from cchc_cli.loading.write import write_text_atomic

__all__ = ["CACHE_ENV", "CACHE_FORMAT", "Cache", "digest_of"]

CACHE_ENV = "CCHC_CACHE"
CACHE_FORMAT = 3
"""Bump when the Parquet layout changes: every cached file is then imported again."""


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
