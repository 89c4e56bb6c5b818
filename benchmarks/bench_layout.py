"""Benchmark the camera layout optimiser: time, cameras, cost, bound, gap and requirement met, against greedy-only.

Plans: the hotel sample's ground floor with its cameras removed, and a 10 x 10-room level (4 m rooms,
0.9 m doors in the middle of every interior wall; rooms are shops, every seventh a restroom).
Each plan is laid out by the MILP (greedy start, HiGHS) and, in the same run, by the greedy cover alone.

    PYTHONPATH=. python benchmarks/bench_layout.py                 # both plans, a few minutes
    PYTHONPATH=. python benchmarks/bench_layout.py --quick         # the hotel only
    PYTHONPATH=. python benchmarks/bench_layout.py --json out.json
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time

from planner.assets import sample_path
from planner.io import load_project
from planner.io.codec import decode_project, encode_project
from planner.layout import LayoutOptions, layout_command, plan_level
from planner.model import Level, Opening, Project, Venue, Wall, Zone
from planner.rules import check_project

ROOM, WALL, DOOR = 4.0, 0.15, 0.9


def grid_project(n: int = 10) -> Project:
    size = n * ROOM
    walls = [Wall(id="outer", path=((0.0, 0.0), (size, 0.0), (size, size), (0.0, size), (0.0, 0.0)), thickness_m=WALL)]
    openings = []
    for i in range(1, n):
        c = i * ROOM
        walls.append(Wall(id=f"h{i}", path=((0.0, c), (size, c)), thickness_m=WALL))
        walls.append(Wall(id=f"v{i}", path=((c, 0.0), (c, size)), thickness_m=WALL))
        for j in range(n):
            m = j * ROOM + ROOM / 2
            openings.append(Opening(id=f"dh{i}_{j}", kind="door", segment=((m - DOOR / 2, c), (m + DOOR / 2, c))))
            openings.append(Opening(id=f"dv{i}_{j}", kind="door", segment=((c, m - DOOR / 2), (c, m + DOOR / 2))))
    zones = []
    for i in range(n):
        for j in range(n):
            k = i * n + j
            use = "restroom" if k % 7 == 3 else "retail"
            zones.append(Zone(id=f"r{i}_{j}", name=f"Room {i},{j}", use=use,
                              polygon=((i * ROOM, j * ROOM), ((i + 1) * ROOM, j * ROOM),
                                       ((i + 1) * ROOM, (j + 1) * ROOM), (i * ROOM, (j + 1) * ROOM))))
    return Project(venue=Venue(name="Grid"), levels=[Level(id="L1", zones=zones, walls=walls, openings=openings)])


def run(name: str, project: Project, level_id: str, time_limit: float, **kw: object) -> dict:
    opts = LayoutOptions(time_limit_s=time_limit, **kw)  # type: ignore[arg-type]
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    lay = plan_level(project, level_id, opts)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    work = decode_project(encode_project(project))
    cmd = layout_command(work, [lay])
    if cmd is not None:
        cmd.apply(work)
    findings = check_project(work).findings
    privacy = sum(1 for f in findings if f.code in ("VIEW_INTO_PRIVATE_SPACE", "DEVICE_IN_PRIVATE_SPACE")
                  and f.level == level_id)
    signs_missing = sum(1 for f in findings if f.code == "SIGN_MISSING" and f.level == level_id)
    s = lay.solution
    bound = s.bound if s is not None and math.isfinite(s.bound) else None
    row = {
        "plan": name, "method": (s.method if s else "-") + ("/count" if kw.get("objective") == "count" else ""),
        "seconds": round(wall, 1), "cpu_s": round(cpu, 1), "candidates": lay.candidates,
        "cameras": len(lay.cameras), "cost": round(lay.cost, 2),
        "bound": None if bound is None else round(bound, 2),
        "ratio": None if not bound else round((len(lay.cameras) if kw.get("objective") == "count" else lay.cost)
                                              / bound, 3),
        "gap": None if s is None or not math.isfinite(s.gap) else round(s.gap, 3),
        "required_m2": round(lay.required_m2, 1), "reachable_m2": round(lay.reachable_m2, 1),
        "met_m2": round(lay.met_m2, 1),
        "met_of_reachable": round(lay.met_m2 / lay.reachable_m2, 4) if lay.reachable_m2 else None,
        "privacy_errors": privacy, "signs_missing": signs_missing, "signs_added": len(lay.signs),
    }
    print("  ".join(f"{k}={v}" for k, v in row.items()), flush=True)
    return row


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="the hotel only")
    ap.add_argument("--time-limit", type=float, default=20.0, help="solver time limit per run (default 20 s)")
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cpus, load {os.getloadavg()[0]:.1f}", flush=True)
    rows = []
    hotel = load_project(sample_path())
    for kw in ({}, {"use_milp": False, "local_search": False}, {"use_milp": False}, {"objective": "count"},
               {"objective": "count", "use_milp": False, "local_search": False}):
        rows.append(run("hotel L1", hotel, "L1", args.time_limit, **kw))
    if not args.quick:
        grid = grid_project(10)
        for kw in ({}, {"use_milp": False, "local_search": False}, {"use_milp": False}):
            rows.append(run("grid 10x10", grid, "L1", max(args.time_limit, 60.0), **kw))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
