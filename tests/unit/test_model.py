"""Model values: validation, normalisation, ids, change events."""

from __future__ import annotations

import math

import pytest

from planner.model import Change, Level, ModelError, Project, Zone
from planner.model import fields as f
from tests.venues import corridor_and_restroom


@pytest.mark.parametrize(
    ("value", "expected"),
    [(0, 0.0), (360, 0.0), (-90, 270.0), (725.5, 5.5), (-1e-17, 0.0), (359.999, 359.999)],
)
def test_angles_are_normalised(value: float, expected: float) -> None:
    assert f.angle(value) == pytest.approx(expected)
    assert 0.0 <= f.angle(value) < 360.0


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, "1", None, True, [1]])
def test_numbers_must_be_finite_numbers(bad: object) -> None:
    with pytest.raises(f.FieldError):
        f.number(bad)


def test_polygon_needs_three_distinct_points_and_drops_closing_repeat() -> None:
    assert f.polygon([[0, 0], [1, 0], [1, 1], [0, 0]]) == ((0.0, 0.0), (1.0, 0.0), (1.0, 1.0))
    with pytest.raises(f.FieldError, match="at least 3 distinct"):
        f.polygon([[0, 0], [1, 0], [1, 0], [0, 0]])
    with pytest.raises(f.FieldError) as err:
        f.polygon([[0, 0], [1, 0], [1, "x"]])
    assert err.value.path == [2, 1]


def test_polyline_segment_resolution_transform() -> None:
    assert f.polyline([[0, 0], [0, 0], [2, 0]]) == ((0.0, 0.0), (2.0, 0.0))
    with pytest.raises(f.FieldError):
        f.polyline([[1, 1], [1, 1]])
    with pytest.raises(f.FieldError):
        f.segment([[1, 1], [1, 1]])
    assert f.resolution([1920, 1080.0]) == (1920, 1080)
    with pytest.raises(f.FieldError):
        f.resolution([1920, 0])
    with pytest.raises(f.FieldError, match="invertible"):
        f.transform([1, 0, 2, 0, 0, 0])


def test_coordinates_out_of_range_are_rejected() -> None:
    with pytest.raises(f.FieldError, match="out of range"):
        f.point([1e9, 0])


def test_privacy_masks_accept_objects_and_pairs() -> None:
    assert f.privacy_masks([{"from_deg": -10, "to_deg": 5}, [20, 30]]) == ((-10.0, 5.0), (20.0, 30.0))
    with pytest.raises(f.FieldError, match="less than"):
        f.privacy_masks([{"from_deg": 10, "to_deg": 5}])
    with pytest.raises(f.FieldError) as err:
        f.privacy_masks([{"from_deg": 0, "to_deg": 500}])
    assert err.value.path == [0, "to_deg"]


def test_choice_names_the_allowed_values() -> None:
    with pytest.raises(f.FieldError, match="glass"):
        f.choice("opaque", "glass")("brick")


def test_project_index_and_events() -> None:
    project = corridor_and_restroom()
    events: list[Change] = []
    project.changed.connect(events.append)
    assert project.get("c1").name == "Corridor"
    assert project.level_of("wc").id == "L1"
    old = project.update("c1", heading_deg=-45)
    assert old == {"heading_deg": 90.0}
    assert project.get("c1").heading_deg == 315.0
    assert events == [Change("update", "L1", "c1", ("heading_deg",), kind="camera")]
    project.changed.disconnect(events.append)
    project.update("c1", heading_deg=10)
    assert len(events) == 1


def test_invalid_update_changes_nothing() -> None:
    project = corridor_and_restroom()
    with pytest.raises(ModelError, match=r"c1\.hfov_deg"):
        project.update("c1", heading_deg=10, hfov_deg=-5)
    assert project.get("c1").heading_deg == 90.0
    with pytest.raises(ModelError, match="cannot be changed"):
        project.update("c1", id="c9")
    with pytest.raises(ModelError, match="no field"):
        project.update("c1", colour="red")


def test_duplicate_ids_are_refused() -> None:
    project = corridor_and_restroom()
    with pytest.raises(ModelError, match="duplicate"):
        project.insert("L1", Zone(id="wc", polygon=((0, 0), (1, 0), (1, 1))))
    with pytest.raises(ModelError, match="duplicate"):
        Project(levels=[Level(id="L1"), Level(id="L1")])
    with pytest.raises(ModelError, match="duplicate"):
        Project(levels=[Level(id="x", zones=[Zone(id="x", polygon=((0, 0), (1, 0), (1, 1)))])])


def test_new_id_is_unused() -> None:
    project = corridor_and_restroom()
    assert project.new_id("c") == "c3"
    assert project.new_id("z") == "z1"


def test_venue_and_level_fields_are_validated() -> None:
    project = corridor_and_restroom()
    project.update("venue", languages=["zh"], expected_enrolled_people=200_000)
    assert project.venue.languages == ("zh",)
    with pytest.raises(ModelError):
        project.update("venue", languages=["fr"])
    with pytest.raises(ModelError):
        project.update("venue", security_measures=["firewall"])
    project.update("L1", ceiling_height_m=3.5)
    assert project.level("L1").ceiling_height_m == 3.5
