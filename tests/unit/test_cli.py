"""The headless command line: exit codes, JSON shape, clear one-line errors, no Qt."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli import build_parser, main
from planner.io import encode_project, save_project
from tests.venues import corridor_and_restroom


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def hotel_file(tmp_path: Path) -> Path:
    path = tmp_path / "t.vplan"
    save_project(corridor_and_restroom(fr=True, venue={"name": "T", "operator": "Op"}), path)
    return path


def test_check_json_per_design(hotel_file: Path) -> None:
    code, out, err = run("check", str(hotel_file), "--format", "json")
    assert code == 1, err
    data = json.loads(out)
    assert set(data) == {"project", "rule_pack", "findings", "signs_required", "summary"}
    assert data["rule_pack"] == "cn-2025"
    codes = {f["code"] for f in data["findings"]}
    assert {"DEVICE_IN_PRIVATE_SPACE", "NOTICE_INCOMPLETE", "NO_ALTERNATIVE", "IMPACT_ASSESSMENT_REQUIRED",
            "FILING_UNKNOWN"} <= codes
    device = next(f for f in data["findings"] if f["code"] == "DEVICE_IN_PRIVATE_SPACE")
    assert (device["severity"], device["level"], device["camera"], device["zone"]) == ("error", "L1", "c2", "wc")
    assert device["remedies"][0]["kind"] == "move"
    notice = next(f for f in data["findings"] if f["code"] == "NOTICE_INCOMPLETE")
    assert notice["missing_fields"] == ["contact", "purpose", "retention", "storage", "rights"]
    summary = data["summary"]
    assert summary["cameras"] == 2 and summary["face_recognition_cameras"] == 1
    assert summary["errors"] == sum(f["severity"] == "error" for f in data["findings"])


def test_check_text_in_both_languages(hotel_file: Path) -> None:
    code, out, _ = run("check", str(hotel_file), "--lang", "en")
    assert code == 1
    assert "DEVICE_IN_PRIVATE_SPACE" in out and "remove the device" in out
    code, out, _ = run("check", str(hotel_file), "--lang", "zh")
    assert "卫生间" in out and "错误" in out


def test_applying_the_remedies_gives_exit_zero(tmp_path: Path) -> None:
    project = corridor_and_restroom()
    project.remove("c2")
    save_project(project, tmp_path / "ok.vplan")
    code, out, _ = run("check", str(tmp_path / "ok.vplan"), "--format", "json")
    assert code == 1
    (view,) = [f for f in json.loads(out)["findings"] if f["severity"] == "error"]
    assert view["code"] == "VIEW_INTO_PRIVATE_SPACE"
    turn = next(r for r in view["remedies"] if r["kind"] == "rotate")
    project.update("c1", heading_deg=turn["heading_deg"])
    save_project(project, tmp_path / "ok.vplan")
    code, out, _ = run("check", str(tmp_path / "ok.vplan"))
    assert code == 0, out


def test_unreadable_input_exits_two_with_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    data = encode_project(corridor_and_restroom())
    data["levels"][0]["zones"][1]["polygon"] = [[0, 0], [1, 1]]
    bad.write_text(json.dumps(data))
    code, out, err = run("check", str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1
    assert str(bad) in err and "levels[0].zones[1].polygon" in err
    assert "Traceback" not in err


def test_unknown_rule_pack(hotel_file: Path) -> None:
    code, _, err = run("check", str(hotel_file), "--rule-pack", "xx-1999")
    assert code == 2 and "unknown rule pack 'xx-1999'" in err


def test_every_subcommand_has_help() -> None:
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    assert set(sub.choices) >= {"open", "check", "coverage", "signs", "guide", "report", "import"}
    for name in sub.choices:
        code, out, _ = run(name, "--help")
        assert code == 0 and "usage: planner" in out


def test_bad_arguments_exit_two() -> None:
    code, _, _ = run("check")
    assert code == 2


def test_check_imports_no_qt(hotel_file: Path) -> None:
    script = (
        "import sys\n"
        "from planner.entry import main\n"
        f"code = main(['check', {str(hotel_file)!r}, '--format', 'json'])\n"
        "qt = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "assert not qt, qt\n"
        "sys.exit(code)\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["summary"]["errors"] >= 1


def test_console_script_reports_bad_file_without_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "x.vplan"
    bad.write_bytes(b"PK\x03\x04garbage")
    proc = subprocess.run([sys.executable, "-m", "planner", "check", str(bad)], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and str(bad) in proc.stderr


def test_coverage_geojson(hotel_file: Path) -> None:
    code, out, err = run("coverage", str(hotel_file))
    assert code == 0, err
    data = json.loads(out)
    assert data["type"] == "FeatureCollection"
    by_id = {f["properties"]["camera"]: f for f in data["features"]}
    assert set(by_id) == {"c1", "c2"}
    c1 = by_id["c1"]
    assert c1["geometry"]["type"] in ("Polygon", "MultiPolygon")
    props = c1["properties"]
    assert props["level"] == "L1" and props["face_recognition"] is True
    assert props["area_m2"] > 10
    dori = props["pixel_density_bands"]["dori"]
    assert dori[0]["level"] == "detect"
    assert sum(b["area_m2"] for b in dori) == pytest.approx(props["area_m2"], rel=0.02)
    assert "fr_region" in props
    code, out, _ = run("coverage", str(hotel_file), "--camera", "c2")
    assert [f["id"] for f in json.loads(out)["features"]] == ["c2"]


def test_coverage_unknown_level_or_camera(hotel_file: Path) -> None:
    code, _, err = run("coverage", str(hotel_file), "--level", "L9")
    assert code == 2 and "--level" in err
    code, _, err = run("coverage", str(hotel_file), "--camera", "nope")
    assert code == 2 and "--camera" in err
