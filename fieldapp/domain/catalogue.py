"""Reference tables: the 2014 特种设备目录 and the GB/T 2260 districts of Jilin.

Both tables are data shipped in ``resources/data/`` so that a province can correct them
without a code change; this module reads each once (``functools.cache``) and never writes.

``catalogue_2014.csv`` — 《特种设备目录》, 质检总局 2014年第114号公告 (2014-10-30), columns
``code,parent,level,name_zh,name_en``; level 1 = 种类, 2 = 类别, 3 = 品种. Provenance: typed from
the published annex (codes and Chinese names as printed), cross-checked against code tables
of two public supervision/inspection systems; the English names are our own glosses. Two
quirks of the published table are kept as printed:

* the 安全附件 (F000) rows are varieties listed directly under the 种类, and the safety valve
  keeps its piping-valve code ``7310`` although it belongs to F000;
* rides only have varieties under 6D00 (水上游乐设施) and 6E00 (无动力游乐设施).

Less certain rows (kept, because every system we know uses them): 7210/7220/7230 (管件
names) and ``73T0`` 特种阀门.

``districts_jilin.csv`` — GB/T 2260 codes of 吉林省 (province, its nine prefecture-level
divisions and their county-level divisions as of the 2020s, e.g. 公主岭市 220184 under 长春),
columns ``code,name_zh,parent,letter``; ``letter`` is the registration-plate city letter
(吉A 长春 …) on prefecture-level rows. The letters are believed, not confirmed.

Codes that were in force before 2014 still appear on older records:
:func:`lookup_catalogue_code` accepts any well-formed 4-character code and warns when it is
not in the 2014 table.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fieldapp.errors import ValidationError
from fieldapp.paths import resource

__all__ = [
    "CatalogueCheck",
    "CatalogueEntry",
    "District",
    "catalogue",
    "city_of",
    "class_name_zh",
    "district_name",
    "districts",
    "equipment_class",
    "is_known_district",
    "lookup_catalogue_code",
]

CATALOGUE_FILE = ("data", "catalogue_2014.csv")
DISTRICTS_FILE = ("data", "districts_jilin.csv")

#: A catalogue code of the right shape: class digit 1–9 or F, then three of [0-9A-Z].
CATALOGUE_CODE_RE = re.compile(r"[1-9F][0-9A-Z]{3}")
_DISTRICT_CODE_RE = re.compile(r"[0-9]{6}")


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """One row of the 2014 catalogue: a 种类 (level 1), 类别 (2) or 品种 (3)."""

    code: str
    parent: str | None
    level: int
    name_zh: str
    name_en: str


@dataclass(frozen=True, slots=True)
class CatalogueCheck:
    """The result of :func:`lookup_catalogue_code`.

    ``entry`` is the 2014 row, or ``None`` for an older code; ``warning`` (Chinese / English)
    is set exactly when ``entry`` is ``None``.
    """

    code: str
    entry: CatalogueEntry | None
    warning: str | None


@dataclass(frozen=True, slots=True)
class District:
    """One GB/T 2260 division: province, prefecture-level city/prefecture, or county-level."""

    code: str
    name_zh: str
    parent: str | None
    letter: str | None


def _normalise(text: str) -> str:
    # Same rule as fieldapp.domain.codes.normalise_code (kept here to avoid an import cycle).
    return "".join(unicodedata.normalize("NFKC", text).split()).upper()


def _read_rows(path: Path) -> list[dict[str, str]]:
    # utf-8-sig: tolerate a BOM left by a spreadsheet program when a province edits the file.
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [
            {key.strip(): (value or "").strip() for key, value in row.items() if key is not None}
            for row in csv.DictReader(handle)
        ]


@cache
def catalogue() -> dict[str, CatalogueEntry]:
    """All rows of the 2014 catalogue by code, in file order.

    Raises ``OSError`` if the shipped table is missing and ``ValueError`` if a row is malformed
    (both are packaging bugs, not user errors).
    """
    entries: dict[str, CatalogueEntry] = {}
    for row in _read_rows(resource(*CATALOGUE_FILE)):
        code = row["code"].upper()
        if not CATALOGUE_CODE_RE.fullmatch(code):
            raise ValueError(f"catalogue_2014.csv: bad code {code!r}")
        if code in entries:
            raise ValueError(f"catalogue_2014.csv: duplicate code {code!r}")
        entries[code] = CatalogueEntry(
            code=code,
            parent=row["parent"].upper() or None,
            level=int(row["level"]),
            name_zh=row["name_zh"],
            name_en=row["name_en"],
        )
    return entries


def _catalogue_shape_error(raw: str, code: str) -> ValidationError:
    shown = code or raw.strip()
    return ValidationError(
        {
            "catalogue_code": (
                f"目录代码“{shown}”格式不对：应为4位，首位为1–9或F，其后3位为数字或大写字母"
                f"（如3110、6A00、23T0） / catalogue code {shown!r} is malformed: expected 4 "
                "characters, the first 1–9 or F, then three digits or capital letters "
                "(e.g. 3110, 6A00, 23T0)"
            )
        }
    )


def lookup_catalogue_code(code: str) -> CatalogueCheck:
    """Look a 4-character catalogue code up in the 2014 table.

    The input is normalised (trimmed, full-width → half-width, upper case). A code in the
    table gives its entry and no warning; a well-formed code not in the table is accepted
    as an older (pre-2014) code with a warning.

    Raises ``ValidationError({"catalogue_code": ...})`` if the code is not of the shape
    ``[1-9F][0-9A-Z]{3}``.
    """
    normalised = _normalise(code)
    if not CATALOGUE_CODE_RE.fullmatch(normalised):
        raise _catalogue_shape_error(code, normalised)
    entry = catalogue().get(normalised)
    if entry is not None:
        return CatalogueCheck(code=normalised, entry=entry, warning=None)
    warning = (
        f"目录代码 {normalised} 不在2014版《特种设备目录》中，按旧代码接受 / "
        f"{normalised} is not in the 2014 catalogue; accepted as an older code"
    )
    return CatalogueCheck(code=normalised, entry=None, warning=warning)


def equipment_class(code: str) -> str:
    """The top-level 种类 code of a catalogue code: ``"3000"`` for ``"3110"``.

    Codes in the 2014 table follow their parents (so the safety valve ``7310`` gives
    ``"F000"``); older codes go by their first character (``"6C10"`` → ``"6000"``).

    Raises ``ValidationError({"catalogue_code": ...})`` for a malformed code.
    """
    check = lookup_catalogue_code(code)
    table = catalogue()
    entry = check.entry
    while entry is not None and entry.parent is not None:
        entry = table[entry.parent]
    if entry is not None:
        return entry.code
    return check.code[0] + "000"


def class_name_zh(code: str) -> str:
    """The Chinese name of the 种类 a catalogue code belongs to: ``"电梯"`` for ``"3110"``.

    Raises ``ValidationError({"catalogue_code": ...})`` for a malformed code, or when an
    older code's first character names no class in the 2014 table.
    """
    top = equipment_class(code)
    entry = catalogue().get(top)
    if entry is None:
        raise ValidationError(
            {
                "catalogue_code": (
                    f"目录代码“{_normalise(code)}”的首位不对应任何设备种类 / "
                    f"the first character of {_normalise(code)!r} names no equipment class"
                )
            }
        )
    return entry.name_zh


@cache
def districts() -> dict[str, District]:
    """All rows of the Jilin GB/T 2260 table by code, in file order.

    Raises ``OSError`` if the shipped table is missing and ``ValueError`` if a row is malformed.
    """
    result: dict[str, District] = {}
    for row in _read_rows(resource(*DISTRICTS_FILE)):
        code = row["code"]
        if not _DISTRICT_CODE_RE.fullmatch(code):
            raise ValueError(f"districts_jilin.csv: bad code {code!r}")
        if code in result:
            raise ValueError(f"districts_jilin.csv: duplicate code {code!r}")
        result[code] = District(
            code=code,
            name_zh=row["name_zh"],
            parent=row["parent"] or None,
            letter=row["letter"].upper() or None,
        )
    return result


def _district_error(code: str, why_zh: str, why_en: str) -> ValidationError:
    return ValidationError(
        {"district": f"行政区划代码“{code}”{why_zh} / district code {code!r} {why_en}"}
    )


def is_known_district(code: str) -> bool:
    """Whether ``code`` (after normalisation) is in the district table. Never raises."""
    return _normalise(code) in districts()


def district_name(code: str) -> str:
    """The Chinese name of a district code: ``"南关区"`` for ``"220102"``.

    Raises ``ValidationError({"district": ...})`` if the code is not in the table.
    """
    normalised = _normalise(code)
    district = districts().get(normalised)
    if district is None:
        raise _district_error(normalised, "不在行政区划表中", "is not in the district table")
    return district.name_zh


def city_of(code: str) -> str:
    """The prefecture-level code a district belongs to: ``"220100"`` for ``"220102"``.

    Works from the code itself (the first four digits + ``"00"``), so it also answers for a
    well-formed code missing from the table; a prefecture-level code gives itself.

    Raises ``ValidationError({"district": ...})`` if the code is not six digits or is a
    province-level code (``xx0000``).
    """
    normalised = _normalise(code)
    if not _DISTRICT_CODE_RE.fullmatch(normalised):
        raise _district_error(normalised, "应为6位数字", "must be 6 digits")
    if normalised.endswith("0000"):
        raise _district_error(
            normalised, "是省级代码，没有所属地市", "is a province, not in a city"
        )
    return normalised[:4] + "00"
