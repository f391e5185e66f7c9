"""The supervisor's demo: officers across Jilin and the inspections they sent in.

Two scales: ``small`` (the default; the showcase units of the demo and a few hundred
inspections by a couple of dozen officers, with photos, signatures and the PDFs of the
newest notices, so that every view of the desktop app has something to show) and
``province`` (about 50,000 units, 200,000 devices and ten years of 200,000 inspections —
the size a provincial bureau must stay fast at). Rows are written in bulk by
``fieldapp.demo_history``; see there for what each inspection holds. Every name is invented.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlite_utils import Database

from fieldapp.checklists import pin, shipped_checklists
from fieldapp.demo import (
    CITIES,
    COLLEAGUES,
    KINDS,
    UnitKind,
    _make_device,
    _mobile,
    _person,
)
from fieldapp.demo_history import (
    DeviceInfo,
    History,
    HistoryWriter,
    OfficerInfo,
    UnitInfo,
    Visit,
    device_plan_picker,
    plan_checklist,
)
from fieldapp.domain.catalogue import catalogue, districts
from fieldapp.domain.codes import CREDIT_CODE_ALPHABET, make_credit_code
from fieldapp.domain.ids import uuid7
from fieldapp.domain.models import Equipment, Officer, Unit
from fieldapp.keys import PublicKeyInfo, fingerprint, key_id, raw_public_key
from fieldapp.store import bulk
from fieldapp.store import keys as store_keys
from fieldapp.store import registry as reg
from fieldapp.store.attachments import record_attachment
from fieldapp.store.rows import to_row
from fieldapp.workspace import Workspace

__all__ = ["SCALES", "Scale", "add_supervisor_history"]


@dataclass(frozen=True)
class Scale:
    """How big a supervisor demo is."""

    name: str
    units: int  # units in all; 0: only the showcase units of the demo
    devices: int  # devices of the added units in all; 0: as their kinds give
    inspections: int
    years: int  # ending with this year
    officers_per_city: int
    documents: int  # the newest notices whose PDFs are rendered
    photos: int  # distinct photos attached to failed answers; 0: none


SCALES: dict[str, Scale] = {
    "small": Scale("small", 0, 0, 260, 4, 2, 16, 6),
    "province": Scale("province", 50_000, 200_000, 200_000, 10, 20, 0, 0),
}

#: Prefecture → (bureau, 机关代字); city letters come from the district table.
BUREAUS: dict[str, tuple[str, str]] = {
    "220100": ("长春市市场监督管理局", "长"),
    "220200": ("吉林市市场监督管理局", "吉"),
    "220300": ("四平市市场监督管理局", "四"),
    "220400": ("辽源市市场监督管理局", "辽"),
    "220500": ("通化市市场监督管理局", "通"),
    "220600": ("白山市市场监督管理局", "山"),
    "220700": ("松原市市场监督管理局", "松"),
    "220800": ("白城市市场监督管理局", "城"),
    "222400": ("延边朝鲜族自治州市场监督管理局", "延"),
}
#: Share of the province's units in each prefecture.
CITY_SHARE = {
    "220100": 0.34,
    "220200": 0.17,
    "220300": 0.08,
    "220400": 0.04,
    "220500": 0.08,
    "220600": 0.04,
    "220700": 0.09,
    "220800": 0.06,
    "222400": 0.10,
}
#: Kinds of unit across the province, with their weights.
KIND_SHARE = {
    "estate": 26,
    "factory": 15,
    "school": 10,
    "hotel": 7,
    "builder": 7,
    "hospital": 5,
    "mall": 5,
    "heating": 4,
    "chemical": 3,
    "general_hospital": 1,
    "gas": 1,
    "station": 0.6,
    "park": 0.5,
    "stadium": 0.6,
    "ski": 0.15,
}
BRAND_CHARS = (
    "瑞丰鸿泰嘉禾华茂恒信润达东盛天和永安德金源辰松苑博远汇通祥锦程长青万兴业宏图明珠君悦富新"
    "美雪峰鼎百合聚翠林御景荣佳凯旋府同心银河星正阳云海福涛鹿鸣晨曦航启昌隆泽鑫"
)
STREETS = (
    "建设街",
    "和平路",
    "新华路",
    "繁荣路",
    "光明路",
    "胜利大街",
    "人民路",
    "解放路",
    "中华路",
    "青年路",
    "文化街",
    "工农路",
    "长江路",
    "黄河路",
    "前进大街",
    "东风大街",
    "朝阳路",
    "幸福街",
    "民主大街",
    "团结路",
    "开发大街",
    "站前街",
)


# --- officers ------------------------------------------------------------------------------


def _officer_row(
    db: Database, ws: Workspace, name: str, law_id: str, code: str, city: str
) -> tuple[str, str]:
    """The id of the officer with this 执法证号, added if missing; and its organisation."""
    existing = [o for o in reg.list_officers(db) if o.law_id == law_id]
    if existing:
        return existing[0].id, existing[0].organisation
    organisation, agency = BUREAUS[city]
    officer = Officer(
        id=uuid7(),
        name=name,
        law_id=law_id,
        organisation=organisation,
        agency_code=agency,
        officer_code=code,
        phone=f"139{city[2:4]}{law_id[-6:]}",
    )
    reg.insert_record(db, "officers", officer, ws.device_id)
    return officer.id, organisation


def _make_officers(
    ws: Workspace, db: Database, rng: random.Random, scale: Scale, cities: set[str]
) -> dict[str, list[OfficerInfo]]:
    from fieldapp.demo_inspections import _png_signature

    # The officer demo's own officer (DEMO_PROFILE) issues nothing here: his work arrives by
    # importing his batches, so the two demos can be tried together without his notice
    # numbers (A07-0001, …) being taken already.
    people: list[tuple[str, str, str, str]] = [  # name, law id, officer code, city
        *((name, law_id, code, "220100") for name, law_id, code in COLLEAGUES),
    ]
    for city in sorted(cities):
        letter = districts()[city].letter or "Z"
        have = sum(1 for p in people if p[3] == city)
        for n in range(max(0, scale.officers_per_city - have)):
            number = 20 + n if city == "220100" else 1 + n
            people.append(
                (_person(rng), f"{city[:4]}0019{number:03d}", f"{letter}{number:02d}", city)
            )
    by_city: dict[str, list[OfficerInfo]] = {}
    for name, law_id, code, city in people:
        officer_id, organisation = _officer_row(db, ws, name, law_id, code, city)
        key = Ed25519PrivateKey.from_private_bytes(rng.randbytes(32))
        raw = raw_public_key(key)
        info = PublicKeyInfo(
            key_id(raw), raw, fingerprint(raw), name, law_id, organisation, reg.now_text()
        )
        store_keys.trust_key(db, info)
        png = _png_signature(rng)
        sha = ws.attachments.put_bytes(png)
        record_attachment(db, sha, len(png), "image/png", "signature.png")
        by_city.setdefault(city, []).append(
            OfficerInfo(
                officer_id,
                name,
                law_id,
                organisation,
                BUREAUS[city][1],
                code,
                city,
                uuid7(),
                key,
                info.key_id,
                sha,
            )
        )
    return by_city


# --- units and devices of the province -----------------------------------------------------


def _district_weights(city: str) -> tuple[list[str], list[float]]:
    codes = [c for c, d in districts().items() if d.parent == city]
    # city districts (…01–…20) are denser than counties
    return codes, [3.0 if int(c[4:]) < 21 else 1.0 for c in codes]


def _add_province_units(
    ws: Workspace, db: Database, rng: random.Random, scale: Scale, today: dt.date, have: int
) -> list[tuple[Unit, list[Equipment]]]:
    """Units and devices up to the scale's numbers, written; returns them."""
    wanted = max(0, scale.units - have)
    cities = list(CITY_SHARE)
    city_weights = [CITY_SHARE[c] for c in cities]
    kinds = list(KIND_SHARE)
    kind_weights = [KIND_SHARE[k] for k in kinds]
    district_choice = {c: _district_weights(c) for c in cities}
    used_codes: set[str] = {u.credit_code for u in _all_units(db)}
    used_names: set[str] = set()
    planned: list[tuple[Unit, UnitKind, list[str]]] = []
    for _ in range(wanted):
        city = rng.choices(cities, city_weights)[0]
        codes, weights = district_choice[city]
        district = rng.choices(codes, weights)[0]
        kind = KINDS[rng.choices(kinds, kind_weights)[0]]
        short = CITIES[city][0]
        while True:
            brand = "".join(rng.sample(BRAND_CHARS, 2))
            name = kind.name.format(city=short, brand=brand)
            if name not in used_names:
                break
        used_names.add(name)
        while (first17 := "91" + district + _chars(rng, 9)) in used_codes:
            pass
        used_codes.add(first17)
        street = rng.choice(STREETS + CITIES[city][2])
        address = (
            f"{districts()[city].name_zh}{districts()[district].name_zh}{street}"
            f"{rng.randint(1, 2999)}号"
        )
        unit = Unit(
            id=uuid7(),
            name=name,
            credit_code=make_credit_code(first17),
            address=address,
            district_code=district,
            legal_representative=_person(rng),
            safety_manager=_person(rng),
            safety_manager_phone=_mobile(rng),
            contact_person=_person(rng),
            contact_phone=_mobile(rng),
            is_key_unit=bool(kind.key_kind),
            key_unit_kind=kind.key_kind,
        )
        drawn_codes = [
            code for code, fewest, most in kind.mix for _ in range(rng.randint(fewest, most))
        ]
        planned.append((unit, kind, drawn_codes))
    drawn = sum(len(codes) for _, _, codes in planned)
    keep = min(1.0, scale.devices / drawn) if scale.devices and drawn else 1.0
    used_equipment: set[str] = set()
    result: list[tuple[Unit, list[Equipment]]] = []
    for unit, kind, codes in planned:
        kept = [c for c in codes if rng.random() < keep] or codes[:1]
        numbers: dict[str, int] = {}
        devices: list[Equipment] = []
        for code in kept:
            numbers[code] = numbers.get(code, 0) + 1
            fate = rng.choices(
                ("ok", "overdue", "postponed", "stopped", "scrapped"), (88, 8, 1, 2, 0.6)
            )[0]
            if fate == "postponed" and not code.startswith("2"):
                fate = "ok"
            devices.append(
                _make_device(rng, unit, kind, code, numbers[code], fate, today, used_equipment)
            )
        result.append((unit, devices))
    unit_rows = [to_row(dataclass_stamped(u, ws.device_id)) for u, _ in result]
    device_rows = [to_row(dataclass_stamped(e, ws.device_id)) for _, ds in result for e in ds]
    _insert_dicts(db, "units", unit_rows)
    _insert_dicts(db, "equipment", device_rows)
    return result


