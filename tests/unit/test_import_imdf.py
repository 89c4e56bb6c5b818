"""IMDF import: levels, zones and uses, walls, openings, projection accuracy, bad archives, and the same
compliance findings as the same venue drawn by hand."""

from __future__ import annotations

import copy
import json
import math
import zipfile
from pathlib import Path

import pytest
import shapely
import shapely.testing

from planner.importers import PlanImportError, import_plan
from planner.importers.imdf import import_imdf, unit_use
from planner.io import load_project, save_project
from planner.model import Camera, Level, Opening, Project, Venue, Wall, Zone
from planner.rules import check_project
from tests.unit.import_fixtures import (
    IMDF_UNITS,
    geodesic_check,
    imdf_features,
    rect,
    to_lon_lat,
    write_imdf,
)


@pytest.fixture
def venue_zip(tmp_path: Path) -> Path:
    return write_imdf(tmp_path / "venue.zip")


def zones_by_name(project: Project) -> dict[str, Zone]:
    return {z.name: z for level in project.levels for z in level.zones}


def test_levels_by_ordinal(venue_zip: Path) -> None:
    result = import_plan(venue_zip)
    assert result.kind == "imdf"
    assert [(lv.id, lv.name) for lv in result.project.levels] == [("B1", "Car Park"), ("L0", "一层")]
    assert [lv.elevation_m for lv in result.project.levels] == [-3.5, 0.0]
    assert result.project.venue.name == "港湾测试酒店"


def test_units_become_zones_with_uses(venue_zip: Path) -> None:
    result = import_imdf(venue_zip)
    zones = zones_by_name(result.project)
    assert {name: z.use for name, z in zones.items()} == {
        "Lobby 大堂": "lobby",
        "Corridor": "corridor",
        "Women 女卫生间": "restroom",
        "Room 2": "fitting_room",  # marked by its fittingroom amenity
        "Nursing 母婴室": "lactation_room",
        "Parking": "parking",
    }
    for name, (_, poly) in IMDF_UNITS.items():
        shapely.testing.assert_geometries_equal(
            shapely.normalize(shapely.Polygon(zones[name].polygon)), shapely.normalize(shapely.Polygon(poly)),
            tolerance=1e-4,
        )
    review = {r.name: r for r in result.review}
    assert review["Room 2"].source_label == "amenity fittingroom"
    assert review["Women 女卫生间"].source_label == "category restroom.female"
    assert review["Women 女卫生间"].confidence >= 0.9
    assert len(result.review) == 6


def test_wall_units_and_private_outlines_become_walls(venue_zip: Path) -> None:
    level = import_imdf(venue_zip).project.level("L0")
    by_source = {}
    for wall in level.walls:
        key = "outline" if wall.extra["import"].get("outline_of_private_units") else "unit"
        by_source.setdefault(key, []).append(wall)
    concrete, glass = sorted(by_source["unit"], key=lambda w: w.material)[::-1]
    assert glass.material == "glass" and concrete.material == "opaque"
    assert concrete.thickness_m == pytest.approx(0.2) and glass.thickness_m == pytest.approx(0.1)
    assert sorted(concrete.path) == [(0.0, 8.1), (12.0, 8.1)]
    assert sorted(glass.path) == [(12.0, 0.0), (12.0, 3.0)]
    outline = shapely.union_all([shapely.LineString(w.path) for w in by_source["outline"]])
    private = [z for z in level.zones if z.use in ("restroom", "fitting_room", "lactation_room")]
    expected = shapely.union_all([shapely.Polygon(z.polygon).boundary for z in private])
    assert outline.symmetric_difference(expected).length < 1e-6


def test_openings_lie_on_walls(venue_zip: Path) -> None:
    level = import_imdf(venue_zip).project.level("L0")
    kinds = sorted((o.kind, o.segment) for o in level.openings)
    assert kinds == [
        ("door", ((13.0, 5.0), (14.0, 5.0))),
        ("door", ((17.0, 5.0), (17.8, 5.0))),
        ("doorway", ((17.0, 3.0), (17.9, 3.0))),
    ]
    assert all(o.wall is not None for o in level.openings)


