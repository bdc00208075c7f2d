"""The command line before Click reads it: global options moved in front, the language.

``cchc status --no-color --lang en`` means the same as ``cchc --no-color --lang en
status``: a global option given after the command is moved in front of it, unless the
command has an option of that name itself (most commands have their own ``--plan``,
which means the same). Everything after ``--`` is left alone, and so is the value of
an option (``--note --lang`` keeps ``--lang`` as the note).

The language is chosen here, before any help text is printed: ``--lang``, else
``$CCHC_LANG``, else the locale; English whenever the output is for machines
(``--format json``, ``csv`` or ``xlsx``), whose keys and values never change with the
language.
"""

# ruff: noqa: S105 - "token" is a word of the command line, not a secret

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from typer._click.core import Command

__all__ = ["GLOBAL_FLAGS", "GLOBAL_VALUED", "MACHINE_FORMATS", "CommandLine", "read_command_line"]

GLOBAL_FLAGS: Final = frozenset({"--no-color", "--verbose"})
GLOBAL_VALUED: Final = frozenset({"--plan", "--lang"})
MACHINE_FORMATS: Final = frozenset({"json", "csv", "xlsx"})


@dataclass(frozen=True)
class CommandLine:
    args: list[str]
    """The arguments, global options first."""
    lang: str | None
    """The value of ``--lang``, if given."""
    machine: bool
    """Whether the output is for machines (``--format json|csv|xlsx``)."""


def _name(token: str) -> str:
    return token.split("=", 1)[0] if token.startswith("--") else token


def _options(command: Command) -> tuple[set[str], set[str]]:
    """A command's option names, and those of them that take a value."""
    names: set[str] = set()
    valued: set[str] = set()
    for param in command.params:
        if getattr(param, "param_type_name", "") != "option":
            continue
        opts = {*param.opts, *getattr(param, "secondary_opts", ())}
        names |= opts
        if not getattr(param, "is_flag", False) and not getattr(param, "count", False):
            valued |= opts
    return names, valued


def _leading(args: Sequence[str], start: int) -> int:
    """The index of the first argument after the global options that start at ``start``."""
    index = start
    while index < len(args) and args[index].startswith("-") and args[index] != "--":
        index += 2 if args[index] in GLOBAL_VALUED else 1
    return index


def _leaf(root: Command, args: Sequence[str], index: int) -> tuple[Command | None, int]:
    """The command named at ``index`` (a sub-command of a group followed), and where its
    own arguments start."""
    command: Command | None = root
    while index < len(args):
        commands = getattr(command, "commands", None)
        if not commands:
            break
        found = commands.get(args[index])
        if found is None:
            return None, index
        command, index = found, index + 1
    return (None, index) if command is root else (command, index)


def _format_of(args: Sequence[str], names: set[str]) -> str | None:
    for index, token in enumerate(args):
        if token == "--":
            break
        if token.startswith("--format="):
            return token.split("=", 1)[1]
        if token in ("--format", "-f") and token in names and index + 1 < len(args):
            return args[index + 1]
        if token.startswith("-f") and not token.startswith("--") and len(token) > 2:
            return token[2:]
    return None


def read_command_line(root: Command, args: Sequence[str]) -> CommandLine:
    """``args`` with the global options after the command moved in front of it."""
    args = list(args)
    start = _leading(args, 0)
    command, own = _leaf(root, args, start)
    if command is None:
        return CommandLine(args, _lang(args[:start]), machine=False)
    names, valued = _options(command)
    hoisted: list[str] = []
    kept: list[str] = []
    index = own
    while index < len(args):
        token = args[index]
        if token == "--":
            kept += args[index:]
            break
        name = _name(token)
        if name in names:
            kept.append(token)
            if name in valued and "=" not in token and index + 1 < len(args):
                kept.append(args[index + 1])
                index += 1
        elif name in GLOBAL_FLAGS:
            hoisted.append(token)
        elif name in GLOBAL_VALUED:
            hoisted.append(token)
            if "=" not in token and index + 1 < len(args):
                hoisted.append(args[index + 1])
                index += 1
        else:
            kept.append(token)
        index += 1
    front = args[:start] + hoisted
    machine = (_format_of(kept, names) or "") in MACHINE_FORMATS
    return CommandLine(front + args[start:own] + kept, _lang(front), machine=machine)


def _lang(front: Sequence[str]) -> str | None:
    found: str | None = None
    for index, token in enumerate(front):
        if token == "--lang" and index + 1 < len(front):
            found = front[index + 1]
        elif token.startswith("--lang="):
            found = token.split("=", 1)[1]
    return found
