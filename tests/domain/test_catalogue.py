"""Tests of fieldapp.domain.catalogue: the 2014 catalogue and the Jilin district table."""

from __future__ import annotations

import csv

import pytest

from fieldapp.domain.catalogue import (
    CATALOGUE_CODE_RE,
    CatalogueEntry,
    District,
    catalogue,
    city_of,
    class_name_zh,
    district_name,
    districts,
    equipment_class,
    is_known_district,
    lookup_catalogue_code,
)
from fieldapp.errors import ValidationError
from fieldapp.paths import resource

CLASSES = {
    "1000": "锅炉",
    "2000": "压力容器",
    "3000": "电梯",
    "4000": "起重机械",
    "5000": "场（厂）内专用机动车辆",
    "6000": "大型游乐设施",
    "7000": "压力管道元件",
    "8000": "压力管道",
    "9000": "客运索道",
    "F000": "安全附件",
}

# Codes named in domain.md §6 and in the design brief, with their exact 2014 names.
REQUIRED = {
    "3100": "曳引与强制驱动电梯",
    "3110": "曳引驱动乘客电梯",
    "3120": "曳引驱动载货电梯",
    "3130": "强制驱动载货电梯",
    "3200": "液压驱动电梯",
    "3210": "液压乘客电梯",
    "3220": "液压载货电梯",
    "3300": "自动扶梯与自动人行道",
    "3310": "自动扶梯",
    "3320": "自动人行道",
    "3400": "其它类型电梯",
    "3410": "防爆电梯",
    "3420": "消防员电梯",
    "3430": "杂物电梯",
    "6100": "观览车类",
    "6200": "滑行车类",
    "6300": "架空游览车类",
    "6400": "陀螺类",
    "6500": "飞行塔类",
    "6600": "转马类",
    "6700": "自控飞机类",
    "6800": "赛车类",
    "6900": "小火车类",
    "6A00": "碰碰车类",
    "6B00": "滑道类",
    "6D00": "水上游乐设施",
    "6E00": "无动力游乐设施",
    "8100": "长输管道",
    "8110": "输油管道",
    "8120": "输气管道",
    "8200": "公用管道",
    "8210": "燃气管道",
    "8220": "热力管道",
    "8300": "工业管道",
    "8310": "工艺管道",
    "8320": "动力管道",
    "8330": "制冷管道",
    "1100": "承压蒸汽锅炉",
    "1200": "承压热水锅炉",
    "1300": "有机热载体锅炉",
    "1310": "有机热载体气相炉",
    "1320": "有机热载体液相炉",
    "2100": "固定式压力容器",
    "2110": "超高压容器",
    "2130": "第三类压力容器",
    "2150": "第二类压力容器",
    "2170": "第一类压力容器",
    "2200": "移动式压力容器",
    "2210": "铁路罐车",
    "2220": "汽车罐车",
    "2230": "长管拖车",
    "2240": "罐式集装箱",
    "2250": "管束式集装箱",
    "2300": "气瓶",
    "2310": "无缝气瓶",
    "2320": "焊接气瓶",
    "2400": "氧舱",
    "2410": "医用氧舱",
    "2420": "高气压舱",
    "4100": "桥式起重机",
    "4110": "通用桥式起重机",
    "4130": "防爆桥式起重机",
    "4140": "绝缘桥式起重机",
    "4150": "冶金桥式起重机",
    "4170": "电动单梁起重机",
    "4190": "电动葫芦桥式起重机",
    "4200": "门式起重机",
    "4210": "通用门式起重机",
    "4220": "防爆门式起重机",
    "4230": "轨道式集装箱门式起重机",
    "4240": "轮胎式集装箱门式起重机",
    "4250": "岸边集装箱起重机",
    "4260": "造船门式起重机",
    "4270": "电动葫芦门式起重机",
    "4280": "装卸桥",
    "4290": "架桥机",
    "4300": "塔式起重机",
    "4310": "普通塔式起重机",
    "4320": "电站塔式起重机",
    "4400": "流动式起重机",
    "4410": "轮胎起重机",
    "4420": "履带起重机",
    "4440": "集装箱正面吊运起重机",
    "4450": "铁路起重机",
    "4700": "门座式起重机",
    "4710": "门座起重机",
    "4760": "固定式起重机",
    "4800": "升降机",
    "4860": "施工升降机",
    "4870": "简易升降机",
    "4900": "缆索式起重机",
    "4A00": "桅杆式起重机",
    "4D00": "机械式停车设备",
    "5100": "机动工业车辆",
    "5110": "叉车",
    "5200": "非公路用旅游观光车辆",
    "7100": "压力管道管子",
    "7200": "压力管道管件",
    "7300": "压力管道阀门",
    "7400": "压力管道法兰",
    "7500": "补偿器",
    "7700": "压力管道密封元件",
    "7T00": "压力管道特种元件",
    "9100": "客运架空索道",
    "9110": "往复式客运架空索道",
    "9120": "循环式客运架空索道",
    "9200": "客运缆车",
    "9210": "往复式客运缆车",
    "9220": "循环式客运缆车",
    "9300": "客运拖牵索道",
    "9310": "低位客运拖牵索道",
    "9320": "高位客运拖牵索道",
    "7310": "安全阀",
    "F220": "爆破片装置",
    "F230": "紧急切断阀",
    "F260": "气瓶阀门",
}


