"""Adding and editing a member: the person's fields, tags, who referred them, and (for a new
member) the first membership with its payment, saved as one action.

A refusal from the service names its field; the message appears under that field, which gets
the focus, and nothing typed is lost.  A possible duplicate (same phone, archived members
included, or same name and company) opens ``DuplicateDialog``: open that record, reactivate
it (SCENARIOS 6: the dialog then edits the old record, keeping what was typed), or create the
new member anyway.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCompleter,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.members.membership import join_member, update_and_record
from desktop.members.service import (
    DuplicateFound,
    DuplicateHit,
    MemberDetail,
    MemberInput,
    MemberQuery,
    MemberRow,
    PersonRef,
    create_member,
    get_member,
    list_tags,
    search_members,
    set_archived,
    update_member,
)
from desktop.permissions import Permission
from desktop.services import Context
from desktop.ui.members.common import from_qdate, to_qdate
from desktop.ui.members.membership_dialog import PaymentFields
from desktop.ui.widgets import FieldErrors, MessageBar, dialog_buttons, label

_TAG_SEPARATORS = re.compile(r"[,，;；、]")


def _hide_popup(completer: QCompleter) -> None:
    popup = completer.popup()
    if popup is not None:
        popup.hide()


class TagsEdit(QLineEdit):
    """Tags separated by commas; the tag being typed completes from the existing ones."""

    def __init__(self, names: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._completer = QCompleter(names, self)
        self._completer.setWidget(self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self._completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self._completer.activated[str].connect(self._insert)  # type: ignore[index]
        self.textEdited.connect(self._complete)

    def tags(self) -> list[str]:
        return [part.strip() for part in _TAG_SEPARATORS.split(self.text()) if part.strip()]

    def set_tags(self, tags: list[str] | tuple[str, ...]) -> None:
        self.setText(", ".join(tags))

    def _complete(self, text: str) -> None:
        token = _TAG_SEPARATORS.split(text)[-1].strip()
        self._completer.setCompletionPrefix(token)
        if token and self._completer.completionCount() and self.hasFocus():
            self._completer.complete()
        else:
            _hide_popup(self._completer)

    def _insert(self, chosen: str) -> None:
        text = self.text()
        cut = max((m.end() for m in _TAG_SEPARATORS.finditer(text)), default=0)
        head = text[:cut]
        self.setText(f"{head}{' ' if head else ''}{chosen}, ")


class ReferrerEdit(QLineEdit):
    """Who referred the member, found by typing (name, pinyin, number, phone) and picking."""

    MAX_HITS = 8

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self.member: PersonRef | None = None
        self.exclude_id: int | None = None
        self._hits: dict[str, PersonRef] = {}
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setWidget(self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.activated[str].connect(self._picked)  # type: ignore[index]
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.lookup)
        self.textEdited.connect(self._edited)
        self.setClearButtonEnabled(True)

    def _edited(self, _text: str) -> None:
        self.member = None
        self._timer.start()

    def lookup(self) -> list[str]:
        """Ask the database for members matching the text; offer them in the popup."""
        text = self.text().strip()
        if not text:
            self._model.setStringList([])
            return []
        rows = search_members(self._ctx, MemberQuery(text=text), limit=self.MAX_HITS + 1)
        self._hits = {f"{row.name} · {row.number}": PersonRef(row.id, row.number, row.name)
                      for row in rows if row.id != self.exclude_id}
        shown = list(self._hits)[: self.MAX_HITS]
        self._model.setStringList(shown)
        if shown and self.hasFocus():
            self._completer.complete()
        return shown

    def _picked(self, text: str) -> None:
        person = self._hits.get(text)
        if person is not None:
            self.choose(person)

    def choose(self, person: PersonRef | None) -> None:
        self.member = person
        self.setText(f"{person.name} · {person.number}" if person else "")
        _hide_popup(self._completer)


class DuplicateDialog(QDialog):
    """The members that may be this person; the desk chooses what to do."""

    OPEN, REACTIVATE, CREATE = "open", "reactivate", "create"

    def __init__(self, hits: list[DuplicateHit], *, may_create: bool = True,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateDialog")
        self.setWindowTitle(self.tr("Already a member?"))
        self.hits = hits
        self.choice: str | None = None
        self.hit: DuplicateHit | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 18, 20, 16)
        column.setSpacing(10)
        column.addWidget(label(self.tr("This may be someone the directory already has:"),
                               wrap=True))
        self.list = QListWidget()
        self.list.setObjectName("duplicateList")
        for hit in hits:
            reason = (self.tr("same phone number") if hit.reason == "phone"
                      else self.tr("same name and company"))
            text = f"{hit.member.name} · {hit.member.number} — {reason}"
            if hit.archived:
                text += " — " + self.tr("archived")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, hit)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setMaximumHeight(26 * min(len(hits), 5) + 8)
        column.addWidget(self.list)
        self.hint = label("", "hint", wrap=True, object_name="duplicateHint")
        column.addWidget(self.hint)
        row = QHBoxLayout()
        back = QPushButton(self.tr("Back to the form"))
        back.setObjectName("duplicateBackButton")
        back.setAutoDefault(False)
        back.clicked.connect(self.reject)
        row.addWidget(back)
        row.addStretch(1)
        self.open_button = self._button(self.tr("Open that record"), "duplicateOpenButton",
                                        self.OPEN, row)
        self.reactivate_button = self._button(self.tr("Reactivate"), "duplicateReactivateButton",
                                              self.REACTIVATE, row)
        self.create_button = self._button(self.tr("Create anyway"), "duplicateCreateButton",
                                          self.CREATE, row)
        self.create_button.setVisible(may_create)
        column.addLayout(row)
        self.list.currentRowChanged.connect(lambda _r: self._selected())
        self._selected()
        self.setMinimumWidth(520)

    def _button(self, text: str, name: str, choice: str, row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(lambda: self._choose(choice))
        row.addWidget(button)
        return button

    def selected_hit(self) -> DuplicateHit | None:
        item = self.list.currentItem()
        hit = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return hit if isinstance(hit, DuplicateHit) else None

    def _selected(self) -> None:
        hit = self.selected_hit()
        archived = hit is not None and hit.archived
        self.reactivate_button.setVisible(archived)
        self.reactivate_button.setDefault(archived)
        if archived:
            self.hint.setText(self.tr("Reactivate brings the archived record back with its "
                                      "history; you then check the details and save."))
        else:
            self.hint.setText(self.tr("Open that record to see or renew it instead of adding "
                                      "a second one."))

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.hit = self.selected_hit()
        self.accept()


class MemberDialog(QDialog):
    """Add a member (optionally with their first membership) or edit one."""

    saved = Signal(int)  # the member's id
    openRequested = Signal(int)  # "Open that record" chosen in the duplicate warning

    def __init__(self, ctx: Context, member: MemberDetail | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self._ctx = ctx
        self.member = member
        self.member_id: int | None = member.row.id if member else None
        self.duplicate_dialog: DuplicateDialog | None = None
        self._allow_duplicates = False
        self._saving = False
        self.saved_row: MemberRow | None = None

        column = QVBoxLayout(self)
        column.setContentsMargins(20, 16, 20, 14)
        column.setSpacing(8)
        self.bar = MessageBar("memberDialogMessage")
        column.addWidget(self.bar)
        self.errors = FieldErrors(self.bar)

        columns = QHBoxLayout()
        columns.setSpacing(18)
        left = QFormLayout()
        left.setSpacing(7)
        right = QFormLayout()
        right.setSpacing(7)
        self.name = self._edit("memberNameEdit")
        self.errors.add_row(left, self.tr("Name"), "name", self.name)
        self.phone = self._edit("memberPhoneEdit", self.tr("e.g. 138 0013 8000"))
        self.errors.add_row(left, self.tr("Phone"), "phone", self.phone)
        self.email = self._edit("memberEmailEdit")
        self.errors.add_row(left, self.tr("Email"), "email", self.email)
        self.wechat = self._edit("memberWechatEdit")
        self.errors.add_row(left, self.tr("WeChat"), "wechat", self.wechat)
        self.company = self._edit("memberCompanyEdit")
        self.errors.add_row(left, self.tr("Company"), "company", self.company)
        self.job_title = self._edit("memberTitleEdit")
        self.errors.add_row(left, self.tr("Title"), "title", self.job_title)
        self.city = self._edit("memberCityEdit")
        self.errors.add_row(right, self.tr("City"), "city", self.city)
        self.tags = TagsEdit([name for _id, name, _count in list_tags(ctx)])
        self.tags.setObjectName("memberTagsEdit")
        self.tags.setPlaceholderText(self.tr("comma-separated, e.g. 茶艺, 钓鱼"))
        self.errors.add_row(right, self.tr("Tags"), "tags", self.tags)
        self.referrer = ReferrerEdit(ctx)
        self.referrer.setObjectName("memberReferrerEdit")
        self.referrer.setPlaceholderText(self.tr("type a name, pinyin or number"))
        self.referrer.exclude_id = self.member_id
        self.errors.add_row(right, self.tr("Referred by"), "referred_by", self.referrer)
        today = ctx.clock.now().date()
        self.joined = QDateEdit(to_qdate(today))
        self.joined.setObjectName("memberJoinedEdit")
        self.joined.setCalendarPopup(True)
        self.joined.setDisplayFormat("yyyy-MM-dd")
        self.errors.add_row(right, self.tr("Joined on"), "joined_on", self.joined)
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("memberNotesEdit")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(70)
        self.errors.add_row(right, self.tr("Notes"), "notes", self.notes)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        column.addLayout(columns)

        self.membership = QGroupBox(self.tr("Record a membership now"))
        self.membership.setObjectName("memberMembershipGroup")
        self.membership.setCheckable(True)
        group = QVBoxLayout(self.membership)
        self.payment = PaymentFields(ctx, self.errors, with_date=False, prefix="join")
        group.addWidget(self.payment)
        self.membership.setChecked(bool(self.payment.plans))
        self.membership.setVisible(member is None and ctx.may(Permission.RECORD_MEMBERSHIP))
        column.addWidget(self.membership)

        buttons, self.save_button = dialog_buttons(
            self, self.tr("Add member") if member is None else self.tr("Save"),
            "memberSaveButton")
        self.save_button.clicked.connect(self.save)
        column.addLayout(buttons)
        if member is not None:
            self._fill(member, keep_typed=False)
        self._update_title()
        self.setMinimumWidth(760)
        self.name.setFocus()

    def _edit(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setMinimumWidth(200)
        if placeholder:
            edit.setPlaceholderText(placeholder)
        return edit

    def _update_title(self) -> None:
        if self.member is None:
            self.setWindowTitle(self.tr("New member"))
        else:
            self.setWindowTitle(self.tr("Edit member %1 (%2)")
                                .replace("%1", self.member.row.name)
                                .replace("%2", self.member.row.number))

    def _fill(self, detail: MemberDetail, *, keep_typed: bool) -> None:
        """Put the record's values in the form; with ``keep_typed`` only into empty fields."""
        row = detail.row
        for edit, value in ((self.name, row.name), (self.phone, row.phone),
                            (self.email, detail.email), (self.wechat, detail.wechat),
                            (self.company, row.company), (self.job_title, detail.title),
                            (self.city, row.city)):
            if not keep_typed or not edit.text().strip():
                edit.setText(value or "")
        if not keep_typed or not self.tags.tags():
            self.tags.set_tags(row.tags)
        if not keep_typed or self.referrer.member is None:
            self.referrer.choose(detail.referred_by)
        self.joined.setDate(to_qdate(row.joined_on))
        if not keep_typed or not self.notes.toPlainText().strip():
            self.notes.setPlainText(detail.notes or "")

    def member_input(self) -> MemberInput:
        return MemberInput(
            name=self.name.text(),
            phone=self.phone.text().strip() or None,
            email=self.email.text().strip() or None,
            wechat=self.wechat.text().strip() or None,
            company=self.company.text().strip() or None,
            title=self.job_title.text().strip() or None,
            city=self.city.text().strip() or None,
            notes=self.notes.toPlainText().strip() or None,
            tags=self.tags.tags(),
            referred_by_id=self.referrer.member.id if self.referrer.member else None,
            joined_on=from_qdate(self.joined.date()),
        )

    # -- saving --------------------------------------------------------------------------------

    def save(self) -> None:
        """Validate through the services and save; one member however often Save is pressed."""
        if self._saving:
            return
        self.errors.clear()
        if self.referrer.text().strip() and self.referrer.member is None:
            self.errors.show_text("referred_by", self.tr("Choose the referring member from the "
                                                        "list, or clear the field."))
            return
        if self._with_membership() and self.payment.current_plan() is None:
            self.errors.show_text("plan", self.tr("Choose a plan."))
            return
        self._saving = True
        self.save_button.setEnabled(False)
        try:
            row = self._write()
        except DuplicateFound as duplicate:
            self._warn(duplicate.hits)
            return
        except ClubhouseError as error:
            self.errors.show(error)
            return
        finally:
            self._saving = False
            self.save_button.setEnabled(True)
        self.saved_row = row
        self.member_id = row.id
        self.saved.emit(row.id)
        self.accept()

    def _with_membership(self) -> bool:
        return not self.membership.isHidden() and self.membership.isChecked()

    def _write(self) -> MemberRow:
        data = self.member_input()
        allow = self._allow_duplicates
        with_membership = self._with_membership()
        plan = self.payment.current_plan() if with_membership else None
        if self.member_id is None:
            if plan is not None:
                return join_member(self._ctx, data, plan.id, self.payment.payment(),
                                   allow_duplicates=allow)
            return create_member(self._ctx, data, allow_duplicates=allow)
        if plan is not None:
            return update_and_record(self._ctx, self.member_id, data, plan.id,
                                     self.payment.payment(), allow_duplicates=allow)
        return update_member(self._ctx, self.member_id, data, allow_duplicates=allow)

    def _warn(self, hits: list[DuplicateHit]) -> None:
        dialog = DuplicateDialog(hits, parent=self)
        self.duplicate_dialog = dialog
        dialog.accepted.connect(lambda: self._duplicate_chosen(dialog))
        dialog.finished.connect(lambda _result: dialog.deleteLater())
        dialog.open()

    def _duplicate_chosen(self, dialog: DuplicateDialog) -> None:
        self.duplicate_dialog = None
        hit = dialog.hit
        if dialog.choice == DuplicateDialog.CREATE:
            self._allow_duplicates = True
            self.save()
        elif hit is not None and dialog.choice == DuplicateDialog.OPEN:
            self.openRequested.emit(hit.member.id)
            self.reject()
        elif hit is not None and dialog.choice == DuplicateDialog.REACTIVATE:
            self.reactivate(hit.member.id)

    def reactivate(self, member_id: int) -> None:
        """Bring the archived record back and edit it, keeping what was typed."""
        try:
            set_archived(self._ctx, member_id, False)
            detail = get_member(self._ctx, member_id)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            return
        self.member = detail
        self.member_id = member_id
        self.referrer.exclude_id = member_id
        self._fill(detail, keep_typed=True)
        self._update_title()
        self.save_button.setText(self.tr("Save"))
        self.saved.emit(member_id)  # the view shows the record back in the list
        self.bar.show_success(self.tr("%1 (%2) is reactivated with their history. Check the "
                                      "details and save.")
                              .replace("%1", detail.row.name).replace("%2", detail.row.number))

