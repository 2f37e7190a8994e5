"""The panel beside the members table: one member's profile, tags, status, membership
history (with the gaps), payments (the owner's), and who referred whom.

Only what exists is shown: sections for bookings, events and visits join when those
capabilities arrive, never as empty boxes.  People in it are links (``openMember``); the
owner's payment lines carry "edit" and "void" links (``editPayment`` / ``voidPayment``).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.members.service import MemberDetail, PeriodView, PersonRef
from desktop.members.status import Status
from desktop.permissions import Permission
from desktop.services import Context
from desktop.ui.circle.member_section import MemberCircleSection
from desktop.ui.members.common import day, method_text, money, status_style, status_text
from desktop.ui.widgets import label

LINK = "#2f6b5a"
MUTED = "#5f6b67"
AMBER = "#8a5a00"
PANEL_STYLE = f"""
QWidget#memberDetailBody {{ background: #ffffff; }}
QScrollArea#memberDetail {{ border: 1px solid #d5dcd9; background: #ffffff; }}
QLabel[role="section"] {{ font-weight: 600; color: #1f2b28; padding-top: 10px;
    border-bottom: 1px solid #e3e8e6; padding-bottom: 3px; }}
QLabel[role="field"] {{ color: {MUTED}; }}
QLabel#detailName {{ font-size: 15pt; font-weight: 600; color: #1f2b28; }}
QFrame#detailNotice {{ background: #fbefd5; border: 1px solid #efd9a7; border-radius: 4px; }}
"""


def _person_link(person: PersonRef) -> str:
    return (f'<a href="member:{person.id}" style="color:{LINK}; text-decoration:none">'
            f"{escape(person.name)}</a> <span style='color:{MUTED}'>{escape(person.number)}"
            "</span>")


class MemberDetailPanel(QScrollArea):
    openMember = Signal(int)
    editPayment = Signal(int)
    voidPayment = Signal(int)

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberDetail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(PANEL_STYLE)
        self._ctx = ctx
        self._owner = ctx.may(Permission.MANAGE_PAYMENTS_AND_PLANS)
        self.detail: MemberDetail | None = None

        body = QWidget()
        body.setObjectName("memberDetailBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(18, 16, 18, 16)
        column.setSpacing(6)
        self.setWidget(body)

        self.empty = label(self.tr("Select a member to see their details."), "hint", wrap=True,
                           object_name="detailEmpty")
        column.addWidget(self.empty)

        self.content = QWidget()
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(6)
        top = QHBoxLayout()
        top.setSpacing(10)
        names = QVBoxLayout()
        names.setSpacing(2)
        self.name = label("", wrap=True, object_name="detailName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        names.addWidget(self.name)
        self.subtitle = label("", "hint", wrap=True, object_name="detailSubtitle")
        names.addWidget(self.subtitle)
        top.addLayout(names, 1)
        self.status = QLabel()
        self.status.setObjectName("detailStatus")
        top.addWidget(self.status, 0, Qt.AlignmentFlag.AlignTop)
        content.addLayout(top)

        self.notice = QFrame()
        self.notice.setObjectName("detailNotice")
        notice_row = QHBoxLayout(self.notice)
        notice_row.setContentsMargins(10, 6, 10, 6)
        self.notice_text = label("", wrap=True, object_name="detailNoticeText")
        notice_row.addWidget(self.notice_text)
        content.addWidget(self.notice)

        content.addWidget(self._section(self.tr("Contact")))
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        self.fields: dict[str, QLabel] = {}
        for row, (key, title) in enumerate((
            ("phone", self.tr("Phone")), ("email", self.tr("Email")),
            ("wechat", self.tr("WeChat")), ("company", self.tr("Company")),
            ("title", self.tr("Title")), ("city", self.tr("City")),
            ("joined", self.tr("Joined")),
        )):
            grid.addWidget(label(title, "field"), row, 0, Qt.AlignmentFlag.AlignTop)
            value = label("", wrap=True, object_name=f"detail_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(value, row, 1)
            self.fields[key] = value
        grid.setColumnStretch(1, 1)
        content.addLayout(grid)

        self.tags_title = self._section(self.tr("Tags"))
        content.addWidget(self.tags_title)
        self.tags = label("", wrap=True, object_name="detailTags")
        self.tags.setTextFormat(Qt.TextFormat.RichText)
        content.addWidget(self.tags)

        content.addWidget(self._section(self.tr("Membership")))
        self.history = self._links_label("detailHistory")
        content.addWidget(self.history)

        self.referrals_title = self._section(self.tr("Referrals"))
        content.addWidget(self.referrals_title)
        self.referrals = self._links_label("detailReferrals")
        content.addWidget(self.referrals)

        self.notes_title = self._section(self.tr("Notes"))
        content.addWidget(self.notes_title)
        self.notes = label("", wrap=True, object_name="detailNotes")
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        content.addWidget(self.notes)

        self.circle = MemberCircleSection(ctx)
        self.circle.openMember.connect(self.openMember)
        content.addWidget(self.circle)

        column.addWidget(self.content)
        column.addStretch(1)
        self.show_member(None)

    def _section(self, title: str) -> QLabel:
        return label(title, "section")

    def _links_label(self, name: str) -> QLabel:
        widget = label("", wrap=True, object_name=name)
        widget.setTextFormat(Qt.TextFormat.RichText)
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        widget.setOpenExternalLinks(False)
        widget.linkActivated.connect(self._link)
        return widget

    def _link(self, href: str) -> None:
        kind, _, value = href.partition(":")
        if not value.isdigit():
            return
        target = {"member": self.openMember, "edit": self.editPayment,
                  "void": self.voidPayment}.get(kind)
        if target is not None:
            target.emit(int(value))

    # -- filling -------------------------------------------------------------------------------

    def show_member(self, detail: MemberDetail | None) -> None:
        self.detail = detail
        self.empty.setVisible(detail is None)
        self.content.setVisible(detail is not None)
        if detail is None:
            return
        row = detail.row
        self.name.setText(row.name)
        subtitle = self.tr("Member %1").replace("%1", row.number)
        if row.plan:
            subtitle += " · " + row.plan
        self.subtitle.setText(subtitle)
        self.status.setText(status_text(row.status))
        self.status.setStyleSheet(status_style(row.status))

        notices = self._notices(detail)
        self.notice_text.setText("\n".join(notices))
        self.notice.setVisible(bool(notices))

        values = {
            "phone": row.phone, "email": detail.email or "", "wechat": detail.wechat or "",
            "company": row.company, "title": detail.title or "", "city": row.city,
            "joined": day(row.joined_on),
        }
        for key, widget in self.fields.items():
            widget.setText(values[key] or "—")

        self.tags_title.setVisible(bool(row.tags))
        self.tags.setVisible(bool(row.tags))
        self.tags.setText(" ".join(
            f"<span style='background:#e8f0ec; color:#24574a'>&nbsp;{escape(tag)}&nbsp;</span>"
            for tag in row.tags))

        self.history.setText(self._history_html(detail))
        referrals = self._referrals_html(detail)
        self.referrals_title.setVisible(bool(referrals))
        self.referrals.setVisible(bool(referrals))
        self.referrals.setText(referrals)
        self.notes_title.setVisible(bool(detail.notes))
        self.notes.setVisible(bool(detail.notes))
        self.notes.setText(detail.notes or "")
        self.circle.show_member(row, erased=detail.erased)

    def _notices(self, detail: MemberDetail) -> list[str]:
        notices = []
        if detail.erased:
            notices.append(self.tr("This member was erased on request: only the history and "
                                   "counts remain."))
        elif detail.row.archived:
            notices.append(self.tr("Archived: hidden from the directory until reactivated."))
        if detail.row.status is Status.SUSPENDED and detail.suspended_from is not None:
            if detail.suspended_until is not None:
                text = (self.tr("Suspended from %1 until %2.")
                        .replace("%1", day(detail.suspended_from))
                        .replace("%2", day(detail.suspended_until)))
            else:
                text = self.tr("Suspended from %1 until lifted.").replace(
                    "%1", day(detail.suspended_from))
            if detail.suspension_reason:
                text += " " + self.tr("Reason: %1").replace("%1", detail.suspension_reason)
            notices.append(text)
        return notices

    def _history_html(self, detail: MemberDetail) -> str:
        periods = sorted(detail.periods, key=lambda p: (p.starts_on, p.id), reverse=True)
        if not periods:
            none = self.tr("No membership recorded yet.")
            return f"<span style='color:{MUTED}'>{escape(none)}</span>"
        parts = []
        for period in periods:
            parts.append(self._period_html(period))
            if period.gap_before_days > 0:
                gap = self.tr("%1 days without membership").replace(
                    "%1", f"{period.gap_before_days:,}")
                parts.append(f"<div style='color:{AMBER}; margin: 2px 0 6px 12px'>"
                             f"⋯ {escape(gap)} ⋯</div>")
        return "".join(parts)

    def _period_html(self, period: PeriodView) -> str:
        span = f"{day(period.starts_on)} – {day(period.ends_on)}"
        line = f"<b>{escape(period.plan)}</b>&nbsp;&nbsp;{span}"
        if period.voided:
            voided = self.tr("voided")
            line = (f"<span style='color:{MUTED}'><s>{escape(period.plan)}&nbsp;&nbsp;{span}</s>"
                    f" ({escape(voided)})</span>")
        rows = [f"<div style='margin-top:4px'>{line}</div>"]
        for payment in period.payments:
            pieces = [money(payment.amount), escape(method_text(payment.method)),
                      day(payment.paid_on)]
            if payment.receipt_no:
                pieces.append(escape(self.tr("receipt %1").replace("%1", payment.receipt_no)))
            text = " · ".join(f"<span style='white-space:nowrap'>{p}</span>" for p in pieces)
            if payment.voided:
                reason = payment.void_reason or ""
                text = (f"<s>{text}</s> " + escape(self.tr("voided: %1").replace("%1", reason)))
            elif self._owner:
                edit, void = self.tr("edit"), self.tr("void")
                text += (f" <span style='white-space:nowrap'>&nbsp;"
                         f"<a href='edit:{payment.id}' style='color:{LINK}'>{escape(edit)}</a>"
                         f" · <a href='void:{payment.id}' style='color:{LINK}'>{escape(void)}"
                         "</a></span>")
            rows.append(f"<div style='color:{MUTED}; margin-left:12px'>{text}</div>")
        return "".join(rows)

    def _referrals_html(self, detail: MemberDetail) -> str:
        parts = []
        if detail.referred_by is not None:
            title = self.tr("Referred by")
            parts.append(f"<div>{escape(title)}: {_person_link(detail.referred_by)}</div>")
        if detail.referrals:
            people = ", ".join(_person_link(p) for p in detail.referrals)
            title = self.tr("Brought in %1 members").replace("%1", str(len(detail.referrals)))
            parts.append(f"<div style='margin-top:4px'>{escape(title)}: {people}</div>")
        return "".join(parts)
