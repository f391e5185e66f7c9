"""Identifier checks: 统一社会信用代码, 设备代码 / 注册代码, 使用登记证编号.

Pure functions. The only data they consult is the shipped reference catalogue (through
:mod:`fieldapp.domain.catalogue`, read once and cached).

Messages are Chinese first, then English after `` / ``, and say exactly what is wrong.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass
from typing import Final, Literal

from fieldapp.domain.catalogue import CATALOGUE_CODE_RE, catalogue, lookup_catalogue_code
from fieldapp.errors import ValidationError

__all__ = [
    "CREDIT_CODE_ALPHABET",
    "CREDIT_CODE_WEIGHTS",
    "EquipmentCode",
    "check_usage_registration_number",
    "credit_code_check_char",
    "make_credit_code",
    "normalise_code",
    "parse_equipment_code",
    "validate_credit_code",
]


def normalise_code(text: str) -> str:
    """Trim, fold full-width to half-width (NFKC), upper-case and drop all inner whitespace.

    Never raises.
    """
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


# --------------------------------------------------------------------------------------------
# 统一社会信用代码 (GB 32100-2015)

#: The 31 characters of GB 32100-2015; the value of a character is its index.
CREDIT_CODE_ALPHABET: Final = "0123456789ABCDEFGHJKLMNPQRTUWXY"
#: Weights of positions 1–17 (3^(i-1) mod 31).
CREDIT_CODE_WEIGHTS: Final = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_CREDIT_VALUES: Final = {ch: i for i, ch in enumerate(CREDIT_CODE_ALPHABET)}
_CREDIT_FIELD: Final = "credit_code"
_NEVER_USED_ZH: Final = "统一社会信用代码不使用 I、O、S、V、Z"
_NEVER_USED_EN: Final = "I, O, S, V and Z are never used"


def _credit_error(message: str) -> ValidationError:
    return ValidationError({_CREDIT_FIELD: message})


def _bad_credit_char(ch: str, position: int) -> ValidationError:
    return _credit_error(
        f"第{position}位字符“{ch}”不允许：只能用数字和大写字母（{_NEVER_USED_ZH}） / "
        f"character {ch!r} at position {position} is not allowed: only digits and capital "
        f"letters ({_NEVER_USED_EN})"
    )


def _check_credit_chars(code: str) -> None:
    for position, ch in enumerate(code, start=1):
        if ch not in _CREDIT_VALUES:
            raise _bad_credit_char(ch, position)


def _check_char(first17: str) -> str:
    total = sum(_CREDIT_VALUES[ch] * w for ch, w in zip(first17, CREDIT_CODE_WEIGHTS, strict=True))
    return CREDIT_CODE_ALPHABET[(31 - total % 31) % 31]


def credit_code_check_char(first17: str) -> str:
    """The check character (position 18) for the first 17 characters of a credit code.

    The input is normalised first (see :func:`normalise_code`).

    Raises ``ValidationError({"credit_code": ...})`` if the input is not 17 characters long
    or holds a character outside the GB 32100 alphabet.
    """
    code = normalise_code(first17)
    if len(code) != 17:
        raise _credit_error(
            f"计算校验位需要前17位，实际为{len(code)}位 / "
            f"the check character needs the first 17 characters, got {len(code)}"
        )
    _check_credit_chars(code)
    return _check_char(code)


def make_credit_code(first17: str) -> str:
    """A complete, valid 18-character credit code: ``first17`` plus its check character.

    Raises ``ValidationError({"credit_code": ...})`` like :func:`credit_code_check_char`.
    """
    code = normalise_code(first17)
    return code + credit_code_check_char(code)


def validate_credit_code(text: str) -> str:
    """Check a 统一社会信用代码 and return it normalised.

    Input is trimmed, full-width characters are folded to half-width, letters upper-cased
    and inner spaces removed before checking.

    Raises ``ValidationError({"credit_code": msg})`` where ``msg`` names the problem: empty
    input, wrong length (with the number of characters given), a character not allowed
    (with its position), or a wrong check character (with the expected one).
    """
    code = normalise_code(text)
    if not code:
        raise _credit_error("统一社会信用代码为空 / the credit code is empty")
    if len(code) != 18:
        raise _credit_error(
            f"统一社会信用代码应为18位，实际为{len(code)}位 / "
            f"a credit code has 18 characters, got {len(code)}"
        )
    _check_credit_chars(code)
    expected = _check_char(code[:17])
    if code[17] != expected:
        raise _credit_error(
            f"校验位错误：第18位应为“{expected}”，实际为“{code[17]}”（请核对前17位是否抄错） / "
            f"wrong check character: position 18 should be {expected!r}, not {code[17]!r} "
            "(check the first 17 characters for a typo)"
        )
    return code


# --------------------------------------------------------------------------------------------
# 设备代码 (TSG 08-2017) and 注册代码 (older)

_EQUIPMENT_FIELD: Final = "equipment_code"
_EXPECTED_ZH: Final = (
    "设备代码为18位：品种代码4位 + 制造单位代号5位 + 制造年份4位 + 顺序号5位；"
    "注册代码为20位：设备类别代码4位 + 行政区划代码6位 + 注册年月6位 + 顺序号4位"
)
_EXPECTED_EN: Final = (
    "expected an 18-character device code (variety code 4 + manufacturer code 5 + year of "
    "manufacture 4 + serial 5) or a 20-digit registration code (class 4 + GB/T 2260 region 6 "
    "+ registration year-month 6 + sequence 4)"
)
#: First two digits of GB/T 2260 province-level codes (incl. 71 台湾, 81 香港, 82 澳门).
_PROVINCE_BLOCKS: Final = (range(11, 16), range(21, 24), range(31, 38), range(41, 47))
_PROVINCE_BLOCKS_2: Final = (range(50, 55), range(61, 66), (71, 81, 82))
PROVINCE_PREFIXES: Final = frozenset(
    str(n) for block in (*_PROVINCE_BLOCKS, *_PROVINCE_BLOCKS_2) for n in block
)
_EARLIEST_YEAR: Final = 1950


@dataclass(frozen=True, slots=True)
class EquipmentCode:
    """A parsed 设备代码 (``kind="device_code"``) or 注册代码 (``kind="registration_code"``).

    ``catalogue_code`` is the first four characters (variety / class code); ``region`` is
    the 2-digit licensing region of the manufacturer code (device code) or the 6-digit
    GB/T 2260 code (registration code); ``month`` is set for registration codes only.
    """

    kind: Literal["device_code", "registration_code"]
    text: str
    catalogue_code: str
    year: int
    month: int | None
    region: str
    sequence: str
    warnings: tuple[str, ...]


def _equipment_error(detail: str) -> ValidationError:
    return ValidationError({_EQUIPMENT_FIELD: detail})


# (start, end, label_zh, label_en, pattern) of each part; positions are 1-based, inclusive.
_Part = tuple[int, int, str, str, re.Pattern[str]]
_DIGITS: Final = re.compile(r"[0-9]+")
_DEVICE_PARTS: Final[tuple[_Part, ...]] = (
    (1, 4, "品种代码", "variety code", CATALOGUE_CODE_RE),
    (5, 9, "制造单位代号", "manufacturer code", _DIGITS),
    (10, 13, "制造年份", "year of manufacture", _DIGITS),
    (14, 18, "顺序号", "serial number", _DIGITS),
)
_REGISTRATION_PARTS: Final[tuple[_Part, ...]] = (
    (1, 4, "设备类别代码", "class code", CATALOGUE_CODE_RE),
    (5, 10, "行政区划代码", "region code", _DIGITS),
    (11, 16, "注册年月", "registration year-month", _DIGITS),
    (17, 20, "顺序号", "sequence number", _DIGITS),
)


def _check_parts(code: str, parts: tuple[_Part, ...], name_zh: str, name_en: str) -> None:
    for start, end, label_zh, label_en, pattern in parts:
        piece = code[start - 1 : end]
        if pattern.fullmatch(piece):
            continue
        if pattern is CATALOGUE_CODE_RE:
            want_zh, want_en = (
                "首位为1–9或F、其后3位为数字或大写字母",
                "1–9 or F, then 3 of 0-9/A-Z",
            )
        else:
            want_zh, want_en = "全为数字", "digits only"
        raise _equipment_error(
            f"{name_zh}第{start}–{end}位（{label_zh}）“{piece}”应{want_zh} / "
            f"{name_en}: positions {start}–{end} ({label_en}) {piece!r} must be {want_en}"
        )


def _year_warning(year: int, what_zh: str, what_en: str, today: datetime.date) -> str | None:
    if _EARLIEST_YEAR <= year <= today.year + 1:
        return None
    return (
        f"{what_zh}{year}年不合常理（应在{_EARLIEST_YEAR}–{today.year + 1}年之间），请核对 / "
        f"{what_en} {year} is implausible (expected {_EARLIEST_YEAR}–{today.year + 1}); "
        "please check"
    )


def parse_equipment_code(text: str, today: datetime.date | None = None) -> EquipmentCode:
    """Parse an 18-character 设备代码 or a 20-character 注册代码.

    Input is normalised (see :func:`normalise_code`). Warnings, not errors: a catalogue code
    not in the 2014 table (older code), a year before 1950 or after next year, a region
    prefix that is not a GB/T 2260 province (or "10", national, for manufacturer codes).
    ``today`` defaults to the current date.

    Raises ``ValidationError({"equipment_code": msg})`` when the input is empty, has another
    length, has a wrong character in one of the parts (the message names the positions and
    the part), or is a registration code whose month is 00 or above 12.
    """
    today = today or datetime.date.today()
    code = normalise_code(text)
    if not code:
        raise _equipment_error(f"设备代码/注册代码为空。{_EXPECTED_ZH} / empty; {_EXPECTED_EN}")
    warnings: list[str] = []
    if len(code) == 18:
        _check_parts(code, _DEVICE_PARTS, "设备代码", "device code")
        region, year, sequence = code[4:6], int(code[9:13]), code[13:18]
        if region != "10" and region not in PROVINCE_PREFIXES:
            warnings.append(
                f"制造单位代号前两位“{region}”不是省级行政区划代码或“10”（国家级） / "
                f"manufacturer code region {region!r} is neither a province code nor 10 "
                "(national)"
            )
        year_warning = _year_warning(year, "制造年份", "year of manufacture", today)
        kind: Literal["device_code", "registration_code"] = "device_code"
        month: int | None = None
    elif len(code) == 20:
        _check_parts(code, _REGISTRATION_PARTS, "注册代码", "registration code")
        region, year, month, sequence = code[4:10], int(code[10:14]), int(code[14:16]), code[16:]
        if not 1 <= month <= 12:
            raise _equipment_error(
                f"注册代码第15–16位（注册月份）“{code[14:16]}”应为01–12 / "
                f"registration code: positions 15–16 (month) {code[14:16]!r} must be 01–12"
            )
        if region[:2] not in PROVINCE_PREFIXES:
            warnings.append(
                f"行政区划代码“{region}”的前两位不是省级代码 / "
                f"region code {region!r} does not start with a province code"
            )
        year_warning = _year_warning(year, "注册年份", "registration year", today)
        kind = "registration_code"
    else:
        raise _equipment_error(
            f"长度不对：实际为{len(code)}位。{_EXPECTED_ZH} / "
            f"wrong length: got {len(code)} characters; {_EXPECTED_EN}"
        )
    catalogue_code = code[:4]
    check = lookup_catalogue_code(catalogue_code)
    if check.warning is not None:
        warnings.insert(0, check.warning)
    if year_warning is not None:
        warnings.append(year_warning)
    return EquipmentCode(
        kind=kind,
        text=code,
        catalogue_code=catalogue_code,
        year=year,
        month=month,
        region=region,
        sequence=sequence,
        warnings=tuple(warnings),
    )


# --------------------------------------------------------------------------------------------
# 使用登记证编号 (format not confirmed: warn, never refuse)

#: Class character → class digit of the catalogue (瓶 and 氧 are pressure vessels, 2xxx).
USAGE_CLASS_CHARS: Final = {
    "锅": "1",
    "容": "2",
    "瓶": "2",
    "氧": "2",
    "梯": "3",
    "起": "4",
    "车": "5",
    "游": "6",
    "管": "8",
    "索": "9",
}
#: Province abbreviations as on registration plates.
PROVINCE_ABBREVIATIONS: Final = frozenset(
    "京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川贵云藏陕甘青宁新"
)
_BRACKETS: Final = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "［": "(", "］": ")"})
_USAGE_RE: Final = re.compile(
    r"(?P<cls>.)(?P<cat>[0-9A-Z]{2})(?P<prov>.)(?P<letter>[A-Z])(?P<seq>[0-9]+)"
    r"(?:\((?P<yy>[0-9]{2})\))?"
)
_USAGE_EXAMPLE: Final = "梯11吉A00123(19)"


def check_usage_registration_number(text: str) -> tuple[str, list[str]]:
    """Normalise a 使用登记证编号 and list what looks odd about it.

    Expected shape: class character (锅 容 瓶 氧 管 梯 起 索 游 车) + two catalogue digits
    + province abbreviation + city letter + sequence + optional ``(yy)``, e.g.
    ``梯11闽E3622(16)``. The format is not confirmed, so this only warns.

    Returns ``(normalised, warnings)``; brackets are folded to half-width ``()``. Empty input
    gives ``("", [])``. Never raises.
    """
    code = normalise_code(text).translate(_BRACKETS)
    if not code:
        return "", []
    warnings: list[str] = []
    match = _USAGE_RE.fullmatch(code)
    if match is None:
        warnings.append(
            f"使用登记证编号“{code}”与常见格式（类别字 + 2位代码 + 省简称 + 地市字母 + 顺序号"
            f" + (年份)，如{_USAGE_EXAMPLE}）不符，请核对 / usage registration number {code!r} "
            "does not have the usual shape (class character + 2 catalogue digits + province "
            f"+ city letter + sequence + (yy), e.g. {_USAGE_EXAMPLE}); please check"
        )
        return code, warnings
    cls, cat, prov = match["cls"], match["cat"], match["prov"]
    class_digit = USAGE_CLASS_CHARS.get(cls)
    if class_digit is None:
        warnings.append(
            f"类别字“{cls}”不是常见的设备类别代号（锅 容 瓶 氧 管 梯 起 索 游 车） / "
            f"class character {cls!r} is not one of 锅 容 瓶 氧 管 梯 起 索 游 车"
        )
    elif f"{class_digit}{cat}0" not in catalogue():
        warnings.append(
            f"“{cls}{cat}”对应的目录代码 {class_digit}{cat}0 不在2014版《特种设备目录》中 / "
            f"{cls}{cat} gives catalogue code {class_digit}{cat}0, which is not in the 2014 "
            "catalogue"
        )
    if prov not in PROVINCE_ABBREVIATIONS:
        warnings.append(
            f"“{prov}”不是省、自治区、直辖市简称 / {prov!r} is not a province abbreviation"
        )
    return code, warnings
