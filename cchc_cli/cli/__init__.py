"""The ``cchc`` command: a thin Typer layer over the library."""

from cchc_cli.cli.app import app, main

__all__ = ["app", "main"]
