"""Import a DXF floor plan: walls from wall layers, rooms with their labels, doors and windows.

* Units come from ``$INSUNITS``; a unitless drawing needs ``units`` (the
  error carries a guess from the drawing's size).
* Wall layers are chosen by name (``墙``, ``WALL``, ``A-WALL``, ``QIANG``,
  columns ``柱``/``COLU``, curtain walls ``幕墙``/``A-GLAZ``), or by the
  ``layers`` patterns given. LINE, LWPOLYLINE, POLYLINE, ARC, CIRCLE,
  ELLIPSE and SPLINE on them become walls (glass for curtain-wall and glazing
  layers); each drawn line is one thin wall, so double-line walls stay two lines.
* Rooms are closed polylines and hatches on other layers and, where the
  drawing has none, the faces enclosed by the walls (door gaps closed by the
  doors). TEXT, MTEXT and block attributes inside a room give its name and a
  suggested use (:mod:`planner.importers.labels`).
* Block references named like doors (``DOOR``, ``门``, ``M0921``, ``FM1021``)
  or on door layers become doors on the nearest parallel wall, as wide as the
  door drawn (or as its code says); windows likewise (``WINDOW``, ``窗``, ``C1518``).
* The drawing itself is rendered as the level's background.

Coordinates are plan metres: drawing units times the unit factor, shifted
when the drawing lies more than 10 km from its origin (``details['origin_offset_m']``).
"""

from __future__ import annotations

import fnmatch
import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import shapely
from ezdxf import units as ezunits
from shapely.geometry import LinearRing, LineString, Point, Polygon
from shapely.geometry.base import BaseGeometry

from planner.geometry.convert import parts
from planner.geometry.obstacles import opening_cut
from planner.importers.dxf_doors import (
    FURNITURE_BLOCK_RE,
    DoorSwing,
    door_swing,
    is_swing_arc,
    snap_to_wall,
    swing_leaves,
)
from planner.importers.dxf_walls import Arc, PairedWall, PairingTooDenseError, column_wall, pair_walls
from planner.importers.dxf_windows import MAX_WINDOW_M, MIN_WINDOW_M, glazed_gaps
from planner.importers.labels import classify_label, clean_label, is_area_text, is_hotel_label, is_placeholder
from planner.importers.limits import check_arc, curve_points
from planner.importers.repair import repair_level
from planner.importers.result import (
    IMPORT_LIMITS,
    ImportResult,
    PlanImportError,
    ReviewItem,
    UnitsRequiredError,
    add_background,
)
from planner.model import Label, Level, Opening, Project, Venue, Wall, Zone
from planner.rules.pack import DEFAULT_RULE_PACK, load_rule_pack

__all__ = [
    "DOOR_BLOCK_RE",
    "UNIT_FACTORS",
    "WALL_LAYER_RE",
    "WINDOW_BLOCK_RE",
    "import_dxf",
    "is_wall_layer",
]

#: ``$INSUNITS`` codes of the units a floor plan is drawn in, by their abbreviation.
_PLAN_UNITS: dict[str, ezunits.InsertUnits] = {
    str(ezunits.decode(code)): ezunits.InsertUnits(code)
    for code in (ezunits.MM, ezunits.CM, ezunits.DM, ezunits.M, ezunits.IN, ezunits.FT)
}
#: Length units accepted for ``units``: name -> metres.
UNIT_FACTORS: dict[str, float] = {name: round(ezunits.conversion_factor(code, ezunits.InsertUnits.Meters), 10)
                                  for name, code in _PLAN_UNITS.items()}

WALL_LAYER_RE = re.compile(
    r"墙|wall|qiang|^q$|^q[-_ ]|柱|colu|column|glaz|glass|curtain|玻璃|wand|mauer|st[üu]tze|^murs?\b|cloison|"
    r"muro|pared|tabique|pilar|poteau|partition|existing structure|crystal|cristal|vidrio|verre|glas\b|vitr",
    re.IGNORECASE,
)
_GLASS_LAYER_RE = re.compile(r"glaz|glas|curtain|幕墙|玻璃|crystal|cristal|vidrio|verre|vitr", re.IGNORECASE)
DOOR_BLOCK_RE = re.compile(r"door|门|dorlib|^[a-z]{0,3}m\d{3,4}|^[a-z]{0,3}m\d?$|^m[-_]", re.IGNORECASE)
WINDOW_BLOCK_RE = re.compile(r"window|窗|winlib|^[a-z]{0,2}c\d{3,4}|^c[-_]", re.IGNORECASE)
_DOOR_LAYER_RE = re.compile(r"door|门", re.IGNORECASE)
_WINDOW_LAYER_RE = re.compile(r"window|窗|^a-glaz-sill", re.IGNORECASE)
#: Layers whose closed shapes and texts are never rooms or room labels.
_IGNORED_LAYER_RE = re.compile(
    r"dim|标注|尺寸|axis|轴|title|图框|图签|^tk|frame|border|defpoints|furn|家具|洁具|plumb|equip|设备|"
    r"pattern|填充|grid|elev|立面|detail|详图|symb|符号|index|索引|electr|电气|强电|弱电|cabl|电缆|线缆|power|插座|"
    r"socket|outlet|light|照明|lamp|灯|data|comms|telec|network|网络|^e-|^i-6|^el[-_ ]|fire.?alarm|消防|sprink|喷淋|"
    r"hvac|暖通|空调|plumb|给排水|sanit.*fixt|mech|机电",
    re.IGNORECASE,
)
#: Layers whose lines are neither walls nor door leaves.
_LINE_IGNORED_LAYER_RE = re.compile(
    r"dim|标注|尺寸|axis|轴|title|图框|图签|^tk|border|defpoints|pattern|填充|hatch|grid|text|文字|elev|立面|detail|"
    r"详图|index|索引|electr|电气|强电|弱电|cabl|电缆|power|插座|socket|light|照明|lamp|plumb|给排水|hvac|暖通|"
    r"furn|家具|洁具|equip|设备|floor(ing)?$|flooring|铺装|cancel|projection",
    re.IGNORECASE,
)
_DOOR_CODE_RE = re.compile(r"(\d{2})(\d{2})")

WALL_THICKNESS_M = 0.05
MIN_ROOM_AREA_M2 = 1.5
MIN_ROOM_WIDTH_M = 0.6
DEFAULT_DOOR_WIDTH_M = 0.9
DEFAULT_WINDOW_WIDTH_M = 1.2
_MAX_BLOCK_DEPTH = 6
_MIN_FRAME_M = 5.0
_FAR_ORIGIN_M = 10_000.0


def _matches(name: str, patterns: Sequence[str]) -> bool:
    lower = name.lower()
    return any(fnmatch.fnmatchcase(lower, p.lower()) for p in patterns)


def is_wall_layer(name: str, patterns: Sequence[str] | None = None) -> bool:
    """True when layer ``name`` holds walls: by default a name like 墙 / WALL / A-WALL / 柱 / 幕墙.

    >>> is_wall_layer("A-WALL-FULL"), is_wall_layer("墙体"), is_wall_layer("PUB_TEXT")
    (True, True, False)
    >>> is_wall_layer("MY-LINES", ["my-*"])
    True
    """
    if patterns:
        lower = name.lower()
        return any(fnmatch.fnmatchcase(lower, p.lower()) for p in patterns)
    return bool(WALL_LAYER_RE.search(name))


_Seg = tuple[tuple[float, float], tuple[float, float]]


@dataclass
class _Label:
    text: str
    point: tuple[float, float]
    layer: str
    size: float = 0.0  # font height, as the point (0: unknown)


@dataclass
class _Insert:
    kind: str  # door | window
    name: str
    layer: str
    origin: tuple[float, float]
    axis: tuple[float, float]
    points: list[tuple[float, float]]
    nominal_width_m: float | None


@dataclass
class _Collected:
    walls: list[tuple[list[tuple[float, float]], bool, str]] = field(default_factory=list)  # path, closed, layer
    wall_arcs: list[tuple[tuple[float, float], float, float, float, str]] = field(default_factory=list)
    #: ARCs on every layer (centre, radius, start, end degrees counter-clockwise, layer): door swings
    arcs: list[tuple[tuple[float, float], float, float, float, str]] = field(default_factory=list)
    #: open lines on the other plan layers: door leaves, and walls when no layer is named like one
    lines: list[tuple[list[tuple[float, float]], str]] = field(default_factory=list)
    #: door blocks drawn as a swing (whatever their name): the block's arcs and lines, and its name
    block_swings: list[tuple[list[Any], list[tuple[tuple[float, float], tuple[float, float]]], str, str]] = field(
        default_factory=list)
    furniture_blocks: int = 0
    not_windows: int = 0
    rooms: list[tuple[Polygon, str]] = field(default_factory=list)
    labels: list[_Label] = field(default_factory=list)
    inserts: list[_Insert] = field(default_factory=list)
    proxies: int = 0
    skipped: int = 0
    entities: int = 0
    layers_used: set[str] = field(default_factory=set)
    #: entities per layer (model space)
    layer_entities: dict[str, int] = field(default_factory=dict)
    #: blocks named like a floor (1F, 一层, Erdgeschoss): their name and extent (drawing units)
    floor_blocks: list[tuple[str, tuple[float, float, float, float]]] = field(default_factory=list)
    #: large rectangles (title frames, sheet borders): their extent (drawing units)
    frames: list[tuple[float, float, float, float]] = field(default_factory=list)
    #: floor names written anywhere (title blocks too): text and centre (drawing units)
    floor_names: list[tuple[str, tuple[float, float]]] = field(default_factory=list)


