"""Named sample plans and an independent visibility reference for the geometry tests.

The reference is deliberately simple: the region visible from ``q`` is the
free space inside the view sector minus the *shadow* of every free-space
boundary edge (the part of the edge's cone from ``q`` that lies beyond it).
It shares nothing with the triangular expansion except the convention for
polygonising the range circle (vertices on whole degrees).
"""

from __future__ import annotations

import math

import shapely
from shapely.geometry import Polygon
from shapely.geometry.base import BaseGeometry

from planner.model import Camera, Level, Opening, Wall, Zone

__all__ = ["grid_level", "corridor_level", "reference_visibility", "sector", "boundary_edges"]


def grid_level(n: int, *, room: float = 4.0, thickness: float = 0.15, door: float = 0.9, level_id: str = "L1") -> Level:
    """Return an ``n`` x ``n`` grid of square rooms with a door gap centred in every interior wall."""
    walls: list[Wall] = []
    openings: list[Opening] = []
    size = n * room
    walls.append(
        Wall(id="outer", path=((0.0, 0.0), (size, 0.0), (size, size), (0.0, size), (0.0, 0.0)), thickness_m=thickness)
    )
    for i in range(1, n):
        c = i * room
        walls.append(Wall(id=f"h{i}", path=((0.0, c), (size, c)), thickness_m=thickness))
        walls.append(Wall(id=f"v{i}", path=((c, 0.0), (c, size)), thickness_m=thickness))
        for j in range(n):
            m = j * room + room / 2
            openings.append(Opening(id=f"dh{i}_{j}", kind="doorway", segment=((m - door / 2, c), (m + door / 2, c))))
            openings.append(Opening(id=f"dv{i}_{j}", kind="door", segment=((c, m - door / 2), (c, m + door / 2))))
    zones = [
        Zone(
            id=f"z{i}_{j}",
            use="office",
            polygon=(
                (i * room, j * room),
                ((i + 1) * room, j * room),
                ((i + 1) * room, (j + 1) * room),
                (i * room, (j + 1) * room),
            ),
        )
        for i in range(n)
        for j in range(n)
    ]
    return Level(id=level_id, walls=walls, openings=openings, zones=zones)


def corridor_level() -> Level:
    """A 20 m x 2 m corridor (y 0..2) with a 6 m x 5 m room north of it (x 4..10, y 2..7).

    The room's south wall is the corridor's north wall, with a 1 m doorway at x 6.5..7.5.
    """
    walls = [
        Wall(id="corridor", path=((0, 0), (20, 0), (20, 2), (0, 2), (0, 0)), thickness_m=0.1),
        Wall(id="room", path=((4, 2), (4, 7), (10, 7), (10, 2)), thickness_m=0.1),
    ]
    openings = [Opening(id="door", kind="doorway", segment=((6.5, 2), (7.5, 2)))]
    zones = [
        Zone(id="zc", use="corridor", polygon=((0, 0), (20, 0), (20, 2), (0, 2))),
        Zone(id="zr", use="restroom", polygon=((4, 2), (10, 2), (10, 7), (4, 7))),
    ]
    cameras = [Camera(id="c1", position=(7, 1), heading_deg=0, hfov_deg=360, kind="ptz")]
    return Level(id="L1", walls=walls, openings=openings, zones=zones, cameras=cameras)


def boundary_edges(free: BaseGeometry) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """Return every edge of every ring of ``free``."""
    edges = []
    for poly in shapely.get_parts(free):
        for ring in [poly.exterior, *poly.interiors]:
            cs = list(ring.coords)
            edges += [(cs[i], cs[i + 1]) for i in range(len(cs) - 1) if cs[i] != cs[i + 1]]
    return edges


def _arc(q, a0: float, a1: float, radius: float, step_deg: float) -> list[tuple[float, float]]:
    """Counter-clockwise arc from angle a0 to a1 (radians): ends plus whole multiples of step_deg."""
    step = math.radians(step_deg)
    pts = [(q[0] + radius * math.cos(a0), q[1] + radius * math.sin(a0))]
    k = math.floor(a0 / step + 1e-9) + 1
    while k * step < a1 - 1e-9:
        pts.append((q[0] + radius * math.cos(k * step), q[1] + radius * math.sin(k * step)))
        k += 1
    pts.append((q[0] + radius * math.cos(a1), q[1] + radius * math.sin(a1)))
    return pts


def sector(q, radius: float, heading_deg: float | None = None, hfov_deg: float = 360.0) -> Polygon:
    """The view sector of a lens (a regular 360-gon for a full circle)."""
    if heading_deg is None or hfov_deg >= 360:
        return Polygon(
            [(q[0] + radius * math.cos(math.radians(k)), q[1] + radius * math.sin(math.radians(k))) for k in range(360)]
        )
    mid = math.radians(90.0 - heading_deg)
    half = math.radians(hfov_deg / 2)
    return Polygon([tuple(q), *_arc(q, mid - half, mid + half, radius, 1.0)])


def reference_visibility(
    free: BaseGeometry, q, *, radius: float | None = None, heading_deg: float | None = None, hfov_deg: float = 360.0
) -> BaseGeometry:
    """Visible region from ``q``: free space in the view sector minus the shadows of all boundary edges."""
    minx, miny, maxx, maxy = free.bounds
    far = 4.0 * math.hypot(maxx - minx, maxy - miny) + 4.0 * math.hypot(q[0] - minx, q[1] - miny)
    shadows = []
    for a, b in boundary_edges(free):
        ax, ay = a[0] - q[0], a[1] - q[1]
        bx, by = b[0] - q[0], b[1] - q[1]
        cross = ax * by - ay * bx
        if abs(cross) < 1e-15:
            continue
        if cross < 0:  # order the edge counter-clockwise as seen from q
            a, b = b, a
            ax, ay, bx, by = bx, by, ax, ay
        ta = math.atan2(ay, ax)
        tb = ta + math.atan2(abs(cross), ax * bx + ay * by)
        arc = _arc(q, ta, tb, far, 5.0)
        shadows.append(Polygon([a, b, *arc[::-1]]))
    view = (
        free
        if radius is None and (heading_deg is None or hfov_deg >= 360)
        else free.intersection(sector(q, radius if radius is not None else far, heading_deg, hfov_deg))
    )
    return view.difference(shapely.union_all(shadows))
