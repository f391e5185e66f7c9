"""fieldapp: offline field app for special-equipment safety supervision officers."""

from __future__ import annotations

__version__ = "0.1.0"
