#!/usr/bin/env python3
"""Build the bundled sample venues in ``assets/samples/``.

Run from the repository root::

    python tools/build_samples.py            # writes assets/samples/*.vplan
    python tools/build_samples.py --report   # also prints what each camera sees

The venues are defined in code below. Each level's background PNG is rendered
with Pillow from the very same geometry (walls, openings, zones), so the plan
image and the model always agree. Everything is deterministic: the same
source gives byte-identical ``project.json`` and PNG files.

Two venues are built:

* ``harbour-hotel.vplan``: a hotel with a ground floor (lobby, reception with
  face-recognition check-in, restaurant with a private dining room, gym with a
  changing room, lactation room, public restrooms) and a guest floor
  (10 guest rooms with en-suite bathrooms). It carries deliberate problems:
  a corridor camera that sees into a restroom, a camera inside a guest room,
  face-recognition cameras without notice signs, an empty alternative.
* ``mall-fitting.vplan``: a mall floor whose apparel shop has fitting rooms
  behind a glass shopfront; two cameras see into the fitting rooms.

:func:`build_projects` returns the projects without writing anything;
:func:`private_views` is a small, independent line-of-sight check used to
validate the samples (see ``tests/unit/test_samples.py``).
"""

from __future__ import annotations

import argparse
import io
import itertools
import math
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
import shapely.ops
from PIL import Image, ImageDraw, ImageFont
from shapely.geometry import LineString, MultiLineString, Point, Polygon, box
from shapely.ops import polylabel, unary_union

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from planner.geometry import vfov_deg  # noqa: E402
from planner.model import Background, Camera, Level, Opening, Project, Sign, Venue, Wall, Zone  # noqa: E402
from planner.rules.pack import load_rule_pack  # noqa: E402

FONT_PATH = ROOT / "assets" / "fonts" / "wqy-microhei.ttc"
OUT_DIR = ROOT / "assets" / "samples"

#: Output resolution of the background plans.
PX_PER_M = 50
#: Plans are drawn this many times larger, then downsampled (anti-aliasing).
SUPERSAMPLE = 2
#: Palette size of the written PNGs (keeps them small).
PALETTE_COLOURS = 48

EXT_T = 0.2  # exterior wall thickness, m
INT_T = 0.12  # interior partition, m
SHAFT_T = 0.2  # lift / stair shaft walls, m

#: Zone uses that are private under the samples' rule pack.
PRIVATE_USES = load_rule_pack("cn-2025").private_uses("all_devices")

DIRS = {"n": (0.0, 1.0), "s": (0.0, -1.0), "e": (1.0, 0.0), "w": (-1.0, 0.0)}

Pt = tuple[float, float]


def _r(v: float) -> float:
    """Round a coordinate to 0.1 mm so that sums like 14.1 + 1.8 stay tidy."""
    return round(float(v), 4) + 0.0


def rect(x0: float, y0: float, x1: float, y1: float) -> tuple[Pt, ...]:
    """Counter-clockwise rectangle ring."""
    return ((_r(x0), _r(y0)), (_r(x1), _r(y0)), (_r(x1), _r(y1)), (_r(x0), _r(y1)))


# ---------------------------------------------------------------------------
# Level builder: model entities plus drawing-only hints and furniture
# ---------------------------------------------------------------------------


@dataclass
class OpeningHint:
    """How to draw an opening (not stored in the project)."""

    swing: Pt | None = None  # unit vector the door leaf swings towards
    hinge: str = "a"  # "a" (first point), "b", or "ab" (double door)
    sliding: bool = False
    curtain: bool = False


@dataclass
class LevelSpec:
    """A level and what is needed to draw it."""

    level: Level
    labels: dict[str, tuple[str, str, Pt | None]] = field(default_factory=dict)
    hints: dict[str, OpeningHint] = field(default_factory=dict)
    decor: list[tuple] = field(default_factory=list)
    title: str = ""


class LevelBuilder:
    """Collects zones, walls, openings, cameras and signs of one level.

    Ids are prefixed with the level id (``L1-lobby``). Openings are placed
    *on* a wall: :meth:`opening` takes a start point on the wall's centre-line
    and a width and walks along the wall segment, so door segments always lie
    exactly on a centre-line.
    """

    def __init__(self, level_id: str, name: str, elevation_m: float = 0.0, ceiling_m: float = 3.0) -> None:
        self.spec = LevelSpec(Level(id=level_id, name=name, elevation_m=elevation_m, ceiling_height_m=ceiling_m))
        self.level = self.spec.level
        self.prefix = level_id + "-"

    # -- model items ------------------------------------------------------
    def room(self, key: str, zh: str, en: str, use: str, polygon, *, label_at: Pt | None = None) -> Zone:
        poly = tuple((_r(x), _r(y)) for x, y in polygon)
        zone = Zone(id=self.prefix + key, name=f"{en} {zh}", use=use, polygon=poly)
        self.level.zones.append(zone)
        self.spec.labels[zone.id] = (zh, en, label_at)
        return zone

    def wall(self, key: str, *path: Pt, t: float = INT_T, material: str = "opaque") -> Wall:
        pts = tuple((_r(x), _r(y)) for x, y in path)
        wall = Wall(id=self.prefix + "w-" + key, path=pts, thickness_m=t, material=material)
        self.level.walls.append(wall)
        return wall

    def wall_ring(self, key: str, x0: float, y0: float, x1: float, y1: float, t: float = EXT_T) -> Wall:
        """A closed rectangular ring (exterior walls)."""
        ring = rect(x0, y0, x1, y1)
        return self.wall(key, *ring, ring[0], t=t)

    def opening(
        self,
        key: str,
        wall: Wall,
        start: Pt,
        width: float,
        kind: str = "door",
        *,
        toward: str | None = None,
        swing: str | None = None,
        hinge: str = "a",
        sliding: bool = False,
        curtain: bool = False,
    ) -> Opening:
        """An opening of ``width`` m on ``wall`` starting at ``start``.

        ``toward`` ("n", "e", ...) picks the direction along the wall (default:
        the wall segment's own direction); ``swing`` the side a door opens to.
        """
        sx, sy = start
        for (ax, ay), (bx, by) in itertools.pairwise(wall.path):
            seg = LineString([(ax, ay), (bx, by)])
            if seg.distance(Point(sx, sy)) > 1e-9:
                continue
            length = math.hypot(bx - ax, by - ay)
            ux, uy = (bx - ax) / length, (by - ay) / length
            if toward is not None:
                dx, dy = DIRS[toward]
                if ux * dx + uy * dy < 0:
                    ux, uy = -ux, -uy
            end = (_r(sx + ux * width), _r(sy + uy * width))
            if seg.distance(Point(end)) > 1e-9:
                continue
            op = Opening(id=self.prefix + key, kind=kind, segment=((_r(sx), _r(sy)), end))
            self.level.openings.append(op)
            self.spec.hints[op.id] = OpeningHint(
                swing=DIRS[swing] if swing else None, hinge=hinge, sliding=sliding, curtain=curtain
            )
            return op
        raise ValueError(f"opening {key}: {start} + {width} m does not lie on wall {wall.id}")

    def door(self, key: str, wall: Wall, start: Pt, width: float = 0.9, **kw) -> Opening:
        return self.opening(key, wall, start, width, "door", **kw)

    def doorway(self, key: str, wall: Wall, start: Pt, width: float = 0.9, **kw) -> Opening:
        return self.opening(key, wall, start, width, "doorway", **kw)

    def window(self, key: str, wall: Wall, start: Pt, width: float, **kw) -> Opening:
        return self.opening(key, wall, start, width, "window", **kw)

    def camera(
        self,
        key: str,
        name: str,
        position: Pt,
        heading: float,
        *,
        hfov: float = 90.0,
        tilt: float = 20.0,
        mount: float = 2.8,
        resolution: tuple[int, int] = (1920, 1080),
        range_m: float | None = None,
        fr: bool = False,
        kind: str = "fixed",
    ) -> Camera:
        cam = Camera(
            id=self.prefix + "cam-" + key,
            name=name,
            position=(_r(position[0]), _r(position[1])),
            mount_height_m=mount,
            heading_deg=float(heading) % 360.0,
            hfov_deg=float(hfov),
            tilt_deg=float(tilt),
            resolution=resolution,
            range_m=None if range_m is None else float(range_m),
            face_recognition=fr,
            kind=kind,
            privacy_masks=(),
        )
        self.level.cameras.append(cam)
        return cam

    def sign(self, key: str, kind: str, position: Pt, facing: float, size: str = "A3") -> Sign:
        sign = Sign(
            id=self.prefix + "sign-" + key,
            kind=kind,
            position=(_r(position[0]), _r(position[1])),
            facing_deg=float(facing) % 360.0,
            mount_height_m=1.6,
            size=size,
        )
        self.level.signs.append(sign)
        return sign

    # -- drawing-only furniture (background image only) -------------------
    def furn(self, pts, *, fill=None, width: float = 1.0, closed: bool = True) -> None:
        self.spec.decor.append(("poly" if closed else "line", tuple(pts), fill, width))

    def furn_rect(self, x0, y0, x1, y1, *, fill=None, width: float = 1.0) -> None:
        self.furn(rect(x0, y0, x1, y1), fill=fill, width=width)

    def circle(self, c: Pt, r: float, *, fill=None) -> None:
        self.spec.decor.append(("circle", c, r, fill))

    def text(self, p: Pt, s: str, size: int = 11) -> None:
        self.spec.decor.append(("text", p, s, size))

    def local(self, origin: Pt, facing: str):
        """Map local (a across, b forward) coordinates of a symbol facing ``facing``."""
        fx, fy = DIRS[facing]
        px, py = fy, -fx  # right-hand side when looking along the facing direction
        ox, oy = origin
        return lambda a, b: (ox + a * px + b * fx, oy + a * py + b * fy)

    def ellipse_pts(self, to, cb: float, ra: float, rb: float, n: int = 28):
        return [to(ra * math.cos(2 * math.pi * i / n), cb + rb * math.sin(2 * math.pi * i / n)) for i in range(n)]

    def wc(self, at: Pt, facing: str) -> None:
        """A toilet with its cistern against the wall at ``at``, bowl pointing ``facing``."""
        to = self.local(at, facing)
        self.furn([to(-0.24, 0), to(0.24, 0), to(0.24, 0.2), to(-0.24, 0.2)], fill="white")
        self.furn(self.ellipse_pts(to, 0.46, 0.19, 0.27), fill="white")

    def urinal(self, at: Pt, facing: str) -> None:
        to = self.local(at, facing)
        self.furn(self.ellipse_pts(to, 0.12, 0.2, 0.16), fill="white")

    def basin(self, at: Pt, facing: str, width: float = 0.6) -> None:
        to = self.local(at, facing)
        w = width / 2
        self.furn([to(-w, 0), to(w, 0), to(w, 0.45), to(-w, 0.45)], fill="white")
        self.furn(self.ellipse_pts(to, 0.22, w * 0.65, 0.15), fill="white")

    def shower(self, x0, y0, x1, y1) -> None:
        self.furn_rect(x0, y0, x1, y1, fill="white")
        self.furn([(x0, y0), (x1, y1)], closed=False, width=0.6)
        self.furn([(x0, y1), (x1, y0)], closed=False, width=0.6)
        self.circle(((x0 + x1) / 2, (y0 + y1) / 2), 0.05, fill="white")

    def bed(self, head: Pt, facing: str, width: float = 1.8, length: float = 2.1) -> None:
        to = self.local(head, facing)
        w = width / 2
        self.furn([to(-w, 0), to(w, 0), to(w, length), to(-w, length)], fill="white")
        for a0 in (-w + 0.1, 0.05):
            self.furn([to(a0, 0.1), to(a0 + w - 0.15, 0.1), to(a0 + w - 0.15, 0.45), to(a0, 0.45)], fill="white")
        self.furn([to(-w, 0.75), to(w, 0.75)], closed=False, width=0.6)
        for a in (-w - 0.3, w + 0.3):  # bedside tables
            c = to(a, 0.25)
            self.furn_rect(c[0] - 0.22, c[1] - 0.22, c[0] + 0.22, c[1] + 0.22)

    def lift(self, x0, y0, x1, y1) -> None:
        self.furn_rect(x0 + 0.3, y0 + 0.3, x1 - 0.3, y1 - 0.3)
        self.furn([(x0 + 0.3, y0 + 0.3), (x1 - 0.3, y1 - 0.3)], closed=False)
        self.furn([(x0 + 0.3, y1 - 0.3), (x1 - 0.3, y0 + 0.3)], closed=False)

    def stairs(self, x0, y0, x1, y1, landing: float = 1.3) -> None:
        """Two flights along y between x0 and x1, landing at the y0 end."""
        xm = (x0 + x1) / 2
        self.furn_rect(xm - 0.05, y0 + landing, xm + 0.05, y1 - 0.12, fill="white")
        y = y0 + landing
        while y < y1 - 0.12:
            self.furn([(x0 + 0.12, y), (x1 - 0.12, y)], closed=False, width=0.7)
            y += 0.28
        self.furn([(x0 + 0.12, y0 + landing), (x1 - 0.12, y0 + landing)], closed=False)
        # walking line with arrow: up the west flight
        xa = (x0 + xm) / 2
        self.furn([(xa, y1 - 0.5), (xa, y0 + landing - 0.4), ((xm + x1) / 2, y0 + landing - 0.4),
                   ((xm + x1) / 2, y1 - 0.5)], closed=False, width=0.8)
        tip = ((xm + x1) / 2, y1 - 0.4)
        self.furn([(tip[0] - 0.15, tip[1] - 0.3), tip, (tip[0] + 0.15, tip[1] - 0.3)], closed=False, width=0.8)
        self.text((xa, y1 - 0.25), "上 UP", 9)

    def table(self, c: Pt, r: float = 0.45, seats: int = 4) -> None:
        self.circle(c, r, fill="white")
        for i in range(seats):
            a = 2 * math.pi * (i + 0.5) / seats
            self.circle((c[0] + (r + 0.25) * math.cos(a), c[1] + (r + 0.25) * math.sin(a)), 0.18, fill="white")

    def sofa(self, x0, y0, x1, y1) -> None:
        self.furn_rect(x0, y0, x1, y1, fill="white")
        self.furn_rect(x0 + 0.15, y0 + 0.15, x1 - 0.15, y1 - 0.15)


