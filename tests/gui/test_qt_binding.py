"""The Qt binding must not leak references to None (PySide6 6.12.0 on CPython 3.11 did:
every void call dropped one, and the interpreter aborted after a few thousand)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem


def test_void_calls_keep_the_reference_count_of_none(qapp: QApplication) -> None:
    point = QPointF()
    tree = QTreeWidget()
    before = sys.getrefcount(None)
    for _ in range(500):
        point.setX(1.0)
        tree.addTopLevelItem(QTreeWidgetItem(["x"]))
        tree.clear()
    assert abs(sys.getrefcount(None) - before) < 50
