"""Every number ``cchc kpi`` gives on a generated export, pinned to a golden file.

The golden file was written by the code as it stood before the import was reworked for
speed (issue 10); a change of how an export is read must leave every figure, every
count of rows set aside and every line named in ``--rejects`` as they were. The export
is ``cchc sample-data`` (its own dirty rows: impossible dates, results before receipts,
numbers exported twice) plus a second monthly file with hand-made trouble: a dossier
already in the first file, one repeated with other content, an empty number, a due
date that is not a date, and a quoted cell spanning two lines.

Regenerate (only when a change of the numbers is intended and explained):
``CCHC_UPDATE_GOLDEN=1 pytest tests/measure/test_golden_numbers.py``.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from tests.conftest import SHIPPED_PLAN, Invoke

GOLDEN = Path(__file__).parent / "golden" / "kpi-sample-5000.json"
KPI = [
    "kpi",
    "--year",
    "2024",
    "--as-of",
    "2025-01-10",
    "--format",
    "json",
    "--by",
    "quarter",
    "--by",
    "unit",
    "--by",
    "procedure",
]


def _second_export(first: Path) -> str:
    """A second month's export: five good rows and five kinds of trouble."""
    lines = first.read_text(encoding="utf-8-sig").splitlines()
    header, again = lines[0], lines[10]
    fields = again.split(";")
    fresh = [
        f"000.00.19.H26-241201-9{index:07d};{';'.join(fields[1:4])};0{index + 1}/12/2024 08:00;"
        f"1{index}/12/2024;0{index + 5}/12/2024;{';'.join(fields[7:])}"
        for index in range(5)
    ]
    other = fresh[1].split(";")
    other[4], other[6] = "03/12/2024 09:30", "04/12/2024"
    trouble = [
        again,  # a dossier the first file holds already (same row)
        ";".join(other),  # fresh[1] again, other content
        ";" + ";".join(fields[1:]),  # no dossier number
        fresh[2].replace("12/12/2024", "12/13/2024").replace("000.00", "111.00"),  # bad due
        f'"{fields[0]}-Q";{fields[1]};"{fields[2]}\nsecond line";{";".join(fields[3:])}',
    ]
    return "\ufeff" + "\n".join([header, *fresh[:3], trouble[0], *fresh[3:], *trouble[1:]]) + "\n"


def _normalise(text: str, plan: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(text.replace(str(plan), "PLAN"))
    for dataset in data["datasets"]:  # type: ignore[attr-defined]
        dataset.pop("imported")  # 2 on the first run, 0 on a cached one
    data.pop("rejects")
    return data


def test_numbers_match_the_golden_file(cli: Invoke, tmp_path: Path) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(SHIPPED_PLAN, plan, ignore=shutil.ignore_patterns(".cchc", "ho-so-*.csv"))
    made = cli(["--plan", plan, "sample-data", "--rows", 5000, "--seed", 7, "-o", plan / "data"])
    assert made.exit_code == 0, made.output
    first = plan / "data" / "ho-so-tthc.csv"
    (plan / "data" / "ho-so-tthc-12.csv").write_text(_second_export(first), encoding="utf-8")
    runs = []
    for rejects in ("first.csv", "cached.csv", None):
        args = ["--plan", plan, *KPI] + (["--rejects", tmp_path / rejects] if rejects else [])
        run = cli(args)
        assert run.exit_code == 0, run.output
        runs.append(_normalise(run.stdout, plan))
    rejected = (tmp_path / "first.csv").read_text(encoding="utf-8-sig")
    assert rejected == (tmp_path / "cached.csv").read_text(encoding="utf-8-sig")
    found = {"kpi": runs[0], "rejects": rejected.replace(str(plan), "PLAN").splitlines()}
    if os.environ.get("CCHC_UPDATE_GOLDEN") or not GOLDEN.exists():
        GOLDEN.write_text(json.dumps(found, ensure_ascii=False, indent=1) + "\n", "utf-8")
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert runs[1] == runs[0] == runs[2]
    assert found == expected
