"""Sign requirements: entrances into FR and CCTV areas, suggested signs, and SIGN_MISSING."""

from __future__ import annotations

import pytest

from planner.model import Sign
from planner.rules import check_project
from planner.rules.signs import legible_distance, size_for_distance
from tests.venues import corridor_and_restroom, fr_lobby


def missing(project) -> list:
    return [f for f in check_project(project).findings if f.code == "SIGN_MISSING"]


def test_fr_lobby_needs_signs_at_street_door_and_open_boundary() -> None:
    result = check_project(fr_lobby())
    reqs = {(r.kind, r.entrance.opening or r.entrance.outside_zone): r.to_json() for r in result.signs_required}
    assert ("fr_notice", "street_door") in reqs
    assert ("fr_notice", "corr") in reqs  # the corridor joins the lobby without a wall
    street = reqs[("fr_notice", "street_door")]
    assert street["zone"] == "lobby" and street["approach_zone"] == "street"
    # Outside, on the street side of the facade, facing the street (south), at eye level.
    assert street["position"][1] < 0
    assert street["facing_deg"] == 180.0
    assert street["mount_height_m"] == 1.6
    assert street["size"] in ("A3", "A2")  # a face-recognition notice needs room for its facts
    assert street["cameras"] == ["fr1"]
    assert street["satisfied_by"] is None
    corridor = reqs[("fr_notice", "corr")]
    assert corridor["facing_deg"] == 90.0 and corridor["position"][0] > 12
    # The office is reached only through the lobby: no sign at its door.
    assert not any(r.entrance.opening == "office_door" for r in result.signs_required)
    kinds = {f.details["sign_kind"] for f in missing(fr_lobby())}
    assert kinds == {"fr_notice"}


def test_placed_sign_satisfies_street_door() -> None:
    result = check_project(fr_lobby(sign=True))
    street = next(r for r in result.signs_required if r.entrance.opening == "street_door")
    assert street.satisfied_by == "s_fr"
    assert not [f for f in missing(fr_lobby(sign=True)) if f.details["opening"] == "street_door"]


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "cctv_notice"},  # a CCTV sign does not announce face recognition
        {"position": (7.2, 0.4)},  # inside the lobby, not on the approach side
        {"facing_deg": 0.0},  # facing away from the street
        {"position": (11.0, -4.0)},  # too far from the door
    ],
)
def test_unfit_sign_does_not_satisfy(change: dict) -> None:
    project = fr_lobby(sign=True)
    project.update("s_fr", **change)
    assert [f for f in missing(project) if f.details["opening"] == "street_door"]


def test_placing_every_suggested_sign_clears_sign_missing() -> None:
    for project in (fr_lobby(), corridor_and_restroom()):
        findings = missing(project)
        for i, f in enumerate(findings):
            sign = f.remedies[0].sign
            project.insert(f.level, Sign(id=f"new{i}", kind=sign.kind, position=sign.position,
                                         facing_deg=sign.facing_deg, size=sign.size))
        assert missing(project) == []


def test_sign_size_follows_viewing_distance() -> None:
    assert legible_distance("A4") == pytest.approx(5.04)
    assert size_for_distance(5.0) == "A4"
    assert size_for_distance(5.1) == "A3"
    assert size_for_distance(9.0) == "A2"
    assert size_for_distance(2.0, "fr_notice") == "A3"
