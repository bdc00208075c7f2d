"""Reading plan files safely and fast.

Plans arrive by pull request from people we do not control, so a plan file is read as
plain data and nothing else:

* only the YAML core types are constructed (mappings, sequences, strings, numbers,
  booleans, null); any other tag (``!!python/object``, ``!!binary``, ``!custom``) is
  refused before anything is built;
* timestamps are *not* resolved: ``2024-01-25`` reaches the models as a string, so a bad
  date is a located validation error, not an exception inside the YAML library;
* a duplicate key in one mapping is an error (PyYAML would silently keep the last);
* aliases may not expand a document beyond :data:`MAX_EXPANDED_NODES` nodes, which
  stops "billion laughs" before anything is constructed.

Parsing goes through libyaml (PyYAML's C parser), which is several times faster than
a pure-Python parser. The composed node tree is kept: its marks give every value's
line and column when a finding needs a position, without parsing the file again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from cchc_cli.i18n import _
from cchc_cli.quoting import quote

try:  # libyaml bindings; the pure-Python parser is a slower fallback.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

__all__ = ["MAX_EXPANDED_NODES", "ParsedYaml", "YamlProblem", "parse_yaml"]

MAX_EXPANDED_NODES = 100_000
"""How many values aliases may add to a document once expanded. A plan is a few
thousand values; this allows a merge key (``<<: *base``) on thousands of tasks, and keeps
the largest document a file can expand to at a few megabytes."""
_SIZE_CAP = 1 << 62
"""Expanded sizes are capped at this, so that a deep bomb never builds huge integers."""

_CORE_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map")
)
_MERGE_TAG = "tag:yaml.org,2002:merge"
_UNHASHABLE = (list, dict)
_ANCHOR_AFTER_NOT = frozenset(" \t\n\r,]}")


def _may_have_aliases(text: str) -> bool:
    """Whether an alias (``*name``) could follow an anchor (``&name``) in ``text``.

    Only an anchor makes an alias possible; "GDTX&ĐH" inside a word is not one. An
    anchor starts a node, so it never follows a letter or digit; anything else before it
    counts (a space, a line break of any kind — U+2028 too —, a flow indicator, the ``:``
    of a JSON-style key). The ampersands of a plan are few, so looking at each is cheaper
    than a regex pass.
    """
    if "*" not in text:
        return False
    position = text.find("&")
    while position != -1:
        before = text[position - 1] if position else "\n"
        after = text[position + 1 : position + 2]
        if not before.isalnum() and after and after not in _ANCHOR_AFTER_NOT:
            return True
        position = text.find("&", position + 1)
    return False


_CONFLICT_MARKER = re.compile(r"^(<{7}|={7}|>{7}|\|{7})(?: |$)", re.MULTILINE)


class YamlProblem(Exception):
    """Why a file could not be read as plan data, and where (1-based line and column)."""

    def __init__(self, code: str, message: str, line: int | None = None, column: int | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True, slots=True)
class ParsedYaml:
    """A parsed file: its data, and the node tree that knows where each value was."""

    data: Any
    root: yaml.Node | None
    respelled: dict[str, str] = field(default_factory=dict)
    """Texts that were not in NFC, by their NFC form."""


def _plain_resolvers(
    resolvers: dict[str | None, list[tuple[str, re.Pattern[str]]]],
) -> dict[str | None, list[tuple[str, re.Pattern[str]]]]:
    # No implicit timestamps (dates stay strings for the models to parse) and no `=`
    # "value" type (so `op: =` is the text "=").
    dropped = ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value")
    return {
        first: [(tag, regexp) for tag, regexp in entries if tag not in dropped]
        for first, entries in resolvers.items()
    }


class _PlanLoader(_BaseLoader):
    """libyaml parser + a constructor that builds plain data only."""

    yaml_implicit_resolvers = _plain_resolvers(_BaseLoader.yaml_implicit_resolvers)
    yaml_constructors: ClassVar[dict[str | None, Any]] = {
        tag: constructor
        for tag, constructor in _BaseLoader.yaml_constructors.items()
        if tag in _CORE_TAGS
    }

    check_aliases = True
    respelled: dict[str, str]

    def get_single_data(self) -> tuple[Any, yaml.Node | None]:
        node = self.get_single_node()
        if node is None:
            return None, None
        if self.check_aliases:
            _check_expansion(node)
        return self.construct_document(node), node

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise _problem("yaml-syntax", _("expected a mapping here"), node)
        if any(key_node.tag == _MERGE_TAG for key_node, _value in node.value):
            return self._construct_merged(node, deep)
        mapping: dict[Any, Any] = {}
        construct = self.construct_object
        for key_node, value_node in node.value:
            key = construct(key_node, deep=True)
            if key.__class__ in _UNHASHABLE:
                raise _problem("yaml-key", _("a mapping key must be a plain value"), key_node)
            if key in mapping:
                raise self._duplicate(key, key_node, node)
            mapping[key] = construct(value_node, deep=deep)
        return mapping

    def _key(self, key_node: yaml.Node) -> Any:
        key = self.construct_object(key_node, deep=True)
        if key.__class__ in _UNHASHABLE:
            raise _problem("yaml-key", _("a mapping key must be a plain value"), key_node)
        return key

    def _duplicate(self, key: Any, key_node: yaml.Node, node: yaml.MappingNode) -> YamlProblem:
        first = next(
            k
            for k, _value in node.value
            if k.tag != _MERGE_TAG and self.construct_object(k, deep=True) == key
        )
        return _problem(
            "yaml-duplicate-key",
            _(
                "duplicate key {key} in this mapping (first defined at line {line}); keep "
                "only one of them"
            ).format(key=quote(key), line=first.start_mark.line + 1),
            key_node,
        )

    def _construct_merged(self, node: yaml.MappingNode, deep: bool) -> dict[Any, Any]:
        """A mapping with merge keys (``<<: *base``): explicit keys win over merged ones."""
        seen: set[Any] = set()
        for key_node, _value in node.value:
            if key_node.tag == _MERGE_TAG:
                continue
            key = self._key(key_node)
            if key in seen:
                raise self._duplicate(key, key_node, node)
            seen.add(key)
        self.flatten_mapping(node)
        return {
            self._key(key_node): self.construct_object(value_node, deep=deep)
            for key_node, value_node in node.value
        }


def _refuse_tag(_loader: _PlanLoader, node: yaml.Node) -> Any:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    raise _problem(
        "yaml-tag",
        _(
            "tag {tag} is not allowed in a plan file: plans hold plain data only (text, "
            "numbers, true/false, lists and mappings); remove the tag"
        ).format(tag=quote(tag)),
        node,
    )


_PlanLoader.add_constructor(None, _refuse_tag)


def _construct_str(loader: _PlanLoader, node: yaml.ScalarNode) -> str:
    """Text in NFC: "ế" typed as one character or as "ê" + a combining accent is the same
    text (and the same id) for everything after loading. A respelt text is remembered,
    so that a duplicate can name both spellings."""
    # A str-tagged node is a scalar (the parser sees to it): its value is the text.
    value: str = node.value if node.__class__ is yaml.ScalarNode else loader.construct_scalar(node)
    if value.isascii() or unicodedata.is_normalized("NFC", value):
        return value
    normal = unicodedata.normalize("NFC", value)
    loader.respelled.setdefault(normal, value)
    return normal


_PlanLoader.add_constructor("tag:yaml.org,2002:str", _construct_str)


def _problem(code: str, message: str, node: yaml.Node) -> YamlProblem:
    mark = node.start_mark
    return YamlProblem(code, message, mark.line + 1, mark.column + 1)


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_expansion(root: yaml.Node) -> None:
    """Refuse recursive aliases and alias bombs before anything is constructed.

    Aliases share their node, so the composed tree is a graph. One depth-first pass over
    the *distinct* nodes finds a cycle (an alias inside its own anchor: ``&a [*a]``) and
    each node's size once expanded; every reference to a node beyond its first adds that
    many values to the document. Their sum is the work aliases would cause, and it is
    bounded by :data:`MAX_EXPANDED_NODES`. Time and memory are linear in the file.
    """
    sizes: dict[int, int] = {}
    references: dict[int, int] = {}
    on_path: set[int] = set()
    nodes: dict[int, yaml.Node] = {}
    stack: list[tuple[yaml.Node, list[yaml.Node] | None]] = [(root, None)]
    while stack:
        node, children = stack.pop()
        key = id(node)
        if children is not None:  # every child is done: the node's expanded size
            on_path.discard(key)
            total = 1
            for child in children:
                total += sizes[id(child)]
            sizes[key] = min(total, _SIZE_CAP)
            continue
        references[key] = references.get(key, 0) + 1
        if key in sizes:
            continue
        if key in on_path:
            raise _problem(
                "yaml-recursive-alias",
                _(
                    "this anchor's value contains an alias to itself, so it never ends; "
                    "an alias (*name) may only repeat a value that is complete before it"
                ),
                node,
            )
        nodes[key] = node
        if isinstance(node, yaml.ScalarNode):
            sizes[key] = 1
            continue
        on_path.add(key)
        kids = _children(node)
        stack.append((node, kids))
        stack.extend((child, None) for child in reversed(kids))
    added = 0
    worst: tuple[int, int] = (0, id(root))
    for key, count in references.items():
        extra = (count - 1) * sizes[key]
        added += extra
        worst = max(worst, (extra, key))
    if added > MAX_EXPANDED_NODES:
        raise _problem(
            "yaml-alias-bomb",
            _(
                "aliases of the anchor here would add more than {count} values to the "
                "document; refusing to read it (a 'billion laughs' document) — write the "
                "values out, or use fewer, smaller aliases"
            ).format(count=f"{MAX_EXPANDED_NODES:,}"),
            nodes[worst[1]],
        )


def _may_have_conflict(text: str) -> bool:
    # Plain substring tests are ~50x faster than the multi-line regex on a clean file.
    return "<<<<<<<" in text or "=======" in text or ">>>>>>>" in text or "|||||||" in text


def parse_yaml(text: str) -> ParsedYaml:
    """Parse one YAML document into plain data. Raises :class:`YamlProblem`."""
    marker = _CONFLICT_MARKER.search(text) if _may_have_conflict(text) else None
    if marker is not None:
        line = text.count("\n", 0, marker.start()) + 1
        raise YamlProblem(
            "yaml-merge-conflict",
            _(
                "unresolved merge-conflict marker '{marker}': resolve the conflict, keep the "
                "right lines and delete the <<<<<<< ======= >>>>>>> markers"
            ).format(marker=marker.group(1)),
            line,
            1,
        )
    loader = _PlanLoader(text)
    loader.respelled = {}
    # Only an anchor makes an alias possible: without one there is nothing to expand.
    loader.check_aliases = _may_have_aliases(text)
    try:
        data, root = loader.get_single_data()
    except YamlProblem:
        raise
    except yaml.MarkedYAMLError as exc:
        raise _explain(exc, text) from None
    except yaml.YAMLError as exc:  # pragma: no cover - libyaml always gives marks
        raise YamlProblem("yaml-syntax", str(exc)) from None
    except RecursionError:
        raise YamlProblem(
            "yaml-too-deep", _("the document nests too deeply to be a plan")
        ) from None
    finally:
        loader.dispose()
    return ParsedYaml(data, root, loader.respelled)


def _char_at(text: str, line: int, column: int) -> str:
    lines = text.split("\n", line + 1)
    return lines[line][column : column + 1] if line < len(lines) else ""


def _explain(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    """Turn libyaml's message into one that says what to do."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    column = mark.column + 1 if mark else None
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    if mark is not None and _char_at(text, mark.line, mark.column) == "\t":
        return YamlProblem(
            "yaml-tab",
            _("a tab character cannot indent YAML; indent with spaces"),
            line,
            column,
        )
    if "end of stream" in problem and "quoted scalar" in context:
        start = exc.context_mark
        if start is not None:
            message = _(
                "a quoted string opened at line {line}, column {column} is never closed; "
                "add the closing quote"
            ).format(line=start.line + 1, column=start.column + 1)
        else:
            message = _("a quoted string is never closed; add the closing quote")
        return YamlProblem(
            "yaml-unclosed-quote",
            message,
            start.line + 1 if start else line,
            start.column + 1 if start else column,
        )
    if "mapping values are not allowed" in problem:
        return YamlProblem(
            "yaml-indentation",
            _(
                "a 'key: value' pair is not allowed here: check the indentation of this line "
                "(or quote a text that contains ': ')"
            ),
            line,
            column,
        )
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return YamlProblem(
            "yaml-indentation",
            _(
                "bad indentation: this line is not where YAML expects it ({detail}); align "
                "it with its siblings"
            ).format(detail=f"{context or 'while parsing a block'}, {problem}"),
            line,
            column,
        )
    detail = f"{context}: {problem}" if context else problem
    if not detail:
        return YamlProblem("yaml-syntax", _("this is not valid YAML"), line, column)
    return YamlProblem(
        "yaml-syntax",
        _("this is not valid YAML ({detail}); check the line and the one before it").format(
            detail=detail
        ),
        line,
        column,
    )
