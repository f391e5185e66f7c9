"""The list of what fieldapp is built from, with licences, read from installed metadata."""

from __future__ import annotations

import importlib.metadata as md
from pathlib import Path
from typing import ClassVar

import pytest

from fieldapp import licences
from fieldapp.licences import Component


def by_name() -> dict[str, Component]:
    return {c.name: c for c in licences.components()}


def test_walks_fieldapps_requirements_from_the_installed_metadata() -> None:
    dists, _missing = licences.distributions()
    names = [licences.normalised(d.metadata["Name"]) for d in dists]
    assert names[0] == "fieldapp"
    own = md.distribution("fieldapp")
    direct = {licences.normalised(n) for n in licences.requirement_names(own)}
    assert direct <= set(names)
    # requirements of requirements too: jsonschema needs referencing, cryptography cffi
    assert {"referencing", "cffi"} <= set(names)
    assert not set(names) & licences.NOT_SHIPPED
    assert "pytest" not in names  # an extra ("test") is not shipped


def test_requirement_names_skip_extras() -> None:
    class Fake(md.Distribution):
        requires: ClassVar[list[str]] = [
            "a-b>=1",
            "c; python_version < '3.13'",
            "d; extra == 'test'",
            "E[x]==2",
        ]

        def read_text(self, filename: str) -> str | None:
            return None

        def locate_file(self, path: str | Path) -> Path:
            return Path(path)

    assert licences.requirement_names(Fake()) == ["a-b", "c", "E"]


def test_every_component_has_a_version_a_licence_and_its_texts() -> None:
    components = licences.components()
    assert [c.name for c in components[:3]] == ["fieldapp", components[1].name, "Qt"]
    assert components[1].name.startswith("Python")
    for component in components:
        assert component.version and component.licence not in ("", "?"), component
        assert all(path.is_file() for path in component.files), component
    found = by_name()
    assert found["AR PL UMing CN"].licence == "Arphic Public License"
    assert "ARPHIC PUBLIC LICENSE" in licences.licence_text(found["AR PL UMing CN"])
    # the PySide6 wheels carry no licence text: the LGPL and GPL texts are shipped for them
    qt_text = licences.licence_text(found["PySide6_Essentials"])
    assert "==== LGPL-3.0.txt ====" in qt_text and "==== GPL-3.0.txt ====" in qt_text
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in licences.licence_text(found["Qt"])


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"License-Expression": "MIT", "License": "whatever"}, "MIT"),
        ({"License": "BSD"}, "BSD"),
        (
            {
                "License": "BSD license (see license.txt for details), Copyright (c) 2000-2025,"
                " ReportLab Inc.",
                "Classifier": "License :: OSI Approved :: BSD License",
            },
            "BSD License",
        ),
        ({"Classifier": "License :: Public Domain"}, "Public Domain"),
        ({"License": "Long text\nof a whole licence"}, "Long text"),
        ({}, "?"),
    ],
)
def test_licence_name_from_metadata(fields: dict[str, str], expected: str) -> None:
    from email.message import Message

    message = Message()
    for key, value in fields.items():
        message[key] = value

    class Fake(md.Distribution):
        metadata = message  # type: ignore[assignment]

        def read_text(self, filename: str) -> str | None:
            return None

        def locate_file(self, path: str | Path) -> Path:
            return Path(path)

    assert licences.licence_name(Fake()) == expected


def test_a_missing_licence_file_is_named_not_raised(tmp_path: Path) -> None:
    gone = tmp_path / "LICENSE"
    there = tmp_path / "NOTICE"
    there.write_text("notice text", encoding="utf-8")
    text = licences.licence_text(Component("x", "1", "MIT", (gone, there)))
    assert "==== LICENSE ====" in text and "No such file" in text
    assert "notice text" in text
