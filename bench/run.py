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
    target_ratio: float  # 0: no ratio target
    target_value: float = 0.0  # 0: no absolute target (in ``unit``)


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
    Figure(
        "forms_load",
        "checklists",
        "load and validate every checklist in forms/ (median)",
        "plain yaml.safe_load of the same files",
        "ms",
        3.0,
    ),
    Figure(
        "forms_eval",
        "checklists",
        "p95 re-evaluation of a 500-item checklist after one answer",
        "p95 of reading each of the 500 answers once",
        "ms",
        0.0,
        2.0,
    ),
    Figure(
        "answer",
        "answering",
        "p95 of answering an item in the runner (saved + next item shown), 500-item checklist",
        "p95 of a bare QLabel.setText plus event processing",
        "ms",
        0.0,
        16.0,
    ),
    Figure(
        "qr_payload",
        "qr",
        "QR payload of a realistic notice (15-character unit name, 5 findings), characters",
        "the same claims as plain JSON, unsigned",
        "",
        0.0,
    ),
    Figure(
        "qr_version",
        "qr",
        "QR version of that payload at error correction Q",
        "version 13 (about 38 mm at 0.5 mm modules)",
        "",
        0.0,
        13.0,
    ),
    Figure(
        "pdf_notice",
        "pdf",
        "render a 20-finding notice with its QR code (median)",
        "bare reportlab drawing the same text with the same font",
        "s",
        1.5,
    ),
    Figure(
        "sync_import",
        "sync",
        "import a batch of 10,000 inspections (364,491 records, 2,000 photos) into a new"
        " supervisor workspace",
        "bare sqlite3 executemany of the same rows into the same schema, one transaction",
        "s",
        3.0,
    ),
    Figure(
        "sync_again",
        "sync",
        "import the same batch again (already imported: nothing changes)",
        "one second",
        "s",
        0.0,
        1.0,
    ),
    Figure(
        "sync_export",
        "sync",
        "export that batch (written, signed, re-read and checked, then renamed)",
        "plain zipfile of the same entries",
        "s",
        2.0,
    ),
    Figure(
        "sync_memory",
        "sync",
        "peak memory (VmHWM) of a process importing that batch",
        "the issue's 300 MB",
        "MB",
        0.0,
        300.0,
    ),
    Figure(
        "sup_build",
        "supervisor",
        "build the province demo (50,000 units, 200,000 inspections, ~15 M answers)",
        "five minutes (the issue's 'a few minutes')",
        "s",
        1.0,
    ),
    Figure(
        "sup_filter",
        "supervisor",
        "slowest filter/search query (count, first page or a deep page) on the province demo",
        "the same SQL in bare sqlite3",
        "ms",
        2.0,
        200.0,
    ),
    Figure(
        "sup_ratio",
        "supervisor",
        "the filter/search query with the worst ratio to bare sqlite3 (province demo)",
        "the same SQL in bare sqlite3",
        "ms",
        2.0,
        200.0,
    ),
    Figure(
        "sup_dashboard",
        "supervisor",
        "slowest dashboard aggregate or per-officer/district count (province demo)",
        "the same SQL in bare sqlite3",
        "ms",
        0.0,
        1000.0,
    ),
    Figure(
        "sup_gui_wait",
        "supervisor_gui",
        "longest the records window stops answering while the province's slowest searches run",
        "the slowest of those searches run directly (what the window waited when lists read"
        " on the GUI thread)",
        "ms",
        0.0,
        100.0,
    ),
    Figure(
        "sup_export_csv",
        "supervisor",
        "export 长春's findings to CSV (about 130,000 rows)",
        "bare sqlite3 rows written by csv.writer",
        "s",
        0.0,
    ),
    Figure(
        "sup_export_xlsx",
        "supervisor",
        "export 长春's findings to XLSX (openpyxl write-only)",
        "bare sqlite3 rows appended to an openpyxl write-only sheet",
        "s",
        0.0,
    ),
    Figure(
        "sup_pdf",
        "supervisor",
        "the printable summary of this quarter with its charts (province demo)",
        "its queries alone in bare sqlite3",
        "s",
        0.0,
    ),
    Figure(
        "sup_memory",
        "supervisor",
        "peak memory of the process running all of the above",
        "a bare sqlite3 process running one aggregate",
        "MB",
        0.0,
        400.0,
    ),
]


def main(argv: list[str]) -> int:
    chosen = [f for f in FIGURES if not argv or f.name in argv]
    if not chosen:
        print(f"unknown figure; choose from: {', '.join(f.name for f in FIGURES)}")
        return 2
    header = f"{'figure':<12} {'value':>11} {'baseline':>11} {'ratio':>7} {'target':>8}  verdict"
    print(header)
    print("-" * len(header))
    results: dict[str, dict[str, dict[str, float]]] = {}
    for figure in chosen:
        if figure.module not in results:  # one module may measure several figures at once
            results[figure.module] = importlib.import_module(figure.module).measure()
        result = results[figure.module][figure.name]
        ratio = result["value"] / result["baseline"]
        verdicts = []
        if figure.target_ratio:
            verdicts.append("ok" if ratio <= figure.target_ratio else "OVER TARGET")
        if figure.target_value:
            within = result["value"] <= figure.target_value
            verdicts.append(f"{'ok' if within else 'OVER'} (≤ {figure.target_value}{figure.unit})")
        verdict = ", ".join(verdicts) or "reported (no target)"
        print(
            f"{figure.name:<10} {result['value']:>9.3f}{figure.unit} "
            f"{result['baseline']:>9.3f}{figure.unit} {ratio:>7.2f} "
            f"{('≤ ' + str(figure.target_ratio)) if figure.target_ratio else '-':>8}  {verdict}"
        )
        print(f"{'':<12} {figure.what}; baseline: {figure.baseline}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