class _Reader:
    """Walks model space (and block references) and collects geometry in drawing units."""

    def __init__(self, file: str, wall_layers: Sequence[str] | None, flatten: float,
                 factor: float | None = None, door_layers: Sequence[str] | None = None,
                 ignore_layers: Sequence[str] | None = None) -> None:
        self.file = file
        self.patterns = wall_layers
        self.door_patterns = door_layers
        self.ignore_patterns = ignore_layers
        self._ignore_cache: dict[str, bool] = {}
        self.flatten = flatten
        self.factor = factor  # drawing units -> metres, once known
        self.out = _Collected()
        self._wall_cache: dict[str, bool] = {}

    def ignored(self, layer: str) -> bool:
        if not self.ignore_patterns:
            return False
        if layer not in self._ignore_cache:
            self._ignore_cache[layer] = _matches(layer, self.ignore_patterns)
        return self._ignore_cache[layer]

    def door_layer(self, layer: str) -> bool:
        if self.door_patterns:
            return _matches(layer, self.door_patterns)
        return bool(_DOOR_LAYER_RE.search(layer))

    def wall(self, layer: str) -> bool:
        if layer not in self._wall_cache:
            self._wall_cache[layer] = is_wall_layer(layer, self.patterns)
        return self._wall_cache[layer]

    def walk(self, entities: Iterable[Any], depth: int = 0, parent_layer: str | None = None) -> None:
        from ezdxf import path as ezpath

        for entity in entities:
            self.out.entities += 1
            if self.out.entities > IMPORT_LIMITS.dxf_entities:
                limit = IMPORT_LIMITS.dxf_entities
                raise PlanImportError(self.file, f"more than {limit} entities: too large a drawing")
            kind = entity.dxftype()
            layer = entity.dxf.get("layer", "0")
            if parent_layer is not None and layer == "0":
                layer = parent_layer
            if depth == 0:
                self.out.layer_entities[layer] = self.out.layer_entities.get(layer, 0) + 1
            if self.ignored(layer):
                continue
            try:
                if kind == "INSERT":
                    self._insert(entity, layer, depth)
                elif kind in ("TEXT", "MTEXT", "ATTRIB"):
                    self._text(entity, layer)
                elif kind in ("LINE", "LWPOLYLINE", "POLYLINE", "ARC", "CIRCLE", "ELLIPSE", "SPLINE"):
                    if kind == "POLYLINE" and (entity.is_poly_face_mesh or entity.is_polygon_mesh):
                        continue
                    if kind == "ARC":
                        arc = check_arc(_arc_wcs(entity, layer), metres_per_unit=0.01 / self.flatten)
                        self.out.arcs.append(arc)
                        if self.wall(layer):
                            self.out.wall_arcs.append(arc)
                            self.out.layers_used.add(layer)
                            continue
                    if kind == "LINE":
                        points = [(entity.dxf.start.x, entity.dxf.start.y), (entity.dxf.end.x, entity.dxf.end.y)]
                    elif kind == "LWPOLYLINE" and not entity.has_arc and _plain_ocs(entity):
                        points = [(x, y) for x, y in entity.get_points("xy")]
                    else:
                        p = ezpath.make_path(entity)
                        points = curve_points(p, self.flatten, metres_per_unit=0.01 / self.flatten)
                    closed = kind == "CIRCLE" or (kind == "LWPOLYLINE" and entity.closed) or (
                        kind == "POLYLINE" and entity.is_closed) or (
                        len(points) > 2 and math.dist(points[0], points[-1]) < 1e-9)
                    self._shape(points, closed, layer)
                elif kind == "HATCH":
                    self._hatch(entity, layer)
                elif kind in ("ACAD_PROXY_ENTITY", "PROXY"):
                    self.out.proxies += 1
            except PlanImportError:
                raise
            except Exception:  # a damaged or exotic entity: skip it, count it, keep the rest
                self.out.skipped += 1

    def _shape(self, points: list[tuple[float, float]], closed: bool, layer: str) -> None:
        pts = _dedupe(points)
        if len(pts) < 2:
            return
        if closed and self.factor is not None and 4 <= len(pts) <= 5:
            frame = _rectangle(pts)
            if frame is not None and min(frame[2] - frame[0], frame[3] - frame[1]) * self.factor >= _MIN_FRAME_M:
                self.out.frames.append(frame)
        if self.wall(layer):
            if closed and pts[0] != pts[-1]:
                pts.append(pts[0])
            self.out.walls.append((pts, closed, layer))
            self.out.layers_used.add(layer)
        elif closed and len(pts) >= 3 and not _IGNORED_LAYER_RE.search(layer):
            poly = _valid_polygon(pts)
            if poly is not None:
                self.out.rooms.append((poly, layer))
        if not self.wall(layer) and not _LINE_IGNORED_LAYER_RE.search(layer):
            self.out.lines.append((pts, layer))

    def _hatch(self, entity: Any, layer: str) -> None:
        from ezdxf import path as ezpath

        if self.wall(layer) or _IGNORED_LAYER_RE.search(layer):
            return
        rings = [_dedupe(curve_points(p, self.flatten, metres_per_unit=0.01 / self.flatten))
                 for p in ezpath.from_hatch(entity)]
        polys = [poly for ring in rings if len(ring) >= 3 for poly in [_valid_polygon(ring)] if poly is not None]
        if not polys:
            return
        polys.sort(key=lambda g: -g.area)
        outer = polys[0]
        for hole in polys[1:]:
            if outer.contains(hole):
                outer = outer.difference(hole)
        for part in parts(outer, "Polygon"):
            self.out.rooms.append((Polygon(part.exterior.coords), layer))

    def _text(self, entity: Any, layer: str) -> None:
        kind = entity.dxftype()
        if _IGNORED_LAYER_RE.search(layer):
            if kind != "ATTRIB" and self.factor is not None:  # a floor's title in its frame
                raw = entity.plain_text() if kind == "MTEXT" else entity.dxf.get("text", "")
                if len(raw) < 40 and _FLOOR_RE.search(clean_label(raw)):
                    self.out.floor_names.append((clean_label(raw), _text_centre(entity)))
            return
        raw = entity.plain_text() if kind == "MTEXT" else entity.dxf.get("text", "")
        text = clean_label(raw)
        if not text or is_placeholder(text):
            return
        if _FLOOR_RE.search(text):
            self.out.floor_names.append((text, _text_centre(entity)))
        if kind == "ATTRIB" and text.upper() == str(entity.dxf.get("tag", "")).upper():
            return  # an attribute still showing its tag
        height = float(entity.dxf.get("char_height" if kind == "MTEXT" else "height", 0.0) or 0.0)
        self.out.labels.append(_Label(text, _text_centre(entity), layer, height))

    def _insert(self, entity: Any, layer: str, depth: int) -> None:
        name = entity.dxf.get("name", "")
        for attrib in getattr(entity, "attribs", []):
            self._text(attrib, layer if attrib.dxf.get("layer", "0") == "0" else attrib.dxf.layer)
        floor = _floor_block_name(name)
        if floor is not None and depth == 0 and self.factor is not None:
            mark = self._mark()
            self.walk(entity.virtual_entities(), depth + 1, layer)
            box = self._extent_since(mark)
            if box is not None:
                self.out.floor_blocks.append((floor, box))
            return
        if FURNITURE_BLOCK_RE.search(name):  # furniture, fixtures, symbols: never walls, rooms or openings
            self.out.furniture_blocks += 1
            return
        by_name_door = bool(DOOR_BLOCK_RE.search(name))
        by_name_window = bool(WINDOW_BLOCK_RE.search(name)) and not by_name_door
        door_layer = self.door_layer(layer)
        window_layer = bool(_WINDOW_LAYER_RE.search(layer))
        if self.factor is not None and not by_name_window:
            swing = self._swing_block(entity)
            if swing is not None:  # a door by its shape, whatever its name and layer
                self.out.block_swings.append((*swing, name, layer))
                return
        if by_name_door or (door_layer and not by_name_window and not window_layer):
            self._opening(entity, "door", name, layer)
            return
        if by_name_window or (window_layer and self._window_shaped(entity)):
            self._opening(entity, "window", name, layer)
            return
        if window_layer or door_layer:
            self.out.not_windows += 1
        if depth >= _MAX_BLOCK_DEPTH:
            self.out.skipped += 1
            return
        self.walk(entity.virtual_entities(), depth + 1, layer)

    def _mark(self) -> tuple[int, int, int, int]:
        return len(self.out.walls), len(self.out.lines), len(self.out.arcs), len(self.out.labels)

    def _extent_since(self, mark: tuple[int, int, int, int]) -> tuple[float, float, float, float] | None:
        """The extent of the walls, lines, arcs and labels read since ``mark``."""
        w, ln, a, lb = mark
        pts = [p for pts, _c, _l in self.out.walls[w:] for p in pts]
        pts += [p for pts, _l in self.out.lines[ln:] for p in pts]
        pts += [arc[0] for arc in self.out.arcs[a:]] + [label.point for label in self.out.labels[lb:]]
        if not pts:
            return None
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return (min(xs), min(ys), max(xs), max(ys))

    def _swing_block(self, entity: Any) -> tuple[list[Any], list[_Seg]] | None:
        """The swing arcs and lines of a block that looks like a door (a quarter arc of a door's radius), or None."""
        arcs: list[Any] = []
        lines: list[_Seg] = []
        xs: list[float] = []
        ys: list[float] = []
        try:
            for sub in entity.virtual_entities():
                kind = sub.dxftype()
                if kind == "ARC":
                    arcs.append(_arc_wcs(sub, "0"))
                elif kind == "LINE":
                    a, b = (sub.dxf.start.x, sub.dxf.start.y), (sub.dxf.end.x, sub.dxf.end.y)
                    lines.append((a, b))
                    xs += [a[0], b[0]]
                    ys += [a[1], b[1]]
                elif kind in ("LWPOLYLINE", "POLYLINE"):
                    pts = [(v[0], v[1]) for v in (sub.get_points("xy") if kind == "LWPOLYLINE" else
                                                  [(p.dxf.location.x, p.dxf.location.y) for p in sub.vertices])]
                    lines += list(zip(pts, pts[1:] + ([pts[0]] if getattr(sub, "closed", False) else []), strict=False))
                    xs += [p[0] for p in pts]
                    ys += [p[1] for p in pts]
                elif kind in ("CIRCLE", "ELLIPSE", "SPLINE", "INSERT", "HATCH"):
                    return None  # fixtures and furniture have circles, ellipses and curves a door has not
        except Exception:
            return None
        f = self.factor or 1.0
        swings = [a for a in arcs if is_swing_arc(Arc((0.0, 0.0), a[1] * f, a[2], a[3], "0"))]
        if not swings or len(arcs) > 4:
            return None
        r = max(a[1] for a in swings)
        for a in swings:
            xs += [a[0][0] - a[1], a[0][0] + a[1]]
            ys += [a[0][1] - a[1], a[0][1] + a[1]]
        if max(xs) - min(xs) > 2.6 * r or max(ys) - min(ys) > 2.6 * r:
            return None
        return swings, lines

    def _window_shaped(self, entity: Any) -> bool:
        """True for a block drawn like a window: a thin band of lines along one axis, no arcs or circles."""
        xs: list[float] = []
        ys: list[float] = []
        try:
            for sub in entity.virtual_entities():
                kind = sub.dxftype()
                if kind in ("ARC", "CIRCLE", "ELLIPSE", "SPLINE", "INSERT", "TEXT", "MTEXT"):
                    return False
                if kind == "LINE":
                    xs += [sub.dxf.start.x, sub.dxf.end.x]
                    ys += [sub.dxf.start.y, sub.dxf.end.y]
                elif kind == "LWPOLYLINE":
                    pts = list(sub.get_points("xy"))
                    xs += [p[0] for p in pts]
                    ys += [p[1] for p in pts]
        except Exception:
            return False
        if not xs:
            return False
        f = self.factor or 1.0
        w, h = (max(xs) - min(xs)) * f, (max(ys) - min(ys)) * f
        long, short = max(w, h), min(w, h)
        if self.factor is None:
            return short < 0.2 * long
        return 0.3 <= long <= 6.0 and short <= 0.6

    def _opening(self, entity: Any, kind: str, name: str, layer: str) -> None:
        from ezdxf import path as ezpath

        m = entity.matrix44()
        origin = m.transform((0, 0, 0))
        axis = m.transform_direction((1, 0, 0))
        length = math.hypot(axis.x, axis.y) or 1.0
        points: list[tuple[float, float]] = []
        for sub in entity.virtual_entities():
            try:
                if sub.dxftype() == "LINE":
                    points += [(sub.dxf.start.x, sub.dxf.start.y), (sub.dxf.end.x, sub.dxf.end.y)]
                elif sub.dxftype() in ("LWPOLYLINE", "POLYLINE", "ARC", "CIRCLE", "ELLIPSE", "SPLINE"):
                    points += curve_points(ezpath.make_path(sub), self.flatten, metres_per_unit=0.01 / self.flatten)
            except Exception:
                continue
        code = _DOOR_CODE_RE.search(name)
        nominal = int(code.group(1)) / 10.0 if code and int(code.group(1)) >= 4 else None
        self.out.inserts.append(
            _Insert(kind, name, layer, (origin.x, origin.y), (axis.x / length, axis.y / length), points, nominal)
        )


def _rectangle(pts: Sequence[tuple[float, float]]) -> tuple[float, float, float, float] | None:
    """The extent of a closed outline that is an upright rectangle, else ``None``."""
    ring = list(pts[:-1]) if len(pts) == 5 and math.dist(pts[0], pts[-1]) < 1e-9 else list(pts)
    if len(ring) != 4:
        return None
    xs, ys = [p[0] for p in ring], [p[1] for p in ring]
    x0, y0, x1, y1 = min(xs), min(ys), max(xs), max(ys)
    tol = 1e-6 * max(x1 - x0, y1 - y0, 1.0)
    if x1 - x0 <= tol or y1 - y0 <= tol:
        return None
    for x, y in ring:
        if min(abs(x - x0), abs(x - x1)) > tol or min(abs(y - y0), abs(y - y1)) > tol:
            return None
    return (x0, y0, x1, y1)


def _floor_block_name(name: str) -> str | None:
    """The floor a block's name names (``1F``, ``FLOOR_2F``, ``一层平面``, ``Erdgeschoss``), else ``None``."""
    if not name or name.startswith("*"):
        return None
    text = re.sub(r"[_\-]+", " ", name).strip()
    if _FLOOR_RE.search(text):
        return text
    text = re.sub(r"^(?:floor|plan|etage|geschoss|planta|楼层)\s+(?=\S)", "", text, flags=re.IGNORECASE)
    return text if _FLOOR_RE.search(text) else None


