"""The Qt build under the app must not leak references: PySide6 6.12.0 on CPython 3.11 lost a
reference to ``None`` on every Qt call that returns nothing, and the process aborted after
some 70,000 such calls (a calendar repaint alone makes thousands).  pyproject.toml holds
PySide6 below 6.12; this fails if a build with that fault is installed."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QImage, QPainter, QPen


def test_void_qt_calls_keep_none_alive() -> None:
    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(2_000):
        probe.setObjectName("probe")
    assert sys.getrefcount(None) >= before - 50


def test_painting_keeps_none_alive() -> None:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    before = sys.getrefcount(None)
    painter = QPainter(image)
    for _ in range(1_000):
        painter.setPen(QPen(QColor("#336699")))
        painter.drawLine(0, 0, 63, 63)
    painter.end()
    assert sys.getrefcount(None) >= before - 50
