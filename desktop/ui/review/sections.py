"""The six pages of the Review view, in the order of their tabs."""

from __future__ import annotations

from desktop.ui.review.circle_money import CirclePage, MoneyPage
from desktop.ui.review.people import EngagementPage, MembershipPage
from desktop.ui.review.section import Links, SectionPage
from desktop.ui.review.venue import EventsPage, SpacesPage

__all__ = ["PAGES", "Links", "SectionPage"]

PAGES: tuple[tuple[str, type[SectionPage]], ...] = (
    ("membership", MembershipPage), ("engagement", EngagementPage), ("spaces", SpacesPage),
    ("events", EventsPage), ("circle", CirclePage), ("money", MoneyPage),
)
