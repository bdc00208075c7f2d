"""`cchc export`: the validated plan as JSON, and the schema editors use."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_cli.model import PlanFile
from tests.conftest import SHIPPED_PLAN, Invoke


def test_export_is_stable_complete_and_valid_again(cli: Invoke) -> None:
    first = cli(["export", "--plan", "plan"])
    assert first.exit_code == 0, first.output
    assert first.stdout == cli(["export", "--plan", "plan", "--format", "json"]).stdout
    data = json.loads(first.stdout)
    assert list(data) == [
        "plan",
        "units",
        "areas",
        "targets",
        "tasks",
        "duties",
        "calendar",
        "datasets",
        "reports",
        "scorecards",
        "revision",  # the revision stamp: which commit the export comes from
    ]
    assert set(data.pop("revision")) == {"text", "commit", "tag", "branch", "modified"}
    assert [task["id"] for task in data["tasks"]] == [f"PL.{n}" for n in range(1, 20)]
    assert all(target["id"] and target["ref"] for target in data["targets"])
    assert data["plan"]["signer"]["name"] == "Phạm Quốc Hiệu"
    assert "Sở Giáo dục và Đào tạo" in first.stdout  # no \\u escapes
    PlanFile.model_validate(data)  # the export is itself a valid plan file


def test_export_to_a_file(cli: Invoke, tmp_path: Path) -> None:
    target = tmp_path / "plan.json"
    run = cli(["export", "--plan", "plan", "-o", target])
    assert run.exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["plan"]["year"] == 2024


def test_export_refuses_an_invalid_plan(cli: Invoke, minimal_plan: Path) -> None:
    (minimal_plan / "extra.yaml").write_text("tasks:\n  - id: PL.9\n")
    run = cli(["export", "--plan", minimal_plan])
    assert run.exit_code == 1
    assert run.stdout == ""
    assert "[error] schema-missing-field: missing required field 'content'" in run.stderr
    assert "is not valid (3 error(s))" in run.stderr


def test_shipped_schema_is_up_to_date(cli: Invoke) -> None:
    """plan/schema/ is what editors read; `make schema` regenerates it."""
    run = cli(["export", "--schema"])
    shipped = (SHIPPED_PLAN / "schema" / "cchc-plan.schema.json").read_text(encoding="utf-8")
    assert run.stdout == shipped, "run `make schema` to regenerate plan/schema/"
    schema = json.loads(run.stdout)
    assert set(schema["properties"]) >= {"plan", "units", "tasks", "targets", "duties"}
    assert schema["additionalProperties"] is False


def test_every_plan_file_points_at_the_schema() -> None:
    for path in sorted(SHIPPED_PLAN.glob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == "# yaml-language-server: $schema=./schema/cchc-plan.schema.json", path
