"""Generated files stay in step with their sources: ui/*.ui -> fieldapp/gui/generated, and
the Chinese translation is complete and compiled."""

from __future__ import annotations

import importlib.util
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("build_ui", ROOT / "build_spec" / "build_ui.py")
assert spec and spec.loader
build_ui = importlib.util.module_from_spec(spec)
spec.loader.exec_module(build_ui)


def code_only(path: Path) -> str:
    """The generated code without uic's header comments (they name the Qt version)."""
    return "\n".join(
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
    )


@pytest.mark.parametrize("ui_file", sorted((ROOT / "ui").glob("*.ui")), ids=lambda p: p.name)
def test_generated_ui_code_is_fresh(ui_file: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.py"
    build_ui.compile_ui(ui_file, fresh)
    committed = build_ui.generated_name(ui_file)
    assert committed.exists(), f"run python build_spec/build_ui.py ({committed.name} missing)"
    assert code_only(committed) == code_only(fresh), (
        f"{committed.name} is stale: run python build_spec/build_ui.py"
    )


def messages(ts_file: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts_file).getroot()
    return {
        (ctx.findtext("name") or "", msg.findtext("source") or ""): msg.find("translation")
        for ctx in root.iter("context")
        for msg in ctx.iter("message")
    }  # type: ignore[misc]


def test_chinese_translation_is_complete_and_current(tmp_path: Path) -> None:
    committed = build_ui.TRANSLATIONS / "fieldapp_zh_CN.ts"
    copy = tmp_path / "fieldapp_zh_CN.ts"
    shutil.copy(committed, copy)
    build_ui.update_ts(copy)  # lupdate against today's sources
    current = messages(copy)
    assert set(current) == set(messages(committed)), (
        "strings were added or removed in the code: run python build_spec/build_ui.py and"
        " translate the new ones in resources/translations/fieldapp_zh_CN.ts"
    )
    unfinished = [
        src
        for (ctx, src), tr in current.items()
        if tr is None
        or tr.get("type") in ("unfinished", "vanished", "obsolete")
        or not (tr.text or "").strip()
    ]
    assert unfinished == []
    # accelerators and placeholders survive translation
    for (_ctx, src), tr in current.items():
        assert bool(re.search(r"&\w", src)) == bool(re.search(r"&\w", tr.text or "")), src
        assert sorted(re.findall(r"%\d", src)) == sorted(re.findall(r"%\d", tr.text or "")), src


def test_compiled_translation_matches_its_source(tmp_path: Path) -> None:
    ts_file = build_ui.TRANSLATIONS / "fieldapp_zh_CN.ts"
    fresh = tmp_path / "fresh.qm"
    build_ui.release(ts_file, fresh)
    assert fresh.read_bytes() == ts_file.with_suffix(".qm").read_bytes(), (
        "fieldapp_zh_CN.qm is stale: run python build_spec/build_ui.py"
    )
