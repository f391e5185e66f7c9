"""A field for an on-screen signature, drawn with a mouse, a pen or a finger."""

from __future__ import annotations

import math
from collections.abc import Iterator

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QImageWriter,
    QInputDevice,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QSizePolicy, QToolButton, QWidget

translate = QCoreApplication.translate

INK = QColor("#101030")
BACKGROUND = QColor("#ffffff")
BORDER = QColor("#b4b4be")
BASELINE = QColor("#e0e0e8")
CAPTION = QColor("#80808a")

PEN_WIDTH = 2.5
PRESSURE_WIDTHS = (1.5, 4.0)
MIN_STROKE_LENGTH = 3.0
PNG_MARGIN = 10.0
PNG_SCALE = 2.0
_MIN_POINT_DISTANCE = 0.75  # closer points are jitter, not drawing
_PEN_DEVICES = {
    QInputDevice.DeviceType.Stylus,
    QInputDevice.DeviceType.Airbrush,
    QInputDevice.DeviceType.Puck,
}

_Point = tuple[float, float]


class _Stroke:
    """One pen-down to pen-up: points and the pen width at each."""

    def __init__(self, start: QPointF, width: float) -> None:
        self.points = [(start.x(), start.y())]
        self.widths = [_quantise(width)]
        self.length = 0.0
        self._lines: list[tuple[QPolygonF, float]] | None = None

    def add(self, point: QPointF, width: float) -> None:
        x, y = point.x(), point.y()
        step = math.dist(self.points[-1], (x, y))
        if step < _MIN_POINT_DISTANCE:
            return
        self.points.append((x, y))
        # a little low-pass filtering, so a shaky pressure reading does not make blobs
        self.widths.append(_quantise(0.7 * self.widths[-1] + 0.3 * width))
        self.length += step
        self._lines = None

    def polylines(self) -> list[tuple[QPolygonF, float]]:
        """The stroke smoothed into polylines, one per pen width.

        Quadratic curves through the midpoints between points, flattened here in Python and
        kept, so a repaint costs one Qt call per polyline rather than one per point.
        """
        if self._lines is None:
            self._lines = [
                (QPolygonF([QPointF(x, y) for x, y in line]), width)
                for line, width in self._flatten()
            ]
        return self._lines

    def bounds(self) -> QRectF:
        points = [point for line, _ in self._flatten() for point in line]
        xs, ys = [x for x, _ in points], [y for _, y in points]
        half = max(self.widths) / 2
        return QRectF(
            QPointF(min(xs) - half, min(ys) - half), QPointF(max(xs) + half, max(ys) + half)
        )

    def _flatten(self) -> Iterator[tuple[list[_Point], float]]:
        pts, widths = self.points, self.widths
        if len(pts) == 1:
            yield [pts[0], pts[0]], widths[0]
            return
        mids = [_midpoint(pts[i], pts[i + 1]) for i in range(len(pts) - 1)]
        line = [pts[0], mids[0]]
        current = widths[0]
        for i in range(1, len(pts) - 1):
            if widths[i] != current:
                yield line, current
                line, current = [line[-1]], widths[i]
            line += _quadratic(mids[i - 1], pts[i], mids[i])
        if widths[-1] != current:
            yield line, current
            line, current = [line[-1]], widths[-1]
        line.append(pts[-1])
        yield line, current


def _midpoint(a: _Point, b: _Point) -> _Point:
    return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)


def _quadratic(start: _Point, control: _Point, end: _Point) -> list[_Point]:
    """Points along the curve after ``start``, about 2 px apart."""
    steps = max(1, math.ceil((math.dist(start, control) + math.dist(control, end)) / 2))
    curve = []
    for i in range(1, steps + 1):
        t = i / steps
        a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t**2
        curve.append(
            (
                a * start[0] + b * control[0] + c * end[0],
                a * start[1] + b * control[1] + c * end[1],
            )
        )
    return curve


def _quantise(width: float) -> float:
    return round(width * 4) / 4


def _pen(colour: QColor, width: float) -> QPen:
    return QPen(
        colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )


