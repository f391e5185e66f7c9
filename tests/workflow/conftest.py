from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.checklists import Checklist, shipped_checklists
from fieldapp.domain.models import CheckType, Equipment, Unit
from fieldapp.store import registry as reg
from fieldapp.workflow.inspection import NewInspection, start_inspection
from fieldapp.workspace import Workspace


@pytest.fixture(scope="session")
def checklists() -> list[Checklist]:
    return shipped_checklists()


@pytest.fixture
def demo_ws(demo_home: Path) -> Iterator[Workspace]:
    ws = Workspace.open(demo_home)
    yield ws
    ws.close()


def unit_with_elevators(ws: Workspace, count: int = 2) -> tuple[Unit, list[Equipment]]:
    with ws.store.reading() as db:
        for summary in reg.search_units(db, limit=1000):
            lifts = [
                d
                for d in reg.equipment_of_unit(db, summary.unit.id)
                if d.catalogue_code.startswith("31")
            ]
            if len(lifts) >= count:
                return summary.unit, lifts[:count]
    raise AssertionError("the demo has a unit with elevators")


def start(
    ws: Workspace, checklists: list[Checklist], devices: int = 2, colleagues: int = 1
) -> tuple[str, Unit, list[Equipment]]:
    unit, lifts = unit_with_elevators(ws, devices)
    assert ws.officer is not None
    with ws.store.reading() as db:
        others = [o.id for o in reg.list_officers(db) if not o.is_self][:colleagues]
    new = NewInspection(
        unit_id=unit.id,
        equipment_ids=tuple(d.id for d in lifts),
        officer_ids=(ws.officer.id, *others),
        check_type=CheckType.ROUTINE,
        task_source="2026年度常规检查计划",
        representative="张伟",
        representative_post="安全管理员",
        representative_phone="13904310000",
    )
    changes = start_inspection(ws.store, new, checklists, ws.officer.id)
    return changes.record_id, unit, lifts


def jpeg(width: int = 3000, height: int = 2000) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (180, 40, 40)).save(out, format="JPEG")
    return out.getvalue()


def png_signature() -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (400, 150), "white")
    ImageDraw.Draw(image).line([(20, 100), (120, 40), (220, 110), (380, 30)], fill="black", width=4)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
