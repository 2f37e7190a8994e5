"""Small pieces every view uses: a view header, a message bar, errors shown at the field, and
the parts every form dialog repeats (a password edit, Cancel and OK).

A service refuses with a ``DomainError`` whose ``field`` names what was wrong; ``FieldErrors``
maps those names to the widgets of a form, so the message appears where the person is
looking, and anything without a field goes to the form's message bar.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.models.accounts import Role
from desktop.ui.bootstrap import app_icon


def set_role(widget: QWidget, role: str) -> None:
    """Give a widget a look from the stylesheet (title, subtitle, hint, error, success)."""
    widget.setProperty("role", role)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)


def label(text: str, role: str | None = None, *, wrap: bool = False,
          object_name: str | None = None) -> QLabel:
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    if object_name:
        widget.setObjectName(object_name)
    return widget


def error_label(object_name: str) -> QLabel:
    """A red line under a field, hidden until there is something to say."""
    widget = label("", "error", wrap=True, object_name=object_name)
    widget.setVisible(False)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def with_error(field: QWidget, error: QLabel, extra: QWidget | None = None) -> QWidget:
    """A form cell: the field (and perhaps a button beside it) with its error line below."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    if extra is None:
        column.addWidget(field)
    else:
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(field, 1)
        row.addWidget(extra)
        column.addLayout(row)
    column.addWidget(error)
    return cell


class ViewHeader(QWidget):
    """The title of a view with one line saying what it is for."""

    def __init__(self, title: str, subtitle: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("viewHeader")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 6)
        column.setSpacing(2)
        self.title = label(title, "title", object_name="viewTitle")
        column.addWidget(self.title)
        self.subtitle = label(subtitle, "subtitle", wrap=True, object_name="viewSubtitle")
        self.subtitle.setVisible(bool(subtitle))
        column.addWidget(self.subtitle)


class MessageBar(QFrame):
    """A calm line above a form: what just happened, or what went wrong without a field."""

    def __init__(self, object_name: str = "messageBar", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setProperty("kind", "info")
        self._label = label("", wrap=True, object_name=object_name)
        self._label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 6, 10, 6)
        row.addWidget(self._label)
        self.setVisible(False)

    @property
    def text_label(self) -> QLabel:
        return self._label

    def text(self) -> str:
        return self._label.text() if self.isVisibleTo(self.window()) else ""

    def show_message(self, text: str, kind: str = "info") -> None:
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self._label.setText(text)
        self.setVisible(True)

    def show_error(self, text: str) -> None:
        self.show_message(text, "error")

    def show_success(self, text: str) -> None:
        self.show_message(text, "success")

    def clear(self) -> None:
        self._label.clear()
        self.setVisible(False)


class FieldErrors:
    """Where each field's error appears; errors without a known field go to the bar."""

    def __init__(self, bar: MessageBar | None = None) -> None:
        self._bar = bar
        self._fields: dict[str, tuple[QWidget, QLabel]] = {}

    def add(self, field: str, widget: QWidget, error: QLabel) -> None:
        self._fields[field] = (widget, error)

    def add_row(self, form: QFormLayout, title: str, field: str, widget: QWidget,
                error_name: str = "") -> None:
        """A form row: ``widget`` with its error line below, where ``field``'s errors appear.
        The line is named ``error_name``, or after the widget ("nameEdit" → "nameEditError")."""
        error = error_label(error_name or widget.objectName() + "Error")
        form.addRow(title, with_error(widget, error))
        self.add(field, widget, error)

    def clear(self) -> None:
        for widget, error in self._fields.values():
            error.clear()
            error.setVisible(False)
            _mark(widget, False)
        if self._bar is not None:
            self._bar.clear()

    def show_text(self, field: str | None, text: str) -> None:
        if field in self._fields:
            widget, error = self._fields[field]
            error.setText(text)
            error.setVisible(True)
            _mark(widget, True)
            widget.setFocus()
        elif self._bar is not None:
            self._bar.show_error(text)

    def show(self, error: ClubhouseError) -> None:
        self.show_text(error.field, error.render())

    def text(self, field: str) -> str:
        widget_error = self._fields.get(field)
        if widget_error is None or not widget_error[1].isVisibleTo(widget_error[1].window()):
            return ""
        return widget_error[1].text()


