"""Small helpers for the UI tests: a keyring in memory, a real PNG."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

import keyring.backend
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

T = TypeVar("T", bound=QWidget)


class MemoryKeyring(keyring.backend.KeyringBackend):
    """A keyring in a dict: the system keyring without the system."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.passwords.pop((service, username), None)


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
