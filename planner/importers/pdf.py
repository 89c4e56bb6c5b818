"""Import one page of a PDF plan, rendered with PDFium, as the background of a new level.

The page is rendered at a chosen resolution (default 150 dpi) and embedded as
PNG, so every background is an image the editor can draw. A drawing scale
(``1:100``) places it exactly, since the render resolution is known; two
calibration points (pixels of the rendered page) work as for images. Giant
pages are refused, and a render that would be too large is made at a lower
resolution (or refused when the resolution was asked for explicitly).
"""

from __future__ import annotations

import io
import math
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from planner.importers.raster import place_raster
from planner.importers.result import IMPORT_LIMITS, ImportResult, PlanImportError, add_background, read_source
from planner.model import Level, Project, Venue

__all__ = ["DEFAULT_DPI", "import_pdf", "pdf_page_count"]

#: Render resolution when none is given.
DEFAULT_DPI = 150.0
_MIN_DPI = 10.0


def _open(data: bytes, file: str) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        reason = str(exc)
        if "password" in reason.lower():
            raise PlanImportError(file, "the PDF is password-protected; save an unprotected copy") from None
        if getattr(exc, "err_code", None) == 0 or _declares_no_pages(data):
            # PDFium refuses a well-formed document without pages (its error code varies by version).
            raise PlanImportError(file, "the PDF has no pages") from None
        raise PlanImportError(file, f"not a readable PDF ({reason})") from None


def _declares_no_pages(data: bytes) -> bool:
    """True for a PDF whose page tree is empty (``/Count 0`` and no page object)."""
    return (data.startswith(b"%PDF") and re.search(rb"/Count\s+0\b", data) is not None
            and re.search(rb"/Type\s*/Page(?![s\w])", data) is None)


def pdf_page_count(source: str | Path) -> int:
    """Number of pages of a PDF (for a page chooser)."""
    path = Path(source)
    pdf = _open(read_source(path, "PDF"), str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def import_pdf(
    source: str | Path,
    *,
    page: int = 0,
    dpi: float | None = None,
    scale: str | float | None = None,
    calibrate: tuple[Sequence[float], Sequence[float], float] | None = None,
    name: str | None = None,
    level_name: str | None = None,
    **_: Any,
) -> ImportResult:
    """Import page ``page`` (0 = first) of a PDF as the background of a new one-level project.

    ``dpi`` is the render resolution; ``scale`` (``"1:100"``) or
    ``calibrate`` = ``((u1, v1), (u2, v2), metres)`` in rendered pixels set
    the scale. Without either the page is placed as a 1:100 drawing and the
    result says it is not calibrated.
    """
    path = Path(source)
    file = str(path)
    data = read_source(path, "PDF")
    if dpi is not None and (not math.isfinite(dpi) or not _MIN_DPI <= dpi <= 2400):
        raise PlanImportError(file, f"resolution {dpi:g} dpi is out of range ({_MIN_DPI:g} to 2400)")
    pdf = _open(data, file)
    notes: list[str] = []
    try:
        count = len(pdf)
        if count == 0:
            raise PlanImportError(file, "the PDF has no pages")
        if not 0 <= page < count:
            raise PlanImportError(file, f"page {page + 1} requested; the PDF has {count} page(s)")
        try:
            pdf_page = pdf[page]
        except pdfium.PdfiumError as exc:
            raise PlanImportError(file, f"damaged PDF: cannot read page {page + 1} ({exc})") from None
        try:
            width_pt, height_pt = pdf_page.get_size()
            if not (width_pt > 0 and height_pt > 0):
                raise PlanImportError(file, f"page {page + 1} has no size")
            if max(width_pt, height_pt) > IMPORT_LIMITS.pdf_page_pt:
                raise PlanImportError(
                    file,
                    f"page {page + 1} is {width_pt / 72 * 25.4 / 1000:.1f} x {height_pt / 72 * 25.4 / 1000:.1f} m: "
                    "larger than any PDF page may be",
                )
            render_dpi = DEFAULT_DPI if dpi is None else dpi
            pixels = (width_pt / 72 * render_dpi) * (height_pt / 72 * render_dpi)
            side = max(width_pt, height_pt) / 72 * render_dpi
            fit = min(math.sqrt(IMPORT_LIMITS.background_pixels / pixels), IMPORT_LIMITS.background_side / side)
            if fit < 1.0:
                best = math.floor(render_dpi * fit)
                if dpi is not None or best < _MIN_DPI:
                    raise PlanImportError(
                        file,
                        f"page {page + 1} ({width_pt / 72 * 25.4:.0f} x {height_pt / 72 * 25.4:.0f} mm) at "
                        f"{render_dpi:g} dpi would be {pixels / 1e6:.0f} megapixels (limit "
                        f"{IMPORT_LIMITS.background_pixels / 1e6:.0f}); use at most {best} dpi",
                    )
                notes.append(f"page {page + 1} is large: rendered at {best} dpi instead of {render_dpi:g}")
                render_dpi = float(best)
            try:
                bitmap = pdf_page.render(scale=render_dpi / 72.0, draw_annots=True)
                image = bitmap.to_pil()
            except pdfium.PdfiumError as exc:
                raise PlanImportError(file, f"cannot render page {page + 1}: {exc}") from None
        finally:
            pdf_page.close()
    finally:
        pdf.close()
    image.load()
    buf = io.BytesIO()
    image.save(buf, "PNG", compress_level=6)
    encoded, ext, transform, details, more, calibrated = place_raster(
        image, file=file, source_format="PNG", data=buf.getvalue(), dpi=render_dpi, scale=scale, calibrate=calibrate
    )
    notes.extend(more)
    details.update({"pages": count, "page": page, "page_size_pt": [width_pt, height_pt], "dpi": render_dpi})
    level = Level(id="L1", name=level_name or "1F")
    project = Project(venue=Venue(name=name if name is not None else path.stem), levels=[level])
    add_background(
        project, level, encoded, ext, transform,
        extra={"imported_from": path.name, "pdf_page": page, "dpi": render_dpi},
    )
    return ImportResult(project, source=file, kind="pdf", warnings=notes, units="m" if calibrated else None,
                        calibrated=calibrated, details=details)
