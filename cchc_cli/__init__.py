"""cchc: administrative-reform (CCHC) plans as code.

The package is a library first; the ``cchc`` command in :mod:`cchc_cli.cli` is a thin
layer over it. Start from :func:`cchc_cli.loading.load_plan`.
"""

__version__ = "0.1.0"