def test_folder_and_nested_archive(tmp_path: Path) -> None:
    folder = import_plan(write_imdf(tmp_path / "venue-folder"))
    nested = import_plan(write_imdf(tmp_path / "nested.zip", folder="export/venue/"))
    assert folder.summary()["zones_by_use"] == nested.summary()["zones_by_use"]
    assert len(nested.project.levels) == 2


def test_projection_error_below_a_centimetre(tmp_path: Path) -> None:
    """A 400 m building: every imported corner within 1 cm of where it was surveyed, every distance too."""
    files = imdf_features()
    corners = [(-200.0, -150.0), (200.0, -150.0), (200.0, 150.0), (-200.0, 150.0)]
    big = copy.deepcopy(files["unit.geojson"]["features"][0])
    big["id"] = "77777777-7777-4777-8777-000000000000"
    big["properties"]["name"] = {"en": "Big Hall"}
    ring = to_lon_lat(corners)
    big["geometry"]["coordinates"] = [[*ring, ring[0]]]
    files["unit.geojson"]["features"].append(big)
    project = import_imdf(write_imdf(tmp_path / "big.zip", files)).project
    hall = zones_by_name(project)["Big Hall"]
    for got, want in zip(sorted(hall.polygon), sorted(corners), strict=True):
        assert math.dist(got, want) < 0.01
    # plan distances agree with geodesic distances on the WGS84 ellipsoid
    assert geodesic_check(hall.polygon) < 0.01


def test_origin_without_a_display_point_is_the_venue_centre(tmp_path: Path) -> None:
    files = imdf_features()
    del files["venue.geojson"]["features"][0]["properties"]["display_point"]
    project = import_imdf(write_imdf(tmp_path / "v.zip", files)).project
    lobby = shapely.Polygon(zones_by_name(project)["Lobby 大堂"].polygon)
    # the venue polygon spans x -5..25, y -5..15: its centre (10, 5) is the new origin
    assert lobby.bounds == pytest.approx((-10.0, -5.0, 2.0, 3.0), abs=0.01)


def test_amenity_without_unit_ids_marks_the_smallest_unit_under_it(tmp_path: Path) -> None:
    files = imdf_features()
    files["amenity.geojson"]["features"][0]["properties"]["unit_ids"] = []
    zones = zones_by_name(import_imdf(write_imdf(tmp_path / "v.zip", files)).project)
    assert zones["Room 2"].use == "fitting_room"
    assert zones["Parking"].use == "parking"  # same place, another level, much larger


def test_units_with_holes_are_split(tmp_path: Path) -> None:
    files = imdf_features()
    lobby = files["unit.geojson"]["features"][0]
    hole = to_lon_lat(rect(4, 3, 6, 5))
    lobby["geometry"]["coordinates"].append([*hole[::-1], hole[-1]])
    zones = [z for z in import_imdf(write_imdf(tmp_path / "v.zip", files)).project.level("L0").zones
             if z.name.startswith("Lobby")]
    assert len(zones) == 2 and all(z.use == "lobby" for z in zones)
    assert sum(shapely.Polygon(z.polygon).area for z in zones) == pytest.approx(96.0 - 4.0, abs=0.01)


def test_names_refine_generic_categories() -> None:
    assert unit_use("room", "Changing Room")[0] == "changing_room"
    assert unit_use("unspecified", "淋浴间")[0] == "bath"
    assert unit_use("restroom.male", "Lobby")[0] == "restroom"  # a specific category is not overridden
    assert unit_use("room", "Suite 1201", venue_category="hotel")[0] == "hotel_room"


def test_unknown_categories_are_reported(tmp_path: Path) -> None:
    files = imdf_features()
    files["unit.geojson"]["features"][1]["properties"]["category"] = "holodeck"
    files["unit.geojson"]["features"][1]["properties"]["name"] = {"en": "Deck 7"}
    result = import_imdf(write_imdf(tmp_path / "v.zip", files))
    assert "unit category 'holodeck'" in result.unclassified_labels
    assert zones_by_name(result.project)["Deck 7"].use == "other"
    assert "labels not classified" in result.summary_text()


