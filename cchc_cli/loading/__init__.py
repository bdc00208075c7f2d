"""YAML in and out: safe fast reads, positions for findings, plan discovery."""

from cchc_cli.loading.discover import PLAN_ENV, find_plan_dir, plan_files
from cchc_cli.loading.plan_loader import LoadResult, load_plan, require_plan

__all__ = ["PLAN_ENV", "LoadResult", "find_plan_dir", "load_plan", "plan_files", "require_plan"]
