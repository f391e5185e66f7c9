"""Where the data folders (forms/, ui/, resources/) are.

In an installed wheel they sit inside the package (``fieldapp/forms`` …); in a source
checkout or an editable install they sit at the top of the repository; in a PyInstaller
bundle (``sys.frozen``) they sit in the ``fieldapp`` folder below the bundle's data folder
``sys._MEIPASS`` (``build_spec/fieldapp.spec`` puts them there). This module is the only
place that knows.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundle_dir() -> Path | None:
    """The PyInstaller bundle's data folder, or None when not running from a bundle."""
    meipass = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and meipass:
        return Path(meipass)
    return None


@cache
def _data_root() -> Path:
    bundle = _bundle_dir()
    if bundle is not None:
        return bundle / "fieldapp"
    if (_PACKAGE_DIR / "resources").is_dir():
        return _PACKAGE_DIR
    return _PACKAGE_DIR.parent


def forms_dir() -> Path:
    """The folder of shipped checklist definitions."""
    return _data_root() / "forms"


def ui_dir() -> Path:
    """The folder of Qt Designer ``.ui`` files."""
    return _data_root() / "ui"


def resources_dir() -> Path:
    """The folder of icons, fonts, translations and reference data tables."""
    return _data_root() / "resources"


def resource(*parts: str) -> Path:
    """A file below ``resources/``, e.g. ``resource("data", "catalogue_2014.csv")``."""
    return resources_dir().joinpath(*parts)
