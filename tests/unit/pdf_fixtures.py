"""Vector PDF floor plans built with reportlab, as CAD programs print them.

One small floor (12 x 8 m): an office and two toilets (男厕, WC) off it,
exterior walls 240 mm, partitions 120 mm, three swing doors (arc and leaf),
a table in the office, a page frame and a title with the scale. The walls can
be drawn as their two faces in thin lines (``double``), as filled shapes
(``poche``), as strokes as wide as the wall (``thick``), or the exterior
filled and the partitions as faces (``mixed``). Coordinates below are plan metres.
"""

from __future__ import annotations

import math
from pathlib import Path

import shapely
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from shapely.geometry import LineString

from planner.assets import asset_path

#: Walls: centre-line from, to, thickness (m).
PLAN_WALLS = [
    ((0.0, 0.0), (12.0, 0.0), 0.24), ((12.0, 0.0), (12.0, 8.0), 0.24), ((12.0, 8.0), (0.0, 8.0), 0.24),
    ((0.0, 8.0), (0.0, 0.0), 0.24), ((7.0, 0.0), (7.0, 8.0), 0.12), ((7.0, 4.0), (12.0, 4.0), 0.12),
]
#: Door gaps: the wall (index), hinge, closed end (across the gap), opening direction of the leaf.
PLAN_DOORS = [
    (0, (2.0, 0.0), (2.9, 0.0), (0.0, 1.0)),  # entrance into the office
    (4, (7.0, 1.5), (7.0, 2.4), (-1.0, 0.0)),  # office -> WC
    (4, (7.0, 5.5), (7.0, 6.4), (-1.0, 0.0)),  # office -> 男厕
]
#: A point inside each room, by its label.
PLAN_ROOMS = {"办公室": (3.0, 5.0), "WC": (9.5, 2.0), "男厕": (9.5, 6.0)}
PT_PER_M_AT_100 = 72 / 0.0254 / 100
ORIGIN_PT = (120.0, 140.0)


def _font() -> str:
    """The bundled WenQuanYi font, embedded as CAD programs embed theirs."""
    name = "PlanFixtureCJK"
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(asset_path("fonts", "wqy-microhei.ttc")), subfontIndex=0))
    return name


def wall_body(walls: list[tuple[tuple[float, float], tuple[float, float], float]] = PLAN_WALLS,
              doors: list = PLAN_DOORS) -> shapely.Geometry:
    """The walls as one shape (metres), cut at the door gaps."""
    bodies = []
    for a, b, t in walls:
        line = LineString([a, b])
        bodies.append(line.buffer(t / 2, cap_style="square", join_style="mitre"))
    body = shapely.union_all(bodies)
    for k, hinge, closed, _ in doors:
        t = walls[k][2]
        body = body.difference(LineString([hinge, closed]).buffer(t / 2 + 0.01, cap_style="flat"))
    return body


