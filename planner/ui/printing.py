"""Print PDF documents (the notice signs) on a real printer through Qt.

The signs are made as PDF by :mod:`planner.output.signs`; each page is
rasterised with pdfium at the printer's resolution (at most
:data:`MAX_PRINT_DPI`) and painted on the :class:`QPrinter` page, centred and
scaled to fit inside the printable area without distortion. The page size
and orientation of each sheet are passed to the printer before its page.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from planner.model import Project

__all__ = ["MAX_PRINT_DPI", "print_pdf", "signs_pdf", "pdf_page_sizes"]

log = logging.getLogger(__name__)

#: Pages are rendered at the printer's resolution, but never finer than this.
MAX_PRINT_DPI = 300


def signs_pdf(project: Project, result: Any = None, *, paper: str | None = None) -> tuple[bytes, int]:
    """The notice signs as PDF bytes and their page count (placed signs, else the required ones)."""
    from planner.output.signs import signs_pdf_bytes

    if result is None:
        from planner.rules import check_project

        result = check_project(project)
    return signs_pdf_bytes(project, paper=paper, result=result)


def pdf_page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    """Width and height in points of every page of a PDF."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        return [(float(w), float(h)) for w, h in (document[i].get_size() for i in range(len(document)))]
    finally:
        document.close()


def _page_layout(width_pt: float, height_pt: float) -> QPageLayout:
    size = QPageSize(QSizeF(width_pt, height_pt), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = QPageLayout.Orientation.Landscape if width_pt > height_pt else QPageLayout.Orientation.Portrait
    if orientation == QPageLayout.Orientation.Landscape:
        size = QPageSize(QSizeF(height_pt, width_pt), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    return QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)


def print_pdf(pdf: bytes, printer: QPrinter, *, dpi: int | None = None) -> int:
    """Print every page of ``pdf`` on ``printer``; return the number of pages printed.

    Raises ``RuntimeError`` when the printer cannot be opened.
    """
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        count = len(document)
        if count == 0:
            return 0
        sizes = [document[i].get_size() for i in range(count)]
        printer.setFullPage(False)
        printer.setPageLayout(_page_layout(*sizes[0]))
        painter = QPainter()
        if not painter.begin(printer):
            raise RuntimeError(f"cannot print on {printer.printerName() or printer.outputFileName() or 'the printer'}")
        try:
            resolution = min(dpi or printer.resolution() or MAX_PRINT_DPI, MAX_PRINT_DPI)
            for index in range(count):
                if index:
                    printer.setPageLayout(_page_layout(*sizes[index]))
                    printer.newPage()
                page = document[index]
                bitmap = page.render(scale=resolution / 72.0)
                image = bitmap.to_pil().convert("RGB")
                data = image.tobytes("raw", "RGB")
                qimage = QImage(data, image.width, image.height, image.width * 3, QImage.Format.Format_RGB888)
                printable = printer.pageRect(QPrinter.Unit.DevicePixel)  # the painter's origin is its corner
                target = _fit(QRectF(qimage.rect()), QRectF(0, 0, printable.width(), printable.height()))
                painter.drawImage(target, qimage)
        finally:
            painter.end()
        return count
    finally:
        document.close()


def _fit(source: QRectF, area: QRectF) -> QRectF:
    """``source`` scaled to fit inside ``area`` (same aspect ratio), centred."""
    if source.isEmpty() or area.isEmpty():
        return area
    k = min(area.width() / source.width(), area.height() / source.height())
    w, h = source.width() * k, source.height() * k
    return QRectF(area.left() + (area.width() - w) / 2, area.top() + (area.height() - h) / 2, w, h)
