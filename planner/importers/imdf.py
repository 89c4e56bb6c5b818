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
import zlib
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
            if name in names:
                raise PlanImportError(self.file, f"the archive holds two members named {name!r}; "
                                      "refusing an ambiguous archive")
            if info.flag_bits & 0x1:
                raise PlanImportError(self.file, f"archive member {name!r} is encrypted")
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
        except (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
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
        if isinstance(v, bool) or not isinstance(v, (int, float)) or not abs(v) <= bound or not math.isfinite(v):
            shown = repr(v) if not isinstance(v, int) or abs(v) < 10**20 else "an integer of more than 20 digits"
            raise PlanImportError(where, f"invalid {what} {shown}", path)
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


#: Largest storey number (above or below ground) an IMDF level may have.
MAX_ORDINAL = 999


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
    rule_pack: str = DEFAULT_RULE_PACK,
    **_: Any,
) -> ImportResult:
    """Import an IMDF archive (.zip) or folder as a new project, one level per ordinal.

    ``lang`` picks the language of names (default: Chinese, then the archive's language, then English).
    ``rule_pack`` is the pack the new project names; the outlines of the units it makes private become walls.
    """
    path = Path(source)
    pack = load_rule_pack(rule_pack)
    src = _Source(path)
    try:
        result = _import(src, name=name, lang=lang, wall_thickness=private_wall_thickness_m,
                         private_uses=pack.private_uses("all_devices"))
        result.project.venue.rule_pack = pack.id
        return result
    finally:
        src.close()


@dataclass
class _Unit:
    """One unit polygon on its way to a zone."""

    poly: Polygon
    name: str
    use: str
    source: str
    confidence: float
    reason: str
    uid: str


@dataclass
class _Archive:
    """What the archive's files say, before any geometry is built."""

    version: Any
    langs: tuple[str, ...]
    venue_name: str = ""
    venue_category: str = ""
    centre: tuple[float, float] | None = None


