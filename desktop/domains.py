"""The domain modules that declare settings, loaded before the settings are listed or changed.

A setting is declared where its rule lives (members' status thresholds beside the status
rules, the no-show delay beside the booking lifecycle); the store imports this list so that
every setting exists whichever part of the app was loaded first.  A test checks that every
module calling ``define`` is listed here.
"""

from __future__ import annotations

import importlib
from functools import cache

SETTING_MODULES = (
    "desktop.members.status",
    "desktop.booking.lifecycle",
    "desktop.events.checkin",
    "desktop.review.settings",
)


@cache
def load_setting_modules() -> None:
    for module in SETTING_MODULES:
        importlib.import_module(module)
