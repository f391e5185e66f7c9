"""The notice QR payload: encoding, signing, refusing anything altered, reading images."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import random
import time
import zlib
from pathlib import Path

import cbor2
import pytest
import qrcode
import qrcode.exceptions
import qrcode.util
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw

from fieldapp.errors import UserError
from fieldapp.notices import qr
from fieldapp.notices.qr import (
    B45_ALPHABET,
    MAX_PAYLOAD_CHARS,
    MAX_VERSION,
    NotANoticeCode,
    NoticeClaims,
    PayloadInvalid,
    UnsupportedVersion,
    b45decode,
    b45encode,
    claims_lines_zh,
    content_digest,
    decode_image,
    decode_pdf,
    fit_claims,
    key_id_of,
    parse_payload,
    payload_length,
    qr_matrix,
    qr_version,
    sign_claims,
    verify_payload,
)


def _raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)


KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
PUBLIC = _raw(KEY)
KEY_ID = key_id_of(PUBLIC)
TRUSTED = {KEY_ID: PUBLIC}

REALISTIC = NoticeClaims(
    kind="order",
    number="（长）市监特令〔2026〕第A07-0001号",
    unit_credit_code="91220101MA17XK3P2L",
    unit_name="长春市宏达电梯安装维修有限公司",  # 15 characters
    issued=dt.date(2026, 3, 12),
    deadline=dt.date(2026, 4, 11),
    measures=("rectify", "stop_use"),
    finding_codes=("EL-REG-02", "EL-MNT-03", "EL-MGT-01", "EL-SITE-04", "FREE"),
    key_id=KEY_ID,
    digest=content_digest("指令书正文"),
)

# real checklist codes, for generated notices
CODES = [
    f"{p}-{i:02d}"
    for p in ("EL-REG", "EL-MNT", "ES-SITE", "RD-DAY", "BL-ACC")
    for i in range(1, 13)
]
HANZI = "长春吉林市区物业服务有限公司医院学校热力燃气鑫源华泰宏达瑞通酿造厂站广场梅河口珲春镇乡村"


def _random_claims(rng: random.Random, key_id: str = KEY_ID) -> NoticeClaims:
    issued = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(3000))
    kind = rng.choice(qr.KINDS)
    return NoticeClaims(
        kind=kind,
        number=f"（{rng.choice('长吉四辽通白松城延')}）市监特令〔{issued.year}〕第"
        f"A{rng.randrange(100):02d}-{rng.randrange(10000):04d}号",
        unit_credit_code="".join(rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(18)),
        unit_name="".join(rng.choice(HANZI) for _ in range(rng.randint(2, 40))),
        issued=issued,
        deadline=None if rng.random() < 0.3 else issued + dt.timedelta(days=rng.randint(1, 90)),
        measures=tuple(rng.sample(qr.MEASURES, rng.randint(0, 4))),
        finding_codes=tuple(rng.choice(CODES) for _ in range(rng.choice([0, 1, 5, 20, 60]))),
        key_id=key_id,
        digest=rng.randbytes(16),
    )


# --- Base45 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"AB", "BB8"),
        (b"Hello!!", "%69 VD92EX0"),
        (b"base-45", "UJCLQE7W581"),
        (b"ietf!", "QED8WEX0"),
        (b"", ""),
    ],
)
def test_base45_rfc9285_vectors(data: bytes, text: str) -> None:
    assert b45encode(data) == text
    assert b45decode(text) == data


@pytest.mark.parametrize("text", ["GGW", "A", "ABCD", "aBC", "QED8WEX0é", "::"])
def test_base45_refuses_invalid_text(text: str) -> None:
    with pytest.raises(ValueError):
        b45decode(text)


@given(st.binary(max_size=300))
def test_base45_round_trips(data: bytes) -> None:
    assert b45decode(b45encode(data)) == data


# --- round trip ---------------------------------------------------------------------------


def test_round_trip_realistic_notice() -> None:
    text = sign_claims(REALISTIC, KEY)
    assert text.startswith("FAN1:")
    assert set(text[5:]) <= set(B45_ALPHABET)
    parsed = parse_payload(text)
    assert parsed.claims == REALISTIC
    assert parsed.signed_bytes.startswith(b"fieldapp-notice-1\0")
    result = verify_payload(text, TRUSTED)
    assert result.valid, result.reason
    assert result.reason == ""
    assert result.claims == REALISTIC
    assert result.key_id == KEY_ID


def test_realistic_notice_stays_within_version_13() -> None:
    text = sign_claims(REALISTIC, KEY)
    assert len(text) == payload_length(REALISTIC) <= MAX_PAYLOAD_CHARS
    assert qr_version(text) <= MAX_VERSION
    matrix = qr_matrix(text)
    assert len(matrix) == 17 + 4 * qr_version(text)
    assert all(len(row) == len(matrix) for row in matrix)


def test_max_payload_chars_is_the_capacity_of_the_max_version() -> None:
    assert qr_version("A" * MAX_PAYLOAD_CHARS) == MAX_VERSION
    assert qr_version("A" * (MAX_PAYLOAD_CHARS + 1)) == MAX_VERSION + 1


def test_no_deadline_no_findings_round_trip() -> None:
    claims = NoticeClaims(
        kind="seal",
        number="（吉）市监特封〔2026〕第B01-0002号",
        unit_credit_code="",
        unit_name="某",
        issued=dt.date(2026, 12, 31),
        deadline=None,
        measures=("seal",),
        finding_codes=(),
        key_id=KEY_ID,
        digest=bytes(16),
    )
    assert verify_payload(sign_claims(claims, KEY), TRUSTED).claims == claims


def test_claims_are_normalised_on_construction() -> None:
    claims = NoticeClaims(
        **{
            **REALISTIC.__dict__,
            "measures": ("seize", "rectify", "seize"),
            "finding_codes": ("B", "A", "B", "C", "A"),
        }
    )
    assert claims.measures == ("rectify", "seize")
    assert claims.finding_codes == ("B", "A", "C")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("kind", "fine"),
        ("measures", ("rectify", "fine")),
        ("number", ""),
        ("unit_name", ""),
        ("key_id", "ABCDEF0123456789"),
        ("key_id", "abc"),
        ("digest", bytes(15)),
        ("issued", dt.datetime(2026, 1, 1, 8, 0)),
        ("finding_codes", ("",)),
        ("findings_omitted", -1),
        ("version", 2),
    ],
)
def test_claims_out_of_range_are_refused(field: str, value: object) -> None:
    with pytest.raises(ValueError, match="invalid notice claims"):
        NoticeClaims(**{**REALISTIC.__dict__, field: value})


def test_thousand_generated_notices_all_verify() -> None:
    rng = random.Random(20260312)
    start = time.perf_counter()
    for _ in range(1000):
        claims = _random_claims(rng)
        text = sign_claims(claims, KEY)
        result = verify_payload(text, TRUSTED)
        assert result.valid, (result.reason, claims)
        assert result.claims == fit_claims(claims)
        if len(claims.unit_name) <= 18:  # only the findings are shortened then
            assert len(text) <= MAX_PAYLOAD_CHARS, claims
            assert result.claims is not None
            assert result.claims.unit_name == claims.unit_name
    assert time.perf_counter() - start < 10


def test_many_findings_are_cut_and_counted() -> None:
    codes = tuple(
        f"{p}-{i:02d}" for p in ("EL-REG", "EL-MNT", "ES-SITE", "RD-DAY") for i in range(1, 16)
    )
    claims = NoticeClaims(**{**REALISTIC.__dict__, "finding_codes": codes})
    result = verify_payload(sign_claims(claims, KEY), TRUSTED)
    assert result.valid and result.claims is not None
    kept = result.claims.finding_codes
    assert 0 < len(kept) < len(codes)
    assert kept == codes[: len(kept)]
    assert result.claims.findings_omitted == len(codes) - len(kept)
    assert any(
        f"另有 {len(codes) - len(kept)} 项未列出" in line for line in claims_lines_zh(result.claims)
    )
    # one more code would not have fitted
    assert payload_length(fit_claims(claims)) <= MAX_PAYLOAD_CHARS
    longer = NoticeClaims(
        **{
            **result.claims.__dict__,
            "finding_codes": codes[: len(kept) + 1],
            "findings_omitted": len(codes) - len(kept) - 1,
        }
    )
    assert payload_length(longer) > MAX_PAYLOAD_CHARS


def test_a_very_long_unusual_unit_name_is_cut_last() -> None:
    rng = random.Random(5)
    name = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(120))
    claims = NoticeClaims(**{**REALISTIC.__dict__, "unit_name": name})
    fitted = fit_claims(claims)
    assert fitted.finding_codes == ()
    assert fitted.findings_omitted == len(REALISTIC.finding_codes)
    assert fitted.unit_name.endswith("…")
    assert name.startswith(fitted.unit_name[:-1])
    assert payload_length(fitted) <= MAX_PAYLOAD_CHARS
    assert fitted.number == claims.number and fitted.digest == claims.digest


# --- alterations --------------------------------------------------------------------------


def _assert_every_change_fails(text: str, replacements: int | None, rng: random.Random) -> None:
    for position, original in enumerate(text):
        others = [c for c in B45_ALPHABET if c != original]
        for other in others if replacements is None else rng.sample(others, replacements):
            altered = text[:position] + other + text[position + 1 :]
            result = verify_payload(altered, TRUSTED)
            assert not result.valid, (position, other)
            assert result.reason


def test_every_single_character_change_of_the_realistic_payload_fails() -> None:
    _assert_every_change_fails(sign_claims(REALISTIC, KEY), None, random.Random(1))


def test_single_character_changes_of_other_payloads_fail() -> None:
    rng = random.Random(2)
    for _ in range(3):
        _assert_every_change_fails(sign_claims(_random_claims(rng), KEY), 3, rng)


def test_truncated_or_extended_payload_fails() -> None:
    text = sign_claims(REALISTIC, KEY)
    for altered in (text[:-1], text[:-2], text[:-3], text + "0", text + "000", text[:5]):
        assert not verify_payload(altered, TRUSTED).valid


def test_surrounding_line_breaks_are_ignored() -> None:
    assert verify_payload("\n" + sign_claims(REALISTIC, KEY) + "\r\n", TRUSTED).valid


# --- refusals and their reasons -----------------------------------------------------------


@pytest.mark.parametrize("text", ["", "HC1:NCFOXN%TS3DH", "https://example.org/", "fan1:ABC"])
def test_other_codes_are_not_notice_codes(text: str) -> None:
    with pytest.raises(NotANoticeCode, match="not a fieldapp notice code"):
        parse_payload(text)
    result = verify_payload(text, TRUSTED)
    assert not result.valid and "not a fieldapp notice code" in result.reason
    assert result.claims is None


def test_another_format_version_is_refused_clearly() -> None:
    text = "FAN2:" + sign_claims(REALISTIC, KEY)[5:]
    with pytest.raises(UnsupportedVersion, match="FAN2") as err:
        parse_payload(text)
    assert "update fieldapp" in str(err.value)
    assert isinstance(err.value, PayloadInvalid) and isinstance(err.value, UserError)


def test_claims_of_another_version_are_refused() -> None:
    body = cbor2.loads(qr.encode_claims(REALISTIC))
    body[1] = 2
    text = _envelope(cbor2.dumps(body), KEY)
    with pytest.raises(UnsupportedVersion, match="version 2"):
        parse_payload(text)


def test_unknown_key_is_named() -> None:
    other = Ed25519PrivateKey.generate()
    other_id = key_id_of(_raw(other))
    claims = NoticeClaims(**{**REALISTIC.__dict__, "key_id": other_id})
    result = verify_payload(sign_claims(claims, other), TRUSTED)
    assert not result.valid
    assert other_id in result.reason and "unknown key" in result.reason
    assert result.key_id == other_id
    assert result.claims == claims


def test_signature_of_another_key_does_not_match() -> None:
    impostor = Ed25519PrivateKey.generate()
    parsed = parse_payload(sign_claims(REALISTIC, KEY))
    forged = _envelope_bytes(parsed.signed_bytes[18:], impostor.sign(parsed.signed_bytes))
    result = verify_payload(forged, TRUSTED)
    assert not result.valid
    assert "signature does not match" in result.reason
    assert result.claims == REALISTIC


def test_sign_claims_refuses_a_key_that_is_not_the_claimed_one() -> None:
    with pytest.raises(ValueError, match="signed with"):
        sign_claims(REALISTIC, Ed25519PrivateKey.generate())


def test_trusted_key_under_a_wrong_id_is_a_bug() -> None:
    with pytest.raises(ValueError, match="has id"):
        verify_payload(sign_claims(REALISTIC, KEY), {KEY_ID: _raw(Ed25519PrivateKey.generate())})


def _deflate(plain: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zdict=qr.DICTIONARY)
    return packer.compress(plain) + packer.flush()


def _envelope_bytes(claims_bytes: bytes, signature: bytes) -> str:
    return "FAN1:" + b45encode(cbor2.dumps([claims_bytes, signature]))


def _envelope(plain_claims: bytes, key: Ed25519PrivateKey) -> str:
    packed = _deflate(plain_claims)
    return _envelope_bytes(packed, key.sign(b"fieldapp-notice-1\0" + packed))


def test_properly_signed_but_non_canonical_claims_are_refused() -> None:
    body = cbor2.loads(qr.encode_claims(REALISTIC))
    body[9] = [*body[9], body[9][0]]  # a duplicated finding code
    with pytest.raises(PayloadInvalid, match="not canonical"):
        parse_payload(_envelope(cbor2.dumps(body), KEY))
    reordered = dict(sorted(cbor2.loads(qr.encode_claims(REALISTIC)).items(), reverse=True))
    with pytest.raises(PayloadInvalid, match="not canonical"):
        parse_payload(_envelope(cbor2.dumps(reordered), KEY))


def test_non_canonical_envelope_is_refused() -> None:
    parsed = parse_payload(sign_claims(REALISTIC, KEY))
    packed = parsed.signed_bytes[18:]
    # the claims' byte string with an 8-byte length where 1 or 2 bytes do
    long_header = b"\x82\x5b" + len(packed).to_bytes(8, "big") + packed
    text = "FAN1:" + b45encode(long_header + cbor2.dumps(parsed.signature))
    with pytest.raises(PayloadInvalid, match="not canonical"):
        parse_payload(text)


def test_decompression_is_capped() -> None:
    bomb = cbor2.dumps({1: 1, 3: "A" * 200_000})
    with pytest.raises(PayloadInvalid, match="64 KiB"):
        parse_payload(_envelope(bomb, KEY))


@pytest.mark.parametrize(
    "value",
    [
        [],
        [b"x"],
        [b"x", b"y"],
        [b"", bytes(64)],
        ["text", bytes(64)],
        [b"\xff\xff", bytes(64)],
        {1: 2},
        [[1] * 3, bytes(64)],
    ],
)
def test_malformed_envelopes_are_refused(value: object) -> None:
    with pytest.raises(PayloadInvalid):
        parse_payload("FAN1:" + b45encode(cbor2.dumps(value)))


@pytest.mark.parametrize(
    "claims",
    [
        [1, 2, 3],
        {"1": 1},
        {1: 1},
        {1: True},
        {
            1: 1,
            2: 9,
            3: "x",
            4: "y",
            5: "z",
            6: 20260101,
            8: [],
            9: [],
            11: bytes(8),
            12: bytes(16),
        },
        {
            1: 1,
            2: 1,
            3: "x",
            4: "y",
            5: "z",
            6: 20261301,
            8: [],
            9: [],
            11: bytes(8),
            12: bytes(16),
        },
        {
            1: 1,
            2: 1,
            3: "x",
            4: "y",
            5: "z",
            6: 20260101,
            8: [7],
            9: [],
            11: bytes(8),
            12: bytes(16),
        },
        {
            1: 1,
            2: 1,
            3: "x",
            4: "y",
            5: "z",
            6: 20260101,
            8: [],
            9: [1],
            11: bytes(8),
            12: bytes(16),
        },
        {
            1: 1,
            2: 1,
            3: "x",
            4: "y",
            5: "z",
            6: 20260101,
            8: [],
            9: [],
            11: bytes(7),
            12: bytes(16),
        },
        {1: 1, 2: 1, 3: "x", 4: "y", 5: "z", 6: 20260101, 8: [], 9: [], 11: bytes(8), 12: "d"},
        {
            1: 1,
            2: 1,
            3: "x",
            4: "y",
            5: "z",
            6: 20260101,
            8: [],
            9: [],
            11: bytes(8),
            12: bytes(16),
            13: 0,
        },
        {
            1: 1,
            2: 1,
            3: "x",
            4: "y",
            5: "z",
            6: 20260101,
            8: [],
            9: [],
            10: "1",
            11: bytes(8),
            12: bytes(16),
        },
    ],
)
def test_malformed_claims_are_refused(claims: object) -> None:
    with pytest.raises(PayloadInvalid):
        parse_payload(_envelope(cbor2.dumps(claims), KEY))


# --- hostile input ------------------------------------------------------------------------

_cbor_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.text(max_size=20)
    | st.binary(max_size=20)
    | st.floats(allow_nan=True),
    lambda inner: (
        st.lists(inner, max_size=5) | st.dictionaries(st.integers(0, 14), inner, max_size=13)
    ),
    max_leaves=30,
)


def _parses_or_refuses(text: str) -> None:
    with contextlib.suppress(PayloadInvalid):
        parse_payload(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_arbitrary_text_only_ever_raises_payload_invalid(text: str) -> None:
    _parses_or_refuses(text)
    _parses_or_refuses("FAN1:" + text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=B45_ALPHABET, max_size=600))
def test_arbitrary_base45_only_ever_raises_payload_invalid(text: str) -> None:
    _parses_or_refuses("FAN1:" + text)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400), st.binary(max_size=70))
def test_arbitrary_envelope_contents_only_ever_raise_payload_invalid(
    claims: bytes, signature: bytes
) -> None:
    _parses_or_refuses(_envelope_bytes(claims, signature))
    _parses_or_refuses(_envelope_bytes(_deflate(claims), bytes(64)))
    _parses_or_refuses("FAN1:" + b45encode(claims))


@settings(max_examples=300, deadline=None)
@given(_cbor_values)
def test_arbitrary_cbor_claims_only_ever_raise_payload_invalid(value: object) -> None:
    _parses_or_refuses(_envelope_bytes(_deflate(cbor2.dumps(value)), bytes(64)))
    _parses_or_refuses("FAN1:" + b45encode(cbor2.dumps(value)))


def test_deeply_nested_cbor_is_refused() -> None:
    nested = b"\x81" * 5000 + b"\x00"
    with pytest.raises(PayloadInvalid):
        parse_payload(_envelope_bytes(_deflate(nested), bytes(64)))
    with pytest.raises(PayloadInvalid):
        parse_payload("FAN1:" + b45encode(nested))


def test_overlong_text_is_refused_before_decoding() -> None:
    with pytest.raises(PayloadInvalid, match="too long"):
        parse_payload("FAN1:" + "0" * 100_000)


# --- the rest of the API ------------------------------------------------------------------


def test_dictionary_is_frozen() -> None:
    # format FAN1 depends on these exact bytes; a new dictionary needs a new prefix
    assert hashlib.sha256(qr.DICTIONARY).hexdigest() == DICTIONARY_SHA256


DICTIONARY_SHA256 = "6ba652b8261dec41dcce0f34f778d991b22c5279116ecba66064947fc3dcdb48"


def test_content_digest_and_key_id() -> None:
    assert content_digest("abc") == hashlib.sha256(b"abc").digest()[:16]
    assert key_id_of(PUBLIC) == hashlib.sha256(PUBLIC).hexdigest()[:16]
    with pytest.raises(ValueError):
        key_id_of(b"short")


def test_claims_lines_in_chinese() -> None:
    lines = claims_lines_zh(REALISTIC)
    assert lines == [
        "文书：特种设备安全监察指令书",
        "编号：（长）市监特令〔2026〕第A07-0001号",
        "被检查单位：长春市宏达电梯安装维修有限公司",
        "统一社会信用代码：91220101MA17XK3P2L",
        "下达日期：2026年3月12日",
        "整改期限：2026年4月11日前",
        "措施：责令限期改正、责令立即停止使用",
        "问题代码：EL-REG-02、EL-MNT-03、EL-MGT-01、EL-SITE-04、FREE",
        f"内容摘要：{REALISTIC.digest.hex()}",
        f"签发人密钥：{KEY_ID}",
    ]
    bare = NoticeClaims(
        **{**REALISTIC.__dict__, "deadline": None, "finding_codes": (), "measures": ()}
    )
    assert "整改期限：无" in claims_lines_zh(bare)
    assert "问题代码：无" in claims_lines_zh(bare)


# --- reading images and PDFs --------------------------------------------------------------


def _render(text: str, module: int = 6, quiet: int = 4) -> Image.Image:
    matrix = qr_matrix(text)
    size = (len(matrix) + 2 * quiet) * module
    image = Image.new("L", (size, size), 255)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                left, top = (x + quiet) * module, (y + quiet) * module
                draw.rectangle((left, top, left + module - 1, top + module - 1), fill=0)
    return image


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def test_decode_image_reads_a_rendered_code_back() -> None:
    text = sign_claims(REALISTIC, KEY)
    assert decode_image(_png(_render(text))) == [text]
    assert verify_payload(decode_image(_png(_render(text)))[0], TRUSTED).valid


def test_decode_image_survives_damage_to_part_of_the_code() -> None:
    text = sign_claims(REALISTIC, KEY)
    image = _render(text)
    # a smudge over about a tenth of the symbol, away from the finder patterns
    ImageDraw.Draw(image).rectangle((180, 180, 300, 300), fill=255)
    assert decode_image(_png(image)) == [text]


def test_decode_image_ignores_other_codes() -> None:
    assert decode_image(_png(_render("HTTPS://EXAMPLE.ORG/"))) == []
    assert decode_image(_png(Image.new("L", (50, 50), 255))) == []


@pytest.mark.parametrize("data", [b"", b"not an image", b"%PDF-1.4 broken", b"\x89PNG\r\n\x1a\n"])
def test_decode_image_refuses_what_is_not_an_image(data: bytes) -> None:
    with pytest.raises(PayloadInvalid, match="not an image"):
        decode_image(data)


def test_decode_pdf_reads_the_code_on_its_pages() -> None:
    text = sign_claims(REALISTIC, KEY)
    pages = [Image.new("L", (1240, 1754), 255) for _ in range(2)]
    pages[1].paste(_render(text, module=3), (800, 1300))
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=150)
    assert decode_pdf(out.getvalue()) == [text]


@pytest.mark.parametrize("data", [b"", b"not a pdf", _png(Image.new("L", (5, 5), 255))])
def test_decode_pdf_refuses_what_is_not_a_pdf(data: bytes) -> None:
    with pytest.raises(PayloadInvalid, match="not a PDF"):
        decode_pdf(data)


def test_worked_example_in_the_docs_verifies() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "qr-format.md").read_text(encoding="utf-8")
    block = doc.split("**Text**")[1].split("```")[1]
    text = "".join(block.strip("\n").split("\n"))
    result = verify_payload(text, TRUSTED)  # the example key is KEY
    assert result.valid, result.reason
    assert result.claims is not None
    assert "\n".join(claims_lines_zh(result.claims)) in doc
    assert len(text) == 307
    assert qr_version(text) == 13


# --- the mask: ours is qrcode's, only sooner ------------------------------------------------


def _library_code(text: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=qr.ERROR_CORRECTION, border=0)
    code.add_data(text)
    code.make(fit=True)
    return code


@settings(max_examples=150)
@given(st.text(alphabet=B45_ALPHABET, min_size=1, max_size=900))
def test_matrix_is_exactly_what_qrcode_makes(text: str) -> None:
    expected = [[bool(m) for m in row] for row in _library_code(text).get_matrix()]
    assert qr_matrix(text) == expected


def test_penalty_is_qrcode_lost_point_for_every_mask() -> None:
    rng = random.Random(11)
    for length in (3, 40, 180, 307, 700):
        text = "".join(rng.choice(B45_ALPHABET) for _ in range(length))
        code = qrcode.QRCode(error_correction=qr.ERROR_CORRECTION, border=0)
        code.add_data(text)
        code.best_fit()
        for mask in range(8):
            code.makeImpl(True, mask)
            rows = [int("".join("1" if m else "0" for m in row), 2) for row in code.modules]
            assert qr.mask_penalty(rows, len(rows)) == qrcode.util.lost_point(code.modules)
        assert qr.best_mask_pattern(code) == code.best_mask_pattern()


@pytest.mark.parametrize(
    "text",
    [
        "0" * 41,  # numeric only
        "FAN1:" + "1234567890" * 9 + "ABC",  # an alphanumeric, a numeric and another segment
        "fan1:lower case is bytes mode " * 5,
        "扫码核验" * 30,  # UTF-8 bytes
        "A" * 1852,  # version 27: the mode sizes change on the way up
    ],
)
def test_matrix_of_every_segment_mode_is_what_qrcode_makes(text: str) -> None:
    expected = [[bool(m) for m in row] for row in _library_code(text).get_matrix()]
    assert qr_matrix(text) == expected


def test_too_much_data_for_any_version_is_refused() -> None:
    with pytest.raises(qrcode.exceptions.DataOverflowError):
        qr_matrix("A" * 4297)  # version 40-Q holds 2,420 alphanumeric characters