# ---------------------------------------------------------------------------
# Harbour Hotel
# ---------------------------------------------------------------------------

HOTEL_VENUE = dict(
    name="Harbour Hotel 海港酒店",
    operator="Harbour Hotel Management Co., Ltd. 海港酒店管理有限公司",
    contact="+86 21 5555 0100",
    purpose="Guest identity verification at check-in 入住身份核验",
    retention="30 days",
    storage="on-device",
    alternative="",  # deliberately empty: NO_ALTERNATIVE
    rights="",  # deliberately empty: NOTICE_INCOMPLETE
    notice_url="https://example.com/privacy",
    rule_pack="cn-2025",
    languages=("zh", "en"),
    expected_enrolled_people=120000,  # >= 100,000: FILING_REQUIRED
    security_measures=(
        "encryption",
        "security_audit",
        "access_control",
        "authorisation_management",
        "intrusion_detection",
    ),
)


def hotel_ground() -> LevelSpec:
    """L1, 40 x 24 m: entrance, lobby, reception (FR), restaurant, gym, restrooms, lifts."""
    b = LevelBuilder("L1", "Ground floor 首层", 0.0)
    # zones --------------------------------------------------------------
    b.room("restaurant", "餐厅", "Restaurant", "restaurant",
           [(0, 0), (13, 0), (13, 16), (5, 16), (5, 10), (0, 10)], label_at=(7.0, 3.2))
    b.room("pdr", "包间", "Private dining", "private_dining", rect(0, 10, 5, 16), label_at=(2.5, 14.4))
    b.room("entrance", "门厅", "Entrance", "entrance", rect(18, 0, 22, 3.5), label_at=(20.0, 2.2))
    b.room("lobby", "大堂", "Lobby", "lobby",
           [(13, 0), (18, 0), (18, 3.5), (22, 3.5), (22, 0), (32, 0), (32, 6), (27, 6), (27, 16), (13, 16)],
           label_at=(20.0, 10.0))
    b.room("reception", "前台", "Reception", "reception", rect(27, 6, 32, 16), label_at=(28.3, 14.6))
    b.room("corridor", "走廊", "Corridor", "corridor", rect(0, 16, 32, 18), label_at=(10.5, 17.0))
    b.room("changing", "更衣室", "Changing room", "changing_room", rect(0, 18, 4, 24), label_at=(2.2, 22.8))
    b.room("gym", "健身房", "Gym", "gym", rect(4, 18, 13, 24), label_at=(8.5, 21.2))
    b.room("lactation", "哺乳室", "Lactation room", "lactation_room", rect(13, 18, 16, 24), label_at=(14.5, 22.2))
    b.room("wc-m", "男卫生间", "Men's restroom", "restroom", rect(16, 18, 21, 24), label_at=(18.5, 20.6))
    b.room("wc-f", "女卫生间", "Women's restroom", "restroom", rect(21, 18, 26, 24), label_at=(23.2, 20.6))
    b.room("luggage", "行李房", "Luggage store", "storage", rect(26, 18, 32, 24))
    b.room("boh", "后勤办公", "Back office", "service", rect(32, 0, 40, 8))
    b.room("lift-lobby", "电梯厅", "Lift lobby", "elevator_lobby", rect(32, 8, 37, 18))
    b.room("lift-1", "电梯1", "Lift 1", "elevator", rect(37, 8, 40, 10.5))
    b.room("lift-2", "电梯2", "Lift 2", "elevator", rect(37, 10.5, 40, 13))
    b.room("stairs", "楼梯", "Stairs", "stairs", rect(37, 13, 40, 18), label_at=(38.5, 14.0))
    b.room("service", "服务间", "Service room", "service", rect(32, 18, 40, 24))

    # walls --------------------------------------------------------------
    ext = b.wall_ring("ext", 0, 0, 40, 24)
    glass = b.wall("restaurant-glass", (13, 0), (13, 16), material="glass")
    pdr = b.wall("pdr", (0, 10), (5, 10), (5, 16))
    vest = b.wall("vestibule", (18, 0), (18, 3.5), (22, 3.5), (22, 0), material="glass")
    cor_s = b.wall("corridor-s", (0, 16), (32, 16))
    cor_n = b.wall("corridor-n", (0, 18), (37, 18))
    b.wall("core-n", (37, 18), (40, 18), t=SHAFT_T)
    east = b.wall("lobby-e", (32, 0), (32, 16))
    b.wall("boh-n", (32, 8), (40, 8), t=SHAFT_T)
    core = b.wall("core-w", (37, 8), (37, 18), t=SHAFT_T)
    b.wall("lift-div-1", (37, 10.5), (40, 10.5), t=SHAFT_T)
    b.wall("lift-div-2", (37, 13), (40, 13), t=SHAFT_T)
    chg = b.wall("changing-e", (4, 18), (4, 24))
    for x in (13, 16, 21, 26, 32):
        b.wall(f"north-{x}", (x, 18), (x, 24))

    # openings -----------------------------------------------------------
    b.door("d-main", ext, (19.1, 0), 1.8, toward="e", swing="n", hinge="ab")
    b.door("d-vestibule", vest, (19.1, 3.5), 1.8, toward="e", swing="n", hinge="ab")
    b.door("d-restaurant", glass, (13, 7), 1.8, toward="n", swing="w", hinge="ab")
    b.door("d-pdr", pdr, (5, 12), 0.9, toward="n", swing="w", hinge="b")
    b.doorway("dw-lobby-corridor", cor_s, (23.5, 16), 2.4)
    b.doorway("dw-reception-lifts", east, (32, 13.5), 2.0, toward="n")
    b.door("d-boh", east, (32, 6.5), 0.9, toward="n", swing="e", hinge="a")
    b.door("d-lift-1", core, (37, 8.7), 1.1, toward="n", sliding=True, swing="w")
    b.door("d-lift-2", core, (37, 11.2), 1.1, toward="n", sliding=True, swing="w")
    b.door("d-stairs", core, (37, 13.2), 1.0, toward="n", swing="e", hinge="a")
    b.door("d-gym", cor_n, (8, 18), 0.9, toward="e", swing="n", hinge="a")
    b.door("d-changing", chg, (4, 21), 0.9, toward="n", swing="w", hinge="b")
    b.door("d-lactation", cor_n, (14, 18), 0.9, toward="e", swing="n", hinge="a")
    b.doorway("dw-wc-m", cor_n, (16.6, 18), 0.9, toward="e")
    b.doorway("dw-wc-f", cor_n, (24.9, 18), 1.0, toward="e")
    b.door("d-luggage", cor_n, (28, 18), 0.9, toward="e", swing="n", hinge="b")
    b.door("d-service", cor_n, (34, 18), 0.9, toward="e", swing="n", hinge="a")
    b.door("d-exit-west", ext, (0, 16.55), 0.9, toward="n", swing="w", hinge="a")
    for i, (x, w) in enumerate([(1.5, 3), (7, 3), (14, 3), (23.5, 3), (28, 3)]):
        b.window(f"win-s{i + 1}", ext, (x, 0), w, toward="e")
    b.window("win-w1", ext, (0, 3), 3, toward="n")
    b.window("win-w2", ext, (0, 12), 2.5, toward="n")
    b.window("win-n1", ext, (5.5, 24), 3, toward="e")
    b.window("win-n2", ext, (9.5, 24), 3, toward="e")
    b.window("win-e1", ext, (40, 2), 3, toward="n")
    b.window("win-e2", ext, (40, 19.5), 3, toward="n")

    # cameras ------------------------------------------------------------
    b.camera("lobby-fr", "Lobby FR, faces the entrance 大堂人脸识别（朝向入口）", (20, 15.7), 180,
             hfov=70, tilt=15, resolution=(2688, 1520), range_m=16, fr=True)
    b.camera("reception-fr", "Reception FR check-in 前台人脸识别入住核验", (31.7, 10.0), 270,
             hfov=60, tilt=20, resolution=(2688, 1520), range_m=8, fr=True)
    b.camera("entrance", "Entrance vestibule 门厅", (21.7, 3.2), 225, hfov=90, tilt=25, range_m=8)
    b.camera("restaurant", "Restaurant 餐厅", (5.3, 9.7), 135, hfov=90, tilt=20, range_m=15)
    b.camera("gym", "Gym 健身房", (4.35, 18.35), 60, hfov=90, tilt=25, range_m=12)
    b.camera("lift-lobby", "Lift lobby 电梯厅", (32.3, 8.3), 30, hfov=90, tilt=20, range_m=12)
    b.camera("corridor-sees-wc-f", "Corridor east 走廊东",
             (29.4, 16.25), 285, hfov=90, tilt=15, range_m=12)
    # CCTV notices only: no fr_notice sign on this level (deliberate SIGN_MISSING for the FR cameras)
    b.sign("cctv-main-entrance", "cctv_notice", (21.25, -0.12), 180, "A2")
    b.sign("cctv-lift-1", "cctv_notice", (37.12, 10.15), 90, "A4")
    b.sign("cctv-exit-west", "cctv_notice", (-0.12, 17.8), 270, "A2")

    # furniture ----------------------------------------------------------
    for cx in (2.0, 4.6, 7.2, 9.8):
        for cy in (2.0, 4.6, 7.2):
            if (cx, cy) != (7.2, 2.0):
                b.table((cx, cy), 0.45, 4)
    for cx, cy in ((8.5, 11.5), (8.5, 14.2), (11.0, 12.8)):
        b.table((cx, cy), 0.45, 4)
    b.table((2.5, 12.6), 0.8, 8)  # private dining round table
    b.furn_rect(0.1, 15.3, 2.2, 15.9)  # sideboard
    b.sofa(14.0, 1.0, 16.6, 1.9)
    b.sofa(23.5, 1.0, 26.1, 1.9)
    b.sofa(14.0, 12.0, 14.9, 14.6)
    b.circle((17.2, 13.3), 0.45)
    b.circle((20.0, 6.6), 1.2)  # feature planter
    b.circle((20.0, 6.6), 0.9)
    b.furn([(29.4, 7.4), (30.1, 7.4), (30.1, 13.0), (29.4, 13.0)], fill="white")  # reception counter
    b.furn_rect(30.9, 7.0, 31.9, 7.6)
    b.lift(37, 8, 40, 10.5)
    b.lift(37, 10.5, 40, 13)
    b.stairs(37, 13, 40, 18, landing=1.3)
    for y in (19.0, 20.2, 21.4):  # treadmills
        b.furn_rect(11.0, y, 12.8, y + 0.8)
    b.furn_rect(5.0, 23.0, 9.0, 23.8)  # weights rack
    b.furn_rect(5.5, 19.2, 7.5, 20.4)  # mat
    b.furn_rect(0.1, 18.3, 0.6, 23.9)  # lockers
    b.furn_rect(1.9, 18.7, 2.3, 21.3)  # bench
    b.sofa(13.2, 22.6, 14.2, 23.8)  # nursing chair
    b.furn_rect(15.3, 18.6, 15.9, 20.0)  # changing table
    b.basin((15.9, 21.2), "w", 0.5)
    # men's restroom: 2 stalls, 3 urinals, basins
    for x0 in (16.06, 17.3):
        b.furn([(x0, 22.4), (x0 + 1.2, 22.4), (x0 + 1.2, 23.9)], closed=False, width=0.8)
        b.wc((x0 + 0.6, 23.9), "s")
    for x in (19.0, 19.8, 20.6):
        b.urinal((x, 23.9), "s")
    for y in (19.0, 19.8, 20.6):
        b.basin((20.94, y), "w", 0.55)
    # women's restroom: 4 stalls, basins
    for i in range(4):
        x0 = 21.06 + i * 1.2
        b.furn([(x0, 22.4), (x0 + 1.2, 22.4)], closed=False, width=0.8)
        b.furn([(x0 + 1.2, 22.4), (x0 + 1.2, 23.9)], closed=False, width=0.8)
        b.wc((x0 + 0.6, 23.9), "s")
    for y in (18.9, 19.7, 20.5):
        b.basin((21.06, y), "e", 0.55)
    for x0 in (26.5, 28.5, 30.5):  # luggage shelves
        b.furn_rect(x0, 22.8, x0 + 1.4, 23.8)
    for x0, y0 in ((33.5, 1.5), (36.0, 1.5), (33.5, 4.5), (36.0, 4.5)):  # desks
        b.furn_rect(x0, y0, x0 + 1.6, y0 + 0.8)
    b.furn_rect(33.0, 22.8, 39.8, 23.8)  # shelving
    b.furn_rect(37.5, 19.0, 39.8, 21.0)
    return b.spec


