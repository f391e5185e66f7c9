"""Shared fixtures. Every fixture works in ``tmp_path``; none touches the user's folders."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from fieldapp.domain.models import Role
from fieldapp.workspace import OfficerProfile, Workspace

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A loaded CI machine must not turn a slow example into a failure: speed lives in bench/.
settings.register_profile("fieldapp", deadline=None, print_blob=True)
settings.load_profile("fieldapp")

PROFILE = OfficerProfile(
    name="王建国",
    law_id="22010019001",
    organisation="长春市市场监督管理局",
    agency_code="长",
    officer_code="A07",
    phone="13904310001",
)
TEST_PASSPHRASE = "test-passphrase-1"


@pytest.fixture(autouse=True)
def _no_real_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep FIELDAPP_HOME and the platform data folder inside the test's tmp_path.

    Officer workspaces made in tests get their signing key encrypted with TEST_PASSPHRASE.
    """
    monkeypatch.delenv("FIELDAPP_HOME", raising=False)
    monkeypatch.setenv("FIELDAPP_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "user-home"))


@pytest.fixture
def officer_ws(tmp_path: Path) -> Iterator[Workspace]:
    """A fresh, empty officer workspace, open."""
    ws = Workspace.create(tmp_path / "officer", Role.OFFICER, PROFILE)
    yield ws
    ws.close()


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo officer workspace, built once per test session; copy it before changing it."""
    from fieldapp.demo import build_demo

    home = tmp_path_factory.mktemp("demo-template") / "home"
    build_demo(home, Role.OFFICER)
    return home


@pytest.fixture
def demo_home(demo_template: Path, tmp_path: Path) -> Path:
    """A private copy of the demo officer workspace (closed)."""
    import shutil

    target = tmp_path / "demo"
    shutil.copytree(demo_template, target)
    return target
