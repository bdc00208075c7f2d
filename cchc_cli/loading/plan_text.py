"""Reading a plan file's bytes as text: UTF-8 only, bounded in size, binary refused.

Every refusal is a :class:`~cchc_cli.loading.yaml_safe.YamlProblem` with a position, so
it becomes a located finding like any other problem inside a plan file.
"""

from __future__ import annotations

from pathlib import Path

from cchc_cli.i18n import _
from cchc_cli.loading.discover import MAX_FILE_BYTES
from cchc_cli.loading.yaml_safe import YamlProblem

__all__ = ["decode_plan_bytes", "read_plan_text"]


def read_plan_text(path: Path) -> str:
    """Read a plan file as UTF-8 text, refusing binary and other encodings with a position.

    Raises :class:`YamlProblem` for content problems and ``OSError`` when the file cannot
    be read at all.
    """
    with path.open("rb") as handle:
        return decode_plan_bytes(handle.read(MAX_FILE_BYTES + 1))


def decode_plan_bytes(raw: bytes) -> str:
    """The text of a plan file's bytes (from disk or a git blob), with the same refusals.

    Raises :class:`YamlProblem` for content problems.
    """
    if len(raw) > MAX_FILE_BYTES:
        raise YamlProblem(
            "file-too-large",
            _(
                "the file is larger than {size} MiB, far more than a plan file holds; it was "
                "not read — move it out of the plan directory"
            ).format(size=MAX_FILE_BYTES // (1024 * 1024)),
            1,
            1,
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlProblem(
            "file-encoding", _("the file is UTF-16; save it as UTF-8 (without BOM)"), 1, 1
        )
    if b"\x00" in raw[:8192] or b"\x00" in raw:
        offset = raw.index(b"\x00")
        line = raw.count(b"\n", 0, offset) + 1
        raise YamlProblem(
            "file-binary",
            _(
                "the file holds binary data (a NUL byte), not YAML text; remove it from the "
                "plan directory or rename it"
            ),
            line,
            offset - (raw.rfind(b"\n", 0, offset) + 1) + 1,
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = len(raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace"))
        raise YamlProblem(
            "file-encoding",
            _(
                "the file is not valid UTF-8 (byte 0x{byte}); save it as UTF-8 — Vietnamese "
                "text from Windows-1258/TCVN3 editors needs converting"
            ).format(byte=f"{raw[exc.start]:02X}"),
            line,
            column + 1,
        ) from None
    return text.removeprefix("\ufeff")
