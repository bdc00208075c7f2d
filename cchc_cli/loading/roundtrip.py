"""Editing a plan file in place: comments, key order, quotes and indentation kept.

ruamel.yaml's round-trip mode reads a file into mappings and lists that remember their
comments and quoting. The file's indentation is guessed and reused, and a file that
ruamel would not write back byte for byte is refused rather than reformatted: after an
edit, ``git diff`` shows only the lines that changed.

ruamel keeps the comment lines that *follow* a value with that value. When something is
inserted after it, those lines (which describe what comes next) must move below the
new content, or they would end up above it; :func:`insert_key` and :func:`append_item`
do that.
"""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cchc_cli.errors import UserError
from cchc_cli.i18n import _

if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

__all__ = ["RoundTripFile", "append_item", "insert_key", "open_roundtrip"]

_BOM = "\ufeff"


@dataclass
class RoundTripFile:
    """A YAML file loaded for editing, and what is needed to write it back the same way."""

    path: Path
    original: bytes
    data: Any
    yaml: YAML
    bom: bool
    crlf: bool

    def dump(self) -> str:
        """The (edited) document as text, with the file's BOM and line endings."""
        stream = io.StringIO()
        self.yaml.dump(self.data, stream)
        text = stream.getvalue()
        if self.crlf:
            text = text.replace("\n", "\r\n")
        return (_BOM if self.bom else "") + text

    def changed_on_disk(self) -> bool:
        """True when the file no longer holds the bytes it was read from."""
        try:
            current = self.path.read_bytes()
        except OSError:
            return True
        return hashlib.sha256(current).digest() != hashlib.sha256(self.original).digest()


def _yaml_for(text: str) -> YAML:
    from ruamel.yaml import YAML
    from ruamel.yaml.representer import RoundTripRepresenter
    from ruamel.yaml.util import load_yaml_guess_indent

    _, indent, offset = load_yaml_guess_indent(text)
    indent = indent or 2
    offset = offset or 0
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long line
    yaml.allow_unicode = True
    yaml.indent(mapping=indent - offset if indent > offset else 2, sequence=indent, offset=offset)

    def null(representer: RoundTripRepresenter, _value: None) -> Any:
        return representer.represent_scalar("tag:yaml.org,2002:null", "null")

    yaml.representer.add_representer(type(None), null)
    return yaml


def open_roundtrip(path: Path) -> RoundTripFile:
    """Load ``path`` for editing; :class:`UserError` if it cannot be written back as is."""
    from ruamel.yaml.error import YAMLError

    try:
        original = path.read_bytes()
        text = original.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(_("cannot read '{path}': {reason}").format(path=path, reason=exc)) from None
    bom = text.startswith(_BOM)
    text = text.removeprefix(_BOM)
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n")
    try:
        # ruamel's round-trip loader builds CommentedMap/CommentedSeq only (no Python
        # objects); the file has already passed the safe loader as part of the plan.
        editor = _yaml_for(text)
        data = editor.load(text)
    except YAMLError as exc:
        raise UserError(_("cannot edit '{path}': {reason}").format(path=path, reason=exc)) from None
    edited = RoundTripFile(path, original, data, editor, bom, crlf)
    if edited.dump().encode("utf-8") != original:
        raise UserError(
            _(
                "cannot edit '{path}' without reformatting it: its layout (indentation, line "
                "breaks or quoting) is not one cchc can write back unchanged"
            ).format(path=path),
            hint=_("make the change by hand, or reformat the file once (e.g. 2-space indents)"),
        )
    return edited


# --- keeping trailing comments below inserted content ---------------------------------


def _is_block(value: Any) -> bool:
    """A non-empty block-style mapping or list (its last value holds what follows it)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    return (
        isinstance(value, CommentedMap | CommentedSeq)
        and len(value) > 0
        and not value.fa.flow_style()
    )


def _trailing_slot(node: Any) -> tuple[Any, Any, int] | None:
    """(container, key or index, slot) where ruamel keeps the comment after ``node``."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, CommentedMap) and len(node):
        key = list(node.keys())[-1]
        return _trailing_slot(node[key]) if _is_block(node[key]) else (node, key, 2)
    if isinstance(node, CommentedSeq) and len(node):
        index = len(node) - 1
        return _trailing_slot(node[index]) if _is_block(node[index]) else (node, index, 0)
    return None


def _take_lines(slot: tuple[Any, Any, int] | None) -> str:
    """Detach the full comment lines after a value (keep its end-of-line comment)."""
    if slot is None:
        return ""
    container, key, index = slot
    entry = container.ca.items.get(key)
    token = entry[index] if entry and len(entry) > index else None
    if token is None:
        return ""
    end_of_line, newline, rest = token.value.partition("\n")
    if not rest:
        return ""
    if end_of_line.strip():
        token.value = end_of_line + newline
    else:
        entry[index] = None
    return str(rest)


def _give_lines(slot: tuple[Any, Any, int] | None, lines: str) -> None:
    if slot is None or not lines:
        return
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    container, key, index = slot
    entry = container.ca.items.setdefault(key, [None, None, None, None])
    while len(entry) <= index:
        entry.append(None)
    token = entry[index]
    if token is None:
        entry[index] = CommentToken("\n" + lines, CommentMark(0), None)
    else:
        token.value = token.value.rstrip("\n") + "\n" + lines


def _slot_of_key(mapping: CommentedMap, key: Any) -> tuple[Any, Any, int] | None:
    value = mapping[key]
    return _trailing_slot(value) if _is_block(value) else (mapping, key, 2)


def insert_key(mapping: CommentedMap, position: int, key: str, value: Any) -> None:
    """Insert ``key: value`` at ``position``; comments below the previous key follow it."""
    keys = list(mapping.keys())
    moved = _take_lines(_slot_of_key(mapping, keys[position - 1])) if position > 0 else ""
    mapping.insert(position, key, value)
    _give_lines(_slot_of_key(mapping, key), moved)


def append_item(sequence: CommentedSeq, item: Any) -> None:
    """Append ``item``; comment lines that followed the last item now follow it."""
    moved = _take_lines(_trailing_slot(sequence))
    sequence.append(item)
    _give_lines(_trailing_slot(sequence), moved)
