"""Import an IMDF venue (a .zip archive, or a folder with ``manifest.json`` and the feature files).

* Levels come from ``level.geojson``, one project level per ordinal (the
  level features of several buildings at one ordinal become one level):
  ordinal 0 -> ``L0``, 1 -> ``L1``, -1 -> ``B1``.
* Units become zones; their category gives the use (:data:`UNIT_USES`),
  the unit's name can refine a generic category (``room`` named ``更衣室``).
  Amenities of a private kind (``fittingroom``, ``shower``, ``mothersroom``,
  ``restroom*``, ``changingroom``) mark the unit that contains them.
* Units of the wall materials ``brick``, ``concrete``, ``drywall``, ``wood``
  become opaque walls, ``glass`` glass walls, ``column`` and ``structure``
  opaque obstacles; the outlines of private units become walls too.
* Openings become doors (with a ``door`` object) or doorways, on the wall
  they lie on.
* WGS84 longitude / latitude become plan metres by a transverse Mercator
  projection centred on the venue's display point (which becomes the plan
  origin): scale errors stay far below 1 mm across any building.
"""

from __future__ import annotations

import itertools
import math
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from planner.geometry.convert import parts
from planner.geometry.obstacles import opening_cut
from planner.importers.labels import classify_label
from planner.importers.result import IMPORT_LIMITS, ImportResult, PlanImportError, ReviewItem
from planner.io.errors import ProjectFileError
from planner.io.projectfile import parse_json
from planner.model import Level, Opening, Project, Venue, Wall, Zone
from planner.rules.pack import DEFAULT_RULE_PACK, load_rule_pack

__all__ = [
    "AMENITY_USES",
    "PRIVATE_WALL_THICKNESS_M",
    "UNIT_USES",
    "WALL_MATERIALS",
    "import_imdf",
    "local_projection",
    "unit_use",
]

#: Unit category -> (use, confidence). A trailing ``*`` matches the category and its sub-categories.
UNIT_USES: dict[str, tuple[str, float]] = {
    "restroom*": ("restroom", 0.95),
    "shower": ("bath", 0.95),
    "mothersroom": ("lactation_room", 0.95),
    "walkway*": ("corridor", 0.9),
    "footbridge": ("corridor", 0.8),
    "movingwalkway": ("corridor", 0.8),
    "ramp": ("corridor", 0.7),
    "lobby": ("lobby", 0.9),
    "waitingroom": ("lobby", 0.7),
    "lounge": ("lobby", 0.6),
    "privatelounge": ("lobby", 0.5),
    "elevator": ("elevator", 0.9),
    "escalator": ("stairs", 0.9),
    "stairs": ("stairs", 0.9),
    "steps": ("stairs", 0.8),
    "office": ("office", 0.8),
    "conferenceroom": ("meeting_room", 0.8),
    "huddleroom": ("meeting_room", 0.8),
    "phoneroom": ("meeting_room", 0.6),
    "classroom": ("meeting_room", 0.6),
    "fitnessroom": ("gym", 0.8),
    "foodservice": ("restaurant", 0.8),
    "kitchen": ("service", 0.8),
    "serverroom": ("service", 0.8),
    "mailroom": ("service", 0.7),
    "storage": ("storage", 0.8),
    "parking": ("parking", 0.9),
    "nonpublic": ("service", 0.4),
    "platform": ("other", 0.6),
    "auditorium": ("other", 0.6),
    "theater": ("other", 0.6),
    "movietheater": ("other", 0.6),
    "library": ("other", 0.6),
    "laboratory": ("other", 0.6),
    "firstaid": ("other", 0.6),
    "recreation": ("other", 0.5),
    "smokingarea": ("other", 0.6),
    "terrace": ("other", 0.6),
    "road": ("other", 0.6),
    "fieldofplay": ("other", 0.6),
    "unenclosedarea": ("other", 0.5),
    "vegetation": ("other", 0.6),
    "room": ("other", 0.2),
    "unspecified": ("other", 0.0),
}
#: Unit categories that are walls or obstacles, not zones: category -> wall material.
WALL_MATERIALS: dict[str, str] = {
    "brick": "opaque",
    "concrete": "opaque",
    "drywall": "opaque",
    "wood": "opaque",
    "glass": "glass",
    "column": "opaque",
    "structure": "opaque",
}
#: Unit categories that are neither zones nor walls.
_SKIPPED_UNITS = frozenset({"opentobelow"})
#: Amenity category -> the use of the unit that contains it.
AMENITY_USES: dict[str, str] = {
    "fittingroom": "fitting_room",
    "changingroom": "changing_room",
    "lockerroom": "changing_room",
    "shower": "bath",
    "mothersroom": "lactation_room",
    "lactationroom": "lactation_room",
    "restroom*": "restroom",
}
#: Venue categories whose plain ``room`` units are probably guest rooms.
_LODGING_VENUES = frozenset({"hotel", "resort"})
#: Wall thickness for the outlines of private units.
PRIVATE_WALL_THICKNESS_M = 0.1
#: Thickness of walls drawn around the outline of a non-rectangular wall unit.
_OUTLINE_WALL_M = 0.02
#: Above this area an amenity marks its unit with a low confidence (it may be a corner of a shop).
_AMENITY_UNIT_AREA_M2 = 30.0
STOREY_HEIGHT_M = 3.5
#: Uses whose unit outlines become walls: the private spaces of the default rule pack.
_PRIVATE_USES = load_rule_pack(DEFAULT_RULE_PACK).private_uses("all_devices")
_ZH = ("zh-Hans", "zh-CN", "zh", "zh-Hans-CN", "zh-Hant", "zh-TW", "zh-HK")
_EN = ("en", "en-US", "en-GB")


