"""Preview, print and save a PDF document (指令书, 检查记录, 查封/扣押决定书).

Pages are rendered with pdfium (pypdfium2, which ``fieldapp verify --pdf`` needs anyway)
rather than QtPdf, which would bring PySide6-Addons (about 175 MB) for one view.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate

PREVIEW_DPI = 96
PRINT_DPI = 300


def render_pages(pdf: bytes, dpi: int) -> list[QImage]:
    """Every page of a PDF as an image at ``dpi``."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            data = pil.tobytes("raw", "RGB")
            image = QImage(
                data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888
            ).copy()
            images.append(image)
            page.close()
    finally:
        document.close()
    return images


def choose_save_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save a copy; replaced in tests."""
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("DocumentViewer", "Save a copy"),
        suggested,
        translate("DocumentViewer", "PDF documents (*.pdf)"),
    )
    return Path(name) if name else None


def print_document(parent: QWidget, pdf: bytes, copies: int = 2) -> bool:
    """Print through the system's print dialog; two copies by default (一式两份)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setCopyCount(copies)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    painter = QPainter()
    if not painter.begin(printer):
        return False
    try:
        for index, image in enumerate(render_pages(pdf, PRINT_DPI)):
            if index:
                printer.newPage()
            target = printer.pageRect(QPrinter.Unit.DevicePixel)
            scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()
    return True


class DocumentViewer(QDialog):
    """Shows every page; prints (two copies by default) or saves a copy."""

    def __init__(
        self, title: str, pdf: bytes, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.file_name = file_name
        self.setWindowTitle(title)
        self.resize(900, 720)
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.print_button = QPushButton(translate("DocumentViewer", "&Print… (2 copies)"))
        self.save_button = QPushButton(translate("DocumentViewer", "&Save a copy…"))
        self.close_button = QPushButton(translate("DocumentViewer", "Close"))
        bar.addWidget(self.print_button)
        bar.addWidget(self.save_button)
        bar.addStretch(1)
        bar.addWidget(self.close_button)
        layout.addLayout(bar)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        pages = QWidget()
        column = QVBoxLayout(pages)
        column.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.page_labels: list[QLabel] = []
        for image in render_pages(pdf, PREVIEW_DPI):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #999; background: white;")
            column.addWidget(label)
            self.page_labels.append(label)
        scroll.setWidget(pages)
        layout.addWidget(scroll, 1)
        self.print_button.clicked.connect(lambda: print_document(self, self.pdf))
        self.save_button.clicked.connect(self.save_copy)
        self.close_button.clicked.connect(self.accept)

    def save_copy(self) -> None:
        path = choose_save_path(self, self.file_name)
        if path is None:
            return
        try:
            path.write_bytes(self.pdf)
        except OSError as err:
            from fieldapp.gui import dialogs

            dialogs.show_user_error(
                self,
                translate("DocumentViewer", "Could not save %1: %2")
                .replace("%1", str(path))
                .replace("%2", err.strerror or ""),
            )
