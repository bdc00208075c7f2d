"""Packages whose names are imported on first use (PEP 562).

``cchc status`` on an unchanged plan must not import the YAML parser or the pydantic
models; packages that re-export them (``cchc_cli.loading``, ``cchc_cli.model``) name
where each lives and import it only when it is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any

__all__ = ["lazy_names"]


def lazy_names(package: str, homes: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``name`` → ``package.<homes[name]>.name``."""

    def getattr_(name: str) -> Any:
        module = homes.get(name)
        if module is None:
            raise AttributeError(f"module '{package}' has no attribute '{name}'")
        return getattr(import_module(f"{package}.{module}"), name)

    return getattr_
