"""Private room labels in no zone and levels without zones are said, never passed in silence.

An imported plan whose walls did not close keeps its room names as plan labels; a camera next to a
"Restrooms" label nobody drew as a zone must not pass the check.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import ezdxf
import jsonschema
import pytest
from shapely.geometry import Point

from planner.cli import main
from planner.importers import import_plan
from planner.io import decode_project, encode_project, load_project, save_project
from planner.model import Camera, Label, Level, Project, Venue, Wall, Zone
from planner.rules import check_project, load_rule_pack
from planner.rules.unzoned import STANDS_WITHIN_M, unzoned_private_labels
from tests.unit.pdf_fixtures import PLAN_ROOMS, vector_plan_pdf
from tests.venues import FULL_NOTICE, rect

ROOT = Path(__file__).resolve().parents[2]
LABEL_CODES = {"PRIVATE_LABEL_IN_VIEW", "PRIVATE_LABEL_UNZONED"}


def open_room(*cameras: Camera, zoned: bool = False) -> Project:
    """A closed 10 x 2 m corridor (no opening) and north of it a room whose walls never closed (open on the east),
    labelled "Restrooms" at (3, 3.5); a "Store" label at (8, 4). With ``zoned`` the room is drawn as a restroom."""
    zones = [Zone(id="corr", name="Corridor", use="corridor", polygon=rect(0, 0, 10, 2))]
    if zoned:
        zones.append(Zone(id="wc", name="WC", use="restroom", polygon=rect(1.5, 2, 4.5, 5)))
    level = Level(
        id="L1", name="Ground", zones=zones,
        walls=[Wall(id="w_corr", path=((0, 0), (10, 0), (10, 2), (0, 2), (0, 0))),
               Wall(id="w_room", path=((1.5, 2), (1.5, 5), (4.5, 5)))],
        labels=[Label(id="lb1", text="Restrooms", position=(3.0, 3.5), use="restroom"),
                Label(id="lb2", text="Store", position=(8.0, 4.0), use="storage")],
        cameras=list(cameras),
    )
    return Project(venue=Venue(**FULL_NOTICE), levels=[level])


def label_findings(project: Project) -> list:
    return [f for f in check_project(project).findings if f.code in LABEL_CODES]


def test_a_camera_standing_next_to_a_private_label_is_an_error() -> None:
    # 1.5 m from the label, looking away from it (south-east, its view does not reach the label)
    project = open_room(Camera(id="c1", position=(4.2, 4.4), heading_deg=135, hfov_deg=60, range_m=5))
    (f,) = label_findings(project)
    assert (f.code, f.severity, f.camera, f.level) == ("PRIVATE_LABEL_IN_VIEW", "error", "c1", "L1")
    assert f.details["near"] == "stands" and f.details["distance_m"] <= STANDS_WITHIN_M
    assert f.details["label"] == "lb1" and f.details["label_position"] == [3.0, 3.5]
    assert "Restrooms" in f.message and "(3.0, 3.5)" in f.message and "restroom" in f.message
    assert "Restrooms" in f.message_zh and "卫生间" in f.message_zh
    assert f.to_json()["label_text"] == "Restrooms"
    result = check_project(project)
    assert result.has_errors  # planner check exits 1


def test_a_camera_that_sees_the_label_from_afar_is_an_error() -> None:
    # 5 m east of the label, looking west into the room through its open side
    project = open_room(Camera(id="c3", position=(8.0, 3.5), heading_deg=270, range_m=10))
    (f,) = label_findings(project)
    assert (f.code, f.severity, f.camera) == ("PRIVATE_LABEL_IN_VIEW", "error", "c3")
    assert f.details["near"] == "sees" and "sees the plan label \"Restrooms\"" in f.message
    # turned away, the same camera passes the label by: only the warning stays
    project.levels[0].cameras[0].heading_deg = 90
    assert [(f.code, f.severity, f.camera) for f in label_findings(project)] == \
        [("PRIVATE_LABEL_UNZONED", "warning", None)]


def test_a_label_no_camera_is_near_is_a_warning_only() -> None:
    # the camera watches the closed corridor: the wall stands between it and the label, 6.7 m away
    project = open_room(Camera(id="c1", position=(9.5, 1.0), heading_deg=270, range_m=12))
    (f,) = label_findings(project)
    assert (f.code, f.severity, f.camera, f.level) == ("PRIVATE_LABEL_UNZONED", "warning", None, "L1")
    assert "Restrooms" in f.message and "restroom" in f.message and "Draw the room" in f.message
    # and without any camera at all the label is still said (the room must be drawn before cameras go in)
    assert [f.code for f in label_findings(open_room())] == ["PRIVATE_LABEL_UNZONED"]
    # the "Store" label is no private use: never reported
    assert all(f.details["label"] == "lb1" for f in label_findings(open_room()))


def test_a_label_inside_a_zone_gives_nothing() -> None:
    project = open_room(Camera(id="c3", position=(8.0, 3.5), heading_deg=270, range_m=10), zoned=True)
    assert label_findings(project) == []
    assert {f.code for f in check_project(project).findings} >= {"VIEW_INTO_PRIVATE_SPACE"}  # the zone judges it
    # on the zone's edge counts as in it
    project.levels[0].labels[0].position = (4.5, 3.5)
    assert label_findings(project) == []


def test_face_recognition_only_uses_count_for_face_recognition_cameras() -> None:
    pack = load_rule_pack("cn-2025")
    data = json.loads(json.dumps(pack.data))
    data["private_uses"]["all_devices"] = [u for u in data["private_uses"]["all_devices"] if u != "restroom"]
    fr_pack = type(pack)(id="fr-test", data=data)
    camera = Camera(id="c3", position=(8.0, 3.5), heading_deg=270, range_m=10)
    plain = open_room(camera)
    assert unzoned_private_labels(plain.levels[0], fr_pack) == []
    assert [f.code for f in check_project(plain, fr_pack).findings if f.code in LABEL_CODES] == []
    camera.face_recognition = True
    assert [(f.code, f.camera) for f in check_project(plain, fr_pack).findings if f.code in LABEL_CODES] == \
        [("PRIVATE_LABEL_IN_VIEW", "c3")]


def test_a_level_with_cameras_and_no_zones_cannot_be_judged() -> None:
    bare = Level(id="L2", name="2F", cameras=[Camera(id="c1", position=(1, 1)), Camera(id="c2", position=(5, 1))])
    empty = Level(id="L3", name="3F")  # no cameras: nothing to judge
    project = open_room(Camera(id="c9", position=(9.5, 1.0), heading_deg=270))
    project.levels += [bare, empty]
    found = [f for f in check_project(project).findings if f.code == "NO_ZONES"]
    assert [(f.level, f.severity) for f in found] == [("L2", "warning")]
    assert "2F" in found[0].message and "2 camera(s)" in found[0].message and "draw the rooms" in \
        found[0].message.lower()
    assert found[0].details["cameras"] == ["c1", "c2"] and "2F" in found[0].message_zh


def test_labels_round_trip_through_the_file(tmp_path: Path) -> None:
    project = open_room()
    project.levels[0].labels[1].extra["import"] = {"layer": "TEXT"}  # unknown keys are kept
    data = encode_project(project)
    schema = json.loads((ROOT / "docs" / "project.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["levels"][0]["labels"] == [
        {"id": "lb1", "text": "Restrooms", "position": [3.0, 3.5], "use": "restroom"},
        {"id": "lb2", "text": "Store", "position": [8.0, 4.0], "use": "storage", "import": {"layer": "TEXT"}},
    ]
    save_project(project, tmp_path / "p.vplan")
    again = load_project(tmp_path / "p.vplan")
    assert [(lb.id, lb.text, lb.position, lb.use, lb.extra) for lb in again.levels[0].labels] == \
        [(lb.id, lb.text, lb.position, lb.use, lb.extra) for lb in project.levels[0].labels]
    assert again.get("lb1").text == "Restrooms"  # an item of the project, ids unique with the rest
    # a level without labels writes none: files of before stay as they were
    del data["levels"][0]["labels"]
    old = decode_project(data)
    assert old.levels[0].labels == [] and "labels" not in encode_project(old)["levels"][0]
    # a bad label names its path
    data["levels"][0]["labels"] = [{"id": "x", "text": "WC", "position": [1, 2], "use": "toilet"}]
    with pytest.raises(Exception, match=r"levels\[0\]\.labels\[0\]\.use"):
        decode_project(data)


def _open_plan_dxf(path: Path) -> Path:
    """Walls that close into no room, with a toilet label and a corridor label beside them."""
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_line((0, 0), (10, 0), dxfattribs={"layer": "WALL"})
    msp.add_line((0, 0), (0, 4), dxfattribs={"layer": "WALL"})
    msp.add_text("男厕", height=0.3, dxfattribs={"layer": "TEXT", "insert": (3.0, 2.0)})
    msp.add_text("走廊", height=0.3, dxfattribs={"layer": "TEXT", "insert": (6.0, 2.0)})
    doc.saveas(path)
    return path


def test_an_imported_toilet_label_in_no_room_is_kept_and_checked(tmp_path: Path) -> None:
    """The trial's silent pass: the label is stored, and a camera put on it fails planner check."""
    src = _open_plan_dxf(tmp_path / "open.dxf")
    result = import_plan(src, render=False)
    level = result.project.levels[0]
    assert not level.zones
    assert [(lb.text, lb.use) for lb in level.labels] == [("男厕", "restroom"), ("走廊", "corridor")]
    assert any("no rooms found on level L1" in w for w in result.warnings)
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "open.vplan"
    assert main(["import", str(src), "-o", str(target), "--no-background"], out=out, err=err) == 0, err.getvalue()
    assert "no rooms found" in out.getvalue()
    project = load_project(target)
    toilet = project.levels[0].labels[0]
    project.levels[0].cameras.append(Camera(id="c1", position=toilet.position, heading_deg=180))
    save_project(project, target)
    out = io.StringIO()
    assert main(["check", str(target), "--format", "json"], out=out, err=err) == 1
    findings = json.loads(out.getvalue())["findings"]
    near = [f for f in findings if f["code"] == "PRIVATE_LABEL_IN_VIEW"]
    assert [(f["severity"], f["camera"], f["label_text"], f["use"]) for f in near] == \
        [("error", "c1", "男厕", "restroom")]
    assert "NO_ZONES" in {f["code"] for f in findings}