def _lookup(table: dict[str, Any], category: str) -> Any:
    if category in table:
        return table[category]
    for key, value in table.items():
        if key.endswith("*") and (category == key[:-1] or category.startswith(key[:-1] + ".")):
            return value
    return None


def unit_use(category: str, name: str = "", *, venue_category: str = "") -> tuple[str, float, str, str]:
    """Suggested use of an IMDF unit: ``(use, confidence, source_label, reason)``.

    The category decides; the unit's name may refine a generic one.

    >>> unit_use("restroom.female")[:2]
    ('restroom', 0.95)
    >>> unit_use("mothersroom")[0], unit_use("walkway")[0], unit_use("lobby")[0]
    ('lactation_room', 'corridor', 'lobby')
    >>> unit_use("room", "更衣室 2")[:3]
    ('changing_room', 0.95, '更衣室 2')
    >>> unit_use("room", "", venue_category="hotel")[:2]
    ('hotel_room', 0.5)
    """
    found = _lookup(UNIT_USES, category)
    use, confidence = found if found else ("other", 0.0)
    source, reason = f"category {category}", f"IMDF unit category {category!r}"
    if not found:
        reason = f"IMDF unit category {category!r} has no use"
    if category == "room" and venue_category in _LODGING_VENUES:
        use, confidence, reason = "hotel_room", 0.5, f"unit category 'room' in a {venue_category}"
    match = classify_label(name) if name else None
    if match is not None and match.confidence > confidence:
        return match.use, match.confidence, name, f"name keyword {match.keyword!r}"
    return use, confidence, source, reason


def local_projection(lon0: float, lat0: float) -> tuple[Any, Any]:
    """Forward and inverse transformers between WGS84 and a transverse Mercator centred at ``(lon0, lat0)``.

    >>> fwd, inv = local_projection(121.4737, 31.2304)
    >>> [round(v, 6) + 0.0 for v in fwd.transform(121.4737, 31.2304)]
    [0.0, 0.0]
    """
    from pyproj import CRS, Transformer

    local = CRS.from_proj4(
        f"+proj=tmerc +lat_0={lat0!r} +lon_0={lon0!r} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"
    )
    wgs84 = CRS.from_proj4("+proj=longlat +datum=WGS84 +no_defs")
    return (
        Transformer.from_crs(wgs84, local, always_xy=True),
        Transformer.from_crs(local, wgs84, always_xy=True),
    )