def _mark(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def password_edit(object_name: str) -> QLineEdit:
    """A line edit that shows dots for what is typed."""
    edit = QLineEdit()
    edit.setObjectName(object_name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


def dialog_buttons(dialog: QDialog, ok_text: str, ok_name: str) -> tuple[QHBoxLayout,
                                                                         QPushButton]:
    """Cancel and the one primary button that finishes the form (connect it yourself)."""
    row = QHBoxLayout()
    row.addStretch(1)
    cancel = QPushButton(QCoreApplication.translate("DialogButtons", "Cancel"))
    cancel.setObjectName("cancelButton")
    cancel.setAutoDefault(False)
    cancel.clicked.connect(dialog.reject)
    row.addWidget(cancel)
    ok = QPushButton(ok_text)
    ok.setObjectName(ok_name)
    ok.setProperty("primary", True)
    ok.setDefault(True)
    row.addWidget(ok)
    return row, ok


def logo_header(size: int, title: QLabel, subtitle: QLabel) -> QHBoxLayout:
    """The app's icon with a title and a line under it, atop the sign-in and welcome dialogs."""
    row = QHBoxLayout()
    logo = QLabel()
    logo.setPixmap(app_icon().pixmap(size, size))
    row.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
    titles = QVBoxLayout()
    titles.setSpacing(2)
    titles.addWidget(title)
    titles.addWidget(subtitle)
    row.addLayout(titles, 1)
    return row


def time_zone_combo(object_name: str, current: str = "Asia/Shanghai") -> QComboBox:
    """An editable list of the IANA zone names; typing filters it ("Shanghai", "Hong_Kong")."""
    combo = QComboBox()
    combo.setObjectName(object_name)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(sorted(zoneinfo.available_timezones()))
    completer = combo.completer()
    if completer is not None:
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCurrentText(current)
    return combo


def role_name(role: Role | str) -> str:
    """A role as the staff read it."""
    if Role(role) == Role.OWNER:
        return QCoreApplication.translate("Roles", "Owner")
    return QCoreApplication.translate("Roles", "Front desk")



@dataclass(frozen=True)
class FormColumn:
    """What a settings tab fills: ``column`` (the bar and ``form`` are already in it; add the
    buttons and a stretch below), the tab's message ``bar`` and the ``errors`` of its fields."""

    column: QVBoxLayout
    bar: MessageBar
    errors: FieldErrors
    form: QFormLayout

    def add_row(self, field: str, title: str, widget: QWidget, *hints: str,
                focus: QWidget | None = None, error_name: str = "") -> None:
        """A row: ``widget`` with its error line and then each hint below it, where
        ``field``'s errors appear (and ``focus`` takes the focus then, else ``widget``).
        The error line is ``error_name``, or the widget's name without its kind
        ("currencyEdit", "idleLockSpin", "languageCombo" → "currencyError", …)."""
        cell = QWidget()
        cell.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        cell_column = QVBoxLayout(cell)
        cell_column.setContentsMargins(0, 0, 0, 0)
        cell_column.setSpacing(2)
        cell_column.addWidget(widget)
        error = error_label(error_name or widget.objectName().replace("Edit", "")
                            .replace("Combo", "").replace("Spin", "") + "Error")
        cell_column.addWidget(error)
        for hint in hints:
            cell_column.addWidget(label(hint, "hint", wrap=True))
        self.form.addRow(title, cell)
        self.errors.add(field, focus or widget, error)

    def add_buttons(self, undo: tuple[str, str, Callable[[], object]],
                    save: tuple[str, str, Callable[[], object]]) -> tuple[QPushButton,
                                                                        QPushButton]:
        """Undo and the primary Save at the bottom right, each (text, objectName, slot);
        the column ends there."""
        row = QHBoxLayout()
        row.addStretch(1)
        buttons: list[QPushButton] = []
        for text, object_name, slot in (undo, save):
            button = QPushButton(text)
            button.setObjectName(object_name)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            row.addWidget(button)
            buttons.append(button)
        buttons[1].setProperty("primary", True)
        self.column.addLayout(row)
        self.column.addStretch(1)
        return buttons[0], buttons[1]


def scrolling_form(tab: QWidget, name: str) -> FormColumn:
    """A settings tab's one column of fields: it scrolls when the window is short and stops
    growing at 860 px so labels stay near their fields on a wide screen.  The scroll area,
    its body and the message bar are named ``<name>Scroll``, ``<name>Body``,
    ``<name>Message``."""
    outer = QVBoxLayout(tab)
    outer.setContentsMargins(0, 0, 0, 0)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setObjectName(name + "Scroll")
    body = QWidget()
    body.setObjectName(name + "Body")
    scroll.setWidget(body)
    outer.addWidget(scroll)
    body_row = QHBoxLayout(body)
    body_row.setContentsMargins(18, 14, 18, 14)
    content = QWidget()
    content.setMaximumWidth(860)
    body_row.addWidget(content, 1)
    body_row.addStretch(0)
    column = QVBoxLayout(content)
    column.setContentsMargins(0, 0, 0, 0)
    bar = MessageBar(name + "Message")
    column.addWidget(bar)
    form = QFormLayout()
    form.setSpacing(10)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    column.addLayout(form)
    return FormColumn(column, bar, FieldErrors(bar), form)


def view_column(view: QWidget, title: str, subtitle: str) -> QVBoxLayout:
    """A view's layout with the app's margins and its header on top."""
    view.setProperty("isView", True)
    column = QVBoxLayout(view)
    column.setContentsMargins(28, 22, 28, 16)
    column.setSpacing(10)
    column.addWidget(ViewHeader(title, subtitle))
    return column


class EnterTable(QTableView):
    """A table whose Enter on a row emits ``entered`` and stops there (Qt's table would let it
    travel on to a dialog's default button).  A double-click is left to the view to decide."""

    entered = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.entered.emit()
            event.accept()
            return
        super().keyPressEvent(event)


def view_action(owner: QWidget, text: str, name: str, slot: Callable[[], object],
                shortcut: QKeySequence | None = None, *, within: bool = True,
                allowed: bool = True) -> QAction:
    """An action of a view: its objectName, its shortcut shown in the tooltip, added to the
    view so the key works there.  ``within`` keeps the shortcut to the view and its children
    (it must not fire while another view is shown); otherwise the whole window hears it.
    An action the person's role may not use (``allowed`` false) is hidden and off, its key
    too."""
    action = QAction(text, owner)
    action.setObjectName(name)
    if not allowed:
        action.setVisible(False)
        action.setEnabled(False)
    if shortcut is not None:
        action.setShortcut(shortcut)
        if within:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        native = shortcut.toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{text} ({native})")
    action.triggered.connect(lambda _checked=False: slot())
    owner.addAction(action)
    return action
