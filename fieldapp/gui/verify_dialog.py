"""核验: check a notice's QR code — pasted text, a PDF, or a photo or scan of the paper."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import UserError
from fieldapp.notices.qr import claims_lines_zh, decode_image, decode_pdf, verify_payload
from fieldapp.workflow.keys import trusted
from fieldapp.workspace import Workspace

translate = QCoreApplication.translate


def choose_file(parent: QWidget) -> Path | None:
    """A PDF or an image to check; replaced in tests."""
    name, _filter = QFileDialog.getOpenFileName(
        parent,
        translate("VerifyDialog", "Open a notice"),
        "",
        translate("VerifyDialog", "Notices (*.pdf *.png *.jpg *.jpeg *.bmp *.tif *.tiff)"),
    )
    return Path(name) if name else None


class VerifyDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(translate("VerifyDialog", "Verify a notice's QR code"))
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                translate(
                    "VerifyDialog",
                    "Paste the text read from the QR code (it starts with FAN1:), or"
                    " open the notice as PDF or as a photo.",
                )
            )
        )
        self.text = QPlainTextEdit()
        self.text.setMaximumHeight(90)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        self.check_button = QPushButton(translate("VerifyDialog", "&Check the text"))
        self.open_button = QPushButton(translate("VerifyDialog", "&Open a PDF or image…"))
        close = QPushButton(translate("VerifyDialog", "Close"))
        row.addWidget(self.check_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.report = QTextBrowser()
        layout.addWidget(self.report, 1)
        self.check_button.clicked.connect(lambda: self.check([self.text.toPlainText().strip()]))
        self.open_button.clicked.connect(self.open_file)
        close.clicked.connect(self.accept)

    def open_file(self) -> None:
        path = choose_file(self)
        if path is None:
            return
        try:
            data = path.read_bytes()
            texts = decode_pdf(data) if path.suffix.lower() == ".pdf" else decode_image(data)
        except (OSError, UserError) as err:
            self.report.setHtml(f"<p style='color:#b00020'>{html.escape(str(err))}</p>")
            return
        if not texts:
            self.report.setHtml(
                "<p style='color:#b00020'>"
                + html.escape(
                    translate("VerifyDialog", "No notice QR code was found in %1.").replace(
                        "%1", path.name
                    )
                )
                + "</p>"
            )
            return
        self.text.setPlainText(texts[0])
        self.check(texts)

    def check(self, texts: list[str]) -> None:
        keys = trusted(self.workspace)
        parts = []
        for text in texts:
            outcome = verify_payload(text, keys)
            if outcome.valid:
                parts.append(
                    "<h3 style='color:#1b6e2a'>✔ "
                    + html.escape(
                        translate("VerifyDialog", "Valid: signed by a trusted officer's key")
                    )
                    + "</h3>"
                )
            else:
                parts.append(
                    "<h3 style='color:#b00020'>✘ "
                    + html.escape(translate("VerifyDialog", "Not valid"))
                    + f"</h3><p>{html.escape(outcome.reason)}</p>"
                )
            if outcome.claims is not None:
                parts.append(
                    "<p>"
                    + "<br>".join(html.escape(line) for line in claims_lines_zh(outcome.claims))
                    + "</p>"
                )
        self.report.setHtml("".join(parts))
