"""Render a view offscreen to a PNG (``clubhouse screenshot VIEW -o FILE.png``).

The real window or dialog is built for the signed-in context, shown without being mapped to a
screen, and grabbed, so a screenshot is what a person sees (README, support, reviews).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.errors import PermissionDenied
from desktop.i18n import msg
from desktop.paths import default_database_path, demo_database_path
from desktop.services import Context
from desktop.settings.store import get_setting
from desktop.ui.bootstrap import ensure_application, set_ui_language
from desktop.ui.first_start import FirstStartDialog
from desktop.ui.main_window import MainWindow
from desktop.ui.signin import SignInDialog
from desktop.ui.tasks import TaskRunner

# view name -> (main window view, settings tab or None); dialogs are handled apart.
_WINDOW_VIEWS: dict[str, tuple[str, str | None]] = {
    "today": ("today", None),
    "calendar": ("calendar", None),
    "calendar-week": ("calendar", None),
    "calendar-week-all": ("calendar", None),
    "events": ("events", None),
    "members": ("members", None),
    "partners": ("partners", None),
    "circle": ("circle", None),
    "review": ("review", None),
    "settings": ("settings", "venue"),
    "settings-rules": ("settings", "rules"),
    "settings-spaces": ("settings", "spaces"),
    "settings-staff": ("settings", "staff"),
    "settings-database": ("settings", "database"),
    "settings-backups": ("settings", "backups"),
    "audit": ("audit", None),
    "account": ("account", None),
    "lock": ("account", None),
}
_DIALOGS = ("signin", "first-start", "quick-booking", "find-free-slot", "door")
VIEW_NAMES: tuple[str, ...] = (*_WINDOW_VIEWS, *_DIALOGS)


def _settle(app: QApplication, widget: QWidget) -> None:
    for _ in range(3):
        app.processEvents()
        QCoreApplication.sendPostedEvents()
    widget.repaint()


def build_view(ctx: Context, view: str, size: tuple[int, int] = (1280, 800)) -> QWidget:
    """The widget a screenshot of ``view`` shows, built and sized but not yet grabbed."""
    if view not in VIEW_NAMES:
        raise KeyError(view)
    from desktop.demo import is_demo_database

    demo = is_demo_database(ctx.database, ctx.hasher)
    if view == "signin":
        dialog = SignInDialog(ctx.database, clock=ctx.clock, hasher=ctx.hasher,
                              venue_name=str(get_setting(ctx, "venue.name")),
                              username=ctx.actor.username, demo=demo)
        dialog.resize(max(dialog.sizeHint().width(), 440), dialog.sizeHint().height())
        return dialog
    if view == "first-start":
        first = FirstStartDialog(clock=ctx.clock, hasher=ctx.hasher,
                                 database_path=default_database_path(),
                                 demo_path=demo_database_path())
        first.resize(max(first.sizeHint().width(), 720), first.sizeHint().height())
        return first
    if view in ("quick-booking", "find-free-slot"):
        return _booking_dialog(ctx, view)
    if view == "door":
        from desktop.ui.door.screenshot import door_for_screenshot

        return door_for_screenshot(ctx, size)
    name, tab = _WINDOW_VIEWS[view]
    window = MainWindow(ctx, demo=demo,
                        runner=TaskRunner(inline=True), remember_geometry=False)
    window.idle.pause()
    if name not in window.views:
        window.deleteLater()
        raise PermissionDenied(msg("The {view} view is not available to your account ({role}).",
                                   view=view, role=ctx.actor.role.value))
    window.resize(*size)
    shown = window.show_view(name)
    if tab is not None:
        shown.show_tab(tab)  # type: ignore[attr-defined]
    if view == "lock":
        window.lock_now()
    if name == "calendar":
        _busiest(shown, view)
    return window


def _busiest(calendar: QWidget, view: str) -> None:
    """The calendar screenshots show the demo's busiest upcoming day or week."""
    from desktop.ui.calendar.view import DAY, WEEK, WEEK_ALL, CalendarView

    assert isinstance(calendar, CalendarView)
    day, space_id = calendar.busiest_upcoming()
    mode = {"calendar": DAY, "calendar-week": WEEK}.get(view, WEEK_ALL)
    calendar.show_day(day, mode, space_id if mode == WEEK else None)


def _booking_dialog(ctx: Context, view: str) -> QWidget:
    """Quick booking with a member picked and the live check said; "find a free slot" with
    the coming week's free hours listed."""
    from desktop.members.service import MemberQuery, search_members
    from desktop.ui.booking.free_slot import FindFreeSlotDialog
    from desktop.ui.booking.quick import QuickBookingDialog

    if view == "find-free-slot":
        finder = FindFreeSlotDialog(ctx)
        finder.search()
        finder.resize(max(finder.sizeHint().width(), 680), 620)
        return finder
    quick = QuickBookingDialog(ctx)
    members = search_members(ctx, MemberQuery(), limit=1)
    if members:
        quick.member.choose(members[0])
    quick.run_check()
    quick.resize(max(quick.sizeHint().width(), 640), quick.sizeHint().height())
    return quick


def render_view(ctx: Context, view: str, path: Path, size: tuple[int, int] = (1280, 800),
                lang: str = "en") -> None:
    """Build ``view`` for the signed-in ``ctx`` in ``lang`` and save it as a PNG at ``path``.

    KeyError for a view that does not exist; PermissionDenied for one the role cannot see.
    """
    if view not in VIEW_NAMES:
        raise KeyError(view)
    app = ensure_application()
    set_ui_language(lang)
    widget = build_view(ctx, view, size)
    widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    try:
        widget.show()
        _settle(app, widget)
        image = widget.grab()
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if image.isNull() or not image.save(str(path), "PNG"):
            raise OSError(f"could not write the screenshot {path}")
    finally:
        if isinstance(widget, MainWindow):
            widget.idle.pause()
        widget.close()
        widget.deleteLater()
        app.processEvents()