def test_a_private_label_outside_the_rooms_of_a_vector_pdf_is_kept(tmp_path: Path) -> None:
    """The rooms of the plan close; a "Sauna" written beside the building lies in none of them."""
    pdf = vector_plan_pdf(tmp_path / "plan.pdf", labels={**PLAN_ROOMS, "Sauna": (15.0, 4.0)})
    result = import_plan(pdf)
    level = result.project.levels[0]
    assert len(level.zones) == 3  # the rooms are still found
    (sauna,) = [lb for lb in level.labels if lb.text == "Sauna"]
    assert sauna.use == "bath" and not any(lb.text in PLAN_ROOMS for lb in level.labels)
    assert any("'Sauna'" in w and "private room label" in w for w in result.warnings)
    level.cameras.append(Camera(id="c1", position=(sauna.position[0] - 1.0, sauna.position[1]), heading_deg=0))
    found = [(f.code, f.camera) for f in check_project(result.project).findings if f.code in LABEL_CODES]
    assert found == [("PRIVATE_LABEL_IN_VIEW", "c1")]


def test_the_codes_are_documented() -> None:
    doc = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    for code, severity in (("PRIVATE_LABEL_IN_VIEW", "error"), ("PRIVATE_LABEL_UNZONED", "warning"),
                           ("NO_ZONES", "warning")):
        assert f"| `{code}` | {severity} |" in doc


