"""The system's file dialogs, behind plain functions.

They live here so that tests replace exactly this boundary (the person choosing a file or a
folder) and nothing else.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget


def choose_open_file(parent: QWidget | None, title: str, folder: str, filters: str) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, title, folder, filters)
    return Path(name) if name else None


def choose_save_file(parent: QWidget | None, title: str, suggested: str,
                     filters: str) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return Path(name) if name else None


def choose_folder(parent: QWidget | None, title: str, folder: str) -> Path | None:
    name = QFileDialog.getExistingDirectory(parent, title, folder)
    return Path(name) if name else None
