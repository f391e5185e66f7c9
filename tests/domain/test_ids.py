from __future__ import annotations

import time
import uuid

import pytest

from fieldapp.domain.ids import uuid7, uuid7_time_ms


def test_uuid7_layout_and_order() -> None:
    ids = [uuid7() for _ in range(10_000)]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids), "ids made one after another sort in creation order"
    parsed = uuid.UUID(ids[0])
    assert parsed.version == 7 and parsed.variant == uuid.RFC_4122
    assert abs(uuid7_time_ms(ids[0]) - time.time() * 1000) < 5_000


def test_uuid7_time_refuses_other_versions() -> None:
    with pytest.raises(ValueError):
        uuid7_time_ms(str(uuid.uuid4()))
