"""Benchmark the visibility and coverage engine against VisiLibity on grid plans and an open hall.

Run from the repository root::

    PYTHONPATH=. python benchmarks/bench_visibility.py [--quick] [--json OUT.json]

Plans: grids of n x n rooms (4 m rooms, 0.15 m walls, a 0.9 m door gap in
every interior wall between two rooms) for n = 3, 6, 10, 20, and an open
60 m x 60 m hall with 0.6 m columns every 6 m. For each plan it times, per
camera and in the same run:

(a) our visibility query (all round, no range: the problem VisiLibity solves),
    and the same query folded into a 90 degree lens with its detect range;
(b) our whole camera coverage (visibility, lens, masks, vertical reach,
    pixel-density bands of both ladders, face-recognition region);
(c) VisiLibity's visibility polygon on the same free space (PyPI
    ``visilibity``; skipped with a message when it is not installed);

then the cost of recomputing one moved camera on a 10 x 10 level holding 50
cameras, and the full coverage of a 20-level building with 1,000 cameras.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time

import shapely
from shapely.geometry import Point
from shapely.geometry.polygon import orient

from planner.geometry import CoverageEngine, LevelGeometry, camera_coverage
from planner.model import Camera, Level, Opening, Project, Wall

ROOM = 4.0
WALL = 0.15
DOOR = 0.9


def grid_level(n: int, *, level_id: str = "L1", door_shift: float = 0.0) -> Level:
    """n x n rooms; ``door_shift`` moves every door along its wall (distinct levels of a building)."""
    size = n * ROOM
    walls = [
        Wall(
            id=f"{level_id}outer",
            path=((0.0, 0.0), (size, 0.0), (size, size), (0.0, size), (0.0, 0.0)),
            thickness_m=WALL,
        )
    ]
    openings = []
    for i in range(1, n):
        c = i * ROOM
        walls.append(Wall(id=f"{level_id}h{i}", path=((0.0, c), (size, c)), thickness_m=WALL))
        walls.append(Wall(id=f"{level_id}v{i}", path=((c, 0.0), (c, size)), thickness_m=WALL))
        for j in range(n):
            m = j * ROOM + ROOM / 2 + door_shift
            half = DOOR / 2
            openings.append(Opening(id=f"{level_id}dh{i}_{j}", kind="door", segment=((m - half, c), (m + half, c))))
            openings.append(Opening(id=f"{level_id}dv{i}_{j}", kind="door", segment=((c, m - half), (c, m + half))))
    return Level(id=level_id, walls=walls, openings=openings)


def hall_level() -> Level:
    """A 60 m x 60 m hall with 0.6 m square columns every 6 m."""
    walls = [Wall(id="outer", path=((0.0, 0.0), (60.0, 0.0), (60.0, 60.0), (0.0, 60.0), (0.0, 0.0)), thickness_m=0.3)]
    k = 0
    for i in range(1, 10):
        for j in range(1, 10):
            x, y = 6.0 * i, 6.0 * j
            walls.append(Wall(id=f"col{k}", path=((x - 0.3, y), (x + 0.3, y)), thickness_m=0.6))
            k += 1
    return Level(id="hall", walls=walls)


def random_cameras(geo: LevelGeometry, bounds, count: int, seed: int, prefix: str = "c") -> list[Camera]:
    rnd = random.Random(seed)
    minx, miny, maxx, maxy = bounds
    cams: list[Camera] = []
    while len(cams) < count:
        q = (rnd.uniform(minx, maxx), rnd.uniform(miny, maxy))
        if not geo.contains(q):
            continue
        cams.append(
            Camera(
                id=f"{prefix}{len(cams)}",
                position=q,
                mount_height_m=2.8,
                heading_deg=rnd.uniform(0, 360),
                hfov_deg=rnd.choice([60.0, 90.0, 110.0]),
                tilt_deg=15.0,
                resolution=(1920, 1080),
                face_recognition=rnd.random() < 0.25,
                kind="fixed" if rnd.random() < 0.85 else "ptz",
                privacy_masks=((-8.0, 4.0),) if rnd.random() < 0.15 else (),
            )
        )
    return cams


def per_item_median(items, fn) -> float:
    times = []
    for item in items:
        t0 = time.perf_counter()
        fn(item)
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e6


def visilibity_env(free, point):
    """VisiLibity environment for the free-space part holding ``point`` (outer CCW, holes CW)."""
    import visilibity as vis

    part = next(p for p in shapely.get_parts(free) if p.covers(Point(point)))
    part = orient(part, 1.0)

    def ring(coords):
        return vis.Polygon([vis.Point(x, y) for x, y in list(coords)[:-1]])

    return vis.Environment([ring(part.exterior.coords)] + [ring(i.coords) for i in part.interiors]), part


def run(quick: bool) -> dict:
    try:
        import visilibity as vis
    except ImportError:
        vis = None
        print(
            "visilibity is not installed (apt-get install -y swig; pip install visilibity): "
            "the VisiLibity column is skipped",
            file=sys.stderr,
        )
    n_cams = 60 if quick else 200
    plans = [(f"grid {n}x{n}", grid_level(n), (0.2, 0.2, n * ROOM - 0.2, n * ROOM - 0.2)) for n in (3, 6, 10, 20)]
    plans.append(("hall 60x60 m", hall_level(), (0.5, 0.5, 59.5, 59.5)))
    results: dict = {"python": platform.python_version(), "shapely": shapely.__version__, "plans": []}
    header = (
        f"{'plan':14} {'tris':>6} {'build ms':>9} {'vis us':>8} {'lens us':>8} {'camera us':>10} "
        f"{'VisiLibity us':>14} {'vis/VL':>7} {'camera/VL':>10} {'VL differs':>10}"
    )
    print(header)
    print("-" * len(header))
    for name, level, bounds in plans:
        t0 = time.perf_counter()
        geo = LevelGeometry.from_level(level)
        build_ms = (time.perf_counter() - t0) * 1e3
        cams = random_cameras(geo, bounds, n_cams, seed=len(name))
        vis_us = per_item_median(cams, lambda c, g=geo: g.visibility(c.position))
        lens_us = per_item_median(
            cams,
            lambda c, g=geo: g.visibility(c.position, heading_deg=c.heading_deg, hfov_deg=c.hfov_deg, range_m=38.4),
        )
        cam_us = per_item_median(cams, lambda c, g=geo: camera_coverage(g, c))
        row = {
            "plan": name,
            "triangles": geo.triangulation.n_triangles,
            "build_ms": build_ms,
            "visibility_us": vis_us,
            "lens_visibility_us": lens_us,
            "camera_us": cam_us,
        }
        vl_text = ratio_v = ratio_c = differs = "-"
        if vis is not None:
            env, _part = visilibity_env(geo.free_space, cams[0].position)
            eps = 1e-9
            vl_cams = cams[: 40 if quick else 100]
            vl_times = []
            n_diff = 0
            for c in vl_cams:
                p = vis.Point(*c.position)
                p.snap_to_boundary_of(env, eps)
                p.snap_to_vertices_of(env, eps)
                t0 = time.perf_counter()
                poly = vis.Visibility_Polygon(p, env, eps)
                vl_times.append(time.perf_counter() - t0)
                theirs = shapely.Polygon([(poly[i].x(), poly[i].y()) for i in range(poly.n())])
                ours = geo.visibility(c.position)
                if not theirs.is_valid or theirs.symmetric_difference(ours).area > 1e-6:
                    n_diff += 1
            vl_us = statistics.median(vl_times) * 1e6
            row.update(
                visilibity_us=vl_us,
                visilibity_cameras=len(vl_cams),
                visilibity_differs=n_diff,
                ratio_visibility=vis_us / vl_us,
                ratio_camera=cam_us / vl_us,
            )
            vl_text = f"{vl_us:14.0f}"
            ratio_v = f"{vis_us / vl_us:7.3f}"
            ratio_c = f"{cam_us / vl_us:10.3f}"
            differs = f"{n_diff}/{len(vl_cams)}"
        print(
            f"{name:14} {geo.triangulation.n_triangles:6d} {build_ms:9.1f} {vis_us:8.0f} {lens_us:8.0f} "
            f"{cam_us:10.0f} {vl_text:>14} {ratio_v:>7} {ratio_c:>10} {differs:>10}"
        )
        results["plans"].append(row)

    # one camera moved on a 10 x 10 level with 50 cameras
    level = grid_level(10)
    engine = CoverageEngine()
    geo = engine.level_geometry(level)
    level.cameras = random_cameras(geo, (0.2, 0.2, 39.8, 39.8), 50, seed=11)
    project = Project(levels=[level])
    engine.project_coverage(project)
    rnd = random.Random(5)
    moved = []
    for _ in range(100 if quick else 400):
        cam = rnd.choice(level.cameras)
        x, y = cam.position
        nx, ny = x + rnd.uniform(-0.3, 0.3), y + rnd.uniform(-0.3, 0.3)
        if not geo.contains((nx, ny)):
            continue
        project.update(cam.id, position=(nx, ny))
        t0 = time.perf_counter()
        engine.coverage(level, cam)
        moved.append(time.perf_counter() - t0)
    moved_ms = statistics.median(moved) * 1e3
    print(
        f"\none camera moved (10x10 level, 50 cameras): median {moved_ms:.2f} ms, "
        f"max {max(moved) * 1e3:.2f} ms over {len(moved)} moves"
    )
    results["one_camera_moved_ms"] = moved_ms

    # a 20-level building with 1,000 cameras, cold cache
    levels = []
    for k in range(20):
        lv = grid_level(10, level_id=f"L{k + 1}", door_shift=(k - 10) * 0.05)
        g = LevelGeometry.from_level(lv)
        lv.cameras = random_cameras(g, (0.2, 0.2, 39.8, 39.8), 50, seed=100 + k, prefix=f"L{k + 1}c")
        levels.append(lv)
    building = Project(levels=levels)
    engine = CoverageEngine()
    t0 = time.perf_counter()
    cov = engine.project_coverage(building)
    total_s = time.perf_counter() - t0
    print(
        f"20 levels, {len(cov)} cameras, cold cache: {total_s:.2f} s "
        f"({engine.stats['levels_built']} level builds, {engine.stats['coverages_computed']} coverages)"
    )
    results["building_1000_cameras_s"] = total_s
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer cameras per plan")
    parser.add_argument("--json", help="also write the results to this JSON file")
    args = parser.parse_args(argv)
    results = run(args.quick)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(results, fh, indent=1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
