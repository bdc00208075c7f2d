"""From a YAML path (``("tasks", 3, "lead", 0)``) to a line and column in the file.

The node tree that libyaml composed while loading still holds every node's start
mark, so locating a finding costs a walk down the tree and never a second parse.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import yaml

from cchc_cli.findings import Anchor

__all__ = ["locate"]

_MERGE_TAG = "tag:yaml.org,2002:merge"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _find_pair(node: yaml.MappingNode, key: str | int) -> tuple[yaml.Node, yaml.Node] | None:
    wanted = str(key)
    merged: list[yaml.Node] = []
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE_TAG:
            merged.append(value_node)
        elif isinstance(key_node, yaml.ScalarNode) and (
            key_node.value == wanted
            or (not key_node.value.isascii() and _nfc(key_node.value) == wanted)
        ):  # keys are read in NFC: a key typed decomposed is still found
            return key_node, value_node
    for source in merged:  # keys brought in by `<<: *anchor`
        sources = source.value if isinstance(source, yaml.SequenceNode) else [source]
        for mapping in sources:
            if isinstance(mapping, yaml.MappingNode):
                found = _find_pair(mapping, key)
                if found is not None:
                    return found
    return None


def locate(
    root: yaml.Node | None, path: Sequence[str | int], anchor: Anchor = "value"
) -> tuple[int, int]:
    """1-based (line, column) of ``path`` in the tree.

    A path that goes past what the file holds (a missing field) stops at the deepest
    existing node: the mapping that lacks the field. Path parts that are not keys or
    indexes (pydantic adds union-member names) are skipped. ``anchor="key"`` points at
    the key of the last pair rather than its value; a mapping or list reached by a key is
    always pointed at by its key.
    """
    if root is None:
        return 1, 1
    node: yaml.Node = root
    key_mark: yaml.Mark | None = None
    for part in path:
        if isinstance(node, yaml.MappingNode):
            pair = _find_pair(node, part)
            if pair is None:
                if isinstance(part, int):
                    continue
                break
            key_node, node = pair
            key_mark = key_node.start_mark
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if not 0 <= part < len(node.value):
                break
            node = node.value[part]
            key_mark = None
        # a scalar, or a union-member name: nothing to descend into
    use_key = key_mark is not None and (anchor == "key" or not isinstance(node, yaml.ScalarNode))
    mark = key_mark if use_key and key_mark is not None else node.start_mark
    return mark.line + 1, mark.column + 1
