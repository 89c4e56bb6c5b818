"""`planner coverage`: how much work it does and what it writes."""

from __future__ import annotations

import gc
import io
import json

import pytest

from planner.assets import sample_path
from planner.cli import main
from planner.geometry import visibility


def _coverage(*argv: str) -> dict:
    out, err = io.StringIO(), io.StringIO()
    assert main(["coverage", *argv], out=out, err=err) == 0, err.getvalue()
    return json.loads(out.getvalue())


def _count_builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    built: list[str] = []
    original = visibility.LevelGeometry.from_level.__func__  # type: ignore[attr-defined]  # a classmethod

    def counting(cls: type, level, **kwargs):  # type: ignore[no-untyped-def]
        built.append(level.id)
        return original(cls, level, **kwargs)

    monkeypatch.setattr(visibility.LevelGeometry, "from_level", classmethod(counting))
    return built


def test_each_level_is_built_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # the mall's cameras reach beyond one another's domain: the level is built once on a domain holding all
    built = _count_builds(monkeypatch)
    data = _coverage(str(sample_path("mall-fitting")), "--jobs", "1")
    assert len(data["features"]) == 7
    assert len(built) == len(set(built)) == 1


def test_only_the_levels_asked_for_are_built(monkeypatch: pytest.MonkeyPatch) -> None:
    built = _count_builds(monkeypatch)
    path = str(sample_path("harbour-hotel"))
    assert {f["properties"]["level"] for f in _coverage(path, "--level", "L2")["features"]} == {"L2"}
    assert built == ["L2"]
    built.clear()
    (one,) = _coverage(path, "--camera", "L2-cam-lift-lobby")["features"]
    assert built == ["L2"] and one["properties"]["level"] == "L2"


def test_the_collector_runs_again_after_the_command() -> None:
    assert gc.isenabled()
    _coverage(str(sample_path("mall-fitting")), "--no-bands")
    assert gc.isenabled()
    gc.disable()
    try:
        _coverage(str(sample_path("mall-fitting")), "--no-bands")
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


def test_one_camera_alone_as_in_the_whole_output() -> None:
    path = str(sample_path("mall-fitting"))
    whole = {f["id"]: f for f in _coverage(path, "--jobs", "1")["features"]}
    for cam in list(whole)[:3]:
        (alone,) = _coverage(path, "--camera", cam)["features"]
        assert alone == whole[cam]



def test_no_bands_leaves_out_the_bands_only() -> None:
    path = str(sample_path("harbour-hotel"))
    full = _coverage(path)["features"]
    lean = _coverage(path, "--no-bands")["features"]
    assert [f["id"] for f in lean] == [f["id"] for f in full] and len(full) == 9
    for with_bands, without in zip(full, lean, strict=True):
        bands = with_bands["properties"].pop("pixel_density_bands")
        assert bands["dori"] and "pixel_density_bands" not in without["properties"]
        assert without == with_bands  # same region, area, reach and FR region
    assert any("fr_region" in f["properties"] for f in lean)


def test_the_check_runs_with_the_collector_paused_and_restores_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import planner.cli as cli

    seen: list[bool] = []
    original = cli.check_project

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(cli, "check_project", spy)
    out, err = io.StringIO(), io.StringIO()
    assert gc.isenabled()
    assert main(["check", str(sample_path("mall-fitting")), "--format", "json"], out=out, err=err) == 1
    assert seen == [False] and gc.isenabled()
    assert json.loads(out.getvalue())["summary"]["errors"] > 0
