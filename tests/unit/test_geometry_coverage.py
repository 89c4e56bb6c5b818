"""Camera coverage: vertical model, reach, pixel-density bands, face-recognition region, masks."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point, box

from planner.geometry import (
    DORI,
    OODPCVS,
    LevelGeometry,
    camera_coverage,
    camera_reach,
    density_distance,
    pixel_density,
    seen_interval,
    vfov_deg,
)
from planner.model import Camera
from tests.unit.geometry_fixtures import corridor_level, sector

OPEN = LevelGeometry.from_free_space(box(-100, -100, 100, 100), ceiling_height_m=3.0)


def _cam(**kw) -> Camera:
    base = dict(
        id="c",
        position=(0.0, 0.0),
        mount_height_m=3.0,
        heading_deg=0.0,
        hfov_deg=90.0,
        tilt_deg=15.0,
        resolution=(1920, 1080),
    )
    base.update(kw)
    return Camera(**base)


def _radii(geom, centre) -> tuple[float, float]:
    """Smallest and largest distance from centre to the boundary points of geom, excluding the centre itself."""
    c = Point(centre)
    ds = [c.distance(Point(p)) for g in getattr(geom, "geoms", [geom]) for p in g.exterior.coords]
    ds = [d for d in ds if d > 1e-9]
    return min(ds), max(ds)


# -- vertical model -------------------------------------------------------------


def test_vertical_far_limit_example():
    # camera at 3 m tilted 45 deg with a 30 deg vertical field: the top ray meets the floor at 3 / tan(30 deg)
    cam = _cam(tilt_deg=45.0, hfov_deg=30.0, resolution=(1000, 1000))
    assert vfov_deg(cam.hfov_deg, *cam.resolution) == pytest.approx(30.0)
    cov = camera_coverage(OPEN, cam)
    assert cov.near_m == 0.0
    assert cov.reach_m == pytest.approx(3 / math.tan(math.radians(30)))
    expected = sector((0, 0), cov.reach_m, 0.0, 30.0)
    assert cov.region.symmetric_difference(expected).area < 1e-6


def test_no_near_limit_below_the_ceiling_but_one_at_the_floor():
    near, far = seen_interval(3.0, 45.0, 30.0, 0.0, 3.0)
    assert near == 0.0
    floor_near, floor_far = seen_interval(3.0, 45.0, 30.0, 0.0, 0.0)
    assert floor_near == pytest.approx(3 / math.tan(math.radians(60)))
    assert floor_far == pytest.approx(far)


def test_camera_above_the_ceiling_has_a_near_limit():
    near, far = seen_interval(4.0, 30.0, 20.0, 0.0, 3.0)
    assert near == pytest.approx(1.0 / math.tan(math.radians(40)))
    assert far == pytest.approx(4.0 / math.tan(math.radians(20)))


def test_camera_looking_up():
    # the bottom ray points 20 deg upward and meets the ceiling 1 m above the camera
    near, far = seen_interval(2.0, -30.0, 20.0, 0.0, 3.0)
    assert near == 0.0 and far == pytest.approx(1.0 / math.tan(math.radians(20)))
    # a camera at the ceiling that looks up sees no height of the room
    assert seen_interval(3.0, -60.0, 30.0, 0.0, 3.0) is None


def test_level_camera_has_no_vertical_limit():
    assert seen_interval(2.5, 0.0, 40.0, 0.0, 3.0) == (0.0, math.inf)


@settings(max_examples=200, deadline=None)
@given(st.floats(0.0, 6.0), st.floats(-89.0, 89.0), st.floats(1.0, 120.0), st.floats(0.0, 3.0), st.floats(0.0, 3.0))
def test_seen_interval_matches_brute_force(h, tilt, vfov, za, zb):
    z0, z1 = min(za, zb), max(za, zb)
    res = seen_interval(h, tilt, vfov, z0, z1)
    lo, hi = tilt - vfov / 2, tilt + vfov / 2
    zs = [z0 + (z1 - z0) * k / 60 for k in range(61)]
    for d in [0.05 * 1.13**k for k in range(60)]:
        angles = [math.degrees(math.atan2(h - z, d)) for z in zs]
        seen_sampled = any(lo - 1e-9 <= a <= hi + 1e-9 for a in angles)
        amin, amax = min(angles), max(angles)
        # exact for the continuous height range: the angle interval meets [lo, hi] (edges within 1e-9 deg count)
        strict = amax >= lo and amin <= hi
        loose = amax >= lo - 1e-9 and amin <= hi + 1e-9
        inside = res is not None and res[0] - 1e-9 <= d <= res[1] + 1e-9
        assert (not strict or inside) and (not inside or loose), (d, res)
        if seen_sampled:
            assert loose


def test_vfov_formula():
    assert vfov_deg(90.0, 1920, 1080) == pytest.approx(math.degrees(2 * math.atan(1080 / 1920)))


# -- reach and pixel density ------------------------------------------------------


def test_reach_defaults_to_detect_density():
    cam = _cam(tilt_deg=0.0)
    _, far = camera_reach(cam, 3.0)
    assert far == pytest.approx(density_distance(1920, 90.0, 25.0)) == pytest.approx(38.4)
    assert pixel_density(1920, 90.0, 38.4) == pytest.approx(25.0)


def test_range_limits_reach():
    assert camera_reach(_cam(tilt_deg=0.0, range_m=12.0), 3.0) == (0.0, 12.0)


def test_band_radii_follow_pixel_density():
    cam = _cam(mount_height_m=2.8, tilt_deg=0.0, range_m=30.0)
    cov = camera_coverage(OPEN, cam)
    dz = 2.8
    for key, ladder in (("dori", DORI), ("oodpcvs", OODPCVS)):
        bands = cov.bands[key]
        assert [b.level for b in bands] == [name for name, _ in ladder]
        for band, (_, px) in zip(bands, ladder, strict=True):
            slant = 1920 / (2 * math.tan(math.radians(45)) * px)
            outer = math.sqrt(slant**2 - dz**2) if slant > dz else -1.0
            if band.region.is_empty:
                assert min(outer, 30.0) <= band.inner_m + 1e-12
                continue
            assert band.outer_m == pytest.approx(min(outer, 30.0))
            rmin, rmax = _radii(band.region, (0, 0))
            assert rmax == pytest.approx(band.outer_m, rel=1e-9)
            if band.inner_m > 0:
                assert rmin == pytest.approx(band.inner_m, rel=1e-9)
    identify = cov.bands["dori"][-1]
    assert identify.outer_m == pytest.approx(math.sqrt(3.84**2 - 2.8**2))
    assert identify.inner_m == 0.0


def test_bands_partition_the_coverage():
    cam = _cam(mount_height_m=2.8, tilt_deg=0.0, range_m=20.0)
    cov = camera_coverage(OPEN, cam)
    for key in ("dori", "oodpcvs"):
        total = sum(b.area_m2 for b in cov.bands[key])
        assert total == pytest.approx(cov.area_m2, rel=1e-4)
        for b in cov.bands[key]:
            assert b.region.is_valid
            assert b.region.difference(cov.region).area < 1e-4


def test_fisheye_density_uses_f_theta():
    assert pixel_density(2000, 180.0, 2.0) == pytest.approx(2000 / (2.0 * math.pi))


# -- face recognition ---------------------------------------------------------------


def test_face_recognition_region_at_face_height():
    cam = _cam(face_recognition=True, tilt_deg=20.0, hfov_deg=40.0, resolution=(2000, 2000), range_m=15.0)
    cov = camera_coverage(OPEN, cam)
    v = vfov_deg(cam.hfov_deg, *cam.resolution)
    dz = 3.0 - 1.6
    near = dz / math.tan(math.radians(20 + v / 2))
    far_vertical = dz / math.tan(math.radians(20 - v / 2)) if 20 - v / 2 > 0 else math.inf
    ident = math.sqrt((2000 / (2 * math.tan(math.radians(20)) * 250)) ** 2 - dz**2)
    assert cov.fr_near_m == pytest.approx(near)
    assert cov.fr_reach_m == pytest.approx(min(far_vertical, ident, 15.0))
    assert cov.fr_region is not None and not cov.fr_region.is_empty
    assert cov.fr_region.difference(cov.region).area < 1e-6
    rmin, rmax = _radii(cov.fr_region, (0, 0))
    assert rmin == pytest.approx(cov.fr_near_m, rel=1e-9)
    assert rmax == pytest.approx(cov.fr_reach_m, rel=1e-9)


def test_stricter_identify_density_shrinks_fr_region():
    cam = _cam(face_recognition=True, tilt_deg=10.0, range_m=30.0)
    a = camera_coverage(OPEN, cam)
    b = camera_coverage(OPEN, cam, identify_px_per_m=500.0)
    assert b.fr_area_m2 < a.fr_area_m2


def test_non_fr_camera_has_no_fr_region():
    assert camera_coverage(OPEN, _cam()).fr_region is None


# -- lens, masks, kinds -----------------------------------------------------------------


def test_masks_cut_wedges_out_of_coverage():
    cam = _cam(tilt_deg=0.0, range_m=10.0, privacy_masks=((-10.0, 5.0),))
    cov = camera_coverage(OPEN, cam)
    full = camera_coverage(OPEN, _cam(tilt_deg=0.0, range_m=10.0))
    assert cov.area_m2 == pytest.approx(full.area_m2 * 75 / 90, rel=1e-3)
    assert cov.region.intersection(sector((0, 0), 20, -2.5, 14.9)).area < 1e-9


@pytest.mark.parametrize("kind", ["ptz", "fisheye"])
def test_omnidirectional_cameras_cover_all_round(kind):
    cam = _cam(kind=kind, tilt_deg=80.0, hfov_deg=60.0 if kind == "ptz" else 180.0, range_m=5.0)
    cov = camera_coverage(OPEN, cam)
    assert cov.area_m2 == pytest.approx(sector((0, 0), 5.0).area, rel=1e-9)


def test_coverage_is_clipped_by_walls():
    geo = LevelGeometry.from_level(corridor_level())
    cam = Camera(
        id="c", position=(7.0, 1.0), heading_deg=0.0, hfov_deg=90.0, tilt_deg=10.0, range_m=8.0, face_recognition=True
    )
    cov = camera_coverage(geo, cam)
    vis = geo.visibility((7.0, 1.0), heading_deg=0.0, hfov_deg=90.0, range_m=8.0)
    assert cov.region.difference(vis).area < 1e-9
    assert cov.region.intersection(box(4.05, 2.05, 9.95, 6.95)).area > 10.0
    assert cov.fr_region.difference(vis).area < 1e-9


def test_camera_seeing_nothing():
    cam = _cam(mount_height_m=3.0, tilt_deg=-60.0, hfov_deg=30.0, resolution=(1000, 1000))
    cov = camera_coverage(OPEN, cam)
    assert cov.region.is_empty and cov.area_m2 == 0.0


def test_coverage_reports_snapped_viewpoint():
    geo = LevelGeometry.from_level(corridor_level())
    cam = Camera(id="c", position=(5.0, 0.0), heading_deg=0.0, range_m=5.0)
    cov = camera_coverage(geo, cam)
    assert cov.viewpoint[1] > 0.05
    assert cov.area_m2 > 0