def vector_plan_pdf(path: Path, *, style: str = "double", scale: int = 100, scale_text: str | None = "平面图 1:100",
             labels: dict[str, tuple[float, float]] | None = None, doors: bool = True, leaves: bool = True,
             split_labels: dict[str, tuple[tuple[float, float], str]] | None = None,
             floors: tuple[str, ...] = (), rotate: int = 0, slant_deg: float = 0.0, stacked: bool = False) -> Path:
    """Write the floor plan as a one-page vector PDF at 1:``scale``; returns ``path``.

    ``labels``: text -> point (default: :data:`PLAN_ROOMS`); ``split_labels``: text -> (point, ``across`` or
    ``down``), drawn one character per text object; ``leaves=False`` draws the swings without their leaf;
    ``floors``: the plan drawn once per floor name, side by side (``stacked``: one above another, the first on
    top), the name under it; ``rotate``: the page's
    ``/Rotate`` (a plan shown turned, as sheets often are); ``slant_deg``: labels written slightly askew.
    """
    k = 72 / 0.0254 / scale
    ox, oy = ORIGIN_PT
    c = canvas.Canvas(str(path), pagesize=(842, 595))

    def p(xy: tuple[float, float]) -> tuple[float, float]:
        return ox + xy[0] * k, oy + xy[1] * k

    def polygon_path(geom: shapely.Geometry) -> object:
        pth = c.beginPath()
        for part in shapely.get_parts(geom):
            for ring in [part.exterior, *part.interiors]:
                pts = [p(q) for q in list(ring.coords)[:-1]]
                pth.moveTo(*pts[0])
                for q in pts[1:]:
                    pth.lineTo(*q)
                pth.close()
        return pth

    c.setLineWidth(2.0)  # the page frame
    c.rect(15, 15, 842 - 30, 595 - 30)
    font = _font()
    for n in range(max(1, len(floors))):  # floors side by side, 14 m apart, named underneath
        if stacked:
            oy = ORIGIN_PT[1] + (len(floors) - 1 - n) * 11.0 * k
        else:
            ox = ORIGIN_PT[0] + n * 14.0 * k
        if floors:
            c.setFont(font, 10)
            c.drawCentredString(*p((6.0, -1.0)), floors[n])
        body = wall_body()
        exterior = wall_body(PLAN_WALLS[:4], [d for d in PLAN_DOORS if d[0] < 4])
        if style == "double":
            c.setLineWidth(0.25)
            c.drawPath(polygon_path(body), stroke=1, fill=0)
        elif style == "poche":
            c.setFillGray(0.35)
            c.drawPath(polygon_path(body), stroke=0, fill=1, fillMode=0)
        elif style == "mixed":
            c.setFillGray(0.35)
            c.drawPath(polygon_path(exterior), stroke=0, fill=1, fillMode=0)
            c.setLineWidth(0.25)
            c.drawPath(polygon_path(body.difference(exterior.buffer(0.001))), stroke=1, fill=0)
        elif style == "thick":
            for a, b, t in PLAN_WALLS:
                line = LineString([a, b])
                for _, hinge, closed, _ in PLAN_DOORS:
                    line = line.difference(LineString([hinge, closed]).buffer(0.01, cap_style="flat"))
                c.setLineWidth(t * k)
                c.setLineCap(0)
                for part in shapely.get_parts(line):
                    (x0, y0), (x1, y1) = part.coords[0], part.coords[-1]
                    c.line(*p((x0, y0)), *p((x1, y1)))
        else:
            raise ValueError(style)
        if doors:  # swings in thin lines: the arc from the closed end to the open one, and the leaf
            c.setLineWidth(0.18)
            for _, hinge, closed, leaf in PLAN_DOORS:
                r = math.dist(hinge, closed)
                opened = (hinge[0] + leaf[0] * r, hinge[1] + leaf[1] * r)
                a_closed = math.degrees(math.atan2(closed[1] - hinge[1], closed[0] - hinge[0]))
                a_open = math.degrees(math.atan2(opened[1] - hinge[1], opened[0] - hinge[0]))
                sweep = (a_open - a_closed + 180) % 360 - 180
                hx, hy = p(hinge)
                rr = r * k
                c.arc(hx - rr, hy - rr, hx + rr, hy + rr, a_closed, sweep)
                if leaves:
                    c.line(hx, hy, *p(opened))
        c.setLineWidth(0.18)  # a table in the office
        c.rect(*p((2.0, 4.5)), 1.6 * k, 0.8 * k)
        for text, (x, y) in (labels if labels is not None else PLAN_ROOMS).items():
            c.setFont(font if any(ord(ch) > 127 for ch in text) else "Helvetica", 9)
            c.saveState()
            c.translate(*p((x, y)))
            c.rotate(slant_deg)
            c.drawCentredString(0, 0, text)
            c.restoreState()
        for text, ((x, y), how) in (split_labels or {}).items():
            c.setFont(font, 9)
            for n, ch in enumerate(text):
                if how == "across":
                    c.drawString(p((x, y))[0] + 9 * (n - len(text) / 2), p((x, y))[1], ch)
                else:
                    c.drawString(p((x, y))[0] - 4.5, p((x, y))[1] + 10.5 * (len(text) / 2 - n), ch)
    if scale_text:
        c.setFont(font, 10)
        c.drawString(*p((0.0, -1.5)), scale_text)
    if rotate:
        c.setPageRotation(rotate)
    c.showPage()
    c.save()
    return path
