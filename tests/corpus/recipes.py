"""Generated content for corpus cases too large to write out: named recipes, no code in
the cases themselves.

``{generate: repeat, text: "- x\\n", times: 100000, prefix: "units:\\n", suffix: ""}``
    one file: ``prefix``, ``text`` repeated, ``suffix``;
``{generate: tree, count: 5000, name: "f{i}.yaml", text: "x: 1\\n", depth: 0}``
    a directory of ``count`` files (spread over ``depth`` levels of sub-directories);
``{generate: sparse, size_mb: 20}``
    one sparse file of that size (no disk used), zeros throughout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

__all__ = ["generate"]


def _repeat(target: Path, spec: dict[str, Any]) -> None:
    body = str(spec.get("text", "")) * int(spec.get("times", 1))
    text = str(spec.get("prefix", "")) + body + str(spec.get("suffix", ""))
    target.write_bytes(text.encode("utf-8"))


def _tree(target: Path, spec: dict[str, Any]) -> None:
    count = int(spec["count"])
    depth = int(spec.get("depth", 0))
    pattern = str(spec.get("name", "f{i}.yaml"))
    content = str(spec.get("text", "")).encode("utf-8")
    for index in range(count):
        folder = target
        for level in range(depth):
            folder = folder / f"d{level}-{index % 10}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / pattern.format(i=index)).write_bytes(content)


def _sparse(target: Path, spec: dict[str, Any]) -> None:
    with target.open("wb") as handle:
        handle.truncate(int(float(spec["size_mb"]) * 1024 * 1024))


_RECIPES = {"repeat": _repeat, "tree": _tree, "sparse": _sparse}


def generate(target: Path, spec: dict[str, Any]) -> None:
    recipe = _RECIPES.get(str(spec["generate"]))
    assert recipe is not None, f"unknown recipe {spec['generate']!r}; known: {sorted(_RECIPES)}"
    recipe(target, spec)
