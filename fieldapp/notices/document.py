"""What the printed documents say, as plain data: the PDF renderer draws exactly this.

Filled from an inspection by ``fieldapp.notices.issue``; the renderer (``fieldapp.notices.pdf``)
never reads the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Party:
    """The inspected unit as the documents name it."""

    name: str
    credit_code: str
    address: str = ""
    legal_representative: str = ""
    safety_manager: str = ""
    phone: str = ""
    category: str = "使用单位"


@dataclass(frozen=True)
class Signature:
    """A signer line: role, name, ID (officers), and the signature image if there is one."""

    role: str  # 检查人员 / 被检查单位负责人 …
    name: str
    law_id: str = ""  # 执法证号 for officers
    png: bytes | None = None
    signed_on: dt.date | None = None


@dataclass(frozen=True)
class DocumentFinding:
    number: int  # 1, 2, … as printed
    subject: str  # "单位" or "3号梯（曳引驱动乘客电梯，设备代码 311010001201800001）"
    text: str
    severity: str  # 一般隐患 / 严重事故隐患
    measure: str  # 责令限期改正 / 责令立即停止使用 / 查封 / 扣押
    deadline: dt.date | None
    violated: str
    penalty: str


@dataclass(frozen=True)
class AppealClause:
    government: str  # 申请行政复议的人民政府, e.g. 长春市人民政府
    court: str  # 提起行政诉讼的人民法院, e.g. 长春市南关区人民法院

    def text(self) -> str:
        return (
            f"如不服本指令，可以在收到本指令书之日起六十日内向{self.government}申请行政复议，"
            f"或者在六个月内向{self.court}提起行政诉讼。复议和诉讼期间，本指令不停止执行。"
        )


@dataclass(frozen=True)
class NoticeDocument:
    """特种设备安全监察指令书."""

    number: str  # （长）市监特令〔2026〕第A07-0001号
    issuing_body: str  # 长春市市场监督管理局
    unit: Party
    findings: tuple[DocumentFinding, ...]
    basis: str  # the legal basis of the order, printed after the findings
    issued_on: dt.date
    officers: tuple[Signature, ...]
    unit_signature: Signature | None
    refusal: str  # "" or the refusal note with the witness
    appeal: AppealClause
    qr_text: str  # the signed payload drawn as the QR code
    qr_caption: str = "扫码核验"
    copies: str = "本指令书一式两份，发出部门、被检查单位各一份。"


@dataclass(frozen=True)
class RecordItem:
    item_id: str
    text: str
    result: str  # 符合 / 不符合 / 不适用 / a value
    note: str = ""
    failed: bool = False


@dataclass(frozen=True)
class RecordSection:
    title: str  # the checklist (and device) then the section
    items: tuple[RecordItem, ...]


@dataclass(frozen=True)
class RecordEquipment:
    name: str  # 曳引驱动乘客电梯
    code: str  # 设备代码 / 注册代码
    registration: str  # 使用登记证编号
    location: str
    catalogue_class: str  # 电梯


@dataclass(frozen=True)
class RecordDocument:
    """现场安全监督检查记录."""

    number: str
    issuing_body: str
    check_type: str  # 常规检查 / 专项检查 / …
    task_source: str
    started: dt.datetime
    finished: dt.datetime | None
    unit: Party
    equipment: tuple[RecordEquipment, ...]
    class_counts: tuple[tuple[str, int], ...]  # (电梯, 2), (起重机械, 1)
    sections: tuple[RecordSection, ...]
    findings: tuple[DocumentFinding, ...]
    measures: tuple[str, ...]  # 下达指令书 / 查封 / 扣押 / 其他: …
    unit_opinion: str
    officers: tuple[Signature, ...]
    recorder: str
    unit_signature: Signature | None
    refusal: str
    qr_text: str = ""


@dataclass(frozen=True)
class InventoryLine:
    name: str
    code: str
    location: str
    quantity: int = 1
    condition: str = ""


@dataclass(frozen=True)
class SealDecision:
    """查封/扣押决定书 with its inventory (清单)."""

    number: str
    issuing_body: str
    kind: str  # 查封 or 扣押
    unit: Party
    reasons: tuple[DocumentFinding, ...]
    basis: str  # 依据《中华人民共和国特种设备安全法》第六十一条 …
    period_days: int  # at most 30
    start: dt.date
    inventory: tuple[InventoryLine, ...]
    officers: tuple[Signature, ...]
    unit_signature: Signature | None
    refusal: str
    appeal: AppealClause
    qr_text: str = ""
    copies: str = "本清单一式两份，执法部门、当事人各执一份。"
    notes: tuple[str, ...] = field(default=())
