"""Keep the catalogs in step with the code: extract, update, compile, check (Babel).

``python -m cchc_cli.i18n.catalogs update`` (``make catalogs``) extracts every
``_()``, ``N_()`` and ``ngettext()`` string of ``cchc_cli/``, updates
``locale/{vi,en}/LC_MESSAGES/cchc.po`` (new ids added untranslated, ids gone from
the code dropped, English filled with its own ids), and compiles the ``.mo`` files
that ship. ``check`` lists what a translator still has to do; ``tests/test_catalogs.py``
fails on any of it: an id without a translation, an id the code no longer has, a
translation whose ``{placeholders}`` differ from its id, a ``.mo`` older than its ``.po``.

Not imported by the CLI: only by ``make catalogs`` and the tests.
"""

from __future__ import annotations

import io
import re
import subprocess
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from cchc_cli.i18n import DOMAIN, LANGUAGES, LOCALE_DIR

__all__ = ["check", "compile_catalogs", "extract", "main", "update"]

PACKAGE = Path(__file__).resolve().parents[1]
KEYWORDS: dict[str, tuple[int, ...] | None] = {"_": None, "N_": None, "ngettext": (1, 2)}
_FIELD = re.compile(r"(?<!\{)\{([^{}]*)\}(?!\})")


_FIXED = datetime(2026, 1, 1, tzinfo=UTC)
"""Header dates stay put, so that updating a catalog changes only its messages."""


def _catalog(lang: str | None = None) -> Catalog:
    return Catalog(
        locale=lang,
        domain=DOMAIN,
        project="cchc",
        version="1",
        copyright_holder="cchc developers",
        msgid_bugs_address="",
        last_translator="cchc developers",
        language_team="cchc developers",
        creation_date=_FIXED,
        revision_date=_FIXED,
        fuzzy=False,
    )


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract() -> Catalog:
    """Every translatable string of the package, with where it is used."""
    catalog = _catalog()
    for filename, lineno, message, comments, _context in extract_from_dir(
        PACKAGE,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
    ):
        catalog.add(
            message,
            locations=[(f"cchc_cli/{filename}", lineno)],
            auto_comments=comments,
        )
    return catalog


def _read(lang: str) -> Catalog:
    path = po_path(lang)
    if not path.exists():
        return _catalog(lang)
    with path.open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


def _texts(value: object) -> tuple[str, ...]:
    """A message's id or string as a tuple (one item, or one per plural form)."""
    if isinstance(value, tuple | list):
        return tuple(str(item) for item in value)
    return (str(value or ""),)


def _ids(message: Message) -> tuple[str, ...]:
    return _texts(message.id)


def _strings(message: Message) -> tuple[str, ...]:
    return _texts(message.string)


def _from_ref(lang: str, ref: str) -> Catalog:
    """The catalog of ``lang`` as committed at git ``ref`` (to merge branches' work)."""
    path = po_path(lang).relative_to(PACKAGE.parent).as_posix()
    shown = subprocess.run(  # noqa: S603 - a developer's own ref, git from PATH
        ["git", "show", f"{ref}:{path}"],  # noqa: S607
        cwd=PACKAGE.parent,
        capture_output=True,
        check=False,
    )
    if shown.returncode != 0:
        return _catalog(lang)
    return read_po(io.BytesIO(shown.stdout), locale=lang, domain=DOMAIN)


