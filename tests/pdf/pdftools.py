"""Reading printouts back the way a person (or a scanner) would: text, fonts, pixels."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

from PIL import Image
from pypdf import PdfReader

from desktop.reports.preview import render_pages


def page_texts(pdf: Path) -> list[str]:
    """The text of every page, in reading order (poppler's pdftotext)."""
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          check=True)
    pages = done.stdout.decode("utf-8").split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def in_order(needle: str, haystack: str) -> bool:
    """Every character of ``needle`` appears in ``haystack`` in order (wrapping may put other
    text between the lines of a cell, never drop a character)."""
    rest = iter(squeeze(haystack))
    return all(ch in rest for ch in squeeze(needle))


def words_with_boxes(pdf: Path) -> list[tuple[int, float, float, float, float, float, str]]:
    """(page, page width, xMin, yMin, xMax, yMax, word) for every word of the PDF."""
    done = subprocess.run(["pdftotext", "-bbox", "-enc", "UTF-8", str(pdf), "-"],
                          capture_output=True, check=True)
    found = []
    page, width = 0, 0.0
    for line in done.stdout.decode("utf-8").splitlines():
        start = re.search(r'<page width="([\d.]+)"', line)
        if start:
            page += 1
            width = float(start.group(1))
            continue
        word = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                         r'yMax="([\d.]+)">(.*)</word>', line)
        if word:
            x0, y0, x1, y1 = (float(word.group(i)) for i in range(1, 5))
            found.append((page, width, x0, y0, x1, y1, word.group(5)))
    return found


def fonts(pdf: Path) -> list[dict[str, Any]]:
    """Every font the pages use: its name, subtype and whether its program is embedded."""
    found: dict[str, dict[str, Any]] = {}
    for page in PdfReader(str(pdf)).pages:
        resources: Any = page["/Resources"]
        for font in resources.get("/Font", {}).values():
            font = font.get_object()
            name = str(font["/BaseFont"])
            descendants = font.get("/DescendantFonts")
            holder = descendants[0].get_object() if descendants else font
            descriptor = holder.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            found[name] = {
                "name": name,
                "subtype": str(font["/Subtype"]),
                "embedded": any(key in descriptor for key in ("/FontFile", "/FontFile2",
                                                              "/FontFile3")),
                "truetype": "/FontFile2" in descriptor,
            }
    return list(found.values())


def images_per_page(pdf: Path) -> list[int]:
    """How many images each page draws (the venue's logo)."""
    counts = []
    for page in PdfReader(str(pdf)).pages:
        resources: Any = page["/Resources"]
        objects = resources.get("/XObject", {})
        counts.append(sum(1 for x in objects.values()
                          if x.get_object().get("/Subtype") == "/Image"))
    return counts


def render(pdf: Path, folder: Path, dpi: int) -> list[Image.Image]:
    """Every page as a greyscale image, through the preview helper (pdftoppm)."""
    return [Image.open(path).convert("L") for path in render_pages(pdf, folder, dpi=dpi)]
