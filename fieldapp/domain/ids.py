"""Record ids: UUIDv7 (RFC 9562), time-ordered so that ids sort by creation.

Python 3.11 has no ``uuid.uuid7`` (it arrives in 3.14); this is the RFC's layout with a
monotonic counter in ``rand_a`` so that ids made in the same millisecond still sort.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def uuid7() -> str:
    """A new UUIDv7 as a 36-character lower-case string."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms
            _counter += 1
            if _counter > 0xFFF:  # 4096 ids in one millisecond: borrow the next one
                ms += 1
                _counter = 0
        else:
            _counter = secrets.randbits(11)
        _last_ms = ms
        counter = _counter
    rand_b = secrets.randbits(62)
    value = (ms & ((1 << 48) - 1)) << 80
    value |= 0x7 << 76
    value |= counter << 64
    value |= 0b10 << 62
    value |= rand_b
    return str(uuid.UUID(int=value))


def uuid7_time_ms(value: str) -> int:
    """The Unix time in milliseconds carried by a UUIDv7 string.

    Raises ValueError if ``value`` is not a version-7 UUID.
    """
    parsed = uuid.UUID(value)
    if parsed.version != 7:
        raise ValueError(f"not a UUIDv7: {value}")
    return parsed.int >> 80
