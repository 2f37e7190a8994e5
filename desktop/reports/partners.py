"""The partner directory: the active partners and what members get from each, by category.

It lies on the front desk and goes to members, so the benefit is the biggest line of each
partner, with the name, tier, contact person, phone, address and until when the agreement
runs; an agreement that ends within 60 days is flagged (the desk says so before sending a
member there).  Partners that are inactive, or whose agreement has already ended, are left
out: their benefit no longer holds.  Categories come in the order of PARTNER_CATEGORIES,
partners in pinyin order of their names (search_partners sorts so).
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop.i18n import msg
from desktop.models.circle import PARTNER_CATEGORIES
from desktop.partners.service import PartnerView, category_label, search_partners
from desktop.permissions import Permission
from desktop.reports.base import (
    FONT,
    RULE,
    BoldText,
    PrintInfo,
    build_pdf,
    frame_width,
    heading,
    nothing_to_print,
    paragraph,
    print_info,
)
from desktop.services import Tx, service

BENEFIT_COLOUR = colors.HexColor("#0b5d3b")
FLAG_COLOUR = colors.HexColor("#b42318")
NAME_SHARE = 0.34  # of the frame's width: the name and tier; the rest is benefit and details


def _listed_partners(tx: Tx) -> list[PartnerView]:
    """The partners the directory lists: active, and their agreement not ended."""
    return [p for p in search_partners(tx, "", active_only=True) if not p.agreement_ended]


def _agreement_line(info: PrintInfo, partner: PartnerView) -> str:
    if partner.agreement_ends is None:
        return info.t(msg("Agreement: no end date"))
    return info.t(msg("Agreement until {day}", day=f"{partner.agreement_ends:%Y-%m-%d}"))


def _details(info: PrintInfo, partner: PartnerView) -> list[Flowable]:
    """The right-hand cell: the benefit, prominent, then how to reach the partner."""
    cell: list[Flowable] = [BoldText(partner.benefit or info.t(msg("Benefit: ask at the "
                                                                 "front desk")),
                                     12.5, color=BENEFIT_COLOUR, space_after=3)]
    reach = [part for part in (
        info.t(msg("Contact: {name}", name=partner.contact_person))
        if partner.contact_person else "",
        info.t(msg("Phone: {phone}", phone=partner.phone)) if partner.phone else "",
    ) if part]
    if reach:
        cell.append(paragraph(" · ".join(reach), size=9.5))
    address = partner.address or partner.city or ""
    if partner.address and partner.city and partner.city not in partner.address:
        address = f"{partner.city} {partner.address}"
    if address:
        cell.append(paragraph(info.t(msg("Address: {address}", address=address)), size=9.5))
    cell.append(paragraph(_agreement_line(info, partner), size=8.5, color="#5b6470"))
    if partner.expiring:
        cell.append(BoldText(info.t(msg("Agreement ends within 60 days ({days} days left)",
                                        days=(partner.agreement_ends - partner.today).days
                                        if partner.agreement_ends else 0)),
                             9, color=FLAG_COLOUR, space_before=1))
    return cell


def _name_cell(info: PrintInfo, partner: PartnerView) -> list[Flowable]:
    cell: list[Flowable] = [BoldText(partner.name, 11.5, space_after=2)]
    if partner.tier:
        cell.append(paragraph(info.t(msg("Tier: {tier}", tier=partner.tier)), size=8.5,
                              color="#5b6470"))
    return cell


def partner_block(info: PrintInfo, partner: PartnerView, width: float) -> Flowable:
    """One partner as a row: name and tier on the left, benefit and details on the right;
    it is never split across a page break."""
    widths = [width * NAME_SHARE, width * (1 - NAME_SHARE)]
    table = Table([[_name_cell(info, partner), _details(info, partner)]], colWidths=widths,
                  hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, 9),  # else ReportLab names Helvetica, not embedded
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
    ]))
    return table


@service(Permission.PRINT, write=False)
def print_partners(tx: Tx, path: Path | str, *, lang: str | None = None) -> int:
    """Write the partner directory to ``path`` (A4 portrait); returns how many partners it
    lists."""
    info = print_info(tx, msg("Partner directory"), lang)
    partners = _listed_partners(tx)
    width = frame_width()
    story: list[Flowable] = [
        BoldText(info.t(msg("Our partners and what members get")), 16, space_after=3),
        paragraph(info.t(msg("{n} partners and the benefits members get. Ask at the front "
                             "desk about any of them.", n=len(partners))),
                  size=9.5, color="#5b6470"),
        Spacer(1, 4),
    ]
    if not partners:
        story.append(nothing_to_print(info, msg("No active partner; nothing to print.")))
    for category in PARTNER_CATEGORIES:
        group = [p for p in partners if p.category == category]
        if not group:
            continue
        title = heading(info.t(msg("{category} ({n})", category=category_label(category),
                                   n=len(group))), size=13)
        blocks = [partner_block(info, partner, width) for partner in group]
        story.append(KeepTogether([title, blocks[0]]))  # never a heading alone at a page foot
        story.extend(blocks[1:])
    build_pdf(path, info, story)
    return len(partners)
