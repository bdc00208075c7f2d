"""Click's own words ("Usage:", "Options", "Error:", "Missing option"…) in our language.

The click that Typer vendors writes its words as plain English f-strings, and
``typer.core`` takes a few ("Options", "Commands", "default: …") from the standard
``gettext``. Every one a user can meet is marked here with :func:`N_` so that it is in
our catalogs, and put in the current language in three places:

* ``typer.core``'s ``_`` is ours (:func:`install`);
* help pages: :class:`HelpFormatter` (the "Usage:" line) and :class:`Localized`
  (the ``--help`` option's text, the examples of an epilog one per line);
* usage errors: :func:`usage_error_text` rebuilds the message from the exception's
  parts and reads back the messages of Click's parameter types.
"""

from __future__ import annotations

import re
import textwrap
from typing import TYPE_CHECKING, Any, Final

import typer
import typer._click._textwrap
import typer.core
from typer._click._textwrap import TextWrapper as _ClickWrapper
from typer._click.core import Context as ClickContext
from typer._click.formatting import HelpFormatter as ClickHelpFormatter

from cchc_cli.i18n import N_, _

if TYPE_CHECKING:
    from typer._click.exceptions import ClickException

__all__ = [
    "CLICK_WORDS",
    "HelpFormatter",
    "Localized",
    "LocalizedContext",
    "install",
    "usage_error_text",
]

USAGE = N_("Usage:")
HELP_OPTION = N_("Show this message and exit.")
ERROR = N_("Error: {message}")
TRY_HELP = N_("Try '{command} {option}' for help.")
EXAMPLES = N_("Examples:")

CLICK_WORDS: Final = (
    # typer.core, through gettext
    N_("Arguments"),
    N_("Options"),
    N_("Commands"),
    N_("default: {default}"),
    N_("required"),
    N_("env var: {var}"),
    N_("Missing command."),
    N_("No such command {name!r}."),
    N_("Aborted!"),
)
"""The words ``typer.core`` asks ``gettext`` for, so that they are extracted."""

_MISSING: Final = {
    "argument": N_("Missing argument {name}."),
    "option": N_("Missing option {name}."),
}
_MISSING_ANY: Final = N_("Missing parameter {name}.")

_MESSAGES: Final[tuple[tuple[re.Pattern[str], str], ...]] = (
    (
        re.compile(r"^Option (?P<name>.+) requires an argument\.$"),
        N_("Option {name} needs a value."),
    ),
    (
        re.compile(r"^Option (?P<name>.+) does not take a value\.$"),
        N_("Option {name} does not take a value."),
    ),
    (re.compile(r"^No such option: (?P<name>\S+)$"), N_("No such option: {name}")),
    (
        re.compile(r"^Got unexpected extra arguments? \((?P<args>.*)\)$"),
        N_("Unexpected extra argument(s): {args}"),
    ),
    (
        re.compile(r"^(?P<value>.+) is not one of (?P<choices>.+)\.$", re.DOTALL),
        N_("{value} is not one of {choices}."),
    ),
    (
        re.compile(r"^(?P<value>.+) is not a valid (?:int|integer|float)(?: range)?\.$"),
        N_("{value} is not a number."),
    ),
    (
        re.compile(r"^(?P<value>.+) is not in the range (?P<range>.+)\.$"),
        N_("{value} is not in the range {range}."),
    ),
    (re.compile(r"^Choose from:(?P<choices>.*)$", re.DOTALL), N_("Choose from:{choices}")),
)
_DID_YOU_MEAN: Final = N_("Did you mean {option}?")
_POSSIBLE: Final = N_("(Possible options: {options})")
_INVALID_FOR: Final = N_("Invalid value for {name}: {message}")
_INVALID: Final = N_("Invalid value: {message}")


class _WholeWords(_ClickWrapper):
    """Click's text wrapper, never breaking inside a word: not at a hyphen
    (``yyyy-mm-dd``, ``on_time_rate``), nor a long word (an id, a path)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.update(break_on_hyphens=False, break_long_words=False)
        super().__init__(*args, **kwargs)


def install() -> None:
    """``typer.core`` asks our catalog for its words (it imports ``gettext`` as ``_``),
    and Click wraps help text at spaces only (its ``wrap_text`` imports the wrapper
    class from ``_textwrap`` on each call)."""
    typer.core._ = _  # type: ignore[attr-defined]
    typer._click._textwrap.TextWrapper = _WholeWords  # type: ignore[misc]


def _message(text: str) -> str:
    """A message of Click's (or already ours) in the current language."""
    for pattern, message_id in _MESSAGES:
        match = pattern.match(text)
        if match is not None:
            return _(message_id).format(**match.groupdict())
    return text