def test_round_trip_through_the_project_file(venue_zip: Path, tmp_path: Path) -> None:
    result = import_imdf(venue_zip)
    save_project(result.project, tmp_path / "v.vplan")
    again = load_project(tmp_path / "v.vplan")
    assert [z.use for lv in again.levels for z in lv.zones] == [z.use for lv in result.project.levels
                                                                 for z in lv.zones]
    assert again.extra["imdf_origin"]["latitude"] == pytest.approx(31.2304)


# -- bad archives ------------------------------------------------------------------------------


def _bad(tmp_path: Path, mutate) -> tuple[Path, str]:
    files = imdf_features()
    mutate(files)
    path = write_imdf(tmp_path / "bad.zip", files)
    with pytest.raises(PlanImportError) as info:
        import_plan(path)
    text = str(info.value)
    assert "\n" not in text and str(path) in text
    return path, text


def test_missing_manifest(tmp_path: Path) -> None:
    _, text = _bad(tmp_path, lambda f: f.pop("manifest.json"))
    assert "no manifest.json" in text


def test_missing_unit_file(tmp_path: Path) -> None:
    _, text = _bad(tmp_path, lambda f: f.pop("unit.geojson"))
    assert "no unit.geojson" in text


def test_invalid_json_names_the_member(tmp_path: Path) -> None:
    def mutate(f):
        f["unit.geojson"] = '{"type": "FeatureCollection", "features": [ {"type": "Feature",, }'

    path, text = _bad(tmp_path, mutate)
    assert text.startswith(f"{path}/unit.geojson: invalid JSON at line 1")


def test_wrong_geometry_names_the_feature(tmp_path: Path) -> None:
    def mutate(f):
        f["unit.geojson"]["features"][2]["geometry"] = {"type": "Point", "coordinates": [121.0, 31.0]}

    path, text = _bad(tmp_path, mutate)
    assert text == (f"{path}/unit.geojson: features[2].geometry.type: "
                    "expected a Polygon or MultiPolygon geometry, got 'Point'")


def test_bad_coordinates_name_the_position(tmp_path: Path) -> None:
    def mutate(f):
        f["opening.geojson"]["features"][1]["geometry"]["coordinates"][0] = [200.0, "north"]

    _, text = _bad(tmp_path, mutate)
    assert "opening.geojson: features[1].geometry.coordinates[0]: invalid longitude 200.0" in text


def test_not_a_feature_collection(tmp_path: Path) -> None:
    _, text = _bad(tmp_path, lambda f: f.__setitem__("level.geojson", {"type": "Feature"}))
    assert "level.geojson: type: expected a GeoJSON FeatureCollection" in text


def test_bad_ordinal(tmp_path: Path) -> None:
    def mutate(f):
        f["level.geojson"]["features"][0]["properties"]["ordinal"] = "ground"

    _, text = _bad(tmp_path, mutate)
    assert "features[0].properties.ordinal: ordinal must be an integer" in text


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "venue.zip"
    path.write_bytes(b"PK\x03\x04 this is no archive")
    with pytest.raises(PlanImportError, match="not a ZIP archive"):
        import_plan(path)


def test_unsafe_member_names(tmp_path: Path) -> None:
    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("manifest.json", json.dumps({"version": "1.0.0"}))
        archive.writestr("../unit.geojson", "{}")
    with pytest.raises(PlanImportError, match="unsafe archive member"):
        import_plan(path)


def test_zip_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps({"version": "1.0.0"}))
        archive.writestr("unit.geojson", b" " * (50 * 2**20))
    with pytest.raises(PlanImportError, match="suspiciously compressed"):
        import_plan(path)


# -- the same venue drawn by hand ----------------------------------------------------------------


