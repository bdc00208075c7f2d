"""Loading a plan directory: read, parse, validate every file, check across files.

``load_plan`` never raises for a problem *inside* the plan: every problem becomes a
:class:`~cchc_cli.findings.Finding` with a file, line and column, and all of them are
reported at once. It raises :class:`~cchc_cli.errors.UserError` only when there is no
plan to read (missing or empty directory, a file where a directory was expected).
"""

from __future__ import annotations

import gc
import types
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Union, get_args, get_origin

import yaml
from pydantic import ValidationError

from cchc_cli.checks import run_checks
from cchc_cli.checks.accepted import apply_acceptances
from cchc_cli.errors import FindingsError
from cchc_cli.findings import Finding, count_levels, quote, relative_path
from cchc_cli.i18n import _
from cchc_cli.loading.locate import locate
from cchc_cli.loading.schema_errors import findings_from_validation_error, yaml_type_name
from cchc_cli.loading.yaml_safe import YamlProblem, parse_yaml
from cchc_cli.model.base import Origin, StrictModel
from cchc_cli.model.draft import PlanDraft
from cchc_cli.model.file import SECTIONS, PlanFile
from cchc_cli.model.ids import IdKind
from cchc_cli.model.plan import Plan
from cchc_cli.sources.base import PlanSource, WorkingTree
from cchc_cli.suggest import did_you_mean

__all__ = ["LoadResult", "load_plan", "load_source", "require_plan"]


def _section_model(section: str) -> tuple[type[StrictModel], bool]:
    """(item model, is a list) of a PlanFile section, read off the model itself."""
    annotation = PlanFile.model_fields[section].annotation
    if get_origin(annotation) in (Union, types.UnionType):
        annotation = next(arg for arg in get_args(annotation) if arg is not type(None))
    if get_origin(annotation) is list:
        return get_args(annotation)[0], True
    return annotation, False  # type: ignore[return-value]


_SECTION_MODELS = {section: _section_model(section) for section in SECTIONS}


@dataclass
class LoadResult:
    """What loading a plan directory found."""

    plan_dir: Path
    files: list[Path]
    findings: list[Finding]
    plan: Plan | None = None
    """The validated plan; ``None`` when any error was found."""
    trees: dict[Path, yaml.Node | None] = field(default_factory=dict, repr=False)
    draft: PlanDraft | None = field(default=None, repr=False)
    """Everything read, valid or not (a diff compares items even of an invalid plan)."""

    @property
    def errors(self) -> int:
        return count_levels(self.findings)[0]

    @property
    def warnings(self) -> int:
        return count_levels(self.findings)[1]

    @property
    def ok(self) -> bool:
        return self.plan is not None


