"""The bundled sample venues: they load, their geometry is sound, the deliberate problems are where
``assets/samples/README.md`` says, and ``tools/build_samples.py`` rebuilds them deterministically."""

from __future__ import annotations

import importlib.util
import io
import itertools
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pytest
import shapely
from PIL import Image
from shapely.geometry import LineString, Point, Polygon

from planner.io import load_project, project_json_bytes
from planner.model import Project

ROOT = Path(__file__).resolve().parents[2]
SAMPLES_DIR = ROOT / "assets" / "samples"
SAMPLE_FILES = ("harbour-hotel.vplan", "mall-fitting.vplan")

#: The deliberate problems documented in assets/samples/README.md: (camera, zone) pairs.
DELIBERATE_VIEWS = {
    "harbour-hotel.vplan": {
        ("L1-cam-corridor-sees-wc-f", "L1-wc-f"),  # through doorway L1-dw-wc-f
        ("L2-cam-in-room-203", "L2-room-203"),  # the camera hangs inside the room
    },
    "mall-fitting.vplan": {
        *(("L1-cam-apparel-sees-fitting", f"L1-fitting-{i}") for i in range(1, 5)),
        *(("L1-cam-mall-glass-sees-fitting", f"L1-fitting-{i}") for i in range(1, 5)),
    },
}
DELIBERATE_DEVICES_IN = {
    "harbour-hotel.vplan": {("L2-cam-in-room-203", "L2-room-203")},
    "mall-fitting.vplan": set(),
}


def _load_build_script():
    name = "build_samples"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / "build_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def build():
    return _load_build_script()


@pytest.fixture(scope="module")
def samples() -> dict[str, Project]:
    return {name: load_project(SAMPLES_DIR / name) for name in SAMPLE_FILES}


@pytest.fixture(scope="module")
def built(build) -> dict[str, Project]:
    return build.build_projects()


def _levels(samples):
    for name, project in samples.items():
        for level in project.levels:
            yield name, level


def test_samples_load_with_backgrounds(samples):
    for name, project in samples.items():
        assert project.levels, name
        assert project.venue.name
        for level in project.levels:
            assert len(level.backgrounds) == 1
            bg = level.backgrounds[0]
            data = project.files[bg.source]
            assert len(data) < 400_000, f"{name} {bg.source} is {len(data)} bytes"
            with Image.open(io.BytesIO(data)) as img:
                assert img.format == "PNG"
                width, height = img.size
            # the image covers the level's zones
            a, b, c, d, e, f = bg.transform
            corners = [(a * u + c * v + e, b * u + d * v + f) for u, v in ((0, 0), (width, height))]
            (x0, y0), (x1, y1) = corners
            minx, miny, maxx, maxy = shapely.union_all([Polygon(z.polygon) for z in level.zones]).bounds
            assert x0 < minx and x1 > maxx and y1 < miny and y0 > maxy


def test_ids_are_unique(samples):
    for name, project in samples.items():
        ids = [lv.id for lv in project.levels] + [item.id for lv in project.levels for item in lv.items()]
        dupes = [i for i, n in Counter(ids).items() if n > 1]
        assert not dupes, f"{name}: duplicate ids {dupes}"


def test_openings_lie_on_wall_centre_lines(samples):
    for name, level in _levels(samples):
        pieces = [LineString([p, q]) for w in level.walls for p, q in itertools.pairwise(w.path)]
        for op in level.openings:
            a, b = (Point(p) for p in op.segment)
            assert any(s.distance(a) <= 1e-3 and s.distance(b) <= 1e-3 for s in pieces), f"{name} {op.id}"


def test_zones_are_valid_and_do_not_overlap(samples):
    for name, level in _levels(samples):
        polys = {z.id: Polygon(z.polygon) for z in level.zones}
        for zid, poly in polys.items():
            assert poly.is_valid, f"{name} {zid}: {shapely.is_valid_reason(poly)}"
            assert poly.area > 0.5, f"{name} {zid}"
        for (ia, pa), (ib, pb) in itertools.combinations(polys.items(), 2):
            overlap = pa.intersection(pb).area
            assert overlap <= 0.01, f"{name}: {ia} and {ib} overlap by {overlap:.3f} m²"


def test_cameras_inside_the_zones(samples):
    for name, level in _levels(samples):
        floor = shapely.union_all([Polygon(z.polygon) for z in level.zones]).buffer(1e-6)
        for cam in level.cameras:
            assert floor.covers(Point(cam.position)), f"{name} {cam.id} at {cam.position}"


def test_cameras_are_clear_of_walls(samples, build):
    for name, level in _levels(samples):
        blocking = build.obstacles(level)
        for cam in level.cameras:
            assert blocking.distance(Point(cam.position)) > 0.1, f"{name} {cam.id} is (almost) inside a wall"


