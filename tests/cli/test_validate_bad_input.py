"""Every bad input named in the foundation issue: message, location and exit code.

Each case writes one file into a copy of the small valid plan, runs
``cchc validate --format json`` and checks the finding it must produce.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import Invoke

TASK = """\
tasks:
  - id: PL.9
    content: "Nội dung"
    lead: [VP]
    deadline:
      by: 2024-06-30
"""


@dataclass(frozen=True)
class Case:
    name: str
    file: str
    content: bytes
    code: str
    line: int | None
    column: int | None
    message: str


def text(value: str) -> bytes:
    return value.encode("utf-8")


CASES = [
    # --- YAML ---------------------------------------------------------------------------
    Case(
        "unclosed quote",
        "extra.yaml",
        text('tasks:\n  - id: "PL.9\n    content: x\n'),
        "yaml-unclosed-quote",
        2,
        9,
        "a quoted string opened at line 2, column 9 is never closed",
    ),
    Case(
        "bad indentation",
        "extra.yaml",
        text("tasks:\n  - id: PL.9\n     content: x\n"),
        "yaml-indentation",
        3,
        13,
        "check the indentation of this line",
    ),
    Case(
        "tab",
        "extra.yaml",
        text("tasks:\n  - id: PL.9\n\tcontent: x\n"),
        "yaml-tab",
        3,
        1,
        "a tab character cannot indent YAML; indent with spaces",
    ),
    Case(
        "duplicate key in one mapping",
        "extra.yaml",
        text(TASK + "    lead: [TCCB]\n"),
        "yaml-duplicate-key",
        7,
        5,
        "duplicate key 'lead' in this mapping (first defined at line 4)",
    ),
    Case("empty file", "extra.yaml", b"", "yaml-empty", 1, 1, "the file is empty"),
    Case(
        "comments only",
        "extra.yaml",
        text("# nothing yet\n"),
        "yaml-empty",
        1,
        1,
        "the file is empty",
    ),
    Case(
        "non-UTF-8 (Windows-1258)",
        "extra.yaml",
        b'tasks:\n  - id: PL.9\n    content: "Thanh tra S\xd4"\n',
        "file-encoding",
        3,
        26,
        "the file is not valid UTF-8 (byte 0xD4); save it as UTF-8",
    ),
    Case(
        "UTF-16",
        "extra.yaml",
        "tasks: []\n".encode("utf-16"),
        "file-encoding",
        1,
        1,
        "the file is UTF-16; save it as UTF-8",
    ),
    Case(
        "binary named .yaml",
        "extra.yaml",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "file-binary",
        3,
        1,
        "the file holds binary data",
    ),
    Case(
        "merge-conflict markers",
        "extra.yaml",
        text("tasks:\n<<<<<<< HEAD\n  - id: PL.9\n=======\n  - id: PL.10\n>>>>>>> branch\n"),
        "yaml-merge-conflict",
        2,
        1,
        "unresolved merge-conflict marker '<<<<<<<'",
    ),
    # --- schema -------------------------------------------------------------------------
    Case(
        "unknown field with a near miss",
        "extra.yaml",
        text(TASK.replace("    deadline:", "    deadine: {}\n    deadline:")),
        "schema-unknown-field",
        5,
        5,
        "unknown field 'deadine' (did you mean 'deadline'?)",
    ),
    Case(
        "missing required field",
        "extra.yaml",
        text(TASK.replace('    content: "Nội dung"\n', "")),
        "schema-missing-field",
        2,
        5,
        "missing required field 'content'",
    ),
    Case(
        "wrong type",
        "extra.yaml",
        text(TASK.replace("lead: [VP]", "lead: VP")),
        "schema-type",
        4,
        11,
        "'lead' should be a list, not a text string ('VP'); write it as a list: [VP]",
    ),
    Case(
        "impossible date",
        "extra.yaml",
        text(TASK.replace("2024-06-30", "2024-02-30")),
        "schema-date",
        6,
        11,
        "'2024-02-30' is not a real calendar date (day is out of range for month)",
    ),
    Case(
        "day-first date where ISO is expected",
        "extra.yaml",
        text(TASK.replace("2024-06-30", "25/01/2024")),
        "schema-date",
        6,
        11,
        "'25/01/2024' is not a date in the expected format YYYY-MM-DD (ISO 8601); "
        "write it as 2024-01-25",
    ),
    Case(
        "percent over 100",
        "extra.yaml",
        text(
            TASK + "    updates:\n      - {date: 2024-03-01, status: in_progress, percent: 120}\n"
        ),
        "schema-range",
        8,
        58,
        "'percent' must be ≤ 100 (a percentage), got 120",
    ),
    Case(
        "negative count",
        "extra.yaml",
        text(
            "targets:\n  - id: X.1:schools\n    ref: X.1\n    text: t\n    measure: schools\n"
            "    op: '>='\n    value: -3\n    unit: count\n    period: 2024\n"
        ),
        "schema-range",
        7,
        12,
        "'value' must be ≥ 0 (it cannot be negative), got -3",
    ),
    Case(
        "not a mapping of sections",
        "extra.yaml",
        text("- id: PL.9\n"),
        "schema-type",
        1,
        1,
        "a plan file must be a mapping of sections",
    ),
    Case(
        "unknown section",
        "extra.yaml",
        text("taks: []\n"),
        "schema-unknown-section",
        1,
        1,
        "unknown section 'taks' (did you mean 'tasks'?)",
    ),
    Case(
        "unknown status",
        "extra.yaml",
        text(TASK + "    status: finished\n"),
        "schema-value",
        7,
        13,
        "'status' is 'finished', which is not one of: not_started, in_progress, done, cancelled",
    ),
    Case(
        "deadline with two kinds",
        "extra.yaml",
        text(TASK + "      before: 2024-06-01\n"),
        "schema-value",
        5,
        5,
        "a deadline needs exactly one of 'before', 'by', 'window' or 'recurring' "
        "(found: before, by)",
    ),
    # --- cross-file ---------------------------------------------------------------------
    Case(
        "duplicate task id in two files",
        "tasks2.yaml",
        text(TASK.replace("PL.9", "PL.1")),
        "duplicate-id",
        2,
        9,
        "duplicate task id 'PL.1': already defined at ",
    ),
    Case(
        "unknown unit",
        "extra.yaml",
        text(TASK.replace("lead: [VP]", "lead: [TCBB]")),
        "unknown-ref",
        4,
        12,
        "unknown unit 'TCBB' (did you mean 'TCCB'?)",
    ),
    Case(
        "unknown target",
        "extra.yaml",
        text(TASK + '    targets: ["II.6:on_time_rat"]\n'),
        "unknown-ref",
        7,
        15,
        "unknown target 'II.6:on_time_rat' (did you mean 'II.6:on_time_rate'?)",
    ),
    Case(
        "unknown area",
        "extra.yaml",
        text(TASK + "    areas: [III.l.a]\n"),
        "unknown-ref",
        7,
        13,
        "unknown area 'III.l.a' (did you mean 'III.1.a'?)",
    ),
    Case(
        "date outside the plan year",
        "extra.yaml",
        text(TASK.replace("2024-06-30", "2025-06-30")),
        "date-outside-year",
        6,
        11,
        "PL.9: 2025-06-30 is outside the plan year 2024",
    ),
    Case(
        "done without evidence",
        "extra.yaml",
        text(TASK + "    status: done\n"),
        "done-without-evidence",
        7,
        13,
        "task PL.9 is done but no update gives evidence",
    ),
    # --- hostile ------------------------------------------------------------------------
    Case(
        "python object tag",
        "extra.yaml",
        text("tasks:\n  - !!python/object/apply:os.system ['touch pwned']\n"),
        "yaml-tag",
        2,
        5,
        "tag '!!python/object/apply:os.system' is not allowed in a plan file",
    ),
    Case(
        "custom tag",
        "extra.yaml",
        text("tasks:\n  - !include other.yaml\n"),
        "yaml-tag",
        2,
        5,
        "tag '!include' is not allowed in a plan file",
    ),
]


def findings(cli: Invoke, plan: Path) -> tuple[int, list[dict[str, object]], str]:
    run = cli(["validate", "--plan", plan, "--format", "json"])
    return run.exit_code, json.loads(run.stdout), run.stderr


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_is_located(cli: Invoke, minimal_plan: Path, case: Case) -> None:
    (minimal_plan / case.file).write_bytes(case.content)
    code, found, stderr = findings(cli, minimal_plan)
    assert code == 1
    assert "Traceback" not in stderr
    matching = [f for f in found if f["code"] == case.code]
    assert matching, f"no {case.code} finding in {found}"
    finding = matching[0]
    assert case.message in str(finding["message"])
    assert str(finding["file"]).endswith(f"plan/{case.file}")
    assert (finding["line"], finding["column"]) == (case.line, case.column)
    assert finding["level"] == "error"


def test_text_format_points_at_file_line_column(cli: Invoke, minimal_plan: Path) -> None:
    (minimal_plan / "extra.yaml").write_text(TASK.replace("lead: [VP]", "lead: [TCBB]"))
    run = cli(["validate", "--plan", minimal_plan])
    assert run.exit_code == 1
    line = next(line for line in run.stdout.splitlines() if "unknown-ref" in line)
    assert line.endswith(
        "extra.yaml:4:12: [error] unknown-ref: task PL.9: unknown unit 'TCBB' "
        "(did you mean 'TCCB'?)"
    )
    assert "invalid" in run.stdout


def test_github_format(cli: Invoke, minimal_plan: Path) -> None:
    (minimal_plan / "extra.yaml").write_text(TASK.replace("lead: [VP]", "lead: [TCBB]"))
    run = cli(["validate", "--plan", minimal_plan, "--format", "github"])
    assert run.exit_code == 1
    assert "::error file=" in run.stdout
    assert "extra.yaml,line=4,col=12::unknown-ref: task PL.9: unknown unit 'TCBB'" in run.stdout


def test_all_problems_are_reported_at_once(cli: Invoke, minimal_plan: Path) -> None:
    (minimal_plan / "broken.yaml").write_text('tasks:\n  - id: "PL.9\n')
    (minimal_plan / "extra.yaml").write_text(
        TASK.replace("2024-06-30", "2024-02-30").replace("[VP]", "[TCBB]")
    )
    code, found, _ = findings(cli, minimal_plan)
    assert code == 1
    assert {f["code"] for f in found} >= {"yaml-unclosed-quote", "unknown-ref", "schema-date"}


def test_an_invalid_unit_does_not_cascade(cli: Invoke, minimal_plan: Path) -> None:
    """A unit that fails its schema is still known: references to it are not errors."""
    (minimal_plan / "extra.yaml").write_text(
        "units:\n  - code: KHTC\n    name: Phòng KHTC\n    kind: departement\n"
        + TASK.replace("lead: [VP]", "lead: [KHTC]")
    )
    _, found, _ = findings(cli, minimal_plan)
    assert [f["code"] for f in found] == ["schema-value"]


def test_alias_bomb_is_refused_quickly(cli: Invoke, minimal_plan: Path) -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level, name in enumerate("bcdefghi"):
        previous = "abcdefghi"[level]
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    (minimal_plan / "extra.yaml").write_text("\n".join(lines) + "\n")
    started = time.perf_counter()
    code, found, _ = findings(cli, minimal_plan)
    elapsed = time.perf_counter() - started
    assert code == 1
    assert [f["code"] for f in found] == ["yaml-alias-bomb"]
    assert "refusing to read it" in str(found[0]["message"])
    assert elapsed < 1.0


def test_python_tag_constructs_nothing(
    cli: Invoke, minimal_plan: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    (minimal_plan / "extra.yaml").write_text(
        "tasks:\n  - !!python/object/apply:os.system ['touch pwned']\n"
        "units:\n  - !!python/object/new:pathlib.Path ['x']\n"
    )
    code, found, _ = findings(cli, minimal_plan)
    assert code == 1
    assert found[0]["code"] == "yaml-tag"
    assert not (tmp_path / "pwned").exists()
