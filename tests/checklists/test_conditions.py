"""The condition language: parses what it should, refuses garbage clearly, never crashes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.checklists.conditions import (
    ConditionError,
    compile_condition,
    parse_condition,
    references,
)


def holds(
    text: str, answers: dict[str, object] | None = None, device: dict[str, object] | None = None
) -> bool:
    return compile_condition(parse_condition(text))(answers or {}, device or {})


@pytest.mark.parametrize(
    "text,answers,device,expected",
    [
        ('answer.EL-REG-02 == "fail"', {"EL-REG-02": "fail"}, {}, True),
        ('answer.EL-REG-02 == "fail"', {"EL-REG-02": "pass"}, {}, False),
        ('answer.EL-REG-02 == "fail"', {}, {}, False),
        ('answer.EL-REG-02 != "fail"', {}, {}, True),
        ("answer.X == null", {}, {}, True),
        ("answer.X != null", {"X": "na"}, {}, True),
        ("answer.N > 120", {"N": 121}, {}, True),
        ("answer.N > 120", {"N": 120}, {}, False),
        ("answer.N <= 1.5", {"N": 1.5}, {}, True),
        ("answer.N < 3", {}, {}, False),
        ("not answer.N < 3", {}, {}, True),
        ('answer.T in ["coaster", "tower"]', {"T": "tower"}, {}, True),
        ('answer.T in ["coaster", "tower"]', {"T": "carousel"}, {}, False),
        ('device.drive == "hydraulic"', {}, {"drive": "hydraulic"}, True),
        ("device.machine_room == false", {}, {}, False),
        ("device.machine_room == false", {}, {"machine_room": False}, True),
        ('device.catalogue_code startswith "32"', {}, {"catalogue_code": "3210"}, True),
        ('device.catalogue_code startswith "32"', {}, {"catalogue_code": "3110"}, False),
        ('device.catalogue_code startswith "32"', {}, {}, False),
        (
            'device.floors >= 10 and (answer.A == "fail" or answer.B == "fail")',
            {"B": "fail"},
            {"floors": 12},
            True,
        ),
        (
            'device.floors >= 10 and (answer.A == "fail" or answer.B == "fail")',
            {"B": "fail"},
            {"floors": "12"},
            False,
        ),
        ("true", {}, {}, True),
        ('"a\\"b" == "a\\"b"', {}, {}, True),
    ],
)
def test_evaluation(
    text: str, answers: dict[str, object], device: dict[str, object], expected: bool
) -> None:
    assert holds(text, answers, device) is expected


def test_references() -> None:
    node = parse_condition('answer.U05-A == "fail" and device.rated_speed_m_s > 2.5')
    assert [str(r) for r in references(node)] == ["answer.U05-A", "device.rated_speed_m_s"]


@pytest.mark.parametrize(
    "text,message",
    [
        ("", "empty condition"),
        ("answer", "'answer' needs a name"),
        ("answer.X == ", "expected a value but found 'the end'"),
        ('answer.X === "a"', "unexpected character '='"),
        ('answer.X in "a"', "'in' needs a list"),
        ("device.code startswith 3", "'startswith' needs a string"),
        ('os.system("x")', "unknown name 'os'"),
        ('__import__("os")', "unknown name '__import__'"),
        ("answer.X == 'single quotes'", "unexpected character"),
        ('(answer.X == "a"', "expected ')'"),
        ('answer.X == "a" answer.Y', "unexpected 'answer'"),
        ("[answer.X]", "lists may hold only literal values"),
        ("and", "'and' cannot stand here"),
        ("not " * 50 + "true", "nested too deeply"),
        ("(" * 50 + "true" + ")" * 50, "nested too deeply"),
        ("x" * 3000, "longer than 2000"),
    ],
)
def test_garbage_is_refused_clearly(text: str, message: str) -> None:
    with pytest.raises(
        ConditionError, match=message.replace("(", r"\(").replace(")", r"\)").replace("[", r"\[")
    ):
        parse_condition(text)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=80))
def test_any_text_parses_or_is_refused_with_a_position(text: str) -> None:
    try:
        node = parse_condition(text)
    except ConditionError as err:
        assert 0 <= err.position <= max(len(text), 2000)
        assert err.message
        return
    compile_condition(node)({}, {})  # whatever parses also evaluates without error


_ATOMS = st.sampled_from(
    [
        'answer.A == "pass"',
        'answer.B != "fail"',
        "answer.N > 3",
        "device.floors <= 10",
        'device.drive == "hydraulic"',
        'answer.C in ["x", "y"]',
        "true",
        "false",
        "answer.A == null",
        'device.catalogue_code startswith "3"',
    ]
)


def _expressions() -> st.SearchStrategy[str]:
    return st.recursive(
        _ATOMS,
        lambda inner: st.one_of(
            st.tuples(inner, st.sampled_from(["and", "or"]), inner).map(lambda t: " ".join(t)),
            inner.map(lambda e: f"not ({e})"),
            inner.map(lambda e: f"({e})"),
        ),
        max_leaves=12,
    )


@settings(max_examples=300, deadline=None)
@given(
    _expressions(),
    st.dictionaries(st.sampled_from("ABCN"), st.sampled_from(["pass", "fail", "na", "x", 5, 1])),
    st.dictionaries(
        st.sampled_from(["floors", "drive", "catalogue_code"]),
        st.sampled_from([3, 12, "hydraulic", "traction", "3210"]),
    ),
)
def test_generated_expressions_parse_and_evaluate(
    text: str, answers: dict[str, object], device: dict[str, object]
) -> None:
    result = holds(text, answers, device)
    assert isinstance(result, bool)
    assert holds(f"not ({text})", answers, device) is (not result)