def dataclass_stamped(record: Any, device: str) -> Any:
    import dataclasses

    return dataclasses.replace(record, rev=1, updated_at=reg.now_text(), origin_device=device)


def _insert_dicts(db: Database, table: str, rows: list[dict[str, Any]]) -> None:
    if rows:
        columns = list(rows[0])
        bulk.insert_rows(db, table, columns, ([row[c] for c in columns] for row in rows))


def _chars(rng: random.Random, count: int) -> str:
    return "".join(rng.choice(CREDIT_CODE_ALPHABET) for _ in range(count))


def _all_units(db: Database) -> list[Unit]:
    return [s.unit for s in reg.search_units(db, limit=1_000_000)]


# --- who was inspected when ---------------------------------------------------------------


def _device_info(device: Equipment) -> DeviceInfo:
    entry = catalogue().get(device.catalogue_code)
    kind = entry.name_zh if entry else device.catalogue_code
    short = device.internal_number or device.location
    code = f"，设备代码 {device.equipment_code}" if device.equipment_code else ""
    subject = f"{short}（{kind}{code}）" if short else f"{kind}{code}"
    return DeviceInfo(
        device.id,
        device.catalogue_code,
        device.first_use_date,
        subject,
        short or kind,
        device.status.code == "scrapped",
    )


