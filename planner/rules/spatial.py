"""A spatial index over a level's private zones, so per-camera passes do not scan every zone.

``IndexedZones`` is a list (code that iterates it sees every zone, in order);
:func:`near` returns the zones whose bounding boxes meet a geometry's, through
an STRtree built on first use: O(log n) per query instead of O(n).

>>> from types import SimpleNamespace
>>> from shapely.geometry import Point, box
>>> zones = IndexedZones(SimpleNamespace(polygon=box(i * 10, 0, i * 10 + 4, 4), name=i) for i in range(100))
>>> [z.name for z in near(zones, Point(52, 2).buffer(1))]
[5]
>>> len(near(list(zones), Point(52, 2)))  # a plain list: every zone
100
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, TypeVar

import shapely
from shapely.geometry.base import BaseGeometry

__all__ = ["IndexedZones", "near"]

T = TypeVar("T")


class IndexedZones(list[T]):
    """A list of items with a ``polygon`` attribute, with a lazily built STRtree over the polygons."""

    def __init__(self, items: Iterable[T] = ()) -> None:
        super().__init__(items)
        self._tree: shapely.STRtree | None = None
        self._size = -1

    def query(self, geom: BaseGeometry) -> list[T]:
        """Items whose polygon's bounding box meets ``geom``'s, in list order."""
        if self._tree is None or self._size != len(self):
            self._tree = shapely.STRtree([item.polygon for item in self])  # type: ignore[attr-defined]  # items carry a polygon
            self._size = len(self)
        return [self[i] for i in sorted(self._tree.query(geom).tolist())]


def near(zones: Sequence[Any], geom: BaseGeometry) -> Sequence[Any]:
    """The zones that may meet ``geom``: an index query for :class:`IndexedZones`, else all of them."""
    if isinstance(zones, IndexedZones) and len(zones) > 8:
        return zones.query(geom)
    return zones
