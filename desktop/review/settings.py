"""The settings the owner's review reads, declared where the review's rules live.

- ``review.not_seen_days``: a current member with no visit for this many days is listed as
  "not seen" (Engagement).
- ``review.utilisation_hours``: the part of the day utilisation and the heat map count, as
  "HH:MM-HH:MM" (default 08:00-22:00).  Booked and open hours outside it are left out, so a
  space open round the clock is not measured against its empty night hours.
"""

from __future__ import annotations

from typing import Any

from desktop.errors import DomainError
from desktop.i18n import msg
from desktop.settings.registry import SettingDef, define, non_negative


def parse_hours(value: str) -> tuple[int, int]:
    """"08:00-22:00" -> (480, 1320) minutes since midnight; "24:00" is the end of the day."""
    try:
        start_text, end_text = (part.strip() for part in str(value).split("-"))
        minutes = []
        for part in (start_text, end_text):
            hours, _, mins = part.partition(":")
            hour, minute = int(hours), int(mins or 0)
            if not (0 <= hour <= 24 and 0 <= minute < 60) or (hour == 24 and minute):
                raise ValueError(part)
            minutes.append(hour * 60 + minute)
    except ValueError:
        raise DomainError(msg("Write the hours as 08:00-22:00."),
                          field="review.utilisation_hours") from None
    if minutes[1] <= minutes[0]:
        raise DomainError(msg("The end of the hours must be after their start."),
                          field="review.utilisation_hours")
    return minutes[0], minutes[1]


def _check_hours(value: Any) -> None:
    parse_hours(value)


def format_hours(start: int, end: int) -> str:
    return f"{start // 60:02d}:{start % 60:02d}-{end // 60:02d}:{end % 60:02d}"


NOT_SEEN_DAYS = define(SettingDef(
    "review.not_seen_days", int, 60, msg("Not seen for (days)"),
    msg("Review → Engagement lists current members with no visit (desk, booking or event "
        "check-in) for this many days, so that someone calls them."),
    non_negative("review.not_seen_days"),
))
UTILISATION_HOURS = define(SettingDef(
    "review.utilisation_hours", str, "08:00-22:00", msg("Utilisation hours"),
    msg("Review → Spaces measures booked hours against open hours only within these hours "
        "(and the heat map shows them), e.g. 08:00-22:00; a space's own opening hours still "
        "apply inside them."),
    _check_hours,
))

DEFAULT_HOURS = parse_hours(UTILISATION_HOURS.default)
