"""Visibility against published references: CGAL Visibility_2 test cases and VisiLibity1 examples.

The reference files live in ``shared/realdata/visibility`` beside the clone
(they are GPL/LGPL and are not copied into the project); the tests skip when
the folder is absent.
"""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
import shapely
from shapely.geometry import MultiLineString, Point, Polygon

from planner.geometry import LevelGeometry


def _shared() -> Path | None:
    here = Path(__file__).resolve()
    for candidate in (here.parents[3] / "shared", here.parents[2] / "shared"):
        if (candidate / "realdata" / "visibility").is_dir():
            return candidate / "realdata" / "visibility"
    return None


DATA = _shared()
pytestmark = pytest.mark.skipif(DATA is None, reason="shared/realdata/visibility not available")


def _num(text: str) -> float:
    return float(Fraction(text))


def _read_cgal(path: Path):
    lines = [ln.strip() for ln in path.read_text().splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    it = iter(lines)
    query = tuple(_num(v) for v in next(it).split())
    ref = tuple(_num(v) for v in next(it).split())

    def arrangement():
        n_iso = int(next(it))
        for _ in range(n_iso):
            next(it)
        n_edges = int(next(it))
        return [tuple(_num(v) for v in next(it).split()) for _ in range(n_edges)]

    env = arrangement()
    expected = arrangement()
    return query, ref, env, expected


def _faces(edges) -> list[Polygon]:
    lines = MultiLineString([((x0, y0), (x1, y1)) for x0, y0, x1, y1 in edges])
    return list(shapely.get_parts(shapely.polygonize(shapely.get_parts(shapely.union_all(lines)))))


def _cgal_cases():
    if DATA is None:
        return []
    files = (DATA / "cgal_visibility_2").glob("test_simple_polygon_*.dat")
    return sorted(files, key=lambda p: int(p.stem.split("_")[-1]))


@pytest.mark.parametrize("path", _cgal_cases(), ids=lambda p: p.stem)
def test_cgal_simple_polygon_cases(path):
    query, _reference_point, env, expected = _read_cgal(path)
    faces = _faces(env)
    assert len(faces) == 1
    domain = faces[0]
    geo = LevelGeometry.from_free_space(domain)
    ours = geo.visibility(query, snap=False)
    exp_faces = _faces(expected)
    want = shapely.union_all(exp_faces) if exp_faces else Polygon()
    assert ours.is_valid
    assert ours.area == pytest.approx(want.area, rel=1e-9, abs=1e-9)
    assert ours.symmetric_difference(want).area < 1e-9 * max(1.0, want.area)


def _read_environment(path: Path) -> Polygon:
    rings: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("//"):
            if current:
                rings.append(current)
                current = []
            continue
        x, y = line.split()[:2]
        current.append((float(x), float(y)))
    if current:
        rings.append(current)
    return Polygon(rings[0], rings[1:])


def _read_guards(path: Path) -> list[tuple[float, float]]:
    pts = []
    for line in path.read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            x, y = line.split()[:2]
            pts.append((float(x), float(y)))
    return pts


def test_visilibity_example1_guards():
    folder = DATA / "visilibity1"
    env = _read_environment(folder / "example1.environment")
    assert env.is_valid
    reference = json.loads((folder / "example1.visibility_reference.generated.json").read_text())
    result = reference["results"]["example1.environment"]
    assert env.area == pytest.approx(result["area"], rel=1e-8)
    geo = LevelGeometry.from_free_space(env)
    guards = _read_guards(folder / "example1.guards")
    assert len(guards) == len(result["guards"])
    for guard, expected in zip(guards, result["guards"], strict=True):
        want = Polygon(expected["visibility_polygon"])
        ours = geo.visibility(guard, snap=False)
        assert ours.is_valid
        assert ours.area == pytest.approx(expected["area"], rel=1e-6), guard
        assert ours.symmetric_difference(want).area < 1e-6 * env.area, guard


def test_visilibity_example2_environment_interior_points():
    folder = DATA / "visilibity1"
    env = _read_environment(folder / "example2.environment")
    assert env.is_valid
    geo = LevelGeometry.from_free_space(env)
    from tests.unit.geometry_fixtures import reference_visibility

    minx, miny, maxx, maxy = env.bounds
    checked = 0
    for i in range(40):
        q = (minx + (maxx - minx) * ((i * 0.618) % 1), miny + (maxy - miny) * ((i * 0.382 + 0.1) % 1))
        if not env.contains(Point(q)):
            continue
        ours = geo.visibility(q)
        want = reference_visibility(env, q)
        assert ours.symmetric_difference(want).area < 1e-6 * env.area
        checked += 1
    assert checked > 10