class _Reader:
    """Reads files into a :class:`PlanDraft`, collecting findings."""

    def __init__(self, source: PlanSource) -> None:
        self.source = source
        self.draft = PlanDraft(where=self.where)
        self.findings: list[Finding] = []
        self.trees: dict[Path, yaml.Node | None] = {}

    def where(self, origin: Origin) -> str:
        line, column = locate(self.trees.get(origin.file), origin.path)
        return f"{relative_path(origin.file)}:{line}:{column}"

    def read(self, path: Path, text: str | None = None, *, named: bool = False) -> None:
        """Read one file; ``text`` stands in for its content when given. ``named``: the
        user named this file on the command line (``--scheme``), so it may lie outside."""
        if not named and self.source.outside(path):
            # Never read, so nothing of it (/etc/passwd, a home directory file) is shown.
            self.findings.append(
                Finding.error(
                    "file-outside-plan",
                    _(
                        "this file is a link to a file outside the plan directory, which cchc "
                        "does not read; put the file itself in the plan directory, or remove "
                        "the link"
                    ),
                    file=path,
                )
            )
            return
        try:
            parsed = parse_yaml(self.source.read_text(path) if text is None else text)
        except YamlProblem as problem:
            finding = Finding.error(problem.code, problem.message, file=path)
            if problem.line is not None:
                finding = finding.located(problem.line, problem.column or 1)
            self.findings.append(finding)
            return
        except OSError as exc:
            self.findings.append(
                Finding.error(
                    "file-unreadable",
                    _("cannot read the file: {reason}").format(reason=exc.strerror),
                    file=path,
                )
            )
            return
        self.trees[path] = parsed.root
        self.draft.respelled.update(parsed.respelled)
        self._sections(path, parsed.data)

    def _sections(self, path: Path, data: Any) -> None:
        root = Origin(path, ())
        if data is None:
            self.findings.append(
                Finding.error(
                    "yaml-empty",
                    _(
                        "the file is empty: a plan file holds at least one section "
                        "({sections}); add one or delete the file"
                    ).format(sections=", ".join(SECTIONS)),
                    root,
                )
            )
            return
        if not isinstance(data, dict):
            self.findings.append(
                Finding.error(
                    "schema-type",
                    _("a plan file must be a mapping of sections ({sections}), not {found}").format(
                        sections=", ".join(SECTIONS), found=yaml_type_name(data)
                    ),
                    root,
                )
            )
            return
        for key, value in data.items():
            if key not in _SECTION_MODELS:
                self.findings.append(
                    Finding.error(
                        "schema-unknown-section",
                        _("unknown section {section}{hint}; a plan file holds: {sections}").format(
                            section=quote(key),
                            hint=did_you_mean(str(key), SECTIONS),
                            sections=", ".join(SECTIONS),
                        ),
                        root.child(str(key)),
                        anchor="key",
                    )
                )
                continue
            model, is_list = _SECTION_MODELS[key]
            if not is_list:
                self._single(key, model, value, root.child(key))
            elif isinstance(value, list):
                for index, item in enumerate(value):
                    self._item(key, model, item, root.child(key, index))
            elif value is not None:
                self.findings.append(
                    Finding.error(
                        "schema-type",
                        _(
                            "'{section}' should be a list (one '- ' entry per item), not {found}"
                        ).format(section=key, found=yaml_type_name(value)),
                        root.child(key),
                    )
                )

    def _validate(self, model: type[StrictModel], value: Any, origin: Origin) -> Any:
        try:
            instance = model.model_validate(value)
        except ValidationError as exc:
            self.findings.extend(
                findings_from_validation_error(exc, model, origin.file, origin.path)
            )
            return None
        instance._origin = origin
        return instance

    def _single(self, section: str, model: type[StrictModel], value: Any, origin: Origin) -> None:
        kind: IdKind = "plan" if section == "plan" else "calendar"
        self.draft.declare(kind, section, origin)
        instance = self._validate(model, value, origin)
        if instance is not None and getattr(self.draft, _DRAFT_FIELD[section]) is None:
            setattr(self.draft, _DRAFT_FIELD[section], instance)

    def _item(self, section: str, model: type[StrictModel], item: Any, origin: Origin) -> None:
        id_field: str = getattr(model, "id_field", "id")
        kind: IdKind = getattr(model, "id_kind", "task")
        if isinstance(item, dict):
            self.draft.raw_items.append((model, origin, item))
            self._declare(kind, item, id_field, origin)
            if section == "areas" and isinstance(item.get("items"), list):
                for index, sub in enumerate(item["items"]):
                    if isinstance(sub, dict):
                        self._declare(kind, sub, "id", origin.child("items", index))
        instance = self._validate(model, item, origin)
        if instance is not None:
            getattr(self.draft, section).append(instance)

    def _declare(self, kind: IdKind, item: dict[str, Any], id_field: str, origin: Origin) -> None:
        ident = item.get(id_field)
        if isinstance(ident, str | int | float) and not isinstance(ident, bool):
            self.draft.declare(kind, str(ident), origin.child(id_field))


