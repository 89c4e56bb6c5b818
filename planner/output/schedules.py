"""Sign and camera schedules: the tables of the placement guide, also as CSV and XLSX.

Signs are numbered S1, S2 … and cameras C1, C2 … across the project, level
by level, in file order; the plan markers of the guide carry the same
numbers. The sign schedule lists the placed signs and, after them on each
level, the signs the rules still require (status "to add"); a sign that
fulfils a requirement inherits its entrance, zone and announced cameras.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import LineString, Point

from planner.geometry.compass import compass_point as compass
from planner.geometry.convert import to_point, to_polygon
from planner.geometry.obstacles import level_obstacles
from planner.model import Camera, Level, Project
from planner.output.notice import bilingual
from planner.output.pdf import atomic_write, document_date
from planner.rules.angles import image_column
from planner.rules.findings import CheckResult
from planner.rules.signs import SignRequirement

__all__ = [
    "Column",
    "SIGN_COLUMNS",
    "CAMERA_COLUMNS",
    "Schedules",
    "build_schedules",
    "proposed_sign_id",
    "Requirement",
    "requirements",
    "describe_position",
    "WallOffset",
    "wall_offsets",
    "mount_type",
    "focal_length_mm",
    "SENSOR_WIDTH_MM",
    "mask_columns",
    "schedules_csv",
    "write_csv",
    "xlsx_bytes",
    "write_xlsx",
]


@dataclass(frozen=True)
class Column:
    """A schedule column: its key in the rows and its bilingual heading."""

    key: str
    zh: str
    en: str

    @property
    def heading(self) -> str:
        return f"{self.zh} {self.en}"


SIGN_COLUMNS = (
    Column("no", "编号", "No."),
    Column("id", "标识", "Sign id"),
    Column("status", "状态", "Status"),
    Column("kind", "类型", "Kind"),
    Column("size", "尺寸", "Size"),
    Column("level", "楼层", "Level"),
    Column("zone", "所告知区域", "Area announced"),
    Column("entrance", "入口", "Entrance"),
    Column("approach", "来向区域", "Approach from"),
    Column("where_zh", "安装位置", ""),
    Column("where_en", "", "Where to mount"),
    Column("x_m", "x (m)", ""),
    Column("y_m", "y (m)", ""),
    Column("facing_deg", "朝向 (°)", "Facing (°)"),
    Column("facing", "朝向", "Faces"),
    Column("mount_height_m", "中心高度 (m)", "Centre height (m)"),
    Column("to_walls", "到最近墙面", "To nearest walls"),
    Column("cameras", "告知的摄像机", "Cameras announced"),
)
CAMERA_COLUMNS = (
    Column("no", "编号", "No."),
    Column("id", "摄像机", "Camera id"),
    Column("name", "名称", "Name"),
    Column("level", "楼层", "Level"),
    Column("x_m", "x (m)", ""),
    Column("y_m", "y (m)", ""),
    Column("to_walls", "到最近墙面", "To nearest walls"),
    Column("mount", "安装方式", "Mount"),
    Column("mount_height_m", "安装高度 (m)", "Mount height (m)"),
    Column("heading_deg", "水平朝向 (°)", "Heading (°)"),
    Column("heading", "方位", "Bearing"),
    Column("tilt_deg", "俯角 (°)", "Tilt (°)"),
    Column("hfov_deg", "水平视场角 (°)", "HFOV (°)"),
    Column("focal_length_mm", "焦距 (mm)", "Focal length (mm)"),
    Column("kind", "类型", "Type"),
    Column("resolution", "分辨率", "Resolution"),
    Column("range_m", "范围 (m)", "Range (m)"),
    Column("face_recognition", "人脸识别", "FR"),
    Column("privacy_masks", "隐私遮蔽（角度）", "Privacy masks (angle)"),
    Column("mask_columns", "遮蔽图像列 (px)", "Mask image columns (px)"),
)


@dataclass
class Schedules:
    """The two schedules and the marker labels that go with them."""

    signs: list[dict[str, Any]] = field(default_factory=list)
    cameras: list[dict[str, Any]] = field(default_factory=list)
    sign_labels: dict[str, str] = field(default_factory=dict)
    camera_labels: dict[str, str] = field(default_factory=dict)
    #: Proposed signs per level: level id -> {label: (position, facing, kind)}.
    proposed: dict[str, dict[str, tuple[tuple[float, float], float, str]]] = field(default_factory=dict)
    #: Dimension lines per level: level id -> [(start, end, text)], each camera and sign to its nearest walls.
    dimensions: dict[str, list[tuple[tuple[float, float], tuple[float, float], str]]] = field(default_factory=dict)
    date: str = ""
    venue: str = ""


def proposed_sign_id(level_id: str, kind: str, used: set[str]) -> str:
    """A fresh id for a required sign that is not placed yet, e.g. ``L1-sign-fr-1``; adds it to ``used``."""
    short = "fr" if kind == "fr_notice" else "cctv"
    n = 1
    while f"{level_id}-sign-{short}-{n}" in used:
        n += 1
    sign_id = f"{level_id}-sign-{short}-{n}"
    used.add(sign_id)
    return sign_id


def mask_columns(camera: Camera) -> list[tuple[int, int]]:
    """Image column ranges (pixels from the left) of a camera's privacy masks.

    >>> from planner.model import Camera
    >>> mask_columns(Camera(id="c", position=(0, 0), hfov_deg=90, resolution=(1920, 1080),
    ...                     privacy_masks=((0.0, 45.0),)))
    [(960, 1920)]
    """
    if camera.omnidirectional or camera.hfov_deg >= 180.0:
        return []
    width = camera.resolution[0]
    return [(image_column(lo, camera.hfov_deg, width), image_column(hi, camera.hfov_deg, width))
            for lo, hi in camera.privacy_masks]


def _zone_name(level: Level, zone_id: str | None, lang: str | None = None) -> str:
    if zone_id is None:
        return "室外 outside"
    zone = next((z for z in level.zones if z.id == zone_id), None)
    if zone is None:
        return zone_id
    zh, en = bilingual(zone.name or zone.id)
    if lang == "zh":
        return zh or en
    if lang == "en":
        return en or zh
    return zh if zh == en or not en else (en if not zh else f"{zh} {en}")


def _zone_at(level: Level, xy: tuple[float, float]) -> str | None:
    p = to_point(xy)
    best: tuple[float, str] | None = None
    for zone in level.zones:
        d = to_polygon(zone.polygon).distance(p)
        if d <= 0.6 and (best is None or d < best[0]):
            best = (d, zone.id)
    return best[1] if best else None


def _level_name(level: Level) -> str:
    zh, en = bilingual(level.name or "")
    name = " ".join(dict.fromkeys(x for x in (zh, en) if x))
    return f"{level.id} {name}".strip()


@dataclass(frozen=True)
class Requirement:
    """A sign requirement of the check as the documents print it (rounded as in the JSON)."""

    level: str
    kind: str
    position: tuple[float, float]
    facing_deg: float
    mount_height_m: float
    size: str
    mount: str
    opening: str | None
    zone: str | None
    approach_zone: str | None
    cameras: tuple[str, ...]
    viewing_distance_m: float | None
    satisfied_by: str | None

    @classmethod
    def of(cls, req: SignRequirement) -> Requirement:
        """The requirement ``req`` of ``CheckResult.signs_required``."""
        return cls(
            level=req.level, kind=req.kind, position=(round(req.position[0], 3), round(req.position[1], 3)),
            facing_deg=round(req.facing_deg, 1), mount_height_m=req.mount_height_m, size=req.size, mount=req.mount,
            opening=req.entrance.opening, zone=req.entrance.inside_zone, approach_zone=req.entrance.outside_zone,
            cameras=tuple(req.cameras), viewing_distance_m=round(req.viewing_distance_m, 1),
            satisfied_by=req.satisfied_by,
        )


def requirements(result: CheckResult) -> list[Requirement]:
    """The sign requirements of a check result, in its order."""
    return [Requirement.of(r) for r in result.signs_required]


def describe_position(level: Level, *, zone: str | None, approach_zone: str | None, opening: str | None,
                      mount: str, facing_deg: float, mount_height_m: float,
                      position: tuple[float, float] | None = None) -> tuple[str, str]:
    """Where a sign goes, for a person on site: ``(zh, en)``, no ids, no coordinates.

    >>> from planner.model import Level, Zone, Opening
    >>> lv = Level(id="L1", zones=[Zone(id="a", name="Lobby 大堂", use="lobby", polygon=((0, 0), (4, 0), (4, 4))),
    ...          Zone(id="b", name="Corridor 走廊", use="corridor", polygon=((0, 0), (4, 0), (4, -4)))],
    ...          openings=[Opening(id="d", kind="door", segment=((1, 0), (2, 0)))])
    >>> zh, en = describe_position(lv, zone="a", approach_zone="b", opening="d", mount="wall", facing_deg=180,
    ...                            mount_height_m=1.6)
    >>> zh
    '大堂入口门旁，走廊一侧墙上；标识面朝南，中心离地 1.60 m'
    >>> en
    'beside the Lobby entrance door, on the Corridor side, on the wall; facing S, centre 1.60 m above the floor'
    """
    def names(zid: str | None) -> tuple[str, str]:
        if zid is None:
            return "室外", "outside"
        z = next((z for z in level.zones if z.id == zid), None)
        if z is None:
            return "", ""
        zh, en = bilingual(z.name or z.use.replace("_", " "))
        return zh or en, en or zh

    en_pt, zh_pt = compass(facing_deg)
    tail_zh = f"标识面朝{zh_pt}，中心离地 {mount_height_m:.2f} m"
    tail_en = f"facing {en_pt}, centre {mount_height_m:.2f} m above the floor"
    mount_zh, mount_en = ("墙上", "on the wall") if mount == "wall" else ("立式支架", "on a free-standing post")
    if zone is None and opening is None:
        zid = _zone_at(level, position) if position is not None else None
        if zid is None:
            return tail_zh, tail_en
        in_zh, in_en = names(zid)
        return f"{in_zh}内；{tail_zh}", f"in the {in_en}; {tail_en}"
    in_zh, in_en = names(zone)
    out_zh, out_en = names(approach_zone)
    side_zh = "室外一侧" if approach_zone is None else f"{out_zh}一侧"
    side_en = "on the outside" if approach_zone is None else f"on the {out_en} side"
    if opening is not None:
        op = next((o for o in level.openings if o.id == opening), None)
        door_zh, door_en = ("门", "door") if op is None or op.kind == "door" else ("门洞", "doorway")
        entrance_zh = "" if in_zh.endswith(("入口", "门厅")) else "入口"
        entrance_en = "" if in_en.lower().endswith(("entrance", "entry")) else " entrance"
        return (f"{in_zh}{entrance_zh}{door_zh}旁，{side_zh}{mount_zh}；{tail_zh}",
                f"beside the {in_en}{entrance_en} {door_en}, {side_en}, {mount_en}; {tail_en}")
    return (f"{out_zh}通往{in_zh}处，{side_zh}{mount_zh}；{tail_zh}",
            f"where the {out_en} opens into the {in_en}, {side_en}, {mount_en}; {tail_en}")


#: Axis directions of the wall dimensions: (English, Chinese, unit vector).
_AXES = (("E", "东", (1.0, 0.0)), ("W", "西", (-1.0, 0.0)), ("N", "北", (0.0, 1.0)), ("S", "南", (0.0, -1.0)))
#: Optical formats (inch type) -> sensor width in mm, for focal lengths.
SENSOR_WIDTH_MM: dict[str, float] = {
    '1/4"': 3.6, '1/3.6"': 4.0, '1/3.2"': 4.54, '1/3"': 4.8, '1/2.9"': 4.96, '1/2.8"': 5.12, '1/2.7"': 5.37,
    '1/2.5"': 5.76, '1/2.3"': 6.17, '1/2"': 6.4, '1/1.8"': 7.18, '2/3"': 8.8, '1"': 12.8,
}
#: A camera this close to a wall is wall-mounted; farther, on the ceiling (DESIGN: mount type).
WALL_MOUNT_M = 0.3


@dataclass(frozen=True)
class WallOffset:
    """Distance from a point to the nearest wall face in one axis direction (``E``, ``W``, ``N`` or ``S``)."""

    direction: str
    direction_zh: str
    distance_m: float
    start: tuple[float, float]
    end: tuple[float, float]

    @property
    def text(self) -> str:
        """``W 1.20 m``: the wall to the west is 1.20 m away."""
        return f"{self.direction} {self.distance_m:.2f} m"


def wall_offsets(bodies: Sequence[Any], xy: tuple[float, float], *, reach_m: float = 80.0) -> list[WallOffset]:
    """The nearer wall along x (east or west) and along y (north or south) of ``xy``, measured to the face.

    ``bodies`` are wall polygons (openings cut out); a body that holds ``xy``
    (a camera set into a wall) is left out.

    >>> from shapely.geometry import box
    >>> [o.text for o in wall_offsets([box(-0.1, 0, 0, 10), box(0, -0.1, 10, 0)], (1.2, 0.85))]
    ['W 1.20 m', 'S 0.85 m']
    """
    p = Point(xy)
    solid = [b for b in bodies if not b.is_empty and not b.contains(p)]
    if not solid:
        return []
    tree = shapely.STRtree(solid)
    found: dict[str, WallOffset] = {}
    for en, zh, (dx, dy) in _AXES:
        far = (xy[0] + dx * reach_m, xy[1] + dy * reach_m)
        ray = LineString([xy, far])
        best = None
        for i in tree.query(ray, predicate="intersects"):
            d = p.distance(ray.intersection(solid[int(i)]))
            if best is None or d < best:
                best = d
        if best is None:
            continue
        axis = "x" if dx else "y"
        offset = WallOffset(en, zh, best, xy, (xy[0] + dx * best, xy[1] + dy * best))
        if axis not in found or best < found[axis].distance_m:
            found[axis] = offset
    return [found[a] for a in ("x", "y") if a in found]


def mount_type(camera: Camera, offsets: Sequence[WallOffset], in_zone: bool = True) -> str:
    """``wall``, ``ceiling`` or ``pole``: the camera's ``mount`` field, else from where it stands.

    Within :data:`WALL_MOUNT_M` of a wall face: wall; outside every zone: pole; else ceiling.
    """
    given = str(camera.extra.get("mount", "")).strip().lower()
    if given in ("wall", "ceiling", "pole"):
        return given
    if any(o.distance_m <= WALL_MOUNT_M for o in offsets):
        return "wall"
    return "ceiling" if in_zone else "pole"


def focal_length_mm(camera: Camera) -> float | None:
    """Focal length giving the camera's hfov on its sensor, when the sensor (or the focal length) is known.

    The camera's ``focal_length_mm`` wins; else ``sensor_width_mm`` or ``sensor``
    (an optical format such as ``1/2.8"``) gives f = (w / 2) / tan(hfov / 2).

    >>> from planner.model import Camera
    >>> round(focal_length_mm(Camera(id="c", hfov_deg=90, extra={"sensor": '1/2.8"'})), 2)
    2.56
    """
    given = camera.extra.get("focal_length_mm")
    if isinstance(given, (int, float)) and given > 0:
        return float(given)
    width = camera.extra.get("sensor_width_mm")
    if not isinstance(width, (int, float)) or width <= 0:
        width = SENSOR_WIDTH_MM.get(str(camera.extra.get("sensor", "")).replace("″", '"').replace(" ", ""))
    if not width or camera.omnidirectional or camera.hfov_deg >= 179.0:
        return None
    return float(width) / 2.0 / math.tan(math.radians(camera.hfov_deg) / 2.0)


_MOUNT_NAMES = {"wall": "壁装 wall", "ceiling": "吸顶 ceiling", "pole": "立杆 pole"}


def _size_note(size: str, req: Requirement | None) -> str:
    """`` → A1`` when ``size`` is too small for the requirement's viewing distance (DESIGN §3), else ``""``."""
    from planner.rules.signs import PAPER_MM, legible_distance, size_for_distance

    if req is None or req.viewing_distance_m is None or size not in PAPER_MM:
        return ""
    if legible_distance(size) >= req.viewing_distance_m - 1e-6:
        return ""
    return f" → {size_for_distance(req.viewing_distance_m)}"


_KIND_NAMES = {"fr_notice": "人脸识别提示 FR notice", "cctv_notice": "视频监控提示 CCTV notice"}


def build_schedules(project: Project, result: CheckResult) -> Schedules:
    """Number the signs and cameras and build both schedules from the check's ``result``."""
    out = Schedules(date=document_date(project.venue), venue=project.venue.name)
    n_cam = 0
    for level in project.levels:
        for cam in level.cameras:
            n_cam += 1
            out.camera_labels[cam.id] = f"C{n_cam}"
    reqs_by_level: dict[str, list[Requirement]] = {}
    for each in requirements(result):
        reqs_by_level.setdefault(each.level, []).append(each)
    used = project.ids()
    n_sign = 0
    bodies = {lv.id: list(level_obstacles(lv.walls, lv.openings).bodies.values()) for lv in project.levels}
    for level in project.levels:
        reqs = reqs_by_level.get(level.id, [])
        by_sign = {r.satisfied_by: r for r in reqs if r.satisfied_by}
        entries: list[tuple[str, str, str, tuple[float, float], float, float, Requirement | None, str]] = []
        for sign in level.signs:
            entries.append((sign.id, "placed", sign.kind, sign.position, sign.facing_deg, sign.mount_height_m,
                            by_sign.get(sign.id), sign.size))
        for missing in reqs:
            if missing.satisfied_by:
                continue
            sign_id = proposed_sign_id(level.id, missing.kind, used)
            entries.append((sign_id, "to_add", missing.kind, missing.position, missing.facing_deg,
                            missing.mount_height_m, missing, missing.size))
        for sign_id, status, kind, pos, facing, height, req, size in entries:
            n_sign += 1
            label = f"S{n_sign}"
            out.sign_labels[sign_id] = label
            if status == "to_add":
                out.proposed.setdefault(level.id, {})[label] = (pos, facing, kind)
            if req is not None:
                zone = _zone_name(level, req.zone)
                approach = _zone_name(level, req.approach_zone)
                entrance = req.opening or "开放边界 open edge"
                cams = [out.camera_labels.get(c, c) for c in req.cameras]
                cam_ids = list(req.cameras)
                where_zh, where_en = describe_position(level, zone=req.zone, approach_zone=req.approach_zone,
                                                       opening=req.opening, mount=req.mount, facing_deg=facing,
                                                       mount_height_m=height)
            else:
                zid = _zone_at(level, pos)
                zone = _zone_name(level, zid) if zid else "—"
                approach = entrance = "—"
                cams, cam_ids = [], []
                where_zh, where_en = describe_position(level, zone=None, approach_zone=None, opening=None,
                                                       mount="wall", facing_deg=facing, mount_height_m=height,
                                                       position=pos)
            en_pt, zh_pt = compass(facing)
            offsets = wall_offsets(bodies[level.id], pos)
            for o in offsets:
                out.dimensions.setdefault(level.id, []).append((o.start, o.end, f"{o.distance_m:.2f}"))
            out.signs.append({
                "no": label,
                "id": sign_id,
                "status": "已设置 placed" if status == "placed" else "待增设 to add",
                "status_key": status,
                "kind": _KIND_NAMES.get(kind, kind),
                "kind_key": kind,
                "size": size + _size_note(size, req),
                "level": level.id,
                "level_name": _level_name(level),
                "zone": zone,
                "entrance": entrance,
                "approach": approach,
                "where_zh": where_zh,
                "where_en": where_en,
                "x_m": round(pos[0], 2),
                "y_m": round(pos[1], 2),
                "facing_deg": round(facing % 360.0, 1),
                "facing": f"{zh_pt} {en_pt}",
                "mount_height_m": round(height, 2),
                "to_walls": " · ".join(o.text for o in offsets) or "—",
                "cameras": ", ".join(f"{c} ({i})" for c, i in zip(cams, cam_ids, strict=True)) or "—",
                "camera_labels": cams,
                "camera_ids": cam_ids,
            })
    for level in project.levels:
        for cam in level.cameras:
            cols = mask_columns(cam)
            masks = "; ".join(f"{lo:+.1f}°…{hi:+.1f}°" for lo, hi in cam.privacy_masks) or "—"
            offsets = wall_offsets(bodies[level.id], cam.position)
            for o in offsets:
                out.dimensions.setdefault(level.id, []).append((o.start, o.end, f"{o.distance_m:.2f}"))
            in_zone = any(to_polygon(z.polygon).buffer(0.3).contains(to_point(cam.position)) for z in level.zones)
            mount = mount_type(cam, offsets, in_zone)
            focal = focal_length_mm(cam)
            h_en, h_zh = compass(cam.heading_deg)
            out.cameras.append({
                "no": out.camera_labels[cam.id],
                "id": cam.id,
                "name": cam.name,
                "level": level.id,
                "level_name": _level_name(level),
                "x_m": round(cam.position[0], 2),
                "y_m": round(cam.position[1], 2),
                "mount_height_m": round(cam.mount_height_m, 2),
                "heading_deg": round(cam.heading_deg, 1),
                "heading": "—" if cam.omnidirectional else f"{cam.heading_deg % 360:.0f}° ({h_en})",
                "heading_zh": "—" if cam.omnidirectional else f"{cam.heading_deg % 360:.0f}°（{h_zh}）",
                "tilt_deg": round(cam.tilt_deg, 1),
                "hfov_deg": round(cam.hfov_deg, 1),
                "focal_length_mm": round(focal, 1) if focal is not None else "—",
                "lens": f"{cam.hfov_deg:.0f}°" + (f" · f {focal:.1f} mm" if focal is not None else ""),
                "mount_key": mount,
                "mount": _MOUNT_NAMES[mount],
                "to_walls": " · ".join(o.text for o in offsets) or "—",
                "kind": {"fixed": "固定 fixed", "ptz": "云台 PTZ", "fisheye": "鱼眼 fisheye"}.get(cam.kind, cam.kind),
                "resolution": f"{cam.resolution[0]}×{cam.resolution[1]}",
                "range_m": round(cam.range_m, 1) if cam.range_m is not None else "—",
                "face_recognition": "是 yes" if cam.face_recognition else "否 no",
                "face_recognition_key": cam.face_recognition,
                "privacy_masks": masks,
                "mask_columns": "; ".join(f"{lo}–{hi}" for lo, hi in cols) or ("—" if not cam.privacy_masks
                                                                                else "（360° 相机 360° camera）"),
            })
    return out


def _table(rows: Sequence[dict[str, Any]], columns: Sequence[Column]) -> list[list[Any]]:
    return [[c.heading.strip() for c in columns], *[[row.get(c.key, "") for c in columns] for row in rows]]


def schedules_csv(schedules: Schedules) -> dict[str, bytes]:
    """The two schedules as CSV files (UTF-8 with BOM, so spreadsheet programs read the Chinese)."""
    out = {}
    for name, rows, columns in (("signs", schedules.signs, SIGN_COLUMNS), ("cameras", schedules.cameras,
                                                                           CAMERA_COLUMNS)):
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerows(_table(rows, columns))
        out[name] = ("\ufeff" + buf.getvalue()).encode("utf-8")
    return out


def csv_paths(prefix: str | Path) -> dict[str, Path]:
    """Where :func:`write_csv` writes: ``PREFIX-signs.csv`` ..., or ``FOLDER/signs.csv`` ... when ``prefix``
    names a folder (an existing one, or a name ending in ``/``)."""
    text = str(prefix)
    if text.endswith(("/", os.sep)) or Path(text).name in ("", ".", "..") or Path(text).is_dir():
        return {name: Path(text or ".") / f"{name}.csv" for name in ("signs", "cameras")}
    return {name: Path(f"{text}-{name}.csv") for name in ("signs", "cameras")}


def write_csv(schedules: Schedules, prefix: str | Path) -> list[Path]:
    """Write the signs and cameras schedules atomically (see :func:`csv_paths`); return their paths."""
    paths = []
    targets = csv_paths(prefix)
    for name, data in schedules_csv(schedules).items():
        path = targets[name]
        atomic_write(path, data)
        paths.append(path)
    return paths


def xlsx_bytes(schedules: Schedules) -> bytes:
    """The two schedules as one workbook (sheets "Signs 标识" and "Cameras 摄像机")."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    try:
        when = _dt.datetime.fromisoformat(schedules.date)
    except ValueError:
        when = _dt.datetime(2000, 1, 1)
    wb.properties.created = when
    wb.properties.modified = when
    wb.properties.creator = "Venue Planner"
    wb.properties.title = f"{schedules.venue} schedules"
    first = True
    for title, rows, columns in (("Signs 标识", schedules.signs, SIGN_COLUMNS),
                                 ("Cameras 摄像机", schedules.cameras, CAMERA_COLUMNS)):
        ws = wb.active if first else wb.create_sheet()
        first = False
        ws.title = title
        table = _table(rows, columns)
        for r in table:
            ws.append(r)
        head_fill = PatternFill("solid", fgColor="0B3D74")
        for cell in ws[1]:
            cell.font = Font(bold=True, color="FFFFFF")
            cell.fill = head_fill
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "C2"
        for i in range(1, len(columns) + 1):
            longest = max((len(str(r[i - 1])) for r in table), default=8)
            ws.column_dimensions[get_column_letter(i)].width = max(8, min(48, longest + 2))
        ws.auto_filter.ref = ws.dimensions
    buf = io.BytesIO()
    wb.save(buf)
    return _normalise_zip(buf.getvalue(), when)


def _normalise_zip(data: bytes, when: _dt.datetime) -> bytes:
    """Rewrite a ZIP with fixed member timestamps, so identical schedules give identical files."""
    import zipfile

    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    stamp = (max(1980, when.year), when.month, when.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            payload = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # the writer stamps the time of saving
                payload = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(<)",
                                 rb"\g<1>" + when.strftime("%Y-%m-%dT%H:%M:%SZ").encode() + rb"\g<2>", payload)
            dst.writestr(member, payload)
    return out.getvalue()


def write_xlsx(schedules: Schedules, path: str | Path) -> None:
    """Write the workbook atomically."""
    atomic_write(path, xlsx_bytes(schedules))
