"""Placement guide PDF and the sign / camera schedules (CSV, XLSX)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pypdf
import pytest
from openpyxl import load_workbook

from planner.assets import sample_path
from planner.cli import main
from planner.io import load_project
from planner.model import Project
from planner.output.guide import guide_pdf_bytes, write_guide_pdf
from planner.output.schedules import build_schedules, mask_columns, schedules_csv, xlsx_bytes
from planner.rules import check_project
from tests.unit.test_output_signs import drawn_outside, font_problems, ink_ratio, pdf_text, render


@pytest.fixture(scope="module")
def hotel() -> Project:
    return load_project(sample_path("harbour-hotel"))


@pytest.fixture(scope="module")
def hotel_guide(hotel: Project) -> tuple[bytes, int]:
    hotel.venue.report_date = "2025-07-01"
    return guide_pdf_bytes(hotel)


def test_guide_pages_and_text(hotel: Project, hotel_guide: tuple[bytes, int]) -> None:
    data, pages = hotel_guide
    assert pages == len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 1 + len(hotel.levels) + 2
    text = pdf_text(data)
    for needle in ("安装布置指南", "Installer placement guide", "标识表 Sign schedule", "摄像机表 Camera schedule",
                   "安装检查清单", "L1-sign-cctv-main-entrance", "L1-cam-lobby-fr", "1:", "2025-07-01",
                   "海港酒店管理有限公司"):
        assert needle in text, needle
    # every level has its own plan page, titled with its id and name
    for level in hotel.levels:
        assert level.id in text


def test_guide_fonts_pages_and_determinism(hotel: Project, hotel_guide: tuple[bytes, int]) -> None:
    data, pages = hotel_guide
    assert font_problems(data) == []
    assert drawn_outside(data) == []
    for n in range(pages):
        assert ink_ratio(render(data, n, 0.15)) > 0.01
    again = load_project(sample_path("harbour-hotel"))
    again.venue.report_date = "2025-07-01"
    assert guide_pdf_bytes(again)[0] == data


def test_schedules_number_signs_and_cameras(hotel: Project) -> None:
    result = check_project(hotel)
    schedules = build_schedules(hotel, result)
    placed = [s for lv in hotel.levels for s in lv.signs]
    missing = [r for r in result.signs_required if not r.get("satisfied_by")]
    assert len(schedules.signs) == len(placed) + len(missing)
    assert [r["no"] for r in schedules.signs] == [f"S{i}" for i in range(1, len(schedules.signs) + 1)]
    assert len(schedules.cameras) == sum(len(lv.cameras) for lv in hotel.levels)
    assert sum(1 for r in schedules.signs if r["status_key"] == "to_add") == len(missing)
    lobby = next(r for r in schedules.cameras if r["id"] == "L1-cam-lobby-fr")
    assert lobby["face_recognition_key"] and lobby["resolution"] == "2688×1520"


def test_mask_columns_follow_the_lens() -> None:
    from planner.model import Camera

    cam = Camera(id="c", position=(0, 0), hfov_deg=90, resolution=(2000, 1000), privacy_masks=((-45.0, 0.0),))
    assert mask_columns(cam) == [(0, 1000)]
    assert mask_columns(Camera(id="p", position=(0, 0), kind="ptz", privacy_masks=((0.0, 10.0),))) == []


def test_csv_and_xlsx(hotel: Project) -> None:
    schedules = build_schedules(hotel)
    files = schedules_csv(schedules)
    rows = list(csv.reader(io.StringIO(files["signs"].decode("utf-8-sig"))))
    assert rows[0][0] == "编号 No." and len(rows) == len(schedules.signs) + 1
    cams = list(csv.reader(io.StringIO(files["cameras"].decode("utf-8-sig"))))
    assert len(cams) == len(schedules.cameras) + 1
    data = xlsx_bytes(schedules)
    assert data == xlsx_bytes(build_schedules(hotel))  # reproducible
    wb = load_workbook(io.BytesIO(data))
    assert wb.sheetnames == ["Signs 标识", "Cameras 摄像机"]
    assert wb["Signs 标识"].max_row == len(schedules.signs) + 1
    assert wb["Cameras 摄像机"]["B2"].value == schedules.cameras[0]["id"]


def test_cli_guide_with_schedules(tmp_path: Path) -> None:
    out = io.StringIO()
    pdf, xlsx = tmp_path / "guide.pdf", tmp_path / "schedules.xlsx"
    code = main(["guide", str(sample_path("mall-fitting")), "-o", str(pdf), "--xlsx", str(xlsx),
                 "--csv", str(tmp_path / "mall")], out=out)
    assert code == 0
    assert pdf.read_bytes().startswith(b"%PDF") and xlsx.stat().st_size > 0
    assert (tmp_path / "mall-signs.csv").exists() and (tmp_path / "mall-cameras.csv").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["guide.pdf", "mall-cameras.csv", "mall-signs.csv",
                                                          "schedules.xlsx"]  # no temporary files left


def test_write_guide_pdf_returns_pages(tmp_path: Path) -> None:
    project = load_project(sample_path("mall-fitting"))
    pages = write_guide_pdf(project, tmp_path / "g.pdf")
    assert pages == len(pypdf.PdfReader(tmp_path / "g.pdf").pages)
