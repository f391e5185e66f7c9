"""A demo workspace: fictional using units and equipment across Jilin (shared/domain.md §8).

Every name, code and person here is invented. The content is drawn from
``random.Random(seed)`` and dated relative to ``today``, so the same seed on the same day
always gives the same units and devices (only the record ids, UUIDv7, differ).
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from fieldapp.domain.catalogue import city_of, district_name, districts
from fieldapp.domain.codes import CREDIT_CODE_ALPHABET, make_credit_code
from fieldapp.domain.ids import uuid7
from fieldapp.domain.models import (
    Equipment,
    EquipmentStatus,
    Officer,
    Role,
    Unit,
    validate_equipment,
    validate_officer,
    validate_unit,
)
from fieldapp.errors import UserError
from fieldapp.home import DB_NAME
from fieldapp.store import registry as reg
from fieldapp.workspace import OfficerProfile, Workspace

__all__ = ["DEMO_PROFILE", "DemoSummary", "build_demo"]

# --- data ---------------------------------------------------------------------------------

# fmt: off
DEMO_PROFILE = OfficerProfile(
    name="王建国", law_id="22010019001", organisation="长春市市场监督管理局",
    agency_code="长", officer_code="A07", phone="13604310719",
)
#: Colleagues of the same bureau: (name, 执法证号, officer code).
COLLEAGUES = (
    ("李红梅", "22010019002", "A08"), ("张志刚", "22010019003", "A09"),
    ("刘洋", "22010019004", "A11"), ("赵雪", "22010019005", "A12"),
)
#: Prefecture code → (short name used in unit names, telephone area code, streets).
CITIES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "220100": ("长春", "0431", ("人民大街", "解放大路", "自由大路", "亚泰大街", "卫星路")),
    "220200": ("吉林", "0432", ("解放中路", "吉林大街", "松江中路", "遵义东路")),
    "220300": ("四平", "0434", ("英雄大路", "紫气大路", "中央西路")),
    "220400": ("辽源", "0437", ("人民大街", "龙山路", "东吉大路")),
    "220500": ("通化", "0435", ("新华大街", "建设大街", "东昌路")),
    "220600": ("白山", "0439", ("浑江大街", "长白山大街")),
    "220700": ("松原", "0438", ("沿江东路", "锦江大街", "乌兰大街")),
    "220800": ("白城", "0436", ("中兴大路", "海明路", "新华大街")),
    "222400": ("延吉", "0433", ("光明街", "局子街", "人民路")),
}
#: Invented brand words; each unit gets a different one.
BRANDS = (
    "瑞丰", "鸿泰", "嘉禾", "华茂", "恒信", "润达", "东盛", "天和", "永安", "德润", "金源",
    "盛华", "北辰", "松苑", "博远", "汇通", "祥和", "锦程", "长青", "万和", "安泰", "兴业",
    "宏图", "明珠", "君悦", "富华", "新程", "泰丰", "和美", "雪峰", "鼎盛", "百合", "聚丰",
    "翠林", "御景", "悦城", "荣达", "佳禾", "凯旋", "华府", "同心", "银河", "星河", "正阳",
    "云海", "福瑞", "松涛", "鹿鸣", "晨曦", "远航", "长白", "启明",
)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭金崔朴"
GIVEN_NAMES = (
    "建国", "志强", "秀英", "桂芝", "玉兰", "海燕", "晓东", "立新", "春雷", "明辉", "丽华",
    "国庆", "宏伟", "淑珍", "雪梅", "德福", "子豪", "雨桐", "伟", "静", "磊", "敏", "勇",
    "娜", "军", "洋", "丹", "鹏飞", "红霞", "振华",
)
MAINTAINERS = ("吉林省瑞通电梯工程有限公司", "长春鸿运电梯安装维修有限公司",
               "吉林北安电梯服务有限公司")
#: Fictional makers (installers for pipelines) with their 5-digit manufacturer code.
MAKERS: dict[str, tuple[tuple[str, str], ...]] = {
    "boiler": (("哈尔滨北方锅炉有限公司", "23017"), ("吉林瑞丰锅炉制造有限公司", "22011")),
    "vessel": (("吉林华欣化工设备有限公司", "22025"), ("大连北海压力容器有限公司", "21144")),
    "lift": (("沈阳北辰电梯有限公司", "21031"), ("上海华信电梯有限公司", "31107"),
             ("苏州永升电梯有限公司", "32215"), ("广州恒达电梯有限公司", "44068"),
             ("吉林长兴电梯有限公司", "22009")),
    "crane": (("河南中岳起重机械有限公司", "41087"), ("长春重力起重设备有限公司", "22031")),
    "vehicle": (("安徽瑞合叉车有限公司", "34012"), ("广东绿行观光车有限公司", "44103")),
    "ride": (("中山华乐游艺机有限公司", "44207"), ("北京天际游乐设备有限公司", "11026")),
    "pipe": (("吉林省宏通管道安装工程有限公司", "22047"), ("辽宁北方管道工程有限公司", "21078")),
    "ropeway": (("北京瑞雪索道工程有限公司", "10003"),),
}
# fmt: on


@dataclass(frozen=True)
class DeviceType:
    """How to invent a device of one catalogue code."""

    reg_char: str  # class character of the 使用登记证编号
    makers: str  # key of MAKERS
    intervals: tuple[int, ...]  # months between periodic inspections (one is drawn)
    life: int  # design life, years
    number: str  # internal number, template over {n}
    model: str  # template over the attributes
    products: tuple[str, ...]
    places: tuple[str, ...]  # templates over {b}, the building
    attrs: dict[str, tuple[Any, ...]] = field(default_factory=dict)  # values to draw from


_LIFT = {"drive": ("traction",), "machine_room": (True, True, False)}
_STEPS = {"rated_speed_m_s": (0.5,), "step_width_mm": (800, 1000), "rise_m": (4.5, 5.0, 5.4)}
_RIDE = ("游", "ride", (12,), 15, "YL-{n:02d}")
_RIDE_PLACES = ("欢乐广场", "湖滨区", "梦幻区", "探险区")
_PIPE = ("管", "pipe", (36,), 30, "GD-{n:02d}", "DN{nominal_diameter_mm}-{design_pressure_mpa}MPa")
# fmt: off
DEVICES: dict[str, DeviceType] = {
    # code: (reg char, makers, intervals, life, internal number, model, products, places, attrs)
    "1100": DeviceType(
        "锅", "boiler", (12,), 20, "{n}号锅炉", "WNS{rated_evaporation_t_h}-1.25-Q",
        ("蒸汽锅炉",), ("锅炉房",), {"rated_evaporation_t_h": (2, 4, 6, 10)}),
    "1200": DeviceType(
        "锅", "boiler", (12,), 20, "{n}号锅炉", "QXL{rated_power_mw}-1.0/115/70-AII",
        ("热水锅炉",), ("锅炉房", "{b}锅炉房"), {"rated_power_mw": (7, 14, 29, 46)}),
    "2130": DeviceType(
        "容", "vessel", (36,), 20, "R-{n:02d}", "R{volume_m3}-{design_pressure_mpa}",
        ("液化石油气储罐", "液氨储罐", "反应釜"), ("罐区", "{b}"),
        {"volume_m3": (10, 20, 50), "design_pressure_mpa": (1.77, 2.16, 2.5)}),
    "2150": DeviceType(
        "容", "vessel", (36,), 20, "R-{n:02d}", "C{volume_m3}/{design_pressure_mpa}",
        ("储气罐", "分汽缸", "换热器"), ("空压站", "锅炉房", "换热站"),
        {"volume_m3": (1.0, 2.0, 3.0, 5.0), "design_pressure_mpa": (0.8, 1.0, 1.6)}),
    "2170": DeviceType(
        "容", "vessel", (36,), 20, "R-{n:02d}", "C{volume_m3}/{design_pressure_mpa}",
        ("储气罐", "分汽缸"), ("空压站", "锅炉房"),
        {"volume_m3": (0.5, 1.0), "design_pressure_mpa": (0.8, 1.0)}),
    "2410": DeviceType(
        "氧", "vessel", (12,), 20, "{n}号氧舱", "YC{chamber_diameter_mm}/{seats}",
        ("医用空气加压氧舱",), ("{b}高压氧治疗中心",),
        {"chamber_diameter_mm": (2800, 3200), "seats": (12, 16, 18)}),
    "3110": DeviceType(
        "梯", "lift", (12,), 20, "{n}号梯", "TKJ{rated_load_kg}/{rated_speed_m_s}-JXW",
        ("曳引驱动乘客电梯",), ("{b}东侧客梯", "{b}西侧客梯", "{b}中厅客梯", "{b}南侧客梯"),
        {"rated_speed_m_s": (1.0, 1.5, 1.75, 2.0, 2.5),
         "rated_load_kg": (630, 800, 1000, 1050, 1350, 1600), **_LIFT}),
    "3120": DeviceType(
        "梯", "lift", (12,), 20, "{n}号梯", "THJ{rated_load_kg}/{rated_speed_m_s}-JXW",
        ("曳引驱动载货电梯",), ("{b}货梯", "{b}后区货梯"),
        {"rated_speed_m_s": (0.5, 1.0), "rated_load_kg": (2000, 3000, 5000), **_LIFT}),
    "3210": DeviceType(
        "梯", "lift", (12,), 20, "{n}号梯", "TYJ{rated_load_kg}/{rated_speed_m_s}",
        ("液压乘客电梯",), ("{b}无障碍电梯", "{b}连廊电梯"),
        {"rated_speed_m_s": (0.4, 0.63), "rated_load_kg": (630, 800, 1000),
         "floors": (2, 3, 4), "drive": ("hydraulic",), "machine_room": (True,)}),
    "3310": DeviceType(
        "梯", "lift", (12,), 20, "{n}号扶梯", "FT{step_width_mm}-{inclination_deg}",
        ("自动扶梯",), ("{b}中庭扶梯", "{b}东侧扶梯", "{b}西侧扶梯"),
        {"inclination_deg": (30, 35), **_STEPS}),
    "3320": DeviceType(
        "梯", "lift", (12,), 20, "{n}号人行道", "RX{step_width_mm}-{inclination_deg}",
        ("自动人行道",), ("{b}超市坡道", "{b}换乘通道"), {"inclination_deg": (10, 12), **_STEPS}),
    "3420": DeviceType(
        "梯", "lift", (12,), 20, "{n}号梯", "TKJ{rated_load_kg}/{rated_speed_m_s}-XF",
        ("消防员电梯",), ("{b}消防电梯",),
        {"rated_speed_m_s": (1.5, 1.75), "rated_load_kg": (1000, 1050), **_LIFT}),
    "3430": DeviceType(
        "梯", "lift", (12,), 20, "{n}号杂物梯", "TWJ{rated_load_kg}/{rated_speed_m_s}",
        ("杂物电梯",), ("{b}备餐间", "{b}供应室"),
        {"rated_speed_m_s": (0.4,), "rated_load_kg": (100, 200, 250), "floors": (2, 3, 4, 5),
         "drive": ("traction",), "machine_room": (True,)}),
    "4110": DeviceType(
        "起", "crane", (12, 24), 20, "QZ-{n:02d}", "QD{rated_lifting_t}-{span_m}A5",
        ("通用桥式起重机",), ("{b}", "{b}东跨", "{b}西跨"),
        {"rated_lifting_t": (5, 10, 16, 20, 32), "span_m": (16.5, 19.5, 22.5),
         "lifting_height_m": (9, 12)}),
    "4310": DeviceType(
        "起", "crane", (12,), 15, "TC-{n:02d}", "QTZ{rated_moment_kn_m}",
        ("塔式起重机",), ("{b}施工现场",),
        {"rated_moment_kn_m": (63, 80, 125, 160), "jib_length_m": (50, 55, 60)}),
    "4D00": DeviceType(
        "起", "crane", (24,), 20, "TCS-{n:02d}", "PSH{levels}-{parking_spaces}",
        ("升降横移类机械式停车设备",), ("地下车库", "{b}停车楼"),
        {"levels": (2, 3), "parking_spaces": (24, 36, 48)}),
    "5110": DeviceType(
        "车", "vehicle", (12,), 10, "CC-{n:02d}", "CPD{rated_load_kg}",
        ("叉车",), ("{b}", "原料库", "成品库"),
        {"rated_load_kg": (1500, 2000, 3000, 3500), "power": ("蓄电池", "内燃")}),
    "5200": DeviceType(
        "车", "vehicle", (12,), 8, "GC-{n:02d}", "GL{seats}-EV",
        ("观光车",), ("园区观光线", "景区环线"), {"seats": (8, 11, 14)}),
    "6100": DeviceType(
        *_RIDE, "MTL-{height_m}", ("摩天轮",), _RIDE_PLACES,
        {"height_m": (42, 58, 66), "rated_passengers": (144, 192)}),
    "6200": DeviceType(
        *_RIDE, "HXC-{track_length_m}", ("过山车", "矿山车"), _RIDE_PLACES,
        {"track_length_m": (380, 520, 760), "rated_speed_m_s": (12.5, 18.0, 22.0),
         "height_m": (18, 26, 32), "rated_passengers": (16, 20, 24)}),
    "6400": DeviceType(
        *_RIDE, "TL-{rated_passengers}", ("大摆锤", "旋转陀螺"), _RIDE_PLACES,
        {"rated_passengers": (24, 32, 40), "height_m": (12, 16, 20)}),
    "6500": DeviceType(
        *_RIDE, "FT-{height_m}", ("旋转飞椅", "观光塔"), _RIDE_PLACES,
        {"height_m": (18, 35, 50), "rated_passengers": (24, 32, 48)}),
    "6600": DeviceType(
        *_RIDE, "ZM-{rated_passengers}", ("豪华转马",), _RIDE_PLACES,
        {"rated_passengers": (36, 48, 64)}),
    "6700": DeviceType(
        *_RIDE, "ZF-{rated_passengers}", ("自控飞机",), _RIDE_PLACES,
        {"rated_passengers": (16, 24, 32), "height_m": (4.5, 6.0)}),
    "6A00": DeviceType(
        *_RIDE, "PPC-{cars}", ("碰碰车",), _RIDE_PLACES,
        {"cars": (16, 20, 24), "rated_speed_m_s": (2.0,)}),
    "8120": DeviceType(
        *_PIPE, ("输气管道",), ("门站至高压调压站段", "城外输气干线"),
        {"length_km": (12.6, 18.4, 27.0), "nominal_diameter_mm": (300, 400, 500),
         "design_pressure_mpa": (4.0, 6.3), "medium": ("天然气",)}),
    "8210": DeviceType(
        *_PIPE, ("燃气管道",), ("城区中压A环网", "开发区中压支线", "老城区低压管网"),
        {"length_km": (8.5, 15.2, 23.7, 41.0), "nominal_diameter_mm": (100, 200, 300),
         "design_pressure_mpa": (0.4, 0.8, 1.6), "medium": ("天然气",)}),
    "8220": DeviceType(
        *_PIPE, ("热力管道",), ("一级管网东线", "一级管网西线", "二级管网"),
        {"length_km": (6.0, 12.0, 19.5), "nominal_diameter_mm": (300, 500, 700, 900),
         "design_pressure_mpa": (1.6, 2.5), "medium": ("热水",)}),
    "8310": DeviceType(
        *_PIPE, ("工艺管道",), ("{b}", "罐区", "{b}管廊"),
        {"length_km": (0.8, 1.5, 3.2), "nominal_diameter_mm": (50, 100, 150, 200),
         "design_pressure_mpa": (1.0, 2.5, 4.0), "medium": ("蒸汽", "氮气", "液氨")}),
    "9120": DeviceType(
        "索", "ropeway", (12,), 30, "{n}号索道", "DSG-{slope_length_m}",
        ("脱挂抱索器吊厢式索道", "固定抱索器吊椅式索道"), ("主峰索道站", "西坡索道站"),
        {"slope_length_m": (1600, 2200, 2800), "vertical_rise_m": (380, 520),
         "rated_speed_m_s": (5.0, 6.0), "capacity_pph": (1800, 2400)}),
}
# fmt: on
LIFT_CODES = frozenset({"3110", "3120", "3210", "3420", "3430"})  # get floors, stops, doors


@dataclass(frozen=True)
class UnitKind:
    """How to invent one kind of using unit and its equipment."""

    name: str  # template over {city} and {brand}
    key_kind: str  # kind of 重点监督检查单位, "" for an ordinary unit
    buildings: tuple[str, ...]
    floors: tuple[int, int]  # of its lifts
    mix: tuple[tuple[str, int, int], ...]  # (catalogue code, fewest, most)
    lift_places: tuple[str, ...] = ()  # instead of DEVICES["3110"].places


_WINGS = ("A座", "B座", "C座")
_HOUSES = tuple(f"{i}号楼" for i in range(1, 13))
_PLANT = ("一号厂房", "二号厂房", "联合厂房")
# fmt: off
KINDS: dict[str, UnitKind] = {
    "mall": UnitKind(
        "{city}{brand}购物中心有限公司", "商场", _WINGS, (4, 8),
        (("3110", 3, 6), ("3120", 1, 2), ("3310", 4, 10), ("3320", 0, 2), ("3430", 0, 1),
         ("4D00", 0, 1))),
    "hospital": UnitKind(
        "{city}{brand}医院", "医院", _HOUSES[:4], (5, 16),
        (("3110", 3, 6), ("3120", 1, 1), ("3210", 0, 1), ("3430", 1, 2), ("1100", 0, 1),
         ("2150", 1, 2))),
    "general_hospital": UnitKind(
        "{city}{brand}中心医院", "医院", _HOUSES[:5], (8, 20),
        (("3110", 5, 8), ("3120", 1, 2), ("3420", 1, 1), ("3430", 1, 2), ("1100", 1, 1),
         ("2150", 1, 2), ("2410", 1, 1))),
    "school": UnitKind(
        "{city}{brand}实验学校", "学校", _HOUSES[:3], (4, 7),
        (("3110", 1, 3), ("3430", 0, 1), ("1200", 0, 1))),
    "station": UnitKind(
        "{city}{brand}城际铁路客运站有限公司", "车站", ("站房", "南广场", "北广场"), (2, 3),
        (("3110", 2, 4), ("3120", 1, 1), ("3310", 4, 8), ("3320", 0, 2))),
    "park": UnitKind(
        "{city}{brand}欢乐世界旅游有限公司", "公园", ("游客中心",), (2, 3),
        (("6100", 1, 1), ("6200", 1, 2), ("6400", 1, 1), ("6500", 1, 1), ("6600", 1, 1),
         ("6700", 0, 1), ("6A00", 1, 1), ("5200", 2, 4), ("3110", 0, 1))),
    "stadium": UnitKind(
        "{city}{brand}体育中心", "体育场馆", ("主体育场", "综合馆"), (3, 5),
        (("3110", 2, 4), ("3310", 0, 2))),
    "factory": UnitKind(
        "{city}{brand}汽车零部件有限公司", "", _PLANT, (2, 4),
        (("1100", 1, 2), ("2150", 2, 4), ("2170", 0, 2), ("4110", 2, 5), ("5110", 2, 5),
         ("3120", 1, 2), ("8310", 0, 1))),
    "chemical": UnitKind(
        "{city}{brand}化工有限公司", "", ("合成装置区", "精馏装置区", "公用工程区"), (2, 4),
        (("1100", 1, 2), ("2130", 2, 4), ("2150", 2, 3), ("4110", 1, 2), ("5110", 1, 3),
         ("8310", 1, 3), ("3120", 0, 1))),
    "gas": UnitKind(
        "{city}{brand}燃气有限公司", "", ("门站", "调压站"), (3, 6),
        (("8210", 2, 4), ("8120", 1, 1), ("2150", 1, 2), ("3110", 0, 1))),
    "heating": UnitKind(
        "{city}{brand}热力有限公司", "", ("热源厂", "换热站"), (3, 6),
        (("1200", 2, 4), ("8220", 2, 4), ("2170", 0, 1), ("3110", 0, 1))),
    "builder": UnitKind(
        "{city}{brand}建设集团有限公司", "", ("一标段", "二标段"), (3, 6),
        (("4310", 2, 4), ("5110", 0, 1))),
    "estate": UnitKind(
        "{city}{brand}物业服务有限公司", "", _HOUSES, (11, 33),
        (("3110", 5, 14), ("4D00", 0, 1)), ("{b}1单元", "{b}2单元", "{b}3单元")),
    "hotel": UnitKind(
        "{city}{brand}大酒店有限公司", "", ("主楼", "裙楼"), (8, 28),
        (("3110", 3, 6), ("3120", 1, 1), ("3430", 0, 2), ("1200", 0, 1))),
    "ski": UnitKind(
        "吉林{brand}滑雪度假区有限公司", "", ("雪具大厅", "山顶餐厅"), (3, 5),
        (("9120", 1, 1), ("5200", 0, 2), ("3110", 0, 2), ("1200", 0, 1))),
}
#: Kind → the GB/T 2260 districts of its units, one unit per entry.
PLAN: dict[str, tuple[str, ...]] = {
    "mall": ("220102", "220104", "220105", "220106", "220103", "220204", "222401"),
    "hospital": ("220104", "220103", "220202", "220502"),
    "general_hospital": ("220102",),
    "school": ("220104", "220105", "220112", "220402"),
    "station": ("220103",),
    "park": ("220106",),
    "stadium": ("220104",),
    "factory": ("220106", "220113", "220302", "220402"),
    "chemical": ("220203", "220702"),
    "gas": ("220105", "220702"),
    "heating": ("220103", "220204"),
    "builder": ("220112",),
    "estate": ("220102", "220103", "220104", "220105", "220106", "220113", "220202", "220211",
               "220802", "220602"),
    "hotel": ("220102", "220104", "220204", "220602", "222401", "220502"),
    "ski": ("220211",),
}
# fmt: on
STOPPED, SCRAPPED = 4, 1  # how many devices are 停用 and 报废
OVERDUE_SHARE = (0.08, 0.12)  # of the devices in use, overdue for periodic inspection

# --- building -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoSummary:
    """What :func:`build_demo` put into the workspace."""

    units: int
    equipment: int
    overdue: int
    colleagues: int
    inspections: int = 0
    notices: int = 0


def _person(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(GIVEN_NAMES)


def _mobile(rng: random.Random) -> str:
    return f"1{rng.choice('3456789')}{rng.randrange(10**9):09d}"


def _landline(rng: random.Random, district: str) -> str:
    return f"{CITIES[city_of(district)][1]}-{rng.randint(81000000, 89999999)}"


def _add_months(day: dt.date, months: int) -> dt.date:
    year, month = divmod(day.year * 12 + day.month - 1 + months, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def _chars(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(count))


def _make_units(rng: random.Random) -> list[tuple[Unit, UnitKind]]:
    brands = rng.sample(BRANDS, sum(len(d) for d in PLAN.values()))
    used: set[str] = set()
    units: list[tuple[Unit, UnitKind]] = []
    for kind_name, district_codes in PLAN.items():
        kind = KINDS[kind_name]
        for district in district_codes:
            city = city_of(district)
            short, _, streets = CITIES[city]
            while (first17 := "91" + district + _chars(rng, 9)) in used:
                pass  # a credit code is unique
            used.add(first17)
            address = (
                f"{districts()[city].name_zh}{district_name(district)}"
                f"{rng.choice(streets)}{rng.randint(1, 3999)}号"
            )
            unit = Unit(
                id=uuid7(),
                name=kind.name.format(city=short, brand=brands[len(units)]),
                credit_code=make_credit_code(first17),
                address=address,
                district_code=district,
                legal_representative=_person(rng),
                safety_manager=_person(rng),
                safety_manager_phone=_mobile(rng),
                contact_person=_person(rng),
                contact_phone=_landline(rng, district),
                is_key_unit=bool(kind.key_kind),
                key_unit_kind=kind.key_kind,
            )
            validate_unit(unit)
            units.append((unit, kind))
    return units


def _fates(rng: random.Random, codes: list[str]) -> list[str]:
    """One fate per device: ok, overdue, postponed, stopped or scrapped."""
    fates = ["ok"] * len(codes)
    vessels = [i for i, code in enumerate(codes) if code.startswith("2")]
    fates[rng.choice(vessels)] = "postponed"  # 延期检验 is usual for pressure vessels
    rest = [i for i, fate in enumerate(fates) if fate == "ok"]
    in_use = len(codes) - STOPPED - SCRAPPED
    overdue = round(in_use * rng.uniform(*OVERDUE_SHARE))
    picked = rng.sample(rest, STOPPED + SCRAPPED + overdue)
    for n, i in enumerate(picked):
        fates[i] = "stopped" if n < STOPPED else "scrapped" if n < STOPPED + SCRAPPED else "overdue"
    return fates


def _inspection_dates(
    rng: random.Random, fate: str, months: int, today: dt.date
) -> tuple[dt.date, dt.date, dt.date | None]:
    """(last inspection, next due, postponed until) for a device of this fate."""
    days = rng.randint(3, months * 30 - 10)  # ok: due some time within the next interval
    postponed = None
    if fate == "overdue":
        days = -rng.randint(5, 150)
    elif fate == "postponed":
        days, postponed = -rng.randint(5, 40), today + dt.timedelta(days=rng.randint(20, 60))
    elif fate in ("stopped", "scrapped"):
        days = -rng.randint(30, 700)
    due = today + dt.timedelta(days=days)
    return _add_months(due, -months), due, postponed


def _make_device(
    rng: random.Random,
    unit: Unit,
    kind: UnitKind,
    code: str,
    number: int,
    fate: str,
    today: dt.date,
    used: set[str],
) -> Equipment:
    kind_type = DEVICES[code]
    last, due, postponed = _inspection_dates(rng, fate, rng.choice(kind_type.intervals), today)
    since_last = (today - last).days  # first use comes before the last inspection
    oldest = 22 * 365 if fate == "scrapped" else min(20, kind_type.life - 1) * 365
    youngest = max(since_last, 12 * 365) if fate == "scrapped" else since_last
    first_use = today - dt.timedelta(days=rng.randint(youngest, max(youngest, oldest)))
    maker, maker_code = rng.choice(MAKERS[kind_type.makers])
    built = first_use.year - rng.choice((0, 0, 1))
    if first_use.year < 2016 and rng.random() < 0.6:  # older equipment: 20-digit 注册代码
        head, digits = f"{code}{unit.district_code}{first_use:%Y%m}", 4
    else:
        head, digits = f"{code}{maker_code}{built}", 5
    while (equipment_code := f"{head}{rng.randrange(1, 10**digits):0{digits}d}") in used:
        pass  # equipment codes are unique
    used.add(equipment_code)
    letter = districts()[city_of(unit.district_code)].letter
    registration = (
        f"{kind_type.reg_char}{code[1:3]}吉{letter}{rng.randint(1, 99999):05d}"
        f"({first_use.year % 100:02d})"
    )
    attrs = {key: rng.choice(values) for key, values in kind_type.attrs.items()}
    if code in LIFT_CODES:
        attrs.setdefault("floors", rng.randint(*kind.floors))
        attrs["stops"] = attrs["doors"] = attrs["floors"] - rng.choice((0, 0, 1))
    places = kind.lift_places if code == "3110" and kind.lift_places else kind_type.places
    is_lift = code.startswith("3")
    status = {"stopped": EquipmentStatus.OUT_OF_USE, "scrapped": EquipmentStatus.SCRAPPED}
    return Equipment(
        id=uuid7(),
        unit_id=unit.id,
        catalogue_code=code,
        equipment_code=equipment_code,
        usage_registration_number=registration,
        product_name=rng.choice(kind_type.products),
        model=kind_type.model.format(**attrs),
        manufacturer=maker,
        serial_number=f"{built}{rng.randint(1, 9999):04d}",
        internal_number=kind_type.number.format(n=number),
        location=rng.choice(places).format(b=rng.choice(kind.buildings)),
        first_use_date=first_use,
        design_life_years=kind_type.life,
        maintenance_unit=rng.choice(MAINTAINERS) if is_lift else "",
        maintenance_phone=_landline(rng, unit.district_code) if is_lift else "",
        last_inspection_date=last,
        last_inspection_conclusion="合格",
        next_inspection_due=due,
        inspection_postponed_until=postponed,
        status=status.get(fate, EquipmentStatus.IN_USE),
        attributes=attrs,
    )


def _make_equipment(
    rng: random.Random, units: list[tuple[Unit, UnitKind]], today: dt.date
) -> list[Equipment]:
    planned: list[tuple[Unit, UnitKind, str, int]] = []
    for unit, kind in units:
        counters: dict[str, int] = {}
        for code, fewest, most in kind.mix:
            template = DEVICES[code].number
            for _ in range(rng.randint(fewest, most)):
                counters[template] = counters.get(template, 0) + 1
                planned.append((unit, kind, code, counters[template]))
    fates = _fates(rng, [code for _, _, code, _ in planned])
    used: set[str] = set()
    devices: list[Equipment] = []
    for (unit, kind, code, number), fate in zip(planned, fates, strict=True):
        device = _make_device(rng, unit, kind, code, number, fate, today, used)
        validate_equipment(device, today=today)
        devices.append(device)
    return devices


def _colleagues(device_id: str) -> list[Officer]:
    officers = [
        Officer(
            id=uuid7(),
            name=name,
            law_id=law_id,
            organisation=DEMO_PROFILE.organisation,
            agency_code=DEMO_PROFILE.agency_code,
            officer_code=code,
            origin_device=device_id,
        )
        for name, law_id, code in COLLEAGUES
    ]
    for officer in officers:
        validate_officer(officer)
    return officers


def _fill(ws: Workspace, db: Database, seed: int, today: dt.date) -> DemoSummary:
    rng = random.Random(seed)
    units = _make_units(rng)
    devices = _make_equipment(rng, units, today)
    officers = _colleagues(ws.device_id)
    for officer in officers:
        reg.insert_record(db, "officers", officer, ws.device_id)
    for unit, _ in units:
        reg.insert_record(db, "units", unit, ws.device_id)
    for device in devices:
        reg.insert_record(db, "equipment", device, ws.device_id)
    reg.set_setting(db, "demo_seed", str(seed))
    reg.set_setting(db, "demo_today", today.isoformat())
    ws.store.audit(
        db,
        "create",
        "demo",
        ws.device_id,
        {"units": len(units), "equipment": len(devices), "seed": seed},
    )
    overdue = reg.count_equipment(db, today)[1]
    return DemoSummary(len(units), len(devices), overdue, len(officers))


def build_demo(
    home: Path,
    role: Role,
    seed: int = 2026,
    today: dt.date | None = None,
    with_inspections: bool = True,
    scale: str = "small",
) -> DemoSummary:
    """Create a demo workspace in ``home`` for ``role`` and fill it with fictional data.

    A supervisor's demo also holds the inspections officers sent in, at ``scale``
    (``small`` or ``province``, see ``fieldapp.demo_supervisor.SCALES``). The workspace is
    closed again on return, so the caller can open it. Raises WorkspaceError if ``home``
    already holds a workspace (see ``Workspace.create``), UserError for a province-scale
    officer demo or an unknown scale.
    """
    from fieldapp.demo_supervisor import SCALES, add_supervisor_history

    if scale not in SCALES or (scale != "small" and role is not Role.SUPERVISOR):
        raise UserError(
            f"演示规模“{scale}”只能是 small，或监管部门的 province / demo scale {scale!r}:"
            " use small, or province for a supervisor demo"
        )
    today = today or dt.date.today()
    profile = DEMO_PROFILE if role is Role.OFFICER else None
    ws = Workspace.create(
        home, role, profile, is_demo=True, supervisor_name="吉林省市场监督管理局（演示）"
    )
    try:
        with ws.store.transaction() as db:
            summary = _fill(ws, db, seed, today)
        if role is Role.OFFICER and with_inspections:
            from fieldapp.demo_inspections import add_demo_inspections

            made = add_demo_inspections(ws, seed=seed, today=today)
            summary = dataclasses.replace(
                summary, inspections=made.drafts + made.finished, notices=made.notices
            )
        elif role is Role.SUPERVISOR and with_inspections:
            made_history = add_supervisor_history(ws, SCALES[scale], seed=seed, today=today)
            with ws.store.reading() as db:
                overdue = reg.count_equipment(db, today)[1]
            summary = DemoSummary(
                made_history.units,
                made_history.equipment,
                overdue,
                made_history.officers,
                made_history.history.inspections,
                made_history.history.notices,
            )
    except BaseException:
        ws.close()
        # the folder held no workspace before: take the half-made one away, so a retry works
        for suffix in ("", "-wal", "-shm"):
            (home / f"{DB_NAME}{suffix}").unlink(missing_ok=True)
        from fieldapp.keys import discard_officer_key

        discard_officer_key(home / "keys")
        raise
    ws.close()
    return summary