def _guest_room(b: LevelBuilder, num: int, x0: float, north: bool, bath_east: bool, corridor_wall: Wall,
                exterior: Wall) -> None:
    """A 4 x 8 m guest room with a 2 x 2.5 m en-suite bathroom on the corridor side.

    Local coordinates: u across the room (0..4, west to east unless mirrored),
    v from the exterior wall (0) to the corridor (8).
    """
    mirror = not bath_east

    def P(u: float, v: float) -> Pt:
        x = x0 + (4 - u if mirror else u)
        y = 21 - v if north else 3 + v
        return (_r(x), _r(y))

    fwd = "s" if north else "n"  # towards the corridor
    back = "n" if north else "s"
    east = "w" if mirror else "e"
    west = "e" if mirror else "w"
    room_poly = [P(0, 0), P(4, 0), P(4, 5.5), P(2, 5.5), P(2, 8), P(0, 8)]
    bath_poly = [P(2, 5.5), P(4, 5.5), P(4, 8), P(2, 8)]
    if mirror != north:  # keep rings counter-clockwise
        room_poly.reverse()
        bath_poly.reverse()
    b.room(f"room-{num}", f"客房 {num}", f"Guest room {num}", "hotel_room", room_poly, label_at=P(2.1, 4.7))
    b.room(f"bath-{num}", f"卫浴 {num}", f"Bath {num}", "bath", bath_poly, label_at=P(2.95, 6.47))
    bw = b.wall(f"bath-{num}", P(2, 8), P(2, 5.5), P(4, 5.5))
    # guest-room and bathroom doors close by themselves: views are judged with them shut
    b.door(f"d-room-{num}", corridor_wall, P(0.5, 8), 0.9, toward=east, swing=back, hinge="a").self_closing = True
    b.door(f"d-bath-{num}", bw, P(2, 5.8), 0.7, toward=fwd, swing=west, hinge="a").self_closing = True
    b.window(f"win-{num}", exterior, P(0.8, 0), 2.4, toward=east)
    # furniture
    b.bed(P(0.06, 2.9), east)
    b.furn([P(3.4, 0.9), P(3.94, 0.9), P(3.94, 2.7), P(3.4, 2.7)])  # desk
    b.circle(P(3.3, 0.65), 0.28)  # armchair
    b.furn([P(0.06, 5.7), P(0.66, 5.7), P(0.66, 7.0), P(0.06, 7.0)])  # wardrobe
    b.shower(*_bbox([P(3.04, 6.98), P(3.94, 7.94)]))
    b.wc(P(2.55, 7.94), back)
    b.basin(P(3.35, 5.56), fwd, 0.55)


