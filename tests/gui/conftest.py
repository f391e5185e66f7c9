"""GUI fixtures: one widget at a time, an injected workspace, a chosen language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from fieldapp.gui.app import install_fonts, install_translations
from fieldapp.workspace import Workspace


def _set_language(app: QApplication, lang: str) -> Iterator[None]:
    install_fonts(app)
    translators = install_translations(app, lang)
    yield
    for translator in translators:
        app.removeTranslator(translator)
    install_translations(app, "en")  # back to the source language for other tests


@pytest.fixture
def zh(qapp: QApplication) -> Iterator[None]:
    yield from _set_language(qapp, "zh")


@pytest.fixture
def en(qapp: QApplication) -> Iterator[None]:
    yield from _set_language(qapp, "en")


@pytest.fixture
def demo_ws(demo_home: Path) -> Iterator[Workspace]:
    ws = Workspace.open(demo_home)
    yield ws
    ws.close()
