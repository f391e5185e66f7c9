"""Tests of fieldapp.domain.codes: credit codes, equipment codes, usage registration numbers."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fieldapp.domain.codes import (
    CREDIT_CODE_ALPHABET,
    CREDIT_CODE_WEIGHTS,
    EquipmentCode,
    check_usage_registration_number,
    credit_code_check_char,
    make_credit_code,
    normalise_code,
    parse_equipment_code,
    validate_credit_code,
)
from fieldapp.errors import ValidationError

VALID_CREDIT_CODES = ("91110000600037341L", "91350100M000100Y43")
TODAY = datetime.date(2026, 3, 1)


def credit_problem(text: str) -> str:
    with pytest.raises(ValidationError) as info:
        validate_credit_code(text)
    assert set(info.value.problems) == {"credit_code"}
    return info.value.problems["credit_code"]


def equipment_problem(text: str) -> str:
    with pytest.raises(ValidationError) as info:
        parse_equipment_code(text, today=TODAY)
    assert set(info.value.problems) == {"equipment_code"}
    return info.value.problems["equipment_code"]


# --- normalise_code --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("  abc  ", "ABC"),
        ("ａｂｃ１２３", "ABC123"),
        ("91 1100 00\t6000 37341l", "91110000600037341L"),
        ("\u3000３１１０\u3000", "3110"),
        ("梯11闽E3622（16）", "梯11闽E3622(16)"),
        ("", ""),
    ],
)
def test_normalise_code(raw: str, expected: str) -> None:
    assert normalise_code(raw) == expected


# --- credit codes ----------------------------------------------------------------------------


def test_alphabet_and_weights() -> None:
    assert len(CREDIT_CODE_ALPHABET) == 31
    assert not set("IOSVZ") & set(CREDIT_CODE_ALPHABET)
    assert tuple(pow(3, i, 31) for i in range(17)) == CREDIT_CODE_WEIGHTS


@pytest.mark.parametrize("code", VALID_CREDIT_CODES)
def test_valid_examples(code: str) -> None:
    assert validate_credit_code(code) == code
    assert credit_code_check_char(code[:17]) == code[17]
    assert make_credit_code(code[:17]) == code


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("91110000600037341l", "91110000600037341L"),
        ("  91110000600037341L\n", "91110000600037341L"),
        ("９１１１００００６０００３７３４１Ｌ", "91110000600037341L"),
        ("９１３５０１００ｍ０００１００ｙ４３", "91350100M000100Y43"),
        ("9135 0100 M000 100Y 43", "91350100M000100Y43"),
    ],
)
def test_lower_case_full_width_and_spaces_normalise(raw: str, expected: str) -> None:
    assert validate_credit_code(raw) == expected


@pytest.mark.parametrize(
    "first17",
    ["91110108MA01ABCDE", "12100000400000000", "Y1110000000000000", "00000000000000000"],
)
def test_generated_codes_validate(first17: str) -> None:
    code = make_credit_code(first17)
    assert len(code) == 18
    assert validate_credit_code(code) == code


def _single_changes(code: str) -> list[str]:
    variants = []
    for i, original in enumerate(code):
        for ch in CREDIT_CODE_ALPHABET:
            if ch != original:
                variants.append(code[:i] + ch + code[i + 1 :])
    return variants


@pytest.mark.parametrize("code", VALID_CREDIT_CODES)
def test_every_single_character_change_is_rejected(code: str) -> None:
    variants = _single_changes(code)
    assert len(variants) == 18 * 30
    for variant in variants:
        message = credit_problem(variant)
        assert "校验位" in message
        assert "check character" in message


def test_wrong_check_character_names_the_expected_one() -> None:
    message = credit_problem("91110000600037341M")
    assert "“L”" in message
    assert "'L'" in message
    assert " / " in message


@pytest.mark.parametrize("length", [1, 5, 15, 16, 17, 19, 20, 36])
def test_wrong_length_says_how_many(length: int) -> None:
    text = ("91110000600037341L" * 3)[:length]
    message = credit_problem(text)
    assert f"实际为{length}位" in message
    assert f"got {length}" in message


def test_empty_is_rejected() -> None:
    assert "为空" in credit_problem("")
    assert "empty" in credit_problem("   ")


@pytest.mark.parametrize("letter", list("IOSVZ"))
@pytest.mark.parametrize("position", [1, 9, 18])
def test_forbidden_letters_are_named_with_position(letter: str, position: int) -> None:
    code = VALID_CREDIT_CODES[0]
    text = code[: position - 1] + letter + code[position:]
    message = credit_problem(text)
    assert f"第{position}位" in message
    assert f"“{letter}”" in message
    assert f"position {position}" in message
    assert "I、O、S、V、Z" in message
    assert "I, O, S, V and Z" in message


@pytest.mark.parametrize("bad", ["-", "#", "中", "_", "."])
def test_other_characters_are_named(bad: str) -> None:
    text = "9111000060003734" + bad + "L"
    message = credit_problem(text)
    assert "第17位" in message
    assert f"“{bad}”" in message


def test_lower_case_forbidden_letter_is_reported_upper_case() -> None:
    message = credit_problem("91110000600037341o")
    assert "“O”" in message


def test_check_char_input_errors() -> None:
    with pytest.raises(ValidationError, match="got 16"):
        credit_code_check_char("9111000060003734")
    with pytest.raises(ValidationError, match="position 3"):
        credit_code_check_char("91I10000600037341")
    with pytest.raises(ValidationError):
        make_credit_code("91110000600037341L")


_alphabet = st.sampled_from(CREDIT_CODE_ALPHABET)
_first17 = st.text(alphabet=CREDIT_CODE_ALPHABET, min_size=17, max_size=17)


@given(_first17)
def test_any_17_chars_plus_check_char_validate(first17: str) -> None:
    code = first17 + credit_code_check_char(first17)
    assert validate_credit_code(code) == code
    assert validate_credit_code(code.lower()) == code


@given(_first17, st.integers(min_value=0, max_value=17), _alphabet)
def test_any_single_change_fails(first17: str, position: int, replacement: str) -> None:
    code = make_credit_code(first17)
    if code[position] == replacement:
        replacement = CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.index(replacement) + 1) % 31]
    changed = code[:position] + replacement + code[position + 1 :]
    with pytest.raises(ValidationError):
        validate_credit_code(changed)


@given(_first17, st.integers(min_value=0, max_value=16))
def test_any_adjacent_swap_of_different_chars_fails(first17: str, position: int) -> None:
    code = make_credit_code(first17)
    a, b = code[position], code[position + 1]
    if a == b:
        return
    swapped = code[:position] + b + a + code[position + 2 :]
    # Weights differ for adjacent positions, but a swap can still collide modulo 31 in rare
    # cases; check that the function agrees with the formula either way.
    ok = credit_code_check_char(swapped[:17]) == swapped[17]
    if ok:
        assert validate_credit_code(swapped) == swapped
    else:
        with pytest.raises(ValidationError):
            validate_credit_code(swapped)


# --- equipment codes -------------------------------------------------------------------------


def test_registration_code_example() -> None:
    parsed = parse_equipment_code("31103506002016053337", today=TODAY)
    assert parsed == EquipmentCode(
        kind="registration_code",
        text="31103506002016053337",
        catalogue_code="3110",
        year=2016,
        month=5,
        region="350600",
        sequence="3337",
        warnings=(),
    )


@pytest.mark.parametrize(
    ("text", "variety", "year", "region"),
    [
        ("311035001201900001", "3110", 2019, "35"),
        ("331010123202312345", "3310", 2023, "10"),
        ("4D0022001202000007", "4D00", 2020, "22"),
        ("6A0011002201500003", "6A00", 2015, "11"),
        ("23T032005202400001", "23T0", 2024, "32"),
    ],
)
def test_device_code_examples(text: str, variety: str, year: int, region: str) -> None:
    parsed = parse_equipment_code(text, today=TODAY)
    assert parsed.kind == "device_code"
    assert parsed.text == text
    assert parsed.catalogue_code == variety
    assert parsed.year == year
    assert parsed.month is None
    assert parsed.region == region
    assert parsed.sequence == text[13:]
    assert parsed.warnings == ()


def test_equipment_code_is_normalised() -> None:
    parsed = parse_equipment_code(" ３１１０ 3506 0020 1605 3337 ", today=TODAY)
    assert parsed.text == "31103506002016053337"
    assert parse_equipment_code("4d0022001202000007", today=TODAY).catalogue_code == "4D00"


@pytest.mark.parametrize("length", [0, 1, 4, 17, 19, 21, 30])
def test_wrong_lengths(length: int) -> None:
    text = ("3110350600201605333712345678901")[:length]
    message = equipment_problem(text)
    assert "18" in message
    assert "20" in message
    if length:
        assert f"实际为{length}位" in message
        assert f"got {length}" in message


@pytest.mark.parametrize(
    ("text", "positions"),
    [
        ("3110350X0201605333", "5–9"),  # device: manufacturer code
        ("31103500120A900001", "10–13"),  # device: year
        ("3110350012019000O1", "14–18"),  # device: serial
        ("0110350012019000001"[:18], "1–4"),  # device: class digit 0
        ("31-0350012019000001"[:18], "1–4"),
        ("3110A506002016053337", "5–10"),  # registration: region
        ("311035060020160X3337", "11–16"),  # registration: year-month
        ("3110350600201605333A", "17–20"),  # registration: sequence
        ("R0003506002016053337", "1–4"),  # not a catalogue shape
    ],
)
def test_wrong_characters_name_the_part(text: str, positions: str) -> None:
    message = equipment_problem(text)
    assert positions in message
    assert " / " in message


@pytest.mark.parametrize("month", ["00", "13", "99"])
def test_registration_month_out_of_range_is_an_error(month: str) -> None:
    message = equipment_problem(f"31103506002016{month}3337")
    assert "01–12" in message
    assert month in message


def test_old_catalogue_code_gives_warning() -> None:
    parsed = parse_equipment_code("3C103506002016053337", today=TODAY)
    assert parsed.catalogue_code == "3C10"
    assert len(parsed.warnings) == 1
    assert "3C10" in parsed.warnings[0]
    assert "2014" in parsed.warnings[0]
    device = parse_equipment_code("6C1022001201500001", today=TODAY)
    assert any("6C10" in w for w in device.warnings)


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("311035001194900001", 1949),
        ("311035001202800001", 2028),
        ("31103506001900053337", 1900),
        ("31103506002099053337", 2099),
    ],
)
def test_implausible_year_warns(text: str, year: int) -> None:
    parsed = parse_equipment_code(text, today=TODAY)
    assert parsed.year == year
    assert any(str(year) in w and "implausible" in w for w in parsed.warnings)


@pytest.mark.parametrize(
    "text", ["311035001195000001", "311035001202700001", "31103506001950013337"]
)
def test_boundary_years_do_not_warn(text: str) -> None:
    assert parse_equipment_code(text, today=TODAY).warnings == ()


def test_year_bound_follows_today() -> None:
    text = "311035001202800001"
    assert parse_equipment_code(text, today=datetime.date(2027, 1, 1)).warnings == ()
    assert parse_equipment_code(text, today=datetime.date(2026, 1, 1)).warnings != ()


def test_unknown_regions_warn() -> None:
    device = parse_equipment_code("311099001201900001", today=TODAY)
    assert any("99" in w for w in device.warnings)
    registration = parse_equipment_code("31100006002016053337", today=TODAY)
    assert any("000600" in w for w in registration.warnings)


def test_default_today_is_used() -> None:
    assert parse_equipment_code("31103506002016053337").warnings == ()


# --- usage registration numbers --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("梯11闽E3622(16)", "梯11闽E3622(16)"),
        ("容17吉A00123(19)", "容17吉A00123(19)"),
        ("梯11闽E3622（16）", "梯11闽E3622(16)"),
        (" 梯 11 吉 a 00123 〔19〕 ", "梯11吉A00123(19)"),
        ("起D0吉B0042(21)", "起D0吉B0042(21)"),
        ("游A0吉H0007", "游A0吉H0007"),
        ("车11吉C12345(20)", "车11吉C12345(20)"),
        ("锅10吉J0001(18)", "锅10吉J0001(18)"),
        ("管21吉A0003(22)", "管21吉A0003(22)"),
        ("索11吉F0001(15)", "索11吉F0001(15)"),
        ("瓶31吉G000001(23)", "瓶31吉G000001(23)"),
        ("氧41吉A0002(17)", "氧41吉A0002(17)"),
    ],
)
def test_usage_numbers_in_the_usual_shape_give_no_warning(raw: str, expected: str) -> None:
    assert check_usage_registration_number(raw) == (expected, [])


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("梯11X3622(16)", "usual shape"),  # no province
        ("梯1闽E3622(16)", "usual shape"),  # one digit only
        ("梯11闽3622(16)", "usual shape"),  # no city letter
        ("梯11闽E(16)", "usual shape"),  # no sequence
        ("梯11闽E3622(2016)", "usual shape"),  # 4-digit year
        ("梯11闽E3622(16", "usual shape"),
        ("电11闽E3622(16)", "class character"),
        ("梯99闽E3622(16)", "3990"),
        ("容17火A00123(19)", "province"),
        ("31103506002016053337", "usual shape"),
        ("???", "usual shape"),
        ("x", "usual shape"),
    ],
)
def test_odd_usage_numbers_warn(raw: str, fragment: str) -> None:
    normalised, warnings = check_usage_registration_number(raw)
    assert normalised
    assert warnings
    assert any(fragment in w for w in warnings)
    assert all(" / " in w for w in warnings)


@pytest.mark.parametrize("raw", ["", "   ", "\u3000"])
def test_empty_usage_number_gives_nothing(raw: str) -> None:
    assert check_usage_registration_number(raw) == ("", [])


@given(st.text(min_size=1, max_size=40))
def test_usage_number_check_never_raises(raw: str) -> None:
    normalised, warnings = check_usage_registration_number(raw)
    assert isinstance(normalised, str)
    assert all(isinstance(w, str) for w in warnings)
    if normalised:
        assert "（" not in normalised and "）" not in normalised
