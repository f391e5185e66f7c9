"""Run the benchmarks and print each figure beside its baseline and the ratio.

python bench/run.py [NAME ...]
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


@dataclass(frozen=True)
class Figure:
    name: str
    module: str
    what: str
    baseline: str
    unit: str
    target_ratio: float


FIGURES = [
    Figure(
        "startup",
        "startup",
        "new process to main window on screen (demo workspace)",
        "new process to a bare PySide6 QMainWindow on screen",
        "s",
        1.5,
    ),
    Figure(
        "startup_data",
        "startup",
        "new process to the registry listed (demo workspace)",
        "new process to a bare PySide6 QMainWindow on screen",
        "s",
        0.0,
    ),
]


def main(argv: list[str]) -> int:
    chosen = [f for f in FIGURES if not argv or f.name in argv]
    if not chosen:
        print(f"unknown figure; choose from: {', '.join(f.name for f in FIGURES)}")
        return 2
    header = f"{'figure':<10} {'value':>10} {'baseline':>10} {'ratio':>7} {'target':>8}  verdict"
    print(header)
    print("-" * len(header))
    results: dict[str, dict[str, dict[str, float]]] = {}
    for figure in chosen:
        if figure.module not in results:  # one module may measure several figures at once
            results[figure.module] = importlib.import_module(figure.module).measure()
        result = results[figure.module][figure.name]
        ratio = result["value"] / result["baseline"]
        if not figure.target_ratio:
            verdict = "reported (no target)"
        else:
            verdict = "ok" if ratio <= figure.target_ratio else "OVER TARGET"
        print(
            f"{figure.name:<10} {result['value']:>9.3f}{figure.unit} "
            f"{result['baseline']:>9.3f}{figure.unit} {ratio:>7.2f} "
            f"{('≤ ' + str(figure.target_ratio)) if figure.target_ratio else '-':>8}  {verdict}"
        )
        print(f"{'':<10} {figure.what}; baseline: {figure.baseline}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
