"""Plans built in the tests for the importers: DXF drawings (ezdxf), IMDF archives, images and PDFs."""

from __future__ import annotations

import io
import json
import math
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# -- DXF -------------------------------------------------------------------------------------

#: $INSUNITS code and drawing units per metre.
DXF_UNITS = {"mm": (4, 1000.0), "m": (6, 1.0), "none": (0, 1000.0)}


def _door_block(doc: Any, name: str, width: float) -> None:
    """A swing door drawn with its hinge at the origin: leaf open along +y, swing arc to +x."""
    block = doc.blocks.new(name=name)
    block.add_line((0, 0), (0, width))
    block.add_arc((0, 0), width, 0, 90)


def _window_block(doc: Any, name: str, width: float, depth: float) -> None:
    block = doc.blocks.new(name=name)
    for y in (-depth / 2, 0.0, depth / 2):
        block.add_line((0, y), (width, y))


def hotel_floor_dxf(path: Path, *, units: str = "mm", wall_layer: str = "WALL", broken_labels: bool = False) -> Path:
    """A 10 x 6 m floor: corridor (y 0-2), men's restroom, guest room 8206 and an unlabelled-use atrium.

    Walls are single lines and polylines on wall layers (``墙``, ``wall_layer``, ``A-WALL``); the
    restroom door ``M0921`` sits in a gap of the corridor wall, the guest-room ``门`` block on a
    continuous wall, a ``C1518`` window in the restroom's north wall. Labels are TEXT and MTEXT.
    """
    import ezdxf

    code, k = DXF_UNITS[units]
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = code
    doc.layers.add("墙")
    doc.layers.add(wall_layer)
    doc.layers.add("A-WALL")
    doc.layers.add("DOOR")
    doc.layers.add("PUB_TEXT")
    _door_block(doc, "M0921", 0.9 * k)
    _door_block(doc, "门", 0.8 * k)
    _window_block(doc, "C1518", 1.5 * k, 0.2 * k)
    msp = doc.modelspace()

    def s(*p: float) -> tuple[float, ...]:
        return tuple(v * k for v in p)

    msp.add_lwpolyline([s(0, 0), s(10, 0), s(10, 6), s(0, 6)], close=True, dxfattribs={"layer": "墙"})
    msp.add_line(s(0, 2), s(2, 2), dxfattribs={"layer": wall_layer})
    msp.add_line(s(2.9, 2), s(10, 2), dxfattribs={"layer": wall_layer})
    msp.add_line(s(4.5, 2), s(4.5, 6), dxfattribs={"layer": "A-WALL"})
    msp.add_line(s(8, 2), s(8, 6), dxfattribs={"layer": "A-WALL"})
    msp.add_blockref("M0921", s(2, 2), dxfattribs={"layer": "DOOR"})
    msp.add_blockref("门", s(6, 2), dxfattribs={"layer": "DOOR"})
    msp.add_blockref("C1518", s(2.5, 6), dxfattribs={"layer": "WINDOW", "rotation": 180})
    h = 0.35 * k
    msp.add_text("走廊", height=h, dxfattribs={"layer": "PUB_TEXT", "insert": s(5, 0.8)})
    msp.add_text("男卫生间", height=h, dxfattribs={"layer": "PUB_TEXT", "insert": s(1.0, 4.2)})
    msp.add_text("12.5㎡", height=h * 0.7, dxfattribs={"layer": "PUB_TEXT", "insert": s(1.0, 3.4)})
    mtext = msp.add_mtext("客房\\P8206", dxfattribs={"layer": "PUB_TEXT", "char_height": h})
    mtext.set_location(s(6.2, 4.5), attachment_point=5)
    msp.add_text("Atrium", height=h, dxfattribs={"layer": "PUB_TEXT", "insert": s(8.3, 4.0)})
    doc.saveas(path)
    return path


def rooms_dxf(path: Path) -> Path:
    """Rooms drawn as a closed polyline and a hatch on a room layer, no walls; metres."""
    import ezdxf

    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (4, 0), (4, 3), (0, 3)], close=True, dxfattribs={"layer": "SPACE"})
    hatch = msp.add_hatch(color=3, dxfattribs={"layer": "SPACE"})
    hatch.paths.add_polyline_path([(5, 0), (8, 0), (8, 3), (5, 3)], is_closed=True)
    # a frame around everything, on a room layer: an outline, not a room
    msp.add_lwpolyline([(-1, -1), (9, -1), (9, 4), (-1, 4)], close=True, dxfattribs={"layer": "SPACE"})
    msp.add_text("Fitting Room 2", height=0.3, dxfattribs={"layer": "TEXT", "insert": (0.5, 1.5)})
    msp.add_text("哺乳室", height=0.3, dxfattribs={"layer": "TEXT", "insert": (5.5, 1.5)})
    doc.saveas(path)
    return path