def _plain_ocs(entity: Any) -> bool:
    """True when an entity's coordinates are world coordinates (its extrusion is +Z)."""
    ex = entity.dxf.get("extrusion", (0.0, 0.0, 1.0))
    return abs(ex[0]) < 1e-12 and abs(ex[1]) < 1e-12 and ex[2] > 0


def _arc_wcs(entity: Any, layer: str) -> tuple[tuple[float, float], float, float, float, str]:
    """An ARC's centre, radius and counter-clockwise start/end angles in world coordinates."""
    centre = entity.ocs().to_wcs(entity.dxf.center)
    start, end = entity.start_point, entity.end_point
    if entity.dxf.get("extrusion", (0, 0, 1))[2] < 0:  # mirrored: clockwise seen from above
        start, end = end, start
    a0 = math.degrees(math.atan2(start.y - centre.y, start.x - centre.x))
    a1 = math.degrees(math.atan2(end.y - centre.y, end.x - centre.x))
    return ((centre.x, centre.y), float(entity.dxf.radius), a0, a1, layer)


def _text_centre(entity: Any) -> tuple[float, float]:
    """Approximate centre of a TEXT / MTEXT / ATTRIB, in drawing units."""
    kind = entity.dxftype()
    height = float(entity.dxf.get("char_height" if kind == "MTEXT" else "height", 1.0) or 1.0)
    ins = entity.dxf.get("insert")
    x, y = (ins.x, ins.y) if ins is not None else (0.0, 0.0)
    if kind == "MTEXT":
        # attachment point 1..9: top/middle/bottom x left/centre/right
        attach = int(entity.dxf.get("attachment_point", 1) or 1)
        width = float(entity.dxf.get("width", 0.0) or 0.0)
        lines = max(1, entity.plain_text().count("\n") + 1)
        col, row = (attach - 1) % 3, (attach - 1) // 3
        angle = math.radians(float(entity.dxf.get("rotation", 0.0) or 0.0))
        dx = (0.5 - col * 0.5) * width
        dy = -(0.5 - row * 0.5) * height * lines * 1.6 if row != 1 else 0.0
        return (x + dx * math.cos(angle) - dy * math.sin(angle), y + dx * math.sin(angle) + dy * math.cos(angle))
    halign = int(entity.dxf.get("halign", 0) or 0)
    valign = int(entity.dxf.get("valign", 0) or 0)
    align = entity.dxf.get("align_point")
    if (halign or valign) and align is not None:
        x, y = align.x, align.y
        if halign in (1, 4) and valign in (0, 2):  # centred horizontally: middle of the text's height
            return (x, y + (height / 2 if valign == 0 else 0.0))
        if halign in (3, 5):  # aligned / fit: between insert and align point
            return ((ins.x + align.x) / 2, (ins.y + align.y) / 2 + height / 2)
        return (x, y)
    angle = math.radians(float(entity.dxf.get("rotation", 0.0) or 0.0))
    text = entity.dxf.get("text", "")
    width = height * sum(1.0 if ord(ch) > 0x2E80 else 0.6 for ch in text)
    dx, dy = width / 2, height / 2
    return (x + dx * math.cos(angle) - dy * math.sin(angle), y + dx * math.sin(angle) + dy * math.cos(angle))


