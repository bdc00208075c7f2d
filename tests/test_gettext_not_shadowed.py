"""No function both calls ``_()`` and binds ``_`` (``for x, _ in …``): Python makes the
name local to the whole function, and the message call then raises (a crash that only
the error path it guards would show)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "cchc_cli"
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _own(node: ast.AST) -> Iterator[ast.AST]:
    """The nodes of ``node``'s own scope; comprehensions are entered (they see its
    locals), nested functions are not."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, _SCOPES):
            continue
        yield child
        yield from _own(child)


def _is_gettext_call(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "_"


def _binds_underscore(node: ast.AST, comprehension: set[int]) -> bool:
    return (
        isinstance(node, ast.Name)
        and node.id == "_"
        and isinstance(node.ctx, ast.Store)
        and id(node) not in comprehension
    )


def test_no_function_shadows_gettext() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, _SCOPES[:2]):
                continue
            nodes = list(_own(function))
            # A name bound by a comprehension's own loop is local to the comprehension.
            inside = {
                id(name)
                for node in nodes
                if isinstance(node, _COMPREHENSIONS)
                for generator in node.generators
                for name in ast.walk(generator.target)
            }
            if any(_is_gettext_call(n) for n in nodes) and any(
                _binds_underscore(n, inside) for n in nodes
            ):
                wrong.append(f"{path.relative_to(PACKAGE)}:{function.lineno} {function.name}")
    assert wrong == []
