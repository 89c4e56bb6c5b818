"""The bundled samples' deliberate problems are all found, and every remedy offered clears its finding."""

from __future__ import annotations

import pytest

from planner.assets import sample_path
from planner.io import load_project
from planner.rules import check_project
from planner.rules.remedies import FillVenueField, Remedy


def findings(project, code: str | None = None) -> list:
    return [f for f in check_project(project).findings if code is None or f.code == code]


def test_hotel_deliberate_problems_are_found() -> None:
    project = load_project(sample_path("harbour-hotel"))
    got = {(f.code, f.camera, f.zone) for f in findings(project) if f.severity == "error"}
    assert ("VIEW_INTO_PRIVATE_SPACE", "L1-cam-corridor-sees-wc-f", "L1-wc-f") in got
    assert ("DEVICE_IN_PRIVATE_SPACE", "L2-cam-in-room-203", "L2-room-203") in got
    assert ("NO_ALTERNATIVE", None, None) in got
    assert ("NOTICE_INCOMPLETE", None, None) in got
    fr_missing = [f for f in findings(project, "SIGN_MISSING") if f.details["sign_kind"] == "fr_notice"]
    assert {f.details["opening"] for f in fr_missing} >= {"L1-d-vestibule"}
    assert all(set(f.details["cameras"]) <= {"L1-cam-lobby-fr", "L1-cam-reception-fr"} for f in fr_missing)
    vestibule = next(f for f in fr_missing if f.details["opening"] == "L1-d-vestibule")
    # the entrance is named by the rooms on either side, as a person on site would find it
    assert 'from "Entrance 门厅" into "Lobby 大堂" (door L1-d-vestibule)' in vestibule.message
    assert "从“Entrance 门厅”进入“Lobby 大堂”（门 L1-d-vestibule）" in vestibule.message_zh
    codes = {f.code for f in findings(project)}
    assert {"FILING_REQUIRED", "IMPACT_ASSESSMENT_REQUIRED"} <= codes
    views = {(f.camera, f.zone) for f in findings(project, "VIEW_INTO_PRIVATE_SPACE")}
    assert views == {("L1-cam-corridor-sees-wc-f", "L1-wc-f")}


def test_mall_deliberate_problems_are_found() -> None:
    project = load_project(sample_path("mall-fitting"))
    views = {(f.camera, f.zone) for f in findings(project, "VIEW_INTO_PRIVATE_SPACE")}
    cams = {c for c, _ in views}
    assert cams == {"L1-cam-apparel-sees-fitting", "L1-cam-mall-glass-sees-fitting"}
    assert {z for _, z in views} == {f"L1-fitting-{i}" for i in range(1, 5)}
    assert not findings(project, "SIGN_MISSING")


def _apply(project, finding, remedy: Remedy) -> None:
    """Apply through the editor's path; a field to fill in is what the user would type."""
    if isinstance(remedy, FillVenueField):
        value = {"expected_enrolled_people": 50_000, "impact_assessment_date": "2026-11-01"}.get(
            remedy.field, "Filled in by the test")
        project.update("venue", **{remedy.field: value})
        return
    command = remedy.command(project, finding)
    assert command is not None, remedy
    command.apply(project)


def _same(a, b) -> bool:
    return (a.code, a.camera, a.zone, a.details.get("opening"), a.details.get("entrance")) == (
        b.code, b.camera, b.zone, b.details.get("opening"), b.details.get("entrance"))


CASES = []
for _sample in ("harbour-hotel", "mall-fitting"):
    for _i, _f in enumerate(findings(load_project(sample_path(_sample)))):
        for _j, _r in enumerate(_f.remedies):
            _id = f"{_sample}-{_f.code}-{_f.camera or _f.zone}-{_r.kind}{_j}"
            CASES.append(pytest.param(_sample, _i, _j, id=_id))


@pytest.mark.parametrize(("sample", "index", "remedy_index"), CASES)
def test_every_remedy_clears_its_finding(sample: str, index: int, remedy_index: int) -> None:
    project = load_project(sample_path(sample))
    finding = findings(project)[index]
    _apply(project, finding, finding.remedies[remedy_index])
    assert not [f for f in findings(project) if _same(f, finding)]
