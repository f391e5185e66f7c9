"""Make the supervisor's screenshots in docs/screenshots/ (supervisor-*.png) from a fresh
small supervisor demo, at 1366×768, in Chinese (``--lang en`` for English).

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/supervisor_screenshots.py
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from fieldapp.demo import build_demo
from fieldapp.domain.models import Role
from fieldapp.gui import dialogs
from fieldapp.gui.app import install_translations, make_application
from fieldapp.gui.main_window import MainWindow
from fieldapp.reports.filters import ListKind
from fieldapp.workspace import Workspace

OUT = Path(__file__).resolve().parent / "screenshots"


def _report(_parent: object, message: str) -> None:  # no modal boxes in a script
    raise SystemExit(f"unexpected message: {message}")


dialogs.show_user_error = _report


def settle(seconds: float = 0.6) -> None:
    """Let workers (dashboards) and QPdfView's page rendering finish."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def save(widget: QWidget, name: str, out: Path) -> None:
    for page in ("records", "follow_ups"):  # lists are read in the background
        if hasattr(widget, page):
            getattr(widget, page).wait_until_read()
    settle()
    path = out / name
    widget.grab().save(str(path))
    print("wrote", path)


def shoot(home: Path, lang: str, out: Path) -> None:
    with Workspace.open(home) as ws:
        window = MainWindow(ws)
        window.resize(1366, 768)
        window.show()
        window.show_section(2)
        follow_ups = window.follow_ups
        save(window, f"supervisor-follow-ups-{lang}.png", out)
        for index, name in ((3, "per-officer"), (6, "holds")):
            follow_ups.tabs.setCurrentIndex(index)
            save(window, f"supervisor-follow-ups-{name}-{lang}.png", out)

        window.show_section(4)
        records = window.records
        for kind in ListKind:
            records.show_list(kind)
            save(window, f"supervisor-records-{kind.value}-{lang}.png", out)
        # a finding with its photo, then a notice with its PDF
        records.show_list(ListKind.FINDINGS)
        findings = records.lists[ListKind.FINDINGS].model
        findings.fetch_all()
        for row, item in enumerate(findings.rows):
            records.details.show_record(ListKind.FINDINGS, item.id, remember=False)
            if "attachment:" in records.details.browser.document().toHtml():
                view = records.lists[ListKind.FINDINGS].table
                view.selectRow(row)
                view.scrollTo(findings.index(row, 0))
                break
        save(window, f"supervisor-finding-photo-{lang}.png", out)
        records.show_list(ListKind.NOTICES)
        records.details.select_tab(documents=True)
        save(window, f"supervisor-notice-pdf-{lang}.png", out)
        records.filter_bar.set_text("购物中心")
        records.show_list(ListKind.UNITS)
        save(window, f"supervisor-search-{lang}.png", out)
        records.filter_bar.clear()

        window.show_section(5)
        settle(2.0)
        save(window, f"supervisor-dashboards-{lang}.png", out)
        for card in window.dashboards.cards:
            save(card, f"supervisor-chart-{card.name}-{lang}.png", out)
        window.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lang", choices=("zh", "en"), default="zh")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    app = make_application("en")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "supervisor"
        build_demo(home, Role.SUPERVISOR)
        translators = install_translations(app, args.lang)
        shoot(home, args.lang, args.out)
        for translator in translators:
            app.removeTranslator(translator)
    return 0


if __name__ == "__main__":
    sys.exit(main())
