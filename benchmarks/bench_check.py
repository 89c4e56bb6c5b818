"""Time a full compliance check of a 20-level, 1,000-camera building, and one camera moved.

Each level is a 10 x 10 grid of 4 m rooms (0.15 m walls, a 0.9 m door in every interior wall),
every room a zone: about one in nine a restroom, one in nine a guest room, the rest offices,
with 50 cameras per level at seeded random positions. Random cameras see into many private
rooms, so this is harsher than a real venue (every finding also computes and verifies its
remedies). Run from the project root:

    PYTHONPATH=. python benchmarks/bench_check.py [--levels 20] [--cameras 50]
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

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_visibility import ROOM, grid_level, random_cameras

from planner.geometry import LevelGeometry
from planner.io import save_project
from planner.model import Level, Project, Venue, Zone
from planner.rules import check_project
from planner.rules.engine import ComplianceEngine


def building(levels: int, cameras: int, n: int = 10) -> Project:
    out: list[Level] = []
    for k in range(levels):
        level = grid_level(n, level_id=f"L{k}", door_shift=0.1 * (k % 5))
        for i in range(n):
            for j in range(n):
                use = "restroom" if (i + 2 * j + k) % 9 == 0 else "hotel_room" if (i + 2 * j + k) % 9 == 4 else "office"
                x, y = i * ROOM, j * ROOM
                level.zones.append(Zone(id=f"L{k}z{i}_{j}", name=f"Room {i}-{j}", use=use,
                                        polygon=((x, y), (x + ROOM, y), (x + ROOM, y + ROOM), (x, y + ROOM))))
        geo = LevelGeometry.from_level(level)
        # Cameras only in offices (a camera inside a private room is a different finding).
        cams = [c for c in random_cameras(geo, (0.3, 0.3, n * ROOM - 0.3, n * ROOM - 0.3), cameras * 3, seed=k,
                                          prefix=f"L{k}c")
                if _zone_use(level, c.position) == "office"][:cameras]
        level.cameras.extend(cams)
        out.append(level)
    venue = Venue(name="Benchmark tower", operator="Op", contact="c", purpose="p", retention="30 days",
                  storage="on-device", alternative="desk", rights="ask", expected_enrolled_people=1000)
    return Project(venue=venue, levels=out)


def _zone_use(level: Level, p: tuple[float, float]) -> str:
    i, j = int(p[0] // ROOM), int(p[1] // ROOM)
    return next(z.use for z in level.zones if z.id.endswith(f"z{i}_{j}"))


def _whole_process(project: Project, runs: int) -> dict[str, tuple[float, float]]:
    """Median wall time of ``planner check FILE --format json`` as a fresh process (startup, reading, output),
    with the median processor time of the process and its workers (less swayed by other jobs on the machine)."""
    out = {}
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tower.vplan"
        save_project(project, path)
        for label, extra in (("(levels in parallel)", []), ("--jobs 1", ["--jobs", "1"])):
            times, cpu = [], []
            for _ in range(runs):
                r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                done = subprocess.run([sys.executable, "-m", "planner", "check", str(path), "--format", "json",
                                       *extra], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                                      check=False)
                times.append(time.perf_counter() - t0)
                r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu.append(r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime)
                if done.returncode not in (0, 1):  # an older planner without --jobs
                    break
            else:
                out[label] = (statistics.median(times), statistics.median(cpu))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--levels", type=int, default=20)
    parser.add_argument("--cameras", type=int, default=50, help="cameras per level")
    parser.add_argument("--runs", type=int, default=3, help="whole-process runs (median)")
    args = parser.parse_args(argv)
    project = building(args.levels, args.cameras)
    n_cams = sum(len(lv.cameras) for lv in project.levels)

    # What `planner check` does: a fresh engine, no pixel-density bands, remedies for every finding.
    t0 = time.perf_counter()
    result = check_project(project)
    cold = time.perf_counter() - t0
    views = sum(1 for f in result.findings if f.code == "VIEW_INTO_PRIVATE_SPACE")

    t0 = time.perf_counter()
    check_project(project, engine=ComplianceEngine(project, remedies=False, bands=False))
    cold_no_remedies = time.perf_counter() - t0

    # What the editor does: a long-lived engine with bands (drawn), rechecked after an edit.
    engine = ComplianceEngine(project)
    check_project(project, engine=engine)
    t0 = time.perf_counter()
    check_project(project, engine=engine)
    warm = time.perf_counter() - t0

    level = project.levels[0]
    live = ComplianceEngine(project, remedies=False)
    moves, moves_remedies = [], []
    for i in range(40):
        cam = level.cameras[i % len(level.cameras)]
        project.update(cam.id, heading_deg=cam.heading_deg + 7)
        t0 = time.perf_counter()
        live.coverage(level, cam)
        live.view_findings(level, cam)
        moves.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        engine.coverage(level, cam)
        engine.view_findings(level, cam)
        moves_remedies.append(time.perf_counter() - t0)

    whole = _whole_process(project, args.runs)

    print(f"building: {args.levels} levels, {n_cams} cameras; {len(result.findings)} findings "
          f"({views} views into private rooms, each with verified remedies)")
    print(f"full check as `planner check` (cold: levels, coverage, remedies, signs): {cold:.2f} s")
    print(f"full check, cold, without remedies:                                   {cold_no_remedies:.2f} s")
    print(f"full check, warm cache (after one edit, as in the editor):            {warm:.2f} s")
    for label, (seconds, cpu) in whole.items():
        print(f"whole process `planner check --format json` {label:22}: {seconds:.2f} s (processor {cpu:.2f} s)")
    print(f"one camera turned -> coverage with bands + findings, median:          "
          f"{statistics.median(moves) * 1000:.2f} ms")
    print(f"  ... findings with verified remedies, median:                        "
          f"{statistics.median(moves_remedies) * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
