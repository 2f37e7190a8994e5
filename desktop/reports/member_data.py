"""A member's data as a PDF: what the owner hands over when a member asks what is held.

It draws the same sections as the JSON export (desktop.members.privacy), so the two never
disagree: a section that is one record is a two-column table of field and value, a section
that is a list is a table with a column per field.  Values nested deeper (the before/after of
an audit entry) are written as compact JSON in their cell.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reportlab.platypus import Flowable, Spacer

from desktop.i18n import Message, msg
from desktop.reports.base import (
    Column,
    PrintInfo,
    build_pdf,
    data_table,
    frame_width,
    heading,
    paragraph,
    register_fonts,
)

SECTION_TITLES: dict[str, Message] = {
    "profile": msg("Profile"),
    "tags": msg("Tags"),
    "memberships": msg("Memberships and payments"),
    "referrals": msg("Referrals"),
    "audit": msg("Changes recorded in the audit log"),
}
# Shown instead of these bulky fields (the JSON export has them).
LEFT_OUT = {"photo_base64"}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "–"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    return str(value)


def _record_table(record: dict[str, Any], info: PrintInfo, width: float) -> Flowable:
    rows = [[key, _cell(value)] for key, value in record.items() if key not in LEFT_OUT]
    columns = [Column(info.t(msg("Field")), 1), Column(info.t(msg("Value")), 3)]
    return data_table(columns, rows, width)


def _list_table(items: list[Any], info: PrintInfo, width: float) -> Flowable:
    if not all(isinstance(item, dict) for item in items):
        columns = [Column(info.t(msg("Value")), 1)]
        return data_table(columns, [[_cell(item)] for item in items], width)
    keys: list[str] = []
    for item in items:
        keys.extend(key for key in item if key not in keys and key not in LEFT_OUT)
    columns = [Column(key, 3 if key in ("before", "after", "payments") else 1) for key in keys]
    rows = [[_cell(item.get(key)) for key in keys] for item in items]
    return data_table(columns, rows, width)


def draw_member_data(data: dict[str, Any], path: Path, info: PrintInfo) -> Path:
    """Write ``data`` (the privacy export's dictionary) to ``path`` as a PDF."""
    register_fonts()
    width = frame_width(wide=True)
    story: list[Flowable] = [
        paragraph(info.t(msg("Everything held about member {number}, exported {when} by {who}.",
                             number=data["member_number"], when=data["generated_at"],
                             who=data["generated_by"])), size=9, color="#5b6470"),
        Spacer(1, 6),
    ]
    sections: dict[str, Any] = data["sections"]
    order = [name for name in SECTION_TITLES if name in sections]
    order += [name for name in sections if name not in SECTION_TITLES]
    for name in order:
        content = sections[name]
        title = SECTION_TITLES.get(name)
        story.append(heading(info.t(title) if title else name))
        if not content:
            story.append(paragraph(info.t(msg("Nothing recorded.")), size=9, color="#5b6470"))
        elif isinstance(content, dict):
            story.append(_record_table(content, info, width))
        elif isinstance(content, list):
            story.append(_list_table(content, info, width))
        else:
            story.append(paragraph(_cell(content), size=9))
        story.append(Spacer(1, 8))
    build_pdf(path, info, story, wide=True)
    return path