def _dedupe(points: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    out: list[tuple[float, float]] = []
    for p in points:
        if not out or math.dist(out[-1], p) > 1e-9:
            out.append((float(p[0]), float(p[1])))
    return out


def _valid_polygon(points: Sequence[tuple[float, float]]) -> Polygon | None:
    poly = Polygon(points)
    if not poly.is_valid:
        fixed = shapely.make_valid(poly)
        pieces = parts(fixed, "Polygon")
        if not pieces:
            return None
        poly = max(pieces, key=lambda g: g.area)
    return None if poly.is_empty or poly.area <= 0 else Polygon(poly.exterior.coords)


# -- reading ---------------------------------------------------------------------------------


def _read(path: Path) -> tuple[Any, list[str]]:
    import ezdxf
    from ezdxf import recover

    file = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise PlanImportError(file, "file not found") from None
    except OSError as exc:
        raise PlanImportError(file, f"cannot read: {exc.strerror or exc}") from None
    if path.is_dir():
        raise PlanImportError(file, "is a folder, not a DXF file")
    if size == 0:
        raise PlanImportError(file, "the file is empty")
    if size > IMPORT_LIMITS.file_size:
        raise PlanImportError(file, f"file is too large ({size // 2**20} MiB)")
    with path.open("rb") as fh:
        head = fh.read(6)
    if head.startswith(b"AC10"):
        raise PlanImportError(file, "this is a DWG file: save it as DXF in your CAD program, then import the DXF")
    notes: list[str] = []
    try:
        try:  # the plain reader is faster, and the only one for binary DXF
            doc = ezdxf.readfile(file)
            auditor = doc.audit()
        except Exception:
            if _is_binary_dxf(path):
                raise
            doc, auditor = recover.readfile(file)  # recovery mode repairs what it can
    except ezdxf.DXFStructureError as exc:
        raise PlanImportError(file, f"not a readable DXF file ({exc})") from None
    except (OSError, UnicodeError) as exc:
        raise PlanImportError(file, f"cannot read the DXF file ({exc})") from None
    except Exception as exc:  # ezdxf raises many kinds on garbage input
        raise PlanImportError(file, f"not a readable DXF file ({type(exc).__name__}: {exc})") from None
    if auditor.has_errors:
        notes.append(f"the DXF file had {len(auditor.errors)} structural error(s); repaired what could be")
    if len(doc.modelspace()) == 0 and not any(len(layout) for layout in _paper_layouts(doc)):
        raise PlanImportError(file, "not a readable DXF file: no drawing entities could be read from it")
    return doc, notes


def _is_binary_dxf(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(22).startswith(b"AutoCAD Binary DXF")


def _units(doc: Any, file: str, units: str | None, extent: float) -> tuple[str, float]:
    if units is not None:
        key = units.strip().lower()
        if key not in UNIT_FACTORS:
            raise PlanImportError(file, f"unknown unit {units!r}: use {', '.join(UNIT_FACTORS)}")
        return key, UNIT_FACTORS[key]
    code = int(doc.header.get("$INSUNITS", 0) or 0)
    if code in _PLAN_UNITS.values():
        name = str(ezunits.decode(code))
        return name, UNIT_FACTORS[name]
    if code == 0:
        guess = "mm" if extent > 500 else "m"
        raise UnitsRequiredError(
            file,
            f"the drawing does not say its units ($INSUNITS = 0): choose mm, cm or m; "
            f"its size suggests {guess}",
            suggested=guess,
        )
    raise PlanImportError(
        file, f"the drawing's units ({ezunits.unit_name(code) or code}) are not plan units: give --units mm, cm or m"
    )


# -- building the level ------------------------------------------------------------------------


def _loose_swings(got: _Collected, to_m: Any, factor: float, door_layers: Sequence[str] | None = None
                  ) -> list[DoorSwing]:
    """Doors drawn as loose lines: a quarter arc with a leaf line from its centre, on any layer.

    The arcs found are taken out of the wall arcs (a swing on a wall layer is not a curved wall).
    """
    arcs = [(raw, Arc(to_m(raw[0]), raw[1] * factor, raw[2], raw[3], raw[4])) for raw in got.arcs]
    arcs = [(raw, arc) for raw, arc in arcs if is_swing_arc(arc)]
    if not arcs:
        return []
    segs: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for pts, _layer in got.lines:
        m = [to_m(p) for p in pts]
        segs += list(itertools.pairwise(m))
    for pts, _closed, _layer in got.walls:
        m = [to_m(p) for p in pts]
        segs += list(itertools.pairwise(m))
    if not segs:
        return []
    tree = shapely.STRtree([LineString(seg) for seg in segs])
    found: list[DoorSwing] = []
    used: set[int] = set()
    for k, (raw, arc) in enumerate(arcs):
        near = tree.query(Point(arc.centre), predicate="dwithin", distance=max(0.06, 0.08 * arc.radius))
        leaves = swing_leaves(arc, [segs[int(i)] for i in near])
        if len(leaves) > 1:  # a line to each end (a leaf and a sill line): the walls decide, once built
            got.block_swings.append(([raw], [], "", arc.layer))
            used.add(k)
            continue
        swing = leaves[0] if leaves else None
        if swing is None and door_layers and _matches(arc.layer, door_layers):
            got.block_swings.append(([raw], [], "", arc.layer))  # a door layer's arc: placed once walls are known
            used.add(k)
            continue
        if swing is None or any(math.dist(swing.hinge, f.hinge) < 0.05 and
                                math.dist(swing.closed_end, f.closed_end) < 0.1 for f in found):
            continue
        found.append(swing)
        used.add(k)
    taken = {id(arcs[k][0]) for k in used}
    got.wall_arcs = [a for a in got.wall_arcs if id(a) not in taken]
    return found


def _block_swings(got: _Collected, to_m: Any, factor: float, walls: Sequence[Wall]) -> list[DoorSwing]:
    """Door blocks (found by their swing arc): the leaf decides the closed end, else the wall they close."""
    found = []
    wall_paths = [(w.path, w.thickness_m) for w in walls]
    for arcs, lines, _name, layer in got.block_swings:
        lines_m = [(to_m(a), to_m(b)) for a, b in lines]
        for c, r, a0, a1, *_ in arcs:
            arc = Arc(to_m(c), r * factor, a0, a1, layer)
            swing = door_swing(arc, lines_m)
            if swing is None:  # no leaf drawn: the closed end is the one that lies along a wall
                ends = _arc_end_points(arc)
                for closed, opened in (ends, ends[::-1]):
                    trial = DoorSwing(arc.centre, closed, opened, arc.radius, layer)
                    if snap_to_wall(trial, wall_paths)[1] is not None:
                        swing = trial
                        break
            if swing is not None:
                found.append(swing)
    return found


def _arc_end_points(arc: Arc) -> tuple[tuple[float, float], tuple[float, float]]:
    pts = arc.points(chord_m=10.0)
    return pts[0], pts[-1]


def _swing_openings(swings: Sequence[DoorSwing], walls: Sequence[Wall]) -> list[Opening]:
    """One door opening per swing, laid on the centre-line of the wall whose gap it closes."""
    wall_paths = [(w.path, w.thickness_m) for w in walls]
    out: list[Opening] = []
    for swing in swings:
        (a, b), k = snap_to_wall(swing, wall_paths)
        segment = (_r(a), _r(b))
        if any(_same_segment(segment, o.segment) for o in out):
            continue
        opening = Opening(id=f"d{len(out) + 1}", kind="door", segment=segment, wall=None,
                          extra={"import": {"found": "swing", "layer": swing.layer,
                                            "radius_m": round(swing.radius, 3)}})
        if k is not None and opening_cut(opening, walls[k]) is not None:
            opening.wall = walls[k].id  # drawn over a continuous wall: it cuts it
        out.append(opening)
    return out


def _same_segment(s: Sequence[Sequence[float]], t: Sequence[Sequence[float]]) -> bool:
    return (math.dist(s[0], t[0]) < 0.05 and math.dist(s[1], t[1]) < 0.05) or (
        math.dist(s[0], t[1]) < 0.05 and math.dist(s[1], t[0]) < 0.05)


def _build_walls(got: _Collected, to_m: Any, factor: float, thin_m: float, notes: list[str],
                 door_layers: Sequence[str] | None = None) -> list[Wall]:
    """Centre-line walls from the wall layers: facing lines paired, columns, single lines kept thin.

    Partitions drawn on the door layers with their doors (office fit-outs do so) are walls too: pairs of
    lines there at least 70 mm apart and 0.3 m long (a door's leaf and frame are thinner or shorter).
    When no layer is named like a wall layer, walls are guessed from pairs of
    parallel lines on the other plan layers (single lines are then dropped).
    """
    found: list[PairedWall] = []
    segments: list[tuple[tuple[float, float], tuple[float, float], str, int]] = []
    door_layer = _door_layer_test(door_layers)
    partition_layers: set[str] = set()
    if got.walls:
        for n, (pts, layer) in enumerate(got.lines, start=len(got.walls)):
            if door_layer(layer) and len(pts) >= 2:
                path = _dedupe([to_m(p) for p in pts])
                segments.extend((a, b, layer, n) for a, b in itertools.pairwise(path) if math.dist(a, b) >= 0.05)
                partition_layers.add(layer)
    for n, (pts, closed, layer) in enumerate(got.walls):
        path = _dedupe([to_m(p) for p in pts])
        if len(path) < 2:
            continue
        if closed and len(path) >= 4:
            xs, ys = [p[0] for p in path], [p[1] for p in path]
            if max(xs) - min(xs) <= 1.5 and max(ys) - min(ys) <= 1.5 and not LinearRing(path).is_simple:
                # a column drawn as outlines joined into one path that crosses itself: the solid it draws
                hull = shapely.convex_hull(shapely.multipoints(path))
                if hull.geom_type == "Polygon":
                    path = _dedupe([_r(p) for p in shapely.orient_polygons(hull).exterior.coords])
            column = column_wall(path, layer)
            if column is not None:
                found.append(column)
                continue
            xs, ys = [p[0] for p in path], [p[1] for p in path]
            if max(xs) - min(xs) <= 1.5 and max(ys) - min(ys) <= 1.5:  # a round or odd-shaped column
                ring = [_r(p) for p in path]
                if ring[0] != ring[-1]:
                    ring.append(ring[0])
                found.append(PairedWall(tuple(ring), thin_m, layer, "column", {layer}))
                continue
        if len(path) > 2:  # flattened curves: fewer, longer chords (5 mm tolerance)
            path = list(LineString(path).simplify(0.005).coords)
        segments.extend((a, b, layer, n) for a, b in itertools.pairwise(path))
    arcs = [Arc(to_m(c), r * factor, a0, a1, layer) for c, r, a0, a1, layer in got.wall_arcs]
    if segments or arcs:
        try:
            paired = pair_walls(segments, arcs)
        except PairingTooDenseError as exc:
            notes.append(_too_dense(exc, segments, "the wall layers' lines"))
            paired = [PairedWall((a, b), thin_m, layer, "single", {layer}) for a, b, layer, _n in segments]
        if partition_layers:  # of the door layers' lines, only partitions: paired, thick and long enough
            paired = [w for w in paired if not w.layers & partition_layers or (
                w.how == "paired" and w.thickness >= 0.07 and _length(w.path) >= 0.3)]
            got.layers_used.update(layer for w in paired for layer in w.layers & partition_layers)
        found += paired
    if not found:
        loose = [(a, b, layer) for pts, layer in got.lines
                 for a, b in zip([to_m(p) for p in pts], [to_m(p) for p in pts[1:]], strict=False)]
        try:
            guessed = [w for w in pair_walls(loose, keep_single=False) if _length(w.path) >= 0.3]
        except PairingTooDenseError as exc:
            notes.append(_too_dense(exc, loose, "the drawing's lines"))
            guessed = []
        if sum(_length(w.path) for w in guessed) >= 4.0:
            found = guessed
            layers = sorted({layer for w in guessed for layer in w.layers})
            shown = ", ".join(layers[:6]) + (" ..." if len(layers) > 6 else "")
            notes.append(f"no layer is named like a wall layer: {len(guessed)} wall(s) guessed from pairs of parallel "
                         f"lines on {shown}; check them, or choose the wall layers with --wall-layers")
            got.layers_used.update(layers)
    walls: list[Wall] = []
    for w in found:
        thickness = w.thickness if w.how != "single" else thin_m
        walls.append(Wall(
            id=f"w{len(walls) + 1}",
            path=w.path,
            thickness_m=round(min(max(thickness, 0.01), 5.0), 4),
            material="glass" if any(_GLASS_LAYER_RE.search(layer) for layer in w.layers) else "opaque",
            extra={"import": {"layer": w.layer, "found": w.how}},
        ))
    return walls


def _door_layer_test(patterns: Sequence[str] | None) -> Any:
    if patterns:
        return lambda layer: _matches(layer, patterns)
    return lambda layer: bool(_DOOR_LAYER_RE.search(layer))


def _too_dense(exc: PairingTooDenseError, segments: Sequence[Sequence[Any]], what: str) -> str:
    """The note for lines too crowded to pair into walls: where they lie, and what to check."""
    xs = [p[0] for seg in segments for p in seg[:2]]
    ys = [p[1] for seg in segments for p in seg[:2]]
    size = f"{max(xs) - min(xs):.1f} x {max(ys) - min(ys):.1f} m" if xs else "a small space"
    return (f"{what} are too crowded to pair into walls ({exc.segments} lines within {size}, with thousands of "
            "others closer than a wall's thickness to each): check the drawing's unit (--units) and scale, or choose "
            "the wall layers with --wall-layers")


def _length(path: Sequence[tuple[float, float]]) -> float:
    return sum(math.dist(a, b) for a, b in itertools.pairwise(path))


def _place_openings(
    inserts: Sequence[_Insert], walls: Sequence[Wall], to_m: Any, notes: list[str], start: int = 0
) -> list[Opening]:
    """Door and window blocks as openings on the centre-line of the wall they belong to.

    A block's door line is its x axis through its insertion point, wherever the block puts it: on the wall's
    centre-line, or on one face at the hinge (``thickness / 2`` off), mirrored or scaled. It belongs to the
    nearest parallel wall whose centre-line lies within half its thickness (+ 0.15 m) of that line, and which
    runs under the block or ends at its jamb; the opening spans what the block draws along that wall (its
    frame and the closed door, not the swing), stretched to the wall's jambs.
    """
    segments: list[tuple[Wall, tuple[float, float], tuple[float, float]]] = []
    for wall in walls:
        for a, b in zip(wall.path, wall.path[1:], strict=False):
            if math.dist(a, b) > 1e-6:
                segments.append((wall, a, b))
    tree = shapely.STRtree([LineString([a, b]) for _, a, b in segments]) if segments else None
    openings: list[Opening] = []
    counters = {"door": start, "window": 0}
    lost = 0
    dropped = 0
    for ins in inserts:
        pts = [to_m(p) for p in ins.points] or [to_m(ins.origin)]
        origin = to_m(ins.origin)
        cx = sum(p[0] for p in pts) / len(pts)
        cy = sum(p[1] for p in pts) / len(pts)
        nominal = ins.nominal_width_m or (DEFAULT_DOOR_WIDTH_M if ins.kind == "door" else DEFAULT_WINDOW_WIDTH_M)
        best = _wall_of_block(ins, origin, pts, nominal, segments, tree)
        if ins.kind == "window" and not _in_wall(best, segments, (cx, cy), pts):
            dropped += 1  # a window only where it lies in a wall: a block on a window layer elsewhere is not one
            continue
        if best is None:
            # no wall: keep the opening on the block's own door line, over what it draws along it
            lost += 1
            ux, uy = ins.axis
            lo, hi = _extent_along(origin, (ux, uy), pts, 0.15, nominal)
            a = (origin[0] + ux * lo, origin[1] + uy * lo)
            b = (origin[0] + ux * hi, origin[1] + uy * hi)
            wall_id = None
        else:
            wall, wa, wb = segments[best[1]]
            ux, uy = _unit(wa, wb)
            lo, hi = _extent_along(wa, (ux, uy), pts, wall.thickness_m / 2 + 0.1, nominal, origin)
            lo, hi = _to_jambs(wa, (ux, uy), lo, hi, walls)
            a = (wa[0] + ux * lo, wa[1] + uy * lo)
            b = (wa[0] + ux * hi, wa[1] + uy * hi)
            wall_id = wall.id
        counters[ins.kind] += 1
        prefix = "d" if ins.kind == "door" else "win"
        opening = Opening(
            id=f"{prefix}{counters[ins.kind]}",
            kind=ins.kind,
            segment=(_r(a), _r(b)),
            wall=wall_id,
            extra={"import": {"block": ins.name, "layer": ins.layer}},
        )
        if wall_id is not None and opening_cut(opening, next(w for w in walls if w.id == wall_id)) is None:
            opening.wall = None  # in the wall's gap, between its jambs
        openings.append(opening)
    if lost:
        notes.append(f"{lost} door/window block(s) lie on no wall; placed along their own axis")
    if dropped:
        notes.append(f"{dropped} window block(s) lie in no wall: not made windows")
    return openings


def _wall_of_block(ins: _Insert, origin: tuple[float, float], pts: Sequence[tuple[float, float]], nominal: float,
                   segments: Sequence[tuple[Wall, tuple[float, float], tuple[float, float]]],
                   tree: shapely.STRtree | None) -> tuple[float, int] | None:
    """The wall piece a door or window block belongs to (score, index into ``segments``), or ``None``."""
    if tree is None:
        return None
    reach = max(1.0, 1.5 * nominal)
    best: tuple[float, int] | None = None
    for i in tree.query(Point(origin).buffer(reach)):
        wall, a, b = segments[int(i)]
        ux, uy = _unit(a, b)
        if abs(ux * ins.axis[0] + uy * ins.axis[1]) < math.cos(math.radians(15)) and ins.points:
            continue
        perp = abs((origin[0] - a[0]) * -uy + (origin[1] - a[1]) * ux)
        if perp > wall.thickness_m / 2 + 0.15:
            continue  # the block's door line is not on this wall (a wall beside it, behind its swing)
        lo, hi = _extent_along(a, (ux, uy), pts, wall.thickness_m / 2 + 0.1, nominal, origin)
        gap = max(0.0, lo - math.dist(a, b), -hi)
        if gap > 0.3:
            continue  # the piece neither runs under the block nor ends at its jamb
        score = perp + gap
        if best is None or score < best[0]:
            best = (score, int(i))
    return best


def _extent_along(a: Sequence[float], u: tuple[float, float], pts: Sequence[tuple[float, float]], near: float,
                  nominal: float, origin: Sequence[float] | None = None) -> tuple[float, float]:
    """From-to (metres along ``u`` from ``a``) of a block's points within ``near`` of the line through ``a``:
    its frame and closed door; else all its points; else ``nominal`` from its origin."""
    def span(points: Sequence[tuple[float, float]]) -> tuple[float, float] | None:
        ts = [(p[0] - a[0]) * u[0] + (p[1] - a[1]) * u[1] for p in points]
        return (min(ts), max(ts)) if ts and 0.3 <= max(ts) - min(ts) <= 6.0 else None

    close = [p for p in pts if abs((p[0] - a[0]) * -u[1] + (p[1] - a[1]) * u[0]) <= near]
    found = span(close) or span(pts)
    if found is not None:
        return found
    o = origin if origin is not None else a
    t0 = (o[0] - a[0]) * u[0] + (o[1] - a[1]) * u[1]
    return t0, t0 + nominal


def _to_jambs(a: Sequence[float], u: tuple[float, float], lo: float, hi: float, walls: Sequence[Wall]
              ) -> tuple[float, float]:
    """``lo``/``hi`` moved (by at most 0.25 m) to the ends of wall pieces on the same line: the gap's jambs."""
    ends = []
    for wall in walls:
        for p in (wall.path[0], wall.path[-1]):
            if abs((p[0] - a[0]) * -u[1] + (p[1] - a[1]) * u[0]) <= 0.01:
                ends.append((p[0] - a[0]) * u[0] + (p[1] - a[1]) * u[1])
    snapped = []
    for t in (lo, hi):
        near = [e for e in ends if abs(e - t) <= 0.25]
        snapped.append(min(near, key=lambda e: abs(e - t)) if near else t)
    return (snapped[0], snapped[1]) if snapped[1] - snapped[0] >= 0.3 else (lo, hi)


def _in_wall(best: tuple[float, int] | None, segments: Sequence[tuple[Wall, tuple[float, float], tuple[float, float]]],
             centre: tuple[float, float], pts: Sequence[tuple[float, float]]) -> bool:
    """True when a window's centre lies on the line of its wall (within half the thickness + 0.15 m) and its
    ends reach that wall piece (within 0.3 m: the jamb of the gap it fills)."""
    if best is None:
        return False
    wall, a, b = segments[best[1]]
    ux, uy = _unit(a, b)
    perp = abs((centre[0] - a[0]) * -uy + (centre[1] - a[1]) * ux)
    if perp > wall.thickness_m / 2 + 0.15:
        return False
    length = math.dist(a, b)
    ts = [(p[0] - a[0]) * ux + (p[1] - a[1]) * uy for p in pts]
    return min(ts) <= length + 0.3 and max(ts) >= -0.3


def _unit(a: Sequence[float], b: Sequence[float]) -> tuple[float, float]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy) or 1.0
    return dx / n, dy / n


def _r(p: Sequence[float]) -> tuple[float, float]:
    return (round(float(p[0]), 4) + 0.0, round(float(p[1]), 4) + 0.0)


def _room_faces(walls: Sequence[Wall], openings: Sequence[Opening]) -> list[Polygon]:
    """Faces enclosed by the wall lines, door and window gaps closed by the openings."""
    lines: list[BaseGeometry] = [LineString(w.path) for w in walls]
    lines += [_stretched(o.segment, 0.03) for o in openings]  # overlapping the jambs, so that the gap closes
    if not lines:
        return []
    network = shapely.union_all(lines, grid_size=0.001)
    faces = []
    for face in getattr(shapely.polygonize([network]), "geoms", []):
        if not _room_sized(face):
            continue
        faces.append(Polygon(face.exterior.coords))
    return faces


def _stretched(segment: Sequence[Sequence[float]], by: float) -> LineString:
    (x0, y0), (x1, y1) = segment
    ux, uy = _unit((x0, y0), (x1, y1))
    return LineString([(x0 - ux * by, y0 - uy * by), (x1 + ux * by, y1 + uy * by)])


def _room_sized(poly: Polygon) -> bool:
    """At least 1.5 m² and 0.6 m wide everywhere that matters: not a stair tread, a wall strip or a column."""
    return poly.area >= MIN_ROOM_AREA_M2 and not poly.buffer(-MIN_ROOM_WIDTH_M / 2).is_empty


def _leaf_rooms(candidates: list[tuple[Polygon, str]], label_points: Sequence[tuple[float, float]] = ()
                ) -> list[Polygon]:
    """Explicit room shapes, without outlines that contain other rooms, and without duplicates.

    An outline that contains smaller shapes is still a room when it holds a label that none of them
    holds: the shapes inside are then furniture (a round table in a kitchen), and are dropped unless
    labelled themselves.
    """
    polys = [p for p, _ in candidates if _room_sized(p)]
    polys.sort(key=lambda g: g.area)
    points = [Point(p) for p in label_points]
    kept: list[Polygon] = []
    for poly in polys:
        if any(abs(k.area - poly.area) < 1e-3 * poly.area and k.symmetric_difference(poly).area < 1e-3 * poly.area
               for k in kept):
            continue  # the same room drawn twice (polyline and hatch)
        inner = poly.buffer(-0.01)
        inside = [k for k in kept if inner.contains(k.representative_point()) and k.area < poly.area * 0.98]
        if inside:
            own = [pt for pt in points if poly.contains(pt) and not any(k.contains(pt) for k in inside)]
            if not own:
                continue  # an outline around other rooms (a flat, a whole floor)
            labelled_inside = [k for k in inside if any(k.contains(pt) for pt in points)]
            kept = [k for k in kept if k not in inside or k in labelled_inside]
        kept.append(poly)
    return kept


def _grown_rooms(walls: Sequence[Wall], openings: Sequence[Opening], points: Sequence[tuple[float, float]],
                 others: Sequence[tuple[float, float]], reach: float = 15.0) -> list[Polygon]:
    """Rooms grown from label points that lie in no room: the free space around each, bounded by the walls.

    The wall bodies and openings are widened step by step (closing gaps between loose ends, then door
    gaps between jambs) until the space around the label is closed and holds no other room's label.
    Each label is grown within ``reach`` metres of it: a space that reaches that far is not a room.
    """
    if not walls or not points:
        return []
    lines = [LineString(w.path) for w in walls] + [_stretched(o.segment, 0.05) for o in openings]
    widths = [max(w.thickness_m, 0.05) / 2 for w in walls] + [0.03] * len(openings)
    bodies = shapely.buffer(np.array(lines, dtype=object), np.array(widths), cap_style="square", join_style="mitre")
    tree = shapely.STRtree(bodies)
    # the walls widened once per step for all labels (not once per label: plans with many labels outside rooms)
    widened: dict[float, BaseGeometry] = {}
    obstacle: BaseGeometry | None = None
    grown: list[Polygon] = []
    for pt in points:
        frame = shapely.box(pt[0] - reach, pt[1] - reach, pt[0] + reach, pt[1] + reach)
        if len(tree.query(frame)) == 0:
            continue
        for close in (0.05, 0.15, 0.3, 0.5):
            if close not in widened:
                if obstacle is None:
                    obstacle = shapely.union_all(bodies).simplify(0.01)
                widened[close] = obstacle.buffer(close, quad_segs=2, join_style="mitre")
                shapely.prepare(widened[close])
            free = frame.difference(shapely.clip_by_rect(widened[close], *frame.bounds))
            here = [g for g in shapely.get_parts(free) if g.contains(Point(pt))]
            if not here or here[0].intersects(frame.exterior):
                continue  # not closed yet: open to the outside, or larger than a room
            region = here[0]
            if any(region.contains(Point(o)) for o in others if o != pt):
                continue  # another room's label is in the same space: close more
            room = Polygon(region.buffer(close, join_style="mitre").exterior.coords)
            if _room_sized(room) and not any(room.intersection(g).area > 0.5 * room.area for g in grown):
                grown.append(room)
            break
    return grown


def _name_and_use(labels: Sequence[_Label], hotel: bool = False) -> tuple[str, str, str, float, str, list[str]]:
    """Zone name, use, source label, confidence, reason and the labels not classified."""
    from planner.importers.labels import PlacedText, is_plan_note, room_name

    texts = [lb.text for lb in labels if not is_area_text(lb.text)]
    texts = [t for t in texts if not is_plan_note(t)] or texts  # stair arrows and floor finishes name no room
    name = room_name([PlacedText(lb.text, lb.point, lb.size) for lb in labels], hotel=hotel)
    blocks = [b for b in name.split(" / ") if b not in texts]  # texts read as one label (男 + 厕 = 男厕)
    name = name[:120]
    best = None
    unclassified = []
    for text in [*texts, *blocks]:
        match = classify_label(text, hotel=hotel)
        if match is None:
            if text in texts:
                unclassified.append(text)
        elif best is None or match.confidence > best[1].confidence:
            best = (text, match)
    if best is None:
        reason = "no label" if not texts else "no keyword in the label"
        return name, "other", texts[0] if texts else "", 0.0, reason, unclassified
    text, match = best
    return name, match.use, text, match.confidence, f"keyword {match.keyword!r}", []


def import_dxf(
    source: str | Path,
    *,
    units: str | None = None,
    layers: Sequence[str] | None = None,
    render: bool = True,
    wall_thickness_m: float = WALL_THICKNESS_M,
    name: str | None = None,
    level_name: str | None = None,
    hotel: bool | None = None,
    wall_layers: Sequence[str] | str | None = None,
    door_layers: Sequence[str] | str | None = None,
    ignore_layers: Sequence[str] | str | None = None,
    **_: Any,
) -> ImportResult:
    """Import a DXF plan as a new project: one level, or one per floor (on layouts, in floor blocks or frames,
    side by side).

    ``units``: ``mm``, ``cm``, ``dm``, ``m``, ``in`` or ``ft``, required when
    the drawing has no ``$INSUNITS`` (:class:`UnitsRequiredError` otherwise).
    ``layers``: wall-layer name patterns (``fnmatch``, case-insensitive)
    replacing the default choice. ``render``: draw the DXF as the background.
    ``hotel``: bare room numbers name guest rooms (default: when some label
    says the drawing is a hotel, such as 客房 or Guest room).
    ``wall_layers`` (same as ``layers``), ``door_layers``, ``ignore_layers``:
    layer-name patterns; quarter arcs on door layers are doors even without a
    leaf line, and ignored layers are not read at all.
    """
    path = Path(source)
    file = str(path)
    layers = _patterns(wall_layers if wall_layers is not None else layers)
    door_patterns = _patterns(door_layers)
    ignore_patterns = _patterns(ignore_layers)
    doc, notes = _read(path)
    got, unit_name, factor = _read_entities(doc, file, units, layers, door_patterns, ignore_patterns, notes)
    offset = _origin_offset(got, factor, notes)

    def to_m(p: Sequence[float]) -> tuple[float, float]:
        return (p[0] * factor - offset[0], p[1] * factor - offset[1])

    floors = _find_floors(doc, file, got, factor, to_m, layers, door_patterns, ignore_patterns, notes) \
        if level_name is None else []
    if len(floors) < 2:
        floors = [_Floor(level_name or "1F", None, (0.0, 0.0))]
    all_read = [got] + [floor.got for floor in floors if floor.got is not None]
    for own in all_read[1:]:  # a layout's own drawing: its layers count too
        for layer, n in own.layer_entities.items():
            got.layer_entities[layer] = got.layer_entities.get(layer, 0) + n
    if hotel is None:  # bare room numbers are guest rooms only where other labels say the drawing is a hotel
        hotel = any(is_hotel_label(lb.text) for own in all_read for lb in own.labels)
    review: list[ReviewItem] = []
    unclassified_labels: list[str] = []
    private_uses = load_rule_pack(DEFAULT_RULE_PACK).any_private_uses  # the pack a new project names
    levels: list[Level] = []
    built = []
    per_level: list[dict[str, Any]] = []
    for k, floor in enumerate(floors, start=1):
        part = floor.got if floor.got is not None else (got if floor.box is None else _subset(got, floor.box))
        f = floor.factor or factor
        base = floor.offset if floor.got is not None else offset
        shift = (base[0] + floor.shift[0], base[1] + floor.shift[1])

        def to_level(p: Sequence[float], shift: tuple[float, float] = shift, f: float = f) -> tuple[float, float]:
            return (p[0] * f - shift[0], p[1] * f - shift[1])

        level = Level(id=f"L{k}", name=floor.name, elevation_m=round(3.5 * (k - 1), 3))
        level_notes: list[str] = []
        labels, outside = _build_level(level, part, to_level, f, shift, wall_thickness_m, door_patterns, hotel,
                                       level_notes, review, unclassified_labels, private_uses)
        level_notes += repair_level(level)
        if len(floors) > 1:
            level_notes = [f"{level.name}: {n}" for n in level_notes]
        notes.extend(level_notes)
        if floor.got is not None:
            got.layers_used |= floor.got.layers_used
        levels.append(level)
        built.append((level, labels, outside, shift, floor))
        per_level.append(_level_row(level, floor, labels, outside))
    project = Project(venue=Venue(name=name if name is not None else path.stem), levels=levels)
    result = ImportResult(project, source=file, kind="dxf", review=review, unclassified_labels=unclassified_labels,
                          warnings=notes, units=unit_name)
    if render:
        for level, _labels, _outside, shift, floor in built:
            f = floor.factor or factor
            part = floor.got if floor.got is not None else got
            drawn = [(p[0] * f - shift[0], p[1] * f - shift[1])  # nothing found: the lines drawn, to trace over
                     for pts in itertools.chain((p for p, _l in part.lines), (p for p, _c, _l in part.walls))
                     for p in pts] if not level.walls and not level.zones and floor.box is None else []
            _render_background(doc, project, level, f, shift, notes,
                               layout=floor.layout if floor.got is not None else None, drawn=drawn)
    all_labels = [lb for b in built for lb in b[1]]
    result.details.update({
        "wall_layers": sorted(got.layers_used),
        "origin_offset_m": list(offset),
        "labels": len(all_labels),
        "labels_outside_rooms": sum(b[2] for b in built),
        "layers": _layer_table(got, levels, all_labels, ignore_patterns),
        "levels": per_level,
    })
    _say_what_was_missing(got, levels, layers, notes)
    return result


def _read_entities(doc: Any, file: str, units: str | None, layers: Sequence[str] | None,
                   door_patterns: Sequence[str] | None, ignore_patterns: Sequence[str] | None,
                   notes: list[str]) -> tuple[_Collected, str, float]:
    """Walk model space once in plan units: what it found, the unit's name and its factor to metres."""
    msp = doc.modelspace()
    try:
        extmin, extmax = doc.header.get("$EXTMIN"), doc.header.get("$EXTMAX")
        extent = max(abs(extmax[0] - extmin[0]), abs(extmax[1] - extmin[1])) if extmin and extmax else 0.0
    except (TypeError, IndexError):
        extent = 0.0
    if not math.isfinite(extent) or extent <= 0 or extent > 1e12:
        extent = 0.0
    # a first pass in drawing units; the unit is needed only to convert
    reader = _Reader(file, layers, flatten=1.0, door_layers=door_patterns, ignore_layers=ignore_patterns)
    if units is None and int(doc.header.get("$INSUNITS", 0) or 0) == 0 and extent == 0.0:
        probe = _Reader(file, layers, flatten=1e9, ignore_layers=ignore_patterns)
        probe.walk(msp)
        xs = [x for pts, _, _ in probe.out.walls for x, _ in pts] + [lb.point[0] for lb in probe.out.labels]
        extent = (max(xs) - min(xs)) if xs else 0.0
    unit_name, factor = _units(doc, file, units, extent)
    reader.flatten = 0.01 / factor  # 1 cm chords
    reader.factor = factor
    reader.walk(msp)
    got = reader.out
    if got.proxies:
        notes.append(
            f"{got.proxies} proxy object(s) (e.g. Tianzheng walls or doors) cannot be read: export the drawing to "
            "plain AutoCAD entities (天正: 图形导出 / T3) first"
        )
    if got.skipped:
        notes.append(f"{got.skipped} damaged or unsupported entities were skipped")
    return got, unit_name, factor


def _origin_offset(got: _Collected, factor: float, notes: list[str]) -> tuple[float, float]:
    """Whole metres to shift a drawing that lies far from its origin by (else none)."""
    xs = [p[0] for pts, _, _ in got.walls for p in pts]
    ys = [p[1] for pts, _, _ in got.walls for p in pts]
    if not xs:
        xs = [p[0] for poly, _ in got.rooms for p in poly.exterior.coords] + [lb.point[0] for lb in got.labels]
        ys = [p[1] for poly, _ in got.rooms for p in poly.exterior.coords] + [lb.point[1] for lb in got.labels]
    if xs and max(abs(min(xs)), abs(max(xs)), abs(min(ys)), abs(max(ys))) * factor > _FAR_ORIGIN_M:
        offset = (float(math.floor(min(xs) * factor)), float(math.floor(min(ys) * factor)))
        notes.append(f"the drawing lies far from its origin: moved by ({-offset[0]:g}, {-offset[1]:g}) m")
        return offset
    return (0.0, 0.0)


def _say_what_was_missing(got: _Collected, levels: Sequence[Level], layers: Sequence[str] | None,
                          notes: list[str]) -> None:
    """Notes for a drawing without walls, or with nothing usable at all: what was tried and what to do next."""
    if any(level.walls for level in levels):
        return
    hint = f" (patterns {', '.join(layers)})" if layers else " (names like 墙, WALL, A-WALL, Wand, MUR)"
    notes.append(f"no wall layer found{hint}: choose the wall layers with --wall-layers")
    if not any(level.zones for level in levels):
        busiest = sorted(got.layer_entities.items(), key=lambda kv: -kv[1])[:4]
        shown = ", ".join(f"{name!r} ({n})" for name, n in busiest)
        notes.append(
            "nothing usable was found: tried wall layers by name, pairs of parallel lines 50-500 mm apart on the "
            "other layers, closed room outlines and door swings on every layer. The layers with the most "
            f"entities are {shown}: import again with --wall-layers naming the layer(s) the walls are on "
            "(and --ignore-layers for furniture), or trace the plan over its background in the editor"
        )


def _build_level(level: Level, got: _Collected, to_m: Any, factor: float, offset: tuple[float, float],
                 wall_thickness_m: float, door_patterns: Sequence[str] | None, hotel: bool, notes: list[str],
                 review: list[ReviewItem], unclassified_labels: list[str],
                 private_uses: frozenset[str] = frozenset()) -> tuple[list[_Label], int]:
    """Walls, openings and zones of one level from what was read; returns its labels and how many lie outside."""
    swings = _loose_swings(got, to_m, factor, door_patterns)
    walls = _build_walls(got, to_m, factor, wall_thickness_m, notes, door_patterns)
    level.walls.extend(walls)
    swings += _block_swings(got, to_m, factor, walls)
    level.openings.extend(_swing_openings(swings, walls))
    level.openings.extend(_place_openings(got.inserts, walls, to_m, notes, start=len(level.openings)))
    if got.not_windows:
        notes.append(f"{got.not_windows} block(s) on door or window layers do not look like doors or windows "
                     "(furniture, fixtures): not made openings")
    walls = _glazing_windows(level, got, to_m, factor)

    labels = [_Label(lb.text, to_m(lb.point), lb.layer, lb.size * factor) for lb in got.labels
              if not _FLOOR_RE.search(lb.text)]
    named = [lb.point for lb in labels if not is_area_text(lb.text)]
    explicit = _leaf_rooms([(_affine(poly, factor, offset), layer) for poly, layer in got.rooms], named)
    faces = _room_faces(walls, level.openings)
    rooms = list(explicit)
    for face in faces:
        if not any(face.intersection(k).area > 0.5 * face.area for k in explicit):
            rooms.append(face)
    homeless = [p for p in named if not any(r.contains(Point(p)) for r in rooms)]
    if homeless:
        grown = _grown_rooms(walls, level.openings, homeless, named)
        rooms += grown
        if grown:
            notes.append(f"{len(grown)} room(s) grown from their label to the walls around it: check their outlines")

    tree = shapely.STRtree(rooms) if rooms else None
    inside: dict[int, list[_Label]] = {}
    outside = 0
    private_outside: list[str] = []
    homeless_labels: list[_Label] = []  # kept on the level: the checks judge cameras near a private one
    for label in labels:
        hits = [int(i) for i in tree.query(Point(label.point), predicate="within")] if tree is not None else []
        if hits:
            room = min(hits, key=lambda i: rooms[i].area)
            inside.setdefault(room, []).append(label)
        elif not is_area_text(label.text):
            outside += 1
            homeless_labels.append(label)
            match = classify_label(label.text, hotel=hotel)
            if match is not None and match.use in private_uses:
                private_outside.append(f"{label.text!r} at ({label.point[0]:.1f}, {label.point[1]:.1f})")
    if private_outside:
        shown = ", ".join(private_outside[:8]) + (" ..." if len(private_outside) > 8 else "")
        notes.append(f"{len(private_outside)} private room label(s) lie in no room found, so no zone protects them: "
                     f"{shown}. Draw these zones (or fix the walls and import again) before checking cameras; "
                     "they are kept as plan labels, and the check reports every camera near them")
    prefix = "z" if level.id == "L1" else f"z{level.id[1:]}-"
    order = sorted(range(len(rooms)), key=lambda i: (-round(rooms[i].centroid.y, 1), rooms[i].centroid.x))
    for n, i in enumerate(order, start=1):
        poly = shapely.orient_polygons(rooms[i].simplify(0.0005, preserve_topology=True))
        ring = [_r(p) for p in list(poly.exterior.coords)[:-1]]
        ring = _dedupe(ring)
        if len(ring) < 3:
            homeless_labels.extend(lb for lb in inside.get(i, []) if not is_area_text(lb.text))
            continue
        zone_name, use, source, confidence, reason, unclassified = _name_and_use(inside.get(i, []), hotel)
        if use not in private_uses:
            # a private room's label in a room named by another (the walls between them did not close): the
            # zone does not protect it, so it is kept as a plan label and the check judges cameras near it
            shadowed = [lb for lb in inside.get(i, []) if not is_area_text(lb.text)
                        and (m := classify_label(lb.text, hotel=hotel)) is not None and m.use in private_uses]
            homeless_labels.extend(shadowed)
            if shadowed:
                notes.append(f"room {zone_name!r} also holds the private room label(s) "
                             + ", ".join(repr(lb.text) for lb in shadowed)
                             + ": kept as plan labels; draw that room as its own zone")
        zone = Zone(id=f"{prefix}{n}", name=zone_name, use=use, polygon=tuple(ring),
                    extra={"import": {"label": source, "confidence": round(confidence, 2)}} if source else {})
        level.zones.append(zone)
        unclassified_labels.extend(unclassified)
        review.append(ReviewItem(level.id, zone.id, zone_name, use, source, confidence, reason))
    if outside:
        notes.append(f"{outside} label(s) lie outside every room (kept as plan labels)")
    _keep_labels(level, homeless_labels, hotel)
    if not level.zones:
        notes.append(f"no rooms found on level {level.id} (no walls close into a room, no room outline is drawn): no "
                     "zone was made, so whether cameras see into toilets, changing rooms or guest rooms cannot be "
                     "judged; draw the rooms in the editor and give them uses")
    if level.id != "L1":
        _prefix_ids(level)
    return labels, outside


def _keep_labels(level: Level, homeless: Sequence[_Label], hotel: bool) -> None:
    """Room labels that became no zone are kept on the level with the use their text suggests (``other``)."""
    prefix = "lb" if level.id == "L1" else f"lb{level.id[1:]}-"
    for n, label in enumerate(homeless, start=1):
        match = classify_label(label.text, hotel=hotel)
        level.labels.append(Label(id=f"{prefix}{n}", text=label.text, position=_r(label.point),
                                  use=match.use if match is not None else "other"))


def _glazing_windows(level: Level, got: _Collected, to_m: Any, factor: float) -> list[Wall]:
    """Windows drawn as thin parallel lines across a gap in a wall, on any layer: a window opening over the gap,
    and the walls the pairing made of those lines dropped (glass is no opaque wall). Returns the level's walls."""
    lo, hi = MIN_WINDOW_M * 0.7 / factor, (MAX_WINDOW_M + 1.0) / factor
    raw: list[tuple[tuple[float, float], tuple[float, float]]] = []
    for pts in itertools.chain((p for p, _l in got.lines), (p for p, _c, _l in got.walls)):
        for a, b in itertools.pairwise(pts):
            if lo <= math.dist(a, b) <= hi:
                raw.append((to_m(a), to_m(b)))
    taken = [o.segment for o in level.openings]
    gaps = glazed_gaps([(w.path, w.thickness_m) for w in level.walls], raw, taken)
    # glazing the drawing already calls glass (a curtain-wall layer) stays a glass wall
    gaps = [g for g in gaps if not g.glazing_walls or any(level.walls[i].material != "glass" for i in g.glazing_walls)]
    if not gaps:
        return level.walls
    dropped = {level.walls[i].id for g in gaps for i in g.glazing_walls}
    n = sum(o.kind == "window" for o in level.openings)
    for gap in gaps:
        n += 1
        level.openings.append(Opening(
            id=f"win{n}", kind="window", segment=(_r(gap.segment[0]), _r(gap.segment[1])),
            wall=None if gap.wall is None else level.walls[gap.wall].id,
            extra={"import": {"found": "glazing", "lines": gap.lines, "thickness_m": round(gap.thickness, 3)}}))
    kept = [w for w in level.walls if w.id not in dropped]
    renamed = {}
    for k, wall in enumerate(kept, start=1):
        renamed[wall.id] = f"w{k}"
        wall.id = f"w{k}"
    for opening in level.openings:
        if opening.wall is not None:
            opening.wall = renamed.get(opening.wall)
    level.walls[:] = kept
    return kept


def _prefix_ids(level: Level) -> None:
    """Walls and openings of a further level get ids of their own (w2-1, d2-1), as ids are unique per project."""
    n = level.id[1:]
    walls = {}
    for wall in level.walls:
        new = f"w{n}-{wall.id[1:]}"
        walls[wall.id] = new
        wall.id = new
    for opening in level.openings:
        head = "win" if opening.id.startswith("win") else "d"
        opening.id = f"{head}{n}-{opening.id[len(head):]}"
        if opening.wall is not None:
            opening.wall = walls.get(opening.wall)


@dataclass
class _Floor:
    name: str
    box: tuple[float, float, float, float] | None  # drawing units
    shift: tuple[float, float]  # metres subtracted to lay it over the first floor
    #: where the floor was found: a layout's viewport or paper space, a floor block, a frame, side by side
    source: str = "side by side"
    #: the floor's own drawing (a layout's paper space) and that drawing's origin offset (metres), else model space
    got: _Collected | None = None
    layout: str | None = None
    offset: tuple[float, float] = (0.0, 0.0)
    factor: float | None = None  # metres per unit of its own drawing (a layout drawn at a plot scale)


#: Floor names under a plan drawn side by side with the others: 1F, 2F, B1, 一层平面图, 二层, Erdgeschoss, 1. OG.
_FLOOR_RE = re.compile(
    r"^\s*(?:(?:[BL]?\d{1,2}|[一二三四五六七八九十]{1,3})\s*(?:F|层|楼|階)(?:平面[图図]?)?|B\d{1,2}|地下[一二三四五]?层|"
    r"首层|底层|(?:erd|ober|dach|unter|keller)geschoss|\d{1,2}\.\s*(?:og|obergeschoss)|eg|ug|"
    r"(?:ground|first|second|third|fourth|basement|main|upper|lower|\d(?:st|nd|rd|th))\s+floor|"
    r"basement(?:\s*\([^)]*\))?|level\s+-?\d{1,2}|floor\s+\d{1,2}|"
    r"rez[- ]de[- ]chauss[ée]e|(?:1er|\d{1,2}e)\s+[ée]tage|planta\s+(?:baja|primera|segunda|\d{1,2}))"
    r"(?:\s*(?:平面图|plan|grundriss|floor plan|planta))?(?:\s*1\s*[:：]\s*\d+)?\s*$",
    re.IGNORECASE,
)
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _floor_order(name: str) -> float:
    """Storey number of a floor name, for ordering levels (basements first)."""
    low = name.lower()
    if re.search(r"地下|^b\d|basement|keller|unter|sótano", low):
        m = re.search(r"\d+", low)
        return -float(m.group()) if m else -1.0
    if re.search(r"首层|底层|erd|^eg|ground|rez|baja|^main", low):
        return 1.0
    words = re.search(r"\b(first|second|third|fourth|primera|segunda|tercera)\b", low)
    if words:  # the ground floor is 1: the first floor above it is 2
        return {"first": 2.0, "primera": 2.0, "second": 3.0, "segunda": 3.0}.get(words.group(1), 4.0)
    if re.search(r"^(?:og|obergeschoss)$", low):
        return 2.0
    if re.search(r"dachgeschoss|^dg$", low):
        return 50.0
    m = re.search(r"\d+", low)
    if m:
        return float(m.group()) + (1.0 if re.search(r"og|obergeschoss|étage|etage", low) else 0.0)
    cn = re.match(r"\s*([一二三四五六七八九十]+)", name)
    if cn:
        digits = [_CN_DIGITS[c] for c in cn.group(1)]
        return float(sum(digits) if len(digits) < 3 else digits[0] * 10 + digits[2])
    return 99.0


def _floors(got: _Collected, to_m: Any, reach: float = 0.3, margin: float = 1.5) -> list[_Floor]:
    """Floors drawn side by side (or one above another) in one model space, each with its floor name (1F,
    二层平面图, Erdgeschoss).

    The walls are grouped into clusters separated by empty space; a floor name lying in or just under a
    cluster (within ``reach`` times its size, at least 3 m) names it; clusters closer than twice ``margin``
    (metres) are one. Two or more named clusters are floors;
    otherwise the drawing is one floor.
    """
    names = [(lb.text, to_m(lb.point)) for lb in got.labels if _FLOOR_RE.search(lb.text)]
    if len(names) < 2 or not got.walls:
        return []
    boxes = []
    for pts, _closed, _layer in got.walls:
        m = [to_m(p) for p in pts]
        xs, ys = [p[0] for p in m], [p[1] for p in m]
        boxes.append(shapely.box(min(xs), min(ys), max(xs), max(ys)).buffer(margin))
    clusters = [c for c in shapely.get_parts(shapely.union_all(boxes)) if c.area > 25.0]
    if len(clusters) < 2:
        return []
    named: dict[int, str] = {}
    for text, xy in names:
        pt = Point(xy)
        k = min(range(len(clusters)), key=lambda i: clusters[i].distance(pt))
        size = math.sqrt(clusters[k].area)
        if clusters[k].distance(pt) <= max(3.0, reach * size) and k not in named:
            named[k] = _floor_title(text)
    if len(named) < 2 or len(named) < len(clusters):
        return []
    floors = []
    anchor = min((clusters[k].bounds for k in named), key=lambda b: (b[0], b[1]))  # the leftmost floor stays put
    spans = [clusters[k].bounds for k in named]
    stacked = all(min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) <= max(a[1], b[1])
                  for a, b in itertools.combinations(spans, 2))  # every two overlap across, none up and down
    first = (anchor[0], anchor[1])
    for k in sorted(named, key=lambda i: _floor_order(named[i])):
        minx, miny, maxx, maxy = clusters[k].bounds
        # back to drawing units: to_m is a scale and a shift
        o = to_m((0.0, 0.0))
        u = to_m((1.0, 0.0))[0] - o[0]
        box_du = ((minx - o[0]) / u, (miny - o[1]) / u, (maxx - o[0]) / u, (maxy - o[1]) / u)
        floors.append(_Floor(named[k], box_du, (minx - first[0], miny - first[1]),
                             "one above another" if stacked else "side by side"))
    return floors


