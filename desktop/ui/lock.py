"""The idle lock: after some minutes without input the window is covered until the same
account's password is given again.

``IdleWatcher`` filters the application's input events and restarts a single-shot timer on
each; when the timer runs out it emits ``idle``.  Tests drive it without waiting: ``trigger()``
does what the timeout does, and ``interval_ms`` can be set as short as they like.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.accounts.service import sign_in
from desktop.errors import SignInFailed
from desktop.services import Context
from desktop.ui.bootstrap import app_icon
from desktop.ui.widgets import label, password_edit

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.InputMethod,
})


class IdleWatcher(QObject):
    """Emits ``idle`` after ``interval_ms`` without keyboard, mouse or touch input."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.trigger)
        self._installed = False
        self.set_minutes(minutes)

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    @interval_ms.setter
    def interval_ms(self, value: int) -> None:
        self._timer.setInterval(max(1, value))
        if self.enabled:
            self._timer.start()

    @property
    def enabled(self) -> bool:
        return self._minutes > 0

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def set_minutes(self, minutes: int) -> None:
        """0 never locks (the setting app.idle_lock_minutes)."""
        self._minutes = max(0, int(minutes))
        if self.enabled:
            self._timer.setInterval(self._minutes * 60_000)
        self.resume()

    def resume(self) -> None:
        """Start watching (again): after sign-in and after unlocking."""
        app = QCoreApplication.instance()
        if self.enabled:
            if not self._installed and app is not None:
                app.installEventFilter(self)
                self._installed = True
            self._timer.start()
        else:
            self.pause()

    def pause(self) -> None:
        """Stop watching: while locked, and when the window closes."""
        self._timer.stop()
        app = QCoreApplication.instance()
        if self._installed and app is not None:
            app.removeEventFilter(self)
        self._installed = False

    def trigger(self) -> None:
        """What the timer does when the time is up."""
        self.pause()
        self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False


class LockScreen(QWidget):
    """Covers the window; only the signed-in account's password opens it again."""

    unlocked = Signal()
    signOutRequested = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._ctx = ctx
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        card = QWidget()
        card.setObjectName("lockCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        card.setFixedWidth(400)
        column = QVBoxLayout(card)
        column.setContentsMargins(28, 24, 28, 22)
        column.setSpacing(10)
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(56, 56))
        logo.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(logo)
        title = label(self.tr("Locked"), "title", object_name="lockTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(title)
        who = label(self.tr("%1 (%2) is signed in. Enter the password to continue.")
                    .replace("%1", ctx.actor.display_name).replace("%2", ctx.actor.username),
                    "subtitle", wrap=True, object_name="lockWho")
        who.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addWidget(who)
        self.password = password_edit("unlockPasswordEdit")
        self.password.setPlaceholderText(self.tr("Password"))
        self.password.returnPressed.connect(self.try_unlock)
        column.addWidget(self.password)
        self.error = label("", "error", wrap=True, object_name="unlockError")
        self.error.setVisible(False)
        column.addWidget(self.error)
        buttons = QHBoxLayout()
        self.sign_out_button = QPushButton(self.tr("Sign in as someone else"))
        self.sign_out_button.setObjectName("signOutButton")
        self.sign_out_button.clicked.connect(self.signOutRequested)
        buttons.addWidget(self.sign_out_button)
        buttons.addStretch(1)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.setProperty("primary", True)
        self.unlock_button.clicked.connect(self.try_unlock)
        buttons.addWidget(self.unlock_button)
        column.addLayout(buttons)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def reset(self) -> None:
        self.password.clear()
        self.error.setVisible(False)
        self.password.setFocus()

    def try_unlock(self) -> None:
        ctx = self._ctx
        try:
            sign_in(ctx.database, ctx.actor.username, self.password.text(), clock=ctx.clock,
                    hasher=ctx.hasher)
        except SignInFailed as failure:
            self.password.clear()
            self.error.setText(failure.render())
            self.error.setVisible(True)
            return
        self.reset()
        self.unlocked.emit()