# -- IMDF ------------------------------------------------------------------------------------

#: Where the small IMDF venue stands (the venue's display point = plan origin).
ORIGIN_LON_LAT = (121.4737, 31.2304)


def to_lon_lat(points: Sequence[Sequence[float]], origin: Sequence[float] = ORIGIN_LON_LAT) -> list[list[float]]:
    """Plan metres -> WGS84 with a transverse Mercator centred on ``origin`` (as the importer assumes)."""
    from pyproj import CRS, Transformer

    local = CRS.from_proj4(
        f"+proj=tmerc +lat_0={origin[1]!r} +lon_0={origin[0]!r} +k=1 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs"
    )
    inv = Transformer.from_crs(local, CRS.from_proj4("+proj=longlat +datum=WGS84 +no_defs"), always_xy=True)
    xs, ys = inv.transform([p[0] for p in points], [p[1] for p in points])
    return [[float(x), float(y)] for x, y in zip(xs, ys, strict=True)]


def _ring(points: Sequence[Sequence[float]], origin: Sequence[float]) -> list[list[float]]:
    ring = to_lon_lat(points, origin)
    return [*ring, ring[0]]


def rect(x0: float, y0: float, x1: float, y1: float) -> list[tuple[float, float]]:
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def _feature(fid: str, feature_type: str, geometry: dict | None, **props: Any) -> dict:
    return {"type": "Feature", "id": fid, "feature_type": feature_type, "geometry": geometry, "properties": props}


def _collection(features: list[dict]) -> dict:
    return {"type": "FeatureCollection", "features": features}


#: The small venue in plan metres: name -> (category, polygon). Its hand-drawn twin is in test_import_imdf.
IMDF_UNITS: dict[str, tuple[str, list[tuple[float, float]]]] = {
    "Lobby 大堂": ("lobby", rect(0, 0, 12, 8)),
    "Corridor": ("walkway", rect(12, 3, 20, 5)),
    "Women 女卫生间": ("restroom.female", rect(12, 5, 16, 9)),
    "Room 2": ("room", rect(16, 5, 19, 8)),
    "Nursing 母婴室": ("mothersroom", rect(16, 0, 19, 3)),
}
#: Wall-material units: (category, polygon).
IMDF_WALLS: list[tuple[str, list[tuple[float, float]]]] = [
    ("concrete", rect(0, 8, 12, 8.2)),
    ("glass", rect(11.95, 0, 12.05, 3)),
]
#: Openings: (door type or None for a doorway, segment).
IMDF_OPENINGS: list[tuple[str | None, list[tuple[float, float]]]] = [
    ("swinging", [(13.0, 5.0), (14.0, 5.0)]),
    ("sliding", [(17.0, 5.0), (17.8, 5.0)]),
    (None, [(17.0, 3.0), (17.9, 3.0)]),
]
#: A fitting-room amenity inside "Room 2".
IMDF_AMENITY = ("fittingroom", (17.5, 6.5))


