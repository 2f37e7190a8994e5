"""The log file: where an unexpected error leaves its traceback for support to read.

A person sees one plain line (the command line) or a plain dialog (the app); the details go to
a rotating file in the data folder, so the log never grows without bound.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from desktop.paths import log_path

MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"
_HANDLER_NAME = "clubhouse-file"

log = logging.getLogger("desktop")


def setup_logging(level: int = logging.INFO) -> Path:
    """Send the app's log records to the rotating file; calling it again changes nothing.

    When the data folder has moved since the last call (tests give each test its own), the
    handler follows it, so records never land in another test's folder.
    """
    path = log_path()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.get_name() != _HANDLER_NAME:
            continue
        if isinstance(handler, RotatingFileHandler) and Path(handler.baseFilename) == path:
            return path
        root.removeHandler(handler)
        handler.close()
    handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                                  encoding="utf-8", delay=True)
    handler.set_name(_HANDLER_NAME)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


def log_unexpected(error: BaseException, where: str = "unexpected error") -> Path:
    """Write ``error`` with its traceback to the log file; the path is what a person is told."""
    path = setup_logging()
    log.error("%s: %s", where, error, exc_info=(type(error), error, error.__traceback__))
    for handler in logging.getLogger().handlers:
        if handler.get_name() == _HANDLER_NAME:
            handler.flush()
    return path
