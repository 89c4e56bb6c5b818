"""Read the vector drawing of a PDF plan page: walls, doors, rooms and labels, as a DXF import finds them.

A plan exported from CAD keeps its lines as vector paths. :func:`read_page`
walks the page's objects with PDFium (form XObjects included, every
transformation applied) and returns them in page points, as the page is shown
(rotation and crop box applied, ``y`` upwards):

* straight pieces and filled outlines of every path, with the stroke width,
  colours and line cap;
* circular arcs drawn as Bézier curves (a door swing is a quarter circle);
* text objects, joined into runs (CJK characters drawn one by one included).

A PDF has no layers by name unless it carries optional content groups; the
paths are grouped by what they look like instead, one *group* per stroke width
and colour (``line 0.50pt #000000``) or fill colour (``fill #808080``), and by
optional content group name when there is one. :func:`build_level` classifies
the groups and hands what they hold to the DXF importer's level builder:

* filled thin shapes (poché walls) and thick strokes become walls: a stroke as
  wide as a wall at the drawing's scale is the wall's body, a heavy pen whose
  lines face each other 50-500 mm apart draws the wall's faces; both end as
  centre-lines with a thickness (:func:`planner.importers.dxf_walls.pair_walls`);
* thin groups whose lines mostly face each other 50-500 mm apart are wall faces too;
* quarter arcs with a leaf line are doors by the same shape rules as in a DXF;
* light filled areas of room size are room outlines; texts name the rooms.

The drawing's scale comes from the caller (an option, a scale text on the page
such as ``1:100``, an estimate from the door swings, or an assumption the
import says it made); :func:`scale_texts` and :func:`swing_radii_pt` give the evidence.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import shapely
import shapely.affinity
from shapely.geometry import LineString, Point, Polygon

from planner.importers.dxf import (
    _FLOOR_RE,
    _IGNORED_LAYER_RE,
    WALL_LAYER_RE,
    _build_level,
    _Collected,
    _Floor,
    _floor_order,
    _floor_title,
    _floors,
    _Label,
    _layer_table,
    _matches,
    _subset,
)
from planner.importers.dxf_walls import MAX_WALL_GAP_M, MIN_WALL_GAP_M, _pair_straight
from planner.importers.labels import clean_label, is_hotel_label
from planner.importers.repair import repair_level
from planner.importers.result import ReviewItem
from planner.model import Level

__all__ = [
    "PageVectors",
    "VectorPath",
    "VectorText",
    "build_levels",
    "read_page",
    "scale_texts",
    "swing_radii_pt",
]

Pt = tuple[float, float]
Matrix = tuple[float, float, float, float, float, float]

#: Most path segments read from one page; a page with more is read that far and says so.
MAX_SEGMENTS = 3_000_000
#: Most text characters read from one page.
MAX_CHARS = 500_000
_BEZIER_STEPS = 8
_POINTS_TO_M = 0.0254 / 72.0
#: Drawing scales a plan is printed at (for the estimate from door swings).
_PLAN_SCALES = (20, 25, 50, 75, 100, 125, 150, 200, 250, 300, 400, 500, 1000)
_SCALE_TEXT_RE = re.compile(r"(?<![\d.:/])1\s*[:：]\s*(\d{1,4}(?:\.\d+)?)(?![\d.:])")
#: Texts that are measures, not names: dimensions, areas, levels (a room number of 3 to 5 digits stays).
_MEASURE_RE = re.compile(
    r"^(?!\d{3,5}$)(?:[a-z]{1,2}\s*[:=]\s*)?[\d\s.,:;=+\-–/()'\"x×#±%]*"
    r"(?:m|mm|cm|m2|m²|㎡|sq\.? ?ft|ft|in)?[\d\s.,'\"]*$", re.IGNORECASE)
#: Wall layer names (optional content groups) beyond those a DXF's layers are known by.
_MORE_WALL_NAMES_RE = re.compile(r"(?<![a-z])zid|(?<![a-z])zed|stena|[sś]ciana|muur|parede|seina", re.IGNORECASE)
#: Layer names (optional content groups) of dimensions and levels beyond those a DXF's layers are known by.
_MORE_IGNORED_RE = re.compile(r"(?<![a-z])kot[ae]|cotation|(?<![a-z])cota|bema(?:ß|ss)ung|(?<![a-z])mere",
                              re.IGNORECASE)
_CJK_RE = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


@dataclass
class VectorPath:
    """One path object in page points (as displayed, ``y`` up)."""

    #: every subpath flattened (arcs included): points and whether it is closed
    rings: list[tuple[list[Pt], bool]]
    #: the straight runs between arcs (for lines: walls faces, door leaves)
    pieces: list[list[Pt]]
    #: circular arcs: centre, radius, start and end degrees counter-clockwise
    arcs: list[tuple[Pt, float, float, float]]
    stroke: bool
    fill: bool
    width: float
    colour: str
    fill_colour: str
    cap: int
    ocg: str | None = None

    @property
    def group(self) -> str:
        style = f"fill #{self.fill_colour}" if self.fill else f"line {self.width:.2f}pt #{self.colour}"
        return f"{self.ocg} / {style}" if self.ocg else style


@dataclass
class VectorText:
    """A run of text: its characters, the centre of its box (page points), its size (points)."""

    text: str
    point: Pt
    size: float
    ocg: str | None = None

    @property
    def group(self) -> str:
        return self.ocg or "text"


@dataclass
class PageVectors:
    """What a page draws: paths, texts, image count, page size as shown (points)."""

    paths: list[VectorPath] = field(default_factory=list)
    texts: list[VectorText] = field(default_factory=list)
    images: int = 0
    segments: int = 0
    truncated: bool = False
    size: Pt = (0.0, 0.0)

    @property
    def has_drawing(self) -> bool:
        """True when the page has line work a plan could be read from (not a scan with a few marks)."""
        return self.segments >= 20


# -- reading the page ---------------------------------------------------------------------------------


def _mul(p: Matrix, q: Matrix) -> Matrix:
    """``p`` after ``q``."""
    a, b, c, d, e, f = q
    pa, pb, pc, pd, pe, pf = p
    return (pa * a + pc * b, pb * a + pd * b, pa * c + pc * d, pb * c + pd * d,
            pa * e + pc * f + pe, pb * e + pd * f + pf)


def _apply(m: Matrix, x: float, y: float) -> Pt:
    return (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])


def _display_matrix(page: pdfium.PdfPage) -> tuple[Matrix, Pt]:
    """Page user space -> points as the page is shown (crop box, rotation), and the shown size."""
    x0, y0, x1, y1 = page.get_cropbox()
    rotation = page.get_rotation() % 360
    w, h = x1 - x0, y1 - y0
    if rotation == 90:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1), (h, w)
    if rotation == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1), (w, h)
    if rotation == 270:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0), (h, w)
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0), (w, h)


def _matrix(obj: Any) -> Matrix:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _colour(getter: Callable[..., int], obj: Any) -> str:
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    if not getter(obj, r, g, b, a):
        return "000000"
    return f"{r.value:02x}{g.value:02x}{b.value:02x}"


def _ocg_name(obj: Any) -> str | None:
    """The name of the optional content group (a CAD layer) an object is drawn in, if any."""
    count = pdfium_c.FPDFPageObj_CountMarks(obj)
    for k in range(count):
        mark = pdfium_c.FPDFPageObj_GetMark(obj, k)
        if not mark:
            continue
        size = ctypes.c_ulong()
        buf = ctypes.create_string_buffer(256)
        wide = ctypes.cast(buf, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
        if not pdfium_c.FPDFPageObjMark_GetName(mark, wide, 256, size) or size.value < 2:
            continue
        if buf.raw[:size.value].decode("utf-16-le", "replace").rstrip("\x00") != "OC":
            continue
        if pdfium_c.FPDFPageObjMark_GetParamStringValue(mark, b"Name", wide, 256, size) and size.value > 2:
            name = buf.raw[:min(size.value, 256)].decode("utf-16-le", "replace").rstrip("\x00").strip()
            if name:
                return name
    return None


class _Walker:
    def __init__(self, page: pdfium.PdfPage) -> None:
        self.page = page
        self.display, size = _display_matrix(page)
        self.out = PageVectors(size=size)
        self.textpage = pdfium_c.FPDFText_LoadPage(page.raw)
        self.chars: list[tuple[str, Pt, float, float, float, str | None]] = []  # text, centre, size, x0, x1

    def close(self) -> None:
        if self.textpage:
            pdfium_c.FPDFText_ClosePage(self.textpage)

    def walk(self, parent: Matrix, get: Callable[[int], Any], count: int, depth: int = 0) -> None:
        for k in range(count):
            if self.out.truncated:
                return
            obj = get(k)
            if not obj:
                continue
            kind = pdfium_c.FPDFPageObj_GetType(obj)
            if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                self._path(obj, _mul(parent, _matrix(obj)))
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                self.out.images += 1
            elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 12:
                inner = _mul(parent, _matrix(obj))

                def child(i: int, form: Any = obj) -> Any:
                    return pdfium_c.FPDFFormObj_GetObject(form, i)

                self.walk(inner, child, pdfium_c.FPDFFormObj_CountObjects(obj), depth + 1)

    def _path(self, obj: Any, m: Matrix) -> None:
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        if not pdfium_c.FPDFPath_GetDrawMode(obj, fill_mode, stroke):
            return
        fills, strokes = fill_mode.value != 0, bool(stroke.value)
        if not (fills or strokes):
            return  # a clipping path
        n = pdfium_c.FPDFPath_CountSegments(obj)
        if n <= 0:
            return
        self.out.segments += n
        if self.out.segments > MAX_SEGMENTS:
            self.out.truncated = True
            return
        x, y = ctypes.c_float(), ctypes.c_float()
        raw: list[tuple[int, float, float, bool]] = []
        for i in range(n):
            seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
            pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
            px, py = _apply(m, x.value, y.value)
            raw.append((pdfium_c.FPDFPathSegment_GetType(seg), px, py, bool(pdfium_c.FPDFPathSegment_GetClose(seg))))
        rings, pieces, arcs = _subpaths(raw)
        width = ctypes.c_float()
        pdfium_c.FPDFPageObj_GetStrokeWidth(obj, width)
        det = abs(m[0] * m[3] - m[1] * m[2])
        eff = max(float(width.value), 0.0) * math.sqrt(det)
        self.out.paths.append(VectorPath(
            rings=rings, pieces=pieces, arcs=arcs, stroke=strokes, fill=fills, width=round(eff, 2),
            colour=_colour(pdfium_c.FPDFPageObj_GetStrokeColor, obj),
            fill_colour=_colour(pdfium_c.FPDFPageObj_GetFillColor, obj),
            cap=int(pdfium_c.FPDFPageObj_GetLineCap(obj)), ocg=_ocg_name(obj)))

    def read_text(self) -> None:
        """Every character of the page's text layer with its box (PDFium's text page: one glyph per object too)."""
        tp = self.textpage
        if not tp:
            return
        n = pdfium_c.FPDFText_CountChars(tp)
        loose = getattr(pdfium_c, "FPDFText_GetLooseCharBox", None)
        owner = getattr(pdfium_c, "FPDFText_GetTextObject", None)
        groups: dict[int, str | None] = {}
        rect = pdfium_c.FS_RECTF() if loose is not None else None
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))
        for i in range(min(n, MAX_CHARS)):
            if pdfium_c.FPDFText_IsGenerated(tp, i) == 1:
                continue
            code = pdfium_c.FPDFText_GetUnicode(tp, i)
            if code in (0, 0xFFFE, 0xFFFF) or chr(code).isspace():
                continue
            if loose is not None and rect is not None and loose(tp, i, rect):
                x0, x1, y0, y1 = rect.left, rect.right, min(rect.bottom, rect.top), max(rect.bottom, rect.top)
            elif pdfium_c.FPDFText_GetCharBox(tp, i, left, right, bottom, top):
                x0, x1, y0, y1 = left.value, right.value, bottom.value, top.value
            else:
                continue
            corners = [_apply(self.display, px, py) for px in (x0, x1) for py in (y0, y1)]
            xs, ys = [p[0] for p in corners], [p[1] for p in corners]
            ocg = None
            if owner is not None:
                obj = owner(tp, i)
                key = ctypes.cast(obj, ctypes.c_void_p).value or 0
                if key not in groups:
                    groups[key] = _ocg_name(obj) if obj else None
                ocg = groups[key]
            size = max(max(ys) - min(ys), 0.1)
            self.chars.append((chr(code), ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2), size, min(xs),
                               max(xs), ocg))


def _bezier(p0: Pt, p1: Pt, p2: Pt, p3: Pt, steps: int = _BEZIER_STEPS) -> list[Pt]:
    out = []
    for k in range(1, steps + 1):
        t = k / steps
        s = 1 - t
        out.append((s**3 * p0[0] + 3 * s * s * t * p1[0] + 3 * s * t * t * p2[0] + t**3 * p3[0],
                    s**3 * p0[1] + 3 * s * s * t * p1[1] + 3 * s * t * t * p2[1] + t**3 * p3[1]))
    return out


def bezier_arc(p0: Pt, p1: Pt, p2: Pt, p3: Pt) -> tuple[Pt, float, float, float] | None:
    """The circular arc a cubic Bézier draws (centre, radius, start and end degrees counter-clockwise), or None.

    >>> k = 0.5523 * 10
    >>> c, r, a0, a1 = bezier_arc((10, 0), (10, k), (k, 10), (0, 10))
    >>> [round(v, 2) for v in (*c, r, a0, a1)]
    [0.0, 0.0, 10.0, 0.0, 90.0]
    >>> bezier_arc((0, 0), (1, 0), (2, 0), (3, 0)) is None
    True
    """
    t0 = (p1[0] - p0[0], p1[1] - p0[1])
    t1 = (p3[0] - p2[0], p3[1] - p2[1])
    if math.hypot(*t0) < 1e-9 or math.hypot(*t1) < 1e-9:
        return None
    # the centre lies on both normals: p0 + s * n0 = p3 + u * n1
    n0 = (-t0[1], t0[0])
    n1 = (-t1[1], t1[0])
    den = n0[0] * n1[1] - n0[1] * n1[0]
    if abs(den) < 1e-9 * math.hypot(*n0) * math.hypot(*n1):
        return None
    dx, dy = p3[0] - p0[0], p3[1] - p0[1]
    s = (dx * n1[1] - dy * n1[0]) / den
    c = (p0[0] + s * n0[0], p0[1] + s * n0[1])
    r0, r3 = math.dist(c, p0), math.dist(c, p3)
    if r0 < 1e-6 or abs(r0 - r3) > 0.02 * r0:
        return None
    mid = _bezier(p0, p1, p2, p3, 2)[0]
    r = (r0 + r3) / 2
    if abs(math.dist(c, mid) - r) > 0.02 * r:
        return None
    a0 = math.degrees(math.atan2(p0[1] - c[1], p0[0] - c[0]))
    a3 = math.degrees(math.atan2(p3[1] - c[1], p3[0] - c[0]))
    ccw = (p0[0] - c[0]) * t0[1] - (p0[1] - c[1]) * t0[0] > 0
    sweep = (a3 - a0) % 360.0 if ccw else (a0 - a3) % 360.0
    if not 1.0 <= sweep <= 181.0:
        return None
    start = a0 if ccw else a3
    return c, r, start, start + sweep


def _subpaths(raw: Sequence[tuple[int, float, float, bool]]
              ) -> tuple[list[tuple[list[Pt], bool]], list[list[Pt]], list[tuple[Pt, float, float, float]]]:
    """Flattened subpaths, the straight runs between arcs, and the arcs of one path's segments."""
    rings: list[tuple[list[Pt], bool]] = []
    pieces: list[list[Pt]] = []
    arcs: list[tuple[Pt, float, float, float]] = []
    ring: list[Pt] = []
    piece: list[Pt] = []
    start: Pt | None = None

    def end(closed: bool) -> None:
        nonlocal ring, piece
        if closed and ring and start is not None and ring[-1] != start:
            ring.append(start)
            piece.append(start)
        if len(ring) >= 2:
            rings.append((ring, closed))
        if len(piece) >= 2:
            pieces.append(piece)
        ring, piece = [], []

    i = 0
    while i < len(raw):
        kind, x, y, close = raw[i]
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            end(False)
            start = (x, y)
            ring, piece = [start], [start]
        elif kind == pdfium_c.FPDF_SEGMENT_LINETO:
            if not ring:
                ring, piece = [(x, y)], [(x, y)]
                start = (x, y)
            else:
                ring.append((x, y))
                piece.append((x, y))
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO and i + 2 < len(raw) and ring:
            p0 = ring[-1]
            p1, p2, p3 = (raw[i][1], raw[i][2]), (raw[i + 1][1], raw[i + 1][2]), (raw[i + 2][1], raw[i + 2][2])
            close = raw[i + 2][3]
            i += 2
            arc = bezier_arc(p0, p1, p2, p3)
            ring.extend(_bezier(p0, p1, p2, p3))
            if arc is None:
                piece.extend(_bezier(p0, p1, p2, p3))
            else:
                _add_arc(arcs, arc)
                if len(piece) >= 2:
                    pieces.append(piece)
                piece = [p3]
        if close:
            end(True)
        i += 1
    end(False)
    return rings, pieces, arcs