class SignaturePad(QWidget):
    """A white signing area with a grey caption, a faint baseline and a Clear button.

    ``changed`` is emitted when a stroke ends and when the pad is cleared, never for
    ``set_png`` (loading a saved signature is not an edit).
    """

    changed = Signal()

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self._strokes: list[_Stroke] = []
        self._active: _Stroke | None = None
        self._active_device: QInputDevice.DeviceType | None = None
        self._png: bytes | None = None
        self._image: QImage | None = None
        self._read_only = False

        self.setMinimumSize(360, 140)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName(title)

        self.clear_button = QToolButton(self)
        self.clear_button.setText(translate("SignaturePad", "Clear"))
        self.clear_button.setToolTip(translate("SignaturePad", "Erase the signature"))
        self.clear_button.setAutoRaise(True)
        self.clear_button.setCursor(Qt.CursorShape.ArrowCursor)
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addStretch(1)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setTabOrder(self, self.clear_button)

    # --- public API -----------------------------------------------------------------------

    def is_empty(self) -> bool:
        return not self._strokes and self._image is None

    def is_read_only(self) -> bool:
        return self._read_only

    def set_read_only(self, read_only: bool) -> None:
        """A read-only pad shows its signature and ignores mouse, pen and touch."""
        self._read_only = read_only
        self._cancel()
        self.clear_button.setEnabled(not read_only)
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.CrossCursor)
        self.update()

    def clear(self) -> None:
        """Erase strokes and any loaded signature; emits ``changed`` if there was any."""
        was_empty = self.is_empty()
        self._discard()
        self.update()
        if not was_empty:
            self.changed.emit()

    def to_png(self) -> bytes:
        """The strokes, black on white at twice the screen resolution, cropped with a margin.

        A signature loaded with ``set_png`` and not drawn over is returned as it was given.
        Raises ValueError if the pad is empty.
        """
        if not self._strokes:
            if self._png is not None:
                return self._png
            raise ValueError("the signature pad is empty")
        area = QRectF(self._ink_rect())
        bounds = QRectF()
        for stroke in self._strokes:
            bounds = bounds.united(stroke.bounds())
        crop = bounds.intersected(area).adjusted(-PNG_MARGIN, -PNG_MARGIN, PNG_MARGIN, PNG_MARGIN)
        size = QSize(math.ceil(crop.width() * PNG_SCALE), math.ceil(crop.height() * PNG_SCALE))
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.scale(PNG_SCALE, PNG_SCALE)
        painter.translate(-crop.topLeft())
        painter.setClipRect(area)
        self._paint_strokes(painter, self._strokes, QColor(Qt.GlobalColor.black))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QImageWriter(buffer, b"PNG")
        if not writer.write(image.convertToFormat(QImage.Format.Format_Grayscale8)):
            raise RuntimeError(f"cannot encode the signature as PNG: {writer.errorString()}")
        buffer.close()
        return bytes(data.data())

    def set_png(self, data: bytes | None) -> None:
        """Show a saved signature (or nothing, for None) in place of whatever is on the pad.

        Drawing a new stroke or clearing replaces it. Does not emit ``changed``.
        Raises ValueError if ``data`` is not an image.
        """
        self._discard()
        if data is not None:
            image = QImage.fromData(data)
            if image.isNull():
                raise ValueError("the saved signature is not a readable image")
            self._png, self._image = bytes(data), image
        self.update()

    # --- input ----------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._accepts(event.device()):
            self._begin(event.position(), PEN_WIDTH, event.device().type())
        else:
            super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drawing_with(event.device().type()):
            self._extend(event.position(), PEN_WIDTH)
        else:
            super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._drawing_with(
            event.device().type()
        ):
            self._extend(event.position(), PEN_WIDTH)
            self._finish()
        else:
            super().mouseReleaseEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:
        if self._read_only:
            event.ignore()
            return
        kind = event.type()
        device = event.pointingDevice()
        width = PEN_WIDTH
        if device.hasCapability(QInputDevice.Capability.Pressure):
            low, high = PRESSURE_WIDTHS
            width = low + (high - low) * min(max(event.pressure(), 0.0), 1.0)
        if kind == QEvent.Type.TabletPress and self._active is None:
            self._begin(event.position(), width, device.type())
        elif kind == QEvent.Type.TabletMove and self._drawing_with(device.type()):
            self._extend(event.position(), width)
        elif kind == QEvent.Type.TabletRelease and self._drawing_with(device.type()):
            self._extend(event.position(), width)
            self._finish()
        event.accept()  # also stops Qt from making mouse events out of the pen

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent):
            return self._touch(event)
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> bool:
        """One finger draws like a pen; a second finger (or the palm) cancels the stroke."""
        if self._read_only:
            event.ignore()
            return False
        kind = event.type()
        touch = QInputDevice.DeviceType.TouchScreen
        if kind == QEvent.Type.TouchCancel or event.pointCount() != 1:
            if self._active_device == touch:
                self._cancel()
        elif kind == QEvent.Type.TouchBegin and self._active is None:
            self._begin(event.point(0).position(), PEN_WIDTH, touch)
        elif kind == QEvent.Type.TouchUpdate and self._drawing_with(touch):
            self._extend(event.point(0).position(), PEN_WIDTH)
        elif kind == QEvent.Type.TouchEnd and self._drawing_with(touch):
            self._extend(event.point(0).position(), PEN_WIDTH)
            self._finish()
        event.accept()
        return True

    def _accepts(self, device: QInputDevice) -> bool:
        """Mouse events made up from a finger or pen are ignored: those arrive themselves."""
        kind = device.type()
        return (
            not self._read_only
            and kind not in {QInputDevice.DeviceType.TouchScreen, *_PEN_DEVICES}
            and (self._active is None or self._active_device == kind)  # a lost release
        )

    def _drawing_with(self, device: QInputDevice.DeviceType) -> bool:
        return self._active is not None and self._active_device == device

    def _begin(self, point: QPointF, width: float, device: QInputDevice.DeviceType) -> None:
        if self._active is not None:
            self._finish()
        self._active = _Stroke(point, width)
        self._active_device = device

    def _extend(self, point: QPointF, width: float) -> None:
        assert self._active is not None
        self._active.add(point, width)
        if self._image is not None and self._active.length >= MIN_STROKE_LENGTH:
            self._png = self._image = None  # drawing over a saved signature replaces it
        self.update()

    def _finish(self) -> None:
        stroke, self._active, self._active_device = self._active, None, None
        if stroke is not None and stroke.length >= MIN_STROKE_LENGTH:
            self._strokes.append(stroke)
            self.changed.emit()
        self.update()

    def _cancel(self) -> None:
        self._active = self._active_device = None
        self.update()

    def _discard(self) -> None:
        self._strokes = []
        self._active = self._active_device = None
        self._png = self._image = None

    # --- painting -------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(480, 160)

    def _ink_rect(self) -> QRect:
        """Where strokes show: inside the border."""
        return self.rect().adjusted(2, 2, -2, -2)

    def _baseline_y(self) -> int:
        return round(self.height() * 0.72)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        ink = self._ink_rect()
        painter.setPen(QPen(BASELINE, 1))
        y = self._baseline_y()
        painter.drawLine(ink.left() + 14, y, ink.right() - 14, y)
        self._paint_caption(painter)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setClipRect(ink)
        if self._image is not None:
            self._paint_image(painter, self._image)
        strokes = self._strokes + ([self._active] if self._active is not None else [])
        self._paint_strokes(painter, strokes, INK)
        painter.setClipping(False)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 2))
            painter.drawRect(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        else:
            painter.setPen(QPen(BORDER, 1))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        painter.end()

    def _paint_caption(self, painter: QPainter) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.9)
        painter.setFont(font)
        painter.setPen(CAPTION)
        room = QRect(10, 6, max(self.clear_button.x() - 16, 0), painter.fontMetrics().height())
        text = painter.fontMetrics().elidedText(
            self.title, Qt.TextElideMode.ElideRight, room.width()
        )
        painter.drawText(room, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_image(self, painter: QPainter, image: QImage) -> None:
        """A saved signature at its drawn size (it was saved at 2x), smaller if it must be."""
        ink = self._ink_rect()
        top = self.clear_button.geometry().bottom() + 2
        area = QRectF(ink.left() + 8, top, ink.width() - 16, ink.bottom() - 8 - top)
        size = image.size().toSizeF() / PNG_SCALE
        if size.width() > area.width() or size.height() > area.height():
            size = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(QPointF(), size)
        target.moveCenter(area.center())
        # black on white: multiplying keeps the ink and lets the baseline show through the white
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_Multiply)
        painter.drawImage(target, image)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceOver)

    @staticmethod
    def _paint_strokes(painter: QPainter, strokes: list[_Stroke], colour: QColor) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in strokes:
            for line, width in stroke.polylines():
                painter.setPen(_pen(colour, width))
                painter.drawPolyline(line)
