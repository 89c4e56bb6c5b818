"""Time `planner coverage` as a whole process on a 1,000-camera building, against a VisiLibity pipeline.

The building is the one of ``bench_check.py`` (20 levels, each a 10 x 10 grid of 4 m rooms, 50 cameras per
level). Both sides run as fresh processes in the same run, writing GeoJSON to /dev/null:

* ours: ``python -m planner coverage FILE`` (level builds, every camera's coverage with both pixel-density
  ladders and the FR region, the GeoJSON), and the same with ``--no-bands`` (the regions and FR regions
  only: the work closest to the reference's);
* VisiLibity: the same file read and each level's free space built by our code, then per camera
  ``visilibity.Visibility_Polygon`` on that free space, cut to the lens wedge and the camera's reach with
  shapely, and the regions written as GeoJSON with the C JSON encoder (no bands: VisiLibity gives visibility
  only).

The three run one after the other, ``--runs`` times, and the medians are compared (wall time, and CPU time
of the process and its children, which a loaded machine disturbs less), with Python's bytecode cached as an
installed package has it (in a temporary folder, whatever ``PYTHONDONTWRITEBYTECODE`` says; otherwise every
run would first compile the program from source). Run from the project root (needs
``apt-get install -y swig`` and ``pip install visilibity``)::

    PYTHONPATH=. python benchmarks/bench_coverage_cli.py [--levels 20] [--cameras 50] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

VISILIBITY_PIPELINE = r'''
import json, math, sys
import shapely
from shapely.geometry import Point, mapping
from shapely.geometry.polygon import orient
import visilibity as vis
from planner.io import load_project
from planner.geometry import LevelGeometry
from planner.geometry.coverage import camera_reach

project = load_project(sys.argv[1])
features = []
for level in project.levels:
    geo = LevelGeometry.from_level(level, extra_points=[c.position for c in level.cameras])
    envs = []
    for part in shapely.get_parts(geo.free_space):
        part = orient(part, 1.0)
        ring = lambda coords: vis.Polygon([vis.Point(x, y) for x, y in list(coords)[:-1]])
        envs.append((part, vis.Environment([ring(part.exterior.coords)] + [ring(i.coords) for i in part.interiors])))
    for cam in level.cameras:
        where = Point(cam.position)
        part, env = next(((p, e) for p, e in envs if p.covers(where)), envs[0])
        p = vis.Point(*cam.position)
        p.snap_to_boundary_of(env, 1e-9)
        p.snap_to_vertices_of(env, 1e-9)
        poly = vis.Visibility_Polygon(p, env, 1e-9)
        seen = shapely.Polygon([(poly[i].x(), poly[i].y()) for i in range(poly.n())])
        reach = camera_reach(cam, level.ceiling_height_m)
        far = reach[1] if reach else 0.0
        if cam.omnidirectional or cam.hfov_deg >= 360:
            lens = where.buffer(far, quad_segs=90)
        else:
            a0 = math.radians(90 - cam.heading_deg - cam.hfov_deg / 2)
            a1 = math.radians(90 - cam.heading_deg + cam.hfov_deg / 2)
            n = max(2, int((a1 - a0) / math.radians(1)) + 1)
            pts = [(cam.position[0] + far * math.cos(a0 + (a1 - a0) * k / (n - 1)),
                    cam.position[1] + far * math.sin(a0 + (a1 - a0) * k / (n - 1))) for k in range(n)]
            lens = shapely.Polygon([cam.position, *pts])
        region = seen.intersection(lens) if seen.is_valid else seen.buffer(0).intersection(lens)
        features.append({"type": "Feature", "id": cam.id, "geometry": mapping(region),
                         "properties": {"level": level.id, "camera": cam.id, "area_m2": round(region.area, 3)}})
sys.stdout.write(json.dumps({"type": "FeatureCollection", "features": features}))
'''


def _env(pycache: Path) -> dict[str, str]:
    """The environment of the timed processes: bytecode cached in ``pycache`` (as an installed package has it)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPATH": str(HERE.parent), "PYTHONPYCACHEPREFIX": str(pycache)}


def _run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds (user + system, the process and its children) of one run of ``cmd``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, default=20)
    parser.add_argument("--cameras", type=int, default=50, help="cameras per level")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    from bench_check import building

    from planner.io import save_project

    project = building(args.levels, args.cameras)
    n_cams = sum(len(lv.cameras) for lv in project.levels)
    with tempfile.TemporaryDirectory() as tmp:
        env = _env(Path(tmp) / "pycache")
        path = Path(tmp) / "tower.vplan"
        save_project(project, path)
        ours = [sys.executable, "-m", "planner", "coverage", str(path)]
        # these first runs also fill the bytecode cache
        sizes = {name: len(subprocess.run(cmd, check=True, capture_output=True, env=env).stdout)
                 for name, cmd in (("bands", ours), ("no-bands", [*ours, "--no-bands"]))}
        try:
            import visilibity  # noqa: F401
        except ImportError:
            print(f"visilibity is not installed (apt-get install -y swig; pip install visilibity); "
                  f"planner coverage alone, {n_cams} cameras: {_run(ours, env)[0]:.2f} s")
            return 0
        script = Path(tmp) / "vl.py"
        script.write_text(VISILIBITY_PIPELINE, encoding="utf-8")
        subprocess.run([sys.executable, "-c", VISILIBITY_PIPELINE.split("project = ")[0]], check=True, env=env)
        commands = {
            "bands": ours,
            "no-bands": [*ours, "--no-bands"],
            "VisiLibity": [sys.executable, str(script), str(path)],
        }
        walls: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        loads = []
        for _ in range(args.runs):  # the three side by side, run after run
            for name, cmd in commands.items():
                wall, cpu = _run(cmd, env)
                walls[name].append(wall)
                cpus[name].append(cpu)
            loads.append(os.getloadavg()[0])
    wall = {name: statistics.median(v) for name, v in walls.items()}
    cpu = {name: statistics.median(v) for name, v in cpus.items()}
    ref, ref_cpu = wall["VisiLibity"], cpu["VisiLibity"]
    print(f"{args.levels} levels, {n_cams} cameras; median of {args.runs} whole-process runs each, alternating; "
          f"load average {min(loads):.2f}-{max(loads):.2f} on {os.cpu_count()} processors")
    print(f"{'':48} {'wall s':>7} {'ratio':>6} {'cpu s':>7} {'ratio':>6}")
    rows = (
        (f"planner coverage (GeoJSON {sizes['bands'] / 1e6:.1f} MB, with bands)", "bands"),
        (f"planner coverage --no-bands (GeoJSON {sizes['no-bands'] / 1e6:.1f} MB)", "no-bands"),
        ("VisiLibity pipeline (visibility, lens, GeoJSON)", "VisiLibity"),
    )
    for label, name in rows:
        print(f"{label:48} {wall[name]:7.2f} {wall[name] / ref:6.3f} {cpu[name]:7.2f} {cpu[name] / ref_cpu:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
