"""``planner import``: summary, output file, options, one-line errors with exit 2, no Qt."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from planner.cli import main
from planner.io import load_project
from tests.unit.import_fixtures import hotel_floor_dxf, plan_pdf, plan_png, write_imdf


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_import_dxf_prints_a_summary_and_writes_the_project(tmp_path: Path) -> None:
    src = hotel_floor_dxf(tmp_path / "floor.dxf")
    out_file = tmp_path / "floor.vplan"
    code, out, err = run("import", str(src), "-o", str(out_file), "--name", "Test Hotel")
    assert code == 0, err
    assert "levels: 1" in out and "zones: 4 (corridor 1, hotel_room 1, other 1, restroom 1)" in out
    assert "walls: 5" in out and "openings: 3 (door 2, window 1)" in out
    assert "labels not classified: 1 ('Atrium')" in out
    project = load_project(out_file)
    assert project.venue.name == "Test Hotel"
    assert sorted(z.use for z in project.levels[0].zones) == ["corridor", "hotel_room", "other", "restroom"]
    # the imported project can be checked at once
    code, out, err = run("check", str(out_file), "--format", "json")
    assert code == 0, err  # no cameras yet: nothing to find
    assert json.loads(out)["summary"] == {"errors": 0, "warnings": 0, "cameras": 0, "face_recognition_cameras": 0}


def test_import_imdf_json_summary(tmp_path: Path) -> None:
    src = write_imdf(tmp_path / "venue.zip")
    code, out, err = run("import", str(src), "-o", str(tmp_path / "v.vplan"), "--format", "json")
    assert code == 0, err
    data = json.loads(out)
    assert data["kind"] == "imdf" and [lv["id"] for lv in data["levels"]] == ["B1", "L0"]
    assert data["zones_by_use"]["restroom"] == 1 and data["openings"] == {"door": 2, "doorway": 1}
    assert {r["zone"] for r in data["review"]} == {z.id for lv in load_project(tmp_path / "v.vplan").levels
                                                   for z in lv.zones}


def test_unitless_dxf_needs_units(tmp_path: Path) -> None:
    src = hotel_floor_dxf(tmp_path / "nounits.dxf", units="none")
    out_file = tmp_path / "n.vplan"
    code, _, err = run("import", str(src), "-o", str(out_file))
    assert code == 2 and not out_file.exists()
    assert err.count("\n") == 1 and "--units" in err and "suggests mm" in err and str(src) in err
    code, _, err = run("import", str(src), "-o", str(out_file), "--units", "mm", "--no-background",
                       "--layers", "墙,WALL,A-WALL")
    assert code == 0, err
    assert load_project(out_file).levels[0].backgrounds == []


def test_image_and_pdf_options(tmp_path: Path) -> None:
    png = tmp_path / "plan.png"
    png.write_bytes(plan_png(400, 300))
    code, out, err = run("import", str(png), "-o", str(tmp_path / "i.vplan"), "--calibrate", "20,150,380,150,12")
    assert code == 0, err
    assert "NOT calibrated" not in out
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes(plan_pdf([(595.0, 842.0), (842.0, 595.0)]))
    code, out, err = run("import", str(pdf), "-o", str(tmp_path / "p.vplan"), "--page", "2", "--dpi", "72",
                         "--scale", "1:100")
    assert code == 0, err
    bg = load_project(tmp_path / "p.vplan").levels[0].backgrounds[0]
    assert bg.extra["pdf_page"] == 1 and abs(bg.transform[0] - 0.0254 / 72 * 100) < 1e-12


def test_bad_options_and_files_exit_2_with_one_line(tmp_path: Path) -> None:
    png = tmp_path / "plan.png"
    png.write_bytes(plan_png())
    cases = [
        (["--scale", "1:zero"], "--scale"),
        (["--calibrate", "1,2,3"], "--calibrate"),
        (["--page", "0"], "--page"),
    ]
    for extra, needle in cases:
        code, _, err = run("import", str(png), "-o", str(tmp_path / "x.vplan"), *extra)
        assert code == 2 and needle in err and err.count("\n") == 1, (extra, err)
    broken = tmp_path / "broken.dxf"
    broken.write_bytes(b"0\nSECTION\n2\nENTITIES\n0\nLINE\n8\nWALL\n10\nnot-a-number\n")
    code, _, err = run("import", str(broken), "-o", str(tmp_path / "b.vplan"))
    assert code == 2 and err.startswith(f"planner: {broken}: ") and "Traceback" not in err
    code, _, err = run("import", str(tmp_path / "missing.pdf"), "-o", str(tmp_path / "m.vplan"))
    assert code == 2 and "file not found" in err
    code, _, err = run("import", str(png), "-o", str(png))
    assert code == 2 and "is the input file" in err


def test_import_does_not_load_qt(tmp_path: Path) -> None:
    src = hotel_floor_dxf(tmp_path / "floor.dxf")
    script = (
        "import sys\nfrom planner.cli import main\n"
        f"code = main(['import', {str(src)!r}, '-o', {str(tmp_path / 'q.vplan')!r}])\n"
        "assert code == 0, code\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, cwd=Path(__file__).resolve().parents[2],
                   capture_output=True)


def test_a_drawing_with_nothing_usable_is_refused_with_what_was_tried(tmp_path: Path) -> None:
    """Only text in the drawing: no walls, rooms, doors or windows. Exit 2, no project written, and the user
    reads what was tried and what to do next (on stderr in one line, with the per-layer summary on stdout)."""
    import ezdxf

    doc = ezdxf.new("R2013", setup=False)
    doc.header["$INSUNITS"] = 4
    msp = doc.modelspace()
    for i, text in enumerate(("GENERAL NOTES", "1. All dimensions in mm", "2. Do not scale", "Drawing 12")):
        msp.add_text(text, dxfattribs={"layer": "NOTES", "height": 250, "insert": (0, -400 * i)})
    src = tmp_path / "notes.dxf"
    doc.saveas(src)
    out_file = tmp_path / "notes.vplan"
    code, out, err = run("import", str(src), "-o", str(out_file))
    assert code == 2 and not out_file.exists()
    assert err.count("\n") == 1 and str(src) in err and str(out_file) in err
    assert "tried" in err and "--wall-layers" in err and "'NOTES' (4)" in err
    assert "walls: 0" in out and "NOTES: 4 entities" in out and "Not saved" in out and "Saved" not in out
    code, out, err = run("import", str(src), "-o", str(out_file), "--format", "json")
    assert code == 2 and not out_file.exists()
    data = json.loads(out)
    assert data["output"] is None and data["walls"] == 0 and data["zones"] == 0
    # a drawing with walls is still a success
    good = hotel_floor_dxf(tmp_path / "floor.dxf")
    code, _, err = run("import", str(good), "-o", str(out_file), "--no-background")
    assert code == 0 and out_file.exists(), err


def test_a_scan_without_line_work_is_still_imported_as_a_background(tmp_path: Path) -> None:
    """An image gives a background to trace over even when no wall is recognised in it: that is its import."""
    from PIL import Image

    src = tmp_path / "blank.png"
    Image.new("RGB", (400, 300), "white").save(src)
    out_file = tmp_path / "scan.vplan"
    code, _, err = run("import", str(src), "-o", str(out_file), "--scale", "1:100", "--dpi", "100")
    assert code == 0 and out_file.exists(), err
    level = load_project(out_file).levels[0]
    assert not level.walls and not level.zones and len(level.backgrounds) == 1
