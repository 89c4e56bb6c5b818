"""Draw a level to scale on a reportlab canvas: background, zones, walls, openings, cameras, signs.

:class:`PlanView` maps plan metres (x east, y north) into a box on the page
at a standard drawing scale (1:100, 1:200 …), clips everything to that box,
and draws the layers the placement guide and the report share. Private zones
are hatched; findings can be highlighted (an overlap hatched in red).

>>> pick_scale(40.0, 24.0, 200 * 72 / 25.4, 150 * 72 / 25.4)
200
"""

from __future__ import annotations

import hashlib
import io
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import shapely
from PIL import Image
from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable
from shapely.geometry import LineString, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from planner.geometry.convert import parts, to_polygon
from planner.model import Camera, Level, Project
from planner.output import style
from planner.output.fonts import string_width
from planner.output.text import split_bilingual
from planner.rules.engine import ComplianceEngine
from planner.rules.pack import shown_private_uses
from planner.vocabulary import CATEGORIES, display_category

__all__ = [
    "SCALES",
    "CATEGORY_COLOURS",
    "pick_scale",
    "level_bounds",
    "PlanMarks",
    "PlanView",
    "PlanFlowable",
    "draw_scale_bar",
    "draw_north_arrow",
    "draw_legend",
    "draw_camera_marker",
    "draw_fr_shape",
    "draw_sign_marker",
]

#: Standard drawing scales (1:N), smallest N first.
SCALES = (20, 25, 50, 75, 100, 125, 150, 200, 250, 300, 400, 500, 750, 1000, 1250, 1500, 2000, 2500, 5000, 10000)

#: Fill of each display category (:data:`planner.vocabulary.CATEGORIES`); a zone's category comes from the
#: vocabulary, and ``private`` exactly when the project's rule pack makes its use private.
CATEGORY_COLOURS: dict[str, colors.Color] = {
    "private": colors.HexColor("#F8D7DA"),
    "circulation": colors.HexColor("#E6EEF7"),
    "public": colors.HexColor("#FFF4D6"),
    "back": colors.HexColor("#ECECEC"),
}
CATEGORY_NAMES: dict[str, tuple[str, str]] = {
    "private": ("私密空间", "private space"),
    "circulation": ("通行区域", "circulation"),
    "public": ("营业区域", "public area"),
    "back": ("后勤区域", "back of house"),
}
PRIVATE_HATCH = colors.HexColor("#C0392B")
WALL_COLOURS = {"opaque": colors.HexColor("#2B2B2B"), "glass": colors.HexColor("#7FB3E0"),
                "frosted": colors.HexColor("#8E9AAF")}
CCTV_COLOUR = colors.HexColor("#1E6FD9")
FR_COLOUR = colors.HexColor("#E07000")
OVERLAP_COLOUR = colors.HexColor("#D0021B")


def pick_scale(width_m: float, height_m: float, width_pt: float, height_pt: float) -> int:
    """Smallest standard scale 1:N at which ``width_m`` × ``height_m`` fits ``width_pt`` × ``height_pt``."""
    for n in SCALES:
        per_m = style.mm(1000.0 / n)
        if width_m * per_m <= width_pt and height_m * per_m <= height_pt:
            return n
    return SCALES[-1]


def level_bounds(level: Level, *, margin_m: float = 1.0) -> tuple[float, float, float, float]:
    """Bounding box (minx, miny, maxx, maxy) of what is drawn on ``level``, with a margin."""
    xs: list[float] = []
    ys: list[float] = []
    for z in level.zones:
        for x, y in z.polygon:
            xs.append(x)
            ys.append(y)
    for w in level.walls:
        for x, y in w.path:
            xs.append(x)
            ys.append(y)
    for x, y in [c.position for c in level.cameras] + [s.position for s in level.signs]:
        xs.append(x)
        ys.append(y)
    if not xs:
        return (-5.0, -5.0, 5.0, 5.0)
    return (min(xs) - margin_m, min(ys) - margin_m, max(xs) + margin_m, max(ys) + margin_m)


@lru_cache(maxsize=16)
def _background_image(data: bytes, opacity: float) -> tuple[ImageReader, int, int, str]:
    """The background lightened towards white (a paler copy of ``opacity``), its size and a stable name."""
    img: Image.Image = Image.open(io.BytesIO(data))
    img.load()
    if img.mode not in ("RGB", "L"):
        base = Image.new("RGB", img.size, (255, 255, 255))
        img = img.convert("RGBA")
        base.paste(img, mask=img.getchannel("A"))
        img = base
    strength = max(0.0, min(1.0, opacity)) * 0.55
    white = Image.new(img.mode, img.size, 255 if img.mode == "L" else (255, 255, 255))
    img = Image.blend(white, img, strength)
    name = "vpbg" + hashlib.sha1(data + repr(opacity).encode()).hexdigest()[:16]
    return ImageReader(img), img.size[0], img.size[1], name


