"""``planner layout``: the printed report, the output file, exit codes."""

from __future__ import annotations

import io
import json

from planner.cli import main
from planner.io import load_project, save_project
from planner.rules import check_project
from tests.unit import layout_venues as venues


def _run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_layout_writes_a_checked_proposal_and_reports_per_zone(tmp_path):
    src = tmp_path / "hall.vplan"
    save_project(venues.entrance_hall(), src)
    dst = tmp_path / "out.vplan"
    code, out, err = _run("layout", str(src), "-o", str(dst), "--time-limit", "10")
    assert code == 0, err
    assert "hall" in out and "identify+door identify" in out and "30.0" in out
    assert "total cost" in out and "bound" in out and "gap" in out and "signs added: 1" in out
    result = load_project(dst)
    assert result.level("L1").cameras and result.level("L1").signs
    assert not [f for f in check_project(result).findings
                if f.code in ("SIGN_MISSING", "VIEW_INTO_PRIVATE_SPACE", "DEVICE_IN_PRIVATE_SPACE")]


def test_layout_json_and_unmet_requirements_exit_1(tmp_path):
    src = tmp_path / "plaza.vplan"
    save_project(venues.open_plaza(), src)
    code, out, _ = _run("layout", str(src), "-o", str(tmp_path / "o.vplan"), "--format", "json")
    assert code == 1
    data = json.loads(out)
    (zone,) = data["levels"][0]["zones"]
    assert zone["met_m2"] == 0 and "no wall to mount on" in zone["reason"]
    code, out, _ = _run("layout", str(src), "-o", str(tmp_path / "o.vplan"))
    assert code == 1 and "UNMET" in out and "no wall to mount on" in out


def test_layout_budget_says_what_is_left(tmp_path):
    src = tmp_path / "c.vplan"
    save_project(venues.corridor(), src)
    code, out, _ = _run("layout", str(src), "-o", str(tmp_path / "o.vplan"), "--budget", "1")
    assert code == 1 and "budget" in out and "cameras: 1 " in out


def test_layout_bad_input_exits_2(tmp_path):
    src = tmp_path / "c.vplan"
    save_project(venues.corridor(), src)
    out = str(tmp_path / "o.vplan")
    code, _, err = _run("layout", str(src), "-o", out, "--level", "L9")
    assert code == 2 and "--level" in err and "L9" in err and "Traceback" not in err
    code, _, err = _run("layout", str(src), "-o", out, "--profile", "nope")
    assert code == 2 and "--profile" in err
    code, _, err = _run("layout", str(src), "-o", out, "--time-limit", "0")
    assert code == 2 and "--time-limit" in err
    code, _, err = _run("layout", str(src), "-o", str(src))
    assert code == 2 and "-o" in err
    code, _, err = _run("layout", str(tmp_path / "missing.vplan"), "-o", out)
    assert code == 2 and "missing.vplan" in err


def test_layout_with_a_user_catalogue(tmp_path):
    src = tmp_path / "c.vplan"
    save_project(venues.corridor(), src)
    cat = tmp_path / "mine.json"
    # a cheap long lens of one's own: 8 mm on a 1/2.8" sensor, 1080p, cost 0.5
    cat.write_text(json.dumps({"models": [{"id": "mine-8mm", "name": {"en": "Mine 8 mm", "zh": "自有 8 mm"},
                                           "sensor": '1/2.8"', "focal_mm": 8, "resolution": [1920, 1080],
                                           "cost": 0.5}]}))
    code, out, err = _run("layout", str(src), "-o", str(tmp_path / "o.vplan"), "--catalogue", str(cat),
                          "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert {c["model"] for c in data["levels"][0]["cameras"]} == {"mine-8mm"}
    assert data["levels"][0]["cameras"][0]["hfov_deg"] == 37.1
    cat.write_text(json.dumps({"models": [{"id": "x", "focal_mm": 8, "resolution": [1920, 1080]}]}))
    code, _, err = _run("layout", str(src), "-o", str(tmp_path / "o.vplan"), "--catalogue", str(cat))
    assert code == 2 and "--catalogue" in err and "sensor" in err
