"""fieldapp/paths.py finds forms/, ui/ and resources/ in a checkout and in a bundle."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp import paths


@pytest.fixture
def fresh_root() -> Iterator[None]:
    paths._data_root.cache_clear()
    yield
    paths._data_root.cache_clear()


@pytest.mark.usefixtures("fresh_root")
def test_a_checkout_finds_the_folders_at_the_top() -> None:
    top = Path(__file__).resolve().parent.parent
    assert paths.forms_dir() == top / "forms"
    assert paths.resource("fonts", "uming.ttc").is_file()


@pytest.mark.usefixtures("fresh_root")
def test_a_pyinstaller_bundle_finds_them_below_its_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.forms_dir() == tmp_path / "fieldapp" / "forms"
    assert paths.ui_dir() == tmp_path / "fieldapp" / "ui"
    assert paths.resource("icons", "fieldapp.ico") == (
        tmp_path / "fieldapp" / "resources" / "icons" / "fieldapp.ico"
    )
