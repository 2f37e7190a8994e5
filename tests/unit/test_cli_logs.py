"""The log file behind every one-line error: in the data folder, rotating, set up once."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from desktop.logs import log_unexpected, setup_logging
from desktop.paths import log_path


def _ours() -> list[RotatingFileHandler]:
    return [h for h in logging.getLogger().handlers
            if isinstance(h, RotatingFileHandler) and h.get_name() == "clubhouse-file"]


def test_setup_logging_is_idempotent_and_rotates(_data_dir: Path) -> None:
    first = setup_logging()
    assert setup_logging() == first == log_path()
    assert first.is_relative_to(_data_dir)
    handlers = _ours()
    assert len(handlers) == 1
    assert (handlers[0].maxBytes, handlers[0].backupCount) == (1_000_000, 5)


def test_an_unexpected_error_is_logged_with_its_traceback() -> None:
    try:
        raise ValueError("the cause support needs")
    except ValueError as error:
        path = log_unexpected(error)
    text = path.read_text(encoding="utf-8")
    assert "the cause support needs" in text and "Traceback" in text and "ValueError" in text


def test_the_log_follows_a_moved_data_folder(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    setup_logging()
    monkeypatch.setenv("CLUBHOUSE_DATA_DIR", str(tmp_path / "moved"))
    path = setup_logging()
    assert path == tmp_path / "moved" / "logs" / "clubhouse.log"
    assert [Path(h.baseFilename) for h in _ours()] == [path]
