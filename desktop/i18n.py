"""Translatable messages for code that has no Qt: services, the command line, PDFs.

Widgets translate their own strings with Qt's ``tr()`` and .ts/.qm files.  Code below the UI
marks a message with ``msg("English text {name}", name=...)``; the text is the key of the
catalog ``resources/translations/messages/<area>.<lang>.json`` (one file per area of the
code, merged when loaded).  A test walks the source for every
``msg(...)`` literal and fails when the Simplified Chinese catalog lacks one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from desktop.paths import resource_path

SUPPORTED_LANGUAGES = ("en", "zh_CN")
_current_language = "en"


def set_language(lang: str) -> None:
    """Choose the language of messages rendered without an explicit one."""
    global _current_language
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; use one of {SUPPORTED_LANGUAGES}")
    _current_language = lang


def current_language() -> str:
    return _current_language


@cache
def catalog(lang: str) -> dict[str, str]:
    """The message catalog for ``lang`` (English is the identity, so it has no file)."""
    if lang == "en":
        return {}
    data: dict[str, str] = {}
    for path in sorted(resource_path("translations", "messages").glob(f"*.{lang}.json")):
        with path.open(encoding="utf-8") as handle:
            data.update(json.load(handle))
    return data


def translate(text: str, lang: str | None = None) -> str:
    return catalog(lang or _current_language).get(text, text)


@dataclass(frozen=True)
class Message:
    """A message in English with named parameters, translated when it is shown."""

    text: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        template = translate(self.text, lang)
        if not self.params:
            return template
        rendered = {
            key: value.render(lang) if isinstance(value, Message) else value
            for key, value in self.params.items()
        }
        return template.format(**rendered)

    def __str__(self) -> str:
        return self.render()


def msg(text: str, **params: Any) -> Message:
    """Mark ``text`` for translation; ``params`` fill its ``{name}`` placeholders."""
    return Message(text, params)


# -- messages kept in a row ---------------------------------------------------------------------
# A warning recorded with a registration or a benefit use is read later by someone who may use
# the other language, so the row keeps the message (text and parameters), not one rendering.

def _encode(value: Any) -> Any:
    if isinstance(value, Message):
        return {"msg": value.text, "params": {k: _encode(v) for k, v in value.params.items()}}
    return value if isinstance(value, (int, float)) else str(value)


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and isinstance(value.get("msg"), str):
        params = value.get("params")
        return Message(value["msg"], {str(k): _decode(v) for k, v in params.items()}
                       if isinstance(params, dict) else {})
    return value


def keep_messages(messages: list[Message] | tuple[Message, ...], limit: int) -> str | None:
    """The messages as a column value (JSON); when that would not fit ``limit`` characters,
    their English text (shown as it is, in either language, rather than cut mid-JSON)."""
    if not messages:
        return None
    encoded = json.dumps([_encode(m) for m in messages], ensure_ascii=False,
                         separators=(",", ":"))
    if len(encoded) <= limit:
        return encoded
    return "; ".join(m.render("en") for m in messages)[:limit]


def kept_messages(value: str | None) -> tuple[Message, ...]:
    """The messages ``keep_messages`` stored; plain text (older rows) comes back as it is."""
    if not value:
        return ()
    try:
        data = json.loads(value)
    except ValueError:
        data = None
    if not isinstance(data, list) or not all(isinstance(d, dict) and "msg" in d for d in data):
        return (Message(value),)
    return tuple(_decode(d) for d in data)


def render_kept(value: str | None, lang: str | None = None) -> str:
    """Kept messages in ``lang`` (the current language by default), joined by semicolons."""
    return "; ".join(m.render(lang) for m in kept_messages(value))
