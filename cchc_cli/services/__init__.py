"""The use cases: one function per command's work, returning a typed result.

A service takes a :class:`~cchc_cli.services.workspace.Workspace` (the plan, loaded at
most once), the day it computes for and its options, and returns a result object;
it never prints and knows nothing of Typer. Renderers (:mod:`cchc_cli.render`) format
results; the CLI (:mod:`cchc_cli.cli`) parses options, calls one service and hands its
result to the reporter of the chosen format. This is the only layer that combines
loading, scheduling and measuring.
"""