def _subset(got: _Collected, box: tuple[float, float, float, float]) -> _Collected:
    """What was read within ``box`` (drawing units)."""
    x0, y0, x1, y1 = box

    def inside(p: Sequence[float]) -> bool:
        return x0 <= p[0] <= x1 and y0 <= p[1] <= y1

    part = _Collected()
    part.walls = [w for w in got.walls if inside(w[0][0])]
    part.wall_arcs = [a for a in got.wall_arcs if inside(a[0])]
    part.arcs = [a for a in got.arcs if inside(a[0])]
    part.lines = [ln for ln in got.lines if inside(ln[0][0])]
    part.rooms = [r for r in got.rooms if inside(r[0].representative_point().coords[0])]
    part.labels = [lb for lb in got.labels if inside(lb.point)]
    part.inserts = [i for i in got.inserts if inside(i.origin)]
    part.block_swings = [b for b in got.block_swings if b[0] and inside(b[0][0][0])]
    part.layer_entities = got.layer_entities
    return part


# -- floors on layouts, in floor blocks and in frames ----------------------------------------------

#: Layout names that say nothing (``Layout1``, ``布局1``, ``Présentation1``): the floor is named by its title.
_GENERIC_LAYOUT_RE = re.compile(
    r"^\s*(?:layout|布局|レイアウト|présentation|presentation|presentación|presentacion|plano|blatt|sheet|lámina|lamina|"
    r"feuille|paper|papier)\s*\d*\s*$",
    re.IGNORECASE,
)
#: A floor has at least this much wall (metres of drawn wall lines).
_MIN_FLOOR_WALLS_M = 8.0
_SCALE_TEXT_RE = re.compile(r"(?<![\d.])1\s*[:：/]\s*(\d{2,4})(?!\d)")
_Box = tuple[float, float, float, float]