def imdf_features(origin: Sequence[float] = ORIGIN_LON_LAT) -> dict[str, dict]:
    """The feature files of the small venue (file name -> GeoJSON)."""
    level_id = "11111111-1111-4111-8111-000000000001"
    venue = _feature(
        "11111111-1111-4111-8111-000000000000", "venue",
        {"type": "Polygon", "coordinates": [_ring(rect(-5, -5, 25, 15), origin)]},
        category="hotel", name={"en": "Harbour Test Hotel", "zh-Hans": "港湾测试酒店"},
        display_point={"type": "Point", "coordinates": list(origin)},
    )
    levels = [
        _feature(level_id, "level", {"type": "Polygon", "coordinates": [_ring(rect(0, 0, 20, 9), origin)]},
                 category="unspecified", outdoor=False, ordinal=0, name={"en": "Ground Floor", "zh-Hans": "一层"},
                 short_name={"en": "G"}),
        _feature("11111111-1111-4111-8111-000000000002", "level",
                 {"type": "Polygon", "coordinates": [_ring(rect(0, 0, 20, 9), origin)]},
                 category="parking", outdoor=False, ordinal=-1, name={"en": "Car Park"}, short_name={"en": "B1"}),
    ]
    units = []
    for i, (name, (category, poly)) in enumerate(IMDF_UNITS.items()):
        units.append(_feature(f"22222222-2222-4222-8222-{i:012d}", "unit",
                              {"type": "Polygon", "coordinates": [_ring(poly, origin)]},
                              category=category, name={"en": name}, level_id=level_id))
    for j, (category, poly) in enumerate(IMDF_WALLS):
        units.append(_feature(f"33333333-3333-4333-8333-{j:012d}", "unit",
                              {"type": "Polygon", "coordinates": [_ring(poly, origin)]},
                              category=category, name=None, level_id=level_id))
    units.append(_feature("44444444-4444-4444-8444-000000000000", "unit",
                          {"type": "Polygon", "coordinates": [_ring(rect(0, 0, 30, 20), origin)]},
                          category="parking", name={"en": "Parking"},
                          level_id="11111111-1111-4111-8111-000000000002"))
    openings = [
        _feature(f"55555555-5555-4555-8555-{k:012d}", "opening",
                 {"type": "LineString", "coordinates": to_lon_lat(seg, origin)},
                 category="pedestrian", door=None if door is None else {"type": door, "automatic": False,
                                                                        "material": "wood"},
                 level_id=level_id)
        for k, (door, seg) in enumerate(IMDF_OPENINGS)
    ]
    amenity_cat, amenity_at = IMDF_AMENITY
    amenities = [
        _feature("66666666-6666-4666-8666-000000000000", "amenity",
                 {"type": "Point", "coordinates": to_lon_lat([amenity_at], origin)[0]},
                 category=amenity_cat, unit_ids=["22222222-2222-4222-8222-000000000003"], name=None),
        _feature("66666666-6666-4666-8666-000000000001", "amenity",
                 {"type": "Point", "coordinates": to_lon_lat([(6, 4)], origin)[0]},
                 category="information", unit_ids=[], name=None),
    ]
    return {
        "manifest.json": {"version": "1.0.0", "created": "2025-01-01T00:00:00Z", "language": "en"},
        "venue.geojson": _collection([venue]),
        "level.geojson": _collection(levels),
        "unit.geojson": _collection(units),
        "opening.geojson": _collection(openings),
        "amenity.geojson": _collection(amenities),
    }


def write_imdf(path: Path, files: dict[str, Any] | None = None, *, folder: str = "") -> Path:
    """Write an IMDF archive (``.zip``), or a folder when ``path`` has no ``.zip`` suffix.

    Values that are not bytes or str are written as JSON.
    """
    files = imdf_features() if files is None else files

    def payload(value: Any) -> bytes:
        if isinstance(value, bytes):
            return value
        if isinstance(value, str):
            return value.encode("utf-8")
        return json.dumps(value, ensure_ascii=False).encode("utf-8")

    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, value in files.items():
                archive.writestr(folder + name, payload(value))
    else:
        path.mkdir(parents=True, exist_ok=True)
        for name, value in files.items():
            (path / name).write_bytes(payload(value))
    return path


# -- images and PDF ---------------------------------------------------------------------------


def plan_png(width: int = 400, height: int = 300, *, dpi: float | None = None, fmt: str = "PNG") -> bytes:
    """A small drawn plan: a rectangle with a dividing wall, as image bytes."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([20, 20, width - 20, height - 20], outline="black", width=3)
    draw.line([width // 2, 20, width // 2, height - 20], fill="black", width=3)
    buf = io.BytesIO()
    kwargs = {"dpi": (dpi, dpi)} if dpi else {}
    image.save(buf, fmt, **kwargs)
    return buf.getvalue()


def plan_pdf(pages: Sequence[tuple[float, float]] = ((842.0, 595.0),)) -> bytes:
    """A PDF with pages of the given sizes (points), each with a rectangle drawn on it."""
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for w, h in pages:
        c.setPageSize((w, h))
        c.rect(w * 0.1, h * 0.1, w * 0.8, h * 0.8)
        c.showPage()
    c.save()
    return buf.getvalue()


def geodesic_check(points: Sequence[Sequence[float]], origin: Sequence[float] = ORIGIN_LON_LAT) -> float:
    """Largest difference (m) between plan distances and WGS84 geodesic distances over ``points``' pairs."""
    from pyproj import Geod

    geod = Geod(ellps="WGS84")
    lonlat = to_lon_lat(points, origin)
    worst = 0.0
    for i in range(len(points)):
        for j in range(i + 1, len(points)):
            _, _, dist = geod.inv(lonlat[i][0], lonlat[i][1], lonlat[j][0], lonlat[j][1])
            worst = max(worst, abs(dist - math.dist(points[i], points[j])))
    return worst


