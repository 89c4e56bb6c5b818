"""Vector pictograms of the notice signs: a CCTV camera, and a camera with a face for face recognition.

Each pictogram is a square tile in information-sign style (a white symbol on
a blue rounded square, ISO 7001 fashion, not an ISO 3864 safety triangle),
drawn with paths only, so it prints sharp at any size. The tile's side is the
pictogram height that sign legibility is measured by.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.pdfgen.canvas import Canvas

from planner.output import style

__all__ = ["draw_pictogram", "draw_camera_symbol", "draw_face_symbol"]

Point = tuple[float, float]


def _transform(points: Sequence[Point], angle_deg: float, scale: float, dx: float, dy: float,
               mirror: bool = False) -> list[Point]:
    a = math.radians(angle_deg)
    ca, sa = math.cos(a), math.sin(a)
    out = []
    for x, y in points:
        if mirror:
            x = -x
        out.append((dx + scale * (x * ca - y * sa), dy + scale * (x * sa + y * ca)))
    return out


def _polygon(canvas: Canvas, points: Sequence[Point], *, fill: bool = True, stroke: bool = False) -> None:
    path = canvas.beginPath()
    path.moveTo(*points[0])
    for p in points[1:]:
        path.lineTo(*p)
    path.close()
    canvas.drawPath(path, stroke=1 if stroke else 0, fill=1 if fill else 0)


def _rounded_rect_points(x0: float, y0: float, x1: float, y1: float, r: float, steps: int = 6) -> list[Point]:
    pts: list[Point] = []
    corners = ((x1 - r, y0 + r, -90), (x1 - r, y1 - r, 0), (x0 + r, y1 - r, 90), (x0 + r, y0 + r, 180))
    for cx, cy, start in corners:
        for i in range(steps + 1):
            a = math.radians(start + 90 * i / steps)
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def draw_camera_symbol(canvas: Canvas, cx: float, cy: float, size: float, *, angle_deg: float = -22.0,
                       mirror: bool = False, color: colors.Color = colors.white,
                       background: colors.Color = style.NAVY) -> None:
    """A wall-mounted surveillance camera, lens to the left (right when ``mirror``), ``size`` wide.

    (cx, cy) is the centre of the camera body; the wall bracket extends to the
    rear and upwards.
    """
    s = size
    canvas.saveState()
    canvas.setFillColor(color)
    canvas.setStrokeColor(color)
    # local units: the body is 1.0 long; the lens looks along -x
    body = _rounded_rect_points(-0.5, -0.17, 0.42, 0.17, 0.07)
    hood = [(-0.66, 0.17), (0.42, 0.17), (0.42, 0.27), (-0.58, 0.27)]
    lens_ring = _rounded_rect_points(-0.64, -0.13, -0.5, 0.15, 0.03)
    glass = _rounded_rect_points(-0.61, -0.08, -0.54, 0.1, 0.02)
    slot = [(-0.47, -0.17), (-0.42, -0.17), (-0.42, 0.17), (-0.47, 0.17)]
    for shape in (body, hood, lens_ring):
        _polygon(canvas, _transform(shape, angle_deg if not mirror else -angle_deg, s, cx, cy, mirror))
    canvas.setFillColor(background)
    for shape in (glass, slot):
        _polygon(canvas, _transform(shape, angle_deg if not mirror else -angle_deg, s, cx, cy, mirror))
    # bracket: an arm from the top of the body's rear up to a vertical wall plate
    canvas.setFillColor(color)
    a = angle_deg if not mirror else -angle_deg
    rear = _transform([(0.2, 0.2)], a, s, cx, cy, mirror)[0]
    sign = -1.0 if mirror else 1.0
    plate_x = cx + sign * 0.66 * s
    joint_y = rear[1] + 0.16 * s
    canvas.setLineWidth(0.1 * s)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    path = canvas.beginPath()
    path.moveTo(*rear)
    path.lineTo(rear[0] + sign * 0.1 * s, joint_y)
    path.lineTo(plate_x, joint_y)
    canvas.drawPath(path, stroke=1, fill=0)
    plate_w, plate_h = 0.1 * s, 0.5 * s
    canvas.roundRect(plate_x - plate_w / 2, joint_y - plate_h / 2, plate_w, plate_h, 0.03 * s, stroke=0, fill=1)
    canvas.restoreState()


def draw_face_symbol(canvas: Canvas, cx: float, cy: float, size: float, *, color: colors.Color = colors.white,
                     background: colors.Color = style.NAVY) -> None:
    """A face inside the four corner marks of a recognition frame, ``size`` wide, centred on (cx, cy)."""
    s = size
    canvas.saveState()
    canvas.setStrokeColor(color)
    canvas.setFillColor(color)
    canvas.setLineCap(1)
    canvas.setLineJoin(1)
    # corner marks
    half = 0.5 * s
    arm = 0.2 * s
    canvas.setLineWidth(0.065 * s)
    for sx in (-1, 1):
        for sy in (-1, 1):
            x0, y0 = cx + sx * half, cy + sy * half
            path = canvas.beginPath()
            path.moveTo(x0, y0 - sy * arm)
            path.lineTo(x0, y0)
            path.lineTo(x0 - sx * arm, y0)
            canvas.drawPath(path, stroke=1, fill=0)
    # head and shoulders, with a scan line cut across the face
    hx, hy = cx, cy + 0.1 * s
    head_r = 0.17 * s
    canvas.circle(hx, hy, head_r, stroke=0, fill=1)
    shoulders = canvas.beginPath()
    sw, top, base = 0.33 * s, cy - 0.1 * s, cy - 0.4 * s
    shoulders.moveTo(cx - sw, base)
    shoulders.curveTo(cx - sw, top, cx - 0.12 * s, top - 0.0 * s, cx, top)
    shoulders.curveTo(cx + 0.12 * s, top, cx + sw, top, cx + sw, base)
    shoulders.close()
    canvas.drawPath(shoulders, stroke=0, fill=1)
    canvas.setStrokeColor(background)
    canvas.setLineWidth(0.05 * s)
    canvas.line(cx - half + 0.1 * s, hy, cx + half - 0.1 * s, hy)
    canvas.setStrokeColor(color)
    canvas.setLineWidth(0.035 * s)
    canvas.line(cx - half + 0.1 * s, hy, cx - head_r - 0.05 * s, hy)
    canvas.line(cx + head_r + 0.05 * s, hy, cx + half - 0.1 * s, hy)
    canvas.restoreState()


def draw_pictogram(canvas: Canvas, kind: str, x: float, y: float, size: float, *,
                   background: colors.Color = style.NAVY, color: colors.Color = colors.white) -> None:
    """Draw the pictogram tile of sign ``kind`` (``fr_notice`` or ``cctv_notice``) with its lower-left at (x, y)."""
    canvas.saveState()
    canvas.setFillColor(background)
    canvas.roundRect(x, y, size, size, size * 0.08, stroke=0, fill=1)
    # a thin inner keyline, as on printed information signs
    canvas.setStrokeColor(color)
    canvas.setLineWidth(size * 0.008)
    inset = size * 0.035
    canvas.roundRect(x + inset, y + inset, size - 2 * inset, size - 2 * inset, size * 0.055, stroke=1, fill=0)
    if kind == "fr_notice":
        draw_camera_symbol(canvas, x + size * 0.43, y + size * 0.67, size * 0.36, angle_deg=30.0, mirror=True,
                           color=color, background=background)
        draw_face_symbol(canvas, x + size * 0.62, y + size * 0.32, size * 0.42, color=color, background=background)
    else:
        draw_camera_symbol(canvas, x + size * 0.45, y + size * 0.5, size * 0.5, angle_deg=22.0,
                           color=color, background=background)
    canvas.restoreState()
