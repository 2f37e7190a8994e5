"""The columns of a members spreadsheet: what each is called in English and Chinese.

One table serves both directions: the exporter writes ``en`` or ``zh`` as the header, and the
importer recognises those and the other names people give the same column (手机 / 电话 / mobile
…).  A header is compared after NFKC, case folding, and dropping spaces, ``*`` marks and
anything in brackets, so "手机号码（必填）", "Phone *" and "ＰＨＯＮＥ" all find the phone column.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from desktop.i18n import Message, msg


@dataclass(frozen=True)
class Column:
    key: str
    en: str  # the header the exporter writes in English
    zh: str  # and in Chinese
    label: Message  # the field's name in messages when the file had no such column
    aliases: tuple[str, ...] = ()


COLUMNS: tuple[Column, ...] = (
    Column("number", "Member number", "会员号", msg("member number"),
           ("number", "member no", "member no.", "membership number", "会员编号",
            "编号", "会员卡号", "卡号")),
    Column("name", "Name", "姓名", msg("name"),
           ("full name", "member name", "名字", "会员姓名", "会员名称")),
    Column("phone", "Phone", "手机", msg("phone"),
           ("mobile", "mobile phone", "mobile number", "cell", "cell phone", "tel", "telephone",
            "phone number", "电话", "手机号", "手机号码", "电话号码", "联系电话", "联系方式",
            "手机/电话", "电话/手机")),
    Column("email", "Email", "邮箱", msg("email"),
           ("e-mail", "mail", "email address", "电子邮箱", "电子邮件", "邮件", "邮箱地址")),
    Column("wechat", "WeChat", "微信", msg("WeChat"),
           ("wechat id", "weixin", "wx", "微信号")),
    Column("company", "Company", "公司", msg("company"),
           ("organisation", "organization", "employer", "单位", "工作单位", "公司名称", "企业")),
    Column("title", "Title", "职位", msg("title"),
           ("job title", "position", "role", "职务", "头衔")),
    Column("city", "City", "城市", msg("city"), ("所在城市", "城市/地区", "地区")),
    Column("tags", "Tags", "标签", msg("tags"), ("tag", "labels")),
    Column("plan", "Plan", "套餐", msg("plan"),
           ("membership", "membership plan", "tier", "会籍", "会籍类型", "会员类型", "会员等级",
            "会员套餐")),
    Column("joined", "Joined", "入会日期", msg("join date"),
           ("joined on", "join date", "date joined", "start date", "member since", "入会时间",
            "加入日期", "加入时间", "开始日期")),
    Column("expires", "Expires", "到期日期", msg("expiry date"),
           ("expires on", "expiry", "expiry date", "expiration date", "end date", "ends on",
            "valid until", "到期", "到期时间", "到期日", "有效期至", "截止日期", "结束日期")),
    Column("referred_by", "Referred by", "推荐人", msg("referred by"),
           ("referrer", "referred_by", "introduced by", "介绍人")),
    Column("notes", "Notes", "备注", msg("notes"),
           ("note", "remarks", "comments", "comment", "说明")),
    Column("status", "Status", "状态", msg("status"), ("会员状态",)),
    Column("archived", "Archived", "已归档", msg("archived"), ("归档", "is archived")),
    Column("suspended_from", "Suspended from", "暂停开始", msg("suspended from"),
           ("suspension start", "停权开始")),
    Column("suspended_until", "Suspended until", "暂停结束", msg("suspended until"),
           ("suspension end", "停权结束")),
    Column("suspension_reason", "Suspension reason", "暂停原因", msg("suspension reason"),
           ("停权原因",)),
)

BY_KEY = {column.key: column for column in COLUMNS}

# Columns the export writes but the import does not read back: derived from the others.
DERIVED = frozenset({"status"})

_BRACKETS = re.compile(r"[(（\[【<《].*?[)）\]】>》]")
_DROP = re.compile(r"[\s*＊#:：_]+")


def header_key(text: str) -> str:
    """The comparable form of a header cell."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    folded = _BRACKETS.sub("", folded)
    return _DROP.sub("", folded)


_LOOKUP: dict[str, str] = {}
for _column in COLUMNS:
    for _name in (_column.key, _column.en, _column.zh, *_column.aliases):
        _LOOKUP.setdefault(header_key(_name), _column.key)


def recognise(cell: object) -> str | None:
    """The column key a header cell names, or None for a column the import ignores."""
    if not isinstance(cell, str):
        return None
    key = header_key(cell)
    return _LOOKUP.get(key) if key else None


# Tags in one cell are separated by commas, semicolons, the Chinese enumeration comma 、,
# vertical bars or line breaks (half- or full-width).  Not by spaces or slashes: a tag such as
# "board games" or "AI/ML" holds them.
TAG_SEPARATORS = re.compile(r"[,，;；、|｜\n\r]+")


def split_tags(cell: str) -> list[str]:
    return [part.strip() for part in TAG_SEPARATORS.split(cell) if part.strip()]


TAG_JOINER = ", "
