"""The editor's live findings are the full check's: cameras moved through the samples, compared after each move."""

from __future__ import annotations

import random

import pytest
import shapely

from planner.assets import sample_path
from planner.io import load_project
from planner.model import Camera, Level, Project, Venue, Wall, Zone
from planner.rules import check_project
from planner.rules.engine import ComplianceEngine
from planner.ui.compliance import LiveCompliance

pytestmark = pytest.mark.gui


def _keys(findings, codes) -> list[tuple]:  # type: ignore[no-untyped-def]
    return sorted((f.code, f.level, f.camera, f.zone, f.severity, None if f.area_m2 is None else round(f.area_m2, 6))
                  for f in findings if f.code in codes)


def _targets(project: Project, rng: random.Random) -> list[tuple[str, tuple[float, float], float]]:
    """(camera, position, heading): each camera into a few zones, private ones among them, and onto a wall."""
    moves = []
    for level, camera in project.cameras():
        zones = [z for z in level.zones if len(z.polygon) >= 3]
        for zone in rng.sample(zones, min(3, len(zones))):
            inside = shapely.Polygon(zone.polygon).representative_point()
            moves.append((camera.id, (round(inside.x, 3), round(inside.y, 3)), rng.uniform(0, 360)))
        # set in a wall: sight is computed from a point snapped off it, perhaps on a private side
        wall = rng.choice(level.walls)
        (ax, ay), (bx, by) = wall.path[0], wall.path[1]
        t = rng.uniform(0.2, 0.8)
        moves.append((camera.id, (round(ax + t * (bx - ax), 3), round(ay + t * (by - ay), 3)), rng.uniform(0, 360)))
    rng.shuffle(moves)
    return moves


def _thick_wall() -> Project:
    """A restroom and a corridor drawn to the faces of a 0.3 m wall, a camera to be set in the wall."""
    level = Level(id="L1", walls=[Wall(id="w", path=((0.0, 3.0), (20.0, 3.0)), thickness_m=0.3)],
                  zones=[Zone(id="corr", use="corridor", polygon=((0, 3.15), (20, 3.15), (20, 6), (0, 6))),
                         Zone(id="wc", use="restroom", polygon=((0, 0), (20, 0), (20, 2.85), (0, 2.85)))],
                  cameras=[Camera(id="c1", position=(7.0, 5.0), heading_deg=90.0, range_m=10.0)])
    return Project(venue=Venue(name="Wall"), levels=[level])


@pytest.mark.parametrize("sample", ["harbour-hotel", "mall-fitting", "thick-wall"])
def test_live_findings_equal_the_full_check_after_every_move(qtbot, sample: str) -> None:  # type: ignore[no-untyped-def]
    project = _thick_wall() if sample == "thick-wall" else load_project(sample_path(sample))
    live = LiveCompliance()
    live.set_project(project)
    live.set_interacting(True)  # as during a drag: only the live updates run
    codes = ComplianceEngine.CAMERA_CODES
    assert _keys(live.findings, codes) == _keys(check_project(project).findings, codes)
    moves = _targets(project, random.Random(sample))
    if sample == "thick-wall":  # set in the wall, looking at the restroom: its sight starts on the private side
        moves += [("c1", (x, 3.0), 180.0) for x in (3.0, 9.5, 15.0)]
    assert len(moves) >= 5
    seen_codes = set()
    for camera_id, position, heading in moves:
        project.update(camera_id, position=position, heading_deg=heading)
        qtbot.waitUntil(lambda: not live.pending, timeout=3000)
        expected = check_project(load_project_copy(project)).findings
        assert _keys(live.findings, codes) == _keys(expected, codes), (camera_id, position)
        seen_codes |= {f.code for f in live.findings}
    # the moves took cameras into private rooms and let them look into others
    assert ({"DEVICE_IN_PRIVATE_SPACE"} if sample == "thick-wall" else set(codes)) <= seen_codes
    live.set_interacting(False)
    live.refresh()
    full = check_project(load_project_copy(project))
    assert [f.to_json() for f in live.findings] == [f.to_json() for f in full.findings]
    live.set_project(None)


def load_project_copy(project: Project) -> Project:
    """The project as saved and read back: the full check runs with no cache shared with the editor."""
    from planner.io import decode_project, encode_project

    return decode_project(encode_project(project))