def update(refs: Iterable[str] = ()) -> None:
    """Bring both catalogs to the code's strings and compile them.

    ``refs``: git revisions whose translations fill what this checkout lacks (after a
    merge of branches that both translated: ``update --ref main --ref other``).
    """
    template = extract()
    refs = list(refs)
    for lang in LANGUAGES:
        old = _read(lang)
        for extra in (_from_ref(lang, ref) for ref in refs):
            for message in extra:
                mine = old.get(message.id) if message.id else None
                if (
                    message.id
                    and any(_strings(message))
                    and (mine is None or not any(_strings(mine)))
                ):
                    old[message.id] = message
        new = _catalog(lang)
        for message in template:
            if not message.id:
                continue
            previous = old.get(message.id)
            plural = isinstance(message.id, tuple)
            string: str | tuple[str, ...] = ""
            if previous is not None and any(_strings(previous)):
                texts = _strings(previous)
                if plural and (len(texts) != new.num_plurals or not all(texts)):
                    # A message that became plural (or lacks a form): its old text serves
                    # every form; English takes its ids again.
                    known = [text for text in texts if text][-1]
                    texts = _ids(message) if lang == "en" else (known,) * new.num_plurals
                string = texts if plural else texts[0]
            elif lang == "en":
                # English ids are the English text; translators may still refine it.
                ids = _ids(message)
                string = ids if isinstance(message.id, tuple) else ids[0]
            new.add(
                message.id,
                string,
                locations=message.locations,
                auto_comments=message.auto_comments,
                flags=message.flags - {"fuzzy"},
            )
        path = po_path(lang)
        path.parent.mkdir(parents=True, exist_ok=True)
        buffer = io.BytesIO()
        # File names without line numbers: moving code does not touch the catalogs.
        write_po(buffer, new, sort_output=True, width=100, include_lineno=False)
        path.write_bytes(buffer.getvalue())
    compile_catalogs()


def compile_catalogs() -> None:
    for lang in LANGUAGES:
        catalog = _read(lang)
        buffer = io.BytesIO()
        write_mo(buffer, catalog, use_fuzzy=False)
        po_path(lang).with_suffix(".mo").write_bytes(buffer.getvalue())


def _fields(text: str) -> set[str]:
    return set(_FIELD.findall(text))


def check() -> list[str]:
    """What is missing or stale in either catalog, one line each (empty: all good)."""
    problems: list[str] = []
    wanted = {message.id: message for message in extract() if message.id}
    for lang in LANGUAGES:
        catalog = _read(lang)
        where = po_path(lang).relative_to(PACKAGE.parent).as_posix()
        have = {message.id: message for message in catalog if message.id}
        for msgid, message in wanted.items():
            found = have.get(msgid)
            place = ", ".join(f"{file}:{line}" for file, line in message.locations[:1])
            if found is None:
                problems.append(f"{where}: missing {_ids(message)[0]!r} ({place})")
            elif not all(_strings(found)) or "fuzzy" in found.flags:
                problems.append(f"{where}: untranslated {_ids(found)[0]!r} ({place})")
            else:
                for source, text in zip(_ids(found) * 2, _strings(found), strict=False):
                    if _fields(source) != _fields(text):
                        problems.append(
                            f"{where}: placeholders differ in {source!r}: "
                            f"{sorted(_fields(source))} vs {sorted(_fields(text))} in {text!r}"
                        )
        for msgid, found in have.items():
            if msgid not in wanted:
                problems.append(f"{where}: stale {_ids(found)[0]!r} (no longer in the code)")
        problems.extend(_check_compiled(lang, catalog, where))
    return problems


def _check_compiled(lang: str, catalog: Catalog, where: str) -> Iterable[str]:
    mo = po_path(lang).with_suffix(".mo")
    if not mo.exists():
        yield f"{where}: not compiled (run make catalogs)"
        return
    with mo.open("rb") as handle:
        compiled = read_mo(handle)
    # Plural entries: ids and strings are tuples in a .po, lists in a .mo (Babel).
    expected = {_ids(m): _strings(m) for m in catalog if m.id and all(_strings(m))}
    actual = {_ids(m): _strings(m) for m in compiled if m.id}
    if expected != actual:
        yield f"{mo.relative_to(PACKAGE.parent).as_posix()}: stale (run make catalogs)"


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "check"
    if command == "update":
        update(argv[index + 1] for index, arg in enumerate(argv) if arg == "--ref")
        return 0
    if command == "compile":
        compile_catalogs()
        return 0
    problems = check()
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
