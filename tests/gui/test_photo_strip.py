"""The photo strip: thumbnails, placeholders, add, paste, drop, remove, the viewer."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QGuiApplication, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fieldapp.errors import AttachmentError
from fieldapp.gui import photo_strip
from fieldapp.gui.photo_strip import (
    PhotoNotReadable,
    PhotoStrip,
    PhotoViewer,
    mime_has_photos,
    photos_from_mime,
    png_bytes,
)

MISSING = "0" * 64


def jpeg(width: int, height: int, colour: str) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(out, "JPEG")
    return out.getvalue()


def png(width: int, height: int, colour: str) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    return png_bytes(image)


class FakeAttachments:
    """Stands in for ``workspace.attachments``: bytes by sha256, and a count of reads."""

    def __init__(self, *photos: bytes) -> None:
        self.files = {hashlib.sha256(data).hexdigest(): data for data in photos}
        self.reads: list[str] = []

    @property
    def shas(self) -> list[str]:
        return list(self.files)

    def read_bytes(self, sha256: str) -> bytes:
        self.reads.append(sha256)
        if sha256 not in self.files:
            raise AttachmentError(f"Attachment missing: {sha256[:12]}")
        return self.files[sha256]


@pytest.fixture
def store() -> FakeAttachments:
    return FakeAttachments(
        jpeg(640, 480, "#3c78b4"), png(300, 600, "#c85a28"), jpeg(2048, 1536, "#2e8b57")
    )


@pytest.fixture
def strip(qtbot: QtBot, store: FakeAttachments) -> PhotoStrip:
    widget = PhotoStrip(store.read_bytes)
    qtbot.addWidget(widget)
    widget.resize(640, widget.sizeHint().height())
    return widget


@pytest.fixture
def clipboard(qapp: QApplication) -> Iterator[None]:
    yield
    QGuiApplication.clipboard().clear()


def image_files(tmp_path: Path) -> list[Path]:
    first, second = tmp_path / "site 1.jpg", tmp_path / "铭牌.PNG"
    first.write_bytes(jpeg(200, 150, "red"))
    second.write_bytes(png(120, 160, "blue"))
    return [first, second]


def urls_mime(paths: list[Path]) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return mime


def drop(strip: PhotoStrip, mime: QMimeData) -> QDropEvent:
    event = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    strip.dropEvent(event)
    return event


def collect_added(strip: PhotoStrip) -> list[tuple[bytes, str]]:
    added: list[tuple[bytes, str]] = []
    strip.photo_added.connect(lambda data, name: added.append((data, name)))
    return added


def test_shows_a_thumbnail_per_photo_and_reuses_them(
    strip: PhotoStrip, store: FakeAttachments
) -> None:
    strip.set_photos(store.shas)
    assert strip.photos() == store.shas
    assert strip.list.count() == 3
    for row, sha in enumerate(store.shas):
        item = strip.list.item(row)
        assert item.data(Qt.ItemDataRole.UserRole) == sha
        pixmap = item.icon().pixmap(96, 96)
        assert not pixmap.isNull()
        assert max(pixmap.width(), pixmap.height()) <= 96 * strip.devicePixelRatioF()
    assert not strip.hint.isVisibleTo(strip)
    reads = len(store.reads)
    strip.set_photos(list(reversed(store.shas)))
    assert len(store.reads) == reads  # cached: nothing re-read
    assert strip.photos() == list(reversed(store.shas))


def test_thumbnail_keeps_the_aspect_ratio(strip: PhotoStrip, store: FakeAttachments) -> None:
    strip.set_photos([store.shas[1]])  # 300×600 portrait
    thumbnail = strip._thumbnails[store.shas[1]]
    ratio = thumbnail.devicePixelRatio()
    assert (thumbnail.width() / ratio, thumbnail.height() / ratio) == (48, 96)


def test_a_photo_that_fails_to_load_shows_a_placeholder(
    strip: PhotoStrip, store: FakeAttachments
) -> None:
    broken = b"not a picture at all"
    store.files[hashlib.sha256(broken).hexdigest()] = broken
    shas = [store.shas[0], MISSING, hashlib.sha256(broken).hexdigest()]
    strip.set_photos(shas)
    assert strip.list.count() == 3
    assert strip.list.item(1).toolTip() == "Attachment missing: 000000000000"
    assert not strip.list.item(1).icon().isNull()
    assert "cannot be shown" in strip.list.item(2).toolTip()
    assert "cannot be shown" not in strip.list.item(0).toolTip()
    strip.set_photos(shas)  # a failure is not cached: the file may be restored
    assert store.reads.count(MISSING) == 2


def test_empty_strip_says_how_to_add(strip: PhotoStrip) -> None:
    strip.set_photos([])
    assert strip.hint.isVisibleTo(strip)
    assert "Drop photos here" in strip.hint.text()
    strip.set_enabled_for_input(False)
    assert strip.hint.text() == "No photos."


@pytest.mark.usefixtures("en")
def test_add_button_emits_each_chosen_file(
    qtbot: QtBot, strip: PhotoStrip, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = image_files(tmp_path)
    monkeypatch.setattr(photo_strip, "choose_photo_files", lambda parent: files)
    assert strip.add_button.text() == "Add photo…"
    assert "Ctrl+V" in strip.add_button.toolTip() and "drop" in strip.add_button.toolTip()
    added = collect_added(strip)
    qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)
    assert added == [(path.read_bytes(), path.name) for path in files]


def test_cancelled_file_dialog_adds_nothing(
    qtbot: QtBot, strip: PhotoStrip, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(photo_strip, "choose_photo_files", lambda parent: [])
    with qtbot.assertNotEmitted(strip.photo_added):
        qtbot.mouseClick(strip.add_button, Qt.MouseButton.LeftButton)


def test_unreadable_file_is_named_after_the_others_are_added(
    strip: PhotoStrip, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = image_files(tmp_path)
    gone = tmp_path / "gone.jpg"
    monkeypatch.setattr(photo_strip, "choose_photo_files", lambda parent: [gone, *files])
    added = collect_added(strip)
    with pytest.raises(PhotoNotReadable, match=r"gone\.jpg"):
        strip.add_from_files()
    assert [name for _data, name in added] == [path.name for path in files]


def test_ctrl_v_pastes_a_clipboard_image_as_png(
    qtbot: QtBot, strip: PhotoStrip, clipboard: None
) -> None:
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#ffcc00"))
    QGuiApplication.clipboard().setImage(picture)
    strip.show()
    qtbot.waitExposed(strip)
    strip.activateWindow()
    strip.list.setFocus()
    qtbot.waitUntil(strip.list.hasFocus)
    with qtbot.waitSignal(strip.photo_added, timeout=1000) as blocker:
        qtbot.keyClick(strip.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    data, name = blocker.args or []
    assert name == "pasted.png"
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    pasted = QImage.fromData(data)
    assert (pasted.width(), pasted.height()) == (64, 48)
    assert pasted.pixelColor(10, 10) == QColor("#ffcc00")


def test_paste_of_copied_image_files_keeps_the_files(
    strip: PhotoStrip, tmp_path: Path, clipboard: None
) -> None:
    files = image_files(tmp_path)
    QGuiApplication.clipboard().setMimeData(urls_mime(files))
    added = collect_added(strip)
    strip.paste_from_clipboard()
    assert added == [(path.read_bytes(), path.name) for path in files]


def test_paste_of_text_adds_nothing(qtbot: QtBot, strip: PhotoStrip, clipboard: None) -> None:
    QGuiApplication.clipboard().setText("not a photo")
    with qtbot.assertNotEmitted(strip.photo_added):
        strip.paste_from_clipboard()


def test_dropping_image_files_emits_them(qtbot: QtBot, strip: PhotoStrip, tmp_path: Path) -> None:
    files = image_files(tmp_path)
    notes = tmp_path / "notes.txt"
    notes.write_text("not a photo")
    added = collect_added(strip)
    event = drop(strip, urls_mime([*files, notes]))
    assert event.isAccepted()
    qtbot.waitUntil(lambda: len(added) == 2, timeout=1000)
    assert added == [(path.read_bytes(), path.name) for path in files]


def test_dropping_a_raw_image_emits_png(qtbot: QtBot, strip: PhotoStrip) -> None:
    mime = QMimeData()
    picture = QImage(30, 20, QImage.Format.Format_ARGB32)
    picture.fill(QColor("green"))
    mime.setImageData(picture)
    with qtbot.waitSignal(strip.photo_added, timeout=1000) as blocker:
        drop(strip, mime)
    data, name = blocker.args or []
    assert name == "dropped.png"
    assert QImage.fromData(data).size() == picture.size()


def drag_enter(strip: PhotoStrip, mime: QMimeData) -> bool:
    event = QDragEnterEvent(
        QPoint(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    strip.dragEnterEvent(event)
    return event.isAccepted()


# PySide marks the only QDragEnterEvent constructor (with a QPoint) as deprecated
@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_drops_over_the_thumbnails_reach_the_strip(strip: PhotoStrip, tmp_path: Path) -> None:
    # Qt hands a drop to the nearest ancestor that accepts drops
    assert not strip.list.viewport().acceptDrops() and not strip.list.acceptDrops()
    assert strip.acceptDrops()
    notes = tmp_path / "notes.txt"
    notes.write_text("x")
    assert drag_enter(strip, urls_mime(image_files(tmp_path)))
    assert not drag_enter(strip, urls_mime([notes]))


def test_only_photos_are_accepted(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("x")
    assert not mime_has_photos(urls_mime([notes]))
    web = QMimeData()
    web.setUrls([QUrl("https://example.com/a.jpg")])
    assert not mime_has_photos(web)
    assert photos_from_mime(web, "dropped.png") == ([], [])
    files = image_files(tmp_path)
    assert mime_has_photos(urls_mime(files))


def test_remove_emits_the_selected_photo(
    qtbot: QtBot, strip: PhotoStrip, store: FakeAttachments
) -> None:
    strip.set_photos(store.shas)
    assert not strip.remove_button.isEnabled()
    strip.list.item(1).setSelected(True)
    assert strip.remove_button.isEnabled()
    with qtbot.waitSignal(strip.photo_removed, timeout=1000) as blocker:
        qtbot.mouseClick(strip.remove_button, Qt.MouseButton.LeftButton)
    assert blocker.args == [store.shas[1]]
    strip.set_photos(store.shas)  # the selection survives a refresh
    assert strip.selected_sha() == store.shas[1]


def test_locked_strip_refuses_input(
    qtbot: QtBot, strip: PhotoStrip, store: FakeAttachments, tmp_path: Path, clipboard: None
) -> None:
    strip.set_photos(store.shas)
    strip.list.item(0).setSelected(True)
    strip.set_enabled_for_input(False)
    assert not strip.add_button.isEnabled()
    assert not strip.remove_button.isEnabled()
    assert not strip.acceptDrops()
    assert strip.list.isEnabled()  # photos can still be looked at
    picture = QImage(8, 8, QImage.Format.Format_RGB32)
    picture.fill(QColor("red"))
    QGuiApplication.clipboard().setImage(picture)
    with (
        qtbot.assertNotEmitted(strip.photo_added, wait=50),
        qtbot.assertNotEmitted(strip.photo_removed),
    ):
        strip.paste_from_clipboard()
        strip.paste_shortcut.activated.emit()
        strip.remove_selected()
        event = drop(strip, urls_mime(image_files(tmp_path)))
    assert not event.isAccepted()
    strip.set_enabled_for_input(True)
    assert strip.add_button.isEnabled() and strip.remove_button.isEnabled()


def test_double_click_opens_the_viewer(
    qtbot: QtBot, strip: PhotoStrip, store: FakeAttachments
) -> None:
    strip.set_photos(store.shas)
    strip.show()
    qtbot.waitExposed(strip)
    rect = strip.list.visualItemRect(strip.list.item(2))
    # a real double-click starts with a press, which QTest's mouseDClick leaves out
    qtbot.mouseClick(strip.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(strip.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    viewer = strip.findChild(PhotoViewer)
    assert viewer is not None
    qtbot.waitExposed(viewer)
    assert viewer.windowTitle() == "Photo 3 of 3"
    pixmap = viewer.image.pixmap()
    ratio = pixmap.devicePixelRatio()
    width, height = pixmap.width() / ratio, pixmap.height() / ratio
    assert width <= 1200 and height <= 900
    assert width / height == pytest.approx(2048 / 1536, rel=0.01)
    viewer.reject()


def test_viewer_says_when_a_photo_cannot_be_shown(qtbot: QtBot) -> None:
    viewer = PhotoViewer(b"garbage")
    qtbot.addWidget(viewer)
    assert viewer.image.pixmap().isNull()
    assert "cannot be shown" in viewer.image.text()
