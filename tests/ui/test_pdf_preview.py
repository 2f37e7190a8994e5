"""The PDF preview renders with QtPdf (pyside6-pdf), on white, without poppler."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtGui import QColor

from desktop.members import service as ms
from desktop.reports.directory import print_directory
from desktop.services import Context
from desktop.ui import pdf_preview


def test_pages_render_through_qtpdf_on_white(qtbot, tmp_path: Path, desk_ctx: Context) -> None:
    for i in range(60):
        ms.create_member(desk_ctx, ms.MemberInput(f"张{i:02d}"))
    path = tmp_path / "directory.pdf"
    print_directory(desk_ctx, None, path)

    pages = pdf_preview.open_pages(path)
    assert isinstance(pages, pdf_preview._QtPdfPages)
    assert pages.count == len(PdfReader(path).pages) >= 2
    image = pages.render(0, 600)
    assert image.width() == 600 and not image.hasAlphaChannel()
    assert QColor(image.pixel(2, 2)) == QColor("#ffffff")  # the margin is paper, not transparent
    dark = sum(
        1 for x in range(0, 600, 3) for y in range(0, image.height(), 3)
        if QColor(image.pixel(x, y)).lightness() < 100
    )
    assert dark > 50  # text was drawn (a blank page has none)
