"""Photos: downscaled for storage, with the time they were taken kept.

Pillow reads every common camera format and the EXIF capture time; a photo larger than
2048 px on its long edge is scaled down and stored as JPEG.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass

from fieldapp.errors import UserError

MAX_EDGE = 2048
JPEG_QUALITY = 88
MAX_INPUT_BYTES = 60_000_000
_EXIF_DATETIME_ORIGINAL = 0x9003
_EXIF_DATETIME = 0x0132
_EXIF_IFD = 0x8769


class NotAnImage(UserError):
    """The file is not a picture fieldapp can read."""


@dataclass(frozen=True)
class Photo:
    data: bytes
    media_type: str
    width: int
    height: int
    taken_at: str  # ISO time from the camera, or "" when it did not say


def _taken_at(image: object) -> str:
    try:
        exif = image.getexif()  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return ""
    value = exif.get_ifd(_EXIF_IFD).get(_EXIF_DATETIME_ORIGINAL) or exif.get(_EXIF_DATETIME)
    if not isinstance(value, str):
        return ""
    try:
        return dt.datetime.strptime(value.strip(), "%Y:%m:%d %H:%M:%S").isoformat()
    except ValueError:
        return ""


def prepare_photo(raw: bytes, name: str = "") -> Photo:
    """Read a photo, turn it upright, scale it to at most 2048 px, keep its capture time.

    Raises NotAnImage for anything that is not a readable picture.
    """
    from PIL import Image, ImageOps, UnidentifiedImageError

    if len(raw) > MAX_INPUT_BYTES:
        raise NotAnImage(f"{name or '照片'} 太大（超过60 MB）/ the file is larger than 60 MB")
    try:
        with Image.open(io.BytesIO(raw)) as opened:
            taken_at = _taken_at(opened)
            image = ImageOps.exif_transpose(opened)
            image.load()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as err:
        raise NotAnImage(
            f"{name or '文件'} 不是可以读取的图片 / not a picture fieldapp can read ({err})"
        ) from None
    if max(image.size) > MAX_EDGE:
        image.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
    if image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    return Photo(out.getvalue(), "image/jpeg", image.width, image.height, taken_at)