# -- reading the archive ---------------------------------------------------------------------------


class _Source:
    """The files of an IMDF archive or folder, read with limits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = str(path)
        self.zip: zipfile.ZipFile | None = None
        self.prefix = ""
        self.members: dict[str, Any] = {}
        if path.is_dir():
            for child in path.iterdir():
                if child.is_file():
                    self.members[child.name] = child
            if "manifest.json" not in self.members:
                raise PlanImportError(self.file, "no manifest.json in this folder: not an IMDF venue")
            return
        try:
            self.zip = zipfile.ZipFile(path)
        except FileNotFoundError:
            raise PlanImportError(self.file, "file not found") from None
        except (zipfile.BadZipFile, OSError) as exc:
            raise PlanImportError(self.file, f"not a ZIP archive ({exc})") from None
        infos = self.zip.infolist()
        if len(infos) > IMPORT_LIMITS.archive_members:
            raise PlanImportError(self.file, f"too many archive members ({len(infos)})")
        total = 0
        names = {}
        for info in infos:
            if info.is_dir():
                continue
            name = info.filename
            if "\\" in name or name.startswith("/") or ".." in PurePosixPath(name).parts:
                raise PlanImportError(self.file, f"unsafe archive member name {name!r}")
            total += info.file_size
            if total > IMPORT_LIMITS.archive_total:
                raise PlanImportError(self.file, "the archive expands to more than 1 GiB")
            if info.file_size > 1 << 20 and info.file_size > IMPORT_LIMITS.archive_ratio * max(info.compress_size, 1):
                raise PlanImportError(self.file, f"archive member {name!r} is suspiciously compressed (a ZIP bomb?)")
            names[name] = info
        manifests = sorted((n for n in names if PurePosixPath(n).name == "manifest.json"), key=len)
        if not manifests:
            raise PlanImportError(self.file, "no manifest.json in the archive: not an IMDF venue")
        self.prefix = manifests[0][: -len("manifest.json")]
        for name, info in names.items():
            if name.startswith(self.prefix) and "/" not in name[len(self.prefix):]:
                self.members[name[len(self.prefix):]] = info

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()

    def where(self, name: str) -> str:
        return str(self.path / name) if self.zip is None else f"{self.file}/{self.prefix}{name}"

    def has(self, name: str) -> bool:
        return name in self.members

    def read_json(self, name: str) -> dict[str, Any]:
        where = self.where(name)
        member = self.members[name]
        try:
            if self.zip is None:
                if member.stat().st_size > IMPORT_LIMITS.file_size:
                    raise PlanImportError(where, "file is too large")
                raw = member.read_bytes()
            else:
                if member.file_size > IMPORT_LIMITS.file_size:
                    raise PlanImportError(where, "file is too large")
                with self.zip.open(member) as fh:
                    raw = fh.read(member.file_size + 1)
                if len(raw) > member.file_size:
                    raise PlanImportError(where, "member is larger than its header says")
        except (OSError, zipfile.BadZipFile, EOFError, NotImplementedError) as exc:
            raise PlanImportError(where, f"cannot read: {exc}") from None
        try:
            return parse_json(raw, where)
        except PlanImportError:
            raise
        except ProjectFileError as exc:
            raise PlanImportError(where, exc.message) from None


# -- GeoJSON validation ----------------------------------------------------------------------------


@dataclass
class _Feature:
    id: str
    props: dict[str, Any]
    geometry: dict[str, Any] | None
    index: int


def _features(data: dict[str, Any], where: str, *, limit: int = IMPORT_LIMITS.features) -> list[_Feature]:
    if data.get("type") != "FeatureCollection":
        raise PlanImportError(where, f"expected a GeoJSON FeatureCollection, got type {data.get('type')!r}", ["type"])
    features = data.get("features")
    if not isinstance(features, list):
        raise PlanImportError(where, "expected a list of features", ["features"])
    if len(features) > limit:
        raise PlanImportError(where, f"too many features ({len(features)} > {limit})", ["features"])
    out = []
    for i, feature in enumerate(features):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise PlanImportError(where, "expected a GeoJSON Feature", ["features", i])
        props = feature.get("properties")
        if props is None:
            props = {}
        if not isinstance(props, dict):
            raise PlanImportError(where, "properties must be an object", ["features", i, "properties"])
        geometry = feature.get("geometry")
        if geometry is not None and not isinstance(geometry, dict):
            raise PlanImportError(where, "geometry must be an object or null", ["features", i, "geometry"])
        fid = feature.get("id")
        out.append(_Feature(str(fid) if fid is not None else f"#{i}", props, geometry, i))
    return out


def _position(value: Any, where: str, path: list[str | int]) -> tuple[float, float]:
    if not isinstance(value, list) or len(value) < 2:
        raise PlanImportError(where, "expected a position [longitude, latitude]", path)
    lon, lat = value[0], value[1]
    for v, what, bound in ((lon, "longitude", 180.0), (lat, "latitude", 90.0)):
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or abs(v) > bound:
            raise PlanImportError(where, f"invalid {what} {v!r}", path)
    return (float(lon), float(lat))


def _positions(value: Any, where: str, path: list[str | int], minimum: int) -> list[tuple[float, float]]:
    if not isinstance(value, list) or len(value) < minimum:
        raise PlanImportError(where, f"expected a list of at least {minimum} positions", path)
    return [_position(p, where, [*path, i]) for i, p in enumerate(value)]


def _geometry(feature: _Feature, where: str, allowed: Sequence[str]) -> tuple[str, Any] | None:
    """Validated ``(type, coordinates)`` of a feature (lon/lat lists), or ``None`` when it has none."""
    g = feature.geometry
    if g is None:
        return None
    path: list[str | int] = ["features", feature.index, "geometry"]
    kind = g.get("type")
    if kind not in allowed:
        raise PlanImportError(where, f"expected a {' or '.join(allowed)} geometry, got {kind!r}", [*path, "type"])
    coords = g.get("coordinates")
    cpath = [*path, "coordinates"]
    if kind == "Point":
        return kind, _position(coords, where, cpath)
    if kind == "LineString":
        return kind, _positions(coords, where, cpath, 2)
    if kind == "MultiLineString":
        if not isinstance(coords, list):
            raise PlanImportError(where, "expected a list of lines", cpath)
        return kind, [_positions(c, where, [*cpath, i], 2) for i, c in enumerate(coords)]
    if kind == "Polygon":
        if not isinstance(coords, list) or not coords:
            raise PlanImportError(where, "expected a list of rings", cpath)
        return kind, [_positions(r, where, [*cpath, i], 4) for i, r in enumerate(coords)]
    if kind == "MultiPolygon":
        if not isinstance(coords, list):
            raise PlanImportError(where, "expected a list of polygons", cpath)
        polys = []
        for i, poly in enumerate(coords):
            if not isinstance(poly, list) or not poly:
                raise PlanImportError(where, "expected a list of rings", [*cpath, i])
            polys.append([_positions(r, where, [*cpath, i, j], 4) for j, r in enumerate(poly)])
        return kind, polys
    raise PlanImportError(where, f"unsupported geometry type {kind!r}", [*path, "type"])  # pragma: no cover


def _label(value: Any, langs: Sequence[str]) -> str:
    """Text of an IMDF label object ``{"en": "...", "zh-Hans": "..."}`` in the first language of ``langs`` it has.

    >>> _label({"en": "Lobby", "zh-Hans": "大堂"}, ("zh-Hans", "en")), _label({"de": "Halle"}, ("en",))
    ('大堂', 'Halle')
    """
    if isinstance(value, str):
        return value.strip()
    if not isinstance(value, dict) or not value:
        return ""
    for key in langs:
        text = value.get(key)
        if isinstance(text, str) and text.strip():
            return text.strip()
    for text in value.values():
        if isinstance(text, str) and text.strip():
            return text.strip()
    return ""


# -- geometry helpers ------------------------------------------------------------------------------


def _r(p: Sequence[float]) -> tuple[float, float]:
    return (round(float(p[0]), 4) + 0.0, round(float(p[1]), 4) + 0.0)


def _without_holes(poly: Polygon, depth: int = 0) -> list[Polygon]:
    """Split a polygon with holes into hole-free pieces (zones have a single ring)."""
    if not poly.interiors or depth > 12:
        return [Polygon(poly.exterior.coords)]
    hole = poly.interiors[0]
    hx0, _, hx1, _ = hole.bounds
    cut = (hx0 + hx1) / 2
    x0, y0, x1, y1 = poly.bounds
    out: list[Polygon] = []
    for half in (box(x0 - 1, y0 - 1, cut, y1 + 1), box(cut, y0 - 1, x1 + 1, y1 + 1)):
        piece = poly.intersection(half)
        for part in parts(piece, "Polygon"):
            if part.area > 1e-6:
                out.extend(_without_holes(part, depth + 1))
    return out


def _walls_from_body(body: Polygon, material: str) -> list[tuple[tuple[tuple[float, float], ...], float]]:
    """A wall unit's polygon as walls: ``(path, thickness)`` pairs.

    A rectangle becomes its centre-line with its width as the thickness;
    any other shape becomes thin walls along its outline (they block sight
    the same way, since every line through the body crosses its outline).
    """
    rect = body.minimum_rotated_rectangle
    if rect.geom_type == "Polygon" and body.area >= 0.97 * rect.area:
        c = list(rect.exterior.coords)[:4]
        e1, e2 = math.dist(c[0], c[1]), math.dist(c[1], c[2])
        if e1 >= e2:
            p = ((c[0][0] + c[3][0]) / 2, (c[0][1] + c[3][1]) / 2)
            q = ((c[1][0] + c[2][0]) / 2, (c[1][1] + c[2][1]) / 2)
            thickness = e2
        else:
            p = ((c[0][0] + c[1][0]) / 2, (c[0][1] + c[1][1]) / 2)
            q = ((c[3][0] + c[2][0]) / 2, (c[3][1] + c[2][1]) / 2)
            thickness = e1
        if 0.005 <= thickness <= 1.0 and math.dist(p, q) > 1e-3:
            return [((_r(p), _r(q)), round(thickness, 4))]
    out = []
    for ring in [body.exterior, *body.interiors]:
        path = tuple(_r(pt) for pt in ring.coords)
        if len(path) >= 4:
            out.append((path, _OUTLINE_WALL_M))
    return out


def _lines(geom: BaseGeometry) -> list[LineString]:
    return [LineString(part.coords) for part in parts(geom, "LineString", "LinearRing")]


# -- the importer ----------------------------------------------------------------------------------


@dataclass
class _LevelInfo:
    ordinal: int
    names: list[str]
    level: Level


def _level_id(ordinal: int) -> str:
    """``L0``, ``L1`` ... for ordinals 0 and up, ``B1``, ``B2`` ... below.

    >>> _level_id(0), _level_id(2), _level_id(-1)
    ('L0', 'L2', 'B1')
    """
    return f"L{ordinal}" if ordinal >= 0 else f"B{-ordinal}"


def import_imdf(
    source: str | Path,
    *,
    name: str | None = None,
    lang: str | None = None,
    private_wall_thickness_m: float = PRIVATE_WALL_THICKNESS_M,
    **_: Any,
) -> ImportResult:
    """Import an IMDF archive (.zip) or folder as a new project, one level per ordinal.

    ``lang`` picks the language of names (default: Chinese, then the archive's language, then English).
    """
    path = Path(source)
    src = _Source(path)
    try:
        return _import(src, name=name, lang=lang, wall_thickness=private_wall_thickness_m)
    finally:
        src.close()


def _import(src: _Source, *, name: str | None, lang: str | None, wall_thickness: float) -> ImportResult:
    notes: list[str] = []
    manifest = src.read_json("manifest.json")
    version = manifest.get("version")
    if not isinstance(version, str) or not version.startswith("1."):
        notes.append(f"IMDF version {version!r}: read as 1.0")
    default_lang = manifest.get("language") if isinstance(manifest.get("language"), str) else None
    langs = tuple(x for x in ((lang,) if lang else ()) + _ZH + ((default_lang,) if default_lang else ()) + _EN if x)
    for required in ("level.geojson", "unit.geojson"):
        if not src.has(required):
            raise PlanImportError(src.file, f"the IMDF archive has no {required}")

    # venue: name, category, centre
    venue_name, venue_category = "", ""
    centre: tuple[float, float] | None = None
    if src.has("venue.geojson"):
        where = src.where("venue.geojson")
        venues = _features(src.read_json("venue.geojson"), where)
        if venues:
            v = venues[0]
            venue_name = _label(v.props.get("name"), langs)
            venue_category = str(v.props.get("category") or "")
            dp = v.props.get("display_point")
            if isinstance(dp, dict) and dp.get("type") == "Point":
                centre = _position(dp.get("coordinates"), where, ["features", v.index, "properties", "display_point"])
            else:
                geom = _geometry(v, where, ("Polygon", "MultiPolygon"))
                if geom is not None:
                    shape = shapely.geometry.shape({"type": geom[0], "coordinates": geom[1]})
                    c = shape.centroid
                    centre = (c.x, c.y)
    else:
        notes.append("the archive has no venue.geojson")

    level_where = src.where("level.geojson")
    level_features = _features(src.read_json("level.geojson"), level_where)
    unit_where = src.where("unit.geojson")
    unit_features = _features(src.read_json("unit.geojson"), unit_where)
    opening_where = src.where("opening.geojson") if src.has("opening.geojson") else ""
    opening_features = _features(src.read_json("opening.geojson"), opening_where) if opening_where else []
    amenity_where = src.where("amenity.geojson") if src.has("amenity.geojson") else ""
    amenity_features = _features(src.read_json("amenity.geojson"), amenity_where) if amenity_where else []

    unit_geoms = []
    for f in unit_features:
        geom = _geometry(f, unit_where, ("Polygon", "MultiPolygon"))
        unit_geoms.append(geom)
    if centre is None:
        pts = [p for g in unit_geoms if g for p in _flat_positions(g)]
        if not pts:
            raise PlanImportError(unit_where, "no unit has a geometry")
        lons, lats = [p[0] for p in pts], [p[1] for p in pts]
        centre = ((min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2)
    fwd, _inv = local_projection(*centre)

    def project_ring(ring: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        xs, ys = fwd.transform([p[0] for p in ring], [p[1] for p in ring])
        return [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]

    def to_shape(geom: tuple[str, Any]) -> BaseGeometry:
        kind, coords = geom
        if kind == "Polygon":
            return shapely.make_valid(Polygon(project_ring(coords[0]), [project_ring(r) for r in coords[1:]]))
        if kind == "MultiPolygon":
            return shapely.make_valid(MultiPolygon(
                [(project_ring(p[0]), [project_ring(r) for r in p[1:]]) for p in coords]
            ))
        if kind == "LineString":
            return LineString(project_ring(coords))
        if kind == "MultiLineString":
            return shapely.MultiLineString([project_ring(c) for c in coords])
        x, y = fwd.transform(coords[0], coords[1])
        return Point(float(x), float(y))

    # levels by ordinal
    levels: dict[int, _LevelInfo] = {}
    level_of: dict[str, int] = {}
    for f in level_features:
        ordinal = f.props.get("ordinal")
        if isinstance(ordinal, bool) or not isinstance(ordinal, (int, float)) or not float(ordinal).is_integer():
            raise PlanImportError(level_where, f"ordinal must be an integer, got {ordinal!r}",
                                  ["features", f.index, "properties", "ordinal"])
        ordinal = int(ordinal)
        level_of[f.id] = ordinal
        info = levels.get(ordinal)
        if info is None:
            info = levels[ordinal] = _LevelInfo(ordinal, [], Level(
                id=_level_id(ordinal), elevation_m=ordinal * STOREY_HEIGHT_M, extra={"imdf_ordinal": ordinal}
            ))
        label = _label(f.props.get("name"), langs) or _label(f.props.get("short_name"), langs)
        if label and label not in info.names:
            info.names.append(label)
    if not levels:
        raise PlanImportError(level_where, "the venue has no levels")
    for info in levels.values():
        info.level.name = " / ".join(info.names) or info.level.id

    # units -> zones and wall bodies
    zones_by_level: dict[int, list[tuple[Polygon, str, str, str, float, str, str]]] = {o: [] for o in levels}
    bodies_by_level: dict[int, list[tuple[Polygon, str, str]]] = {o: [] for o in levels}
    unclassified: list[str] = []
    orphans = 0
    for f, geom in zip(unit_features, unit_geoms, strict=True):
        if geom is None:
            continue
        ordinal = level_of.get(str(f.props.get("level_id")))
        if ordinal is None:
            orphans += 1
            continue
        category = str(f.props.get("category") or "unspecified")
        shape = to_shape(geom)
        polys = [g for g in parts(shape, "Polygon") if g.area > 1e-4]
        if category in WALL_MATERIALS:
            bodies_by_level[ordinal].extend((p, WALL_MATERIALS[category], f.id) for p in polys)
            continue
        if category in _SKIPPED_UNITS:
            continue
        unit_name = _label(f.props.get("name"), langs) or _label(f.props.get("alt_name"), langs)
        use, confidence, source, reason = unit_use(category, unit_name, venue_category=venue_category)
        if _lookup(UNIT_USES, category) is None:
            unclassified.append(f"unit category {category!r}")
        elif confidence < 0.5 and unit_name and classify_label(unit_name) is None:
            unclassified.append(unit_name)
        for p in polys:
            zones_by_level[ordinal].append((p, unit_name or category, use, source, confidence, reason, f.id))
    if orphans:
        notes.append(f"{orphans} unit(s) refer to no level and were left out")

    # amenities mark the unit that contains them
    unit_index = {(lvl, entry[6]): i for lvl, entries in zones_by_level.items() for i, entry in enumerate(entries)}
    for f in amenity_features:
        category = str(f.props.get("category") or "")
        use = _lookup(AMENITY_USES, category)
        if use is None:
            continue
        unit_ids = f.props.get("unit_ids") if isinstance(f.props.get("unit_ids"), list) else []
        targets = [(lvl, i) for (lvl, uid), i in unit_index.items() if uid in {str(u) for u in unit_ids}]
        if not targets:
            geom = _geometry(f, amenity_where, ("Point",))
            if geom is None:
                continue
            point = to_shape(geom)
            covering = [(e[0].area, lvl, i) for lvl, entries in zones_by_level.items() for i, e in enumerate(entries)
                        if e[0].covers(point)]
            targets = [min(covering)[1:]] if covering else []  # no unit_ids: the smallest unit under it
        for lvl, i in targets:
            poly, zname, old_use, _source, _conf, _reason, uid = zones_by_level[lvl][i]
            if old_use in _PRIVATE_USES and old_use != "hotel_room":
                continue
            large = poly.area > _AMENITY_UNIT_AREA_M2
            confidence = 0.6 if large else 0.9
            reason = f"contains a {category!r} amenity"
            if large:
                reason += f"; the unit is {poly.area:.0f} m²: draw the {use.replace('_', ' ')} as its own zone"
            zones_by_level[lvl][i] = (poly, zname, use, f"amenity {category}", confidence, reason, uid)

    # build the levels
    review: list[ReviewItem] = []
    counters = {"z": 0, "w": 0, "d": 0}
    opening_groups: dict[int, list[tuple[LineString, str, str]]] = {o: [] for o in levels}
    for f in opening_features:
        geom = _geometry(f, opening_where, ("LineString", "MultiLineString"))
        if geom is None:
            continue
        ordinal = level_of.get(str(f.props.get("level_id")))
        if ordinal is None:
            continue
        door = f.props.get("door")
        kind = "door" if isinstance(door, dict) and door.get("type") not in (None, "open") else "doorway"
        for line in _lines(to_shape(geom)):
            opening_groups[ordinal].append((line, kind, f.id))

    for ordinal in sorted(levels):
        level = levels[ordinal].level
        entries = zones_by_level[ordinal]
        walls: list[Wall] = []
        for body, material, uid in bodies_by_level[ordinal]:
            for path, thickness in _walls_from_body(body, material):
                counters["w"] += 1
                walls.append(Wall(id=f"w{counters['w']}", path=path, thickness_m=thickness, material=material,
                                  extra={"import": {"imdf_unit": uid}}))
        private = [e[0] for e in entries if e[2] in _PRIVATE_USES]
        if private:
            outline = shapely.line_merge(shapely.union_all([p.boundary for p in private], grid_size=1e-4))
            for line in _lines(outline):
                coords = tuple(_r(pt) for pt in line.coords)
                if len(coords) >= 2 and line.length > 1e-3:
                    counters["w"] += 1
                    walls.append(Wall(id=f"w{counters['w']}", path=coords, thickness_m=wall_thickness,
                                      material="opaque", extra={"import": {"outline_of_private_units": True}}))
        level.walls = walls
        for line, kind, fid in opening_groups[ordinal]:
            for a, b in _straight_pieces(line):
                counters["d"] += 1
                opening = Opening(id=f"d{counters['d']}", kind=kind, segment=(_r(a), _r(b)),
                                  extra={"import": {"imdf_opening": fid}})
                opening.wall = _wall_under(opening, walls)
                level.openings.append(opening)
        for poly, zname, use, source, confidence, reason, uid in entries:
            pieces = _without_holes(poly)
            for n, piece in enumerate(pieces, start=1):
                ring = [_r(p) for p in list(shapely.orient_polygons(piece).exterior.coords)[:-1]]
                if len(ring) < 3:
                    continue
                counters["z"] += 1
                label = zname if len(pieces) == 1 else f"{zname} ({n}/{len(pieces)})"
                zone = Zone(id=f"z{counters['z']}", name=label, use=use, polygon=tuple(ring),
                            extra={"import": {"imdf_unit": uid, "source": source, "confidence": round(confidence, 2)}})
                level.zones.append(zone)
                review.append(ReviewItem(level.id, zone.id, label, use, source, confidence, reason))

    project = Project(
        venue=Venue(name=name if name is not None else venue_name or src.path.stem),
        levels=[levels[o].level for o in sorted(levels)],
    )
    project.extra["imdf_origin"] = {"longitude": centre[0], "latitude": centre[1],
                                    "projection": "transverse Mercator, k=1, WGS84"}
    return ImportResult(
        project,
        source=src.file,
        kind="imdf",
        review=review,
        unclassified_labels=list(dict.fromkeys(unclassified)),
        warnings=notes,
        units="m",
        details={"venue_category": venue_category, "origin_lon_lat": list(centre),
                 "manifest_version": version},
    )


def _flat_positions(geom: tuple[str, Any]) -> Iterable[tuple[float, float]]:
    kind, coords = geom
    if kind == "Polygon":
        for ring in coords:
            yield from ring
    elif kind == "MultiPolygon":
        for poly in coords:
            for ring in poly:
                yield from ring


def _straight_pieces(line: LineString) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    """An opening line as one segment when it is straight (within 5 cm), else one per vertex pair."""
    coords = [(float(x), float(y)) for x, y in line.coords]
    a, b = coords[0], coords[-1]
    if math.dist(a, b) > 1e-3:
        chord = LineString([a, b])
        if all(chord.distance(Point(p)) <= 0.05 for p in coords[1:-1]):
            return [(a, b)]
    return [(p, q) for p, q in itertools.pairwise(coords) if math.dist(p, q) > 1e-3]


def _wall_under(opening: Opening, walls: Sequence[Wall]) -> str | None:
    for wall in walls:
        if opening_cut(opening, wall) is not None:
            return wall.id
    return None
