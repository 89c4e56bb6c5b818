"""Hand-built scenarios for the finding codes not covered elsewhere, with expected values."""

from __future__ import annotations

import pytest
import shapely

from planner.model import Camera, Level, Project, Venue, Wall, Zone
from planner.rules import check_project
from tests.venues import FULL_NOTICE, corridor_and_restroom, rect


def by_code(project: Project, code: str) -> list:
    return [f for f in check_project(project).findings if f.code == code]


def test_view_area_through_doorway_matches_hand_computation() -> None:
    """From (0.5, 1) the doorway (x 2.0-2.9 in a 0.15 m wall on y = 2) lets through the rays of slope
    0.4479 (past the right jamb's top corner) to 0.6167 (past the left jamb's bottom corner); inside the
    restroom, shrunk by 5 cm at its edges and less the wall bodies, they bound the visible region."""
    project = corridor_and_restroom()
    project.remove("c2")
    (finding,) = by_code(project, "VIEW_INTO_PRIVATE_SPACE")
    cx, cy = 0.5, 1.0
    s_lo = (2.075 - cy) / (2.9 - cx)  # right jamb, wall face on the restroom side
    s_hi = (1.925 - cy) / (2.0 - cx)  # left jamb, wall face on the corridor side
    far = 20.0
    wedge = shapely.Polygon([(cx, cy), (cx + far, cy + s_lo * far), (cx + far, cy + s_hi * far)])
    core = shapely.box(1.5, 2.0, 4.5, 5.0).buffer(-0.05, join_style="mitre")
    walls = shapely.union_all([
        shapely.box(1.425, 1.925, 4.575, 2.075).difference(shapely.box(2.0, 1.9, 2.9, 2.1)),  # corridor wall, doorway
        shapely.box(1.425, 1.925, 1.575, 5.075), shapely.box(1.425, 4.925, 4.575, 5.075),  # restroom walls
        shapely.box(4.425, 1.925, 4.575, 5.075),
    ])
    expected = wedge.intersection(core).difference(walls).area
    assert finding.area_m2 == pytest.approx(expected, rel=1e-3)


def test_bow_tie_zone_is_invalid_geometry_and_the_check_still_runs() -> None:
    project = corridor_and_restroom()
    project.insert("L1", Zone(id="bow", name="Bow", use="restroom", polygon=((6, 0), (8, 2), (8, 0), (6, 2))))
    result = check_project(project)
    (finding,) = [f for f in result.findings if f.code == "INVALID_GEOMETRY"]
    assert finding.zone == "bow" and finding.severity == "warning"
    assert "Self-intersection" in finding.message
    assert finding.details["repaired_area_m2"] == pytest.approx(2.0)
    # The repaired zone still takes part: a camera standing in one lobe is inside a private space.
    project.insert("L1", Camera(id="c9", position=(6.3, 1.0)))
    assert ("c9", "bow") in {(f.camera, f.zone) for f in by_code(project, "DEVICE_IN_PRIVATE_SPACE")}


def test_degenerate_zone_and_self_crossing_wall() -> None:
    project = corridor_and_restroom()
    project.insert("L1", Zone(id="flat", polygon=((0, 0), (5, 0.001), (10, 0))))
    project.insert("L1", Wall(id="zig", path=((0, 0.5), (3, 1.5), (3, 0.5), (0, 1.5))))
    found = {(f.zone, f.details.get("wall")) for f in by_code(project, "INVALID_GEOMETRY")}
    assert ("flat", None) in found
    assert (None, "zig") in found


@pytest.mark.parametrize(("people", "filed", "expected"), [
    (99_999, "", set()),
    (100_000, "", {"FILING_REQUIRED"}),
    (250_000, "CAC-2026-0042", set()),
    (None, "", {"FILING_UNKNOWN"}),
])
def test_filing_threshold(people: int | None, filed: str, expected: set[str]) -> None:
    project = corridor_and_restroom(fr=True)
    project.update("venue", expected_enrolled_people=people, filing_reference=filed)
    codes = {f.code for f in check_project(project).findings} & {"FILING_REQUIRED", "FILING_UNKNOWN"}
    assert codes == expected
    if expected == {"FILING_REQUIRED"}:
        (f,) = by_code(project, "FILING_REQUIRED")
        assert f.severity == "warning" and "100000" in f.message


def test_no_face_recognition_means_no_face_recognition_notice_findings() -> None:
    project = corridor_and_restroom(venue={"name": "Bare", "operator": "Bare Ltd.", "contact": "010 5555 0100"})
    codes = {f.code for f in check_project(project).findings}
    assert not codes & {"NOTICE_INCOMPLETE", "NO_ALTERNATIVE", "FILING_REQUIRED", "FILING_UNKNOWN",
                        "IMPACT_ASSESSMENT_REQUIRED"}


def test_cctv_signs_without_operator_or_contact_are_an_incomplete_notice() -> None:
    """The check names what the CCTV signs would print as "to be completed" (planner signs marks them DRAFT)."""
    project = corridor_and_restroom(venue={"name": "Bare", "operator": "Bare Ltd."})
    (finding,) = by_code(project, "NOTICE_INCOMPLETE")
    assert finding.details["missing_fields"] == ["contact"]
    assert finding.severity == "error" and "contact" in finding.message
    assert not by_code(project, "NO_ALTERNATIVE")  # no face recognition: no alternative needed


def test_impact_assessment_recorded_clears_the_reminder() -> None:
    project = corridor_and_restroom(fr=True)
    assert by_code(project, "IMPACT_ASSESSMENT_REQUIRED")
    project.update("venue", impact_assessment_date="2026-10-01")
    assert not by_code(project, "IMPACT_ASSESSMENT_REQUIRED")


def test_device_move_remedy_lands_in_a_public_zone() -> None:
    project = corridor_and_restroom()
    (finding,) = by_code(project, "DEVICE_IN_PRIVATE_SPACE")
    move = next(r for r in finding.remedies if r.kind == "move")
    assert shapely.box(0, 0, 10, 2).buffer(-0.29).contains(shapely.Point(move.position))


def test_glass_lets_a_view_through_and_frosted_does_not() -> None:
    def venue(material: str) -> Project:
        level = Level(
            id="L1",
            zones=[Zone(id="shop", use="retail", polygon=rect(0, 0, 10, 6)),
                   Zone(id="fit", use="fitting_room", polygon=rect(10, 0, 13, 6))],
            walls=[Wall(id="outer", path=((0, 0), (13, 0), (13, 6), (0, 6), (0, 0)), thickness_m=0.2),
                   Wall(id="front", path=((10, 0), (10, 6)), thickness_m=0.1, material=material)],
            cameras=[Camera(id="c", position=(1, 3), heading_deg=90, hfov_deg=60, range_m=15)],
        )
        return Project(venue=Venue(**FULL_NOTICE), levels=[level])

    (glass,) = by_code(venue("glass"), "VIEW_INTO_PRIVATE_SPACE")
    assert glass.zone == "fit" and glass.area_m2 > 5
    assert not by_code(venue("frosted"), "VIEW_INTO_PRIVATE_SPACE")
    assert not by_code(venue("opaque"), "VIEW_INTO_PRIVATE_SPACE")
