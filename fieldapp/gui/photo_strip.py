"""The row of evidence photos under a checklist item: thumbnails, add, remove, drop, paste.

The strip never stores anything. It emits ``photo_added`` with the raw bytes of a file the
officer chose, dropped or pasted; the caller stores them through its use-case and calls
``set_photos`` with the new list. ``photo_removed`` works the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QGuiApplication,
    QIcon,
    QImage,
    QImageReader,
    QImageWriter,
    QKeySequence,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.errors import UserError

translate = QCoreApplication.translate

THUMBNAIL_EDGE = 96
CELL_EDGE = THUMBNAIL_EDGE + 12
VIEWER_MAX = QSize(1200, 900)
IMAGE_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".heic", ".heif", ".bmp", ".tif", ".tiff", ".webp"}
)
DROPPED_NAME = "dropped.png"
PASTED_NAME = "pasted.png"

Incoming = list[tuple[bytes, str]]  # (raw file bytes, file name) pairs, ready to emit
Index = QModelIndex | QPersistentModelIndex


class PhotoNotReadable(UserError):
    """A photo file the officer chose, dropped or pasted could not be read."""


def choose_photo_files(parent: QWidget) -> list[Path]:
    """Ask for photo files; an empty list when the officer cancels. Tests replace this."""
    images = translate("PhotoStrip", "Images (*.jpg *.jpeg *.png *.heic *.bmp *.tif *.tiff *.webp)")
    names, _filter = QFileDialog.getOpenFileNames(
        parent, translate("PhotoStrip", "Add photos"), "", images
    )
    return [Path(name) for name in names]


def is_image_file(path: Path) -> bool:
    return path.suffix.lower() in IMAGE_SUFFIXES


def read_photo_files(paths: Sequence[Path]) -> tuple[Incoming, list[str]]:
    """The bytes and names of ``paths``, and one message for each file that could not be read."""
    photos: Incoming = []
    problems: list[str] = []
    for path in paths:
        try:
            photos.append((path.read_bytes(), path.name))
        except OSError as err:
            problems.append(f"{path}: {err.strerror or err}")
    return photos, problems


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG (lossless: a pasted screenshot keeps its small print)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"PNG"))
    if not writer.write(image):
        raise RuntimeError(f"cannot encode an image as PNG: {writer.errorString()}")
    return bytes(buffer.data().data())


def _local_image_files(mime: QMimeData) -> list[Path]:
    if not mime.hasUrls():
        return []
    files = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in files if is_image_file(path)]


def _mime_image(mime: QMimeData) -> QImage | None:
    if not mime.hasImage():
        return None
    data = mime.imageData()
    image = data.toImage() if isinstance(data, QPixmap) else data
    return image if isinstance(image, QImage) and not image.isNull() else None


def mime_has_photos(mime: QMimeData) -> bool:
    """Whether a drop or paste of ``mime`` would add at least one photo."""
    return bool(_local_image_files(mime)) or _mime_image(mime) is not None


def photos_from_mime(mime: QMimeData, image_name: str) -> tuple[Incoming, list[str]]:
    """The photos in dropped or pasted data, and a message for each file that could not be read.

    Image files (local urls) come first, as they are: a camera file keeps its EXIF capture time.
    Only when there are none is a raw image (a screenshot, a picture copied from a browser)
    encoded as PNG under ``image_name``.
    """
    files = _local_image_files(mime)
    if files:
        return read_photo_files(files)
    image = _mime_image(mime)
    if image is None:
        return [], []
    return [(png_bytes(image), image_name)], []


def _exceeds(size: QSize, fit: QSize) -> bool:
    return size.width() > fit.width() or size.height() > fit.height()


def _read_image(data: bytes, fit: QSize | None = None) -> QImage:
    """Decode ``data`` upright, scaled down to fit ``fit``; a null image when it cannot be read.

    Scaling while reading lets the JPEG decoder skip most of a 2048 px photo.
    """
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if fit is not None and size.isValid() and _exceeds(size, fit):
        reader.setScaledSize(size.scaled(fit, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    # the reader may ignore the scaled size; the EXIF rotation may swap the edges
    if fit is not None and not image.isNull() and _exceeds(image.size(), fit):
        image = image.scaled(
            fit,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    return image


def _placeholder(widget: QWidget, edge: int, ratio: float) -> QPixmap:
    """A grey tile with a warning sign, for a photo that cannot be shown."""
    pixmap = QPixmap(round(edge * ratio), round(edge * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor("#e4e4e4"))
    sign = widget.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    painter = QPainter(pixmap)
    painter.setPen(QColor("#b0b0b0"))
    painter.drawRect(0, 0, edge - 1, edge - 1)
    mark = edge // 2
    sign.paint(painter, (edge - mark) // 2, (edge - mark) // 2, mark, mark)
    painter.end()
    return pixmap


class ThumbnailDelegate(QStyledItemDelegate):
    """Draws a thumbnail centred in a square cell, framed in the highlight colour when selected.

    The stock icon-mode delegate keeps room for a caption under the icon and marks the
    selection there; these photos have no caption.
    """

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(CELL_EDGE, CELL_EDGE)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        cell = QRect(option.rect)
        state = option.state
        palette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(cell).adjusted(1.5, 1.5, -1.5, -1.5)
        if state & QStyle.StateFlag.State_Selected:
            fill = QColor(palette.color(QPalette.ColorRole.Highlight))
            fill.setAlpha(60)
            painter.setBrush(fill)
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 3))
            painter.drawRoundedRect(frame, 4, 4)
        elif state & (QStyle.StateFlag.State_MouseOver | QStyle.StateFlag.State_HasFocus):
            pen = QPen(palette.color(QPalette.ColorRole.Mid), 1)
            if state & QStyle.StateFlag.State_HasFocus:
                pen.setStyle(Qt.PenStyle.DashLine)  # keyboard focus on an unselected photo
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(pen)
            painter.drawRoundedRect(frame, 4, 4)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon):
            edge = QSize(THUMBNAIL_EDGE, THUMBNAIL_EDGE)
            target = QRect(QPoint(0, 0), edge)
            target.moveCenter(cell.center())
            icon.paint(painter, target, Qt.AlignmentFlag.AlignCenter)
        painter.restore()


class PhotoViewer(QDialog):
    """One photo, scaled to fit the screen (at most 1200×900), with a Close button."""

    def __init__(self, data: bytes, parent: QWidget | None = None, title: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title or translate("PhotoViewer", "Photo"))
        layout = QVBoxLayout(self)
        fit = QSize(VIEWER_MAX)
        screen = (
            parent.screen() if parent is not None else None
        ) or QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableSize()
            fit = fit.boundedTo(QSize(available.width() - 80, available.height() - 120))
        ratio = self.devicePixelRatioF()
        image = _read_image(data, fit * ratio)
        self.image = QLabel()
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if image.isNull():
            self.image.setText(translate("PhotoViewer", "This photo cannot be shown."))
        else:
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            self.image.setPixmap(pixmap)
        layout.addWidget(self.image)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class PhotoStrip(QWidget):
    """Thumbnails of an item's evidence photos, with Add and Remove, drop and Ctrl+V paste.

    ``load_bytes(sha256)`` returns a stored photo's bytes and may raise a ``UserError``
    (a missing or damaged attachment): that photo then shows a placeholder with the message.
    """

    photo_added = Signal(bytes, str)  # raw file bytes, file name
    photo_removed = Signal(str)  # sha256

    def __init__(self, load_bytes: Callable[[str], bytes], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._load_bytes = load_bytes
        self._thumbnails: dict[str, QPixmap] = {}
        self._shas: list[str] = []
        self._input_enabled = True

        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(False)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setIconSize(QSize(THUMBNAIL_EDGE, THUMBNAIL_EDGE))
        self.list.setSpacing(2)
        self.list.setItemDelegate(ThumbnailDelegate(self.list))
        self.list.setMouseTracking(True)  # hover frame
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        # drops land on the strip itself: the list and its viewport pass them up
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)
        self.list.setAcceptDrops(False)
        self.list.viewport().setAcceptDrops(False)
        scroll_bar = self.list.horizontalScrollBar().sizeHint().height()
        self.list.setFixedHeight(CELL_EDGE + 2 * 2 + scroll_bar + 2 * self.list.frameWidth())

        self.hint = QLabel(self.list.viewport())
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.hint.setStyleSheet("color: #808080")
        hint_layout = QVBoxLayout(self.list.viewport())
        hint_layout.addWidget(self.hint)

        paste_keys = QKeySequence(QKeySequence.StandardKey.Paste).toString(
            QKeySequence.SequenceFormat.NativeText
        )
        self.add_button = QPushButton(translate("PhotoStrip", "Add photo…"))
        self.add_button.setToolTip(
            translate(
                "PhotoStrip",
                "Choose photo files. Photos can also be dropped here or pasted with %1.",
            ).replace("%1", paste_keys)
        )
        self.remove_button = QPushButton(translate("PhotoStrip", "Remove"))
        self.remove_button.setToolTip(translate("PhotoStrip", "Remove the selected photo"))
        buttons = QVBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)

        self.paste_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Paste), self)
        self.paste_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paste_shortcut.activated.connect(self.paste_from_clipboard)
        delete = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.list)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove_selected)

        self.add_button.clicked.connect(self.add_from_files)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(self._show_photo)
        self.setAcceptDrops(True)
        self._update_buttons()

    # --- showing -------------------------------------------------------------------------

    def set_photos(self, shas: Sequence[str]) -> None:
        """Show these photos, in order; thumbnails already made are reused."""
        selected = self.selected_sha()
        self._shas = list(shas)
        self.list.clear()
        for sha in self._shas:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, sha)
            pixmap = self._thumbnails.get(sha)
            problem = ""
            if pixmap is None:
                pixmap, problem = self._make_thumbnail(sha)
            item.setIcon(QIcon(pixmap))
            item.setToolTip(problem or translate("PhotoStrip", "Double-click to enlarge"))
            self.list.addItem(item)
            if sha == selected:
                item.setSelected(True)
        self._update_buttons()

    def photos(self) -> list[str]:
        return list(self._shas)

    def selected_sha(self) -> str | None:
        items = self.list.selectedItems()
        return str(items[0].data(Qt.ItemDataRole.UserRole)) if items else None

    def set_enabled_for_input(self, enabled: bool) -> None:
        """Allow or refuse adding and removing (refused until answered, or when locked)."""
        self._input_enabled = enabled
        self.setAcceptDrops(enabled)
        self.paste_shortcut.setEnabled(enabled)
        self._update_buttons()

    def _make_thumbnail(self, sha: str) -> tuple[QPixmap, str]:
        """The thumbnail of ``sha`` (cached), or a placeholder and what went wrong (not cached)."""
        ratio = self.devicePixelRatioF()
        try:
            data = self._load_bytes(sha)
        except UserError as err:
            return _placeholder(self, THUMBNAIL_EDGE, ratio), str(err)
        edge = round(THUMBNAIL_EDGE * ratio)
        image = _read_image(data, QSize(edge, edge))
        if image.isNull():
            problem = translate("PhotoStrip", "This photo cannot be shown (not a readable image).")
            return _placeholder(self, THUMBNAIL_EDGE, ratio), problem
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        self._thumbnails[sha] = pixmap
        return pixmap, ""

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(self._input_enabled)
        self.remove_button.setEnabled(self._input_enabled and self.selected_sha() is not None)
        self.hint.setVisible(not self._shas)
        if self._input_enabled:
            paste_keys = QKeySequence(QKeySequence.StandardKey.Paste).toString(
                QKeySequence.SequenceFormat.NativeText
            )
            self.hint.setText(
                translate(
                    "PhotoStrip", "No photos yet. Drop photos here or paste with %1."
                ).replace("%1", paste_keys)
            )
        else:
            self.hint.setText(translate("PhotoStrip", "No photos."))

    def _show_photo(self, item: QListWidgetItem) -> None:
        sha = str(item.data(Qt.ItemDataRole.UserRole))
        if sha not in self._thumbnails:
            return  # its placeholder's tooltip already says why it cannot be shown
        position = self._shas.index(sha) + 1
        title = (
            translate("PhotoViewer", "Photo %1 of %2")
            .replace("%1", str(position))
            .replace("%2", str(len(self._shas)))
        )
        viewer = PhotoViewer(self._load_bytes(sha), self, title)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.open()

    # --- adding and removing -------------------------------------------------------------

    def add_from_files(self) -> None:
        """Ask for photo files and emit ``photo_added`` for each one read."""
        if not self._input_enabled:
            return
        self._emit_photos(*read_photo_files(choose_photo_files(self)))

    def paste_from_clipboard(self) -> None:
        """Emit ``photo_added`` for the image, or the image files, on the clipboard."""
        if not self._input_enabled:
            return
        mime = QGuiApplication.clipboard().mimeData()
        if mime is None or not mime_has_photos(mime):
            return
        self._emit_photos(*photos_from_mime(mime, PASTED_NAME))

    def remove_selected(self) -> None:
        sha = self.selected_sha()
        if self._input_enabled and sha is not None:
            self.photo_removed.emit(sha)

    def _emit_photos(self, photos: Incoming, problems: list[str]) -> None:
        """Emit the photos that were read, then report the files that were not.

        Raises PhotoNotReadable naming the files that could not be read.
        """
        for data, name in photos:
            self.photo_added.emit(data, name)
        if problems:
            raise PhotoNotReadable(
                translate("PhotoStrip", "These files could not be read:")
                + "\n"
                + "\n".join(problems)
            )

    # --- drag and drop -------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if self._input_enabled and mime is not None and mime_has_photos(mime):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        mime = event.mimeData()
        if self._input_enabled and mime is not None and mime_has_photos(mime):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        if not self._input_enabled or mime is None or not mime_has_photos(mime):
            event.ignore()
            return
        photos, problems = photos_from_mime(mime, DROPPED_NAME)  # the data lives only now
        event.acceptProposedAction()
        # storing a photo takes a moment: let the drag source finish its drag first
        QTimer.singleShot(0, self, lambda: self._emit_photos(photos, problems))
