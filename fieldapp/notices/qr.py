"""The notice QR payload: signed compact claims as text, and the QR module matrix.

``FAN1:`` + Base45( CBOR [claims, Ed25519 signature] ), where ``claims`` is a CBOR map with
small integer keys, DEFLATE-compressed with a preset dictionary; the signature covers the
compressed bytes. Every byte is described in ``docs/qr-format.md``. Modelled on the EU
Digital COVID Certificate.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import io
import re
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Final

import cbor2
import qrcode
import qrcode.base
import qrcode.constants
import qrcode.exceptions
import qrcode.LUT
import qrcode.util
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from fieldapp.errors import UserError

PREFIX: Final = "FAN1:"
FORMAT_VERSION: Final = 1
#: prepended to the claims before signing, so a notice signature means nothing elsewhere
SIGNING_DOMAIN: Final = b"fieldapp-notice-1\0"
#: error-correction level of every notice QR code (Q: about 25 % of the code may be lost)
ERROR_CORRECTION: Final = qrcode.constants.ERROR_CORRECT_Q
#: the largest QR version a notice aims at (69 × 69 modules: 0.52 mm a module at 40 mm)
MAX_VERSION: Final = 13
#: characters version 13 holds at level Q in alphanumeric mode; ``fit_claims`` keeps to it
MAX_PAYLOAD_CHARS: Final = 352

KINDS: Final = ("order", "seal", "seize")  # 指令书, 查封决定书, 扣押决定书
MEASURES: Final = ("rectify", "stop_use", "seal", "seize")
KIND_NAMES_ZH: Final = {
    "order": "特种设备安全监察指令书",
    "seal": "查封决定书",
    "seize": "扣押决定书",
}
MEASURE_NAMES_ZH: Final = {
    "rectify": "责令限期改正",
    "stop_use": "责令立即停止使用",
    "seal": "查封",
    "seize": "扣押",
}

_MAX_TEXT_CHARS: Final = 8192  # QR version 40 holds 4296 alphanumeric characters
_MAX_CLAIMS_BYTES: Final = 64 * 1024
_SIGNATURE_BYTES: Final = 64
_KEY_ID_BYTES: Final = 8
_DIGEST_BYTES: Final = 16

#: The preset dictionary of the claims' DEFLATE stream (docs/qr-format.md, "Dictionary"):
#: words that recur in notices, the most frequent last. Part of format FAN1: never change
#: it (a test pins its SHA-256); a new dictionary means a new prefix.
DICTIONARY: Final = "".join(
    (
        # rarer words of unit names
        "电梯安装维修保养设备锅炉起重游艺索道压力容器管道液化天然气石油能源材料电子信息文化传媒"
        "餐饮医药生物药业矿业铁路交通运输物流公交水务城建市政园林体育馆会展影城养老院管理委员会"
        "街道办事处社区小区花园公寓大厦综合体批发市场附属第二第三县镇乡村",
        # checklist code prefixes of the shipped checklists (2026), rarest first
        "BL-FUEL-GC-TYPE-PP-USR-PV-TYPE-RW-COM-RW-TYPE-VH-EMG-VH-GEN-BL-EMG-EL-DW-EL-EX-EL-FF-"
        "ES-EMG-GC-TRC-HC-PER-LM-EMG-VH-CHG-ES-SGN-GC-CUS-GC-EMG-HC-DEV-HC-MNT-HC-RUN-LM-PER-"
        "PP-DOC-PP-EMG-PP-PER-PP-REG-PP-STA-PV-EMG-PV-QO-RW-PER-VH-PER-ES-MGT-GC-LIC-GC-SITE-"
        "HC-REG-PP-ACC-RD-TYPE-RW-PAS-RW-RES-RW-WX-BL-ROOM-BL-WTR-EL-HYD-EL-MOD-ES-MNT-HC-PAS-"
        "LM-CMP-LM-PK-RD-PER-RD-SEA-RW-DAY-VH-CHK-VH-SS-EL-EMG-ES-REG-GC-FIL-GC-MOB-HC-EMG-"
        "PV-ACC-RD-EMG-RD-RST-RD-SITE-RW-MNT-RW-REG-VH-FL-LM-REC-LM-REG-PP-INS-PP-RTE-PV-OPS-"
        "PV-OX-VH-REG-BL-OPS-BL-REG-RD-MNT-RD-PAS-EL-MGT-LM-SAF-PV-REG-RD-REG-EL-REG-BL-ACC-"
        "EL-MNT-RD-DAY-EL-SITE-ES-SITE-FREE",
        # places in Jilin
        "梅河口市公主岭市珲春市敦化市延吉市延边朝鲜族自治州白城市松原市白山市通化市辽源市四平市"
        "丰满区船营区龙潭区昌邑区九台区双阳区绿园区二道区朝阳区宽城区南关区"
        "高新技术产业开发区净月汽车经济技术开发区吉林市长春市吉林省",
        # words of unit names
        "妇幼保健院卫生院中医院职业技术学院大学幼儿园小学中学实验学校中心医院人民医院"
        "机场火车站客运站地铁欢乐世界游乐园滑雪度假区旅游宾馆大酒店超市百货商场广场购物中心"
        "钢铁水泥食品酿造制药机械制造零部件汽车石化化工电力供水供热热力燃气"
        "贸易商贸实业投资发展科技置业房地产开发建筑工程建设集团商业管理物业管理物业服务"
        "股份有限公司有限责任公司有限公司",
        # notice numbers; credit code starts (Jilin enterprise, institution, social body)
        "（延）（城）（松）（白）（通）（辽）（四）（吉）（长）市监特扣〔202市监特封〔202"
        "〕第号市监特令〔202652220122209122",
    )
).encode("utf-8")

# CBOR map keys of the claims (docs/qr-format.md, "Claims")
_K_VERSION, _K_KIND, _K_NUMBER, _K_CREDIT, _K_NAME, _K_ISSUED = 1, 2, 3, 4, 5, 6
_K_DEADLINE, _K_MEASURES, _K_FINDINGS, _K_OMITTED, _K_KEY_ID, _K_DIGEST = 7, 8, 9, 10, 11, 12

_KEY_ID_RE: Final = re.compile(r"[0-9a-f]{16}")


class PayloadInvalid(UserError):
    """A text is not a well-formed notice payload (wrong prefix, damaged, malformed)."""


class NotANoticeCode(PayloadInvalid):
    """The text does not start with the ``FAN`` prefix: some other QR code."""


class UnsupportedVersion(PayloadInvalid):
    """The payload is a notice code of a format version this build cannot read."""


# --- claims -------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class NoticeClaims:
    """What a notice's QR code asserts, signed by the issuing officer.

    ``measures`` is put in the order of ``MEASURES`` and ``finding_codes`` is deduplicated
    (first occurrence kept) on construction. ``findings_omitted`` counts finding codes left
    out so that the code stays small (see ``fit_claims``). Raises ``ValueError`` for a field
    out of its range (a bug in the caller, or a malformed payload while parsing).
    """

    kind: str
    number: str
    unit_credit_code: str
    unit_name: str
    issued: dt.date
    deadline: dt.date | None
    measures: tuple[str, ...]
    finding_codes: tuple[str, ...]
    key_id: str
    digest: bytes
    findings_omitted: int = 0
    version: int = FORMAT_VERSION

    def __post_init__(self) -> None:
        unknown = set(self.measures) - set(MEASURES)
        if unknown:
            raise ValueError(f"invalid notice claims: measures {sorted(unknown)!r}")
        object.__setattr__(self, "measures", tuple(m for m in MEASURES if m in set(self.measures)))
        object.__setattr__(self, "finding_codes", tuple(dict.fromkeys(self.finding_codes)))
        _check_claims(self)


def _check_claims(c: NoticeClaims) -> None:
    problems = []
    if c.version != FORMAT_VERSION:
        problems.append(f"version {c.version!r}")
    if c.kind not in KINDS:
        problems.append(f"kind {c.kind!r}")
    for name, value, least, limit in (
        ("number", c.number, 1, 64),
        ("unit_credit_code", c.unit_credit_code, 0, 32),
        ("unit_name", c.unit_name, 1, 200),
    ):
        if not isinstance(value, str) or not least <= len(value) <= limit:
            problems.append(f"{name} {value!r}")
    for name, day in (("issued", c.issued), ("deadline", c.deadline)):
        is_date = isinstance(day, dt.date) and not isinstance(day, dt.datetime)
        if not is_date and not (name == "deadline" and day is None):
            problems.append(f"{name} {day!r}")
    if len(c.finding_codes) > 1000 or not all(
        isinstance(code, str) and 0 < len(code) <= 32 for code in c.finding_codes
    ):
        problems.append("finding_codes")
    omitted = c.findings_omitted
    if type(omitted) is not int or not 0 <= omitted <= 100_000:
        problems.append(f"findings_omitted {omitted!r}")
    if not isinstance(c.key_id, str) or not _KEY_ID_RE.fullmatch(c.key_id):
        problems.append(f"key_id {c.key_id!r} (16 lower-case hex digits)")
    if not isinstance(c.digest, bytes) or len(c.digest) != _DIGEST_BYTES:
        problems.append(f"digest ({_DIGEST_BYTES} bytes)")
    if problems:
        raise ValueError("invalid notice claims: " + "; ".join(problems))


def content_digest(text: str) -> bytes:
    """The 16-byte digest a notice's claims carry: the first half of SHA-256 of ``text``
    (the notice's canonical content) encoded as UTF-8. Raises nothing."""
    return hashlib.sha256(text.encode("utf-8")).digest()[:_DIGEST_BYTES]


def key_id_of(public_key: bytes) -> str:
    """The key id of a raw 32-byte Ed25519 public key: the first 8 bytes of its SHA-256, as
    16 lower-case hex digits. Raises ``ValueError`` if ``public_key`` is not 32 bytes."""
    if len(public_key) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return hashlib.sha256(public_key).digest()[:_KEY_ID_BYTES].hex()


def _day_number(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def _day_from_number(value: object) -> dt.date:
    if not isinstance(value, int) or isinstance(value, bool) or not 10101 <= value <= 99991231:
        raise ValueError(f"date {value!r}")
    return dt.date(value // 10000, value // 100 % 100, value % 100)


def encode_claims(claims: NoticeClaims) -> bytes:
    """The canonical CBOR map of ``claims`` (uncompressed). Raises nothing."""
    body: dict[int, object] = {
        _K_VERSION: claims.version,
        _K_KIND: KINDS.index(claims.kind) + 1,
        _K_NUMBER: claims.number,
        _K_CREDIT: claims.unit_credit_code,
        _K_NAME: claims.unit_name,
        _K_ISSUED: _day_number(claims.issued),
    }
    if claims.deadline is not None:
        body[_K_DEADLINE] = _day_number(claims.deadline)
    body[_K_MEASURES] = [MEASURES.index(m) + 1 for m in claims.measures]
    body[_K_FINDINGS] = list(claims.finding_codes)
    if claims.findings_omitted:
        body[_K_OMITTED] = claims.findings_omitted
    body[_K_KEY_ID] = bytes.fromhex(claims.key_id)
    body[_K_DIGEST] = claims.digest
    return cbor2.dumps(body)


def _pack_claims(claims: NoticeClaims) -> bytes:
    """The claims as carried: raw DEFLATE (level 9) of their CBOR with the preset dictionary."""
    packer = zlib.compressobj(9, zlib.DEFLATED, -15, 9, zdict=DICTIONARY)
    return packer.compress(encode_claims(claims)) + packer.flush()


def _payload_text(claims_bytes: bytes, signature: bytes) -> str:
    return PREFIX + b45encode(cbor2.dumps([claims_bytes, signature]))


def payload_length(claims: NoticeClaims) -> int:
    """The length of the payload text of exactly ``claims``, whatever the key (what
    ``sign_claims`` returns for claims that ``fit_claims`` leaves as they are). Raises
    nothing."""
    return len(_payload_text(_pack_claims(claims), bytes(_SIGNATURE_BYTES)))


def fit_claims(claims: NoticeClaims, max_chars: int = MAX_PAYLOAD_CHARS) -> NoticeClaims:
    """Shorten ``claims`` until their payload has at most ``max_chars`` characters.

    First finding codes are dropped from the end (``findings_omitted`` counts them), then
    the unit name is cut, ending in "…" (at least 8 characters are kept; the credit code
    still names the unit). The number, credit code, dates, measures, key and digest are
    never shortened, so a payload may still exceed ``max_chars``. Raises nothing.
    """
    if payload_length(claims) <= max_chars:
        return claims
    codes = claims.finding_codes

    def keeping(kept: int) -> NoticeClaims:
        omitted = claims.findings_omitted + len(codes) - kept
        return replace(claims, finding_codes=codes[:kept], findings_omitted=omitted)

    shorter = keeping(0)
    if payload_length(shorter) <= max_chars:
        fits, too_many = 0, len(codes)  # binary search for the most codes that fit
        while too_many - fits > 1:
            middle = (fits + too_many) // 2
            if payload_length(keeping(middle)) <= max_chars:
                fits = middle
            else:
                too_many = middle
        return keeping(fits)
    name = shorter.unit_name
    while len(name) > 8 and payload_length(shorter) > max_chars:
        name = name[: len(name) - 2] + "…"
        shorter = replace(shorter, unit_name=name)
    return shorter


# --- signing and parsing ------------------------------------------------------------------


def sign_claims(claims: NoticeClaims, private_key: Ed25519PrivateKey) -> str:
    """Sign ``claims`` with the officer's key and return the payload text for the QR code.

    The claims are first shortened by ``fit_claims`` so that the code stays within
    ``MAX_VERSION``. Raises ``ValueError`` if ``claims.key_id`` is not the id of
    ``private_key``'s public key.
    """
    public = private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    if key_id_of(public) != claims.key_id:
        raise ValueError(f"claims name key {claims.key_id}, signed with {key_id_of(public)}")
    claims_bytes = _pack_claims(fit_claims(claims))
    signature = private_key.sign(SIGNING_DOMAIN + claims_bytes)
    return _payload_text(claims_bytes, signature)


@dataclass(frozen=True)
class ParsedPayload:
    """A payload taken apart, not yet verified.

    ``signed_bytes`` is the exact message the signature covers (``SIGNING_DOMAIN`` followed
    by the claims as carried, compressed or not).
    """

    claims: NoticeClaims
    signed_bytes: bytes
    signature: bytes


def _damaged(detail: str) -> PayloadInvalid:
    return PayloadInvalid(
        f"二维码内容已损坏或被改动（{detail}） / the code is damaged or altered ({detail})"
    )


def parse_payload(text: str) -> ParsedPayload:
    """Take a payload text apart into its claims and signature, checking its form only.

    Surrounding line breaks and tabs are ignored. Raises ``NotANoticeCode`` if the text is
    not a fieldapp notice code, ``UnsupportedVersion`` for another format version, and
    ``PayloadInvalid`` for anything malformed; never any other exception.
    """
    if not isinstance(text, str):
        raise NotANoticeCode("这不是 fieldapp 指令书二维码 / not a fieldapp notice code")
    text = text.strip("\r\n\t")
    if not text.startswith("FAN"):
        raise NotANoticeCode("这不是 fieldapp 指令书二维码 / not a fieldapp notice code")
    if not text.startswith(PREFIX):
        tag = text.split(":", 1)[0][:12]
        raise UnsupportedVersion(
            f"二维码格式 {tag} 不受本版本支持（只识别 {PREFIX[:-1]}），请升级 fieldapp"
            f" / unsupported notice code format {tag} (this build reads {PREFIX[:-1]});"
            " update fieldapp"
        )
    if len(text) > _MAX_TEXT_CHARS:
        raise _damaged("过长 / too long")
    try:
        envelope = b45decode(text[len(PREFIX) :])
    except ValueError as err:
        raise _damaged(f"Base45: {err}") from None
    claims_bytes, signature = _split_envelope(envelope)
    plain = _unpack_claims(claims_bytes)
    claims = _decode_claims(plain)
    return ParsedPayload(claims, SIGNING_DOMAIN + claims_bytes, signature)


def _cbor_loads(data: bytes) -> Any:
    try:
        return cbor2.loads(
            data, max_depth=4, allow_indefinite=False, allow_duplicate_keys=False, immutable=False
        )
    except (cbor2.CBORError, ValueError, TypeError, OverflowError, RecursionError) as err:
        raise _damaged(f"CBOR: {type(err).__name__}") from None


def _split_envelope(envelope: bytes) -> tuple[bytes, bytes]:
    value = _cbor_loads(envelope)
    if not (
        isinstance(value, list)
        and len(value) == 2
        and all(type(part) is bytes for part in value)
        and len(value[1]) == _SIGNATURE_BYTES
        and value[0]
    ):
        raise _damaged("envelope")
    claims_bytes, signature = value
    if cbor2.dumps([claims_bytes, signature]) != envelope:
        raise _damaged("envelope not canonical")
    return claims_bytes, signature


def _unpack_claims(claims_bytes: bytes) -> bytes:
    inflater = zlib.decompressobj(-15, zdict=DICTIONARY)
    try:
        plain = inflater.decompress(claims_bytes, _MAX_CLAIMS_BYTES + 1)
    except zlib.error:
        raise _damaged("DEFLATE") from None
    if len(plain) > _MAX_CLAIMS_BYTES:
        raise _damaged("claims over 64 KiB")
    if not inflater.eof or inflater.unused_data or inflater.unconsumed_tail:
        raise _damaged("DEFLATE stream")
    return plain


def _decode_claims(plain: bytes) -> NoticeClaims:
    body = _cbor_loads(plain)
    if not isinstance(body, dict) or not all(type(k) is int for k in body):
        raise _damaged("claims")
    version = body.get(_K_VERSION)
    if version != FORMAT_VERSION or type(version) is not int:
        raise UnsupportedVersion(
            f"指令书二维码内容版本 {version!r} 不受支持，请升级 fieldapp"
            f" / unsupported notice claims version {version!r}; update fieldapp"
        )
    try:
        claims = _claims_from_map(body)
    except (ValueError, TypeError, KeyError, IndexError) as err:
        raise _damaged(f"claims: {str(err)[:80]}") from None
    if encode_claims(claims) != plain:
        raise _damaged("claims not canonical")
    return claims


def _claims_from_map(body: dict[int, Any]) -> NoticeClaims:
    known = {
        _K_VERSION, _K_KIND, _K_NUMBER, _K_CREDIT, _K_NAME, _K_ISSUED,
        _K_DEADLINE, _K_MEASURES, _K_FINDINGS, _K_OMITTED, _K_KEY_ID, _K_DIGEST,
    }  # fmt: skip
    if not set(body) <= known:
        raise ValueError("unknown keys")
    kind, measures, codes = body[_K_KIND], body[_K_MEASURES], body[_K_FINDINGS]
    if type(kind) is not int or not 1 <= kind <= len(KINDS):
        raise ValueError("kind")
    if type(measures) is not list or not all(
        type(m) is int and 1 <= m <= len(MEASURES) for m in measures
    ):
        raise ValueError("measures")
    if type(codes) is not list:
        raise ValueError("finding codes")
    key_id, digest = body[_K_KEY_ID], body[_K_DIGEST]
    if type(key_id) is not bytes or len(key_id) != _KEY_ID_BYTES or type(digest) is not bytes:
        raise ValueError("key id or digest")
    omitted = body.get(_K_OMITTED, 0)
    if type(omitted) is not int:
        raise ValueError("findings omitted")
    deadline = body.get(_K_DEADLINE)
    return NoticeClaims(
        kind=KINDS[kind - 1],
        number=body[_K_NUMBER],
        unit_credit_code=body[_K_CREDIT],
        unit_name=body[_K_NAME],
        issued=_day_from_number(body[_K_ISSUED]),
        deadline=None if deadline is None else _day_from_number(deadline),
        measures=tuple(MEASURES[m - 1] for m in measures),
        finding_codes=tuple(codes),
        key_id=key_id.hex(),
        digest=digest,
        findings_omitted=omitted,
    )


# --- verification -------------------------------------------------------------------------


@dataclass(frozen=True)
class Verification:
    """The outcome of checking a payload: ``reason`` is empty when ``valid``.

    ``claims`` is set whenever the payload could be parsed (also for an unknown key or a
    bad signature, to show what the code claims); ``key_id`` then names the signing key.
    """

    valid: bool
    reason: str
    claims: NoticeClaims | None
    key_id: str


def verify_payload(text: str, trusted: Mapping[str, bytes]) -> Verification:
    """Check a payload text against ``trusted`` (key id → raw 32-byte Ed25519 public key).

    Never raises for a bad payload: the outcome says why it is refused (not a notice
    code, unsupported version, damaged, unknown key, signature mismatch). Raises
    ``ValueError`` if ``trusted`` holds a key under an id that is not its own.
    """
    try:
        parsed = parse_payload(text)
    except PayloadInvalid as err:
        return Verification(False, str(err), None, "")
    claims = parsed.claims
    raw = trusted.get(claims.key_id)
    if raw is None:
        return Verification(
            False,
            f"签发人密钥 {claims.key_id} 不受信任（未导入该检查人员的公钥）"
            f" / signed by an unknown key {claims.key_id}"
            " (trust the officer's public key first: fieldapp keys trust FILE)",
            claims,
            claims.key_id,
        )
    if key_id_of(raw) != claims.key_id:
        raise ValueError(f"trusted key stored under {claims.key_id} has id {key_id_of(raw)}")
    try:
        Ed25519PublicKey.from_public_bytes(raw).verify(parsed.signature, parsed.signed_bytes)
    except InvalidSignature:
        return Verification(
            False,
            "签名不符：二维码内容被改动或并非该密钥签发"
            " / the signature does not match: the code was altered",
            claims,
            claims.key_id,
        )
    return Verification(True, "", claims, claims.key_id)


def _date_zh(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def claims_lines_zh(claims: NoticeClaims) -> list[str]:
    """The claims as Chinese lines for printing (``fieldapp verify``). Raises nothing."""
    codes = "、".join(claims.finding_codes) or "无"
    if claims.findings_omitted:
        codes += f"（另有 {claims.findings_omitted} 项未列出）"
    measures = "、".join(MEASURE_NAMES_ZH[m] for m in claims.measures) or "无"
    deadline = "无" if claims.deadline is None else _date_zh(claims.deadline) + "前"
    return [
        f"文书：{KIND_NAMES_ZH[claims.kind]}",
        f"编号：{claims.number}",
        f"被检查单位：{claims.unit_name}",
        f"统一社会信用代码：{claims.unit_credit_code}",
        f"下达日期：{_date_zh(claims.issued)}",
        f"整改期限：{deadline}",
        f"措施：{measures}",
        f"问题代码：{codes}",
        f"内容摘要：{claims.digest.hex()}",
        f"签发人密钥：{claims.key_id}",
    ]


# --- Base45 (RFC 9285) --------------------------------------------------------------------

B45_ALPHABET: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_B45_VALUE: Final = {c: i for i, c in enumerate(B45_ALPHABET)}


def b45encode(data: bytes) -> str:
    """Encode ``data`` as Base45 (RFC 9285). Raises nothing."""
    out: list[str] = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        n, c = divmod(n, 45)
        e, d = divmod(n, 45)
        out += (B45_ALPHABET[c], B45_ALPHABET[d], B45_ALPHABET[e])
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out += (B45_ALPHABET[c], B45_ALPHABET[d])
    return "".join(out)


def b45decode(text: str) -> bytes:
    """Decode Base45 text (RFC 9285), strictly. Raises ``ValueError`` for a character
    outside the alphabet, a bad length, or a group whose value is too large."""
    try:
        values = [_B45_VALUE[ch] for ch in text]
    except KeyError as err:
        raise ValueError(f"invalid character {err.args[0]!r}") from None
    if len(values) % 3 == 1:
        raise ValueError("invalid length")
    out = bytearray()
    for i in range(0, len(values), 3):
        group = values[i : i + 3]
        n = sum(v * 45**k for k, v in enumerate(group))
        if n > (0xFFFF if len(group) == 3 else 0xFF):
            raise ValueError("group out of range")
        out += n.to_bytes(len(group) - 1, "big")
    return bytes(out)


# --- the QR code --------------------------------------------------------------------------


def _make_qr(text: str) -> qrcode.QRCode:
    code = qrcode.QRCode(error_correction=ERROR_CORRECTION, border=0)
    code.add_data(text)
    _fit(code)
    code.data_cache = _data_codewords(code)
    _lay_out_with_best_mask(code)
    return code


# --- the data bits ------------------------------------------------------------------------
#
# qrcode writes its bit stream one ``put_bit`` call at a time (about 2,000 calls for a notice,
# three times over) and divides polynomials by building new lists for every step: together
# about 2 ms of a notice. We hand its own segment writers a buffer that takes a whole field at
# a time, and compute the Reed-Solomon remainders with its generator polynomials and Galois
# field tables as a shift register on an int. Segments, mode sizes, version limits, block
# layout and padding order stay qrcode's; tests compare whole matrices with qrcode's own.


class _Bits:
    """What qrcode's segments need of a ``BitBuffer`` (``put``, ``put_bit``, ``len``), kept
    as one int; ``buffer`` (the bytes, as ``create_bytes`` reads them) once ``close``d."""

    def __init__(self) -> None:
        self.value = 0
        self.length = 0
        self.buffer: list[int] = []

    def put(self, num: int, length: int) -> None:
        self.value = (self.value << length) | (num & ((1 << length) - 1))
        self.length += length

    def put_bit(self, bit: bool) -> None:
        self.put(int(bool(bit)), 1)

    def __len__(self) -> int:
        return self.length

    def close(self) -> None:
        pad = -self.length % 8
        self.buffer = list((self.value << pad).to_bytes((self.length + pad) // 8, "big"))


def _segments(code: qrcode.QRCode, sizes: Mapping[int, int]) -> _Bits:
    bits = _Bits()
    for data in code.data_list:
        bits.put(data.mode, 4)
        bits.put(len(data), sizes[data.mode])
        data.write(bits)
    return bits


def _fit(code: qrcode.QRCode) -> None:
    """``code.best_fit()``: the smallest version that holds the data, found the same way.
    Raises ``DataOverflowError`` when not even version 40 holds it."""
    start = 1
    while True:
        sizes = qrcode.util.mode_sizes_for_version(start)
        needed = len(_segments(code, sizes))
        limits = qrcode.util.BIT_LIMIT_TABLE[code.error_correction]
        version = bisect.bisect_left(limits, needed, start)
        if version == 41:
            raise qrcode.exceptions.DataOverflowError()
        if sizes is qrcode.util.mode_sizes_for_version(version):
            code.version = version
            return
        start = version


def _data_codewords(code: qrcode.QRCode) -> list[int]:
    """``qrcode.util.create_data`` for a fitted code: the segments, the terminator, the
    padding to whole bytes and then PAD0/PAD1; then each block's error correction, and the
    data and error codewords interleaved block by block."""
    bits = _segments(code, qrcode.util.mode_sizes_for_version(code.version))
    blocks = qrcode.base.rs_blocks(code.version, code.error_correction)
    limit = sum(block.data_count * 8 for block in blocks)
    if len(bits) > limit:
        raise qrcode.exceptions.DataOverflowError()
    bits.put(0, min(limit - len(bits), 4))
    bits.put(0, -len(bits) % 8)
    for i in range((limit - len(bits)) // 8):
        bits.put(qrcode.util.PAD1 if i % 2 else qrcode.util.PAD0, 8)
    bits.close()
    data: list[list[int]] = []
    errors: list[list[int]] = []
    offset = 0
    for block in blocks:
        data.append(bits.buffer[offset : offset + block.data_count])
        offset += block.data_count
        errors.append(_remainder(data[-1], block.total_count - block.data_count))
    return [
        codewords[i]
        for group in (data, errors)
        for i in range(max(map(len, group)))
        for codewords in group
        if i < len(codewords)
    ]


_shift_tables: dict[int, list[int]] = {}


def _remainder(data: list[int], count: int) -> list[int]:
    """The ``count`` error correction codewords of ``data``: the remainder of data·x^count
    divided by qrcode's generator polynomial of degree ``count``, over GF(256)."""
    if count not in _shift_tables:
        exp, log = qrcode.base.EXP_TABLE, qrcode.base.LOG_TABLE
        generator = qrcode.LUT.rsPoly_LUT[count][1:]
        _shift_tables[count] = [  # factor · generator, packed one byte per coefficient
            int.from_bytes(
                bytes(exp[(log[g] + log[f]) % 255] if f and g else 0 for g in generator),
                "big",
            )
            for f in range(256)
        ]
    table = _shift_tables[count]
    top = 8 * (count - 1)
    keep = (1 << (8 * count)) - 1
    register = 0
    for byte in data:
        register = ((register << 8) & keep) ^ table[byte ^ (register >> top)]
    return list(register.to_bytes(count, "big"))


# --- choosing the mask ----------------------------------------------------------------------
#
# qrcode picks the mask by laying the code out eight times and scoring each layout with the
# ISO/IEC 18004 penalty rules in pure Python: about 20 ms for our version-13 codes, a third of
# a notice's whole rendering time. We choose exactly the same mask (tests compare the two on
# many payloads) from one layout: in qrcode's scoring layouts every function module is
# mask-independent (format bits are left light), so layout k is layout 0 XOR a fixed,
# per-version difference, which we keep. The whole matrix is packed into one integer, row
# after row with a light separator bit between rows (and its transpose into another), so
# each of the four rules is a handful of whole-matrix bit operations.

_FINDER_LIKE: Final = (0b10111010000, 0b00001011101)


@dataclass(frozen=True)
class _Packing:
    """Bit masks for a ``size``×``size`` matrix packed with ``size + 1`` bits per row."""

    size: int
    pairs: int  # bit p: p and p + 1 lie in the same row
    lower_pairs: int  # the same, in every row but the first (which has no row above it)
    windows: int  # bit p: p … p + 10 lie in the same row

    @classmethod
    def of(cls, size: int) -> _Packing:
        def each_row(row_bits: int) -> int:
            return int(("0" + format(row_bits, f"0{size}b")) * size, 2)

        pairs = each_row((1 << (size - 1)) - 1)
        return cls(
            size,
            pairs,
            pairs & ~(((1 << size) - 1) << ((size + 1) * (size - 1))),
            each_row((1 << max(size - 10, 0)) - 1),
        )


_packings: dict[int, _Packing] = {}
_mask_differences: dict[int, list[tuple[int, int]]] = {}


def _packed(modules: list[list[bool | None]] | list[str]) -> tuple[int, int]:
    """A matrix (rows of modules, or of "0"/"1" texts) as (rows packed, columns packed)."""
    texts = [
        row if isinstance(row, str) else "".join("1" if m else "0" for m in row) for row in modules
    ]
    columns = map("".join, zip(*texts, strict=True))
    return int("0" + "0".join(texts), 2), int("0" + "0".join(columns), 2)


def _packing(size: int) -> _Packing:
    if size not in _packings:
        _packings[size] = _Packing.of(size)
    return _packings[size]


def _lines_penalty(packed: int, packing: _Packing) -> int:
    """Rules 1 and 3 over the rows of ``packed``: runs of five or more modules of one colour
    score their length − 2; each finder-like 1:1:3:1:1 pattern with four light modules on
    one side scores 40."""
    same = ~(packed ^ (packed >> 1)) & packing.pairs  # bit p: modules p and p + 1 alike
    five = same & (same >> 1) & (same >> 2) & (same >> 3)
    runs = five.bit_count() + 2 * (five & ~(same << 1)).bit_count()  # windows + 2 per run
    light = ~packed
    finders = 0
    for pattern in _FINDER_LIKE:
        found = packing.windows
        for j in range(11):
            found &= (packed if pattern >> j & 1 else light) >> j
        finders += found.bit_count()
    return runs + 40 * finders


def _penalty(rows: int, columns: int, packing: _Packing) -> int:
    size = packing.size
    same_below = ~(rows ^ (rows >> (size + 1)))  # bit p: module p alike the one above it
    blocks = same_below & (same_below >> 1) & ~(rows ^ (rows >> 1)) & packing.lower_pairs
    balance = int(abs(float(rows.bit_count()) / size**2 * 100 - 50) / 5) * 10
    return (
        _lines_penalty(rows, packing)
        + _lines_penalty(columns, packing)
        + 3 * blocks.bit_count()
        + balance
    )


def mask_penalty(rows: list[int], size: int) -> int:
    """The ISO/IEC 18004 §7.8.3 penalty of a ``size``×``size`` matrix given as row ints."""
    return _penalty(*_packed([format(row, f"0{size}b") for row in rows]), _packing(size))


def _differences(code: qrcode.QRCode) -> list[tuple[int, int]]:
    """Per mask k: scoring layout k XOR scoring layout 0, packed as rows and as columns."""
    version = int(code.version)
    if version not in _mask_differences:
        layouts = []
        for mask in range(8):
            code.makeImpl(True, mask)
            layouts.append(_packed(code.modules))
        rows_0, columns_0 = layouts[0]
        _mask_differences[version] = [(r ^ rows_0, c ^ columns_0) for r, c in layouts]
    return _mask_differences[version]


def _penalties(code: qrcode.QRCode) -> tuple[int, list[int], list[tuple[int, int]]]:
    """Scoring layout 0 packed as rows, the penalty of every mask, and the differences
    (leaves layout 0 in place)."""
    differences = _differences(code)
    code.makeImpl(True, 0)
    rows, columns = _packed(code.modules)
    packing = _packing(len(code.modules))
    penalties = [_penalty(rows ^ dr, columns ^ dc, packing) for dr, dc in differences]
    return rows, penalties, differences


def best_mask_pattern(code: qrcode.QRCode) -> int:
    """The mask qrcode's own ``best_mask_pattern`` picks, for a code after ``best_fit``."""
    _, penalties, _ = _penalties(code)
    return penalties.index(min(penalties))


def _lay_out_with_best_mask(code: qrcode.QRCode) -> None:
    """What ``code.makeImpl(False, best)`` does, without laying the data out a second time:
    the best scoring layout, then qrcode's own format and version information on it."""
    rows, penalties, differences = _penalties(code)
    best = penalties.index(min(penalties))
    size = len(code.modules)
    stride = size + 1
    bits = format(rows ^ differences[best][0], f"0{stride * size}b")
    code.modules = [
        [bit == "1" for bit in bits[r * stride + 1 : (r + 1) * stride]] for r in range(size)
    ]
    code.setup_type_info(False, best)
    code.modules[size - 8][8] = True  # the dark module
    if code.version >= 7:
        code.setup_type_number(False)
    code.mask_pattern = best


def qr_matrix(text: str) -> list[list[bool]]:
    """Return the QR code of ``text`` as rows of modules (True = dark), no quiet zone.

    Error correction Q, the smallest version that holds the text. The caller draws the
    quiet zone (4 modules) itself. Raises ``qrcode.exceptions.DataOverflowError`` when the
    text does not fit in version 40.
    """
    matrix: list[list[bool]] = [[bool(m) for m in row] for row in _make_qr(text).get_matrix()]
    return matrix


def qr_version(text: str) -> int:
    """Return the QR version (1–40) that ``qr_matrix(text)`` uses.

    Raises ``qrcode.exceptions.DataOverflowError`` when the text does not fit in version 40.
    """
    version = _make_qr(text).version
    assert version is not None
    return int(version)


# --- reading codes from files -------------------------------------------------------------


def decode_image(data: bytes) -> list[str]:
    """Every notice payload text (starting with ``FAN``) found in the QR codes of an image
    file's bytes (PNG, JPEG, …), in the order found; empty if there is none.

    Raises ``PayloadInvalid`` if ``data`` is not an image that can be read.
    """
    import zxingcpp
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            grey = image.convert("L")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        raise PayloadInvalid(
            "文件不是可读取的图片 / the file is not an image that can be read"
        ) from None
    return _decode_pil(grey, zxingcpp)


def _decode_pil(image: Any, zxingcpp: Any) -> list[str]:
    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    return [str(code.text) for code in found if str(code.text).startswith("FAN")]


def decode_pdf(data: bytes, dpi: int = 200) -> list[str]:
    """Every notice payload text found in the QR codes of a PDF file's pages, rendered at
    ``dpi``, page by page; empty if there is none.

    Raises ``PayloadInvalid`` if ``data`` is not a PDF that can be read.
    """
    import pypdfium2
    import zxingcpp

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        raise PayloadInvalid(
            "文件不是可读取的 PDF / the file is not a PDF that can be read"
        ) from None
    texts: list[str] = []
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                bitmap = page.render(scale=dpi / 72, grayscale=True)
                texts += _decode_pil(bitmap.to_pil().convert("L"), zxingcpp)
            finally:
                page.close()
    except pypdfium2.PdfiumError:
        raise PayloadInvalid("PDF 页面无法渲染 / a page of the PDF cannot be rendered") from None
    finally:
        document.close()
    return texts
