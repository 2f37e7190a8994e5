"""Messages below the UI: every msg("...") has its Simplified Chinese, placeholders intact."""

from __future__ import annotations

import ast
import json
import string
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

import desktop
from desktop.i18n import Message, catalog, current_language, msg, set_language
from desktop.paths import resource_path

SOURCE = Path(desktop.__file__).parent
CATALOGS = resource_path("translations", "messages")


@cache
def msg_literals() -> tuple[tuple[str, str], ...]:
    """(where, text) for every ``msg("literal", ...)`` call in desktop/."""
    return tuple(_walk())


def _walk() -> Iterator[tuple[str, str]]:
    for path in sorted(SOURCE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
            first = node.args[0]
            if name == "msg" and isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield f"{path.relative_to(SOURCE.parent)}:{node.lineno}", first.value


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_the_walk_finds_messages() -> None:
    texts = {text for _, text in msg_literals()}
    assert "Wrong user name or password." in texts  # the walk itself works


def test_every_message_has_a_simplified_chinese_translation() -> None:
    chinese = catalog("zh_CN")
    missing = sorted({f"{where}: {text!r}" for where, text in msg_literals()
                      if text not in chinese})
    assert missing == [], (
        "msg() texts without an entry in resources/translations/messages/<area>.zh_CN.json:\n  "
        + "\n  ".join(missing)
    )


def test_each_translation_keeps_the_english_placeholders() -> None:
    wrong = []
    for english, chinese in catalog("zh_CN").items():
        try:
            same = placeholders(english) == placeholders(chinese)
        except ValueError as error:  # an unbalanced brace
            same, chinese = False, f"{chinese} ({error})"
        if not same or not chinese.strip():
            wrong.append(f"{english!r} -> {chinese!r}")
    assert wrong == [], "translations whose {placeholders} differ:\n  " + "\n  ".join(wrong)


def test_the_area_catalogs_do_not_contradict_each_other() -> None:
    seen: dict[str, tuple[str, str]] = {}
    conflicts = []

    def no_duplicates(pairs: list[tuple[str, str]]) -> dict[str, str]:
        keys = [key for key, _ in pairs]
        assert len(keys) == len(set(keys)), f"a key appears twice in one file: {keys}"
        return dict(pairs)

    files = sorted(CATALOGS.glob("*.zh_CN.json"))
    assert files
    for path in files:
        entries = json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=no_duplicates)
        for english, chinese in entries.items():
            if english in seen and seen[english][1] != chinese:
                conflicts.append(f"{english!r}: {seen[english][0]} and {path.name} differ")
            seen[english] = (path.name, chinese)
    assert conflicts == []


def test_messages_render_in_each_language_with_their_parameters() -> None:
    message = msg("A password needs at least {n} characters.", n=6)
    assert message.render("en") == "A password needs at least 6 characters."
    assert message.render("zh_CN") == "密码至少需要 6 个字符。"
    nested = msg("Cannot open the database {path}: {reason}", path="/tmp/x.sqlite",
                 reason=msg("Wrong user name or password."))
    assert nested.render("zh_CN") == "无法打开数据库 /tmp/x.sqlite：用户名或密码错误。"
    assert nested.render("en").endswith(": Wrong user name or password.")
    unknown = Message("Not in any catalog {x}", {"x": 1})
    assert unknown.render("zh_CN") == "Not in any catalog 1"  # English rather than nothing


def test_the_current_language_is_used_when_none_is_given() -> None:
    previous = current_language()
    try:
        set_language("zh_CN")
        assert str(msg("Wrong user name or password.")) == "用户名或密码错误。"
        set_language("en")
        assert str(msg("Wrong user name or password.")) == "Wrong user name or password."
        with pytest.raises(ValueError):
            set_language("fr")
    finally:
        set_language(previous)


def test_kept_messages_come_back_in_the_readers_language() -> None:
    """A warning kept on a row is shown later in either language, nested labels too."""
    from desktop.i18n import keep_messages, kept_messages, render_kept

    warning = msg("{name} is {status}.", name="李四", status=msg("lapsed"))
    kept = keep_messages([warning], 200)
    assert kept is not None and kept_messages(kept) == (warning,)
    assert render_kept(kept, "en") == "李四 is lapsed."
    assert render_kept(kept, "zh_CN") == "李四的会籍状态为：已失效。"
    assert render_kept("an older row, plain text", "zh_CN") == "an older row, plain text"
    assert keep_messages([], 200) is None
    too_long = keep_messages([msg("{name} is {status}.", name="长" * 190, status=msg("lapsed"))],
                             200)
    assert too_long is not None and len(too_long) == 200 and kept_messages(too_long)[0].params == {}