def _bbox(pts) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in pts], [p[1] for p in pts]
    return min(xs), min(ys), max(xs), max(ys)


def hotel_guest_floor() -> LevelSpec:
    """L2, 28 x 18 m tower floor: double-loaded corridor, 10 guest rooms, lift core."""
    b = LevelBuilder("L2", "Guest floor 客房层", 4.0)
    ext = b.wall_ring("ext", 12, 3, 40, 21)
    cor_s = b.wall("corridor-s", (12, 11), (32, 11))
    cor_n = b.wall("corridor-n", (12, 13), (32, 13))
    b.room("corridor", "走廊", "Corridor", "corridor", rect(12, 11, 32, 13), label_at=(15.5, 12.0))
    for x in (16, 20, 24, 28, 32):
        b.wall(f"party-s{x}", (x, 3), (x, 11))
        b.wall(f"party-n{x}", (x, 13), (x, 21))
    # south rooms 201-205, north rooms 206-210; bathrooms back to back in pairs
    for i, x0 in enumerate((12, 16, 20, 24, 28)):
        _guest_room(b, 201 + i, x0, False, (True, False, True, False, True)[i], cor_s, ext)
    for i, x0 in enumerate((12, 16, 20, 24, 28)):
        _guest_room(b, 206 + i, x0, True, (False, True, False, True, True)[i], cor_n, ext)
    b.room("staff-rest", "员工休息室", "Staff rest room", "staff_rest", rect(32, 3, 35, 8), label_at=(33.3, 6.3))
    b.room("linen", "布草间", "Linen room", "service", rect(35, 3, 40, 8))
    b.room("lift-lobby", "电梯厅", "Lift lobby", "elevator_lobby", rect(32, 8, 37, 18), label_at=(34.5, 12.4))
    b.room("lift-1", "电梯1", "Lift 1", "elevator", rect(37, 8, 40, 10.5))
    b.room("lift-2", "电梯2", "Lift 2", "elevator", rect(37, 10.5, 40, 13))
    b.room("stairs", "楼梯", "Stairs", "stairs", rect(37, 13, 40, 18), label_at=(38.5, 14.0))
    b.room("housekeeping", "客房服务间", "Housekeeping", "service", rect(32, 18, 40, 21))
    bo = b.wall("back-office", (32, 8), (37, 8))
    b.wall("staff-linen", (35, 3), (35, 8))
    b.wall("lift-s", (37, 8), (40, 8), t=SHAFT_T)
    core = b.wall("core-w", (37, 8), (37, 18), t=SHAFT_T)
    b.wall("lift-div-1", (37, 10.5), (40, 10.5), t=SHAFT_T)
    b.wall("lift-div-2", (37, 13), (40, 13), t=SHAFT_T)
    hk = b.wall("housekeeping-s", (32, 18), (37, 18))
    b.wall("core-n", (37, 18), (40, 18), t=SHAFT_T)
    b.door("d-staff-rest", bo, (32.5, 8), 0.9, toward="e", swing="s", hinge="a")
    b.door("d-linen", bo, (35.4, 8), 0.9, toward="e", swing="s", hinge="b")
    b.door("d-lift-1", core, (37, 8.7), 1.1, toward="n", sliding=True, swing="w")
    b.door("d-lift-2", core, (37, 11.2), 1.1, toward="n", sliding=True, swing="w")
    b.door("d-stairs", core, (37, 13.2), 1.0, toward="n", swing="e", hinge="a")
    b.door("d-housekeeping", hk, (34, 18), 0.9, toward="e", swing="n", hinge="a")
    b.window("win-corridor", ext, (12, 11.3), 1.4, toward="n")
    b.window("win-staff", ext, (33, 3), 1.5, toward="e")

    b.camera("lift-lobby", "Lift lobby 电梯厅", (32.3, 17.7), 120, hfov=90, tilt=25, range_m=10)
    b.camera("in-room-203", "Room 203 客房203",
             (20.4, 3.4), 75, hfov=90, tilt=15, range_m=8)
    # CCTV notices where people enter the lift-lobby camera's area (lifts, stairs)
    b.sign("cctv-lift-1", "cctv_notice", (37.12, 10.15), 90, "A4")
    b.sign("cctv-lift-2", "cctv_notice", (37.12, 12.65), 90, "A4")
    b.sign("cctv-stairs", "cctv_notice", (37.12, 14.55), 90, "A4")
    b.sign("cctv-corridor", "cctv_notice", (31.5, 12.0), 270, "A2")  # for guests walking from the rooms

    b.lift(37, 8, 40, 10.5)
    b.lift(37, 10.5, 40, 13)
    b.stairs(37, 13, 40, 18, landing=1.3)
    b.furn_rect(32.2, 3.2, 33.0, 5.2, fill="white")  # staff rest: sofa, table, lockers
    b.furn_rect(32.2, 3.3, 32.8, 5.1)
    b.table((33.9, 4.1), 0.35, 3)
    b.furn_rect(34.4, 5.4, 34.94, 7.6)
    for y0 in (3.2, 4.6, 6.0):  # linen shelves
        b.furn_rect(38.6, y0, 39.9, y0 + 1.0)
    b.furn_rect(35.3, 3.2, 37.3, 3.8)
    b.furn_rect(38.0, 19.2, 39.9, 20.9)  # housekeeping
    b.furn_rect(32.2, 20.3, 36.0, 20.9)
    b.sofa(33.2, 10.0, 34.0, 12.6)
    return b.spec


def harbour_hotel() -> Project:
    levels = [(hotel_ground(), "L1-ground.png"), (hotel_guest_floor(), "L2-guest-floor.png")]
    return _assemble(Venue(**HOTEL_VENUE), levels)


# ---------------------------------------------------------------------------
# Riverside Mall
# ---------------------------------------------------------------------------

MALL_VENUE = dict(
    name="Riverside Mall 滨江购物中心",
    operator="Riverside Mall Property Management Co., Ltd. 滨江购物中心物业管理有限公司",
    contact="+86 571 5555 0200",
    purpose="Loss prevention and public safety 防损与公共安全",
    retention="30 days",
    storage="on-device",
    alternative=(
        "Ask the staff at the entrance to be let in through the staff-attended lane without face "
        "recognition 不同意人脸识别的顾客可由入口工作人员引导从人工通道进入"
    ),
    rights=(
        "Ask at the information desk or call +86 571 5555 0200 to access, correct or delete your "
        "face data 可在服务台或致电 +86 571 5555 0200 查阅、更正或删除您的人脸信息"
    ),
    notice_url="https://example.com/riverside/privacy",
    necessity=(
        "Face recognition at the entrance keeps out people banned for theft or violence; the mall's "
        "guards cannot recognise them reliably at busy times 入口人脸识别用于阻止因盗窃或暴力被禁入人员进入，"
        "高峰时段保安无法可靠辨认"
    ),
    rule_pack="cn-2025",
    languages=("zh", "en"),
    expected_enrolled_people=5000,
    security_measures=(
        "encryption",
        "security_audit",
        "access_control",
        "authorisation_management",
        "intrusion_detection",
    ),
)