def _add_arc(arcs: list[tuple[Pt, float, float, float]], arc: tuple[Pt, float, float, float]) -> None:
    """Append an arc, joining it to the previous one when they continue each other (one circle, touching ends)."""
    if arcs:
        c, r, a0, a1 = arcs[-1]
        d, s, b0, b1 = arc
        if math.dist(c, d) <= 0.02 * r and abs(r - s) <= 0.02 * r:
            if abs((a1 - b0 + 180) % 360 - 180) < 1.0:
                arcs[-1] = (c, r, a0, a0 + (a1 - a0) + (b1 - b0))
                return
            if abs((b1 - a0 + 180) % 360 - 180) < 1.0:
                arcs[-1] = (c, r, b0, b0 + (b1 - b0) + (a1 - a0))
                return
    arcs.append(arc)


def _runs(chars: list[tuple[str, Pt, float, float, float, str | None]]) -> list[VectorText]:
    """Text objects joined into runs: each character continues the run whose last character ends just left of
    it on about the same baseline (compared with that character, so slightly slanted text stays one run)."""
    order = sorted(range(len(chars)), key=lambda k: chars[k][3])
    out: list[list[Any]] = []  # text, x0, x1, y of the last char, size, ocg, ys
    open_by_row: dict[int, list[int]] = {}  # row (2 points) -> runs that may continue there
    for k in order:
        text, (_cx, cy), size, x0, x1, ocg = chars[k]
        bucket = int(cy // 2)  # rows of 2 points
        reach = int(0.3 * size // 2) + 1
        best: int | None = None
        for b in range(bucket - reach, bucket + reach + 1):
            for r in open_by_row.get(b, ()):
                run = out[r]
                if (run[5] == ocg and abs(run[3] - cy) <= 0.3 * size and abs(run[4] - size) <= 0.3 * size
                        and -0.3 * size <= x0 - run[2] <= 0.6 * size
                        and (best is None or abs(out[best][3] - cy) > abs(run[3] - cy))):
                    best = r
        if best is not None:
            run = out[best]
            cjk = _CJK_RE.search(run[0][-1:]) or _CJK_RE.search(text[:1])
            run[0] += "" if cjk or x0 - run[2] < 0.15 * size else " "
            run[0] += text
            run[2] = max(run[2], x1)
            old = int(run[3] // 2)
            run[3] = cy
            run[6].append(cy)
            new = int(cy // 2)
            if new != old:
                open_by_row[old].remove(best)
                open_by_row.setdefault(new, []).append(best)
        else:
            out.append([text, x0, x1, cy, size, ocg, [cy]])
            open_by_row.setdefault(bucket, []).append(len(out) - 1)
    runs = [VectorText(" ".join(r[0].split()), ((r[1] + r[2]) / 2, sum(r[6]) / len(r[6])), r[4], r[5]) for r in out]
    # single CJK characters written one under the other (a label in a narrow room)
    singles = sorted((t for t in runs if len(t.text) == 1 and _CJK_RE.match(t.text)),
                     key=lambda t: (round(t.point[0] / max(t.size, 0.1)), -t.point[1]))
    columns: list[list[VectorText]] = []
    for t in singles:
        above = columns[-1][-1] if columns else None
        if (above is not None and abs(above.point[0] - t.point[0]) <= 0.3 * t.size and above.ocg == t.ocg
                and 0 < above.point[1] - t.point[1] <= 1.6 * t.size):
            columns[-1].append(t)
        else:
            columns.append([t])
    merged = [VectorText("".join(t.text for t in col), (col[0].point[0], sum(t.point[1] for t in col) / len(col)),
                         col[0].size, col[0].ocg) for col in columns]
    return [t for t in runs if not (len(t.text) == 1 and _CJK_RE.match(t.text))] + merged


def read_page(page: pdfium.PdfPage) -> PageVectors:
    """Every path and text of a page, in points as the page is shown (see the module docstring)."""
    walker = _Walker(page)
    try:
        walker.walk(walker.display, lambda i: pdfium_c.FPDFPage_GetObject(page.raw, i),
                    pdfium_c.FPDFPage_CountObjects(page.raw))
        walker.read_text()
    finally:
        walker.close()
    out = walker.out
    out.texts = _runs(walker.chars)
    return out


# -- scale evidence ---------------------------------------------------------------------------------


def scale_texts(vectors: PageVectors) -> list[tuple[float, str]]:
    """Drawing scales written on the page (``1:100``, ``比例 1:50``): denominator and the text, most frequent first.

    >>> v = PageVectors(texts=[VectorText("PLAN 1:100", (0, 0), 5), VectorText("DETAIL 1:20", (0, 0), 5),
    ...                        VectorText("SCALE 1:100", (0, 0), 5), VectorText("12:30", (0, 0), 5)])
    >>> scale_texts(v)
    [(100.0, 'PLAN 1:100'), (20.0, 'DETAIL 1:20')]
    """
    found: dict[float, list[str]] = {}
    for t in vectors.texts:
        for m in _SCALE_TEXT_RE.finditer(t.text):
            value = float(m.group(1))
            if 10 <= value <= 2000:
                found.setdefault(value, []).append(t.text)
    return [(value, texts[0]) for value, texts in sorted(found.items(), key=lambda kv: -len(kv[1]))]


def swing_radii_pt(vectors: PageVectors) -> list[float]:
    """Radii (points) of the quarter arcs on the page with a straight line starting or ending at their centre."""
    ends = [q for path in vectors.paths for p in path.pieces for q in (p[0], p[-1])]
    if not ends:
        return []
    pts = np.array(ends, dtype=float)
    out = []
    for path in vectors.paths:
        for c, r, a0, a1 in path.arcs:
            if 80.0 <= a1 - a0 <= 100.0 and (np.hypot(pts[:, 0] - c[0], pts[:, 1] - c[1]) <= 0.1 * r).any():
                out.append(r)
    return out


def estimated_scale(vectors: PageVectors) -> tuple[float, int] | None:
    """A plan scale from the door swings (a door leaf is about 0.9 m): denominator and how many swings agree."""
    radii = swing_radii_pt(vectors)
    if len(radii) < 2:
        return None
    median = float(np.median(radii))
    agree = [r for r in radii if abs(r - median) <= 0.25 * median]
    if len(agree) < 2:
        return None
    raw = 0.9 / (median * _POINTS_TO_M)
    best = min(_PLAN_SCALES, key=lambda s: abs(math.log(s / raw)))
    if abs(math.log(best / raw)) > math.log(1.35):
        return None
    return float(best), len(agree)


# -- building the level -----------------------------------------------------------------------------


@dataclass
class _Group:
    name: str
    paths: list[VectorPath] = field(default_factory=list)
    role: str = "lines"  # walls (faces) | bodies | poche | rooms | lines | ignored | frame
    why: str = ""


def _weighted_quantile(values: Sequence[float], weights: Sequence[float], q: float) -> float:
    order = np.argsort(values)
    v = np.asarray(values, dtype=float)[order]
    w = np.asarray(weights, dtype=float)[order]
    cum = np.cumsum(w)
    if cum[-1] <= 0:
        return float(v[len(v) // 2])
    return float(v[int(np.searchsorted(cum, q * cum[-1]))])


def _length(pts: Sequence[Pt]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(pts))


def _paired_fraction(segments: list[tuple[Pt, Pt, str]]) -> tuple[float, float]:
    """How much of these lines (metres) faces another line 50-500 mm away: fraction and paired length."""
    total = sum(math.dist(a, b) for a, b, _ in segments)
    if total <= 0:
        return 0.0, 0.0
    walls, _rest = _pair_straight([(a, b, layer, k) for k, (a, b, layer) in enumerate(segments)],
                                  MIN_WALL_GAP_M, MAX_WALL_GAP_M)
    paired = sum(_length(w.path) for w in walls)
    return min(1.0, 2 * paired / total), paired


def _polygon(rings: Sequence[tuple[list[Pt], bool]]) -> Any:
    """The filled area of a path's subpaths (even-odd: holes cut out)."""
    area = None
    for pts, _closed in rings:
        if len(pts) < 3:
            continue
        poly = Polygon(pts)
        if not poly.is_valid:
            poly = shapely.make_valid(poly)
        if poly.is_empty or poly.area <= 0:
            continue
        area = poly if area is None else area.symmetric_difference(poly)
    return area


def build_levels(
    vectors: PageVectors,
    to_m: Callable[[Pt], Pt],
    metres_per_point: float,
    *,
    level_name: str | None = None,
    wall_layers: Sequence[str] | None = None,
    door_layers: Sequence[str] | None = None,
    ignore_layers: Sequence[str] | None = None,
    hotel: bool | None = None,
    wall_thickness_m: float = 0.05,
    notes: list[str],
    review: list[ReviewItem],
    unclassified_labels: list[str],
    private_uses: frozenset[str] = frozenset(),
) -> tuple[list[tuple[Level, Pt]], dict[str, Any]]:
    """Levels with walls, doors, rooms and labels from a page's vectors, each with the shift (metres) that laid
    it over the first; and details for the import result.

    ``to_m`` maps page points (as shown) to plan metres (a similarity);
    ``metres_per_point`` is its scale. Group names work as layer names for
    ``wall_layers``, ``door_layers`` and ``ignore_layers`` (fnmatch patterns).
    Floors drawn side by side and named (``1F``, ``二层平面图``, ``2nd Floor``)
    become levels, unless ``level_name`` names the one level.
    """
    w_page, h_page = vectors.size
    groups: dict[str, _Group] = {}
    frames = 0
    for path in vectors.paths:
        pts = [p for ring, _ in path.rings for p in ring]
        if not pts:
            continue
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        group = groups.setdefault(path.group, _Group(path.group))
        if (max(xs) - min(xs) > 0.85 * w_page or max(ys) - min(ys) > 0.85 * h_page) and not path.ocg:
            frames += 1  # a page frame, a title block border, a background fill
            continue
        group.paths.append(path)
    got = _Collected()
    got.layer_entities = dict(Counter(path.group for path in vectors.paths))
    for t in vectors.texts:
        got.layer_entities[t.group] = got.layer_entities.get(t.group, 0) + 1

    def arc_m(arc: tuple[Pt, float, float, float], layer: str) -> tuple[Pt, float, float, float, str]:
        c, r, a0, a1 = arc
        cm = to_m(c)
        e0 = to_m((c[0] + r * math.cos(math.radians(a0)), c[1] + r * math.sin(math.radians(a0))))
        start = math.degrees(math.atan2(e0[1] - cm[1], e0[0] - cm[0]))
        return cm, r * metres_per_point, start, start + (a1 - a0), layer

    # 1. the role of each group
    stroked = [(p.width, sum(_length(pc) for pc in p.pieces)
                + sum(r * math.radians(a1 - a0) for _, r, a0, a1 in p.arcs))
               for g in groups.values() for p in g.paths if p.stroke and not p.fill]
    # the page's thin pen: the thinnest width that draws at least 5 % of the line work
    ref = _weighted_quantile([max(w, 0.1) for w, _ in stroked], [n for _, n in stroked], 0.05) if stroked else 0.0
    page_area = w_page * h_page * metres_per_point**2
    def named_wall_layer(g: _Group) -> bool:
        ocg = g.paths[0].ocg if g.paths else None
        return bool(ocg and (WALL_LAYER_RE.search(ocg) or _MORE_WALL_NAMES_RE.search(ocg)))

    any_named = not wall_layers and any(named_wall_layer(g) for g in groups.values())
    heaviest: dict[str, float] = {}  # per optional content group: its heaviest pen
    for g in groups.values():
        for p in g.paths:
            if p.ocg and p.stroke and not p.fill:
                heaviest[p.ocg] = max(heaviest.get(p.ocg, 0.0), p.width)
    for g in groups.values():
        if ignore_layers and _matches(g.name, ignore_layers):
            g.role, g.why = "ignored", "ignored by choice"
            continue
        if not g.paths:
            continue
        chosen = bool(wall_layers and _matches(g.name, wall_layers))
        named = not wall_layers and named_wall_layer(g)
        fills = [p for p in g.paths if p.fill]
        if fills and len(fills) >= len(g.paths) / 2:
            area = perimeter = long_area = 0.0
            room_like = 0
            for p in fills:
                poly = _polygon([([to_m(q) for q in ring], c) for ring, c in p.rings])
                if poly is None or poly.area < 0.01:
                    continue
                area += poly.area
                perimeter += poly.length
                if poly.length / 2 >= 4 * (2 * poly.area / poly.length):  # long and thin, not a dot or a tile
                    long_area += poly.area
                if poly.area >= 1.5 and poly.area < 0.5 * page_area:
                    room_like += 1
            width = 2 * area / perimeter if perimeter else 0.0
            light = _luminance(fills[0].fill_colour)
            if chosen or (named and light < 0.97) or (
                    not any_named and not wall_layers and 0.04 <= width <= 0.6 and perimeter / 2 >= 2.0
                    and long_area >= 0.5 * area and light < 0.97):
                g.role, g.why = "poche", f"filled shapes {width * 1000:.0f} mm wide"
            elif room_like and light >= 0.6 and light < 0.97 and not wall_layers:
                g.role, g.why = "rooms", "light filled areas"
            continue
        segs = [(to_m(a), to_m(b), g.name) for p in g.paths if p.stroke for pc in p.pieces
                for a, b in itertools.pairwise(pc) if a != b]
        width = g.paths[0].width
        if _luminance(g.paths[0].colour) >= 0.97 and not chosen:
            continue  # white lines mask what is under them (gaps, text backgrounds)
        if named:  # the wall layer's heavy pens draw the walls; its hairlines are hatching
            named = width >= 0.6 * heaviest.get(g.paths[0].ocg or "", 0.0) and width > 0
        thick = not any_named and not wall_layers and ref > 0 and max(width, 0.1) >= max(1.8 * ref, ref + 0.2)
        if chosen or named or thick:
            frac, _paired = _paired_fraction(segs) if segs else (0.0, 0.0)
            width_m = width * metres_per_point
            if frac < 0.3 and 0.05 <= width_m <= 0.6:
                g.role, g.why = "bodies", f"strokes {width_m * 1000:.0f} mm wide"
            else:
                g.role, g.why = "walls", ("chosen as walls" if chosen else "wall layer by name" if named
                                          else "heavy lines")
            continue
        if wall_layers or any_named:
            continue
        frac, paired = _paired_fraction(segs) if segs else (0.0, 0.0)
        if frac >= 0.6 and paired >= 3.0:
            g.role, g.why = "walls", f"{frac:.0%} of its lines face another 50-500 mm away"

    # 2. what each group holds, in metres
    bodies: dict[str, Any] = {}  # strokes as wide as walls: one outline for all, so that walls meet cleanly
    for g in groups.values():
        if g.role == "ignored":
            continue
        if g.role == "bodies":
            shapes = []
            for p in g.paths:
                cap = ("flat", "round", "square")[p.cap if p.cap in (0, 1, 2) else 0]
                half = p.width * metres_per_point / 2
                lines = [LineString([to_m(q) for q in pc]) for pc in p.pieces if len(pc) >= 2]
                lines += [LineString([to_m(q) for q in _arc_points(a)]) for a in p.arcs]
                if lines:
                    shapes.append(shapely.union_all(shapely.buffer(np.array(lines, dtype=object), half,
                                                                   cap_style=cap, join_style="mitre")))
            if shapes:
                bodies[g.name] = shapely.union_all(shapes)
            got.layers_used.add(g.name)
        elif g.role == "poche":
            for p in g.paths:
                for ring, _closed in p.rings:
                    if len(ring) >= 3:
                        pts = [to_m(q) for q in ring]
                        if pts[0] != pts[-1]:
                            pts.append(pts[0])
                        got.walls.append((pts, _column_like(pts), g.name))
            got.layers_used.add(g.name)
        elif g.role == "walls":
            for p in g.paths:
                for pc in p.pieces:
                    pts = [to_m(q) for q in pc]
                    got.walls.append((pts, len(pc) > 3 and pc[0] == pc[-1] and _column_like(pts), g.name))
                got.wall_arcs.extend(arc_m(a, g.name) for a in p.arcs)
            got.layers_used.add(g.name)
        elif g.role == "rooms":
            for p in g.paths:
                poly = _polygon([([to_m(q) for q in ring], c) for ring, c in p.rings])
                for part in shapely.get_parts(poly) if poly is not None else []:
                    if part.geom_type == "Polygon" and part.area < 0.5 * page_area:
                        got.rooms.append((Polygon(part.exterior.coords), g.name))
        else:
            for p in g.paths:
                got.lines.extend(([to_m(q) for q in pc], g.name) for pc in p.pieces)
        for p in g.paths:
            got.arcs.extend(arc_m(a, g.name) for a in p.arcs)

    if bodies:
        names = list(bodies)
        for part in shapely.get_parts(shapely.union_all(list(bodies.values()))):
            name = max(names, key=lambda n: bodies[n].intersection(part).area)
            for ring in [part.exterior, *part.interiors]:
                pts = [(float(x), float(y)) for x, y in ring.coords]
                got.walls.append((pts, _column_like(pts), name))

    # 3. labels (not from wall, dimension, furniture, services ... layers, when the PDF names its layers)
    for t in vectors.texts:
        if ignore_layers and _matches(t.group, ignore_layers):
            continue
        if t.ocg and (WALL_LAYER_RE.search(t.ocg) or _MORE_WALL_NAMES_RE.search(t.ocg)
                      or _IGNORED_LAYER_RE.search(t.ocg) or _MORE_IGNORED_RE.search(t.ocg)):
            continue
        text = clean_label(t.text)
        if not text or _SCALE_TEXT_RE.search(text) or _MEASURE_RE.match(text):
            continue
        got.labels.append(_Label(text, to_m(t.point), t.group, t.size * metres_per_point))
    if hotel is None:
        hotel = any(is_hotel_label(lb.text) for lb in got.labels)
    before = len(notes)

    def ident(p: Sequence[float]) -> Pt:
        return (float(p[0]), float(p[1]))

    # on a sheet, floors lie closer together and their names further from them than in model space
    floors = _floors(got, ident, reach=1.0, margin=0.5) if level_name is None else []
    if len(floors) < 2 and level_name is None:
        floors = _stacked_floors(got, metres_per_point, notes)
    if len(floors) < 2:
        floors = [_Floor(level_name or "1F", None, (0.0, 0.0))]
    elif floors[0].source != "blocks one above another":
        notes.append(f"{len(floors)} floors drawn {floors[0].source} ({', '.join(f.name for f in floors)}) became "
                     f"{len(floors)} levels, placed over one another by the corners of their walls: check that they "
                     "line up")
    built: list[tuple[Level, Pt]] = []
    labels: list[_Label] = []
    outside = 0
    for k, floor in enumerate(floors, start=1):
        part = got if floor.box is None else _subset(got, floor.box)
        level = Level(id=f"L{k}", name=floor.name, elevation_m=round(3.5 * (k - 1), 3))

        def to_level(p: Sequence[float], shift: Pt = floor.shift) -> Pt:
            return (float(p[0]) - shift[0], float(p[1]) - shift[1])

        got_labels, got_outside = _build_level(level, part, to_level, 1.0, floor.shift, wall_thickness_m,
                                               door_layers, hotel, notes, review, unclassified_labels, private_uses)
        labels += got_labels
        outside += got_outside
        _tidy(level, bodies, floor.shift)
        repaired = repair_level(level)
        notes.extend(f"{level.name}: {n}" if len(floors) > 1 else n for n in repaired)
        built.append((level, floor.shift))
    for k in range(before, len(notes)):  # the level builder speaks of layers by name; a PDF has groups
        if notes[k].startswith("no layer is named like a wall layer"):
            notes[k] = ("no group of lines looks like walls (thick, filled or drawn as facing lines): "
                        + notes[k].split(": ", 1)[1].replace("--wall-layers", "--wall-layers with the group names"
                                                             " the summary lists"))
    if frames:
        notes.append(f"{frames} shape(s) spanning the page (frame, title block, background) were not read as walls")
    table = _layer_table(got, [level for level, _ in built], labels, ignore_layers)
    roles = {g.name: g for g in groups.values()}
    for row in table:
        role = roles.get(row["layer"])
        row["found_as"] = role.role if role is not None else ("labels" if row["labels"] else "lines")
        if role is not None and role.why:
            row["why"] = role.why
    return built, {
        "layers": table,
        "wall_groups": sorted(got.layers_used),
        "labels": len(labels),
        "labels_outside_rooms": outside,
        "paths": len(vectors.paths),
        "texts": len(vectors.texts),
        "segments": vectors.segments,
    }


#: Least clear height (page points, 2.8 mm on paper) between two floors printed one above another.
_MIN_FLOOR_GAP_PT = 8.0


def _stacked_floors(got: _Collected, metres_per_point: float, notes: list[str]) -> list[_Floor]:
    """Floors printed one above another and parted only by a narrow clear band: one floor per block of walls.

    The side-by-side test (:func:`planner.importers.dxf._floors`) needs a wide gap and a floor name per floor;
    a sheet may print its floors closer (4.7 mm apart, say) with the titles drawn as outlines, not as text.
    Split only where the drawing leaves no doubt: a horizontal band at least :data:`_MIN_FLOOR_GAP_PT` high
    that no wall line reaches and no line of any kind crosses, no door swing enters and no door swing's closed
    leaf lies along (a corridor has doors along its walls: a building parted by one stays one level); each block
    closed along the band by its own wall (over 60 % of its width), one cluster of walls (not several buildings
    side by side), the blocks alike in size (widths within a quarter, heights within 40 %) and over one another
    (overlapping across by two thirds of the narrower), each with a quarter or more of the walls. Floor names
    in or next to each block name the levels, in storey order; without any, the blocks are ``1F``, ``2F`` ...
    from the top, and a note says so. Blocks named only in part stay one level.
    """
    pieces = []  # (ymin, ymax, xmin, xmax, length) of every wall line
    for pts, _closed, _layer in got.walls:
        if len(pts) < 2:
            continue
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        pieces.append((min(ys), max(ys), min(xs), max(xs), _length(pts)))
    for (cx, cy), r, a0, a1, _layer in got.wall_arcs:
        pts = [(cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a))) for a in np.linspace(a0, a1, 9)]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        pieces.append((min(ys), max(ys), min(xs), max(xs), _length(pts)))
    if len(pieces) < 2:
        return []
    pieces.sort()
    min_gap = _MIN_FLOOR_GAP_PT * metres_per_point
    bands: list[tuple[float, float]] = []
    top = pieces[0][1]
    for y0, y1, *_rest in pieces[1:]:
        if y0 - top >= min_gap:
            bands.append((top, y0))
        top = max(top, y1)
    if not bands:
        return []
    total = sum(pc[4] for pc in pieces)
    cuts = [lo for lo, _hi in bands] + [math.inf]
    blocks: list[list[tuple[float, float, float, float, float]]] = [[] for _ in cuts]
    for pc in pieces:
        blocks[next(k for k, c in enumerate(cuts) if pc[1] <= c)].append(pc)
    if any(sum(pc[4] for pc in b) < 0.25 * total for b in blocks):
        return []
    boxes = [(min(pc[2] for pc in b), min(pc[0] for pc in b), max(pc[3] for pc in b), max(pc[1] for pc in b))
             for b in blocks]
    for a, b in itertools.pairwise(boxes):
        wa, wb = a[2] - a[0], b[2] - b[0]
        ha, hb = a[3] - a[1], b[3] - b[1]
        if min(wa, wb) < 0.75 * max(wa, wb) or min(a[2], b[2]) - max(a[0], b[0]) < 0.67 * min(wa, wb) or \
                min(ha, hb) < 0.6 * max(ha, hb):
            return []
    flat = [(a, b) for pts, _closed, _layer in got.walls for a, b in itertools.pairwise(pts)
            if abs(a[1] - b[1]) <= 0.2 * abs(a[0] - b[0])]
    left: dict[int, float] = {}  # where each block's wall along the band starts: the blocks are laid over by it
    for k, (lo, hi) in enumerate(bands):  # each block is closed along the band by its own outer wall
        for i, y0, y1 in ((k, lo - 2 * min_gap, lo), (k + 1, hi, hi + 2 * min_gap)):
            along = [shapely.box(min(a[0], b[0]), 0.0, max(a[0], b[0]), 1.0) for a, b in flat
                     if y0 - 1e-6 <= (a[1] + b[1]) / 2 <= y1 + 1e-6]
            if not along or shapely.union_all(along).area < 0.6 * (boxes[i][2] - boxes[i][0]):
                return []
            left.setdefault(i, shapely.union_all(along).bounds[0])
    for lo, hi in bands:  # the band is clear: nothing crosses it, no door opens into it or along it
        if any(min(p[1] for p in seg) < lo + 1e-6 and max(p[1] for p in seg) > hi - 1e-6
               for pts, _layer in got.lines for seg in itertools.pairwise(pts)):
            return []
        for (cx, cy), r, a0, a1, _layer in got.arcs:
            if r < 2 * min_gap or not 60.0 <= (a1 - a0) % 360.0 <= 120.0:
                continue  # letters, symbols: no door swing
            ends = [(cx + r * math.cos(math.radians(a)), cy + r * math.sin(math.radians(a)))
                    for a in np.linspace(a0, a1, 9)]
            if any(lo < y < hi for _x, y in ends):
                return []
            near = (hi - 1e-6 <= cy <= hi + 2 * min_gap) or (lo - 2 * min_gap <= cy <= lo + 1e-6)
            if near and any(abs(y - cy) < 0.1 * r and abs(x - cx) > 0.9 * r for x, y in (ends[0], ends[-1])):
                return []  # hinged on the wall along the band, the door closing along it: a door into a corridor
    for blk in blocks:  # each block is one building (90 % of its walls together), not several side by side
        parts = shapely.get_parts(shapely.union_all([shapely.box(pc[2], pc[0], pc[3], pc[1]).buffer(4 * min_gap)
                                                     for pc in blk]))
        held = [sum(pc[4] for pc in blk if part.contains(Point((pc[2] + pc[3]) / 2, (pc[0] + pc[1]) / 2)))
                for part in parts]
        if max(held) < 0.9 * sum(pc[4] for pc in blk):
            return []
    names: dict[int, str] = {}
    titles = [lb for lb in got.labels if _FLOOR_RE.search(lb.text)]
    for lb in titles:
        x, y = lb.point
        k = min(range(len(boxes)), key=lambda i: shapely.box(*boxes[i]).distance(Point(x, y)))
        if k in names:
            return []
        names[k] = _floor_title(lb.text)
    if titles and len(names) < len(boxes):
        return []
    order = sorted(range(len(boxes)), key=lambda i: (_floor_order(names[i]), -boxes[i][1])) if names else \
        sorted(range(len(boxes)), key=lambda i: -boxes[i][1])
    anchor = boxes[order[0]]
    floors = []
    edges = [-math.inf] + [(lo + hi) / 2 for lo, hi in bands] + [math.inf]  # blocks meet in the bands' middles
    for n, k in enumerate(order, start=1):
        x0, y0, x1, y1 = boxes[k]
        m = 2 * min_gap
        floors.append(_Floor(names.get(k, f"{n}F"), (x0 - m, max(y0 - m, edges[k]), x1 + m, min(y1 + m, edges[k + 1])),
                             (left[k] - left[order[0]], y0 - anchor[1]), "blocks one above another"))
    shown = ", ".join(f.name for f in floors)
    if names:
        notes.append(f"{len(floors)} floors drawn one above another ({shown}) became {len(floors)} levels, placed "
                     "over one another by the corners of their walls: check that they line up")
    else:
        notes.append(f"{len(floors)} blocks of walls drawn one above another, parted by a clear band, became "
                     f"{len(floors)} levels named {shown} from the top down (no floor title could be read): check "
                     "their names and order, and that they line up")
    return floors


def _tidy(level: Level, bodies: dict[str, Any], shift: Pt) -> None:
    """Drop walls that rounding made a point; give walls cut from one outline of several groups their group."""
    dropped = {w.id for w in level.walls if len(set(w.path)) < 2}
    if dropped:
        level.walls[:] = [w for w in level.walls if w.id not in dropped]
        for opening in level.openings:
            if opening.wall in dropped:
                opening.wall = None
    if len(bodies) > 1:
        for wall in level.walls:
            info = wall.extra.get("import", {})
            if info.get("layer") in bodies:
                line = shapely.affinity.translate(LineString(wall.path), shift[0], shift[1])
                info["layer"] = max(bodies, key=lambda n: bodies[n].intersection(line).length)


def _column_like(ring: Sequence[Pt]) -> bool:
    """A closed outline that is a column (small, not much longer than wide), not a short piece of wall.

    Only these are passed on as closed shapes: the level builder makes every small closed shape a column.
    """
    if len(ring) < 4 or math.dist(ring[0], ring[-1]) > 1e-6:
        return False
    rect = Polygon(ring).minimum_rotated_rectangle
    if rect.geom_type != "Polygon":
        return False
    c = list(rect.exterior.coords)
    a, b = math.dist(c[0], c[1]), math.dist(c[1], c[2])
    return max(a, b) <= 1.2 and max(a, b) <= 2.5 * max(min(a, b), 1e-6)


def _arc_points(arc: tuple[Pt, float, float, float], steps: int = 12) -> list[Pt]:
    (cx, cy), r, a0, a1 = arc
    return [(cx + r * math.cos(math.radians(a0 + (a1 - a0) * k / steps)),
             cy + r * math.sin(math.radians(a0 + (a1 - a0) * k / steps))) for k in range(steps + 1)]


def _luminance(rgb: str) -> float:
    try:
        r, g, b = (int(rgb[k:k + 2], 16) / 255 for k in (0, 2, 4))
    except ValueError:
        return 0.0
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
