"""Shared by the Word report tests: the sample context, tiny PNGs, the shipped template."""

from __future__ import annotations

import json
import os
import shutil
import struct
import zlib
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE = ROOT / "templates" / "report.docx"
SAMPLE_CONTEXT = Path(__file__).resolve().parent / "data" / "report_context.json"


def sample_context() -> dict[str, Any]:
    """A fresh copy of the report context the report service produces."""
    context: dict[str, Any] = json.loads(SAMPLE_CONTEXT.read_text(encoding="utf-8"))
    return context


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A valid one-colour PNG, written by hand (no imaging library needed)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    rows = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


CHARTS = {"attainment": png(64, 32, (200, 40, 40)), "trend": png(64, 32, (40, 40, 200))}


def require_tool(*names: str) -> str:
    """The path of the first of ``names`` on PATH. Missing: skip on a workstation, fail
    in CI (``CI`` set), where .ci/run installs LibreOffice and poppler."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    message = f"{' or '.join(names)} not on PATH (apt-get install libreoffice-writer-nogui "
    message += "poppler-utils)"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run this test")
    pytest.skip(message)