def mall_floor() -> LevelSpec:
    """L1, 48 x 30 m: mall street, 5 shops + cafe, apparel shop with fitting rooms, restroom block."""
    b = LevelBuilder("L1", "Ground floor 一层", 0.0, ceiling_m=4.0)
    fit_y = (3.0, 4.2, 5.4, 6.6, 7.8)
    b.room("apparel", "服装店", "Apparel shop", "retail",
           [(0, 0), (16, 0), (16, 12), (0, 12), (0, 7.8), (1.5, 7.8), (1.5, 3), (0, 3)], label_at=(8.5, 6.5))
    for i in range(4):
        b.room(f"fitting-{i + 1}", f"试衣间{i + 1}", f"Fitting {i + 1}", "fitting_room",
               rect(0, fit_y[i], 1.5, fit_y[i + 1]))
    b.room("shoes", "鞋店", "Shoe shop", "retail", rect(16, 0, 28, 12))
    b.room("cosmetics", "化妆品店", "Cosmetics", "retail", rect(28, 0, 40, 12))
    b.room("entrance", "入口门厅", "Entrance", "entrance", rect(0, 12, 4, 18))
    b.room("mall", "商场步行街", "Mall street", "corridor", rect(4, 12, 40, 18), label_at=(22.0, 15.0))
    b.room("sports", "运动服饰", "Sportswear", "retail", rect(0, 18, 14, 30))
    b.room("cafe", "咖啡店", "Café", "restaurant", rect(14, 18, 26, 30), label_at=(20.0, 23.6))
    b.room("electronics", "数码电器", "Electronics", "retail", rect(26, 18, 40, 30))
    b.room("service-corridor", "后勤走道", "Service corridor", "corridor", rect(40, 0, 42, 30), label_at=(41.0, 9.5))
    b.room("wc-m", "男卫生间", "Men's restroom", "restroom", rect(42, 0, 48, 6))
    b.room("wc-f", "女卫生间", "Women's restroom", "restroom", rect(42, 6, 48, 12))
    b.room("wc-acc", "无障碍卫生间", "Accessible WC", "restroom", rect(42, 12, 48, 14.5), label_at=(45.6, 13.25))
    b.room("mother-baby", "母婴室", "Mother & baby room", "lactation_room", rect(42, 14.5, 48, 18))
    b.room("office", "商场管理处", "Mall office", "office", rect(42, 18, 48, 24))
    b.room("loading", "后勤服务", "Service / loading", "service", rect(42, 24, 48, 30))

    ext = b.wall_ring("ext", 0, 0, 48, 30)
    b.wall("front-s-west", (0, 12), (4, 12), t=0.15)
    shopfront = b.wall("apparel-glass", (4, 12), (16, 12), material="glass")
    front_s = b.wall("front-s", (16, 12), (40, 12), t=0.15)
    front_n = b.wall("front-n", (0, 18), (40, 18), t=0.15)
    vest = b.wall("vestibule", (4, 12), (4, 18), material="glass")
    for x in (16, 28):
        b.wall(f"tenant-s{x}", (x, 0), (x, 12), t=0.15)
    for x in (14, 26):
        b.wall(f"tenant-n{x}", (x, 18), (x, 30), t=0.15)
    svc_w = b.wall("service-w", (40, 0), (40, 30), t=0.2)
    svc_e = b.wall("service-e", (42, 0), (42, 30), t=0.15)
    for y in (6, 12, 14.5, 18, 24):
        b.wall(f"block-{y:g}", (42, y), (48, y))
    cub = b.wall("fitting-front", (0, 3), (1.5, 3), (1.5, 7.8), (0, 7.8), t=0.1)
    for y in fit_y[1:4]:
        b.wall(f"fitting-{y:g}", (0, y), (1.5, y), t=0.1)

    b.door("d-main", ext, (0, 14.1), 1.8, toward="n", swing="e", hinge="ab")
    b.door("d-vestibule", vest, (4, 14.1), 1.8, toward="n", swing="e", hinge="ab")
    b.doorway("dw-apparel", shopfront, (13.0, 12), 2.4, toward="e")
    for i in range(4):
        b.doorway(f"dw-fitting-{i + 1}", cub, (1.5, fit_y[i] + 0.1), 1.0, toward="n", curtain=True)
    b.doorway("dw-shoes", front_s, (20.5, 12), 3.0, toward="e")
    b.doorway("dw-cosmetics", front_s, (32.5, 12), 3.0, toward="e")
    b.doorway("dw-sports", front_n, (7, 18), 3.0, toward="e")
    b.doorway("dw-cafe", front_n, (18.5, 18), 3.0, toward="e")
    b.doorway("dw-electronics", front_n, (31.5, 18), 3.0, toward="e")
    b.door("d-service", svc_w, (40, 14.1), 1.8, toward="n", swing="e", hinge="ab")
    b.door("d-electronics-back", svc_w, (40, 27), 0.9, toward="n", swing="w", hinge="a")
    b.doorway("dw-wc-m", svc_e, (42, 4.6), 1.0, toward="n")
    b.doorway("dw-wc-f", svc_e, (42, 6.4), 1.0, toward="n")
    b.door("d-wc-acc", svc_e, (42, 12.3), 1.0, toward="n", swing="e", hinge="a")
    b.door("d-mother-baby", svc_e, (42, 16.9), 0.9, toward="n", swing="e", hinge="b")
    b.door("d-office", svc_e, (42, 20), 0.9, toward="n", swing="e", hinge="a")
    b.door("d-loading", svc_e, (42, 26), 1.2, toward="n", swing="e", hinge="a")
    b.door("d-exit", ext, (40.5, 30), 1.0, toward="e", swing="n", hinge="a")
    b.window("win-sports", ext, (2, 30), 10, toward="e")
    b.window("win-cafe", ext, (16, 30), 8, toward="e")
    b.window("win-office", ext, (48, 19.5), 3, toward="n")
    b.window("win-apparel", ext, (5, 0), 8, toward="e")

    b.camera("entrance-fr", "Entrance FR (notice posted) 入口人脸识别（已设提示）", (3.6, 12.4), 290,
             hfov=60, tilt=20, resolution=(2688, 1520), range_m=8, fr=True)
    b.camera("mall-west", "Mall street west 步行街西", (4.4, 17.6), 110, hfov=80, tilt=20, range_m=20)
    b.camera("mall-glass-sees-fitting", "Mall street 步行街", (16.4, 17.6), 225, hfov=90, tilt=12, range_m=22)
    b.camera("apparel-sees-fitting", "Apparel shop floor 服装店", (9.0, 0.4), 300, hfov=90, tilt=15, range_m=15)
    b.camera("mall-east", "Mall street east 步行街东", (39.6, 12.4), 290, hfov=80, tilt=20, range_m=20)
    b.camera("service-corridor", "Service corridor 后勤走道", (41.0, 19.5), 0, hfov=60, tilt=20, range_m=11)
    b.camera("electronics", "Electronics shop 数码电器店", (26.4, 29.6), 135, hfov=90, tilt=25, range_m=15)
    b.sign("fr-outside", "fr_notice", (-0.12, 16.25), 270, "A2")
    b.sign("fr-inside", "fr_notice", (4.08, 16.25), 90, "A2")
    b.sign("cctv-entrance", "cctv_notice", (-0.12, 13.6), 270, "A2")
    b.sign("cctv-exit", "cctv_notice", (41.85, 30.12), 0, "A2")

    # furniture
    for y in (2.0, 4.0, 6.0, 8.0):  # apparel racks
        b.furn_rect(4.0, y, 7.5, y + 0.5)
    b.furn_rect(10.5, 1.6, 14.5, 2.2)
    b.circle((12.0, 6.5), 1.0)
    b.furn_rect(14.3, 5.5, 15.1, 8.5, fill="white")  # cash desk
    for i in range(4):
        y0, y1 = fit_y[i], fit_y[i + 1]
        b.furn_rect(0.1, y0 + 0.3, 0.3, y1 - 0.3)  # bench
    b.sofa(2.4, 4.4, 3.2, 6.4)  # waiting seat
    for x in (17.0, 26.9):
        b.furn_rect(x, 0.5, x + 0.6, 11.0)
    for y in (3.0, 6.0):
        b.furn_rect(19.5, y, 24.5, y + 0.8)
    for cx, cy in ((31.0, 3.0), (35.0, 3.0), (31.0, 7.5), (35.0, 7.5)):
        b.furn_rect(cx - 1.2, cy - 0.6, cx + 1.2, cy + 0.6, fill="white")
    for y in (20.5, 23.0, 25.5):
        b.furn_rect(2.0, y, 6.0, y + 0.5)
        b.furn_rect(8.0, y, 12.0, y + 0.5)
    b.furn_rect(14.2, 28.2, 19.5, 29.8, fill="white")  # cafe counter
    for cx in (16.0, 19.0, 22.0, 24.6):
        for cy in (20.5, 25.5):
            b.table((cx, cy), 0.4, 2 if cx == 24.6 else 4)
    for cx, cy in ((30.0, 22.0), (35.0, 22.0), (30.0, 26.0), (35.0, 26.0)):
        b.furn_rect(cx - 1.5, cy - 0.7, cx + 1.5, cy + 0.7, fill="white")
    b.furn_rect(39.2, 19.0, 39.8, 29.0)
    for x in (10.0, 28.0):  # benches in the mall street
        b.furn_rect(x, 14.6, x + 2.0, 15.4, fill="white")
    b.circle((17.0, 15.0), 0.6)
    for y0 in (0.06, 1.3):  # men's: stalls, urinals, basins
        b.furn([(45.6, y0 + 1.24), (47.9, y0 + 1.24)], closed=False, width=0.8)
    for y0 in (0.06, 1.3):
        b.wc((47.9, y0 + 0.62), "w")
    b.furn([(45.6, 0.06), (45.6, 2.54)], closed=False, width=0.8)
    for y in (3.4, 4.2, 5.0):
        b.urinal((47.9, y), "w")
    for y in (1.0, 2.0):
        b.basin((42.06, y), "e", 0.55)
    for i in range(4):  # women's: 4 stalls along the east wall
        y0 = 6.06 + i * 1.3
        b.furn([(45.6, y0), (47.9, y0)], closed=False, width=0.8)
        b.wc((47.9, y0 + 0.65), "w")
    b.furn([(45.6, 6.06), (45.6, 11.26)], closed=False, width=0.8)
    for y in (9.0, 10.0, 11.0):
        b.basin((42.06, y), "e", 0.55)
    b.wc((47.9, 13.2), "w")
    b.basin((45.0, 12.06), "n", 0.55)
    b.sofa(46.8, 15.0, 47.9, 17.9)  # nursing chairs
    b.furn_rect(43.0, 14.6, 44.6, 15.2)  # changing table
    b.basin((45.4, 14.56), "n", 0.5)
    for x0 in (43.0, 45.5):
        b.furn_rect(x0, 21.5, x0 + 1.6, 22.3)
    b.furn_rect(43.0, 28.8, 47.9, 29.9)
    return b.spec