def _paper_layouts(doc: Any) -> list[Any]:
    """The drawing's paper-space layouts, in tab order."""
    try:
        names = [n for n in doc.layouts.names_in_taborder() if n.lower() != "model"]
        return [doc.layouts.get(n) for n in names]
    except Exception:  # a damaged layout table: model space only
        return []


def _floor_title(text: str) -> str:
    """A floor name without the plot scale written after it: ``一层平面图 1:100`` -> ``一层平面图``.

    >>> _floor_title("一层平面图 1:100"), _floor_title("Erdgeschoss M 1:50")
    ('一层平面图', 'Erdgeschoss')
    """
    return re.sub(r"\s*(?:m\s*)?1\s*[:：]\s*\d+\s*$", "", clean_label(text), flags=re.IGNORECASE).strip() or text


def _floor_texts(layout: Any) -> list[tuple[str, tuple[float, float]]]:
    """Floor names written in a layout (its title), whatever their layer."""
    out = []
    for entity in layout.query("TEXT MTEXT"):
        try:
            raw = entity.plain_text() if entity.dxftype() == "MTEXT" else entity.dxf.get("text", "")
            text = clean_label(raw)
            if text and _FLOOR_RE.search(text):
                out.append((_floor_title(text), _text_centre(entity)))
        except Exception:
            continue
    return out


