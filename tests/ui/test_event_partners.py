"""Sponsors and co-hosts set on an event from the Events view: shown on the event (its panel)
and on the partner (the Partners view's panel), with a warning for an ended agreement."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from desktop.events.service import EventInput, EventView, create_event
from desktop.partners.service import PartnerInput, PartnerView, create_partner
from desktop.partners.sponsors import list_event_partners, set_event_partners
from desktop.services import Context
from desktop.ui.bootstrap import set_ui_language
from desktop.ui.events.view import EventsView
from desktop.ui.partners.event_partners_dialog import EventPartnersDialog
from desktop.ui.partners.view import PartnersView
from desktop.ui.tasks import TaskRunner
from tests.helpers.booking_race import make_spaces

FRIDAY = dt.date(2026, 11, 27)


@pytest.fixture
def tasting(owner_ctx: Context) -> EventView:
    room = make_spaces(owner_ctx)["Large tea room"].id
    starts = dt.datetime.combine(FRIDAY, dt.time(14, 0))
    (made,) = create_event(owner_ctx, EventInput("Autumn tea tasting", "tea_tasting", room,
                                                 starts, starts + dt.timedelta(hours=2), 8))
    return made


@pytest.fixture
def partners(owner_ctx: Context) -> dict[str, PartnerView]:
    made = [PartnerInput("明前茶舍", "tea"),
            PartnerInput("Green Valley Farm", "farm_orchard"),
            PartnerInput("Lakeside Inn", "lodging", agreement_ends=dt.date(2026, 11, 20))]
    return {data.name: create_partner(owner_ctx, data) for data in made}


@pytest.fixture
def events_view(qtbot, inline: TaskRunner, desk_ctx: Context, tasting: EventView) -> EventsView:
    view = EventsView(desk_ctx, inline)
    qtbot.addWidget(view)
    view.resize(1200, 800)
    with qtbot.waitActive(view):
        view.show()
        view.activateWindow()
    assert view.select_event(tasting.id)
    return view


def choose(dialog: EventPartnersDialog, partner: PartnerView, role: str) -> None:
    dialog.partner.setCurrentIndex(dialog.partner.findData(partner.id))
    dialog.role.setCurrentIndex(dialog.role.findData(role))


def test_a_sponsor_set_on_the_event_shows_on_the_event_and_on_the_partner(
        qtbot, inline: TaskRunner, events_view: EventsView, desk_ctx: Context,
        tasting: EventView, partners: dict[str, PartnerView]) -> None:
    view = events_view
    label = view.panel.partners_label
    assert not label.isVisible()  # no partners yet: nothing shown
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = view.dialog
    assert isinstance(dialog, EventPartnersDialog) and dialog.isVisible()
    assert dialog.list.count() == 0
    choose(dialog, partners["明前茶舍"], "sponsor")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    choose(dialog, partners["Green Valley Farm"], "co_host")
    qtbot.keyClick(dialog.role, Qt.Key.Key_Return)  # Enter in the choice adds it, not saves
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)  # twice is once
    assert [dialog.list.item(row).text() for row in range(dialog.list.count())] == [
        "明前茶舍 · Sponsor", "Green Valley Farm · Co-host"]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    assert label.isVisible()
    assert label.text() == "Sponsor: 明前茶舍 · Co-host: Green Valley Farm"
    assert "are saved" in view.bar.text()
    assert [(p.name, p.role) for p in list_event_partners(desk_ctx, tasting.id)] == [
        ("明前茶舍", "sponsor"), ("Green Valley Farm", "co_host")]

    # on the partner: the event, with its role, opens with a double-click
    partners_view = PartnersView(desk_ctx, inline)
    qtbot.addWidget(partners_view)
    partners_view.resize(1300, 800)
    partners_view.show()
    assert partners_view.select_partner(partners["明前茶舍"].id)
    events = partners_view.detail.events_model
    assert [[str(events.index(0, c).data()) for c in range(3)]] == [
        ["2026-11-27 14:00", "Autumn tea tasting", "Sponsor"]]
    table = partners_view.detail.events_table
    rect = table.visualRect(events.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(partners_view.openEvent) as opened:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [tasting.id]


def test_a_partner_whose_agreement_ended_is_set_with_a_warning_and_removed_with_delete(
        qtbot, events_view: EventsView, desk_ctx: Context, tasting: EventView,
        partners: dict[str, PartnerView]) -> None:
    view = events_view
    dialog = view.edit_partners()
    assert dialog is not None
    choose(dialog, partners["Lakeside Inn"], "co_host")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert view.bar.text() == ("Lakeside Inn's agreement ended on 2026-11-20, before this "
                               "event.")
    assert view.panel.partners_label.text() == "Co-host: Lakeside Inn"

    dialog = view.edit_partners()  # the list comes back as saved; Delete removes a line
    assert dialog is not None
    assert dialog.list.count() == 1
    dialog.list.setCurrentRow(0)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Delete)
    assert dialog.list.count() == 0
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert list_event_partners(desk_ctx, tasting.id) == []
    assert not view.panel.partners_label.isVisible()


def test_the_event_panel_names_the_roles_in_chinese(
        qtbot, inline: TaskRunner, owner_ctx: Context, tasting: EventView,
        partners: dict[str, PartnerView]) -> None:
    set_event_partners(owner_ctx, tasting.id, [(partners["明前茶舍"].id, "sponsor")])
    set_ui_language("zh_CN")
    view = EventsView(owner_ctx, inline)
    qtbot.addWidget(view)
    view.select_event(tasting.id)
    text = view.panel.partners_label.text()
    assert text.startswith("赞助") and text.endswith("明前茶舍")