def riverside_mall() -> Project:
    return _assemble(Venue(**MALL_VENUE), [(mall_floor(), "L1-mall.png")])


def _assemble(venue: Venue, specs: list[tuple[LevelSpec, str]]) -> Project:
    files = {}
    for spec, filename in specs:
        check_openings(spec.level)
        png, transform = render_level(spec, venue.name)
        source = f"backgrounds/{filename}"
        spec.level.backgrounds.append(Background(source=source, page=0, transform=transform, opacity=0.6, locked=True))
        files[source] = png
    project = Project(venue=venue, levels=[spec.level for spec, _ in specs])
    project.files.update(files)
    return project


SAMPLES: dict[str, Callable[[], Project]] = {
    "harbour-hotel.vplan": harbour_hotel,
    "mall-fitting.vplan": riverside_mall,
}


def build_projects() -> dict[str, Project]:
    """Return ``{file name: Project}`` for every sample, backgrounds included, without writing."""
    return {name: make() for name, make in SAMPLES.items()}


# ---------------------------------------------------------------------------
# Validation: openings on walls, a simple line-of-sight model
# ---------------------------------------------------------------------------


def host_wall(level: Level, opening: Opening, tol: float = 1e-3) -> Wall | None:
    """The wall whose centre-line carries ``opening`` (both end points within ``tol``)."""
    a, b = (Point(p) for p in opening.segment)
    for wall in level.walls:
        line = LineString(wall.path)
        if line.distance(a) <= tol and line.distance(b) <= tol:
            # both ends on the same straight piece
            for p, q in itertools.pairwise(wall.path):
                seg = LineString([p, q])
                if seg.distance(a) <= tol and seg.distance(b) <= tol:
                    return wall
    return None


def check_openings(level: Level) -> None:
    for op in level.openings:
        if host_wall(level, op) is None:
            raise ValueError(f"{op.id}: segment {op.segment} is not on a wall centre-line")


def wall_band(wall: Wall) -> shapely.Geometry:
    return LineString(wall.path).buffer(wall.thickness_m / 2, cap_style="square", join_style="mitre")


def opening_cut(opening: Opening, wall: Wall) -> shapely.Geometry:
    return LineString(opening.segment).buffer(wall.thickness_m / 2 + 0.02, cap_style="flat")


def obstacles(level: Level) -> shapely.Geometry:
    """Opaque walls (opaque and frosted) minus every opening: what blocks a line of sight."""
    bands = [wall_band(w) for w in level.walls if w.material != "glass"]
    cuts = []
    for op in level.openings:
        wall = host_wall(level, op)
        if wall is not None:
            cuts.append(opening_cut(op, wall))
    return unary_union(bands).difference(unary_union(cuts))


def detect_range(cam: Camera) -> float:
    """Horizontal distance where pixel density drops to 25 px/m (DORI detect)."""
    half = math.radians(min(cam.hfov_deg, 179.0)) / 2
    return cam.resolution[0] / (2 * 25.0 * math.tan(half))


def plan_reach(cam: Camera) -> float:
    """How far the camera sees on the plan: range_m, or the detect distance, cut by the tilt's far limit
    for any height between the floor and the mount height."""
    reach = cam.range_m if cam.range_m is not None else detect_range(cam)
    top = cam.tilt_deg - vfov_deg(cam.hfov_deg, *cam.resolution) / 2
    if top > 0:
        reach = min(reach, cam.mount_height_m / math.tan(math.radians(top)))
    return reach


def view_polygon(level: Level, cam: Camera, *, step_deg: float = 0.05, blocking=None) -> shapely.Geometry:
    """Ray-cast view of ``cam``: wedge x reach, stopped by opaque walls."""
    blocking = obstacles(level) if blocking is None else blocking
    reach = plan_reach(cam)
    if cam.omnidirectional:
        start, span = 0.0, 360.0
    else:
        start, span = cam.heading_deg - cam.hfov_deg / 2, cam.hfov_deg
    n = max(2, math.ceil(span / step_deg))
    ang = np.radians(start + span * np.arange(n + 1) / n)
    cx, cy = cam.position
    ends = np.column_stack([cx + reach * np.sin(ang), cy + reach * np.cos(ang)])
    rays = shapely.linestrings([[(cx, cy), tuple(e)] for e in ends])
    hits = shapely.intersection(rays, blocking)
    dist = np.where(shapely.is_empty(hits), reach, shapely.distance(Point(cx, cy), hits))
    pts = np.column_stack([cx + dist * np.sin(ang), cy + dist * np.cos(ang)])
    ring = [tuple(p) for p in pts] if cam.omnidirectional else [(cx, cy), *map(tuple, pts)]
    return shapely.make_valid(Polygon(ring)).buffer(0)


def private_views(project: Project, *, min_area: float = 0.05) -> list[tuple[str, str, str, float]]:
    """``(level, camera, zone, area_m2)`` for every private zone a camera sees more than ``min_area`` of.

    A camera inside a private zone is reported for that zone too.
    """
    out = []
    for level in project.levels:
        blocking = obstacles(level)
        private = [(z, Polygon(z.polygon)) for z in level.zones if z.use in PRIVATE_USES]
        for cam in level.cameras:
            view = view_polygon(level, cam, blocking=blocking)
            for zone, poly in private:
                area = view.intersection(poly).area
                if area > min_area:
                    out.append((level.id, cam.id, zone.id, round(area, 2)))
    return out


def devices_in_private(project: Project) -> list[tuple[str, str, str]]:
    """``(level, camera, zone)`` for every camera placed inside a private zone."""
    out = []
    for level in project.levels:
        for cam in level.cameras:
            for zone in level.zones:
                if zone.use in PRIVATE_USES and Polygon(zone.polygon).buffer(1e-9).covers(Point(cam.position)):
                    out.append((level.id, cam.id, zone.id))
    return out


# ---------------------------------------------------------------------------
# Rendering the background plans
# ---------------------------------------------------------------------------

INK = (25, 25, 25)
WALL_EXT = (20, 20, 20)
WALL_INT = (58, 58, 58)
GLASS_LINE = (20, 95, 185)
GLASS_FILL = (190, 218, 244)
FURN = (150, 150, 150)
DOOR_INK = (70, 70, 70)
CIRCULATION = (243, 243, 241)
WET = (233, 240, 246)
WET_GRID = (212, 223, 234)
CORE = (236, 236, 236)
TEXT_EN = (85, 85, 85)
TEXT_AREA = (120, 120, 120)
WET_USES = {"restroom", "bath", "lactation_room"}
CIRCULATION_USES = {"corridor", "lobby", "entrance", "elevator_lobby", "reception"}
CORE_USES = {"elevator", "stairs"}

_FONTS: dict[int, ImageFont.FreeTypeFont] = {}


def font(size_px: float) -> ImageFont.FreeTypeFont:
    size = max(6, round(size_px))
    if size not in _FONTS:
        _FONTS[size] = ImageFont.truetype(str(FONT_PATH), size, index=0)
    return _FONTS[size]


