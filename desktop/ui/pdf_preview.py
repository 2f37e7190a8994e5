"""Preview a PDF the app made (directory, cards, …) before saving or printing it.

Pages are drawn by QtPdf when it is installed (the ``PySide6-Addons`` / ``pyside6-pdf`` wheel)
and otherwise by poppler through desktop.reports.preview.  QtPdf renders with a transparent
background (FIELD-NOTES), so every page is painted onto white.  Pages are rendered when they
scroll into view: a directory of 5,000 members is 150 pages, and nobody looks at all of them.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ClubhouseError
from desktop.reports import preview as poppler
from desktop.ui import dialogs
from desktop.ui.tasks import TaskRunner, file_errors
from desktop.ui.widgets import MessageBar, label

PREVIEW_WIDTH = 760  # pixels of a page in the dialog
PRINT_DPI = 200
Renderer = Callable[[int, int], QImage]  # (page index from 0, width in pixels) -> image


def on_white(image: QImage) -> QImage:
    """The page on a white sheet (QtPdf leaves the background transparent)."""
    sheet = QImage(image.size(), QImage.Format.Format_RGB32)
    sheet.fill(QColor("#ffffff"))
    painter = QPainter(sheet)
    painter.drawImage(0, 0, image)
    painter.end()
    return sheet


class _QtPdfPages:
    """Pages through QtPdf."""

    def __init__(self, path: Path) -> None:
        from PySide6.QtPdf import QPdfDocument

        self._document = QPdfDocument()
        self._document.load(str(path))
        if self._document.status() != QPdfDocument.Status.Ready:
            raise OSError(f"QtPdf could not open {path}")
        self.count = self._document.pageCount()

    def render(self, index: int, width: int) -> QImage:
        points = self._document.pagePointSize(index)
        height = int(width * points.height() / max(points.width(), 1))
        return on_white(self._document.render(index, QSize(width, height)))


class _PopplerPages:
    """Pages through poppler's pdftoppm (desktop.reports.preview)."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self.count = poppler.page_count(path)

    def render(self, index: int, width: int) -> QImage:
        # A4 is 8.27 in wide: the resolution that makes the page ``width`` pixels (landscape
        # pages come out wider, which the preview scales down).
        dpi = max(36, int(width / 8.27))
        image = QImage.fromData(poppler.render_page(self._path, index + 1, dpi=dpi))
        if image.width() > width:
            image = image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        return on_white(image)


def open_pages(path: Path) -> _QtPdfPages | _PopplerPages:
    try:
        return _QtPdfPages(path)
    except (ImportError, OSError):
        return _PopplerPages(path)


