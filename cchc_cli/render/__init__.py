"""Reporters: results of :mod:`cchc_cli.services` formatted for people and programs.

A reporter takes one result object and returns what to print: text for terminals
(rich renderables), JSON (from the result object itself), CSV, Markdown, HTML or a
Word file. :mod:`cchc_cli.render.registry` maps (result kind, format) to its reporter.
Nothing here loads, measures or caches: renderers only format results.
"""
