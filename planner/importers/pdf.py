"""Import one page of a PDF plan: its vector drawing as walls, doors and rooms, and its render as the background.

A plan exported from CAD keeps its lines: walls, door swings, room fills and
texts are read from them (:mod:`planner.importers.pdf_vector`), in metres at
the drawing's scale. The scale is the one given (``scale``, ``calibrate``),
else a scale text on the page (``1:100``), else an estimate from the door
swings, else 1:100; the last two are said in the warnings and leave the import
uncalibrated. A scanned plan (no line work) is a background only, and says so.

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

from planner.importers.calibrate import Transform, parse_scale, scale_transform, two_point_transform
from planner.importers.pdf_vector import (
    MAX_SEGMENTS,
    PageVectors,
    build_levels,
    estimated_scale,
    read_page,
    scale_texts,
    swing_radii_pt,
)
from planner.importers.raster import place_raster
from planner.importers.result import (
    IMPORT_LIMITS,
    ImportResult,
    PlanImportError,
    ReviewItem,
    add_background,
    read_source,
)
from planner.model import Level, Project, Venue
from planner.rules.pack import DEFAULT_RULE_PACK, load_rule_pack

__all__ = ["DEFAULT_DPI", "import_pdf", "pdf_page_count"]

_POINT_M = 0.0254 / 72.0

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
    layers: Sequence[str] | str | None = None,
    wall_layers: Sequence[str] | str | None = None,
    door_layers: Sequence[str] | str | None = None,
    ignore_layers: Sequence[str] | str | None = None,
    hotel: bool | None = None,
    render: bool = True,
    vectors: bool = True,
    **_: Any,
) -> ImportResult:
    """Import page ``page`` (0 = first) of a PDF as a new one-level project.

    ``dpi`` is the render resolution; ``scale`` (``"1:100"``) or
    ``calibrate`` = ``((u1, v1), (u2, v2), metres)`` in rendered pixels set
    the scale. Without either the scale is read from the page or estimated,
    and the result says so. ``wall_layers`` (or ``layers``), ``door_layers``
    and ``ignore_layers`` name the page's groups (as the summary lists them:
    ``line 0.50pt #000000``, ``fill #808080``, an optional content group's
    name) as for a DXF. ``vectors=False`` imports the page as a background
    only; ``render=False`` leaves the background out when the page has a
    vector drawing.
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
            drawing = None
            if vectors:
                try:
                    drawing = read_page(pdf_page)
                except Exception as exc:  # the background still stands without the vectors
                    notes.append(f"the vector drawing of page {page + 1} could not be read ({type(exc).__name__}):"
                                 " imported as a background only")
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
    has_drawing = drawing is not None and drawing.has_drawing
    used_scale, scale_calibrated = scale, True
    groups: dict[str, Any] = {"wall_layers": _patterns(wall_layers if wall_layers is not None else layers),
              "door_layers": _patterns(door_layers), "ignore_layers": _patterns(ignore_layers), "hotel": hotel}
    if has_drawing and drawing is not None and scale is None and calibrate is None:
        used_scale, scale_calibrated, said = _page_scale(drawing)
        if not scale_calibrated:  # the areas printed in the rooms may tell better than door swings or a guess
            from_areas = _scale_from_areas(drawing, used_scale, file, image.size[1], render_dpi, groups)
            if from_areas is not None:
                used_scale, said = from_areas[0], [from_areas[1]]
        notes.extend(said)
    elif drawing is not None and not has_drawing:
        notes.append(f"page {page + 1} has no vector line work (a scanned plan, {drawing.images} image(s)): imported "
                     "as a background only; draw the walls and rooms over it")
    buf = io.BytesIO()
    image.save(buf, "PNG", compress_level=6)
    encoded, ext, transform, details, more, calibrated = place_raster(
        image, file=file, source_format="PNG", data=buf.getvalue(), dpi=render_dpi, scale=used_scale,
        calibrate=calibrate
    )
    calibrated = calibrated and scale_calibrated
    notes.extend(more)
    details.update({"pages": count, "page": page, "page_size_pt": [width_pt, height_pt], "dpi": render_dpi})
    level = Level(id="L1", name=level_name or "1F")
    review: list[ReviewItem] = []
    unclassified: list[str] = []
    if has_drawing and drawing is not None:
        full = _full_transform(file, image.size[1], render_dpi, used_scale, calibrate)
        to_m, metres_per_point = _points_to_metres(full, drawing.size[1], render_dpi)
        built, more_details = build_levels(
            drawing, to_m, metres_per_point, level_name=level_name, notes=notes, review=review,
            unclassified_labels=unclassified, private_uses=load_rule_pack(DEFAULT_RULE_PACK).any_private_uses,
            **groups)
        details.update(more_details)
        details["metres_per_point"] = metres_per_point
        if drawing.truncated:
            notes.append(f"the page has more than {MAX_SEGMENTS:,} path segments: only the first were read")
        if not any(lv.walls for lv, _ in built):
            _say_what_was_missing(details.get("layers", []), notes)
    else:
        built = [(level, (0.0, 0.0))]
    project = Project(venue=Venue(name=name if name is not None else path.stem), levels=[lv for lv, _ in built])
    if render or not has_drawing:
        for lv, (dx, dy) in built:  # each floor over the page where it is drawn
            a, b, c, d, e, f = transform
            add_background(
                project, lv, encoded, ext, (a, b, c, d, e - dx, f - dy),
                extra={"imported_from": path.name, "pdf_page": page, "dpi": render_dpi},
            )
    return ImportResult(project, source=file, kind="pdf", warnings=notes, units="m" if calibrated else None,
                        calibrated=calibrated, details=details, review=review, unclassified_labels=unclassified)


