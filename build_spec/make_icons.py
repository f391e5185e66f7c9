"""Draw the application icon's PNG sizes and the Windows .ico from resources/icons/fieldapp.svg.

    python build_spec/make_icons.py

The outputs are committed (resources/icons/fieldapp-<size>.png, resources/icons/fieldapp.ico);
run this again after changing the SVG. Uses Qt's SVG renderer (PySide6) and Pillow.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "fieldapp.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / f"fieldapp-{size}.png"


def render_png(size: int) -> bytes:
    """The SVG drawn at ``size`` × ``size`` pixels, with a transparent background, as PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"{SVG} is not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication([])
    rendered = {size: render_png(size) for size in sorted({*PNG_SIZES, *ICO_SIZES})}
    for size in PNG_SIZES:
        png_path(size).write_bytes(rendered[size])
    images = [Image.open(io.BytesIO(rendered[size])) for size in sorted(ICO_SIZES, reverse=True)]
    images[0].save(
        ICONS / "fieldapp.ico",
        format="ICO",
        sizes=[(s, s) for s in ICO_SIZES],
        append_images=images[1:],
    )
    print(f"wrote {len(PNG_SIZES)} PNG sizes and fieldapp.ico in {ICONS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
