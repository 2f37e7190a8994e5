"""Small helpers for the UI tests: a real PNG, a child widget by its objectName."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

T = TypeVar("T", bound=QWidget)


def write_png(path: Path, size: int = 8) -> Path:
    """A real little PNG (Qt writes it), for logo tests."""
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f6b5a"))
    assert image.save(str(path))
    return path


def child(parent: QWidget, kind: type[T], name: str) -> T:
    """The child widget a person would reach by its objectName; fails clearly when missing."""
    found = parent.findChild(kind, name)
    assert found is not None, f"no {kind.__name__} named {name}"
    return found
