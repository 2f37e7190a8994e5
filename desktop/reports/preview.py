"""PDF pages as PNG images, for a preview before printing and for looking at printouts in tests.

No Qt here: this renders through poppler's ``pdftoppm`` (and reads the page count with
``pdfinfo``), which the tests and the developers' machines have.  The app's preview dialog may
use QtPdf instead where poppler is not installed (Windows); ``preview_available()`` says
whether this route works on the machine at hand.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from desktop.errors import DomainError
from desktop.i18n import msg

TIMEOUT_SECONDS = 120


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise DomainError(msg("The preview needs {tool} (poppler-utils), which is not "
                              "installed.", tool=name))
    return found


def preview_available() -> bool:
    """Whether poppler's tools are on this machine."""
    return shutil.which("pdftoppm") is not None and shutil.which("pdfinfo") is not None


def _run(command: list[str], pdf: Path) -> bytes:
    if not pdf.is_file():
        raise DomainError(msg("There is no file {path}.", path=str(pdf)))
    try:
        done = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS,
                              check=False)
    except subprocess.TimeoutExpired:
        raise DomainError(msg("Rendering {path} took too long.", path=str(pdf))) from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DomainError(msg("Cannot render {path}: {reason}", path=str(pdf),
                              reason=detail[0] if detail else done.returncode))
    return done.stdout


def page_count(pdf: Path) -> int:
    """How many pages the PDF has."""
    output = _run([_tool("pdfinfo"), str(pdf)], pdf).decode("utf-8", "replace")
    found = re.search(r"^Pages:\s+(\d+)", output, re.MULTILINE)
    if found is None:
        raise DomainError(msg("Cannot render {path}: {reason}", path=str(pdf),
                              reason="no page count"))
    return int(found.group(1))


def render_page(pdf: Path, page: int, *, dpi: int = 72) -> bytes:
    """One page (numbered from 1) as PNG bytes, on a white background."""
    command = [_tool("pdftoppm"), "-png", "-r", str(dpi), "-f", str(page), "-l", str(page),
               "-singlefile", str(pdf)]
    data = _run(command, pdf)
    if not data.startswith(b"\x89PNG"):
        raise DomainError(msg("Cannot render {path}: {reason}", path=str(pdf),
                              reason=f"no page {page}"))
    return data


def render_pages(pdf: Path, folder: Path, *, dpi: int = 72, prefix: str = "page") -> list[Path]:
    """Every page as ``folder/prefix-N.png``, in page order."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob(f"{prefix}-*.png"):
        old.unlink()
    _run([_tool("pdftoppm"), "-png", "-r", str(dpi), str(pdf), str(folder / prefix)], pdf)

    def number(path: Path) -> int:
        return int(path.stem.rsplit("-", 1)[1])

    return sorted(folder.glob(f"{prefix}-*.png"), key=number)