def _page_scale(drawing: PageVectors) -> tuple[str, bool, list[str]]:
    """The drawing's scale from the page (a scale text, else the door swings, else assumed): ``1:N``, whether it
    counts as calibrated, and what to say about it."""
    written = scale_texts(drawing)
    estimate = estimated_scale(drawing)
    if written:
        value, text = written[0]
        others = ", ".join(f"1:{v:g}" for v, _ in written[1:4])
        said = [f"scale 1:{value:g} read from the page ({text!r})" + (f"; the page also says {others}" if others
                else "") + ": if the PDF was printed to fit the paper, give --scale or --calibrate"]
        radii = swing_radii_pt(drawing)
        if radii:
            door = float(sorted(radii)[len(radii) // 2]) * value * _POINT_M
            if not 0.6 <= door <= 1.3:
                said.append(f"at 1:{value:g} the door swings measure {door:.2f} m, not a door's 0.6-1.3 m: the page "
                            "is probably not at that scale; give --scale or --calibrate")
        return f"1:{value:g}", True, said
    if estimate is not None:
        value, n = estimate
        return f"1:{value:g}", False, [
            f"no drawing scale on the page or given: 1:{value:g} ESTIMATED from {n} door swings (taken as 0.9 m "
            "doors); measure a known length and import again with --scale 1:N or --calibrate"]
    return "1:100", False, [
        "no drawing scale on the page or given, and too few door swings or room areas to estimate one: imported "
        "at an ASSUMED 1:100; measure a known length and import again with --scale 1:N or --calibrate"]


#: An area printed in a room: ``12.5 m²``, ``A: 5.42 m2``, ``183 sq ft``, ``12.5㎡``.
_AREA_RE = re.compile(r"(\d+(?:[.,]\d+)?)\s*(m2|m²|㎡|sq\.?\s*ft|ft2|ft²|sf)\b", re.IGNORECASE)
_SQ_FT_M2 = 0.09290304
_PLAN_SCALES = (20, 25, 50, 75, 100, 125, 150, 200, 250, 300, 400, 500, 1000)


def _scale_from_areas(drawing: PageVectors, trial_scale: str, file: str, height_px: int, dpi: float,
                      groups: dict[str, Any]) -> tuple[str, str] | None:
    """A scale from the room areas printed on the plan: each printed area against the room found around it at
    ``trial_scale``. ``None`` unless at least two rooms agree (within 10 %)."""
    from shapely.geometry import Point, Polygon

    printed = []
    for t in drawing.texts:
        m = _AREA_RE.search(t.text)
        if m:
            value = float(m.group(1).replace(",", "."))
            printed.append((t, value * (_SQ_FT_M2 if "f" in m.group(2).lower() else 1.0)))
    if len(printed) < 2:
        return None
    full = _full_transform(file, height_px, dpi, trial_scale, None)
    to_m, metres_per_point = _points_to_metres(full, drawing.size[1], dpi)
    built, _ = build_levels(drawing, to_m, metres_per_point, level_name="trial", notes=[], review=[],
                            unclassified_labels=[], **groups)
    zones = [Polygon(z.polygon) for level, _ in built for z in level.zones]
    ratios = []
    for t, area in printed:
        pt = Point(to_m(t.point))
        around = [z for z in zones if z.contains(pt)]
        if around and area > 0:
            ratios.append(math.sqrt(area / min(around, key=lambda z: z.area).area))
    if len(ratios) < 2:
        return None
    ratios.sort()
    median = ratios[len(ratios) // 2]
    agree = [r for r in ratios if abs(r / median - 1.0) <= 0.1]
    if len(agree) < max(2, len(ratios) // 2):
        return None
    value = parse_scale(trial_scale) * sum(agree) / len(agree)
    near = min(_PLAN_SCALES, key=lambda v: abs(v / value - 1.0))
    rounded = abs(near / value - 1.0) <= 0.06
    value = float(near) if rounded else round(value, 1)
    how = ("rounded to the nearest usual scale: rooms found are not measured exactly as the areas printed"
           if rounded else "not a usual scale: the page may have been printed to fit the paper")
    return f"1:{value:g}", (
        f"no drawing scale on the page or given: 1:{value:g} ESTIMATED from the areas printed in {len(agree)} rooms "
        f"({how}); measure a known length and import again with --scale 1:N or --calibrate")


def _full_transform(file: str, height_px: int, dpi: float, scale: str | float | None,
                    calibrate: tuple[Sequence[float], Sequence[float], float] | None) -> Transform:
    """Rendered pixel -> plan metres, as :func:`place_raster` places the full-size render."""
    try:
        if calibrate is not None:
            p1, p2, dist = calibrate
            return two_point_transform(p1, p2, dist, height_px=height_px)
        return scale_transform(parse_scale(scale if scale is not None else 100.0), dpi, height_px=height_px)
    except ValueError as exc:
        raise PlanImportError(file, str(exc)) from None


def _points_to_metres(t: Transform, height_pt: float, dpi: float) -> tuple[Any, float]:
    """Page points (as shown, y up) -> plan metres through the rendered pixels, and metres per point."""
    k = dpi / 72.0
    a, b, c, d, e, f = t
    # u = x k, v = (H - y) k
    la, lb, lc, ld = a * k, b * k, -c * k, -d * k
    le, lf = e + c * height_pt * k, f + d * height_pt * k

    def to_m(p: Sequence[float]) -> tuple[float, float]:
        return (la * p[0] + lc * p[1] + le, lb * p[0] + ld * p[1] + lf)

    return to_m, math.sqrt(abs(la * ld - lb * lc))


def _patterns(value: Sequence[str] | str | None) -> list[str] | None:
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    return [p.strip() for p in items if p.strip()] or None


def _say_what_was_missing(table: Sequence[dict[str, Any]], notes: list[str]) -> None:
    busiest = sorted(table, key=lambda r: -int(r.get("entities", 0)))[:4]
    shown = ", ".join(f"{r['layer']!r} ({r['entities']})" for r in busiest)
    notes.append("no walls found in the vector drawing: tried thick lines, filled thin shapes and pairs of parallel "
                 "lines 50-500 mm apart in every group of lines. The groups with the most shapes are "
                 f"{shown}: import again with --wall-layers naming the group(s) the walls are drawn with "
                 "(and --ignore-layers for furniture), or trace the plan over its background in the editor")