def _wall_paths(got: _Collected) -> np.ndarray:
    """The drawn wall lines (or, in a drawing without wall layers, its plan lines) as line strings, drawing units."""
    paths = [pts for pts, _c, _l in got.walls] or [pts for pts, _l in got.lines]
    return np.array([LineString(pts) for pts in paths if len(pts) >= 2], dtype=object)


def _inside(box: _Box, p: Sequence[float]) -> bool:
    return box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]


def _walls_within(lines: np.ndarray, box: _Box) -> tuple[float, _Box | None]:
    """Length (drawing units) and extent of the wall lines within ``box``."""
    if len(lines) == 0:
        return 0.0, None
    clipped = shapely.clip_by_rect(lines, *box)
    length = float(shapely.length(clipped).sum())
    if length <= 0:
        return 0.0, None
    x0, y0, x1, y1 = shapely.total_bounds(clipped)
    return length, (float(x0), float(y0), float(x1), float(y1))


def _grown(b: _Box, by: float) -> _Box:
    return (b[0] - by, b[1] - by, b[2] + by, b[3] + by)


def _box_area(b: _Box) -> float:
    return max(0.0, b[2] - b[0]) * max(0.0, b[3] - b[1])


def _overlap(a: _Box, b: _Box) -> float:
    """Area shared by two boxes over the smaller one's area."""
    shared = _box_area((max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])))
    smaller = min(_box_area(a), _box_area(b))
    return shared / smaller if smaller > 0 else 0.0


def _in_level_order(floors: list[_Floor]) -> list[_Floor]:
    """Floors by storey when every name is a floor name (B1 before 1F before 2F), else as found."""
    if all(_FLOOR_RE.search(f.name) for f in floors):
        return sorted(floors, key=lambda f: _floor_order(f.name))
    return floors


def _unique_names(floors: list[_Floor]) -> None:
    seen: dict[str, int] = {}
    for floor in floors:
        n = seen.get(floor.name, 0) + 1
        seen[floor.name] = n
        if n > 1:
            floor.name = f"{floor.name} ({n})"


def _aligned(floors: list[_Floor], extents: dict[int, _Box], factor: float) -> list[_Floor]:
    """Floors in level order, each shifted so that the corner of its walls lies on the first floor's."""
    floors = _in_level_order(floors)
    _unique_names(floors)
    first = extents[id(floors[0])]
    for floor in floors:
        ext = extents[id(floor)]
        floor.shift = ((ext[0] - first[0]) * factor, (ext[1] - first[1]) * factor)
    return floors


def _boxed_floors(got: _Collected, named: Sequence[tuple[str, _Box]], factor: float, source: str) -> list[_Floor]:
    """Floors from named model-space boxes (viewports, floor blocks, frames) that hold walls, one per distinct
    set of walls: a box whose walls lie within an earlier box's is the same floor shown again."""
    paths = _wall_paths(got)
    floors: list[_Floor] = []
    extents: dict[int, _Box] = {}
    for name, box in named:
        length, ext = _walls_within(paths, box)
        if ext is None or length * factor < _MIN_FLOOR_WALLS_M:
            continue
        if any(_overlap(ext, extents[id(f)]) > 0.5 for f in floors):
            continue
        floor = _Floor(name, box, (0.0, 0.0), source)
        floors.append(floor)
        extents[id(floor)] = ext
    return _aligned(floors, extents, factor) if len(floors) >= 2 else []


