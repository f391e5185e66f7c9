"""The signature pad: strokes by mouse, pen and finger, PNG out and in, read-only."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QImage, QInputDevice, QPointingDevice, QTabletEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from fieldapp.gui.signature_pad import SignaturePad

LEFT = Qt.MouseButton.LeftButton
NO_MODIFIER = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def pad(qtbot: QtBot) -> SignaturePad:
    widget = SignaturePad("检查人员 王建国")
    qtbot.addWidget(widget)
    widget.resize(480, 160)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def signature_points() -> list[QPoint]:
    """A looping, handwriting-like line across the pad."""
    points = []
    for i in range(61):
        t = i / 60
        x = 40 + 380 * t + 14 * math.sin(t * 26)
        y = 95 - 28 * math.sin(t * 13) * math.cos(t * 4) - 10 * math.cos(t * 26)
        points.append(QPoint(round(x), round(y)))
    return points


def draw(pad: SignaturePad, points: list[QPoint]) -> None:
    QTest.mousePress(pad, LEFT, NO_MODIFIER, points[0])
    for point in points[1:]:
        QTest.mouseMove(pad, point)
    QTest.mouseRelease(pad, LEFT, NO_MODIFIER, points[-1])


def dark_pixels(image: QImage) -> int:
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    bits = bytes(grey.constBits())
    line, width = grey.bytesPerLine(), grey.width()
    return sum(
        sum(1 for v in bits[y * line : y * line + width] if v < 100) for y in range(grey.height())
    )


def test_a_stroke_makes_it_non_empty_and_emits_changed(qtbot: QtBot, pad: SignaturePad) -> None:
    assert pad.is_empty()
    with qtbot.waitSignal(pad.changed, timeout=1000):
        draw(pad, signature_points())
    assert not pad.is_empty()


def test_to_png_is_a_cropped_dark_on_white_image_at_twice_the_size(pad: SignaturePad) -> None:
    draw(pad, [QPoint(100, 60), QPoint(150, 70), QPoint(200, 80)])
    data = pad.to_png()
    assert data.startswith(b"\x89PNG")
    image = QImage.fromData(data)
    assert not image.isNull()
    # strokes span 100..200 x 60..80, plus pen and 10 px margin each side, doubled
    assert 240 <= image.width() <= 250 and 80 <= image.height() <= 90
    assert dark_pixels(image) > 200
    assert image.pixelColor(2, 2).lightness() == 255, "white around the strokes"


def test_clear_empties_it(qtbot: QtBot, pad: SignaturePad) -> None:
    draw(pad, signature_points())
    with qtbot.waitSignal(pad.changed, timeout=1000):
        QTest.mouseClick(pad.clear_button, LEFT)
    assert pad.is_empty()
    with pytest.raises(ValueError, match="empty"):
        pad.to_png()
    with qtbot.assertNotEmitted(pad.changed):
        pad.clear()


def test_a_saved_signature_is_shown_and_replaced_by_drawing(
    qtbot: QtBot, pad: SignaturePad
) -> None:
    draw(pad, signature_points())
    saved = pad.to_png()
    pad.clear()
    with qtbot.assertNotEmitted(pad.changed):
        pad.set_png(saved)
    assert not pad.is_empty()
    assert pad.to_png() == saved, "an untouched saved signature comes back as it was"
    assert dark_pixels(pad.grab().toImage()) > 200, "the image is shown"
    draw(pad, [QPoint(100, 60), QPoint(140, 60)])
    assert QImage.fromData(pad.to_png()).width() < QImage.fromData(saved).width()
    pad.set_png(saved)
    pad.set_png(None)
    assert pad.is_empty()
    with pytest.raises(ValueError, match="not a readable image"):
        pad.set_png(b"not a png")


def test_a_tiny_click_does_not_count(qtbot: QtBot, pad: SignaturePad) -> None:
    with qtbot.assertNotEmitted(pad.changed):
        QTest.mouseClick(pad, LEFT, NO_MODIFIER, QPoint(120, 90))
        draw(pad, [QPoint(120, 90), QPoint(121, 91)])
    assert pad.is_empty()


def test_read_only_ignores_strokes(qtbot: QtBot, pad: SignaturePad) -> None:
    pad.set_read_only(True)
    with qtbot.assertNotEmitted(pad.changed):
        draw(pad, signature_points())
    assert pad.is_empty()
    assert not pad.clear_button.isEnabled()
    pad.set_read_only(False)
    draw(pad, signature_points())
    assert not pad.is_empty()


def test_pen_pressure_sets_the_width(qtbot: QtBot, pad: SignaturePad) -> None:
    pen = QPointingDevice(
        "test pen",
        1001,
        QInputDevice.DeviceType.Stylus,
        QPointingDevice.PointerType.Pen,
        QInputDevice.Capability.Position | QInputDevice.Capability.Pressure,
        1,
        2,
    )

    def send(kind: QEvent.Type, x: float, pressure: float) -> None:
        pos = QPointF(x, 80)
        event = QTabletEvent(
            kind,
            pen,
            pos,
            QPointF(pad.mapToGlobal(pos)),
            pressure,
            0,
            0,
            0,
            0,
            0,
            NO_MODIFIER,
            LEFT,
            Qt.MouseButton.NoButton if kind == QEvent.Type.TabletRelease else LEFT,
        )
        QApplication.sendEvent(pad, event)

    with qtbot.waitSignal(pad.changed, timeout=1000):
        send(QEvent.Type.TabletPress, 100, 1.0)
        for x in range(105, 300, 5):
            send(QEvent.Type.TabletMove, x, 1.0)
        send(QEvent.Type.TabletRelease, 300, 1.0)
    heavy = QImage.fromData(pad.to_png())
    pad.clear()
    draw(pad, [QPoint(100, 80), QPoint(200, 80), QPoint(300, 80)])
    mouse = QImage.fromData(pad.to_png())
    assert heavy.height() > mouse.height(), "full pressure draws wider than the mouse"


def test_one_finger_draws_and_two_fingers_cancel(qtbot: QtBot, pad: SignaturePad) -> None:
    emitted: list[None] = []
    pad.changed.connect(lambda: emitted.append(None))
    screen = QTest.createTouchDevice()
    touch = QTest.touchEvent(pad, screen)
    touch.press(0, QPoint(100, 80), pad).commit()
    for x in range(110, 260, 10):
        touch.move(0, QPoint(x, 80), pad).commit()
    touch.release(0, QPoint(260, 80), pad).commit()
    assert not pad.is_empty()
    assert len(emitted) == 1, "one stroke: no second one from mouse events made of the touch"
    pad.clear()
    with qtbot.assertNotEmitted(pad.changed):
        touch.press(0, QPoint(100, 80), pad).commit()
        touch.move(0, QPoint(150, 80), pad).commit()
        touch.move(0, QPoint(200, 80), pad).press(1, QPoint(250, 100), pad).commit()
        touch.release(0, QPoint(220, 80), pad).release(1, QPoint(250, 100), pad).commit()
    assert pad.is_empty()


def test_pad_and_clear_button_are_reached_by_tab(qtbot: QtBot) -> None:
    form = QWidget()
    qtbot.addWidget(form)
    layout = QVBoxLayout(form)
    before = QToolButton(form)
    before.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    pad = SignaturePad("检查人员 王建国", form)
    layout.addWidget(before)
    layout.addWidget(pad)
    with qtbot.waitActive(form):
        form.show()
        form.activateWindow()
    before.setFocus()
    QTest.keyClick(before, Qt.Key.Key_Tab)
    assert pad.hasFocus()
    focused = pad.grab().toImage()
    QTest.keyClick(pad, Qt.Key.Key_Tab)
    assert pad.clear_button.hasFocus()
    assert focused.pixelColor(1, 1) != pad.grab().toImage().pixelColor(1, 1), "focus frame"
