"""The PDF-to-PNG preview helper the app's print preview can use."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from desktop.errors import DomainError
from desktop.reports.directory import print_directory
from desktop.reports.preview import page_count, preview_available, render_page, render_pages
from desktop.services import Context
from tests.pdf.conftest import many_members


def test_pages_render_as_png(owner_ctx: Context, plan_id: int, tmp_path: Path) -> None:
    assert preview_available()
    many_members(owner_ctx, plan_id, 40)
    pdf = tmp_path / "directory.pdf"
    print_directory(owner_ctx, None, pdf, lang="en")

    pages = page_count(pdf)
    assert pages >= 2
    files = render_pages(pdf, tmp_path / "png", dpi=30)
    assert len(files) == pages
    with Image.open(files[0]) as image:  # landscape A4 at 30 dpi: about 351 x 248
        assert image.size[0] > image.size[1]
        assert abs(image.size[0] - 351) <= 2
    second = render_page(pdf, 2, dpi=30)
    assert second.startswith(b"\x89PNG")


def test_a_missing_pdf_or_page_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DomainError):
        page_count(tmp_path / "missing.pdf")
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"not a pdf")
    with pytest.raises(DomainError):
        render_page(junk, 1)
