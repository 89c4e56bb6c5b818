"""Typed remedies: their JSON (DESIGN §5), their one command on the model, their one description."""

from __future__ import annotations

import json
from dataclasses import asdict

import pytest

from planner.model import Camera, Level, Project, Venue
from planner.rules import Finding, check_project
from planner.rules.remedies import (
    AddSign,
    FillVenueField,
    MaskSpan,
    Move,
    Narrow,
    PrivacyMask,
    Redraw,
    Remedy,
    RemedyError,
    Remove,
    Rotate,
    Shorten,
    SignSpec,
    describe,
    sign_commands,
)
from planner.rules.signs import SignRequirement
from tests.venues import corridor_and_restroom, fr_lobby

EVERY_KIND: list[tuple[Remedy, dict]] = [
    (Rotate(heading_deg=112.0, turn_deg=22.0, direction="clockwise", clears_all_private=True),
     {"kind": "rotate", "heading_deg": 112.0, "turn_deg": 22.0, "direction": "clockwise",
      "clears_all_private": True}),
    (Narrow(hfov_deg=40.5, coverage_kept=0.61234), {"kind": "narrow", "hfov_deg": 40.5, "coverage_kept": 0.612}),
    (Shorten(range_m=3.25), {"kind": "shorten", "range_m": 3.25}),
    (PrivacyMask(from_deg=18.5, to_deg=31.0, columns=(1350, 1702)),
     {"kind": "privacy_mask", "from_deg": 18.5, "to_deg": 31.0, "columns": [1350, 1702],
      "masks": [{"from_deg": 18.5, "to_deg": 31.0, "columns": [1350, 1702]}]}),
    (PrivacyMask(from_deg=-30.0, to_deg=10.0, columns=None,
                 masks=(MaskSpan(-30.0, -20.0, None), MaskSpan(0.0, 10.0, None))),
     {"kind": "privacy_mask", "from_deg": -30.0, "to_deg": 10.0, "columns": None,
      "masks": [{"from_deg": -30.0, "to_deg": -20.0, "columns": None},
                {"from_deg": 0.0, "to_deg": 10.0, "columns": None}]}),
    (Move(position=(4.5, -1.25)), {"kind": "move", "position": [4.5, -1.25]}),
    (Move(position=(4.5, -1.25), heading_deg=90.0), {"kind": "move", "position": [4.5, -1.25], "heading_deg": 90.0}),
    (Remove(), {"kind": "remove"}),
    (AddSign(sign=SignSpec(kind="fr_notice", position=(4.5, -1.2), facing_deg=180.0, size="A3")),
     {"kind": "add_sign", "sign": {"kind": "fr_notice", "position": [4.5, -1.2], "facing_deg": 180.0,
                                   "mount_height_m": 1.6, "size": "A3"}}),
    (FillVenueField(field="rights"), {"kind": "fill_venue_field", "field": "rights"}),
    (Redraw(zone="z7"), {"kind": "redraw", "zone": "z7"}),
    (Redraw(wall="w2"), {"kind": "redraw", "wall": "w2"}),
]


@pytest.mark.parametrize(("remedy", "data"), EVERY_KIND, ids=[f"{r.kind}{i}" for i, (r, _) in enumerate(EVERY_KIND)])
def test_json_is_the_contract_and_reads_back(remedy: Remedy, data: dict) -> None:
    assert remedy.to_json() == data
    assert json.loads(json.dumps(remedy.to_json())) == data
    back = Remedy.from_json(data)
    assert type(back) is type(remedy)
    assert back.to_json() == data
    for lang in ("zh", "en"):
        text = describe(back, lang)
        assert text and "{" not in text and "kind" not in text


def test_unknown_or_broken_remedy_json_is_one_clear_error() -> None:
    with pytest.raises(RemedyError, match="unknown kind 'teleport'"):
        Remedy.from_json({"kind": "teleport"})
    with pytest.raises(RemedyError, match="rotate"):
        Remedy.from_json({"kind": "rotate"})


