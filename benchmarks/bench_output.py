"""Time the print output: 200 signs, and the guide and report of a 1,000-camera venue.

The venue is the bundled Harbour Hotel sample with its two levels replicated
(ids prefixed per copy, backgrounds shared) until it holds at least 1,000
cameras: 112 copies, 224 levels, 1,008 cameras, with the sample's deliberate
problems in every copy (a view into a restroom, a camera in a guest room,
missing FR signs), so the report has hundreds of findings with plan snippets.
The compliance check is timed separately from the PDF output. Run from the
project root:

    PYTHONPATH=. python benchmarks/bench_output.py [--signs 200] [--cameras 1000] [--out DIR]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from planner.assets import sample_path
from planner.io import load_project
from planner.model import Camera, Level, Opening, Project, Sign, Wall, Zone
from planner.output.guide import guide_pdf_bytes
from planner.output.report import report_pdf_bytes
from planner.output.signs import signs_pdf_bytes
from planner.rules import check_project
from planner.rules.engine import ComplianceEngine


def _copy_level(level: Level, prefix: str) -> Level:
    def pid(value: str | None) -> str | None:
        return None if value is None else prefix + value

    return Level(
        id=prefix + level.id, name=f"{level.name} ({prefix.rstrip('-')})", elevation_m=level.elevation_m,
        ceiling_height_m=level.ceiling_height_m, backgrounds=list(level.backgrounds),
        zones=[Zone(id=prefix + z.id, name=z.name, use=z.use, polygon=z.polygon) for z in level.zones],
        walls=[Wall(id=prefix + w.id, path=w.path, thickness_m=w.thickness_m, material=w.material,
                    height_m=w.height_m) for w in level.walls],
        openings=[Opening(id=prefix + o.id, kind=o.kind, segment=o.segment, wall=pid(o.wall)) for o in level.openings],
        cameras=[Camera(id=prefix + c.id, name=c.name, position=c.position, mount_height_m=c.mount_height_m,
                        heading_deg=c.heading_deg, hfov_deg=c.hfov_deg, tilt_deg=c.tilt_deg, resolution=c.resolution,
                        range_m=c.range_m, face_recognition=c.face_recognition, kind=c.kind,
                        privacy_masks=c.privacy_masks) for c in level.cameras],
        signs=[Sign(id=prefix + s.id, kind=s.kind, position=s.position, facing_deg=s.facing_deg,
                    mount_height_m=s.mount_height_m, size=s.size) for s in level.signs],
    )


def replicated_hotel(min_cameras: int) -> Project:
    """The hotel sample's levels copied until the venue holds at least ``min_cameras`` cameras."""
    hotel = load_project(sample_path("harbour-hotel"))
    per_copy = sum(len(lv.cameras) for lv in hotel.levels)
    copies = -(-min_cameras // per_copy)
    levels = [_copy_level(level, f"B{k + 1}-") for k in range(copies) for level in hotel.levels]
    project = Project(venue=hotel.venue, levels=levels)
    project.files = dict(hotel.files)
    project.venue.report_date = "2025-07-01"
    return project


def signs_project(n: int) -> Project:
    """The hotel with ``n`` placed signs (its own signs repeated along the ground-floor corridor)."""
    hotel = load_project(sample_path("harbour-hotel"))
    level = hotel.levels[0]
    kinds = ("fr_notice", "cctv_notice")
    sizes = ("A4", "A3", "A2", "Letter")
    level.signs = [Sign(id=f"bench-sign-{i}", kind=kinds[i % 2], position=(1.0 + (i % 38), 17.0), facing_deg=180.0,
                        size=sizes[i % 4]) for i in range(n)]
    for other in hotel.levels[1:]:
        other.signs = []
    hotel._reindex()
    return hotel


def _time(label: str, fn, *args, **kwargs):
    t0 = time.perf_counter()
    out = fn(*args, **kwargs)
    dt = time.perf_counter() - t0
    return out, dt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--signs", type=int, default=200)
    parser.add_argument("--cameras", type=int, default=1000)
    parser.add_argument("--out", type=Path, help="keep the PDFs in this folder")
    args = parser.parse_args(argv)
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="bench-output-"))
    out_dir.mkdir(parents=True, exist_ok=True)

    project = signs_project(args.signs)
    result, t_check_signs = _time("check", check_project, project)
    (data, pages), t_signs = _time("signs", signs_pdf_bytes, project, result=result)
    (out_dir / "signs.pdf").write_bytes(data)
    print(f"signs:  {args.signs} signs -> {pages} pages, {len(data) / 1e6:.1f} MB in {t_signs:.2f} s "
          f"({1000 * t_signs / pages:.0f} ms/page; check beforehand {t_check_signs:.2f} s)")

    venue = replicated_hotel(args.cameras)
    n_cams = sum(len(lv.cameras) for lv in venue.levels)
    engine = ComplianceEngine(venue)
    result, t_check = _time("check", check_project, venue, engine=engine)
    print(f"venue:  {len(venue.levels)} levels, {n_cams} cameras, {len(result.findings)} findings, "
          f"{len(result.signs_required)} sign requirements; check {t_check:.2f} s")
    (data, pages), t_report = _time("report", report_pdf_bytes, venue, result=result, engine=engine)
    (out_dir / "report.pdf").write_bytes(data)
    print(f"report: {pages} pages, {len(data) / 1e6:.1f} MB in {t_report:.2f} s (after the check)")
    (data, pages), t_guide = _time("guide", guide_pdf_bytes, venue, result=result, engine=engine)
    (out_dir / "guide.pdf").write_bytes(data)
    print(f"guide:  {pages} pages, {len(data) / 1e6:.1f} MB in {t_guide:.2f} s (after the check)")
    print(f"PDFs in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
