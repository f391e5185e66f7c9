"""GUI fixtures: one widget at a time, an injected workspace, a chosen language."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from fieldapp.domain.models import Role
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


SUPERVISOR_TODAY = dt.date(2026, 6, 15)


@pytest.fixture(scope="session")
def supervisor_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small supervisor demo (a few hundred imported inspections), built once per
    session as of SUPERVISOR_TODAY; the supervisor's views only read it."""
    from fieldapp.demo import build_demo

    home = tmp_path_factory.mktemp("supervisor-template") / "home"
    build_demo(home, Role.SUPERVISOR, today=SUPERVISOR_TODAY)
    return home


@pytest.fixture
def supervisor_ws(supervisor_template: Path) -> Iterator[Workspace]:
    """The session's supervisor demo, open (tests must not change it)."""
    ws = Workspace.open(supervisor_template)
    yield ws
    ws.close()