class Canvas:
    """A supersampled drawing surface in plan metres."""

    def __init__(self, x0: float, y_top: float, width_m: float, height_m: float) -> None:
        self.x0, self.y_top = x0, y_top
        self.s = PX_PER_M * SUPERSAMPLE
        self.size = (round(width_m * PX_PER_M), round(height_m * PX_PER_M))
        self.img = Image.new("RGB", (self.size[0] * SUPERSAMPLE, self.size[1] * SUPERSAMPLE), "white")
        self.draw = ImageDraw.Draw(self.img)

    def px(self, p) -> tuple[float, float]:
        return ((p[0] - self.x0) * self.s, (self.y_top - p[1]) * self.s)

    def w(self, px_final: float) -> int:
        """Line width in supersampled pixels for a width given in output pixels."""
        return max(1, round(px_final * SUPERSAMPLE))

    def line(self, pts, colour=INK, width: float = 1.0) -> None:
        self.draw.line([self.px(p) for p in pts], fill=colour, width=self.w(width), joint="curve")

    def polygon(self, pts, fill=None, outline=None, width: float = 1.0) -> None:
        self.draw.polygon([self.px(p) for p in pts], fill=fill, outline=outline, width=self.w(width))

    def circle(self, c, r, fill=None, outline=FURN, width: float = 1.0) -> None:
        u, v = self.px(c)
        rr = r * self.s
        self.draw.ellipse([u - rr, v - rr, u + rr, v + rr], fill=fill, outline=outline, width=self.w(width))

    def fill_geom(self, geom, colour) -> None:
        """Fill a (multi)polygon with holes."""
        for poly in getattr(geom, "geoms", [geom]):
            if poly.is_empty or poly.geom_type != "Polygon":
                continue
            minx, miny, maxx, maxy = poly.bounds
            u0, v0 = self.px((minx, maxy))
            u0, v0 = math.floor(u0) - 2, math.floor(v0) - 2
            u1, v1 = self.px((maxx, miny))
            wpx, hpx = math.ceil(u1) - u0 + 3, math.ceil(v1) - v0 + 3
            mask = Image.new("L", (wpx, hpx), 0)
            md = ImageDraw.Draw(mask)
            md.polygon(self._shifted(poly.exterior, u0, v0), fill=255)
            for hole in poly.interiors:
                md.polygon(self._shifted(hole, u0, v0), fill=0)
            self.img.paste(colour, (u0, v0, u0 + wpx, v0 + hpx), mask)

    def _shifted(self, ring, u0: int, v0: int) -> list[tuple[float, float]]:
        return [(self.px(p)[0] - u0, self.px(p)[1] - v0) for p in ring.coords]

    def text(self, p, s: str, size_px: float, colour=INK, anchor: str = "mm", stroke: bool = True) -> None:
        self.draw.text(self.px(p), s, font=font(size_px * SUPERSAMPLE), fill=colour, anchor=anchor,
                       stroke_width=self.w(1.5) if stroke else 0, stroke_fill="white")

    def text_px(self, uv, s: str, size_px: float, colour=INK, anchor: str = "la") -> None:
        self.draw.text((uv[0] * SUPERSAMPLE, uv[1] * SUPERSAMPLE), s, font=font(size_px * SUPERSAMPLE),
                       fill=colour, anchor=anchor)

    def finish(self) -> Image.Image:
        out = self.img.resize(self.size, Image.Resampling.LANCZOS)
        return out.quantize(colors=PALETTE_COLOURS, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)


def _text_width(s: str, size_px: float) -> float:
    left, _, right, _ = font(size_px * SUPERSAMPLE).getbbox(s)
    return (right - left) / SUPERSAMPLE


