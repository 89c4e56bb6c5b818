"""The coverage cache: rebuild a level only when its walls change, recompute only the moved camera."""

from __future__ import annotations

import pytest

from planner.geometry import CoverageEngine
from planner.model import Camera, Move, Project, SetProperty
from tests.unit.geometry_fixtures import grid_level


def _project() -> Project:
    level = grid_level(3)
    level.cameras = [
        Camera(id=f"c{i}", position=(2.0 + 4 * (i % 3), 2.0 + 4 * (i // 3)), heading_deg=45.0 * i, range_m=6.0)
        for i in range(6)
    ]
    return Project(levels=[level])


def test_moving_one_camera_recomputes_only_that_camera():
    project = _project()
    engine = CoverageEngine()
    first = engine.project_coverage(project)
    assert engine.stats == {"levels_built": 1, "coverages_computed": 6}
    Move(["c2"], 0.5, 0.25).apply(project)
    second = engine.project_coverage(project)
    assert engine.stats == {"levels_built": 1, "coverages_computed": 7}
    for key, cov in second.items():
        assert (cov is first[key]) is (key[1] != "c2")
    assert second[("L1", "c2")].viewpoint == (10.5, 2.25)


def test_results_stay_correct_without_change_events():
    project = _project()
    engine = CoverageEngine()
    level = project.levels[0]
    before = engine.coverage(level, level.cameras[0])
    project.update("c0", heading_deg=200.0)
    after = engine.coverage(level, level.cameras[0])
    assert after is not before
    assert engine.coverage(level, level.cameras[0]) is after


def test_editing_a_wall_rebuilds_the_level():
    project = _project()
    engine = CoverageEngine()
    engine.project_coverage(project)
    SetProperty("h1", {"material": "glass"}).apply(project)
    engine.project_coverage(project)
    assert engine.stats["levels_built"] == 2
    assert engine.stats["coverages_computed"] == 12


def test_camera_outside_the_domain_grows_it():
    project = _project()
    engine = CoverageEngine(margin_m=2.0)
    level = project.levels[0]
    far = Camera(id="far", position=(60.0, 60.0), range_m=3.0, kind="ptz")
    cov = engine.coverage(level, far)
    assert cov.viewpoint == (60.0, 60.0)
    assert cov.area_m2 == pytest.approx(28.27, abs=0.01)


def test_invalidate_and_reset():
    project = _project()
    engine = CoverageEngine()
    level = project.levels[0]
    a = engine.coverage(level, level.cameras[0])
    engine.invalidate("c0")
    b = engine.coverage(level, level.cameras[0])
    assert a is not b
    engine.invalidate("L1")
    engine.coverage(level, level.cameras[0])
    assert engine.stats["levels_built"] == 2
    engine.invalidate()
    engine.coverage(level, level.cameras[0])
    assert engine.stats["levels_built"] == 3


def test_identical_levels_are_cached_per_level():
    project = _project()
    engine = CoverageEngine(bands=False)
    cov = engine.project_coverage(project)
    assert all(c.bands == {} for c in cov.values())