# -- real-drawing patterns ----------------------------------------------------------------------


def _wall_outline(centre_lines: Sequence[tuple[tuple[float, float], tuple[float, float]]], thickness: float,
                  gaps: Sequence[tuple[tuple[float, float], tuple[float, float]]]) -> list[list[tuple[float, float]]]:
    """The face lines of walls drawn as architects draw them: the outline of the wall bodies, cut at door gaps."""
    import shapely
    from shapely.geometry import LineString, box

    bodies = shapely.union_all([LineString(c).buffer(thickness / 2, cap_style="square", join_style="mitre")
                                for c in centre_lines])
    for (x0, y0), (x1, y1) in gaps:
        bodies = bodies.difference(box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    rings = []
    for poly in getattr(bodies, "geoms", [bodies]):
        rings.append(list(poly.exterior.coords))
        rings.extend(list(r.coords) for r in poly.interiors)
    return rings


#: The office floor in metres: centre-lines of its 200 mm walls, and its rooms (name -> a point inside).
OFFICE_WALLS = [((0.0, 0.0), (12.0, 0.0)), ((12.0, 0.0), (12.0, 8.0)), ((12.0, 8.0), (0.0, 8.0)),
                ((0.0, 8.0), (0.0, 0.0)), ((0.0, 2.0), (12.0, 2.0)), ((3.0, 2.0), (3.0, 8.0)), ((6.0, 2.0), (6.0, 8.0))]
OFFICE_ROOMS = {"男厕": (1.5, 5.0), "女厕": (4.5, 5.0), "办公室": (9.0, 5.0), "走廊": (6.0, 1.0)}
#: Door gaps in the corridor wall (y = 2): x from, x to.
OFFICE_DOORS = [(1.0, 1.9), (4.0, 4.9), (8.0, 9.0)]


def office_floor_dxf(path: Path, *, binary: bool = False, floors: Sequence[str] = ()) -> Path:
    """A Chinese office floor drawn the way real ones are (mm, 天正-style layers).

    * Walls: the outlines of 200 mm walls on layer ``WALL``, two face lines each, cut at the door gaps
      (jamb lines across), columns as closed squares on ``COLUMN``.
    * Doors: the two toilets' swings drawn as loose arcs with a leaf line on ``DOOR_FIRE``; the
      office door an anonymous block ``*U7`` (arc and leaf) inserted on the furniture layer ``家具``.
    * Labels: ``男厕`` (TEXT), ``女厕`` (MTEXT with formatting codes), ``办公室``, ``走廊`` on ``PUB_TEXT``;
      socket numbers (``1205``) on ``E-POWR``; a WC fixture block with small arcs on ``洁具``.
    * A window block ``C1518`` in the office's north wall, and twenty chairs inserted on layer ``WINDOW``.

    ``floors``: floor names (``一层平面图``, ``二层平面图``): the floor is drawn once per name, side by side
    20 m apart, each with its name under it, as multi-storey drawings are.
    """
    doc = _office_doc()
    for i, floor in enumerate(floors or [""]):
        _office_floor(doc, 20.0 * i, floor)
    if binary:
        doc.saveas(path, fmt="bin")
    else:
        doc.saveas(path)
    return path


def _office_doc() -> Any:
    """A new mm drawing with the office floor's layers and blocks."""
    import ezdxf

    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 4
    for name in ("WALL", "COLUMN", "DOOR_FIRE", "家具", "PUB_TEXT", "E-POWR", "洁具", "WINDOW", "DIM_LEAD"):
        doc.layers.add(name)
    _window_block(doc, "C1518", 1500.0, 200.0)
    block = doc.blocks.new(name="*U7")
    block.add_arc((0, 0), 1000, 0, 90)
    block.add_line((0, 0), (0, 1000))
    wc = doc.blocks.new(name="A$C3F2")
    wc.add_arc((0, 0), 200, 0, 180)
    wc.add_line((-200, 0), (-200, -300))
    wc.add_line((200, 0), (200, -300))
    chair = doc.blocks.new(name="CH-01")
    chair.add_lwpolyline([(0, 0), (450, 0), (450, 450), (0, 450)], close=True)
    chair.add_arc((225, 450), 225, 0, 180)
    return doc


def _office_floor(doc: Any, dx: float, floor_name: str, *, space: Any = None,
                  names: dict[str, str] | None = None) -> None:
    """One office floor ``dx`` metres to the right, in ``space`` (model space by default); ``names`` renames rooms."""
    k = 1000.0
    msp = doc.modelspace() if space is None else space
    names = names or {}
    if floor_name:
        msp.add_text(floor_name, height=500, dxfattribs={"layer": "PUB_TEXT", "insert": ((dx + 4.0) * k, -2.0 * k)})

    def x(v: float) -> float:
        return (v + dx) * k

    gaps = [((x0, 1.8), (x1, 2.2)) for x0, x1 in OFFICE_DOORS] + [((7.5, 7.8), (9.0, 8.2))]
    for ring in _wall_outline(OFFICE_WALLS, 0.2, gaps):
        msp.add_lwpolyline([(x(px), py * k) for px, py in ring], close=True, dxfattribs={"layer": "WALL"})
    for cx, cy in ((0.0, 0.0), (12.0, 0.0), (12.0, 8.0), (0.0, 8.0)):
        msp.add_lwpolyline([(x(cx - 0.25), (cy - 0.25) * k), (x(cx + 0.25), (cy - 0.25) * k),
                            (x(cx + 0.25), (cy + 0.25) * k), (x(cx - 0.25), (cy + 0.25) * k)],
                           close=True, dxfattribs={"layer": "COLUMN"})
    # toilet doors: hinge on the left jamb at the corridor face, leaf open into the room, swing down to the gap
    for x0, x1 in OFFICE_DOORS[:2]:
        r = (x1 - x0) * k
        hinge = (x(x0), 2.1 * k)
        msp.add_arc(hinge, r, 0, 90, dxfattribs={"layer": "DOOR_FIRE"})
        msp.add_line(hinge, (hinge[0], hinge[1] + r), dxfattribs={"layer": "DOOR_FIRE"})
    # the office door: an anonymous block on the furniture layer, its hinge at the block origin
    msp.add_blockref("*U7", (x(8.0), 2.1 * k), dxfattribs={"layer": "家具"})
    # a WC pan: small arcs, on the sanitary-fixture layer; and chairs inserted on a layer named WINDOW
    msp.add_blockref("A$C3F2", (x(1.0), 7.5 * k), dxfattribs={"layer": "洁具"})
    for i in range(20):
        at = (x(7.0 + 0.6 * (i % 5)), (3.0 + 0.8 * (i // 5)) * k)
        msp.add_blockref("CH-01", at, dxfattribs={"layer": "WINDOW"})
    msp.add_blockref("C1518", (x(7.5), 8.0 * k), dxfattribs={"layer": "WINDOW"})
    h = 350.0
    msp.add_text(names.get("男厕", "男厕"), height=h, dxfattribs={"layer": "PUB_TEXT", "insert": (x(1.0), 5.0 * k)})
    mtext = msp.add_mtext("{\\fSimHei|b0|i0|c134;\\H1.2x;" + names.get("女厕", "女厕") + "}",
                          dxfattribs={"layer": "PUB_TEXT", "char_height": h})
    mtext.set_location((x(4.5), 5.0 * k), attachment_point=5)
    msp.add_text(names.get("办公室", "办公室"), height=h, dxfattribs={"layer": "PUB_TEXT", "insert": (x(9.0), 6.5 * k)})
    msp.add_text(names.get("走廊", "走廊"), height=h, dxfattribs={"layer": "PUB_TEXT", "insert": (x(5.5), 0.8 * k)})
    for i, px in enumerate((1.5, 4.5, 10.5)):
        msp.add_text(f"12{i:02d}", height=150, dxfattribs={"layer": "E-POWR", "insert": (x(px), 3.0 * k)})
    msp.add_text("3000", height=250, dxfattribs={"layer": "DIM_LEAD", "insert": (x(1.5), 2.5 * k)})


#: The second floor of the layout fixtures: the same rooms, named differently.
SECOND_FLOOR_NAMES = {"男厕": "男卫", "女厕": "女卫", "办公室": "会议室"}


def layout_floors_dxf(path: Path, *, paper: bool = False) -> Path:
    """Two office floors, each shown on a layout of its own, as drawings sent for plotting are.

    * ``paper=False``: both floors drawn in model space 30 m apart with no floor name near them; layouts
      ``Ground Floor`` and ``First Floor`` each hold a viewport onto one of them, ``Overview`` one viewport
      onto both (a key plan, not a floor) and ``Layout1`` nothing.
    * ``paper=True``: model space holds only a note; layouts ``Erdgeschoss`` and ``Obergeschoss`` each hold
      their floor drawn in paper space at full size (mm), with a title frame around it.

    The second floor's rooms are named by :data:`SECOND_FLOOR_NAMES`.
    """
    doc = _office_doc()
    doc.layers.add("TITLE")
    msp = doc.modelspace()
    if paper:
        msp.add_text("see the layouts", height=300, dxfattribs={"layer": "PUB_TEXT", "insert": (0, 0)})
        for name, names in (("Erdgeschoss", None), ("Obergeschoss", SECOND_FLOOR_NAMES)):
            layout = doc.layouts.new(name)
            _office_floor(doc, 0.0, "", space=layout, names=names)
            layout.add_lwpolyline([(-2000, -3000), (16000, -3000), (16000, 11000), (-2000, 11000)], close=True,
                                  dxfattribs={"layer": "TITLE"})
            layout.add_text(name, height=400, dxfattribs={"layer": "TITLE", "insert": (10000, -2500)})
    else:
        _office_floor(doc, 0.0, "")
        _office_floor(doc, 30.0, "", names=SECOND_FLOOR_NAMES)
        for name, centre in (("Ground Floor", (6000, 4000)), ("First Floor", (36000, 4000))):
            layout = doc.layouts.new(name)
            layout.add_viewport(center=(200, 140), size=(360, 250), view_center_point=centre, view_height=12000)
            layout.add_text(name, height=5, dxfattribs={"layer": "TITLE", "insert": (20, 10)})
        overview = doc.layouts.new("Overview")
        overview.add_viewport(center=(200, 140), size=(360, 120), view_center_point=(21000, 4000), view_height=16000)
    doc.saveas(path)
    return path


def framed_floors_dxf(path: Path, *, blocks: bool = False) -> Path:
    """Two office floors side by side in model space, 30 m apart, named the way title blocks name them.

    * ``blocks=False``: each floor inside a sheet frame on layer ``图框``, its name (``一层平面图 1:100``,
      ``二层平面图 1:100``) in the frame's corner 5 m below the floor, as far from it as title blocks are.
    * ``blocks=True``: each floor drawn in a block named ``1F`` / ``2F``, inserted side by side; no names written.

    The second floor's rooms are named by :data:`SECOND_FLOOR_NAMES`.
    """
    doc = _office_doc()
    doc.layers.add("图框")
    msp = doc.modelspace()
    for i, (title, names) in enumerate((("一层平面图 1:100", None), ("二层平面图 1:100", SECOND_FLOOR_NAMES))):
        dx = 30.0 * i
        if blocks:
            block = doc.blocks.new(f"{i + 1}F")
            _office_floor(doc, 0.0, "", space=block, names=names)
            msp.add_blockref(f"{i + 1}F", (dx * 1000.0, 0.0))
        else:
            _office_floor(doc, dx, "", names=names)
            x0 = (dx - 3.0) * 1000.0
            msp.add_lwpolyline([(x0, -8000), (x0 + 20000, -8000), (x0 + 20000, 11000), (x0, 11000)], close=True,
                               dxfattribs={"layer": "图框"})
            msp.add_text(title, height=600, dxfattribs={"layer": "图框", "insert": (x0 + 9000, -6000)})
    doc.saveas(path)
    return path


#: The glazed-window floor (metres): centre-lines of its 200 mm walls, rooms (name -> a point inside), the
#: window gaps (centre-line ends) and the doors' gaps.
GLAZED_WALLS = [((0.0, 0.0), (10.0, 0.0)), ((10.0, 0.0), (10.0, 6.0)), ((10.0, 6.0), (0.0, 6.0)),
                ((0.0, 6.0), (0.0, 0.0)), ((0.0, 3.0), (10.0, 3.0)), ((4.0, 3.0), (4.0, 6.0))]
GLAZED_ROOMS = {"男厕": (2.0, 4.5), "办公室": (7.0, 4.5), "走廊": (5.0, 1.5)}
GLAZED_WINDOWS = [((1.0, 3.0), (2.5, 3.0)), ((6.0, 6.0), (8.0, 6.0))]
GLAZED_DOORS = [((4.0, 4.0), (4.0, 4.9)), ((7.0, 3.0), (8.0, 3.0))]


def glazed_window_dxf(path: Path, glazing_layer: str = "0") -> Path:
    """A toilet beside an office above a corridor (mm), walls drawn as face lines on ``A-WALL`` cut at the gaps.

    The windows are no blocks: in the gap of the corridor wall (a borrowed light into the toilet) three thin
    lines run along the wall (faces of the frame and the glass), in the office's outer wall four, all on
    ``glazing_layer``. The toilet's door opens from the office, so only its window faces the corridor.
    """
    import ezdxf

    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 4
    for name in ("A-WALL", "A-DOOR", "A-ANNO-TEXT", glazing_layer):
        if name not in doc.layers:
            doc.layers.add(name)
    msp = doc.modelspace()
    k = 1000.0
    gaps = []
    for (x0, y0), (x1, y1) in GLAZED_WINDOWS + GLAZED_DOORS:
        if y0 == y1:
            gaps.append(((x0, y0 - 0.2), (x1, y0 + 0.2)))
        else:
            gaps.append(((x0 - 0.2, y0), (x0 + 0.2, y1)))
    for ring in _wall_outline(GLAZED_WALLS, 0.2, gaps):
        msp.add_lwpolyline([(x * k, y * k) for x, y in ring], close=True, dxfattribs={"layer": "A-WALL"})
    for ((x0, y), (x1, _)), offsets in zip(GLAZED_WINDOWS, ((-0.1, 0.0, 0.1), (-0.1, -0.03, 0.03, 0.1)),
                                           strict=True):
        for off in offsets:
            msp.add_line((x0 * k, (y + off) * k), (x1 * k, (y + off) * k), dxfattribs={"layer": glazing_layer})
    # the toilet door: hinged at (4, 4) in the x = 4 wall, opening into the office; the office door from the corridor
    msp.add_arc((4.1 * k, 4.0 * k), 0.9 * k, 0, 90, dxfattribs={"layer": "A-DOOR"})
    msp.add_line((4.1 * k, 4.0 * k), (5.0 * k, 4.0 * k), dxfattribs={"layer": "A-DOOR"})
    msp.add_arc((7.0 * k, 3.1 * k), 1.0 * k, 0, 90, dxfattribs={"layer": "A-DOOR"})
    msp.add_line((7.0 * k, 3.1 * k), (7.0 * k, 4.1 * k), dxfattribs={"layer": "A-DOOR"})
    for name, (x, y) in GLAZED_ROOMS.items():
        msp.add_text(name, height=300, dxfattribs={"layer": "A-ANNO-TEXT", "insert": ((x - 0.4) * k, y * k)})
    doc.saveas(path)
    return path


#: The off-wall doors floor (metres): walls (centre-lines) around a WC, an office and a meeting room
#: off a corridor (y 0-2), rooms (name -> a point inside) and the doors' gaps on the centre-lines.
OFF_WALL_WALLS = [((0.0, 0.0), (12.0, 0.0)), ((12.0, 0.0), (12.0, 6.0)), ((12.0, 6.0), (0.0, 6.0)),
                  ((0.0, 6.0), (0.0, 0.0)), ((0.0, 2.0), (8.0, 2.0)), ((4.0, 2.0), (4.0, 6.0))]
OFF_WALL_PARTITIONS = [((8.0, 2.0), (12.0, 2.0)), ((8.0, 2.0), (8.0, 6.0))]  # drawn on the door layer
OFF_WALL_ROOMS = {"WC": (2.0, 4.5), "Office": (6.0, 4.5), "Meeting": (10.0, 4.5), "Corridor": (6.0, 1.0)}
OFF_WALL_DOORS = [((1.5, 2.0), (2.5, 2.0)), ((4.0, 3.0), (4.0, 3.9)), ((5.5, 2.0), (6.5, 2.0)),
                  ((9.5, 2.0), (10.5, 2.0))]


def off_wall_doors_dxf(path: Path) -> Path:
    """A UK-style floor (metres) whose door blocks sit off the walls' centre-lines, as real ones do.

    * Walls 0.2 m thick on ``A-WALL``; the meeting room's partitions 0.1 m thick, drawn on the door layer
      ``A-DOOR`` with their doors (as office fit-out drawings do). Face lines cut at the door gaps.
    * ``DOOR 926995`` (the WC's, the office's and the meeting room's door): the frame centred on the block
      origin (x +-0.5), the leaf a thin rectangle open along +y, the swing a SPLINE; inserted at the gap's middle.
      The office's door is mirrored (x scale -1). A free-standing screen stands 1 m behind the WC door.
    * ``Door1swing`` (the WC's door from the office): hinge at the block origin on the wall's face, width
      1.0 m, inserted rotated 90 deg, scaled to 0.9 m, 0.1 m off the centre-line.
    """
    import ezdxf

    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    for name in ("A-WALL", "A-DOOR", "A-FURN", "TEXT"):
        doc.layers.add(name)
    door = doc.blocks.new("DOOR 926995")
    door.add_lwpolyline([(-0.5, -0.05), (-0.5, 0.05)])
    door.add_lwpolyline([(0.5, -0.05), (0.5, 0.05)])
    door.add_lwpolyline([(-0.46, 0.05), (-0.42, 0.05), (-0.42, 0.96), (-0.46, 0.96)], close=True)  # the leaf
    angles = [math.radians(a) for a in range(0, 91, 10)]
    door.add_spline(fit_points=[(-0.44 + 0.89 * math.cos(a), 0.05 + 0.89 * math.sin(a), 0.0) for a in angles])
    hinged = doc.blocks.new("Door1swing")
    hinged.add_lwpolyline([(0.0, 0.0), (0.0, 1.0)])  # the leaf, open, from the hinge on the wall face
    hinged.add_spline(fit_points=[(math.sin(a), math.cos(a), 0.0) for a in angles])
    hinged.add_lwpolyline([(1.0, 0.0), (1.0, -0.2)])  # the far jamb, across the wall
    msp = doc.modelspace()
    gaps = []
    for (x0, y0), (x1, y1) in OFF_WALL_DOORS:
        gaps.append(((x0, y0 - 0.15), (x1, y1 + 0.15)) if y0 == y1 else ((x0 - 0.15, y0), (x1 + 0.15, y1)))
    for ring in _wall_outline(OFF_WALL_WALLS, 0.2, gaps):
        msp.add_lwpolyline(ring, close=True, dxfattribs={"layer": "A-WALL"})
    for (a, b) in OFF_WALL_PARTITIONS:  # two face lines each, broken at the meeting room's door
        for off in (-0.05, 0.05):
            if a[1] == b[1]:
                msp.add_line((a[0] + 0.05, a[1] + off), (9.5, a[1] + off), dxfattribs={"layer": "A-DOOR"})
                msp.add_line((10.5, a[1] + off), (b[0] - 0.1, a[1] + off), dxfattribs={"layer": "A-DOOR"})
            else:
                msp.add_line((a[0] + off, a[1] + 0.05), (a[0] + off, b[1] - 0.1), dxfattribs={"layer": "A-DOOR"})
    msp.add_line((1.0, 2.95), (3.0, 2.95), dxfattribs={"layer": "A-WALL"})  # a screen behind the WC door's swing
    msp.add_line((1.0, 3.05), (3.0, 3.05), dxfattribs={"layer": "A-WALL"})
    msp.add_blockref("DOOR 926995", (2.0, 2.0), dxfattribs={"layer": "A-DOOR"})
    msp.add_blockref("DOOR 926995", (6.0, 2.0), dxfattribs={"layer": "A-DOOR", "xscale": -1.0})
    msp.add_blockref("DOOR 926995", (10.0, 2.0), dxfattribs={"layer": "A-DOOR"})
    msp.add_blockref("Door1swing", (4.1, 3.0), dxfattribs={"layer": "A-DOOR", "rotation": 90.0,
                                                          "xscale": 0.9, "yscale": 0.9})
    for name, (x, y) in OFF_WALL_ROOMS.items():
        msp.add_text(name, height=0.25, dxfattribs={"layer": "TEXT", "insert": (x - 0.3, y)})
    doc.saveas(path)
    return path