class _Projector:
    """Longitude/latitude to plan metres around the venue's centre."""

    def __init__(self, centre: tuple[float, float]) -> None:
        self.fwd, _inv = local_projection(*centre)

    def ring(self, ring: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
        xs, ys = self.fwd.transform([p[0] for p in ring], [p[1] for p in ring])
        return [(float(x), float(y)) for x, y in zip(xs, ys, strict=True)]

    def shape(self, geom: tuple[str, Any]) -> BaseGeometry:
        kind, coords = geom
        if kind == "Polygon":
            return shapely.make_valid(Polygon(self.ring(coords[0]), [self.ring(r) for r in coords[1:]]))
        if kind == "MultiPolygon":
            return shapely.make_valid(MultiPolygon([(self.ring(p[0]), [self.ring(r) for r in p[1:]]) for p in coords]))
        if kind == "LineString":
            return LineString(self.ring(coords))
        if kind == "MultiLineString":
            return shapely.MultiLineString([self.ring(c) for c in coords])
        x, y = self.fwd.transform(coords[0], coords[1])
        return Point(float(x), float(y))


def _optional_features(src: _Source, name: str) -> tuple[str, list[_Feature]]:
    if not src.has(name):
        return "", []
    where = src.where(name)
    return where, _features(src.read_json(name), where)


def _read_manifest(src: _Source, lang: str | None, notes: list[str]) -> _Archive:
    manifest = src.read_json("manifest.json")
    version = manifest.get("version")
    if not isinstance(version, str) or not version.startswith("1."):
        notes.append(f"IMDF version {version!r}: read as 1.0")
    default_lang = manifest.get("language") if isinstance(manifest.get("language"), str) else None
    langs = tuple(x for x in ((lang,) if lang else ()) + _ZH + ((default_lang,) if default_lang else ()) + _EN if x)
    for required in ("level.geojson", "unit.geojson"):
        if not src.has(required):
            raise PlanImportError(src.file, f"the IMDF archive has no {required}")
    return _Archive(version, langs)


def _read_venue(src: _Source, archive: _Archive, notes: list[str]) -> None:
    """The venue's name, category and centre (from its display point or outline)."""
    where, venues = _optional_features(src, "venue.geojson")
    if not where:
        notes.append("the archive has no venue.geojson")
    if not venues:
        return
    v = venues[0]
    archive.venue_name = _label(v.props.get("name"), archive.langs)
    archive.venue_category = str(v.props.get("category") or "")
    dp = v.props.get("display_point")
    if isinstance(dp, dict) and dp.get("type") == "Point":
        archive.centre = _position(dp.get("coordinates"), where, ["features", v.index, "properties", "display_point"])
        return
    geom = _geometry(v, where, ("Polygon", "MultiPolygon"))
    if geom is not None:
        c = shapely.geometry.shape({"type": geom[0], "coordinates": geom[1]}).centroid
        archive.centre = (c.x, c.y)


def _centre_of_units(unit_geoms: Sequence[tuple[str, Any] | None], where: str) -> tuple[float, float]:
    pts = [p for g in unit_geoms if g for p in _flat_positions(g)]
    if not pts:
        raise PlanImportError(where, "no unit has a geometry")
    lons, lats = [p[0] for p in pts], [p[1] for p in pts]
    return ((min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2)


def _read_levels(features: Sequence[_Feature], where: str,
                 langs: Sequence[str]) -> tuple[dict[int, _LevelInfo], dict[str, int]]:
    """Levels by ordinal (features with the same ordinal share a level), and each level feature's ordinal."""
    levels: dict[int, _LevelInfo] = {}
    level_of: dict[str, int] = {}
    for f in features:
        value = f.props.get("ordinal")
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not abs(value) <= MAX_ORDINAL \
                or not float(value).is_integer():
            shown = repr(value) if not isinstance(value, int) or abs(value) < 10**20 else f"{float(value):g}" \
                if abs(value) < 10**300 else "a number of more than 300 digits"
            raise PlanImportError(where, f"ordinal must be an integer from {-MAX_ORDINAL} to {MAX_ORDINAL}, "
                                  f"got {shown}", ["features", f.index, "properties", "ordinal"])
        ordinal = int(value)
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
        raise PlanImportError(where, "the venue has no levels")
    for info in levels.values():
        info.level.name = " / ".join(info.names) or info.level.id
    return levels, level_of


@dataclass
class _Units:
    """Units sorted into zones and wall bodies per level ordinal."""

    zones: dict[int, list[_Unit]]
    bodies: dict[int, list[tuple[Polygon, str, str]]]
    unclassified: list[str]
    orphans: int = 0


def _read_units(features: Sequence[_Feature], geoms: Sequence[tuple[str, Any] | None], level_of: dict[str, int],
                levels: Iterable[int], archive: _Archive, project: _Projector) -> _Units:
    units = _Units({o: [] for o in levels}, {o: [] for o in levels}, [])
    for f, geom in zip(features, geoms, strict=True):
        if geom is None:
            continue
        ordinal = level_of.get(str(f.props.get("level_id")))
        if ordinal is None:
            units.orphans += 1
            continue
        category = str(f.props.get("category") or "unspecified")
        polys = [g for g in parts(project.shape(geom), "Polygon") if g.area > 1e-4]
        if category in WALL_MATERIALS:
            units.bodies[ordinal].extend((p, WALL_MATERIALS[category], f.id) for p in polys)
            continue
        if category in _SKIPPED_UNITS:
            continue
        unit_name = _label(f.props.get("name"), archive.langs) or _label(f.props.get("alt_name"), archive.langs)
        use, confidence, source, reason = unit_use(category, unit_name, venue_category=archive.venue_category)
        if _lookup(UNIT_USES, category) is None:
            units.unclassified.append(f"unit category {category!r}")
        elif confidence < 0.5 and unit_name and classify_label(unit_name) is None:
            units.unclassified.append(unit_name)
        units.zones[ordinal].extend(_Unit(p, unit_name or category, use, source, confidence, reason, f.id)
                                    for p in polys)
    return units


def _apply_amenities(features: Sequence[_Feature], where: str, zones: dict[int, list[_Unit]],
                     project: _Projector, private_uses: frozenset[str]) -> None:
    """Amenities (fitting rooms, showers...) mark the unit that contains them."""
    by_uid = {(lvl, unit.uid): unit for lvl, units in zones.items() for unit in units}
    for f in features:
        category = str(f.props.get("category") or "")
        use = _lookup(AMENITY_USES, category)
        if use is None:
            continue
        listed = f.props.get("unit_ids")
        unit_ids = {str(u) for u in listed} if isinstance(listed, list) else set()
        targets = [unit for (_lvl, uid), unit in by_uid.items() if uid in unit_ids]
        if not targets:
            geom = _geometry(f, where, ("Point",))
            if geom is None:
                continue
            point = project.shape(geom)
            covering = [unit for units in zones.values() for unit in units if unit.poly.covers(point)]
            targets = [min(covering, key=lambda u: u.poly.area)] if covering else []  # the smallest unit under it
        for unit in targets:
            if unit.use in private_uses and unit.use != "hotel_room":
                continue
            large = unit.poly.area > _AMENITY_UNIT_AREA_M2
            unit.confidence = 0.6 if large else 0.9
            unit.reason = f"contains a {category!r} amenity"
            if large:
                unit.reason += (f"; the unit is {unit.poly.area:.0f} m²: "
                                f"draw the {use.replace('_', ' ')} as its own zone")
            unit.use, unit.source = use, f"amenity {category}"


def _read_openings(features: Sequence[_Feature], where: str, level_of: dict[str, int], levels: Iterable[int],
                   project: _Projector) -> dict[int, list[tuple[LineString, str, str]]]:
    groups: dict[int, list[tuple[LineString, str, str]]] = {o: [] for o in levels}
    for f in features:
        geom = _geometry(f, where, ("LineString", "MultiLineString"))
        ordinal = level_of.get(str(f.props.get("level_id")))
        if geom is None or ordinal is None:
            continue
        door = f.props.get("door")
        kind = "door" if isinstance(door, dict) and door.get("type") not in (None, "open") else "doorway"
        groups[ordinal].extend((line, kind, f.id) for line in _lines(project.shape(geom)))
    return groups


class _LevelBuilder:
    """Walls, openings and zones of the levels, numbered across the project."""

    def __init__(self, wall_thickness: float, private_uses: frozenset[str]) -> None:
        self.wall_thickness = wall_thickness
        #: Uses whose unit outlines become walls: the private spaces of the new project's rule pack.
        self.private_uses = private_uses
        self.counters = {"z": 0, "w": 0, "d": 0}
        self.review: list[ReviewItem] = []

    def _next(self, prefix: str) -> str:
        self.counters[prefix] += 1
        return f"{prefix}{self.counters[prefix]}"

    def walls(self, bodies: Sequence[tuple[Polygon, str, str]], units: Sequence[_Unit]) -> list[Wall]:
        walls = [Wall(id=self._next("w"), path=path, thickness_m=thickness, material=material,
                      extra={"import": {"imdf_unit": uid}})
                 for body, material, uid in bodies for path, thickness in _walls_from_body(body, material)]
        private = [u.poly for u in units if u.use in self.private_uses]
        if private:  # private units are walled in: their outline becomes walls
            outline = shapely.line_merge(shapely.union_all([p.boundary for p in private], grid_size=1e-4))
            for line in _lines(outline):
                coords = tuple(_r(pt) for pt in line.coords)
                if len(coords) >= 2 and line.length > 1e-3:
                    walls.append(Wall(id=self._next("w"), path=coords, thickness_m=self.wall_thickness,
                                      material="opaque", extra={"import": {"outline_of_private_units": True}}))
        return walls

    def openings(self, lines: Sequence[tuple[LineString, str, str]], walls: Sequence[Wall]) -> list[Opening]:
        out = []
        for line, kind, fid in lines:
            for a, b in _straight_pieces(line):
                opening = Opening(id=self._next("d"), kind=kind, segment=(_r(a), _r(b)),
                                  extra={"import": {"imdf_opening": fid}})
                opening.wall = _wall_under(opening, walls)
                out.append(opening)
        return out

    def zones(self, level_id: str, units: Sequence[_Unit]) -> list[Zone]:
        out = []
        for unit in units:
            pieces = _without_holes(unit.poly)
            for n, piece in enumerate(pieces, start=1):
                ring = [_r(p) for p in list(shapely.orient_polygons(piece).exterior.coords)[:-1]]
                if len(ring) < 3:
                    continue
                label = unit.name if len(pieces) == 1 else f"{unit.name} ({n}/{len(pieces)})"
                zone = Zone(id=self._next("z"), name=label, use=unit.use, polygon=tuple(ring),
                            extra={"import": {"imdf_unit": unit.uid, "source": unit.source,
                                              "confidence": round(unit.confidence, 2)}})
                out.append(zone)
                self.review.append(ReviewItem(level_id, zone.id, label, unit.use, unit.source, unit.confidence,
                                              unit.reason))
        return out


def _import(src: _Source, *, name: str | None, lang: str | None, wall_thickness: float,
            private_uses: frozenset[str]) -> ImportResult:
    notes: list[str] = []
    archive = _read_manifest(src, lang, notes)
    _read_venue(src, archive, notes)
    level_where = src.where("level.geojson")
    levels, level_of = _read_levels(_features(src.read_json("level.geojson"), level_where), level_where,
                                    archive.langs)
    unit_where = src.where("unit.geojson")
    unit_features = _features(src.read_json("unit.geojson"), unit_where)
    unit_geoms = [_geometry(f, unit_where, ("Polygon", "MultiPolygon")) for f in unit_features]
    centre = archive.centre or _centre_of_units(unit_geoms, unit_where)
    project = _Projector(centre)
    units = _read_units(unit_features, unit_geoms, level_of, levels, archive, project)
    if units.orphans:
        notes.append(f"{units.orphans} unit(s) refer to no level and were left out")
    _apply_amenities(*_optional_features(src, "amenity.geojson")[::-1], units.zones, project, private_uses)
    opening_where, opening_features = _optional_features(src, "opening.geojson")
    openings = _read_openings(opening_features, opening_where, level_of, levels, project)

    build = _LevelBuilder(wall_thickness, private_uses)
    for ordinal in sorted(levels):
        level = levels[ordinal].level
        level.walls = build.walls(units.bodies[ordinal], units.zones[ordinal])
        level.openings.extend(build.openings(openings[ordinal], level.walls))
        level.zones.extend(build.zones(level.id, units.zones[ordinal]))

    result = Project(
        venue=Venue(name=name if name is not None else archive.venue_name or src.path.stem),
        levels=[levels[o].level for o in sorted(levels)],
    )
    result.extra["imdf_origin"] = {"longitude": centre[0], "latitude": centre[1],
                                   "projection": "transverse Mercator, k=1, WGS84"}
    return ImportResult(
        result,
        source=src.file,
        kind="imdf",
        review=build.review,
        unclassified_labels=list(dict.fromkeys(units.unclassified)),
        warnings=notes,
        units="m",
        details={"venue_category": archive.venue_category, "origin_lon_lat": list(centre),
                 "manifest_version": archive.version},
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
