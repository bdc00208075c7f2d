"""Measuring targets from data: reading exports, formulas, filters, engine, attainment.

Only :mod:`cchc_cli.measure.engine` and the modules that run queries import DuckDB, and
only inside functions, so importing this package stays cheap.
"""
