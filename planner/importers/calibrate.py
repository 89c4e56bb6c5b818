"""Place a background image on the plan: pixel -> metre transforms from a scale or two points.

A transform is ``(a, b, c, d, e, f)``: a pixel ``(u, v)`` (``v`` downwards,
as in every image format) lies at plan metres ``x = a·u + c·v + e``,
``y = b·u + d·v + f`` (``y`` upwards). The transforms made here put the
image's bottom-left corner at the plan origin unless told otherwise.

>>> t = scale_transform(100, 100, height_px=1000)      # a 1:100 drawing scanned at 100 dpi
>>> [round(v, 4) for v in t]
[0.0254, 0.0, 0.0, -0.0254, 0.0, 25.4]
>>> pixel_to_plan(t, (0, 1000)), pixel_to_plan(t, (1000, 0))
((0.0, 0.0), (25.4, 25.4))
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

__all__ = [
    "Transform",
    "metres_per_pixel",
    "parse_calibration",
    "parse_scale",
    "pixel_to_plan",
    "plan_to_pixel",
    "rescale_transform",
    "scale_transform",
    "similarity_transform",
    "two_point_transform",
]

Transform = tuple[float, float, float, float, float, float]

_SCALE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*[:/]\s*(\d+(?:\.\d+)?)\s*$")


def parse_scale(text: str | float) -> float:
    """Return the scale denominator of a drawing scale: ``"1:100"`` -> ``100.0``.

    Accepts ``1:100``, ``1/100``, ``2:1`` and a bare denominator.

    >>> parse_scale("1:50"), parse_scale("1/200"), parse_scale(100), parse_scale("2:1")
    (50.0, 200.0, 100.0, 0.5)
    >>> parse_scale("1:0")
    Traceback (most recent call last):
    ...
    ValueError: invalid drawing scale '1:0': use 1:100, 1:50 ...
    """
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        value = float(text)
    else:
        raw = str(text)
        m = _SCALE_RE.match(raw)
        try:
            value = float(m.group(2)) / float(m.group(1)) if m else float(raw)
        except (ValueError, ZeroDivisionError):
            value = math.nan
    if not math.isfinite(value) or value <= 0 or value > 1e6:
        raise ValueError(f"invalid drawing scale {text!r}: use 1:100, 1:50 ...")
    return value


def parse_calibration(text: str) -> tuple[tuple[float, float], tuple[float, float], float]:
    """Parse ``"X1,Y1,X2,Y2,DIST"`` (two pixel points and their distance in metres).

    >>> parse_calibration("100,200, 900,200, 8.0")
    ((100.0, 200.0), (900.0, 200.0), 8.0)
    """
    try:
        values = [float(v) for v in text.replace(";", ",").split(",")]
    except ValueError:
        values = []
    if len(values) != 5 or not all(math.isfinite(v) for v in values):
        raise ValueError(f"invalid calibration {text!r}: use X1,Y1,X2,Y2,DISTANCE (pixels, pixels, metres)")
    x1, y1, x2, y2, dist = values
    return (x1, y1), (x2, y2), dist


def metres_per_pixel(denominator: float, dpi: float) -> float:
    """Plan metres per pixel of a drawing at scale 1:``denominator`` rasterised at ``dpi``.

    >>> round(metres_per_pixel(100, 300), 6)
    0.008467
    """
    if dpi <= 0 or not math.isfinite(dpi):
        raise ValueError(f"invalid resolution {dpi!r} dpi")
    return 0.0254 / dpi * denominator


#: Metres per pixel a placed image may have: a micrometre to ten kilometres.
MIN_METRES_PER_PIXEL = 1e-6
MAX_METRES_PER_PIXEL = 1e4


def _plan_scale(m: float) -> float:
    if not math.isfinite(m) or not MIN_METRES_PER_PIXEL <= m <= MAX_METRES_PER_PIXEL:
        raise ValueError(f"the image would be placed at {m:g} metres per pixel, outside "
                         f"{MIN_METRES_PER_PIXEL:g} to {MAX_METRES_PER_PIXEL:g}: check the scale, "
                         "resolution or calibration distance")
    return m


def scale_transform(
    denominator: float, dpi: float, *, height_px: float, origin: Sequence[float] = (0.0, 0.0)
) -> Transform:
    """Transform for a drawing at scale 1:``denominator`` rasterised at ``dpi``, bottom-left at ``origin``."""
    m = _plan_scale(metres_per_pixel(denominator, dpi))
    return (m, 0.0, 0.0, -m, float(origin[0]), float(origin[1]) + height_px * m)


def two_point_transform(
    p1: Sequence[float],
    p2: Sequence[float],
    distance_m: float,
    *,
    height_px: float,
    origin: Sequence[float] = (0.0, 0.0),
) -> Transform:
    """Transform from two pixel points ``distance_m`` metres apart (image kept upright).

    >>> t = two_point_transform((100, 50), (500, 350), 10.0, height_px=400)
    >>> x1, y1 = pixel_to_plan(t, (100, 50)); x2, y2 = pixel_to_plan(t, (500, 350))
    >>> round(math.hypot(x2 - x1, y2 - y1), 9)
    10.0
    """
    pixels = math.hypot(p2[0] - p1[0], p2[1] - p1[1])
    if pixels < 1.0:
        raise ValueError("the two calibration points must be at least one pixel apart")
    if distance_m <= 0 or not math.isfinite(distance_m):
        raise ValueError(f"the calibration distance must be a positive number of metres, got {distance_m!r}")
    m = _plan_scale(distance_m / pixels)
    return (m, 0.0, 0.0, -m, float(origin[0]), float(origin[1]) + height_px * m)


def similarity_transform(
    pixel_a: Sequence[float], plan_a: Sequence[float], pixel_b: Sequence[float], plan_b: Sequence[float]
) -> Transform:
    """Transform that puts pixel ``pixel_a`` on plan point ``plan_a`` and ``pixel_b`` on ``plan_b``.

    Scale, rotation and translation, with the image's downward ``v`` turned
    upwards (no skew): the tool for aligning a background to walls already drawn.

    >>> t = similarity_transform((0, 0), (10, 20), (100, 0), (10, 30))   # image x axis along plan north
    >>> [round(v, 9) + 0.0 for v in pixel_to_plan(t, (0, 100))]
    [20.0, 20.0]
    """
    du, dv = pixel_b[0] - pixel_a[0], -(pixel_b[1] - pixel_a[1])
    dx, dy = plan_b[0] - plan_a[0], plan_b[1] - plan_a[1]
    den = du * du + dv * dv
    if den < 1.0:
        raise ValueError("the two calibration points must be at least one pixel apart")
    if dx == 0 and dy == 0:
        raise ValueError("the two plan points must differ")
    # complex ratio (dx + i dy) / (du + i dv) = p + i q: scale·rotation
    p = (dx * du + dy * dv) / den
    q = (dy * du - dx * dv) / den
    # x = p·u' - q·v', y = q·u' + p·v' with u' = u, v' = -v; then translate
    a, b, c, d = p, q, q, -p
    e = plan_a[0] - (a * pixel_a[0] + c * pixel_a[1])
    f = plan_a[1] - (b * pixel_a[0] + d * pixel_a[1])
    return (a, b, c, d, e, f)


def pixel_to_plan(t: Sequence[float], uv: Sequence[float]) -> tuple[float, float]:
    """Plan metres of pixel ``uv``."""
    a, b, c, d, e, f = t
    u, v = uv
    return (a * u + c * v + e + 0.0, b * u + d * v + f + 0.0)


def plan_to_pixel(t: Sequence[float], xy: Sequence[float]) -> tuple[float, float]:
    """Pixel of plan point ``xy`` (the inverse of :func:`pixel_to_plan`).

    >>> t = scale_transform(50, 200, height_px=800)
    >>> [round(v, 9) for v in plan_to_pixel(t, pixel_to_plan(t, (123, 456)))]
    [123.0, 456.0]
    """
    a, b, c, d, e, f = t
    det = a * d - b * c
    if det == 0:
        raise ValueError("the transform is singular")
    x, y = xy[0] - e, xy[1] - f
    return ((d * x - c * y) / det, (-b * x + a * y) / det)


def rescale_transform(t: Sequence[float], factor: float) -> Transform:
    """Transform for the same image resampled by ``factor`` (0.5: half as many pixels each way).

    >>> rescale_transform((0.01, 0.0, 0.0, -0.01, 0.0, 5.0), 0.5)
    (0.02, 0.0, 0.0, -0.02, 0.0, 5.0)
    """
    a, b, c, d, e, f = t
    return (a / factor, b / factor, c / factor, d / factor, e, f)