@dataclass
class PlanMarks:
    """What to draw over the plan and how to label it."""

    camera_labels: Mapping[str, str] = field(default_factory=dict)
    sign_labels: Mapping[str, str] = field(default_factory=dict)
    #: Proposed signs (not placed): label -> (position, facing_deg) or (position, facing_deg, kind).
    proposed_signs: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)
    coverage: bool = True
    cameras: Iterable[str] | None = None  # only these cameras (None: all)
    zone_labels: bool = True
    highlight: BaseGeometry | None = None  # hatched in red (an overlap)
    highlight_zone: str | None = None  # outlined in red
    highlight_camera: str | None = None
    highlight_segment: tuple[tuple[float, float], tuple[float, float]] | None = None
    #: Draw the datum: the origin mark and a grid in plan metres, labelled along the edges.
    datum: bool = False
    #: Dimension lines in plan metres: (start, end, text), e.g. a camera to its nearest walls.
    dimensions: Sequence[tuple[tuple[float, float], tuple[float, float], str]] = ()


class PlanView:
    """A level drawn at scale 1:``scale`` inside a page box, centred on ``bounds``."""

    def __init__(self, project: Project, level: Level, engine: ComplianceEngine | None, *,
                 box_pt: tuple[float, float, float, float], bounds: tuple[float, float, float, float] | None = None,
                 scale: int | None = None) -> None:
        self.project = project
        self.level = level
        self.engine = engine
        #: Uses drawn as private spaces: those the rule pack of the check (else the project's) makes private.
        self.private_uses = (engine.pack.any_private_uses if engine is not None
                             else shown_private_uses(project.venue.rule_pack))
        self.box = box_pt
        bx, by, bw, bh = box_pt
        minx, miny, maxx, maxy = bounds or level_bounds(level)
        self.scale = scale or pick_scale(maxx - minx, maxy - miny, bw, bh)
        self.per_m = style.mm(1000.0 / self.scale)
        cx, cy = (minx + maxx) / 2, (miny + maxy) / 2
        self.ox = bx + bw / 2 - cx * self.per_m
        self.oy = by + bh / 2 - cy * self.per_m
        # the plan area visible in the box, in metres
        self.view = box((bx - self.ox) / self.per_m, (by - self.oy) / self.per_m,
                        (bx + bw - self.ox) / self.per_m, (by + bh - self.oy) / self.per_m)

    # -- coordinates ------------------------------------------------------------
    def page(self, x: float, y: float) -> tuple[float, float]:
        """Page point of plan point (x, y)."""
        return self.ox + x * self.per_m, self.oy + y * self.per_m

    def _path(self, canvas: Canvas, geom: BaseGeometry) -> Any:
        path = canvas.beginPath()
        for poly in _polygons(geom):
            for ring in (poly.exterior, *poly.interiors):
                coords = list(ring.coords)
                if len(coords) < 3:
                    continue
                path.moveTo(*self.page(*coords[0]))
                for c in coords[1:]:
                    path.lineTo(*self.page(*c))
                path.close()
        return path

    def fill(self, canvas: Canvas, geom: BaseGeometry, colour: colors.Color, *, alpha: float = 1.0,
             stroke: colors.Color | None = None, width: float = 0.5, dash: Sequence[float] | None = None) -> None:
        """Fill (and optionally outline) a polygonal geometry given in plan metres."""
        geom = geom.intersection(self.view) if not geom.is_empty else geom
        if geom.is_empty:
            return
        canvas.saveState()
        canvas.setFillColor(colour)
        canvas.setFillAlpha(alpha)
        if stroke is not None:
            canvas.setStrokeColor(stroke)
            canvas.setLineWidth(width)
            if dash:
                canvas.setDash(*dash)
        canvas.drawPath(self._path(canvas, geom), stroke=1 if stroke is not None else 0, fill=1, fillMode=0)
        canvas.restoreState()

    def hatch(self, canvas: Canvas, geom: BaseGeometry, colour: colors.Color, *, spacing_pt: float = 4.0,
              width: float = 0.5, angle_deg: float = 45.0) -> None:
        """Hatch a polygonal geometry with parallel lines ``spacing_pt`` apart."""
        geom = geom.intersection(self.view) if not geom.is_empty else geom
        if geom.is_empty:
            return
        canvas.saveState()
        canvas.clipPath(self._path(canvas, geom), stroke=0, fill=0, fillMode=0)
        minx, miny, maxx, maxy = geom.bounds
        x0, y0 = self.page(minx, miny)
        x1, y1 = self.page(maxx, maxy)
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(width)
        a = math.radians(angle_deg)
        dx, dy = math.cos(a), math.sin(a)
        diag = math.hypot(x1 - x0, y1 - y0)
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        n = int(diag / spacing_pt) + 2
        path = canvas.beginPath()
        for i in range(-n, n + 1):
            ox, oy = cx - dy * i * spacing_pt, cy + dx * i * spacing_pt
            path.moveTo(ox - dx * diag, oy - dy * diag)
            path.lineTo(ox + dx * diag, oy + dy * diag)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()

    # -- layers -----------------------------------------------------------------
    def draw(self, canvas: Canvas, marks: PlanMarks | None = None) -> None:
        """Draw every layer, clipped to the box."""
        marks = marks or PlanMarks()
        bx, by, bw, bh = self.box
        canvas.saveState()
        clip = canvas.beginPath()
        clip.rect(bx, by, bw, bh)
        canvas.clipPath(clip, stroke=0, fill=0)
        canvas.setFillColor(colors.white)
        canvas.rect(bx, by, bw, bh, stroke=0, fill=1)
        self.draw_background(canvas)
        self.draw_zones(canvas, marks)
        wanted = None if marks.cameras is None else set(marks.cameras)
        if marks.coverage and self.engine is not None:
            self.draw_coverage(canvas, wanted)
        self.draw_walls(canvas)
        self.draw_openings(canvas)
        if marks.highlight is not None and not marks.highlight.is_empty:
            self.fill(canvas, marks.highlight, OVERLAP_COLOUR, alpha=0.18)
            self.hatch(canvas, marks.highlight, OVERLAP_COLOUR, spacing_pt=2.6, width=0.7, angle_deg=-45)
            self.fill(canvas, marks.highlight, OVERLAP_COLOUR, alpha=0.0, stroke=OVERLAP_COLOUR, width=1.4)
        if marks.highlight_zone is not None:
            zone = next((z for z in self.level.zones if z.id == marks.highlight_zone), None)
            if zone is not None:
                self.fill(canvas, to_polygon(zone.polygon), OVERLAP_COLOUR, alpha=0.0, stroke=OVERLAP_COLOUR,
                          width=1.6, dash=(4, 2))
        if marks.highlight_segment is not None:
            (ax, ay), (bx2, by2) = marks.highlight_segment
            canvas.setStrokeColor(OVERLAP_COLOUR)
            canvas.setLineWidth(3.0)
            canvas.setLineCap(1)
            canvas.line(*self.page(ax, ay), *self.page(bx2, by2))
        if marks.datum:
            self.draw_datum(canvas)
        if marks.zone_labels:
            self.draw_zone_labels(canvas)
        if marks.dimensions:
            self.draw_dimensions(canvas, marks.dimensions)
        self.draw_cameras(canvas, marks, wanted)
        self.draw_signs(canvas, marks)
        canvas.restoreState()
        canvas.saveState()
        canvas.setStrokeColor(style.GREY_DARK)
        canvas.setLineWidth(0.6)
        canvas.rect(bx, by, bw, bh, stroke=1, fill=0)
        canvas.restoreState()

    def grid_step(self) -> float:
        """Grid spacing in metres: the smallest of 1, 2, 5, 10 … m at least 12 mm apart on paper."""
        for step in (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0):
            if step * self.per_m >= style.mm(12):
                return step
        return 1000.0

    def draw_datum(self, canvas: Canvas) -> None:
        """The datum: a grid in plan metres from the origin, labelled along the box edges, and the origin mark."""
        bx, by, bw, bh = self.box
        step = self.grid_step()
        minx, miny, maxx, maxy = self.view.bounds
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#8A94A6"))
        canvas.setLineWidth(0.25)
        canvas.setDash(0.8, 1.6)
        label = 5.0
        xs = [k * step for k in range(math.ceil(minx / step), math.floor(maxx / step) + 1)]
        ys = [k * step for k in range(math.ceil(miny / step), math.floor(maxy / step) + 1)]
        for x in xs:
            px = self.page(x, 0)[0]
            canvas.line(px, by, px, by + bh)
        for y in ys:
            py = self.page(0, y)[1]
            canvas.line(bx, py, bx + bw, py)
        canvas.setDash()
        for x in xs:
            px = self.page(x, 0)[0]
            if bx + 8 <= px <= bx + bw - 8:
                style.draw_text(canvas, px, by + 2, f"{x:g}", label, align="centre", color=style.GREY_DARK)
        for y in ys:
            py = self.page(0, y)[1]
            if by + 10 <= py <= by + bh - 8:
                style.draw_text(canvas, bx + 2, py - label * 0.35, f"{y:g}", label, color=style.GREY_DARK)
        style.draw_text(canvas, bx + bw - 2, by + bh - label - 1.5, f"x / y (m) · 网格 grid {step:g} m", label,
                        align="right", color=style.GREY_DARK)
        ox, oy = self.page(0.0, 0.0)
        if self.view.contains(Point(0.0, 0.0)):
            r = 4.0
            canvas.setStrokeColor(colors.black)
            canvas.setLineWidth(0.6)
            canvas.setFillColor(colors.white)
            canvas.circle(ox, oy, r, stroke=1, fill=1)
            canvas.setFillColor(colors.black)
            p = canvas.beginPath()  # two opposite quarters filled: the usual datum symbol
            p.moveTo(ox, oy)
            p.arcTo(ox - r, oy - r, ox + r, oy + r, startAng=0, extent=90)
            p.close()
            p.moveTo(ox, oy)
            p.arcTo(ox - r, oy - r, ox + r, oy + r, startAng=180, extent=90)
            p.close()
            canvas.drawPath(p, stroke=0, fill=1)
            canvas.line(ox - r * 2, oy, ox + r * 2, oy)
            canvas.line(ox, oy - r * 2, ox, oy + r * 2)
            style.draw_text(canvas, ox + r + 2, oy + r + 1, "基准点 datum 0,0", 5.5, bold=True)
        canvas.restoreState()

    def draw_dimensions(self, canvas: Canvas,
                        dims: Sequence[tuple[tuple[float, float], tuple[float, float], str]]) -> None:
        """Thin dimension lines with end ticks and their length in metres."""
        canvas.saveState()
        canvas.setStrokeColor(colors.HexColor("#5B2C83"))
        canvas.setFillColor(colors.HexColor("#5B2C83"))
        canvas.setLineWidth(0.35)
        for (ax, ay), (bx, by), text in dims:
            p0, p1 = self.page(ax, ay), self.page(bx, by)
            length = math.hypot(p1[0] - p0[0], p1[1] - p0[1])
            if length < 0.5:
                continue
            ux, uy = (p1[0] - p0[0]) / length, (p1[1] - p0[1]) / length
            canvas.line(*p0, *p1)
            t = 1.6
            canvas.line(p1[0] - uy * t, p1[1] + ux * t, p1[0] + uy * t, p1[1] - ux * t)
            size = 4.6
            mx, my = (p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2
            if length >= string_width(text, size) + 4 and abs(ux) > abs(uy):
                style.draw_text(canvas, mx, my + 1.0, text, size, align="centre", color=colors.HexColor("#5B2C83"))
            else:
                style.draw_text(canvas, p1[0] + 1.5 if abs(ux) <= abs(uy) else mx, my if abs(ux) <= abs(uy)
                                else my + 1.0, text, size, color=colors.HexColor("#5B2C83"))
        canvas.restoreState()

    def draw_background(self, canvas: Canvas) -> None:
        """Draw the level's background images, each embedded once per document as a form."""
        for bg in self.level.backgrounds:
            data = self.project.files.get(bg.source)
            if not data:
                continue
            try:
                reader, w, h, name = _background_image(data, bg.opacity)
            except Exception:  # a background that cannot be decoded is left out, not fatal
                continue
            forms: set[str] = canvas.__dict__.setdefault("_vp_forms", set())
            if name not in forms:
                canvas.beginForm(name, lowerx=0, lowery=0, upperx=w, uppery=h)
                canvas.drawImage(reader, 0, 0, w, h)
                canvas.endForm()
                forms.add(name)
            a, b, c, d, e, f = bg.transform
            canvas.saveState()
            canvas.transform(self.per_m, 0, 0, self.per_m, self.ox, self.oy)
            canvas.transform(a, b, c, d, e, f)
            canvas.transform(1, 0, 0, -1, 0, h)
            canvas.doForm(name)
            canvas.restoreState()

    def draw_zones(self, canvas: Canvas, marks: PlanMarks) -> None:
        for zone in self.level.zones:
            poly = to_polygon(zone.polygon)
            cat = display_category(zone.use, self.private_uses)
            self.fill(canvas, poly, CATEGORY_COLOURS[cat], alpha=0.55)
            if cat == "private":
                self.hatch(canvas, poly, PRIVATE_HATCH, spacing_pt=3.2, width=0.35)
            self.fill(canvas, poly, colors.white, alpha=0.0, stroke=colors.HexColor("#9AA5B1"), width=0.3)

    def draw_zone_labels(self, canvas: Canvas) -> None:
        for zone in self.level.zones:
            poly = to_polygon(zone.polygon)
            if poly.is_empty:
                continue
            p = poly.point_on_surface() if poly.geom_type != "Polygon" else _label_point(poly)
            if not self.view.contains(p):
                continue
            zh, en = split_bilingual(zone.name or zone.id)
            minx, miny, maxx, maxy = poly.bounds
            width_pt = (maxx - minx) * self.per_m
            height_pt = (maxy - miny) * self.per_m
            size = max(4.0, min(6.5, width_pt / 9, height_pt / 3))
            if width_pt < 18 or height_pt < 10:
                continue
            px, py = self.page(p.x, p.y)
            lines = [t for t in (zh, en if en != zh else "") if t]
            from planner.output.text import ellipsize

            total = len(lines) * size * 1.15
            yy = py + total / 2 - size
            for i, line in enumerate(lines):
                s = size if i == 0 else size * 0.85
                style.draw_text(canvas, px, yy, ellipsize(line, s, width_pt - 4), s, align="centre",
                                color=style.GREY_DARK)
                yy -= size * 1.15

    def draw_walls(self, canvas: Canvas) -> None:
        obstacles = None
        if self.engine is not None:
            obstacles = self.engine.level_geometry(self.level).obstacles
        materials = {w.id: w.material for w in self.level.walls}
        if obstacles is not None:
            bodies = obstacles.bodies
        else:
            from planner.geometry.obstacles import level_obstacles

            bodies = level_obstacles(self.level.walls, self.level.openings).bodies
        for wall_id, body in bodies.items():
            material = materials.get(wall_id, "opaque")
            self.fill(canvas, body, WALL_COLOURS[material], alpha=1.0)

    def draw_openings(self, canvas: Canvas) -> None:
        thickness = {w.id: w.thickness_m for w in self.level.walls}
        for opening in self.level.openings:
            (ax, ay), (bx, by) = opening.segment
            seg = LineString(opening.segment)
            if not seg.intersects(self.view):
                continue
            p0, p1 = self.page(ax, ay), self.page(bx, by)
            canvas.saveState()
            if opening.kind == "window":
                t = thickness.get(opening.wall or "", 0.15)
                canvas.setStrokeColor(colors.white)
                canvas.setLineWidth(max(1.0, t * self.per_m * 0.9))
                canvas.line(*p0, *p1)
                canvas.setStrokeColor(WALL_COLOURS["glass"])
                canvas.setLineWidth(0.8)
                canvas.line(*p0, *p1)
            elif opening.kind == "door":
                canvas.setStrokeColor(colors.HexColor("#5F6B7A"))
                canvas.setLineWidth(0.5)
                canvas.setDash(1.5, 1.2)
                canvas.line(*p0, *p1)
            canvas.restoreState()

    def draw_coverage(self, canvas: Canvas, wanted: set[str] | None) -> None:
        assert self.engine is not None
        for cam in self.level.cameras:
            if wanted is not None and cam.id not in wanted:
                continue
            if not Point(cam.position).buffer(60).intersects(self.view):
                continue
            cov = self.engine.coverage(self.level, cam)
            colour = FR_COLOUR if cam.face_recognition else CCTV_COLOUR
            self.fill(canvas, cov.region, colour, alpha=0.13, stroke=colour, width=0.45)
            if cam.face_recognition and cov.fr_region is not None and not cov.fr_region.is_empty:
                self.fill(canvas, cov.fr_region, colour, alpha=0.16, stroke=colour, width=0.45, dash=(2, 1.5))

    def draw_cameras(self, canvas: Canvas, marks: PlanMarks, wanted: set[str] | None) -> None:
        self._occupied: list[tuple[float, float, float]] = []
        for cam in self.level.cameras:
            if wanted is not None and cam.id not in wanted and cam.id != marks.highlight_camera:
                continue
            if not self.view.contains(Point(cam.position)):
                continue
            label = marks.camera_labels.get(cam.id, "")
            x, y = self.page(*cam.position)
            draw_camera_marker(canvas, x, y, cam, label, alert=cam.id == marks.highlight_camera)
            self._occupied.append((x, y, 6.0))

    def _free_spot(self, x: float, y: float, facing_deg: float, radius: float) -> tuple[float, float]:
        """Where to put a sign marker near (x, y) so that it does not hide another marker."""
        occupied = getattr(self, "_occupied", [])

        def clear(px: float, py: float) -> bool:
            return all(math.hypot(px - ox, py - oy) >= r + radius + 1.5 for ox, oy, r in occupied)

        if clear(x, y):
            return x, y
        a = math.radians(facing_deg)
        side = (math.cos(a), -math.sin(a))  # perpendicular to the facing
        for dist in (15.0, 22.0, 30.0):
            for dx, dy in (side, (-side[0], -side[1]), (-math.sin(a), -math.cos(a))):
                px, py = x + dx * dist, y + dy * dist
                if clear(px, py):
                    return px, py
        return x, y

    def draw_signs(self, canvas: Canvas, marks: PlanMarks) -> None:
        entries: list[tuple[tuple[float, float], float, str, str, bool]] = []
        for sign in self.level.signs:
            entries.append((sign.position, sign.facing_deg, marks.sign_labels.get(sign.id, ""), sign.kind, False))
        for label, value in marks.proposed_signs.items():
            pos, facing = value[0], value[1]
            entries.append((pos, facing, label, str(value[2]) if len(value) > 2 else "", True))
        if not hasattr(self, "_occupied"):
            self._occupied = []
        for pos, facing, label, kind, proposed in entries:
            if not self.view.contains(Point(pos)):
                continue
            x, y = self.page(*pos)
            mx, my = self._free_spot(x, y, facing, 7.5)
            if (mx, my) != (x, y):
                canvas.saveState()
                canvas.setStrokeColor(style.NAVY)
                canvas.setFillColor(style.NAVY)
                canvas.setLineWidth(0.6)
                canvas.line(x, y, mx, my)
                canvas.circle(x, y, 1.6, stroke=0, fill=1)
                canvas.restoreState()
            draw_sign_marker(canvas, mx, my, facing, label, kind=kind, proposed=proposed)
            self._occupied.append((mx, my, 7.5))


def _polygons(geom: BaseGeometry) -> list[Polygon]:
    return [p for p in parts(geom, "Polygon") if isinstance(p, Polygon)]


def _label_point(poly: Polygon) -> Point:
    """A point well inside ``poly`` (its pole of inaccessibility, roughly)."""
    try:
        return shapely.polylabel(poly, tolerance=0.1)
    except Exception:
        return poly.point_on_surface()


def draw_camera_marker(canvas: Canvas, x: float, y: float, cam: Camera, label: str, *, alert: bool = False,
                       radius: float = 5.2) -> None:
    """A camera: CCTV a disc, face recognition a diamond marked "FR" (told apart in grayscale too).

    The number sits inside; a tick points along the heading (none for 360° cameras).
    """
    colour = OVERLAP_COLOUR if alert else (FR_COLOUR if cam.face_recognition else CCTV_COLOUR)
    canvas.saveState()
    if not cam.omnidirectional:
        a = math.radians(cam.heading_deg)
        dx, dy = math.sin(a), math.cos(a)
        canvas.setStrokeColor(colour)
        canvas.setLineWidth(1.4)
        canvas.setLineCap(1)
        canvas.line(x, y, x + dx * radius * 2.4, y + dy * radius * 2.4)
    canvas.setFillColor(colour)
    canvas.setStrokeColor(colors.white)
    canvas.setLineWidth(0.8)
    if cam.face_recognition:
        draw_fr_shape(canvas, x, y, radius)
        style.draw_text(canvas, x + radius * 1.05, y + radius * 0.95, "FR", radius * 0.95, bold=True,
                        color=colour)
    else:
        canvas.circle(x, y, radius, stroke=1, fill=1)
    if label:
        size = radius * (1.05 if len(label) <= 2 else 0.8 if len(label) == 3 else 0.62)
        style.draw_text(canvas, x, y - size * 0.36, label, size, align="centre", color=colors.white, bold=True)
    canvas.restoreState()


def draw_fr_shape(canvas: Canvas, x: float, y: float, radius: float, *, stroke: bool = True) -> None:
    """The diamond of a face-recognition camera, as wide as a CCTV disc of ``radius`` is tall and a third more."""
    r = radius * 1.32
    path = canvas.beginPath()
    path.moveTo(x, y + r)
    path.lineTo(x + r, y)
    path.lineTo(x, y - r)
    path.lineTo(x - r, y)
    path.close()
    canvas.drawPath(path, stroke=1 if stroke else 0, fill=1)


def draw_sign_marker(canvas: Canvas, x: float, y: float, facing_deg: float, label: str, *, kind: str = "",
                     proposed: bool = False, size: float = 11.0) -> None:
    """A sign: a rounded square with its number, an arrow the way its face looks."""
    canvas.saveState()
    a = math.radians(facing_deg)
    dx, dy = math.sin(a), math.cos(a)
    colour = style.NAVY
    canvas.setStrokeColor(colour)
    canvas.setFillColor(colour)
    canvas.setLineWidth(1.1)
    start = size * 0.55
    end = size * 1.55
    canvas.line(x + dx * start, y + dy * start, x + dx * end, y + dy * end)
    head = canvas.beginPath()
    tip = (x + dx * (end + 3.2), y + dy * (end + 3.2))
    head.moveTo(*tip)
    head.lineTo(x + dx * end - dy * 2.6, y + dy * end + dx * 2.6)
    head.lineTo(x + dx * end + dy * 2.6, y + dy * end - dx * 2.6)
    head.close()
    canvas.drawPath(head, stroke=0, fill=1)
    half = size / 2
    if proposed:  # the same square, white with a dashed outline in the kind's colour
        canvas.setFillColor(colors.white)
        canvas.setStrokeColor(FR_COLOUR if kind == "fr_notice" else colour)
        canvas.setLineWidth(1.1)
        canvas.setDash(1.6, 1.0)
        canvas.roundRect(x - half, y - half, size, size, 1.6, stroke=1, fill=1)
        text_colour = FR_COLOUR if kind == "fr_notice" else colour
    else:
        if kind == "fr_notice":
            canvas.setFillColor(FR_COLOUR)
        canvas.setStrokeColor(colors.white)
        canvas.setLineWidth(0.7)
        canvas.roundRect(x - half, y - half, size, size, 1.6, stroke=1, fill=1)
        text_colour = colors.white
    if label:
        fs = size * (0.58 if len(label) <= 2 else 0.46 if len(label) == 3 else 0.36)
        style.draw_text(canvas, x, y - fs * 0.36, label, fs, align="centre", color=text_colour, bold=True)
    canvas.restoreState()


def draw_scale_bar(canvas: Canvas, x: float, y: float, scale: int, *, max_width_pt: float = 150.0) -> float:
    """A scale bar with alternating segments and labels; returns its width in points."""
    per_m = style.mm(1000.0 / scale)
    step = 1.0
    for candidate in (0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500):
        if candidate * per_m * 4 <= max_width_pt:
            step = candidate
    n = 4
    seg = step * per_m
    canvas.saveState()
    canvas.setLineWidth(0.5)
    canvas.setStrokeColor(colors.black)
    for i in range(n):
        canvas.setFillColor(colors.black if i % 2 == 0 else colors.white)
        canvas.rect(x + i * seg, y, seg, 3.2, stroke=1, fill=1)
    for i in range(n + 1):
        value = step * i
        text = f"{value:g}" + (" m" if i == n else "")
        style.draw_text(canvas, x + i * seg, y + 5.2, text, 6.0, align="centre", color=colors.black)
    style.draw_text(canvas, x + n * seg + 14, y + 0.4, f"1:{scale}", 7.0, color=style.GREY_DARK, bold=True)
    canvas.restoreState()
    return n * seg


def draw_north_arrow(canvas: Canvas, x: float, y: float, size: float = 18.0) -> None:
    """A north arrow (plan north is up) with its foot at (x, y)."""
    canvas.saveState()
    half = size * 0.32
    left = canvas.beginPath()
    left.moveTo(x, y + size)
    left.lineTo(x - half, y)
    left.lineTo(x, y + size * 0.28)
    left.close()
    right = canvas.beginPath()
    right.moveTo(x, y + size)
    right.lineTo(x + half, y)
    right.lineTo(x, y + size * 0.28)
    right.close()
    canvas.setStrokeColor(colors.black)
    canvas.setLineWidth(0.6)
    canvas.setFillColor(colors.black)
    canvas.drawPath(left, stroke=1, fill=1)
    canvas.setFillColor(colors.white)
    canvas.drawPath(right, stroke=1, fill=1)
    style.draw_text(canvas, x, y + size + 3, "N 北", 7.0, align="centre", bold=True)
    canvas.restoreState()


def draw_legend(canvas: Canvas, x: float, y: float, width: float, *, show_proposed: bool = True) -> float:
    """A one-row legend of the plan symbols starting at (x, y) (baseline); returns its height."""
    items: list[tuple[str, Any]] = []
    for cat in CATEGORIES:
        items.append((f"{CATEGORY_NAMES[cat][0]} {CATEGORY_NAMES[cat][1]}", ("zone", cat)))
    items += [
        ("墙 wall", ("wall", "opaque")),
        ("玻璃 glass", ("wall", "glass")),
        ("监控范围 CCTV view", ("cov", CCTV_COLOUR)),
        ("人脸识别范围 FR view", ("cov", FR_COLOUR)),
        ("视频监控摄像机 CCTV camera", ("cam", None)),
        ("人脸识别摄像机 FR camera", ("fr", None)),
        ("标识 sign", ("sign", None)),
    ]
    if show_proposed:
        items.append(("待增设 to add", ("proposed", None)))
    canvas.saveState()
    cx, cy = x, y
    row_h = 11.0
    for text, (kind, arg) in items:
        w = 12 + string_width(text, 6.2) + 10
        if cx + w > x + width:
            cx = x
            cy -= row_h
        sx, sy = cx, cy - 1
        if kind == "zone":
            canvas.setFillColor(CATEGORY_COLOURS[arg])
            canvas.setStrokeColor(colors.HexColor("#9AA5B1"))
            canvas.setLineWidth(0.3)
            canvas.rect(sx, sy, 9, 6, stroke=1, fill=1)
            if arg == "private":
                canvas.saveState()
                p = canvas.beginPath()
                p.rect(sx, sy, 9, 6)
                canvas.clipPath(p, stroke=0, fill=0)
                canvas.setStrokeColor(PRIVATE_HATCH)
                canvas.setLineWidth(0.35)
                for i in range(-3, 6):
                    canvas.line(sx + i * 3, sy, sx + i * 3 + 6, sy + 6)
                canvas.restoreState()
        elif kind == "wall":
            canvas.setFillColor(WALL_COLOURS[arg])
            canvas.rect(sx, sy + 1.5, 9, 3, stroke=0, fill=1)
        elif kind == "cov":
            canvas.setFillColor(arg)
            canvas.setFillAlpha(0.25)
            canvas.setStrokeColor(arg)
            canvas.setLineWidth(0.5)
            canvas.rect(sx, sy, 9, 6, stroke=1, fill=1)
            canvas.setFillAlpha(1)
        elif kind == "cam":
            canvas.setFillColor(CCTV_COLOUR)
            canvas.circle(sx + 4.5, sy + 3, 3.2, stroke=0, fill=1)
        elif kind == "fr":
            canvas.setFillColor(FR_COLOUR)
            draw_fr_shape(canvas, sx + 4.5, sy + 3, 3.2, stroke=False)
        elif kind == "sign":
            canvas.setFillColor(style.NAVY)
            canvas.roundRect(sx + 1, sy - 0.5, 7, 7, 1, stroke=0, fill=1)
        elif kind == "proposed":
            canvas.setStrokeColor(style.NAVY)
            canvas.setDash(1.2, 0.8)
            canvas.setLineWidth(0.7)
            canvas.roundRect(sx + 1, sy - 0.5, 7, 7, 1, stroke=1, fill=0)
            canvas.setDash()
        style.draw_text(canvas, sx + 12, sy + 0.8, text, 6.2, color=style.GREY_DARK)
        cx += w
    canvas.restoreState()
    return y - cy + row_h


class PlanFlowable(Flowable):
    """A platypus flowable that draws a :class:`PlanView` (a plan snippet in a report)."""

    def __init__(self, project: Project, level: Level, engine: ComplianceEngine | None, width: float,
                 height: float, *, bounds: tuple[float, float, float, float] | None = None,
                 marks: PlanMarks | None = None, min_scale: int | None = None, caption: str = "") -> None:
        super().__init__()
        self.project = project
        self.level = level
        self.engine = engine
        self.width = width
        self.height = height
        self.bounds = bounds
        self.marks = marks
        self.min_scale = min_scale
        self.caption = caption

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        bar_h = 16.0
        view = PlanView(self.project, self.level, self.engine, box_pt=(0, bar_h, self.width, self.height - bar_h),
                        bounds=self.bounds)
        if self.min_scale is not None and view.scale < self.min_scale:
            view = PlanView(self.project, self.level, self.engine,
                            box_pt=(0, bar_h, self.width, self.height - bar_h), bounds=self.bounds,
                            scale=self.min_scale)
        view.draw(canvas, self.marks)
        draw_scale_bar(canvas, 4, 3.0, view.scale, max_width_pt=min(110.0, self.width / 3))
        if self.caption:
            style.draw_text(canvas, self.width, 4.0, self.caption, 6.5, align="right", color=style.GREY_DARK)