class PdfPreviewDialog(QDialog):
    """The pages of one PDF, with Save as PDF… and Print…."""

    def __init__(self, path: Path, title: str, suggested_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreviewDialog")
        self.setWindowTitle(title)
        self.path = path
        self._suggested = suggested_name
        self._pages_source: _QtPdfPages | _PopplerPages | None = None
        self.page_labels: list[QLabel] = []
        self._rendered: set[int] = set()

        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        self.count_label = label("", "hint", object_name="pdfPageCount")
        top.addWidget(self.count_label)
        top.addStretch(1)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.setObjectName("pdfSaveButton")
        self.save_button.clicked.connect(self.save_copy)
        top.addWidget(self.save_button)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("pdfPrintButton")
        self.print_button.setProperty("primary", True)
        self.print_button.clicked.connect(self.print_pages)
        top.addWidget(self.print_button)
        close = QPushButton(self.tr("Close"))
        close.setObjectName("pdfCloseButton")
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        top.addWidget(close)
        column.addLayout(top)
        self.bar = MessageBar("pdfMessage")
        column.addWidget(self.bar)

        self.pages_area = QScrollArea()
        self.pages_area.setObjectName("pdfPages")
        self.pages_area.setWidgetResizable(True)
        self.pages_area.setStyleSheet("QScrollArea#pdfPages { background: #6f7a76; border: none; }"
                                  "QWidget#pdfPagesBody { background: #6f7a76; }")
        body = QWidget()
        body.setObjectName("pdfPagesBody")
        self._pages_layout = QVBoxLayout(body)
        self._pages_layout.setContentsMargins(20, 20, 20, 20)
        self._pages_layout.setSpacing(16)
        self._pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages_area.setWidget(body)
        column.addWidget(self.pages_area, 1)
        self.pages_area.verticalScrollBar().valueChanged.connect(lambda _v: self._render_visible())
        self.resize(880, 900)
        self._load()

    def _load(self) -> None:
        try:
            self._pages_source = open_pages(self.path)
        except ClubhouseError as error:
            self.bar.show_error(error.render())
            self.print_button.setEnabled(False)
            return
        count = self._pages_source.count
        self.count_label.setText(self.tr("%1 pages").replace("%1", str(count)) if count != 1
                                 else self.tr("1 page"))
        first = self._pages_source.render(0, PREVIEW_WIDTH) if count else QImage()
        size = first.size() if not first.isNull() else QSize(PREVIEW_WIDTH, 1075)
        for index in range(count):
            page = QLabel()
            page.setObjectName(f"pdfPage{index + 1}")
            page.setFixedSize(size)
            page.setAlignment(Qt.AlignmentFlag.AlignCenter)
            page.setStyleSheet("QLabel { background: #ffffff; }")
            self._pages_layout.addWidget(page, 0, Qt.AlignmentFlag.AlignHCenter)
            self.page_labels.append(page)
        if count:
            self._show(0, first)
        QTimer.singleShot(0, self._render_visible)

    def _show(self, index: int, image: QImage) -> None:
        self.page_labels[index].setPixmap(QPixmap.fromImage(image))
        self._rendered.add(index)

    def _render_visible(self) -> None:
        """Render the pages that are (nearly) in view and not drawn yet."""
        if self._pages_source is None:
            return
        viewport = self.pages_area.viewport()
        top = self.pages_area.verticalScrollBar().value()
        bottom = top + (viewport.height() if viewport is not None else 0)
        for index, page in enumerate(self.page_labels):
            if index in self._rendered:
                continue
            y = page.y()
            if y + page.height() >= top - 200 and y <= bottom + 200:
                try:
                    self._show(index, self._pages_source.render(index, PREVIEW_WIDTH))
                except ClubhouseError as error:
                    self.bar.show_error(error.render())
                    return

    def rendered_pages(self) -> list[int]:
        return sorted(self._rendered)

    def save_copy(self) -> Path | None:
        target = dialogs.choose_save_file(self, self.tr("Save as PDF"),
                                          str(Path.home() / self._suggested),
                                          self.tr("PDF files (*.pdf)"))
        if target is None:
            return None
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            shutil.copyfile(self.path, target)
        except OSError as error:
            self.bar.show_error(self.tr("Cannot write %1: %2").replace("%1", str(target))
                                .replace("%2", error.strerror or str(error)))
            return None
        self.bar.show_success(self.tr("Saved as %1.").replace("%1", str(target)))
        return target

    def print_pages(self) -> None:
        """Print through the system's print dialog, each page drawn at printer resolution."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if self._pages_source is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        chooser = QPrintDialog(printer, self)
        if chooser.exec() != QDialog.DialogCode.Accepted:
            return
        painter = QPainter()
        if not painter.begin(printer):
            self.bar.show_error(self.tr("The printer could not be started."))
            return
        try:
            for index in range(self._pages_source.count):
                if index:
                    printer.newPage()
                area = painter.viewport()
                image = self._pages_source.render(index, int(8.27 * PRINT_DPI))
                scaled = image.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                      Qt.TransformationMode.SmoothTransformation)
                painter.drawImage(0, 0, scaled)
        finally:
            painter.end()
        self.bar.show_success(self.tr("Sent to the printer."))


def print_to_preview(owner: QWidget, runner: TaskRunner, bar: MessageBar, title: str,
                     file_name: str, make: Callable[[Path], object],
                     show: Callable[[QDialog], object]) -> None:
    """Make a PDF in a scratch folder off the UI thread (``make(path)``), then hand its preview
    to ``show``; the scratch folder goes when the preview closes or the making fails.  Every
    view prints this way (schedules, rosters, badges, directories, cards)."""
    folder = Path(tempfile.mkdtemp(prefix="clubhouse-print-"))
    path = folder / file_name
    bar.show_message(QCoreApplication.translate("PdfPreview", "Preparing %1…")
                     .replace("%1", title))

    def done(_result: object) -> None:
        bar.clear()
        preview = PdfPreviewDialog(path, title, file_name, parent=owner)
        preview.finished.connect(lambda _r: shutil.rmtree(folder, ignore_errors=True))
        show(preview)

    def failed(error: ClubhouseError) -> None:
        shutil.rmtree(folder, ignore_errors=True)
        bar.show_error(error.render())

    runner.run(lambda: file_errors(make, path), done, failed)