_DRAFT_FIELD = {"plan": "meta", "calendar": "calendar"}


def _assemble(draft: PlanDraft) -> Plan | None:
    if draft.meta is None:
        return None
    values: dict[str, Any] = {
        "meta": draft.meta,
        "units": draft.units,
        "areas": draft.areas,
        "targets": draft.targets,
        "tasks": draft.tasks,
        "duties": draft.duties,
        "datasets": draft.datasets,
        "reports": draft.reports,
        "scorecards": draft.scorecards,
    }
    if draft.calendar is not None:
        values["calendar"] = draft.calendar
    return Plan.model_construct(**values)


def _locate_all(findings: Iterable[Finding], trees: dict[Path, yaml.Node | None]) -> list[Finding]:
    located = []
    for finding in findings:
        origin = finding.origin
        if origin is None or finding.line is not None:
            located.append(finding)
        else:
            line, column = locate(trees.get(origin.file), origin.path, finding.anchor)
            located.append(finding.located(line, column))
    return located


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building plan data.

    Parsing allocates many small acyclic objects; CPython's collector would walk the
    growing heap again and again (over a third of the time on a large plan). Nothing
    built here holds a cycle, so reference counting frees it all the same.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_plan(
    plan_dir: Path,
    overrides: Mapping[Path, str] | None = None,
    extra: Sequence[Path] = (),
) -> LoadResult:
    """Read and validate every plan file under ``plan_dir``; report all problems.

    ``overrides`` maps plan files to text used instead of their content: a change is
    validated with the whole plan before it is written (``cchc task update``). ``extra``:
    files named on the command line (``cchc score --scheme``), read and validated with
    the plan when they are not among its files already.
    """
    return load_source(WorkingTree(plan_dir), overrides=overrides, extra=extra)


def load_source(
    source: PlanSource,
    *,
    files: list[Path] | None = None,
    checks: bool = True,
    data_files: bool | None = None,
    overrides: Mapping[Path, str] | None = None,
    extra: Sequence[Path] = (),
) -> LoadResult:
    """Read ``files`` (default: every plan file) of ``source`` and, with ``checks``, run
    the cross-file checks; without them, a single file is read and validated alone.

    Measurement rows (the dataset files) are checked with ``data_files`` (default: in
    the working tree only; a revision's plan is compared, not measured). ``extra``: files
    named on the command line, read with the plan when they are not among its files.
    """
    if files is None:
        files = source.files()
    known = {path.resolve() for path in files}
    named = [path for path in extra if path.resolve() not in known]
    replaced = {path.resolve(): text for path, text in (overrides or {}).items()}
    reader = _Reader(source)
    with _gc_paused():
        for path in files:
            reader.read(path, replaced.get(path.resolve()) if replaced else None)
        for path in named:
            reader.read(path, named=True)
    if checks:
        reader.findings.extend(
            run_checks(
                reader.draft,
                source.root,
                data_files=source.label is None if data_files is None else data_files,
            )
        )
        reader.findings = apply_acceptances(reader.findings, reader.draft)
    findings = _locate_all(reader.findings, reader.trees)
    errors = count_levels(findings)[0]
    plan = _assemble(reader.draft) if errors == 0 and checks else None
    return LoadResult(source.root, [*files, *named], findings, plan, reader.trees, reader.draft)


def require_plan(plan_dir: Path, extra: Sequence[Path] = ()) -> tuple[Plan, LoadResult]:
    """The validated plan, or :class:`FindingsError` carrying what is wrong with it."""
    result = load_plan(plan_dir, extra=extra)
    if result.plan is None:
        raise FindingsError(
            _(
                "the plan in '{plan}' is not valid ({count} error(s)); run `cchc validate` "
                "for details"
            ).format(plan=relative_path(plan_dir), count=result.errors),
            [finding for finding in result.findings if finding.is_open],
        )
    return result.plan, result