def hand_drawn() -> Project:
    """The IMDF fixture's ground floor, drawn with the model: same rooms, walls and doors."""
    zones = [Zone(id=f"h{i}", name=name, use=use, polygon=tuple(poly)) for i, (name, use, poly) in enumerate([
        ("Lobby 大堂", "lobby", rect(0, 0, 12, 8)),
        ("Corridor", "corridor", rect(12, 3, 20, 5)),
        ("Women 女卫生间", "restroom", rect(12, 5, 16, 9)),
        ("Room 2", "fitting_room", rect(16, 5, 19, 8)),
        ("Nursing 母婴室", "lactation_room", rect(16, 0, 19, 3)),
    ])]
    walls = [
        Wall(id="north", path=((0, 8.1), (12, 8.1)), thickness_m=0.2),
        Wall(id="glass", path=((12, 0), (12, 3)), thickness_m=0.1, material="glass"),
        Wall(id="wc", path=((12, 5), (16, 5), (16, 9), (12, 9), (12, 5)), thickness_m=0.1),
        Wall(id="fit", path=((16, 5), (19, 5), (19, 8), (16, 8), (16, 5)), thickness_m=0.1),
        Wall(id="nurse", path=((16, 0), (19, 0), (19, 3), (16, 3), (16, 0)), thickness_m=0.1),
    ]
    openings = [
        Opening(id="wc_door", kind="door", segment=((13, 5), (14, 5)), wall="wc"),
        Opening(id="fit_door", kind="door", segment=((17, 5), (17.8, 5)), wall="fit"),
        Opening(id="nurse_door", kind="doorway", segment=((17, 3), (17.9, 3)), wall="nurse"),
    ]
    level = Level(id="L0", name="Ground", zones=zones, walls=walls, openings=openings)
    return Project(venue=Venue(name="Harbour Test Hotel"), levels=[level])


def add_cameras(project: Project) -> None:
    venue = dict(name="Harbour Test Hotel", operator="Harbour Co.", contact="+86 21 0000 0000",
                 purpose="Guest verification", retention="30 days", storage="on-device",
                 alternative="ID card at the desk", rights="Ask at reception", notice_url="https://example.com",
                 expected_enrolled_people=1000)
    for key, value in venue.items():
        project.update("venue", **{key: value})
    # a corridor camera looking west sees into the restroom and the fitting room through their doors
    project.insert("L0", Camera(id="c1", name="Corridor", position=(19.5, 4.0), heading_deg=270, hfov_deg=100,
                                range_m=15))
    # an FR camera in the lobby: signs at its entrances
    project.insert("L0", Camera(id="c2", name="Lobby FR", position=(6.0, 1.0), heading_deg=0, hfov_deg=90,
                                face_recognition=True, range_m=10))
    # a camera inside the nursing room
    project.insert("L0", Camera(id="c3", name="Nursing", position=(17.5, 1.5), heading_deg=0))


def finding_keys(project: Project) -> tuple[set[tuple], list[tuple]]:
    names = {z.id: z.name for lv in project.levels for z in lv.zones}
    result = check_project(project)
    findings = {(f.code, f.severity, f.camera, names.get(f.zone or "", f.zone)) for f in result.findings}
    signs = sorted((s.kind, s.size, tuple(round(v, 1) for v in s.position)) for s in result.signs_required)
    return findings, signs


def test_imported_venue_gets_the_same_findings_as_the_hand_drawn_one(venue_zip: Path) -> None:
    imported = import_imdf(venue_zip).project
    imported.levels = [lv for lv in imported.levels if lv.id == "L0"]
    imported = Project(venue=imported.venue, levels=imported.levels)
    drawn = hand_drawn()
    add_cameras(imported)
    add_cameras(drawn)
    got, got_signs = finding_keys(imported)
    want, want_signs = finding_keys(drawn)
    assert got == want
    assert got_signs == want_signs
    codes = {code for code, *_ in got}
    assert {"VIEW_INTO_PRIVATE_SPACE", "DEVICE_IN_PRIVATE_SPACE"} <= codes
    views = {zone for code, _, cam, zone in got if code == "VIEW_INTO_PRIVATE_SPACE" and cam == "c1"}
    assert views == {"Women 女卫生间", "Room 2", "Nursing 母婴室"}