# --- the catalogue table ---------------------------------------------------------------------


def test_csv_header_and_unique_codes() -> None:
    with resource("data", "catalogue_2014.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["code", "parent", "level", "name_zh", "name_en"]
    codes = [row[0] for row in rows[1:]]
    assert len(codes) == len(set(codes))
    assert len(codes) == len(catalogue())
    assert all(len(row) == 5 for row in rows)


def test_catalogue_is_cached() -> None:
    assert catalogue() is catalogue()


def test_top_level_classes() -> None:
    top = {code: e.name_zh for code, e in catalogue().items() if e.level == 1}
    assert top == CLASSES


@pytest.mark.parametrize(("code", "name"), sorted(REQUIRED.items()))
def test_required_codes_present(code: str, name: str) -> None:
    assert catalogue()[code].name_zh == name


def test_special_cylinders_and_piping_rows() -> None:
    table = catalogue()
    assert table["23T0"].name_zh.startswith("特种气瓶")
    assert table["23T0"].parent == "2300"
    for code in ("7110", "71F0", "7320", "73F0", "7410", "7510", "7710", "7T10", "7TZ0"):
        assert table[code].level == 3


def test_every_row_is_well_formed() -> None:
    table = catalogue()
    for code, entry in table.items():
        assert isinstance(entry, CatalogueEntry)
        assert entry.code == code
        assert CATALOGUE_CODE_RE.fullmatch(code)
        assert entry.name_zh.strip() and entry.name_en.strip()
        assert entry.level in (1, 2, 3)


def test_parents_exist_and_levels_are_consistent() -> None:
    table = catalogue()
    for code, entry in table.items():
        if entry.level == 1:
            assert entry.parent is None
            assert code.endswith("000")
            continue
        assert entry.parent in table, code
        parent = table[entry.parent]
        assert parent.level < entry.level, code
        if entry.level == 2:
            assert parent.level == 1
            assert code.endswith("00") and code[0] == parent.code[0]
        else:
            assert not code.endswith("00"), code
            # Varieties share the first two characters of their category, except the
            # safety-accessory rows, which sit directly under F000 (7310 as printed).
            if parent.level == 2:
                assert code[:2] == parent.code[:2], code
            else:
                assert parent.code == "F000", code


def test_names_look_chinese() -> None:
    for entry in catalogue().values():
        assert any("\u4e00" <= ch <= "\u9fff" for ch in entry.name_zh)


# --- lookup_catalogue_code -------------------------------------------------------------------


def test_lookup_known_code() -> None:
    check = lookup_catalogue_code("3110")
    assert check.entry == catalogue()["3110"]
    assert check.warning is None
    assert check.code == "3110"


def test_lookup_normalises() -> None:
    assert lookup_catalogue_code(" ６ａ００ ").entry == catalogue()["6A00"]
    assert lookup_catalogue_code("23t0").entry == catalogue()["23T0"]


@pytest.mark.parametrize("code", ["3C10", "4B00", "4C00", "6C00", "6D30", "5120", "8900", "F210"])
def test_old_code_accepted_with_warning(code: str) -> None:
    check = lookup_catalogue_code(code)
    assert check.entry is None
    assert check.warning is not None
    assert code in check.warning
    assert "不在2014版《特种设备目录》中，按旧代码接受" in check.warning
    assert "not in the 2014 catalogue; accepted as an older code" in check.warning


@pytest.mark.parametrize(
    "code",
    ["", "   ", "311", "31100", "0110", "A000", "R300", "G000", "31-0", "3 1", "梯110", "3ａ"],
)
def test_garbage_raises(code: str) -> None:
    with pytest.raises(ValidationError) as info:
        lookup_catalogue_code(code)
    assert set(info.value.problems) == {"catalogue_code"}
    assert " / " in info.value.problems["catalogue_code"]


# --- equipment_class / class_name_zh ---------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("3110", "3000"),
        ("3000", "3000"),
        ("3100", "3000"),
        ("6A00", "6000"),
        ("6d10", "6000"),
        ("23T0", "2000"),
        ("4D00", "4000"),
        ("7TZ0", "7000"),
        ("F220", "F000"),
        ("7310", "F000"),  # safety valves belong to 安全附件 in the 2014 table
        ("3C10", "3000"),  # older code: by first character
        ("6C00", "6000"),
        ("F999", "F000"),
    ],
)
def test_equipment_class(code: str, expected: str) -> None:
    assert equipment_class(code) == expected