def _unit_info(unit: Unit, devices: list[Equipment]) -> UnitInfo:
    return UnitInfo(
        unit.id,
        unit.name,
        unit.credit_code,
        unit.district_code,
        unit.is_key_unit,
        unit.safety_manager,
        unit.safety_manager_phone,
        tuple(_device_info(e) for e in devices),
    )


def plan_visits(
    rng: random.Random, units: list[UnitInfo], scale: Scale, today: dt.date
) -> list[Visit]:
    """Inspections per year (growing a little each year; this year only up to yesterday),
    each of a unit drawn with key units more likely, more so in some cities than others."""
    cities = sorted({u.district[:4] for u in units})
    key_weight = {c: rng.uniform(1.6, 3.6) for c in cities}
    cumulative: list[float] = []
    total = 0.0
    for unit in units:
        total += key_weight[unit.district[:4]] if unit.is_key else 1.0
        cumulative.append(total)
    first = today.year - scale.years + 1
    last_day = today - dt.timedelta(days=1)
    spans = {
        y: (dt.date(y, 1, 4), min(dt.date(y, 12, 28), last_day))
        for y in range(first, today.year + 1)
    }
    weights = {
        y: (1 + 0.06 * (y - first)) * max(0, (end - start).days + 1) / 359
        for y, (start, end) in spans.items()
    }
    visits: list[Visit] = []
    for year, (start, end) in spans.items():
        count = round(scale.inspections * weights[year] / sum(weights.values()))
        if count <= 0 or end < start:
            continue
        for index in rng.choices(range(len(units)), cum_weights=cumulative, k=count):
            day = start + dt.timedelta(days=rng.randint(0, (end - start).days))
            while day.weekday() >= 5 and day > start:
                day -= dt.timedelta(days=1)
            moment = dt.datetime.combine(day, dt.time(8, 30)) + dt.timedelta(
                minutes=rng.randint(0, 390)
            )
            visits.append(Visit(moment, index))
    visits.sort(key=lambda v: v.started)
    return visits