def _hint(exc: Any) -> str | None:
    from typer._click.exceptions import _join_param_hints

    hint = exc.param_hint
    if hint is None and exc.param is not None:
        hint = exc.param.get_error_hint(exc.ctx)
    return str(_join_param_hints(hint)) if hint is not None else None


def usage_error_text(exc: ClickException) -> str:
    """The message of a usage error, in the current language."""
    from typer._click.exceptions import BadParameter, MissingParameter, NoSuchOption

    if isinstance(exc, MissingParameter):
        name = _hint(exc) or ""
        kind = exc.param_type or (exc.param.param_type_name if exc.param else "parameter")
        text = _(_MISSING.get(kind, _MISSING_ANY)).format(name=name)
        extra = (
            exc.param.type.get_missing_message(param=exc.param, ctx=exc.ctx) if exc.param else None
        )
        return f"{text} {_message(extra)}" if extra else text
    if isinstance(exc, BadParameter):
        hint = _hint(exc)
        message = _message(exc.message)
        if hint is None:
            return _(_INVALID).format(message=message)
        return _(_INVALID_FOR).format(name=hint, message=message)
    if isinstance(exc, NoSuchOption):
        text = _message(exc.message)
        possible = sorted(exc.possibilities or ())
        if len(possible) == 1:
            return f"{text} {_(_DID_YOU_MEAN).format(option=possible[0])}"
        if possible:
            return f"{text} {_(_POSSIBLE).format(options=', '.join(possible))}"
        return text
    return _message(exc.format_message())


class HelpFormatter(ClickHelpFormatter):
    """Click's help formatter, saying "Usage:" in the current language."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, prefix if prefix is not None else _(USAGE) + " ")


class LocalizedContext(typer.Context):
    formatter_class = HelpFormatter


class Localized:
    """Mixed into cchc's commands and groups: help in the current language.

    Help texts are English ids (marked ``N_``); :func:`translate_help` puts them in the
    current language once the command line is read. An epilog is examples, one command
    per line (never rewrapped into each other), then paragraphs of notes::

        cchc validate
        cchc validate --format github --strict

        Exit codes: 0 valid, …
    """

    context_class: type[ClickContext] = LocalizedContext

    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = _(HELP_OPTION)
        return option

    def format_epilog(self, ctx: Any, formatter: Any) -> None:  # noqa: ARG002 - Click's signature
        epilog: str | None = getattr(self, "epilog", None)
        if not epilog:
            return
        examples, *notes = epilog.strip("\n").split("\n\n")
        formatter.write_paragraph()
        formatter.write_text(_(EXAMPLES))
        width = max(formatter.width - formatter.current_indent - 2, 40)
        with formatter.indentation():
            for example in examples.splitlines():
                for line in textwrap.wrap(
                    example,
                    width,
                    subsequent_indent="    ",
                    break_long_words=False,
                    break_on_hyphens=False,
                ):
                    formatter.write(f"{'':>{formatter.current_indent}}{line}\n")
        for note in notes:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(_(note))


_METAVARS: Final = {
    "text": "TEXT",
    "str": "TEXT",
    "string": "TEXT",
    "int": "N",
    "int range": "N",
    "integer": "N",
    "integer range": "N",
    "float": "NUMBER",
    "float range": "NUMBER",
    "path": "PATH",
}
_NAMED: Final = {
    "--year": "YEAR",
    "--rev": "REV",
    "--data": "FILE",
    "--output": "FILE",
}


def _metavar(param: Any) -> str | None:
    """One placeholder style everywhere: ``DATE``, ``N``, ``FILE``, ``text|json``
    (Typer's own are ``<int range>``, ``<str>``, ``<path>``, ``<text|json>``)."""
    for opt in param.opts:
        if opt in _NAMED:
            return _NAMED[opt]
    choices = getattr(param.type, "choices", None)
    if choices:
        return "|".join(str(getattr(choice, "value", choice)) for choice in choices)
    return _METAVARS.get(param.type.name)


def translate_help(command: Any) -> None:
    """Put ``command``'s help texts (and its sub-commands') in the current language, and
    give every option without one a placeholder in cchc's style."""
    for attribute in ("help", "short_help"):
        text = getattr(command, attribute, None)
        if text:
            setattr(command, attribute, _(text))
    for param in getattr(command, "params", ()):
        if getattr(param, "help", None):
            param.help = _(param.help)
        if param.metavar is None and not getattr(param, "is_flag", False):
            param.metavar = _metavar(param)
    for sub in getattr(command, "commands", {}).values():
        translate_help(sub)