def test_equipment_class_rejects_garbage() -> None:
    with pytest.raises(ValidationError):
        equipment_class("R310")


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("3110", "电梯"),
        ("6A00", "大型游乐设施"),
        ("5110", "场（厂）内专用机动车辆"),
        ("9ZZ0", "客运索道"),
    ],
)
def test_class_name_zh(code: str, name: str) -> None:
    assert class_name_zh(code) == name


# --- districts -------------------------------------------------------------------------------

JILIN_CITIES = {
    "220100": ("长春市", "A"),
    "220200": ("吉林市", "B"),
    "220300": ("四平市", "C"),
    "220400": ("辽源市", "D"),
    "220500": ("通化市", "E"),
    "220600": ("白山市", "F"),
    "220700": ("松原市", "J"),
    "220800": ("白城市", "G"),
    "222400": ("延边朝鲜族自治州", "H"),
}

DOMAIN_DISTRICTS = {
    "220102": "南关区",
    "220103": "宽城区",
    "220104": "朝阳区",
    "220105": "二道区",
    "220106": "绿园区",
    "220112": "双阳区",
    "220113": "九台区",
    "220202": "昌邑区",
    "220203": "龙潭区",
    "220204": "船营区",
    "220211": "丰满区",
    "222401": "延吉市",
}


def test_district_csv_header() -> None:
    with resource("data", "districts_jilin.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["code", "name_zh", "parent", "letter"]
    codes = [row[0] for row in rows[1:]]
    assert len(codes) == len(set(codes)) == len(districts())


def test_province_row() -> None:
    province = districts()["220000"]
    assert province == District(code="220000", name_zh="吉林省", parent=None, letter=None)


def test_prefecture_rows_and_letters() -> None:
    table = districts()
    cities = {code: (d.name_zh, d.letter) for code, d in table.items() if d.parent == "220000"}
    assert cities == JILIN_CITIES
    letters = [letter for _, letter in JILIN_CITIES.values()]
    assert len(set(letters)) == len(letters)


@pytest.mark.parametrize(("code", "name"), sorted(DOMAIN_DISTRICTS.items()))
def test_domain_districts_present(code: str, name: str) -> None:
    assert district_name(code) == name
    assert is_known_district(code)


def test_every_district_has_an_existing_city() -> None:
    table = districts()
    county_level = [d for d in table.values() if d.parent not in (None, "220000")]
    assert len(county_level) >= 50
    for district in county_level:
        assert district.parent in table
        assert table[district.parent].parent == "220000"
        assert city_of(district.code) == district.parent
        assert district.letter is None
        assert district.code.startswith("22")


@pytest.mark.parametrize(
    ("code", "city"),
    [
        ("220102", "220100"),
        ("220184", "220100"),
        ("222401", "222400"),
        ("222426", "222400"),
        ("220881", "220800"),
        ("220100", "220100"),
        ("220199", "220100"),  # well-formed but not in the table: computed from the code
        (" ２２０１０２ ", "220100"),
    ],
)
def test_city_of(code: str, city: str) -> None:
    assert city_of(code) == city


@pytest.mark.parametrize("code", ["220000", "", "2201", "22010A", "2201021"])
def test_city_of_rejects(code: str) -> None:
    with pytest.raises(ValidationError) as info:
        city_of(code)
    assert set(info.value.problems) == {"district"}


def test_unknown_district() -> None:
    assert not is_known_district("110101")
    assert not is_known_district("")
    with pytest.raises(ValidationError) as info:
        district_name("110101")
    assert "110101" in info.value.problems["district"]


def test_districts_cached() -> None:
    assert districts() is districts()
