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