def test_camera_counts_and_face_recognition(samples):
    hotel, mall = samples["harbour-hotel.vplan"], samples["mall-fitting.vplan"]
    hotel_cams = [c for _, c in hotel.cameras()]
    mall_cams = [c for _, c in mall.cameras()]
    assert 8 <= len(hotel_cams) <= 12
    assert 2 <= sum(c.face_recognition for c in hotel_cams) <= 3
    assert 6 <= len(mall_cams) <= 8
    assert [c.id for c in mall_cams if c.face_recognition] == ["L1-cam-entrance-fr"]
    assert hotel.venue.alternative == ""  # deliberate NO_ALTERNATIVE
    assert hotel.venue.expected_enrolled_people > 100_000  # deliberate FILING_REQUIRED
    assert mall.venue.alternative and mall.venue.rights


def test_deliberate_device_in_guest_room(samples):
    level = samples["harbour-hotel.vplan"].level("L2")
    cam = next(c for c in level.cameras if c.id == "L2-cam-in-room-203")
    rooms = [z for z in level.zones if z.use == "hotel_room" and Polygon(z.polygon).contains(Point(cam.position))]
    assert [z.id for z in rooms] == ["L2-room-203"]


def test_no_fr_notice_on_hotel_ground_floor(samples):
    level = samples["harbour-hotel.vplan"].level("L1")
    assert [s for s in level.signs if s.kind == "fr_notice"] == []
    mall = samples["mall-fitting.vplan"].level("L1")
    assert {s.id for s in mall.signs if s.kind == "fr_notice"} == {"L1-sign-fr-outside", "L1-sign-fr-inside"}


def test_only_the_deliberate_cameras_see_private_spaces(samples, build):
    for name, project in samples.items():
        seen = {(cam, zone) for _, cam, zone, _ in build.private_views(project)}
        assert seen == DELIBERATE_VIEWS[name], name
        inside = {(cam, zone) for _, cam, zone in build.devices_in_private(project)}
        assert inside == DELIBERATE_DEVICES_IN[name], name


def test_corridor_camera_sees_a_few_square_metres_through_the_doorway(samples, build):
    level = samples["harbour-hotel.vplan"].level("L1")
    cam = next(c for c in level.cameras if c.id == "L1-cam-corridor-sees-wc-f")
    wc = next(Polygon(z.polygon) for z in level.zones if z.id == "L1-wc-f")
    doorway = next(o for o in level.openings if o.id == "L1-dw-wc-f")
    assert doorway.kind == "doorway"
    view = build.view_polygon(level, cam)
    assert 1.0 < view.intersection(wc).area < 6.0
    # the sight line through the doorway's middle is inside the camera's wedge and range
    mid = LineString(doorway.segment).interpolate(0.5, normalized=True)
    assert view.buffer(1e-6).covers(mid)
    assert 4.0 <= Point(cam.position).distance(mid) <= 8.0


def test_mall_corridor_camera_sees_the_fitting_rooms_only_through_the_glass(samples, build):
    level = samples["mall-fitting.vplan"].level("L1")
    cam = next(c for c in level.cameras if c.id == "L1-cam-mall-glass-sees-fitting")
    fitting = shapely.union_all([Polygon(z.polygon) for z in level.zones if z.use == "fitting_room"])
    assert build.view_polygon(level, cam).intersection(fitting).area > 1.0
    glass = next(w for w in level.walls if w.id == "L1-w-apparel-glass")
    assert glass.material == "glass"
    glass.material = "frosted"
    try:
        assert build.view_polygon(level, cam).intersection(fitting).area < 0.01
    finally:
        glass.material = "glass"


def test_build_is_deterministic(build, built):
    again = build.build_projects()
    assert set(again) == set(built) == set(SAMPLE_FILES)
    for name in SAMPLE_FILES:
        assert project_json_bytes(again[name]) == project_json_bytes(built[name]), name
        assert again[name].files == built[name].files, name


def test_committed_samples_match_the_script(samples, built):
    """The files in assets/samples were written by the current script (rerun it after editing)."""
    for name in SAMPLE_FILES:
        old, new = samples[name], built[name]
        assert [lv.id for lv in old.levels] == [lv.id for lv in new.levels]
        for lo, ln in zip(old.levels, new.levels, strict=True):
            assert [(i.id, type(i).__name__) for i in lo.items()] == [(i.id, type(i).__name__) for i in ln.items()]
            for co, cn in zip(lo.cameras, ln.cameras, strict=True):
                assert (co.position, co.heading_deg, co.hfov_deg, co.range_m) == (
                    cn.position, cn.heading_deg, cn.hfov_deg, cn.range_m)
            for zo, zn in zip(lo.zones, ln.zones, strict=True):
                assert zo.polygon == zn.polygon
        assert old.files.keys() == new.files.keys()
        for source in old.files:  # compare pixels, tolerating other zlib / FreeType builds
            with Image.open(io.BytesIO(old.files[source])) as a, Image.open(io.BytesIO(new.files[source])) as b:
                assert a.size == b.size, f"{name} {source}: run python tools/build_samples.py"
                pa = np.asarray(a.convert("L"), dtype=np.int16)
                pb = np.asarray(b.convert("L"), dtype=np.int16)
                assert np.mean(np.abs(pa - pb) > 40) < 0.01, f"{name} {source}: run python tools/build_samples.py"
