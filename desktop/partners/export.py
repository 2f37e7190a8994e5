"""Exporting the partners as CSV (UTF-8 with a BOM, for Excel) or XLSX.

Every partner, inactive ones and ended agreements included (the owner reviews the whole list),
one row each with every field the partner has and what members made of it: how many uses,
how many members, the last use.  The first column is ``id`` in every language, as in the
events export.  The writing itself (BOM, typed XLSX cells, a temporary file replaced only
when complete) is the events export's, so every export of the app behaves the same; the
export is recorded in the audit log (counts only).
"""

from __future__ import annotations

from pathlib import Path

from desktop.audit.recorder import record
from desktop.events.export import Cell, _headers, _suffix, _write
from desktop.i18n import Message, current_language, msg
from desktop.partners.service import category_label, search_partners
from desktop.permissions import Permission
from desktop.services import Tx, service

PARTNER_HEADERS: tuple[Message | str, ...] = (
    "id", msg("Partner name"), msg("Category"), msg("Contact person"), msg("Phone"), msg("Address"),
    msg("City"), msg("Benefit"), msg("Agreement starts"), msg("Agreement ends"), msg("Tier"),
    msg("Notes"), msg("Active"), msg("Agreement"), msg("Uses"), msg("Members served"),
    msg("Last used"),
)
_YES_NO = {"en": ("yes", "no"), "zh_CN": ("是", "否")}


def agreement_state(ended: bool, expiring: bool) -> Message:
    """The agreement as one word: ended, ending within 60 days, or running."""
    if ended:
        return msg("ended")
    return msg("ends within 60 days") if expiring else msg("running")


@service(Permission.USE_CIRCLE)
def export_partners(tx: Tx, path: Path | str, *, lang: str | None = None) -> int:
    """Write every partner to ``path`` (.csv or .xlsx by its name), in pinyin order of their
    names; returns how many partners were written."""
    target = Path(path)
    _suffix(target)
    language = lang or current_language()
    yes, no = _YES_NO.get(language, _YES_NO["en"])
    rows: list[list[Cell]] = [[
        p.id, p.name, category_label(p.category).render(language), p.contact_person or "",
        p.phone, p.address or "", p.city or "", p.benefit or "", p.agreement_starts,
        p.agreement_ends, p.tier or "", p.notes or "", yes if p.active else no,
        agreement_state(p.agreement_ended, p.expiring).render(language), p.uses,
        p.members_served, p.last_used,
    ] for p in search_partners(tx, "", active_only=False)]
    _write(target, "Partners", _headers(PARTNER_HEADERS, language), rows)
    record(tx.session, "export", "partner", None, note=target.name, rows=len(rows))
    return len(rows)
