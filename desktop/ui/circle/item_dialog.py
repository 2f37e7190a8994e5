"""A member's offer or need, as the desk writes it down from a conversation: the member
(found by name, pinyin, number or phone, or given when opened from the member), a title, a
description and tags.

Tags are typed as comma-separated text; the tags already in use are offered as one types each
one, so "tea" is not entered again as "Tea tasting" by the next person.  The service decides
what a good title is; its refusal appears at the field.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.circle.service import ItemInput, ItemView, create_item, update_item
from desktop.errors import ClubhouseError
from desktop.members.service import MemberRow, list_tags
from desktop.services import Context
from desktop.ui.booking.member_picker import MemberPicker
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons, label


def split_tags(text: str) -> list[str]:
    """"tea, 有机，fishing" -> ["tea", "有机", "fishing"] (Chinese commas too)."""
    return [part.strip() for part in text.replace("，", ",").split(",") if part.strip()]


class TagCompleter(QCompleter):
    """Completes the tag being typed (the text after the last comma), keeping the ones before."""

    def __init__(self, tags: list[str], edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self.setModel(QStringListModel(tags, self))
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def splitPath(self, path: str) -> list[str]:
        return [path.replace("，", ",").rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        chosen = str(index.data())
        text = self._edit.text().replace("，", ",")
        before = text.rsplit(",", 1)[0] + ", " if "," in text else ""
        return before + chosen


class ItemDialog(QDialog):
    """A new offer or need (``side``), or changes to ``item``; ``saved`` holds the result."""

    def __init__(self, ctx: Context, side: str, *, member: MemberRow | None = None,
                 item: ItemView | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("circleItemDialog")
        self._ctx = ctx
        self.side = item.side if item is not None else side
        self.item = item
        self.saved: ItemView | None = None
        if item is not None:
            title = self.tr("Edit offer") if self.side == "offer" else self.tr("Edit need")
        else:
            title = self.tr("New offer") if self.side == "offer" else self.tr("New need")
        self.setWindowTitle(title)

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 14)
        column.setSpacing(8)
        column.addWidget(label(
            self.tr("What the member can provide: expertise, products, a venue, introductions.")
            if self.side == "offer" else
            self.tr("What the member is looking for, in their words."),
            "hint", wrap=True, object_name="itemHint"))
        self.bar = MessageBar("itemMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)
        form = QFormLayout()
        form.setSpacing(7)
        column.addLayout(form)

        self.member = MemberPicker(ctx)
        self.member.setObjectName("itemMemberEdit")
        self.member.setPlaceholderText(self.tr("name, pinyin, number or phone"))
        self.member.setMinimumWidth(360)
        self.fixed_member = member is not None or item is not None
        if member is not None:
            self.member.choose(member)
        elif item is not None:
            self.member.setText(item.member_name)
        self.member.setReadOnly(self.fixed_member)
        self.member.setClearButtonEnabled(not self.fixed_member)
        self.errors.add_row(form, self.tr("Member"), "member_id", self.member)

        self.title_edit = QLineEdit(item.title if item else "")
        self.title_edit.setObjectName("itemTitleEdit")
        self.title_edit.setMaxLength(200)
        self.errors.add_row(form, self.tr("Title"), "title", self.title_edit)

        self.description = QPlainTextEdit(item.description or "" if item else "")
        self.description.setObjectName("itemDescriptionEdit")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(80)
        self.errors.add_row(form, self.tr("Description"), "description", self.description)

        self.tags = QLineEdit(", ".join(item.tags) if item else "")
        self.tags.setObjectName("itemTagsEdit")
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. tea, fishing"))
        self.known_tags = [name for _id, name, _count in list_tags(ctx)]
        self.tags.setCompleter(TagCompleter(self.known_tags, self.tags))
        self.errors.add_row(form, self.tr("Tags"), "tags", self.tags)

        buttons, self.save_button = dialog_buttons(self, self.tr("Save"), "itemSaveButton")
        self.save_button.clicked.connect(self.save)
        column.addLayout(buttons)
        self.setMinimumWidth(540)
        (self.title_edit if self.fixed_member else self.member).setFocus()

    def save(self) -> None:
        self.errors.clear()
        try:
            if self.item is not None:
                self.saved = update_item(self._ctx, self.item.id, self.title_edit.text(),
                                         self.description.toPlainText(),
                                         split_tags(self.tags.text()))
            else:
                chosen = self.member.member
                if chosen is None:
                    self.errors.show_text("member_id", self.tr(
                        "Choose the member from the list (Down, then Enter)."))
                    return
                self.saved = create_item(self._ctx, ItemInput(
                    self.side, chosen.id, self.title_edit.text(),
                    self.description.toPlainText(), split_tags(self.tags.text())))
        except ClubhouseError as error:
            self.errors.show(error)
            return
        self.accept()