def _viewport_floors(layouts: Sequence[Any], got: _Collected, factor: float) -> list[_Floor]:
    """Floors shown on layouts through viewports onto distinct regions of model space.

    A viewport whose region holds two or more other viewports' walls is a key plan or an overview, not a
    floor. A layout with one floor names it (a generic name such as ``Layout1`` gives way to the floor name
    written on the sheet or in the region); a layout with several names each by the floor name nearest it.
    """
    paths = _wall_paths(got)
    found: list[tuple[Any, Any, _Box, _Box]] = []  # layout, viewport, region, extent of its walls
    for layout in layouts:
        try:
            viewports = list(layout.viewports())
        except Exception:
            continue
        for vp in viewports:
            if vp.dxf.get("id", 2) == 1 or vp.dxf.get("status", 1) == 0:
                continue  # the sheet's own view, or a viewport switched off
            try:
                r = [float(v) for v in vp.get_modelspace_limits()]
            except Exception:
                continue
            region: _Box = (r[0], r[1], r[2], r[3])
            if not all(math.isfinite(v) for v in region) or region[2] <= region[0] or region[3] <= region[1]:
                continue
            length, ext = _walls_within(paths, region)
            if ext is not None and length * factor >= _MIN_FLOOR_WALLS_M:
                found.append((layout, vp, region, ext))
    if len(found) < 2:
        return []
    views = [v for v in found
             if sum(1 for w in found if w is not v and _overlap(w[3], v[2]) > 0.8 and _overlap(w[3], v[3]) < 0.8) < 2]
    per_layout: dict[str, int] = {}
    for layout, *_ in views:
        per_layout[layout.name] = per_layout.get(layout.name, 0) + 1
    named: list[tuple[str, _Box]] = []
    model_names = [(lb.text, lb.point) for lb in got.labels if _FLOOR_RE.search(lb.text)]
    for layout, vp, region, _ext in views:
        titles = _floor_texts(layout)
        in_region = [_floor_title(t) for t, p in model_names if _inside(region, p)]
        if per_layout[layout.name] == 1:
            if not _GENERIC_LAYOUT_RE.search(layout.name):
                name = layout.name
            else:
                name = titles[0][0] if titles else (in_region[0] if in_region else layout.name)
        else:
            c, w, h = vp.dxf.center, vp.dxf.get("width", 0.0), vp.dxf.get("height", 0.0)
            near = [t for t, p in titles if math.dist((c[0], c[1]), p) <= max(w, h) * 0.75]
            name = near[0] if near else (in_region[0] if in_region else layout.name)
        named.append((name, region))
    floors = _boxed_floors(got, named, factor, "viewport")
    extents = [_walls_within(paths, f.box)[1] for f in floors if f.box is not None]
    for i, a in enumerate(extents):
        for b in extents[i + 1:]:
            if a is not None and b is not None and _overlap(_grown(a, 1.0 / factor), b) > 0:
                return []  # parts of one floor on several sheets (they meet at a match line): one level
    for floor in floors:
        floor.layout = next(lay.name for lay, _vp, region, _e in views if region == floor.box)
    return floors


def _paper_floors(layouts: Sequence[Any], file: str, layers: Sequence[str] | None,
                  door_patterns: Sequence[str] | None, ignore_patterns: Sequence[str] | None, factor: float,
                  notes: list[str]) -> list[_Floor]:
    """Floors drawn in the paper space of their own layouts (at full size, or at a plot scale written on the
    sheet as 1:100), each read as a drawing of its own."""
    found: list[tuple[_Floor, _Box, float]] = []
    for layout in layouts:
        entities = [e for e in layout if e.dxftype() != "VIEWPORT"]
        if not entities:
            continue
        scale, f, length, ext = 1.0, factor, 0.0, None
        reader = None
        for attempt in range(2):
            f = factor * scale
            reader = _Reader(file, layers, flatten=0.01 / f, factor=f, door_layers=door_patterns,
                             ignore_layers=ignore_patterns)
            try:
                reader.walk(entities)
            except PlanImportError:
                raise
            except Exception:
                break
            length, ext = _built_walls(reader.out, f)
            if ext is None or attempt == 1 or max(ext[2] - ext[0], ext[3] - ext[1]) * f >= 5.0:
                break
            # smaller than a room at full size: a floor drawn at the scale the sheet states
            scales = [int(m.group(1)) for e in layout.query("TEXT MTEXT")
                      for m in [_SCALE_TEXT_RE.search(e.plain_text() if e.dxftype() == "MTEXT" else e.dxf.text)]
                      if m is not None]
            if not scales:
                break
            scale = float(scales[0])
        if reader is None or ext is None or length * f < _MIN_FLOOR_WALLS_M:
            continue
        titles = _floor_texts(layout)
        name = titles[0][0] if _GENERIC_LAYOUT_RE.search(layout.name) and titles else layout.name
        got = reader.out
        offset = _origin_offset(got, f, [])
        floor = _Floor(name, None, (0.0, 0.0), "paper space", got=got, layout=layout.name, offset=offset, factor=f)
        found.append((floor, ext, f))
        if scale != 1.0:
            notes.append(f"layout {layout.name!r} is drawn at 1:{scale:g} in paper space: read at that scale")
    if len(found) < 2:
        return []
    floors = _in_level_order([f for f, _e, _s in found])
    _unique_names(floors)
    first = next((e, s) for f, e, s in found if f is floors[0])
    for floor, ext, f in found:
        # the corner of its walls over the first floor's corner (each in metres, after its own offset)
        floor.shift = (ext[0] * f - floor.offset[0] - (first[0][0] * first[1] - floors[0].offset[0]),
                       ext[1] * f - floor.offset[1] - (first[0][1] * first[1] - floors[0].offset[1]))
    return floors


def _built_walls(got: _Collected, factor: float) -> tuple[float, _Box | None]:
    """Length (drawing units) and extent of the walls a layout's own drawing makes (title blocks make none)."""
    walls = _build_walls(got, lambda p: (p[0] * factor, p[1] * factor), factor, WALL_THICKNESS_M, [])
    pts = [p for w in walls for p in w.path]
    if not pts:
        return 0.0, None
    xs, ys = [p[0] / factor for p in pts], [p[1] / factor for p in pts]
    return sum(_length(w.path) for w in walls) / factor, (min(xs), min(ys), max(xs), max(ys))


def _block_and_frame_floors(got: _Collected, factor: float) -> list[_Floor]:
    """Floors drawn as blocks named like floors (1F, 一层平面), or inside frames with a floor name in them."""
    if len(got.floor_blocks) >= 2:
        floors = _boxed_floors(got, sorted(got.floor_blocks, key=lambda nb: (nb[1][0], -nb[1][1])), factor,
                               "floor block")
        if floors:
            return floors
    names = got.floor_names
    if len(names) < 2 or len(got.frames) < 2:
        return []
    paths = _wall_paths(got)
    named: list[tuple[str, _Box]] = []
    for text, point in names:
        holding = sorted((b for b in set(got.frames) if _inside(b, point)), key=_box_area)
        for frame in holding:  # the smallest frame around the name that holds a floor's walls
            length, _ext = _walls_within(paths, frame)
            if length * factor >= _MIN_FLOOR_WALLS_M:
                named.append((_floor_title(text), frame))
                break
    frames = [b for _n, b in named]
    named = [(n, b) for n, b in named if frames.count(b) == 1]  # one name per frame
    return _boxed_floors(got, sorted(named, key=lambda nb: (nb[1][0], -nb[1][1])), factor, "frame")


def _find_floors(doc: Any, file: str, got: _Collected, factor: float, to_m: Any, layers: Sequence[str] | None,
                 door_patterns: Sequence[str] | None, ignore_patterns: Sequence[str] | None,
                 notes: list[str]) -> list[_Floor]:
    """The floors of a drawing with several: on layouts (viewports onto model space, or paper space of their
    own), as floor blocks or framed floors, or side by side under their names; else none."""
    layouts = _paper_layouts(doc)
    floors = _viewport_floors(layouts, got, factor) if layouts else []
    if len(floors) < 2 and layouts:
        floors = _paper_floors(layouts, file, layers, door_patterns, ignore_patterns, factor, notes)
    if len(floors) < 2:
        floors = _block_and_frame_floors(got, factor)
    if len(floors) < 2:
        floors = _floors(got, to_m)
    if len(floors) < 2:
        return []
    shown = ", ".join(f.name for f in floors)
    n = len(floors)
    how = {
        "viewport": f"{n} layouts show {n} floors ({shown}) through their viewports",
        "paper space": f"{n} layouts hold {n} floors ({shown}) in their paper space",
        "floor block": f"{n} floor blocks ({shown})",
        "frame": f"{n} floors framed with their names ({shown})",
        "one above another": f"{n} floors drawn one above another ({shown})",
    }.get(floors[0].source, f"{n} floors drawn side by side ({shown})")
    notes.append(f"{how} became {n} levels, placed over one another by the corners of their walls: "
                 "check that they line up")
    return floors


def _level_row(level: Level, floor: _Floor, labels: Sequence[_Label], outside: int) -> dict[str, Any]:
    """What one level got: its source, zones, walls, doors and windows, labels in no room."""
    return {
        "id": level.id,
        "name": level.name,
        "source": floor.source if floor.layout is None else f"{floor.source} of layout {floor.layout!r}",
        "zones": len(level.zones),
        "zones_by_use": dict(sorted(Counter(z.use for z in level.zones).items())),
        "walls": len(level.walls),
        "doors": sum(o.kind == "door" for o in level.openings),
        "windows": sum(o.kind == "window" for o in level.openings),
        "labels": len(labels),
        "labels_outside_rooms": outside,
    }


def _patterns(value: Sequence[str] | str | None) -> list[str] | None:
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else list(value)
    return [p.strip() for p in items if p.strip()] or None


def _layer_table(got: _Collected, levels: Sequence[Level], labels: Sequence[_Label],
                 ignored: Sequence[str] | None) -> list[dict[str, Any]]:
    """Per layer: its entities and what the import made of them (walls, doors, windows, labels)."""
    rows: dict[str, dict[str, Any]] = {}

    def row(layer: str) -> dict[str, Any]:
        return rows.setdefault(layer, {"layer": layer, "entities": got.layer_entities.get(layer, 0),
                                       "walls": 0, "doors": 0, "windows": 0, "labels": 0,
                                       "ignored": bool(ignored and _matches(layer, ignored))})

    for layer in got.layer_entities:
        row(layer)
    for wall in (w for level in levels for w in level.walls):
        row(str(wall.extra.get("import", {}).get("layer", "?")))["walls"] += 1
    for opening in (o for level in levels for o in level.openings):
        layer = str(opening.extra.get("import", {}).get("layer", "?"))
        row(layer)["doors" if opening.kind == "door" else "windows"] += 1
    for label in labels:
        row(label.layer)["labels"] += 1
    return sorted(rows.values(), key=lambda r: (-(r["walls"] + r["doors"] + r["windows"] + r["labels"]),
                                                 -r["entities"], r["layer"]))


def _render_background(doc: Any, project: Project, level: Level, factor: float, offset: tuple[float, float],
                       notes: list[str], layout: str | None = None,
                       drawn: Sequence[tuple[float, float]] = ()) -> None:
    from planner.importers.dxf_render import render_modelspace

    pts = [p for w in level.walls for p in w.path] + [p for z in level.zones for p in z.polygon] or list(drawn)
    if not pts:
        return
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    margin = max(1.0, 0.05 * max(max(xs) - min(xs), max(ys) - min(ys)))
    bounds = (min(xs) - margin, min(ys) - margin, max(xs) + margin, max(ys) + margin)
    try:
        rendered = render_modelspace(doc, to_metres=factor, offset=offset, bounds_m=bounds, notes=notes,
                                     layout=layout)
    except Exception as exc:  # rendering is a convenience: the plan data stands without it
        notes.append(f"the drawing could not be rendered as a background ({type(exc).__name__})")
        return
    if rendered is not None:
        data, transform = rendered
        add_background(project, level, data, "png", transform, opacity=0.5, extra={"imported_from": "dxf"})


def _affine(poly: Polygon, factor: float, offset: tuple[float, float]) -> Polygon:
    return Polygon([(x * factor - offset[0], y * factor - offset[1]) for x, y in poly.exterior.coords])
