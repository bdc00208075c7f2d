"""Running the office programs that print reports to PDF (LibreOffice, Chromium).

One way to run them: no shell, no standard input, in a process group of their own that
is killed whole when it takes too long (both start helper processes), with their output
kept for the message when they fail.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess

from cchc_cli.errors import UserError
from cchc_cli.i18n import _

__all__ = ["run_tool"]


def run_tool(command: list[str], timeout: float, *, name: str, hint: str) -> tuple[int, str]:
    """Run ``command``; its exit status and its output (stdout and stderr together).

    Raises :class:`UserError` when it cannot start, or has not finished within
    ``timeout`` seconds (then the whole process group is killed).
    """
    try:
        process = subprocess.Popen(  # noqa: S603 - our own argument list, no shell
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
            start_new_session=True,
        )
    except OSError as exc:
        raise UserError(
            _("cannot start {name} ({command}): {error}").format(
                name=name, command=command[0], error=exc.strerror or exc
            )
        ) from None
    with process:
        try:
            output, _errors = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise UserError(
                _("{name} did not finish within {seconds} s").format(
                    name=name, seconds=f"{timeout:g}"
                ),
                hint=hint,
            ) from None
    return process.returncode, output
