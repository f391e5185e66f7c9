"""A non-editable wheel carries forms/, ui/ and resources/ inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        check=True,
        timeout=600,
    )
    (found,) = out.glob("fieldapp-*.whl")
    return found


@pytest.mark.slow
def test_wheel_carries_the_data_folders(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = [
        "fieldapp/ui/main_window.ui",
        "fieldapp/ui/registry_view.ui",
        "fieldapp/resources/fonts/DroidSansFallbackFull.ttf",
        "fieldapp/resources/fonts/LICENSE-Apache-2.0.txt",
        "fieldapp/resources/translations/fieldapp_zh_CN.qm",
        "fieldapp/resources/data/catalogue_2014.csv",
        "fieldapp/resources/data/districts_jilin.csv",
        "fieldapp/resources/icons/fieldapp.svg",
        "fieldapp/resources/icons/fieldapp-256.png",
        "fieldapp/resources/icons/fieldapp.ico",
        "fieldapp/resources/licenses/LGPL-3.0.txt",
        "fieldapp/forms/README.md",
        "fieldapp/py.typed",
        "fieldapp/gui/generated/ui_main_window.py",
    ]
    assert [n for n in expected if n not in names] == []
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "fieldapp = fieldapp.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


@pytest.mark.slow
def test_installed_wheel_finds_its_data_inside_the_package(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    code = (
        "import fieldapp.paths as p, fieldapp.domain.catalogue as c;"
        "print(p.resources_dir()); print(len(c.catalogue()))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": ""},
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    resources, count = result.stdout.split()
    assert Path(resources) == target / "fieldapp" / "resources"
    assert int(count) > 100
