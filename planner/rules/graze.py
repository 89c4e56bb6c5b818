"""The graze test's core of a private zone: the zone shrunk by a margin, in O(n log n) for any outline.

A negative buffer of a dense outline (a zigzag of 100,000 vertices) nodes an
offset curve whose pieces cross each other quadratically: 20,000 vertices
took a gigabyte. Outlines of more than :data:`EXACT_VERTICES` vertices are
first snapped to a grid of half the margin and simplified (both O(n log n));
the core then stands within a quarter of the margin of the exact one, far
below what the graze test tells apart.

>>> from shapely.geometry import box
>>> round(graze_core(box(0, 0, 4, 3), 0.05).area, 4)
11.31
"""

from __future__ import annotations

import shapely
from shapely.geometry.base import BaseGeometry

__all__ = ["EXACT_VERTICES", "graze_core"]

#: Outlines up to this many vertices are shrunk exactly.
EXACT_VERTICES = 2_000


def graze_core(polygon: BaseGeometry, margin: float) -> BaseGeometry:
    """``polygon`` shrunk by ``margin`` (mitre joins); dense outlines are simplified first (see the module)."""
    if shapely.get_num_coordinates(polygon) > EXACT_VERTICES and margin > 0:
        grid = margin / 2
        polygon = shapely.set_precision(polygon, grid).simplify(grid / 2)
    return polygon.buffer(-margin, join_style="mitre")
