"""Where plan files come from: the working tree, or a git revision read from its blobs.

A :class:`~cchc_cli.sources.base.PlanSource` lists a plan's YAML files and reads each
as text; :func:`cchc_cli.loading.plan_loader.load_source` reads the same way from both.
Files of a revision are named ``REV:path`` so that findings read ``REV:path:line:col``.
"""
