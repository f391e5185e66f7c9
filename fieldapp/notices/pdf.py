"""The printed documents as PDF: 指令书, 现场安全监督检查记录, 查封/扣押决定书.

Each renderer draws exactly one dataclass of ``fieldapp.notices.document`` and never reads
the database. A4 portrait, Chinese throughout, one TrueType font subset-embedded (the
bundled AR PL UMing CN, or a system TrueType font through ``DocumentFont.from_path``).
The layout lives in ``pdf_notice`` (指令书, 查封/扣押决定书), ``pdf_record`` (检查记录) and
``pdf_common`` (font, page, shared blocks).
"""

from __future__ import annotations

from fieldapp.notices.pdf_common import DocumentFont, FontUnusable, SignatureUnreadable
from fieldapp.notices.pdf_notice import render_notice, render_seal
from fieldapp.notices.pdf_record import render_record

__all__ = [
    "DocumentFont",
    "FontUnusable",
    "SignatureUnreadable",
    "render_notice",
    "render_record",
    "render_seal",
]
