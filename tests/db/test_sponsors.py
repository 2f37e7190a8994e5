"""Partners sponsoring and co-hosting events: set on the event, shown on the event and on the
partner, with the bad input refused at its field and the doubtful kept with a warning."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.errors import DomainError, NotFound
from desktop.events.service import EventInput, EventView, create_event
from desktop.partners.service import PartnerInput, create_partner, update_partner
from desktop.partners.sponsors import (
    list_event_partners,
    partner_events,
    partners_for_events,
    set_event_partners,
)
from desktop.services import Context
from tests.helpers.booking_race import make_spaces

FRIDAY = dt.date(2026, 11, 27)


def event(ctx: Context, space_id: int, title: str, day: dt.date) -> EventView:
    starts = dt.datetime.combine(day, dt.time(14, 0))
    (made,) = create_event(ctx, EventInput(title, "tea_tasting", space_id, starts,
                                           starts + dt.timedelta(hours=2), 8))
    return made


@pytest.fixture
def room(owner_ctx: Context) -> int:
    return make_spaces(owner_ctx)["Large tea room"].id


def test_sponsors_and_co_hosts_show_on_the_event_and_on_the_partner(
        owner_ctx: Context, desk_ctx: Context, room: int) -> None:
    tea = create_partner(owner_ctx, PartnerInput("明前茶舍", "tea"))
    farm = create_partner(owner_ctx, PartnerInput("Green Valley Farm", "farm_orchard"))
    tasting = event(owner_ctx, room, "Autumn tea tasting", FRIDAY)
    later = event(owner_ctx, room, "Orchard supper", FRIDAY + dt.timedelta(days=7))

    result = set_event_partners(desk_ctx, tasting.id, [(tea.id, "sponsor"),
                                                       (farm.id, "co_host"),
                                                       (tea.id, "sponsor")])
    assert result.warnings == ()
    shown = list_event_partners(desk_ctx, tasting.id)
    assert [(p.name, p.role) for p in shown] == [("明前茶舍", "sponsor"),
                                                 ("Green Valley Farm", "co_host")]
    assert [p.role_label.render("zh_CN") for p in shown] == ["赞助", "联合主办"]
    assert shown == list(result.partners)
    set_event_partners(owner_ctx, later.id, [(tea.id, "co_host")])

    # on the partner: newest first, with the role of each
    assert [(e.title, e.role) for e in partner_events(desk_ctx, tea.id)] == [
        ("Orchard supper", "co_host"), ("Autumn tea tasting", "sponsor")]
    assert partner_events(desk_ctx, tea.id)[0].starts == dt.datetime.combine(
        FRIDAY + dt.timedelta(days=7), dt.time(14, 0))
    assert [e.title for e in partner_events(desk_ctx, farm.id)] == ["Autumn tea tasting"]

    # the batch for a list: one entry per event that has partners
    batch = partners_for_events(desk_ctx, [tasting.id, later.id, 999])
    assert sorted(batch) == [tasting.id, later.id]
    assert [p.name for p in batch[tasting.id]] == ["明前茶舍", "Green Valley Farm"]
    assert partners_for_events(desk_ctx, []) == {}

    # replacing the list replaces it; an empty list clears it
    set_event_partners(desk_ctx, tasting.id, [(farm.id, "sponsor")])
    assert [(p.name, p.role) for p in list_event_partners(desk_ctx, tasting.id)] == [
        ("Green Valley Farm", "sponsor")]
    set_event_partners(desk_ctx, tasting.id, [])
    assert list_event_partners(desk_ctx, tasting.id) == []
    assert [e.title for e in partner_events(desk_ctx, tea.id)] == ["Orchard supper"]


def test_an_ended_agreement_or_inactive_partner_is_set_with_a_warning(
        owner_ctx: Context, room: int) -> None:
    ended = create_partner(owner_ctx, PartnerInput(
        "Lakeside Inn", "lodging", agreement_starts=dt.date(2026, 1, 1),
        agreement_ends=dt.date(2026, 11, 20)))
    gone = create_partner(owner_ctx, PartnerInput("Old Rods", "fishing_gear"))
    update_partner(owner_ctx, gone.id, PartnerInput("Old Rods", "fishing_gear", active=False))
    tasting = event(owner_ctx, room, "Autumn tea tasting", FRIDAY)

    result = set_event_partners(owner_ctx, tasting.id, [(ended.id, "sponsor"),
                                                        (gone.id, "co_host")])
    assert [w.render() for w in result.warnings] == [
        "Lakeside Inn's agreement ended on 2026-11-20, before this event.",
        "Old Rods is no longer an active partner."]
    assert "早于本次活动" in result.warnings[0].render("zh_CN")
    assert {p.name for p in list_event_partners(owner_ctx, tasting.id)} == {"Lakeside Inn",
                                                                           "Old Rods"}


def test_an_agreement_ending_on_the_event_day_is_no_warning(owner_ctx: Context,
                                                            room: int) -> None:
    partner = create_partner(owner_ctx, PartnerInput("Tea", "tea", agreement_ends=FRIDAY))
    tasting = event(owner_ctx, room, "Autumn tea tasting", FRIDAY)
    assert set_event_partners(owner_ctx, tasting.id, [(partner.id, "sponsor")]).warnings == ()


@pytest.mark.parametrize(("which", "field", "error"), [
    ("role", "role", DomainError), ("partner", "partner_id", NotFound),
    ("event", "event_id", NotFound)])
def test_unknown_role_partner_or_event_is_refused_and_nothing_changes(
        owner_ctx: Context, room: int, which: str, field: str, error: type[DomainError]) -> None:
    tea = create_partner(owner_ctx, PartnerInput("明前茶舍", "tea"))
    tasting = event(owner_ctx, room, "Autumn tea tasting", FRIDAY)
    set_event_partners(owner_ctx, tasting.id, [(tea.id, "sponsor")])
    event_id = 999 if which == "event" else tasting.id
    pairs = [(tea.id, "patron")] if which == "role" else [
        (999 if which == "partner" else tea.id, "co_host")]
    with pytest.raises(error) as refused:
        set_event_partners(owner_ctx, event_id, pairs)
    assert refused.value.field == field
    assert [(p.name, p.role) for p in list_event_partners(owner_ctx, tasting.id)] == [
        ("明前茶舍", "sponsor")]


def test_reading_needs_a_known_event_or_partner(owner_ctx: Context) -> None:
    with pytest.raises(NotFound):
        list_event_partners(owner_ctx, 999)
    with pytest.raises(NotFound):
        partner_events(owner_ctx, 999)


def test_a_deleted_event_or_partner_takes_its_links_along(owner_ctx: Context,
                                                         room: int) -> None:
    """The link rows cascade with their partner (the database keeps them honest)."""
    from sqlalchemy import delete, func, select

    from desktop.models.circle import EventPartner, Partner

    tea = create_partner(owner_ctx, PartnerInput("明前茶舍", "tea"))
    tasting = event(owner_ctx, room, "Autumn tea tasting", FRIDAY)
    set_event_partners(owner_ctx, tasting.id, [(tea.id, "sponsor")])
    with owner_ctx.transaction() as tx:
        tx.session.execute(delete(Partner).where(Partner.id == tea.id))
    with owner_ctx.transaction(write=False) as tx:
        assert tx.session.scalar(select(func.count()).select_from(EventPartner)) == 0


def test_the_desk_sets_and_reads_an_events_partners(owner_ctx: Context, desk_ctx: Context,
                                                    room: int) -> None:
    """The desk runs events and uses the circle (DESIGN.md); partners are the owner's."""
    tea = create_partner(owner_ctx, PartnerInput("明前茶舍", "tea"))
    tasting = event(owner_ctx, room, "Autumn tea tasting", FRIDAY)
    set_event_partners(desk_ctx, tasting.id, [(tea.id, "sponsor")])
    assert partner_events(desk_ctx, tea.id)[0].event_id == tasting.id
