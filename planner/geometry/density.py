"""Pixel density on the target and the distances where it crosses a threshold.

DESIGN §3: at slant distance ``d`` a camera whose image is ``W`` pixels wide
over a horizontal field of view ``hfov`` puts ``W / (2 · d · tan(hfov / 2))``
pixels on one metre of the target. A panoramic or fisheye lens of 180° or
more has no such pinhole width; for it the density is taken from the
equidistant (f-theta) projection, ``W / (d · hfov_radians)``.

>>> round(pixel_density(1920, 90.0, 3.84), 9)
250.0
>>> round(density_distance(1920, 90.0, 25.0), 6)
38.4
>>> horizontal_reach(5.0, 3.0)
4.0
"""

from __future__ import annotations

import math

__all__ = [
    "DORI",
    "OODPCVS",
    "LADDERS",
    "DETECT_PX_PER_M",
    "IDENTIFY_PX_PER_M",
    "pixel_density",
    "density_distance",
    "horizontal_reach",
]

#: IEC/EN 62676-4:2015 DORI levels, (name, px/m), ascending.
DORI: tuple[tuple[str, float], ...] = (("detect", 25.0), ("observe", 62.5), ("recognise", 125.0), ("identify", 250.0))
#: The 2025 edition's seven levels (OODPCVS), named by their px/m, ascending.
OODPCVS: tuple[tuple[str, float], ...] = tuple((f"{v:g}", v) for v in (20.0, 40.0, 80.0, 125.0, 250.0, 500.0, 1500.0))
#: Ladders by key.
LADDERS: dict[str, tuple[tuple[str, float], ...]] = {"dori": DORI, "oodpcvs": OODPCVS}
#: Detect level: where the range of a camera without ``range_m`` ends.
DETECT_PX_PER_M = 25.0
#: Default identify level for face recognition (500 px/m is the stricter choice).
IDENTIFY_PX_PER_M = 250.0


def _width_factor(hfov_deg: float) -> float:
    """Return metres of image width per metre of distance."""
    if hfov_deg < 180.0:
        return 2.0 * math.tan(math.radians(hfov_deg) / 2.0)
    return math.radians(hfov_deg)


def pixel_density(width_px: float, hfov_deg: float, slant_m: float) -> float:
    """Return pixels per metre on a target at slant distance ``slant_m`` (``inf`` at 0)."""
    if slant_m <= 0.0:
        return math.inf
    return width_px / (slant_m * _width_factor(hfov_deg))


def density_distance(width_px: float, hfov_deg: float, px_per_m: float) -> float:
    """Return the slant distance at which the density falls to ``px_per_m``."""
    return width_px / (px_per_m * _width_factor(hfov_deg))


def horizontal_reach(slant_m: float, height_difference_m: float) -> float:
    """Return the horizontal distance at which the slant distance is ``slant_m`` (-1 if never)."""
    dz = abs(height_difference_m)
    if slant_m < dz:
        return -1.0
    return math.sqrt(slant_m * slant_m - dz * dz)
