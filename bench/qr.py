"""The size of a realistic notice's QR payload and the QR version it needs.

A realistic 指令书: a 15-character Chinese unit name, five finding codes, a deadline, signed
with Ed25519. Printed beside the same claims written as plain JSON (no signature), and
beside the target version 13 (at most about 40 mm on the page at error correction Q).

python bench/qr.py
"""

from __future__ import annotations

import datetime as dt
import json

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from fieldapp.notices.qr import (
    MAX_VERSION,
    NoticeClaims,
    content_digest,
    key_id_of,
    qr_version,
    sign_claims,
)

#: the key of the worked example in docs/qr-format.md (never a real officer's key)
EXAMPLE_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))


def realistic_claims() -> NoticeClaims:
    """The claims of a typical elevator notice (the worked example of docs/qr-format.md)."""
    public = EXAMPLE_KEY.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return NoticeClaims(
        kind="order",
        number="（长）市监特令〔2026〕第A07-0001号",
        unit_credit_code="91220101MA17XK3P2L",
        unit_name="长春市宏达电梯安装维修有限公司",
        issued=dt.date(2026, 3, 12),
        deadline=dt.date(2026, 4, 11),
        measures=("rectify",),
        finding_codes=("EL-REG-02", "EL-MNT-03", "EL-MGT-01", "EL-SITE-04", "FREE"),
        key_id=key_id_of(public),
        digest=content_digest("指令书正文（示例）"),
    )


def claims_as_json(claims: NoticeClaims) -> str:
    """The claims as compact plain JSON text, field names spelt out (the baseline)."""
    return json.dumps(
        {
            "version": claims.version,
            "kind": claims.kind,
            "number": claims.number,
            "unit_credit_code": claims.unit_credit_code,
            "unit_name": claims.unit_name,
            "issued": claims.issued.isoformat(),
            "deadline": claims.deadline.isoformat() if claims.deadline else None,
            "measures": list(claims.measures),
            "finding_codes": list(claims.finding_codes),
            "key_id": claims.key_id,
            "digest": claims.digest.hex(),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def measure() -> dict[str, dict[str, float]]:
    claims = realistic_claims()
    text = sign_claims(claims, EXAMPLE_KEY)
    return {
        "qr_payload": {"value": float(len(text)), "baseline": float(len(claims_as_json(claims)))},
        "qr_version": {"value": float(qr_version(text)), "baseline": float(MAX_VERSION)},
    }


if __name__ == "__main__":
    for name, figure in measure().items():
        print(f"{name:<11} {figure['value']:>6.0f}  baseline {figure['baseline']:>6.0f}")