def _fit_label(poly: Polygon, zh: str, en: str, area: str, at: Pt | None):
    """Choose lines and a scale so the label block fits inside ``poly``; return (centre, lines)."""
    inner = poly.buffer(-0.15, join_style="mitre")
    if inner.is_empty:
        inner = poly
    centre = at if at is not None else tuple(polylabel(inner, tolerance=0.02).coords[0])
    words = en.split()
    en_wrapped = [" ".join(words[: (len(words) + 1) // 2]), " ".join(words[(len(words) + 1) // 2:])]
    variants = [
        [(zh, 17, INK), (en, 13, TEXT_EN), (area, 11, TEXT_AREA)],
        [(zh, 17, INK)] + [(t, 13, TEXT_EN) for t in en_wrapped if t] + [(area, 11, TEXT_AREA)],
        [(zh, 17, INK)] + [(t, 13, TEXT_EN) for t in en_wrapped if t],
    ]
    for scale in (1.0, 0.9, 0.8, 0.7, 0.62):
        for lines in variants:
            scaled = [(t, size * scale, c) for t, size, c in lines]
            w = max(_text_width(t, size) for t, size, _ in scaled) / PX_PER_M
            h = sum(size * 1.18 for _, size, _ in scaled) / PX_PER_M
            block = box(centre[0] - w / 2 - 0.04, centre[1] - h / 2, centre[0] + w / 2 + 0.04, centre[1] + h / 2)
            if inner.contains(block):
                return centre, scaled
    return centre, [(t, size * 0.62, c) for t, size, c in variants[2]]


def _draw_labels(cv: Canvas, spec: LevelSpec) -> None:
    for zone in spec.level.zones:
        zh, en, at = spec.labels[zone.id]
        poly = Polygon(zone.polygon)
        area = f"{poly.area:.1f} m²"
        centre, lines = _fit_label(poly, zh, en, area, at)
        total = sum(size * 1.18 for _, size, _ in lines) / PX_PER_M
        y = centre[1] + total / 2
        for t, size, colour in lines:
            step = size * 1.18 / PX_PER_M
            cv.text((centre[0], y - step / 2), t, size, colour)
            y -= step


def _draw_opening(cv: Canvas, op: Opening, hint: OpeningHint, wall: Wall) -> None:
    (ax, ay), (bx, by) = op.segment
    length = math.hypot(bx - ax, by - ay)
    ux, uy = (bx - ax) / length, (by - ay) / length
    nx, ny = -uy, ux
    t = wall.thickness_m
    if op.kind == "window":
        for off in (-t / 2, 0.0, t / 2):
            cv.line([(ax + nx * off, ay + ny * off), (bx + nx * off, by + ny * off)], INK, 1.0)
        for px_, py_ in ((ax, ay), (bx, by)):
            cv.line([(px_ - nx * t / 2, py_ - ny * t / 2), (px_ + nx * t / 2, py_ + ny * t / 2)], INK, 1.0)
        return
    if hint.curtain:
        pts = []
        n = max(8, int(length / 0.05))
        for i in range(n + 1):
            s = length * i / n
            off = 0.05 * math.sin(2 * math.pi * s / 0.2)
            pts.append((ax + ux * s + nx * off, ay + uy * s + ny * off))
        cv.line(pts, DOOR_INK, 1.2)
        return
    if op.kind == "doorway" or hint.swing is None:
        return
    sx, sy = hint.swing
    if hint.sliding:
        f = t / 2 + 0.04
        half = length / 2
        for k, (o1, o2) in enumerate(((0.0, half + 0.05), (half - 0.05, length))):
            off = f + 0.05 * k
            p = (ax + ux * o1 + sx * off, ay + uy * o1 + sy * off)
            q = (ax + ux * o2 + sx * off, ay + uy * o2 + sy * off)
            cv.line([p, q], DOOR_INK, 2.0)
        return
    hinges = {"a": [((ax, ay), (bx, by), length)], "b": [((bx, by), (ax, ay), length)],
              "ab": [((ax, ay), (bx, by), length / 2), ((bx, by), (ax, ay), length / 2)]}[hint.hinge]
    f = t / 2
    for (hx, hy), (ox, oy), w in hinges:
        d = math.hypot(ox - hx, oy - hy)
        dx, dy = (ox - hx) / d, (oy - hy) / d
        hx, hy = hx + sx * f, hy + sy * f
        leaf = (hx + sx * w, hy + sy * w)
        cv.line([(hx, hy), leaf], DOOR_INK, 1.6)
        a0 = math.atan2(sy, sx)
        a1 = math.atan2(dy, dx)
        da = (a1 - a0 + math.pi) % (2 * math.pi) - math.pi
        arc = [(hx + w * math.cos(a0 + da * i / 24), hy + w * math.sin(a0 + da * i / 24)) for i in range(25)]
        cv.line(arc, FURN, 0.8)


def _draw_decor(cv: Canvas, spec: LevelSpec) -> None:
    for item in spec.decor:
        kind = item[0]
        if kind == "poly":
            _, pts, fill, width = item
            cv.polygon(pts, fill=fill, outline=FURN, width=width)
        elif kind == "line":
            _, pts, _, width = item
            cv.line(pts, FURN, width)
        elif kind == "circle":
            _, c, r, fill = item
            cv.circle(c, r, fill=fill)
        elif kind == "text":
            _, p, s, size = item
            cv.text(p, s, size, TEXT_EN, stroke=False)


def _draw_floor(cv: Canvas, level: Level) -> None:
    for zone in level.zones:
        poly = Polygon(zone.polygon)
        if zone.use in WET_USES:
            cv.polygon(zone.polygon, fill=WET)
            minx, miny, maxx, maxy = poly.bounds
            step = 0.6
            lines = [LineString([(x, miny), (x, maxy)]) for x in np.arange(math.floor(minx), maxx, step)]
            lines += [LineString([(minx, y), (maxx, y)]) for y in np.arange(math.floor(miny), maxy, step)]
            clipped = MultiLineString(lines).intersection(poly)
            for ln in getattr(clipped, "geoms", [clipped]):
                if ln.geom_type == "LineString" and not ln.is_empty:
                    cv.line(list(ln.coords), WET_GRID, 0.8)
        elif zone.use in CIRCULATION_USES:
            cv.polygon(zone.polygon, fill=CIRCULATION)
        elif zone.use in CORE_USES:
            cv.polygon(zone.polygon, fill=CORE)


def _dashed(cv: Canvas, line: LineString, colour, width: float, on: float = 0.3, off: float = 0.18) -> None:
    pos, length = 0.0, line.length
    while pos < length:
        end = min(pos + on, length)
        piece = shapely.ops.substring(line, pos, end)
        if piece.length > 1e-6:
            cv.line(list(piece.coords), colour, width)
        pos = end + off


def _draw_zone_edges(cv: Canvas, level: Level) -> None:
    """Zone boundaries that are not walls (open counters, lobby edges): thin dashed lines."""
    edges = unary_union([Polygon(z.polygon).exterior for z in level.zones])
    walls = unary_union([LineString(w.path).buffer(w.thickness_m / 2 + 0.02, cap_style="square") for w in level.walls])
    cuts = unary_union([LineString(op.segment).buffer(0.3, cap_style="flat") for op in level.openings])
    free = shapely.line_merge(edges.difference(walls).difference(cuts))
    for ln in getattr(free, "geoms", [free]):
        if ln.geom_type == "LineString" and ln.length > 0.2:
            _dashed(cv, ln, FURN, 1.0)


def _draw_walls(cv: Canvas, level: Level) -> None:
    cuts_by_wall: dict[str, list] = {}
    for op in level.openings:
        wall = host_wall(level, op)
        cuts_by_wall.setdefault(wall.id, []).append(opening_cut(op, wall))
    glass, interior, exterior = [], [], []
    for wall in level.walls:
        band = wall_band(wall)
        if wall.material == "glass":
            band = LineString(wall.path).buffer(wall.thickness_m / 2, cap_style="flat", join_style="mitre")
            glass.append(band.difference(unary_union(cuts_by_wall.get(wall.id, []))))
        elif wall.thickness_m >= EXT_T - 1e-9:
            exterior.append(band)
        else:
            interior.append(band)
    all_cuts = unary_union([c for cs in cuts_by_wall.values() for c in cs])
    for g in glass:
        for poly in getattr(g, "geoms", [g]):
            if poly.geom_type == "Polygon" and not poly.is_empty:
                cv.polygon(list(poly.exterior.coords), fill=GLASS_FILL, outline=GLASS_LINE, width=1.3)
    opaque_ext = unary_union(exterior).difference(all_cuts)
    opaque_int = unary_union(interior).difference(all_cuts).difference(unary_union(exterior))
    cv.fill_geom(opaque_int, WALL_INT)
    cv.fill_geom(opaque_ext, WALL_EXT)
    for wall in level.walls:  # glass centre lines
        if wall.material == "glass":
            centre = LineString(wall.path).difference(all_cuts)
            for ln in getattr(centre, "geoms", [centre]):
                if not ln.is_empty:
                    cv.line(list(ln.coords), GLASS_LINE, 0.6)


def _north_arrow(cv: Canvas, c: Pt, size: float = 1.0) -> None:
    x, y = c
    cv.circle(c, size * 0.62, fill=None, outline=INK, width=1.2)
    cv.polygon([(x, y + size * 0.85), (x - size * 0.3, y - size * 0.45), (x, y - size * 0.22)], fill=INK,
               outline=INK, width=1.0)
    cv.polygon([(x, y + size * 0.85), (x + size * 0.3, y - size * 0.45), (x, y - size * 0.22)], fill="white",
               outline=INK, width=1.0)
    cv.text((x, y + size * 1.2), "北 N", 15, INK, stroke=False)


def _scale_bar(cv: Canvas, origin: Pt) -> None:
    x, y = origin
    h = 0.22
    for i in range(5):
        cv.polygon(rect(x + i, y, x + i + 1, y + h), fill=INK if i % 2 == 0 else "white", outline=INK, width=1.0)
    for i in range(6):
        cv.text((x + i, y - 0.35), str(i), 11, INK, stroke=False)
    cv.text((x + 5.55, y - 0.35), "m", 11, INK, stroke=False)
    cv.text((x + 2.5, y + h + 0.45), "比例尺 Scale 0–5 m", 12, INK, stroke=False)


def _dimension(cv: Canvas, p: Pt, q: Pt, offset: Pt, label: str, *, vertical: bool = False) -> None:
    ox, oy = offset
    a, b = (p[0] + ox, p[1] + oy), (q[0] + ox, q[1] + oy)
    cv.line([a, b], INK, 0.8)
    for base, end in ((p, a), (q, b)):
        cv.line([(base[0] + ox * 0.15, base[1] + oy * 0.15), (end[0] + ox * 0.25, end[1] + oy * 0.25)], INK, 0.6)
        cv.line([(end[0] - 0.15, end[1] - 0.15), (end[0] + 0.15, end[1] + 0.15)], INK, 1.4)
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    if not vertical:
        cv.text((mid[0], mid[1] + 0.35), label, 12, INK, stroke=False)
        return
    f = font(12 * SUPERSAMPLE)
    left, top, right, bottom = f.getbbox(label)
    tile = Image.new("L", (right - left + 8, bottom - top + 8), 0)
    ImageDraw.Draw(tile).text((4 - left, 4 - top), label, font=f, fill=255)
    tile = tile.rotate(90, expand=True)
    u, v = cv.px((mid[0] - 0.35, mid[1]))
    cv.img.paste(INK, (int(u - tile.width / 2), int(v - tile.height / 2)), tile)


def _title_block(cv: Canvas, x1: float, y0: float, venue: str, level: Level) -> None:
    """Title block with its bottom-right corner at (x1, y0)."""
    w, h = 17.0, 3.8
    x0 = x1 - w
    cv.polygon(rect(x0, y0, x1, y0 + h), fill="white", outline=INK, width=1.6)
    cv.line([(x0, y0 + 1.5), (x1, y0 + 1.5)], INK, 0.8)
    cv.line([(x0 + 9.0, y0), (x0 + 9.0, y0 + 1.5)], INK, 0.8)
    cv.text((x0 + 0.35, y0 + h - 0.55), venue, 24, INK, anchor="lm", stroke=False)
    sign = "+" if level.elevation_m >= 0 else "−"
    cv.text((x0 + 0.35, y0 + h - 1.5), f"{level.name}  ·  {level.id}  ·  FFL {sign}{abs(level.elevation_m):.2f} m",
            16, INK, anchor="lm", stroke=False)
    cv.text((x0 + 0.35, y0 + 1.05), "平面图 Floor plan", 14, INK, anchor="lm", stroke=False)
    cv.text((x0 + 0.35, y0 + 0.45), f"1 m = {PX_PER_M} px · 尺寸单位 米 (m)", 11, TEXT_EN, anchor="lm", stroke=False)
    cv.text((x0 + 9.3, y0 + 1.05), "示例场所 Sample venue", 14, INK, anchor="lm", stroke=False)
    cv.text((x0 + 9.3, y0 + 0.45), "Venue Planner · tools/build_samples.py", 11, TEXT_EN, anchor="lm", stroke=False)


def render_level(spec: LevelSpec, venue_name: str) -> tuple[bytes, tuple[float, ...]]:
    """Draw the level as an architect-style plan; return PNG bytes and the pixel->plan transform."""
    level = spec.level
    footprint = unary_union([Polygon(z.polygon) for z in level.zones])
    minx, miny, maxx, maxy = footprint.bounds
    left, right, top, bottom = 3.0, 2.0, 2.5, 6.0
    width_m = max(maxx - minx + left + right, 36.0)
    height_m = maxy - miny + top + bottom
    x0 = minx - left
    y_top = maxy + top
    cv = Canvas(x0, y_top, width_m, height_m)
    _draw_floor(cv, level)
    _draw_decor(cv, spec)
    _draw_zone_edges(cv, level)
    _draw_walls(cv, level)
    for op in level.openings:
        _draw_opening(cv, op, spec.hints[op.id], host_wall(level, op))
    _draw_labels(cv, spec)
    _dimension(cv, (minx, maxy), (maxx, maxy), (0.0, 1.2), f"{maxx - minx:.2f} m")
    _dimension(cv, (minx, miny), (minx, maxy), (-1.2, 0.0), f"{maxy - miny:.2f} m", vertical=True)
    base = miny - bottom + 0.7
    _scale_bar(cv, (minx, base + 1.2))
    _north_arrow(cv, (minx + 9.0, base + 1.9), 1.0)
    _title_block(cv, x0 + width_m - 0.7, base - 0.2, venue_name, level)
    cv.polygon(rect(x0 + 0.25, y_top - height_m + 0.25, x0 + width_m - 0.25, y_top - 0.25), outline=INK, width=1.0)
    img = cv.finish()
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    png = buf.getvalue()
    scale = 1.0 / PX_PER_M
    return png, (scale, 0.0, 0.0, -scale, _r(x0), _r(y_top))


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------


def report(projects: dict[str, Project]) -> str:
    lines = []
    for name, project in projects.items():
        lines.append(f"{name}:")
        for lv, cam, zone in devices_in_private(project):
            lines.append(f"  DEVICE_IN_PRIVATE_SPACE  {lv} {cam} in {zone}")
        for lv, cam, zone, area in private_views(project):
            lines.append(f"  sees private zone        {lv} {cam} -> {zone}: {area:.2f} m²")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: assets/samples)")
    parser.add_argument("--report", action="store_true", help="print which private zones each camera sees")
    parser.add_argument("--png", action="store_true", help="also write the background PNGs next to the samples")
    args = parser.parse_args(argv)
    from planner.io import save_project

    projects = build_projects()
    args.out.mkdir(parents=True, exist_ok=True)
    for name, project in projects.items():
        target = args.out / name
        save_project(project, target, backup=False)
        print(f"wrote {target.relative_to(ROOT) if target.is_relative_to(ROOT) else target}")
        if args.png:
            for source, data in project.files.items():
                (args.out / Path(source).name).write_bytes(data)
    if args.report:
        print(report(projects))
    return 0


if __name__ == "__main__":
    sys.exit(main())
