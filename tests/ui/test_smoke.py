"""Smoke: every view on the demo database, in both languages, rendered to a real picture."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop.accounts.service import sign_in
from desktop.clock import FixedClock
from desktop.db import Database, open_database
from desktop.demo import fill_demo
from desktop.errors import PermissionDenied
from desktop.security import Hasher
from desktop.services import Context
from desktop.ui.screenshot import VIEW_NAMES, render_view

WINDOW_VIEWS = [name for name in VIEW_NAMES
                if name not in ("signin", "first-start", "quick-booking", "find-free-slot")]


@pytest.fixture
def demo(tmp_path: Path, clock: FixedClock, hasher: Hasher) -> Iterator[Database]:
    database = open_database(str(tmp_path / "demo.sqlite"), create=True)
    fill_demo(database, clock=clock, hasher=hasher)
    yield database
    database.close()


def _ctx(database: Database, username: str, clock: FixedClock, hasher: Hasher) -> Context:
    actor = sign_in(database, username, f"{username}-demo", clock=clock, hasher=hasher)
    return Context(database, actor, clock=clock, hasher=hasher)


def test_the_views_named_in_the_brief_exist() -> None:
    assert {"settings", "audit", "account", "signin", "first-start"} <= set(VIEW_NAMES)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_every_view_renders_on_the_demo(demo: Database, clock: FixedClock, hasher: Hasher,
                                        tmp_path: Path, lang: str) -> None:
    ctx = _ctx(demo, "owner", clock, hasher)
    for view in VIEW_NAMES:
        path = tmp_path / f"{view}-{lang}.png"
        render_view(ctx, view, path, size=(1100, 700), lang=lang)
        image = QImage(str(path))
        assert not image.isNull(), view
        if view in WINDOW_VIEWS:
            assert (image.width(), image.height()) == (1100, 700), view
        else:
            assert image.width() >= 400 and image.height() >= 150, view
        # Not one flat colour: something was drawn.
        colours = {image.pixel(x, y) for x in range(0, image.width(), 37)
                   for y in range(0, image.height(), 23)}
        assert len(colours) > 3, view


def test_the_desk_renders_its_views_and_is_refused_owner_views(
        demo: Database, clock: FixedClock, hasher: Hasher, tmp_path: Path) -> None:
    ctx = _ctx(demo, "desk", clock, hasher)
    render_view(ctx, "account", tmp_path / "account.png")
    assert not QImage(str(tmp_path / "account.png")).isNull()
    with pytest.raises(PermissionDenied) as refused:
        render_view(ctx, "settings", tmp_path / "settings.png")
    assert "settings" in refused.value.render("en")
    assert not (tmp_path / "settings.png").exists()


def test_an_unknown_view_is_a_key_error(demo: Database, clock: FixedClock, hasher: Hasher,
                                        tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        render_view(_ctx(demo, "owner", clock, hasher), "no-such-view", tmp_path / "x.png")