# --- all of it -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SupervisorDemo:
    units: int
    equipment: int
    officers: int
    history: History


def add_supervisor_history(
    ws: Workspace, scale: Scale, seed: int = 2026, today: dt.date | None = None
) -> SupervisorDemo:
    """Fill an open supervisor workspace (already holding the demo's showcase registry)
    with officers, more units and devices if the scale asks, and their inspections."""
    from fieldapp.demo_inspections import _photo, _png_signature
    from fieldapp.media import prepare_photo

    today = today or dt.date.today()
    rng = random.Random(seed * 7 + 1)
    checklists = shipped_checklists()
    with bulk.bulk_loading(ws.store), ws.store.transaction() as db:
        plans = {c.id: plan_checklist(c, pin(db, c), rng) for c in checklists}
        base = _all_units(db)
        units = [_unit_info(u, reg.equipment_of_unit(db, u.id)) for u in base]
        if scale.units > len(base):
            added = _add_province_units(ws, db, rng, scale, today, len(base))
            units.extend(_unit_info(u, devices) for u, devices in added)
        cities = {u.district[:4] + "00" for u in units}
        officers = _make_officers(ws, db, rng, scale, cities & set(BUREAUS))
        unit_signatures = []
        for _ in range(24):
            png = _png_signature(rng)
            unit_signatures.append(ws.attachments.put_bytes(png))
            record_attachment(db, unit_signatures[-1], len(png), "image/png", "signature.png")
        photos = []
        for n in range(scale.photos):
            photo = prepare_photo(_photo(rng))
            photos.append(ws.attachments.put_bytes(photo.data))
            record_attachment(db, photos[-1], len(photo.data), photo.media_type, f"IMG_{n}.jpg")
        writer = HistoryWriter(
            rng,
            today,
            units,
            officers,
            plans["unit_management"],
            device_plan_picker(plans, checklists),
            unit_signatures,
            photos,
        )
        history = writer.write(db, iter(plan_visits(rng, units, scale, today)))
        if scale.documents:
            from fieldapp.demo_documents import render_demo_documents

            render_demo_documents(ws, db, history.recent_notices[-scale.documents :])
        ws.store.audit(
            db,
            "create",
            "demo",
            ws.device_id,
            {"scale": scale.name, "inspections": history.inspections, "seed": seed},
        )
        bulk.finish_bulk_load(db)
        equipment = reg.count_equipment(db, today)[0]
    return SupervisorDemo(len(units), equipment, sum(len(o) for o in officers.values()), history)
