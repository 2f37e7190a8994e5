"""Work that may take a while (a backup, a connection test, a restore) off the GUI thread.

``TaskRunner.run(fn, on_done, on_error)`` runs ``fn`` in Qt's thread pool and always delivers
its result or its exception back on the GUI thread.  A ``ClubhouseError`` goes to ``on_error``
(a person's problem, shown calmly); anything else is a bug and goes to ``sys.excepthook``, the
crash dialog.  Workers get plain values and open their own transactions through the services.
Tests pass ``inline=True`` to run tasks at once, in order.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal

from desktop.errors import ClubhouseError, DomainError
from desktop.i18n import msg


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits, the GUI thread receives."""

    done = Signal(object)
    failed = Signal(object)


class _Task(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._fn = fn
        self._relay = relay
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as error:  # delivered to the GUI thread, never lost
            self._relay.failed.emit(error)
        else:
            self._relay.done.emit(result)


class TaskRunner(QObject):
    """Run functions in the background and report back on the GUI thread."""

    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self._inline = inline
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)  # writes one at a time, in order
        self._relays: set[_Relay] = set()

    @property
    def busy(self) -> bool:
        return bool(self._relays)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[ClubhouseError], None]) -> None:
        if self._inline:
            try:
                result = fn()
            except ClubhouseError as error:
                on_error(error)
            else:
                on_done(result)
            return
        relay = _Relay()
        self._relays.add(relay)
        if len(self._relays) == 1:
            self.busyChanged.emit(True)

        def finish() -> None:
            self._relays.discard(relay)
            relay.deleteLater()
            if not self._relays:
                self.busyChanged.emit(False)

        def done(result: object) -> None:
            finish()
            on_done(result)

        def failed(error: object) -> None:
            finish()
            if isinstance(error, ClubhouseError):
                on_error(error)
            elif isinstance(error, BaseException):
                sys.excepthook(type(error), error, error.__traceback__)

        queued = Qt.ConnectionType.QueuedConnection
        relay.done.connect(done, queued)
        relay.failed.connect(failed, queued)
        self._pool.start(_Task(fn, relay))

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for running tasks (closing the window; tests)."""
        return self._pool.waitForDone(msecs)


def file_errors(fn: Callable[..., Any], *args: Any) -> Any:
    """Run ``fn``; a file the system refuses (no space, no permission) becomes a calm message.

    Files are the person's business (they chose the folder), not a bug for the crash dialog.
    """
    try:
        return fn(*args)
    except OSError as error:
        raise DomainError(msg("Cannot write {path}: {reason}",
                              path=error.filename or "", reason=error.strerror or str(error))
                          ) from error