def test_the_report_shows_where_the_label_is() -> None:
    """The report's plan of a label finding takes in the label's spot and hatches it, camera or not."""
    from planner.output.report import _finding_bounds

    for project in (open_room(Camera(id="c3", position=(8.0, 3.5), heading_deg=270, range_m=10)), open_room()):
        (f,) = label_findings(project)
        bounds, highlight, _ = _finding_bounds(project.levels[0], f)
        assert bounds[0] < 3.0 < bounds[2] and bounds[1] < 3.5 < bounds[3]
        assert highlight is not None and highlight.contains(Point(3.0, 3.5))


def test_a_private_label_in_a_zone_of_another_use_is_not_protected() -> None:
    """A "Restrooms" label inside a zone drawn as a corridor (the walls between them never closed): the zone
    does not make the toilet private, so the label is judged as if it lay in no zone."""
    project = open_room(Camera(id="c1", position=(4.2, 1.4), heading_deg=90, hfov_deg=60, range_m=5))
    project.levels[0].labels[0].position = (3.0, 1.0)  # in the corridor zone
    (f,) = label_findings(project)
    assert (f.code, f.severity, f.camera) == ("PRIVATE_LABEL_IN_VIEW", "error", "c1")
    assert "of that use" in f.message and "该用途" in f.message_zh
    project.levels[0].zones[0].use = "restroom"  # drawn with the label's own use: the zone judges it
    assert label_findings(project) == []


def test_an_imported_private_label_sharing_a_room_named_by_another_is_kept(tmp_path: Path) -> None:
    """One closed room holds "Office" and "Staff room": the office label names the zone, and the staff rest
    room's label would be lost; it is kept as a plan label, and a camera beside it fails the check."""
    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 6
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (10, 0), (10, 6), (0, 6)], close=True, dxfattribs={"layer": "WALL"})
    msp.add_text("Office", height=0.3, dxfattribs={"layer": "TEXT", "insert": (2.0, 3.0)})
    msp.add_text("Staff room", height=0.3, dxfattribs={"layer": "TEXT", "insert": (7.0, 3.0)})
    doc.saveas(tmp_path / "shared.dxf")
    result = import_plan(tmp_path / "shared.dxf", render=False)
    level = result.project.levels[0]
    assert [z.use for z in level.zones] == ["office"]
    assert [(lb.text, lb.use) for lb in level.labels] == [("Staff room", "staff_rest")]
    assert any("Staff room" in w and "own zone" in w for w in result.warnings)
    level.cameras.append(Camera(id="c1", position=(7.5, 3.5), heading_deg=270))
    near = [f for f in check_project(result.project).findings if f.code == "PRIVATE_LABEL_IN_VIEW"]
    assert [(f.severity, f.camera) for f in near] == [("error", "c1")]
