"""The safe YAML reader: plain data only, located problems, hostile input refused."""

from __future__ import annotations

import pytest
import yaml

from cchc_cli.loading.locate import locate
from cchc_cli.loading.yaml_safe import MAX_EXPANDED_NODES, YamlProblem, parse_yaml


def problem(text: str) -> YamlProblem:
    with pytest.raises(YamlProblem) as caught:
        parse_yaml(text)
    return caught.value


def test_dates_stay_strings_and_equals_is_text() -> None:
    data = parse_yaml("day: 2024-01-25\nop: =\nwhen: 2024-01-25 10:00:00\n").data
    assert data == {"day": "2024-01-25", "op": "=", "when": "2024-01-25 10:00:00"}


def test_merge_keys_and_small_aliases_are_fine() -> None:
    text = "base: &b {lead: [VP], status: done}\ntask:\n  <<: *b\n  status: in_progress\n"
    data = parse_yaml(text).data
    assert data["task"] == {"lead": ["VP"], "status": "in_progress"}


def test_duplicate_key_next_to_a_merge_is_still_found() -> None:
    text = "base: &b {x: 1}\ntask:\n  <<: *b\n  y: 1\n  y: 2\n"
    found = problem(text)
    assert (found.code, found.line, found.column) == ("yaml-duplicate-key", 5, 3)


def test_ampersand_inside_words_does_not_trigger_the_alias_walk() -> None:
    assert parse_yaml("units: ['GDTX&ĐH']\n").data == {"units": ["GDTX&ĐH"]}


def test_alias_bomb_limit() -> None:
    width = 100
    levels = ["a0: &a0 [" + ",".join(["x"] * width) + "]"]
    for level in range(1, 4):  # 100^4 = 10^8 values once expanded
        refs = ",".join([f"*a{level - 1}"] * width)
        levels.append(f"a{level}: &a{level} [{refs}]")
    found = problem("\n".join(levels) + "\n")
    assert found.code == "yaml-alias-bomb"
    assert f"{MAX_EXPANDED_NODES:,}" in found.message


@pytest.mark.parametrize(
    "tag", ["!!python/object:os.system", "!!python/name:os.system", "!!binary", "!!set", "!x"]
)
def test_every_non_core_tag_is_refused(tag: str) -> None:
    found = problem(f"a: {tag} aGVsbG8=\n")
    assert found.code == "yaml-tag"
    assert f"tag '{tag}" in found.message


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    found = problem("a: " + "[" * 10_000 + "]" * 10_000 + "\n")
    assert found.code in {"yaml-syntax", "yaml-too-deep"}


def test_locate_points_at_values_keys_and_missing_fields() -> None:
    root = parse_yaml("tasks:\n  - id: PL.1\n    lead: [VP, TCCB]\n").root
    assert locate(root, ("tasks", 0, "lead", 1)) == (3, 16)
    assert locate(root, ("tasks", 0, "lead"), "key") == (3, 5)
    assert locate(root, ("tasks", 0, "lead")) == (3, 5)  # a list is pointed at by its key
    assert locate(root, ("tasks", 0, "content")) == (2, 5)  # missing: the mapping lacking it
    assert locate(root, ("tasks", 7)) == (1, 1)  # past the end: the list, by its key
    assert locate(None, ("tasks",)) == (1, 1)


def test_reader_agrees_with_libyaml_on_plain_data() -> None:
    text = "a: [1, 2.5, true, null, 'x']\nb: {c: d}\n"
    assert parse_yaml(text).data == yaml.safe_load(text)


def test_billion_laughs_is_refused_with_bounded_memory() -> None:
    import tracemalloc

    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level, name in enumerate("bcdefghi"):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{'abcdefghi'[level]}"] * 9) + "]")
    tracemalloc.start()
    try:
        found = problem("\n".join(lines) + "\n")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert found.code == "yaml-alias-bomb"
    assert peak < 5_000_000  # bytes: the 10^9-value expansion is never built


@pytest.mark.parametrize(
    "text",
    ["units: &a [*a]\n", "plan: &p {again: *p}\n", "a: &a\n  - b: [1, *a]\n"],
)
def test_a_recursive_alias_is_refused_at_its_anchor(text: str) -> None:
    found = problem(text)
    assert found.code == "yaml-recursive-alias"
    assert found.line == 1


@pytest.mark.parametrize(
    "separator_before_anchor", ["\u2028", "\x85", "\u2029", ""], ids=["ls", "nel", "ps", "json"]
)
def test_anchors_after_any_line_break_or_json_key_are_checked(
    separator_before_anchor: str,
) -> None:
    parts = [f'"l0":{separator_before_anchor}&l0 [' + ",".join(["x"] * 10) + "]"]
    for level in range(1, 7):
        refs = ",".join([f"*l{level - 1}"] * 10)
        parts.append(f'"l{level}":{separator_before_anchor}&l{level} [{refs}]')
    found = problem("{" + ",".join(parts) + "}\n")
    assert found.code == "yaml-alias-bomb"


def test_text_is_read_in_nfc_and_respellings_are_remembered() -> None:
    decomposed = "Ki\u0065\u0302\u0309m tra"  # "Kiểm tra" typed with combining marks
    parsed = parse_yaml(f'content: "{decomposed}"\n')
    assert parsed.data == {"content": "Kiểm tra"}
    assert parsed.respelled == {"Kiểm tra": decomposed}
