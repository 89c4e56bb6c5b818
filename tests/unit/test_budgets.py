"""Budgets instead of cliffs: documented limits refused at once, dense outlines and huge curves bounded."""

from __future__ import annotations

import io
import re
from pathlib import Path

import ezdxf
import pytest
import shapely

from planner.cli import main
from planner.io import encode_project, load_project, save_project
from planner.io.budget import BUDGET
from planner.model import Camera
from planner.rules.graze import EXACT_VERTICES, graze_core
from planner.rules.spatial import IndexedZones, near
from tests.venues import corridor_and_restroom

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def zigzag(n: int, x0: float = 0.0, x1: float = 100.0, y0: float = 0.0, y1: float = 11.0) -> shapely.Polygon:
    top = [(x0 + (x1 - x0) * i / (n - 3), y1 if i % 2 else y1 - 1.0) for i in range(n - 2)]
    return shapely.Polygon([(x0, y0), (x1, y0), *top[::-1]])


def test_dense_zigzag_core_is_bounded_and_close_to_exact() -> None:
    exact_n = EXACT_VERTICES - 2  # the exact path still runs at the threshold (closing point included)
    poly = zigzag(exact_n)
    exact = poly.buffer(-0.05, join_style="mitre")
    assert graze_core(poly, 0.05).equals(exact)
    dense = zigzag(100_000)
    core = graze_core(dense, 0.05)  # a negative buffer of this outline ran out of memory
    reference = shapely.box(0.05, 0.05, 99.95, 9.95)  # the teeth (1 mm wide) vanish, the body stays
    assert core.symmetric_difference(reference).area < 0.02 * reference.area
    assert shapely.get_num_coordinates(core) < 20_000


def test_budgets_are_refused_at_load_with_the_item_named(tmp_path: Path) -> None:
    project = corridor_and_restroom()
    zone = project.levels[0].zones[0]
    data = encode_project(project)
    data["levels"][0]["zones"][0]["polygon"] = [list(p) for p in shapely.get_coordinates(
        zigzag(BUDGET.vertices_per_polygon + 10))]
    path = tmp_path / "big.json"
    import json

    path.write_text(json.dumps(data))
    code, _, err = run("check", str(path))
    assert code == 2 and err.count("\n") == 1, err
    assert f"levels[0].zones[0].polygon: {BUDGET.vertices_per_polygon + 10 - 1:,}" in err or "vertices" in err
    assert zone.id  # the message names the JSON path, not a traceback
    data = encode_project(corridor_and_restroom())
    cam = data["levels"][0]["cameras"][0]
    data["levels"][0]["cameras"] = [{**cam, "id": f"c{i}"} for i in range(BUDGET.cameras_per_level + 1)]
    path.write_text(json.dumps(data))
    code, _, err = run("check", str(path))
    assert code == 2 and "cameras on one level; at most" in err, err
    data["levels"][0]["cameras"] = [{**cam, "position": [2e6, 0]}]
    path.write_text(json.dumps(data))
    code, _, err = run("check", str(path))
    assert code == 2 and "levels[0].cameras[0].position" in err, err


def test_limits_are_documented() -> None:
    text = (ROOT / "docs" / "limits.md").read_text(encoding="utf-8")
    for value in (BUDGET.vertices_per_polygon, BUDGET.vertices_per_level, BUDGET.cameras_per_level,
                  BUDGET.cameras_per_project, BUDGET.walls_per_level):
        assert f"{value:,}" in text, value
    from planner.importers.limits import CURVE_LIMITS

    assert f"{CURVE_LIMITS.segments:,}" in text and f"{CURVE_LIMITS.extent_m:,.0f}" in text


@pytest.mark.parametrize("kind", ["circle", "arc"])
@pytest.mark.parametrize("radius", [1e303, 1e9, float("1e308")])
def test_huge_dxf_curves_on_a_wall_layer_are_skipped_not_flattened(tmp_path: Path, radius: float, kind: str) -> None:
    doc = ezdxf.new()
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (10000, 0), (10000, 8000), (0, 8000)], close=True, dxfattribs={"layer": "WALL"})
    if kind == "circle":
        msp.add_circle((5000, 4000), radius, dxfattribs={"layer": "WALL"})
    else:
        msp.add_arc((5000, 4000), radius, 0, 90, dxfattribs={"layer": "WALL"})
    src = tmp_path / "c.dxf"
    doc.saveas(src)
    code, out, err = run("import", str(src), "-o", str(tmp_path / "c.vplan"))
    assert code == 0, err
    assert "skipped" in out
    project = load_project(tmp_path / "c.vplan")
    xs = [x for wall in project.levels[0].walls for x, _ in wall.path]
    assert max(xs) - min(xs) < 11  # the plan is the 10 m room, not a far-off circle


def test_a_large_circle_is_flattened_within_the_segment_budget(tmp_path: Path) -> None:
    from ezdxf import path as ezpath

    from planner.importers.limits import CURVE_LIMITS, curve_points

    msp = ezdxf.new().modelspace()
    points = curve_points(ezpath.make_path(msp.add_circle((0, 0), 5e7)), 10.0, metres_per_unit=0.001)
    assert 100 < len(points) <= CURVE_LIMITS.segments
    radii = [abs(complex(*p)) for p in points]
    assert min(radii) == pytest.approx(5e7, rel=1e-3) and max(radii) == pytest.approx(5e7, rel=1e-3)


def test_spatial_index_finds_what_a_scan_finds() -> None:
    import random
    from types import SimpleNamespace

    rnd = random.Random(4)
    items = IndexedZones(SimpleNamespace(polygon=shapely.box(x, y, x + rnd.uniform(0.5, 5), y + rnd.uniform(0.5, 5)))
                         for x, y in ((rnd.uniform(0, 200), rnd.uniform(0, 200)) for _ in range(500)))
    for _ in range(50):
        probe = shapely.Point(rnd.uniform(0, 200), rnd.uniform(0, 200)).buffer(rnd.uniform(1, 30))
        scanned = [z for z in items if shapely.intersects(z.polygon, probe)]
        found = [z for z in near(items, probe) if shapely.intersects(z.polygon, probe)]
        assert found == scanned


def test_check_of_a_dense_private_zone_ends(tmp_path: Path) -> None:
    project = corridor_and_restroom(fr=True)
    zone = next(z for z in project.levels[0].zones if z.use == "restroom")
    xs = [p[0] for p in zone.polygon]
    ys = [p[1] for p in zone.polygon]
    poly = zigzag(10_000, min(xs), max(xs), min(ys), max(ys))
    project.update(zone.id, polygon=tuple(map(tuple, shapely.get_coordinates(poly)[:-1])))
    path = tmp_path / "z.vplan"
    save_project(project, path)
    code, out, err = run("check", str(path), "--format", "json")
    assert code in (0, 1), err
    assert re.search(r'"VIEW_INTO_PRIVATE_SPACE"|"DEVICE_IN_PRIVATE_SPACE"', out)
    assert isinstance(project.levels[0].cameras[0], Camera)
