"""Checking levels in several processes gives the same result, in the same order, as one process."""

from __future__ import annotations

import io

from planner.assets import sample_path
from planner.cli import main
from planner.io import load_project, save_project
from planner.rules import check_project


def test_levels_in_two_processes_give_the_one_process_result() -> None:
    project = load_project(sample_path("harbour-hotel"))
    assert len([lv for lv in project.levels if lv.cameras]) >= 2
    one = check_project(project).to_json()
    two = check_project(load_project(sample_path("harbour-hotel")), jobs=2).to_json()
    assert two == one
    assert [f["code"] for f in one["findings"]].count("SIGN_MISSING") > 0  # every kind of level check took part


def test_check_jobs_option(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "hotel.vplan"
    save_project(load_project(sample_path("harbour-hotel")), path)
    outs = []
    for jobs in ("1", "2"):
        out, err = io.StringIO(), io.StringIO()
        assert main(["check", str(path), "--format", "json", "--jobs", jobs], out=out, err=err) == 1
        outs.append(out.getvalue())
    assert outs[0] == outs[1]
    err = io.StringIO()
    assert main(["check", str(path), "--jobs", "0"], out=io.StringIO(), err=err) == 2
    assert "--jobs" in err.getvalue()


def test_coverage_jobs_give_the_same_geojson(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "hotel.vplan"
    save_project(load_project(sample_path("harbour-hotel")), path)
    outs = []
    for jobs in ("1", "2"):
        out = io.StringIO()
        assert main(["coverage", str(path), "--jobs", jobs], out=out, err=io.StringIO()) == 0
        outs.append(out.getvalue())
    assert outs[0] == outs[1] and outs[0].count('"type":"Feature"') == 9
