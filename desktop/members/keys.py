"""Search and sort keys for a member, computed in one place and stored with the row.

The database searches one lowercase ``search_text`` (name, full pinyin, pinyin initials, member
number, phone digits, company, email, WeChat, tags) with a LIKE and sorts on ``sort_name``
(pinyin for Chinese, so 张三 sorts under Z beside Zhang Wei).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

import phonenumbers
from pypinyin import Style, lazy_pinyin, pinyin

from desktop.errors import DomainError
from desktop.i18n import msg

DEFAULT_REGION = "CN"
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACES = re.compile(r"\s+")


def normalise_text(value: str) -> str:
    """NFKC (full-width letters and digits become half-width), trimmed, inner spaces folded."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", value)).strip()


def tag_key(name: str) -> str:
    """Tags that differ only in case or full-/half-width form are the same tag."""
    return normalise_text(name).casefold()


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))


@lru_cache(maxsize=8192)
def _syllables(name: str, han_only: bool) -> tuple[str, ...]:
    """The pinyin of a name (of its Chinese characters only, or with the rest kept as is),
    cached because the sort key and the search keys both need it."""
    return tuple(s.lower() for s in lazy_pinyin(name, errors="ignore" if han_only else "default"))


def pinyin_keys(name: str) -> tuple[str, str]:
    """Full pinyin without spaces and the initials: 张三 -> ("zhangsan", "zs")."""
    syllables = [s for s in _syllables(name, True) if s.strip()]
    full = "".join(syllables).replace(" ", "")
    initials = "".join(s[0] for s in syllables if s and s[0].isalpha())
    return full, initials


def surname_readings(name: str) -> list[str]:
    """Every reading of the first character (曾 is zeng as a surname, ceng elsewhere)."""
    if not name or not has_han(name[0]):
        return []
    return [reading.lower() for reading in pinyin(name[0], style=Style.NORMAL, heteronym=True)[0]]


def sort_key(name: str) -> str:
    """What the member list sorts by: pinyin syllables for Chinese, the casefolded name else."""
    text = normalise_text(name)
    if has_han(text):
        return " ".join(_syllables(text, False)).strip()
    return text.casefold()


def canonical_phone(raw: str | None, field: str = "phone") -> str | None:
    """One stored form (E.164) for every way a person writes a number; None when empty.

    138-0013-8000, +86 138 0013 8000, (+86)13800138000 and 13800138000 are all +8613800138000.
    """
    if raw is None or not normalise_text(raw):
        return None
    text = normalise_text(raw)
    try:
        number = phonenumbers.parse(text, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        raise DomainError(msg("{phone} is not a phone number.", phone=text), field=field) from None
    if not phonenumbers.is_valid_number(number):
        raise DomainError(msg("{phone} is not a valid phone number.", phone=text), field=field)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def display_phone(e164: str | None) -> str:
    """A mainland number as people write it (138 0013 8000); others internationally."""
    if not e164:
        return ""
    if len(e164) == 14 and e164.startswith("+861"):  # a mainland mobile: the common case, fast
        return f"{e164[3:6]} {e164[6:10]} {e164[10:]}"
    number = phonenumbers.parse(e164, None)
    if number.country_code == 86:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def phone_digits(e164: str | None) -> list[str]:
    """The digit strings a desk may type: national (13800138000) and international (86…)."""
    if not e164:
        return []
    number = phonenumbers.parse(e164, None)
    return [str(number.national_number), e164.lstrip("+")]


def check_email(raw: str | None) -> str | None:
    if raw is None or not normalise_text(raw):
        return None
    text = normalise_text(raw)
    local, at, domain = text.partition("@")
    if not at or not local or "." not in domain or " " in text or domain.startswith("."):
        raise DomainError(msg("{email} is not an email address.", email=text), field="email")
    return text


def search_text(*, name: str, number: str, phone: str | None, company: str | None,
                email: str | None, wechat: str | None, city: str | None,
                tags: Iterable[str]) -> str:
    full, initials = pinyin_keys(name)
    folded = normalise_text(name).casefold()
    parts = [folded, folded.replace(" ", ""), full, initials, *surname_readings(name),
             number.casefold(), *phone_digits(phone)]
    parts += [normalise_text(v).casefold() for v in (company, email, wechat, city) if v]
    parts += [tag_key(t) for t in tags]
    return "|".join(p for p in parts if p)


def search_pattern(query: str) -> str | None:
    """The LIKE pattern for what the desk typed, or None for an empty query.

    Spaces are dropped so "zhang san" finds zhangsan; a phone typed with dashes or spaces is
    reduced to its digits; LIKE's wildcards in the query are escaped.
    """
    text = normalise_text(query).casefold()
    if not text:
        return None
    if re.fullmatch(r"[\d\s\-+()]+", text):
        text = re.sub(r"\D", "", text)
    elif not has_han(text):
        text = text.replace(" ", "")
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"
