"""YAML in and out: safe fast reads, positions for findings, plan discovery.

The names below are loaded on first use (PEP 562): finding the plan directory must
not import the YAML parser and the pydantic models, which commands that read a cached
plan view never need.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from cchc_cli.lazy import lazy_names

if TYPE_CHECKING:
    from cchc_cli.loading.discover import PLAN_ENV, find_plan_dir, plan_files
    from cchc_cli.loading.plan_loader import LoadResult, load_plan, require_plan

__all__ = ["PLAN_ENV", "LoadResult", "find_plan_dir", "load_plan", "plan_files", "require_plan"]

_HOME = {
    "PLAN_ENV": "discover",
    "find_plan_dir": "discover",
    "plan_files": "discover",
    "LoadResult": "plan_loader",
    "load_plan": "plan_loader",
    "require_plan": "plan_loader",
}


__getattr__ = lazy_names(__name__, _HOME)
