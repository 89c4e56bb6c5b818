"""Scaling curve: `planner check` time and memory against cameras and against zone vertices.

Cameras: one level, a grid of 4 m rooms sized so there are two rooms per camera (1k, 5k,
20k cameras), every ninth room a restroom, cameras at seeded random positions in offices.
Vertices: the two-room test venue whose restroom outline is a zigzag of n vertices
(1k ... 100k), checked as `planner check` does; plus the graze core alone. Each point runs
in a fresh process (peak memory is per run). From the project root:

    PYTHONPATH=. python benchmarks/bench_scaling.py [--cameras 1000,5000,20000] [--vertices 1000,10000,100000]
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def camera_project(cameras: int):  # type: ignore[no-untyped-def]
    from bench_check import building

    return building(1, cameras, n=max(3, math.ceil(math.sqrt(cameras * 2))))


def zigzag_project(vertices: int):  # type: ignore[no-untyped-def]
    from tests.venues import corridor_and_restroom

    project = corridor_and_restroom(fr=True)
    zone = next(z for z in project.levels[0].zones if z.use == "restroom")
    xs = [p[0] for p in zone.polygon]
    ys = [p[1] for p in zone.polygon]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    teeth = vertices - 2
    top = [(x0 + (x1 - x0) * i / (teeth - 1), y1 if i % 2 else y1 - 0.3 * (y1 - y0)) for i in range(teeth)]
    project.update(zone.id, polygon=((x0, y0), (x1, y0), *top[::-1]))
    return project


def one(kind: str, size: int) -> dict[str, float | int | str]:
    """Run one point in this process: build, save, then time `planner check` on the file."""
    import tempfile

    from planner.cli import main
    from planner.io import save_project

    project = camera_project(size) if kind == "cameras" else zigzag_project(size)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "p.vplan"
        save_project(project, path)
        import io

        out, err = io.StringIO(), io.StringIO()
        t0 = time.perf_counter()
        code = main(["check", str(path), "--format", "json"], out=out, err=err)
        seconds = time.perf_counter() - t0
    result: dict[str, float | int | str] = {"kind": kind, "size": size, "exit": code, "seconds": round(seconds, 2),
                                             "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}
    if code == 2:
        result["refused"] = err.getvalue().strip()
    elif kind == "cameras":
        result["cameras"] = json.loads(out.getvalue())["summary"]["cameras"]
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cameras", default="1000,5000,20000")
    parser.add_argument("--vertices", default="1000,10000,20000,50000,100000")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=1800)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]))))
        return 0
    rows = []
    for kind, sizes in (("cameras", args.cameras), ("vertices", args.vertices)):
        for size in (int(s) for s in sizes.split(",") if s):
            try:
                proc = subprocess.run([sys.executable, __file__, "--one", kind, str(size)], capture_output=True,
                                      text=True, timeout=args.timeout)
                row = json.loads(proc.stdout.strip().splitlines()[-1]) if proc.returncode == 0 else {
                    "kind": kind, "size": size, "error": proc.stderr.strip()[-300:]}
            except subprocess.TimeoutExpired:
                row = {"kind": kind, "size": size, "error": f"no answer in {args.timeout:g} s"}
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
