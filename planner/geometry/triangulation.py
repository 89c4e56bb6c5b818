"""Triangulate the free space and index its triangles for walking (half-edge tables).

The free space is triangulated once per level with
:func:`shapely.constrained_delaunay_triangles`; every triangle is turned
counter-clockwise and its three half-edges get numbers ``3*t + i`` (from
vertex ``i`` to vertex ``i + 1``). ``twin[h]`` is the opposite half-edge in
the neighbouring triangle, or ``-1`` when the edge is *constrained*, i.e. it
lies on the free-space boundary (an obstacle face or the domain's edge).

>>> from shapely.geometry import box
>>> tri = Triangulation(box(0, 0, 4, 4).difference(box(1, 1, 2, 2)))
>>> tri.n_triangles, tri.constrained_edges().length
(8, 20.0)
"""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import LineString, MultiLineString, Point, box
from shapely.geometry.base import BaseGeometry

__all__ = ["Triangulation"]


class Triangulation:
    """A constrained Delaunay triangulation of a polygonal domain with adjacency tables.

    Parameters
    ----------
    free : Polygon or MultiPolygon
        The region to triangulate (valid).

    Attributes
    ----------
    x, y : list of float
        Vertex coordinates.
    org, dst : list of int
        Origin and destination vertex of every half-edge.
    nxt : list of int
        The next half-edge (counter-clockwise) in the same triangle.
    twin : list of int
        The opposite half-edge across the edge, ``-1`` for constrained edges.
    apex, beyond_a, beyond_b : list of int
        For an unconstrained half-edge ``h`` (from ``u`` to ``v``): the third vertex ``c`` of the
        triangle across it (``-1`` for constrained edges) and that triangle's half-edges ``u -> c``
        and ``c -> v``.
    triangles : numpy.ndarray
        The triangles as an array of shapely polygons (for the spatial index).
    """

    def __init__(self, free: BaseGeometry) -> None:
        self.free = free
        self._last_located: tuple[float, float, tuple[int, ...]] | None = None
        parts = shapely.get_parts(shapely.constrained_delaunay_triangles(free))
        parts = parts[shapely.get_num_coordinates(parts) == 4] if len(parts) else parts
        self.triangles = parts
        n = len(parts)
        self.n_triangles = n
        if n == 0:
            self.x, self.y = [], []
            self.org = self.dst = self.nxt = self.twin = []
            self.apex = self.beyond_a = self.beyond_b = []
            self.tree = shapely.STRtree(parts)
            self._tri_vertices = np.zeros((0, 3), dtype=np.int64)
            self._edges: BaseGeometry | None = None
            return
        coords = shapely.get_coordinates(parts).reshape(n, 4, 2)[:, :3, :]
        flat = np.ascontiguousarray(coords.reshape(-1, 2))
        # identical coordinates are one vertex (a complex view sorts faster than rows)
        _, first, inverse = np.unique(flat.view(np.complex128).ravel(), return_index=True, return_inverse=True)
        verts = flat[first]
        tv = inverse.reshape(n, 3).astype(np.int64)
        # orient every triangle counter-clockwise
        p0, p1, p2 = verts[tv[:, 0]], verts[tv[:, 1]], verts[tv[:, 2]]
        cross = (p1[:, 0] - p0[:, 0]) * (p2[:, 1] - p0[:, 1]) - (p1[:, 1] - p0[:, 1]) * (p2[:, 0] - p0[:, 0])
        cw = cross < 0
        tv[cw, 1], tv[cw, 2] = tv[cw, 2].copy(), tv[cw, 1].copy()
        org = tv.reshape(-1)
        dst = tv[:, [1, 2, 0]].reshape(-1)
        nv = np.int64(len(verts))
        key = org * nv + dst
        rev = dst * nv + org
        order = np.argsort(key, kind="stable")
        pos = np.searchsorted(key, rev, sorter=order)
        pos = np.minimum(pos, len(key) - 1)
        found = key[order[pos]] == rev
        twin = np.where(found, order[pos], -1)
        h = np.arange(3 * n)
        nxt = (h // 3) * 3 + (h % 3 + 1) % 3
        self._tri_vertices = tv
        self._verts = verts
        self.x = verts[:, 0].tolist()
        self.y = verts[:, 1].tolist()
        self.org = org.tolist()
        self.dst = dst.tolist()
        self.nxt = nxt.tolist()
        self.twin = twin.tolist()
        # for the walk: across half-edge h lies the triangle (twin, next, next-next); its far vertex is
        # the apex, and the two edges beyond are (origin of h's twin's next) -> apex -> (destination)
        safe = np.where(twin >= 0, twin, 0)
        beyond_a = nxt[safe]
        beyond_b = nxt[beyond_a]
        self.apex = np.where(twin >= 0, org[beyond_b], -1).tolist()
        self.beyond_a = beyond_a.tolist()
        self.beyond_b = beyond_b.tolist()
        self.tree = shapely.STRtree(parts)
        self._edges = None

    def constrained_edges(self) -> BaseGeometry:
        """Return the constrained edges (the free-space boundary) as a ``MultiLineString``."""
        if self._edges is None:
            lines = [
                ((self.x[a], self.y[a]), (self.x[b], self.y[b]))
                for a, b, t in zip(self.org, self.dst, self.twin, strict=True)
                if t < 0
            ]
            self._edges = MultiLineString(lines)
        return self._edges

    def edge_tree(self) -> tuple[shapely.STRtree, np.ndarray]:
        """Return an STRtree over the constrained edges and the half-edge number of each."""
        tree = getattr(self, "_edge_tree", None)
        if tree is None:
            hs = np.array([h for h, t in enumerate(self.twin) if t < 0], dtype=np.int64)
            if len(hs):
                org = np.asarray(self.org)[hs]
                dst = np.asarray(self.dst)[hs]
                xs, ys = np.asarray(self.x), np.asarray(self.y)
                lines = shapely.linestrings(
                    np.stack([np.stack([xs[org], ys[org]], axis=1), np.stack([xs[dst], ys[dst]], axis=1)], axis=1)
                )
            else:
                lines = np.array([], dtype=object)
            tree = (shapely.STRtree(lines), hs)
            self._edge_tree = tree
        return tree

    def boundary_distance(self, x: float, y: float) -> float:
        """Return the distance from ``(x, y)`` to the nearest constrained edge (``inf`` if none)."""
        tree, hs = self.edge_tree()
        if len(hs) == 0:
            return float("inf")
        _, dist = tree.query_nearest(Point(x, y), return_distance=True)
        return float(dist[0]) if len(dist) else float("inf")

    def locate(self, x: float, y: float) -> list[int]:
        """Return the triangles that contain ``(x, y)``, boundary included.

        A point inside a triangle gives one triangle, a point on a shared edge
        two, a point on a vertex all triangles around it, a point outside the
        free space none. The decision uses the same orientation tests as the
        visibility walk, so the triangles found tile the directions around the
        point exactly once.
        """
        last = self._last_located
        if last is not None and last[0] == x and last[1] == y:
            return list(last[2])  # a camera's viewpoint, then its walk, ask about the same point
        X, Y, org = self.x, self.y, self.org
        found = []
        for t in self.tree.query(Point(x, y)).tolist():
            a, b, c = org[3 * t], org[3 * t + 1], org[3 * t + 2]
            ax, ay, bx, by, cx, cy = X[a] - x, Y[a] - y, X[b] - x, Y[b] - y, X[c] - x, Y[c] - y
            if ax * by - ay * bx >= 0 and bx * cy - by * cx >= 0 and cx * ay - cy * ax >= 0:
                found.append(t)
        self._last_located = (x, y, tuple(found))
        return found

    def local_region(self, x: float, y: float, radius: float) -> BaseGeometry:
        """Return the union of the triangles within ``radius`` of ``(x, y)`` (a small piece of free space)."""
        idx = self.tree.query(box(x - radius, y - radius, x + radius, y + radius))
        if len(idx) == 0:
            return LineString()
        return shapely.union_all(self.triangles[idx])
