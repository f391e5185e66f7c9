"""Preview, print and save a PDF document (指令书, 检查记录, 查封/扣押决定书).

Pages are shown with QtPdf's ``QPdfView`` (PySide6-Addons, which the dashboards' QtCharts
needs too) and rendered for printing with ``QPdfDocument``.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import UserError

translate = QCoreApplication.translate

PRINT_DPI = 300


class UnreadablePdf(UserError):
    """A stored document cannot be read as PDF."""


def load_pdf(pdf: bytes, parent: QWidget | None = None) -> QPdfDocument:
    """A QPdfDocument over ``pdf`` (kept in memory with it).

    Raises UnreadablePdf when QtPdf cannot read the bytes.
    """
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    try:
        fill_pdf(document, pdf)
    except UnreadablePdf:
        document.deleteLater()
        raise
    return document


def fill_pdf(document: QPdfDocument, pdf: bytes) -> None:
    """Load ``pdf`` into ``document`` (closing what it showed before).

    Raises UnreadablePdf when QtPdf cannot read the bytes; the document is then empty.
    """
    document.close()
    for old in document.findChildren(QBuffer):
        old.deleteLater()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() == 0:
        error = document.error().name
        document.close()
        raise UnreadablePdf(
            f"文档无法读取，请重新生成或从备份恢复 / the document cannot be read as PDF ({error});"
            " issue it again or restore it from a backup"
        )


def render_page(document: QPdfDocument, index: int, dpi: int) -> QImage:
    """One page at ``dpi``, on white paper."""
    points = document.pagePointSize(index)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    page = QImage(size, QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)  # QtPdf leaves the paper transparent
    painter = QPainter(page)
    painter.drawImage(0, 0, document.render(index, size))
    painter.end()
    return page


def render_pages(pdf: bytes, dpi: int) -> list[QImage]:
    """Every page of a PDF as an image at ``dpi``. Raises UnreadablePdf."""
    document = load_pdf(pdf)
    try:
        return [render_page(document, index, dpi) for index in range(document.pageCount())]
    finally:
        document.close()
        document.deleteLater()


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
    document = load_pdf(pdf)
    try:
        for index in range(document.pageCount()):  # one page in memory at a time
            if index:
                printer.newPage()
            image = render_page(document, index, PRINT_DPI)
            target = printer.pageRect(QPrinter.Unit.DevicePixel)
            scaled = image.size().scaled(target.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), image)
    finally:
        painter.end()
        document.close()
        document.deleteLater()
    return True


class DocumentViewer(QDialog):
    """Shows the pages (QPdfView, fitted to the width); prints (two copies by default) or
    saves a copy. Raises UnreadablePdf when the bytes are not a PDF QtPdf can read."""

    def __init__(
        self, title: str, pdf: bytes, file_name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.file_name = file_name
        self.setWindowTitle(title)
        self.resize(900, 720)
        self.document = load_pdf(pdf, self)
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
        self.view = QPdfView()
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("background: #8a8a8a;")
        layout.addWidget(self.view, 1)
        self.print_button.clicked.connect(lambda: print_document(self, self.pdf))
        self.save_button.clicked.connect(self.save_copy)
        self.close_button.clicked.connect(self.accept)

    def page_count(self) -> int:
        return int(self.document.pageCount())

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
