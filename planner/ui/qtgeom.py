"""Convert model geometry (tuples in plan metres) to Qt types and back: the only place that does.

The model is a CAD/GIS plan: x east, y **north** (up). Qt's scene is y **down**.
The display flips y here and nowhere else: a plan point ``(x, y)`` is the
scene point ``(x, -y)``. One scene unit is one metre.

>>> to_scene((3.0, 4.0))
PySide6.QtCore.QPointF(3.000000, -4.000000)
>>> from_scene(to_scene((3.0, 4.0)))
(3.0, 4.0)

Compass headings (0 = plan north, clockwise) become Qt arc angles (0 = 3 o'clock,
counter-clockwise on screen): ``arc_angle(0)`` is 90, straight up on screen.

>>> arc_angle(0.0), arc_angle(90.0)
(90.0, 0.0)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np
import shapely
from PySide6.QtCore import QByteArray, QDataStream, QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPolygonF, QTransform

from planner.geometry.convert import parts

__all__ = [
    "Coord",
    "to_scene",
    "from_scene",
    "to_scene_polygon",
    "polyline_path",
    "segment_points",
    "direction",
    "arc_angle",
    "wedge_path",
    "add_arc",
    "background_transform",
    "scene_rect",
    "geometry_path",
    "geometry_paths",
    "scene_length",
]

Coord = tuple[float, float]


def to_scene(xy: Sequence[float]) -> QPointF:
    """Return the scene point of plan point ``(x, y)`` (metres): ``QPointF(x, -y)``."""
    return QPointF(float(xy[0]), -float(xy[1]))


def from_scene(point: QPointF) -> Coord:
    """Return the plan point ``(x, y)`` in metres of a scene point (inverse of :func:`to_scene`)."""
    return (float(point.x()), -float(point.y()) + 0.0)


def to_scene_polygon(points: Iterable[Sequence[float]]) -> QPolygonF:
    """Return a scene polygon of a model ring or polyline.

    >>> to_scene_polygon([(0, 0), (2, 0), (2, 1)]).size()
    3
    """
    return QPolygonF([to_scene(p) for p in points])


def polyline_path(points: Sequence[Sequence[float]]) -> QPainterPath:
    """Return a scene path through ``points``; a path whose ends coincide is closed at that corner.

    >>> polyline_path([(0, 0), (4, 0), (4, 4), (0, 0)]).elementCount()
    4
    """
    path = QPainterPath()
    if not points:
        return path
    closed = len(points) > 2 and tuple(points[0]) == tuple(points[-1])
    path.moveTo(to_scene(points[0]))
    for p in points[1:-1] if closed else points[1:]:
        path.lineTo(to_scene(p))
    if closed:
        path.closeSubpath()
    return path


def segment_points(segment: Sequence[Sequence[float]]) -> tuple[QPointF, QPointF]:
    """Return the two scene end points of a model segment."""
    return to_scene(segment[0]), to_scene(segment[1])


def direction(heading_deg: float) -> QPointF:
    """Return the scene unit vector of a compass heading (0 = plan north = up on screen).

    >>> d = direction(90.0)
    >>> round(d.x(), 9), round(d.y(), 9) + 0.0
    (1.0, 0.0)
    """
    a = math.radians(heading_deg)
    return to_scene((math.sin(a), math.cos(a)))


def arc_angle(heading_deg: float) -> float:
    """Return the Qt arc angle (``QPainterPath.arcTo``) of a compass heading.

    Qt's arc angles run counter-clockwise *as displayed* from 3 o'clock, which in a y-down
    scene is the counter-clockwise math angle of the plan: ``90 - heading``.
    """
    return 90.0 - float(heading_deg)


def wedge_path(heading_deg: float, fov_deg: float, radius: float) -> QPainterPath:
    """Return a lens wedge around the origin: apex at (0, 0), axis along ``heading_deg``.

    A field of view of 360° or more gives a full disc.

    >>> r = wedge_path(90.0, 60.0, 10.0).boundingRect()
    >>> r.left() >= -1e-9 and r.right() > 9.9
    True
    """
    path = QPainterPath()
    box = QRectF(-radius, -radius, 2 * radius, 2 * radius)
    if fov_deg >= 360.0:
        path.addEllipse(box)
        return path
    path.moveTo(0.0, 0.0)
    path.arcTo(box, arc_angle(heading_deg) - fov_deg / 2.0, fov_deg)
    path.closeSubpath()
    return path


def add_arc(path: QPainterPath, centre: Sequence[float], radius: float, start_deg: float, sweep_deg: float) -> None:
    """Append a circular arc around plan point ``centre`` to ``path``.

    ``start_deg`` and ``sweep_deg`` are plan math angles (0 = east, counter-clockwise as seen on the
    plan). Qt's arc angles are counter-clockwise as displayed, so after the y flip they are the same
    numbers; the arc starts with a line from the path's current point.

    >>> path = QPainterPath(to_scene((1.0, 0.0)))
    >>> add_arc(path, (0.0, 0.0), 1.0, 0.0, 90.0)
    >>> tuple(round(v, 9) + 0.0 for v in from_scene(path.currentPosition()))
    (0.0, 1.0)
    """
    c = to_scene(centre)
    path.arcTo(QRectF(c.x() - radius, c.y() - radius, 2 * radius, 2 * radius), start_deg, sweep_deg)


def background_transform(transform: Sequence[float]) -> QTransform:
    """Return the QTransform mapping image pixels to scene points for a ``Background.transform``.

    The model maps pixel ``(u, v)`` to plan metres ``x = a·u + c·v + e``, ``y = b·u + d·v + f``;
    the scene point is then ``(x, -y)``.

    >>> t = background_transform((0.02, 0.0, 0.0, -0.02, 0.0, 30.0))
    >>> from_scene(t.map(QPointF(100, 500)))
    (2.0, 20.0)
    """
    a, b, c, d, e, f = (float(v) for v in transform)
    # QTransform(m11, m12, m21, m22, dx, dy): x' = m11·u + m21·v + dx, y' = m12·u + m22·v + dy
    return QTransform(a, -b, c, -d, e, -f)


def scene_rect(points: Iterable[Sequence[float]]) -> QRectF:
    """Return the scene bounding rectangle of model points (empty for no points)."""
    poly = to_scene_polygon(points)
    return poly.boundingRect() if poly.size() else QRectF()


def geometry_path(geometry: object, origin: Sequence[float] = (0.0, 0.0)) -> QPainterPath:
    """Return a filled scene path of the polygons of a shapely geometry (plan metres), holes included.

    Coordinates are taken relative to plan point ``origin`` (an item's position), so the path can be
    drawn by an item placed at ``to_scene(origin)``. Points and lines are left out.

    >>> from shapely.geometry import box
    >>> path = geometry_path(box(0, 0, 2, 1).difference(box(0.5, 0.25, 1.0, 0.75)), origin=(1.0, 0.0))
    >>> r = path.boundingRect()
    >>> (r.left(), r.top(), r.width(), r.height()), path.contains(QPointF(-0.25, -0.5))
    ((-1.0, -1.0, 2.0, 1.0), False)
    """
    return geometry_paths([geometry], origin)[0]


def geometry_paths(geometries: Sequence[object], origin: Sequence[float] = (0.0, 0.0)) -> list[QPainterPath]:
    """:func:`geometry_path` of each of ``geometries`` (None or empty: an empty path), converted together.

    >>> from shapely.geometry import box
    >>> holed = box(0, 0, 2, 2).difference(box(0.5, 0.5, 1, 1))
    >>> [(p.isEmpty(), p.elementCount()) for p in geometry_paths([box(0, 0, 1, 1), None, holed])]
    [(False, 5), (True, 1), (False, 10)]
    """
    rings: list[object] = []
    owner: list[int] = []
    for k, geometry in enumerate(geometries):
        if geometry is None or getattr(geometry, "is_empty", True):
            continue
        for part in parts(geometry, "Polygon"):
            for ring in (part.exterior, *part.interiors):
                rings.append(ring)
                owner.append(k)
    paths = []
    for _ in geometries:
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        paths.append(path)
    if not rings:
        return paths
    coords, index = shapely.get_coordinates(rings, return_index=True)
    counts = np.bincount(index, minlength=len(rings))
    scene = np.empty_like(coords)
    scene[:, 0] = coords[:, 0] - float(origin[0])
    scene[:, 1] = float(origin[1]) - coords[:, 1]
    for k, polygon in zip(owner, _polygons(scene, counts), strict=True):
        if polygon.size() >= 3:
            paths[k].addPolygon(polygon)
            paths[k].closeSubpath()
    return paths


def _polygons(points: np.ndarray, counts: np.ndarray) -> list[QPolygonF]:
    """Scene polygons of consecutive runs of ``points`` (n x 2), ``counts[i]`` points in the i-th.

    The points go to Qt in one block, read as Qt's own stream of polygons (count, then x and y as
    big-endian doubles), instead of one ``QPointF`` per vertex from Python.
    """
    header = np.asarray(counts, dtype=">u4")
    data = np.ascontiguousarray(points, dtype=">f8")
    chunks = []
    start = 0
    for i, n in enumerate(counts.tolist()):
        chunks.append(header[i:i + 1].tobytes())  # a slice keeps the byte order (an element would not)
        chunks.append(data[start:start + n].tobytes())
        start += n
    stream = QDataStream(QByteArray(b"".join(chunks)))
    out = []
    for _ in range(len(counts)):
        polygon = QPolygonF()
        stream >> polygon
        out.append(polygon)
    return out


def scene_length(metres: float) -> float:
    """A plan length in scene units (one scene unit is one metre; lengths are not flipped)."""
    return float(metres)
