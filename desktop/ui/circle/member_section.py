"""A member's part of the circle, in the member's detail pane: their offers and needs with
their status, the introductions they were part of (with whom, and what came of it), and
buttons to add an offer or a need for them right there, while the conversation is fresh.

Shown only to staff who may use the circle; read with two queries when a member is shown.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.circle.service import IntroductionView, ItemView, list_introductions, list_items
from desktop.circle.summary import outcome_label, side_label, status_label
from desktop.errors import ClubhouseError
from desktop.members.service import MemberRow
from desktop.permissions import Permission
from desktop.services import Context
from desktop.ui.circle.item_dialog import ItemDialog
from desktop.ui.members.common import day, money
from desktop.ui.widgets import label

LINK = "#2f6b5a"
MUTED = "#5f6b67"


class MemberCircleSection(QWidget):
    openMember = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberCircle")
        self._ctx = ctx
        self.member: MemberRow | None = None
        self.dialog: ItemDialog | None = None
        self.items: list[ItemView] = []
        self.introductions: list[IntroductionView] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        column.addWidget(label(self.tr("Offers and needs"), "section"))
        self.items_label = self._rich("memberCircleItems")
        column.addWidget(self.items_label)
        row = QHBoxLayout()
        self.add_offer = QPushButton(self.tr("Add offer"))
        self.add_offer.setObjectName("memberAddOfferButton")
        self.add_offer.clicked.connect(lambda: self.add_item("offer"))
        self.add_need = QPushButton(self.tr("Add need"))
        self.add_need.setObjectName("memberAddNeedButton")
        self.add_need.clicked.connect(lambda: self.add_item("need"))
        row.addWidget(self.add_offer)
        row.addWidget(self.add_need)
        row.addStretch(1)
        column.addLayout(row)
        self.intro_title = label(self.tr("Introductions"), "section")
        column.addWidget(self.intro_title)
        self.intro_label = self._rich("memberIntroductions")
        column.addWidget(self.intro_label)
        self.setVisible(ctx.may(Permission.USE_CIRCLE))

    def _rich(self, name: str) -> QLabel:
        widget = label("", wrap=True, object_name=name)
        widget.setTextFormat(Qt.TextFormat.RichText)
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        widget.setOpenExternalLinks(False)
        widget.linkActivated.connect(self._link)
        return widget

    def _link(self, href: str) -> None:
        kind, _, value = href.partition(":")
        if kind == "member" and value.isdigit():
            self.openMember.emit(int(value))

    def show_member(self, member: MemberRow | None, *, erased: bool = False) -> None:
        self.member = member
        if member is None or not self._ctx.may(Permission.USE_CIRCLE):
            return
        try:
            self.items = list_items(self._ctx, member_id=member.id, status=None)
            self.introductions = list_introductions(self._ctx, member_id=member.id)
        except ClubhouseError as error:
            self.items, self.introductions = [], []
            self.items_label.setText(escape(error.render()))
            return
        self.add_offer.setEnabled(not erased)
        self.add_need.setEnabled(not erased)
        none = self.tr("No offers or needs yet.")
        self.items_label.setText("".join(self._item_html(i) for i in self.items)
                                 or f"<span style='color:{MUTED}'>{escape(none)}</span>")
        self.intro_title.setVisible(bool(self.introductions))
        self.intro_label.setVisible(bool(self.introductions))
        self.intro_label.setText("".join(self._intro_html(i, member.id)
                                         for i in self.introductions))

    def _item_html(self, item: ItemView) -> str:
        status = status_label(item.status).render()
        when = day(item.opened_on) if item.closed_on is None else day(item.closed_on)
        tags = f" <span style='color:{MUTED}'>{escape(', '.join(item.tags))}</span>" \
            if item.tags else ""
        return (f"<div style='margin-top:3px'>{escape(side_label(item.side).render())}: "
                f"<b>{escape(item.title)}</b>{tags}<br><span style='color:{MUTED}'>"
                f"{escape(status)} · {when}</span></div>")

    def _intro_html(self, intro: IntroductionView, member_id: int) -> str:
        if intro.member_a_id == member_id:
            other_id, other = intro.member_b_id, intro.other
        else:
            other_id, other = intro.member_a_id, intro.member_a_name
        who = (f"<a href='member:{other_id}' style='color:{LINK}; text-decoration:none'>"
               f"{escape(other)}</a>" if other_id is not None else escape(other))
        outcome = outcome_label(intro.outcome).render()
        if intro.outcome_value is not None:
            outcome += f" ({money(intro.outcome_value)})"
        with_text = escape(self.tr("with %1")).replace("%1", who)
        return (f"<div style='margin-top:3px'>{day(intro.introduced_on)} · {with_text}"
                f" · <span style='color:{MUTED}'>{escape(outcome)}</span></div>")

    def add_item(self, side: str) -> ItemDialog | None:
        if self.member is None:
            return None
        dialog = ItemDialog(self._ctx, side, member=self.member, parent=self)
        self.dialog = dialog
        member = self.member

        def accepted() -> None:
            self.show_member(member)

        dialog.accepted.connect(accepted)
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()
        return dialog
