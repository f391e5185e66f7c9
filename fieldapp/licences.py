"""What the app is built from, and under which licences: shown in the About dialog.

The list is read at run time from the installed distributions' metadata
(``importlib.metadata``): fieldapp's own requirements and theirs, each with its version,
its licence (``License-Expression``, else ``License``, else the licence classifier) and the
licence files in its ``.dist-info``. The desktop bundle carries that metadata
(``build_spec/fieldapp.spec``). The Python runtime, Qt (inside the PySide6 wheels) and the
bundled fonts are added by hand; the LGPL text for Qt and PySide6 comes from
``resources/licenses/`` because the PySide6 wheels carry none.
"""

from __future__ import annotations

import importlib.metadata as md
import platform
import re
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from fieldapp.paths import resource

APP_DISTRIBUTION = "fieldapp"
QT_DISTRIBUTION = "pyside6-essentials"
# installers that some requirement names but the app never runs
NOT_SHIPPED = frozenset({"pip", "setuptools", "wheel"})
_LICENCE_FILE = re.compile(r"(^|/)(licen[cs]es?|copying|notice)([./_-]|$)", re.IGNORECASE)
_NAME = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
_SHORT = 60


@dataclass(frozen=True)
class Component:
    """One part of the application as shipped."""

    name: str
    version: str
    licence: str  # an SPDX expression or the licence's short name
    files: tuple[Path, ...]  # the licence texts, in order


def normalised(name: str) -> str:
    """A distribution name as PEP 503 compares it."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_names(dist: md.Distribution) -> list[str]:
    """The names of the distributions ``dist`` needs at run time (not for an extra)."""
    names = []
    for requirement in dist.requires or []:
        spec, _, marker = requirement.partition(";")
        if "extra" in marker:
            continue
        match = _NAME.match(spec)
        if match:
            names.append(match.group(1))
    return names


def _field(meta: md.PackageMetadata, key: str) -> str:
    return str(meta[key] or "").strip() if key in meta else ""


def licence_name(dist: md.Distribution) -> str:
    """The licence as the distribution declares it, in a few words."""
    meta = dist.metadata
    expression = _field(meta, "License-Expression")
    if expression:
        return expression
    declared = _field(meta, "License")
    if declared and "\n" not in declared and len(declared) <= _SHORT:
        return declared
    for classifier in meta.get_all("Classifier") or []:
        if str(classifier).startswith("License :: "):
            return str(classifier).split(" :: ")[-1]
    first = declared.splitlines()[0] if declared else ""
    return first[:_SHORT] or "?"


def _dist_licence_files(dist: md.Distribution) -> tuple[Path, ...]:
    found = []
    for file in dist.files or []:
        parts = file.parts
        if not parts or not parts[0].endswith(".dist-info"):
            continue
        if _LICENCE_FILE.search("/".join(parts[1:])):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                found.append(path)
    return tuple(sorted(found))


_FALLBACK_TEXTS = {
    # the PySide6 wheels name the licence of Qt and PySide6 but carry no text of it
    "LGPL-3.0-only": (("licenses", "LGPL-3.0.txt"), ("licenses", "GPL-3.0.txt")),
    # fieldapp's own (an editable install has no licence file in its .dist-info)
    "Apache-2.0": (("fonts", "LICENSE-Apache-2.0.txt"),),
}


def _fallback_files(licence: str) -> tuple[Path, ...]:
    for key, names in _FALLBACK_TEXTS.items():
        if key in licence:
            return tuple(resource(*name) for name in names)
    return ()


def _component(dist: md.Distribution) -> Component:
    licence = licence_name(dist)
    files = _dist_licence_files(dist) or _fallback_files(licence)
    return Component(dist.metadata["Name"], dist.version, licence, files)


def distributions() -> tuple[list[md.Distribution], list[str]]:
    """fieldapp's distribution and everything it needs, found by walking the requirements
    from fieldapp; and the names of required distributions that are not installed."""
    found: dict[str, md.Distribution] = {}
    missing: list[str] = []
    pending = [APP_DISTRIBUTION]
    while pending:
        name = pending.pop(0)
        key = normalised(name)
        if key in found or key in NOT_SHIPPED or name in missing:
            continue
        try:
            dist = md.distribution(name)
        except md.PackageNotFoundError:
            missing.append(name)
            continue
        found[key] = dist
        pending.extend(requirement_names(dist))
    ordered = sorted(found.values(), key=lambda d: normalised(d.metadata["Name"]))
    ordered.sort(key=lambda d: normalised(d.metadata["Name"]) != APP_DISTRIBUTION)
    return ordered, missing


def python_licence_file() -> Path | None:
    """Python's own licence text: kept beside the bundle's resources, else the stdlib's."""
    for path in (
        resource("licenses", "python", "LICENSE.txt"),
        Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt",
    ):
        if path.is_file():
            return path
    return None


def fonts() -> list[Component]:
    """The fonts in ``resources/fonts`` (see its README.md)."""
    return [
        Component(
            "AR PL UMing CN",
            "0.2.20080216.2",
            "Arphic Public License",
            (resource("fonts", "LICENSE-ARPHIC-PUBLIC-LICENSE.txt"),),
        ),
        Component(
            "Droid Sans Fallback",
            "6.0.1r16",
            "Apache-2.0",
            (resource("fonts", "LICENSE-Apache-2.0.txt"),),
        ),
    ]


def components() -> list[Component]:
    """Everything the app ships: fieldapp, Python, every required distribution, the fonts.

    A required distribution that cannot be found (its metadata not shipped) is left out;
    ``distributions()`` names it.
    """
    dists, _missing = distributions()
    python_file = python_licence_file()
    python = Component(
        f"Python ({platform.python_implementation()})",
        platform.python_version(),
        "PSF-2.0",
        (python_file,) if python_file else (),
    )
    listed = [_component(d) for d in dists]
    own = [c for c in listed if normalised(c.name) == APP_DISTRIBUTION]
    others = [c for c in listed if normalised(c.name) != APP_DISTRIBUTION]
    qt = [
        # the PySide6 wheels carry the Qt libraries of the same version
        Component("Qt", c.version, "LGPL-3.0-only", _fallback_files("LGPL-3.0-only"))
        for c in others
        if normalised(c.name) == QT_DISTRIBUTION
    ]
    return [*own, python, *qt, *others, *fonts()]


def licence_text(component: Component) -> str:
    """The component's licence files, one after the other, each under its file name.

    Empty if it has none. A file that cannot be read is named with the reason.
    """
    parts = []
    for path in component.files:
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError as err:
            text = f"({err.strerror or err})"
        header = f"==== {path.name} ====" if len(component.files) > 1 else ""
        parts.append(f"{header}\n{text.strip()}\n" if header else f"{text.strip()}\n")
    return "\n".join(parts)


def frozen() -> bool:
    """Whether this is the desktop bundle (PyInstaller) rather than a Python install."""
    return bool(getattr(sys, "frozen", False))