def test_descriptions_name_what_to_do_in_both_languages() -> None:
    assert describe(Rotate(heading_deg=350.0, turn_deg=-10.0), "en") == \
        "turn the camera 10° anticlockwise to heading 350°"
    assert describe(Rotate(heading_deg=350.0, turn_deg=-10.0), "zh") == "将摄像机逆时针转 10°，朝向 350°"
    assert describe(FillVenueField(field="rights"), "zh") == "填写场所信息“行使权利的方式”"
    assert describe(FillVenueField(field="rights"), "en", names=lambda f: f.upper()) == "fill in the venue's RIGHTS"
    kept = Shorten(range_m=2.0, coverage_kept=0.25)
    assert describe(kept, "en") == "shorten the range to 2 m (keeps 25% of its view)"
    assert describe(Redraw(wall="w2"), "zh") == "重新绘制墙体 w2"


def _project() -> Project:
    cam = Camera(id="c1", position=(1.0, 1.0), privacy_masks=((-40.0, -35.0),))
    return Project(venue=Venue(name="T"), levels=[Level(id="L1", cameras=[cam])])


@pytest.mark.parametrize(
    ("remedy", "expect"),
    [
        (Rotate(heading_deg=112.0), {"heading_deg": 112.0}),
        (Narrow(hfov_deg=30.0), {"hfov_deg": 30.0}),
        (Shorten(range_m=2.5), {"range_m": 2.5}),
        (PrivacyMask(from_deg=-30.0, to_deg=10.0, masks=(MaskSpan(-30.0, -20.0), MaskSpan(0.0, 10.0))),
         {"privacy_masks": ((-40.0, -35.0), (-30.0, -20.0), (0.0, 10.0))}),
        (PrivacyMask(from_deg=5.0, to_deg=9.0), {"privacy_masks": ((-40.0, -35.0), (5.0, 9.0))}),
        (Move(position=(3.0, 4.0), heading_deg=270.0), {"position": (3.0, 4.0), "heading_deg": 270.0}),
    ],
)
def test_camera_remedies_apply_and_revert_as_one_command(remedy: Remedy, expect: dict) -> None:
    project = _project()
    finding = Finding(code="VIEW_INTO_PRIVATE_SPACE", severity="error", message="", level="L1", camera="c1")
    command = remedy.command(project, finding)
    assert command is not None
    command.apply(project)
    cam = project.get("c1")
    assert {k: getattr(cam, k) for k in expect} == expect
    assert asdict(remedy.applied(_project().get("c1"))) == asdict(cam)  # the checks verify what it does
    command.revert(project)
    assert asdict(project.get("c1")) == asdict(_project().get("c1"))


def test_remove_sign_and_user_remedies() -> None:
    project = _project()
    finding = Finding(code="DEVICE_IN_PRIVATE_SPACE", severity="error", message="", level="L1", camera="c1")
    assert FillVenueField(field="rights").command(project, finding) is None
    assert Redraw(zone="z").command(project, finding) is None
    add = AddSign(sign=SignSpec(kind="cctv_notice", position=(2.0, 0.0), facing_deg=90.0, size="A4"))
    add.command(project, finding).apply(project)  # type: ignore[union-attr]
    sign = project.levels[0].signs[0]
    assert (sign.kind, sign.position, sign.facing_deg, sign.size) == ("cctv_notice", (2.0, 0.0), 90.0, "A4")
    Remove().command(project, finding).apply(project)  # type: ignore[union-attr]
    assert "c1" not in project
    with pytest.raises(RemedyError, match="no longer exists"):
        Rotate(heading_deg=1.0).command(project, finding)


def test_sign_requirements_stay_typed_until_the_json_edge() -> None:
    result = check_project(fr_lobby())
    assert result.signs_required and all(isinstance(r, SignRequirement) for r in result.signs_required)
    data = result.to_json()["signs_required"]
    assert data == [r.to_json() for r in result.signs_required]
    assert {"level", "kind", "entrance", "position", "facing_deg", "mount_height_m", "size",
            "satisfied_by"} <= set(data[0])


def test_findings_carry_typed_remedies_rendered_in_json() -> None:
    result = check_project(corridor_and_restroom())
    remedies = [r for f in result.findings for r in f.remedies]
    assert remedies and all(isinstance(r, Remedy) for r in remedies)
    out = result.to_json()
    for f, data in zip(result.findings, out["findings"], strict=True):
        assert data["remedies"] == [r.to_json() for r in f.remedies]


def test_sign_commands_post_every_missing_sign_once() -> None:
    project = fr_lobby()
    findings = check_project(project).findings
    macro = sign_commands(project, findings)
    assert macro is not None
    macro.apply(project)
    assert not [f for f in check_project(project).findings if f.code == "SIGN_MISSING"]
    assert sign_commands(project, check_project(project).findings) is None
