"""Compile ui/*.ui into fieldapp/gui/generated/ui_*.py and the Qt translations.

    python build_spec/build_ui.py            # .ui -> .py, update .ts from sources, .ts -> .qm

The generated files are committed; tests/gui/test_generated.py fails when they are stale.
Needs PySide6's tools (pyside6-uic, pyside6-lupdate, pyside6-lrelease) on PATH or beside
the running Python.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
GENERATED = ROOT / "fieldapp" / "gui" / "generated"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)


def tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e '.[test]')")
    return found


def generated_name(ui_file: Path) -> Path:
    return GENERATED / f"ui_{ui_file.stem}.py"


def compile_ui(ui_file: Path, target: Path) -> None:
    subprocess.run([tool("pyside6-uic"), str(ui_file), "-o", str(target)], check=True)


def translation_sources() -> list[Path]:
    """The files lupdate reads: .ui files and hand-written Python (not the generated)."""
    python = [p for p in sorted((ROOT / "fieldapp").rglob("*.py")) if GENERATED not in p.parents]
    return sorted(UI_DIR.glob("*.ui")) + python


def update_ts(ts_file: Path) -> None:
    files = [str(p.relative_to(ROOT)) for p in translation_sources()]
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-no-obsolete",
            "-locations",
            "none",
            *files,
            "-ts",
            str(ts_file),
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )


def release(ts_file: Path, qm_file: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), str(ts_file), "-qm", str(qm_file)],
        check=True,
        capture_output=True,
    )


def main() -> None:
    GENERATED.mkdir(parents=True, exist_ok=True)
    for ui_file in sorted(UI_DIR.glob("*.ui")):
        compile_ui(ui_file, generated_name(ui_file))
    for lang in LANGUAGES:
        ts_file = TRANSLATIONS / f"fieldapp_{lang}.ts"
        update_ts(ts_file)
        release(ts_file, ts_file.with_suffix(".qm"))
    print("ui and translations rebuilt")


if __name__ == "__main__":
    main()
