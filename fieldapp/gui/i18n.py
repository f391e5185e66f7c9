"""The language the GUI runs in, for data that carries its own zh and en labels."""

from __future__ import annotations

_language = "zh"


def set_language(lang: str) -> None:
    global _language
    _language = "en" if lang == "en" else "zh"


def language() -> str:
    """``zh`` (the default) or ``en``."""
    return _language
