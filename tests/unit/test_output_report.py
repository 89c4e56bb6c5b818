"""Compliance and impact-assessment report PDF; atomic writes."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pypdf
import pytest

from planner.assets import sample_path
from planner.cli import main
from planner.io import load_project
from planner.model import Project
from planner.output import pdf as pdf_module
from planner.output.report import report_pdf_bytes, rule_status, write_report_pdf
from planner.rules import check_project, load_rule_pack
from planner.rules.remedies import MaskSpan, PrivacyMask, describe
from tests.unit.test_output_signs import drawn_outside, font_problems, ink_ratio, pdf_text, render
from tests.venues import corridor_and_restroom


@pytest.fixture(scope="module")
def hotel() -> Project:
    project = load_project(sample_path("harbour-hotel"))
    project.venue.report_date = "2025-07-01"
    return project


@pytest.fixture(scope="module")
def hotel_report(hotel: Project) -> tuple[bytes, int]:
    return report_pdf_bytes(hotel, result=check_project(hotel))


def test_report_text(hotel: Project, hotel_report: tuple[bytes, int]) -> None:
    data, pages = hotel_report
    assert pages == len(pypdf.PdfReader(io.BytesIO(data)).pages)
    text = pdf_text(data).replace("\n", "")
    pack = load_rule_pack("cn-2025")
    result = check_project(hotel)
    for f in result.findings:
        assert pack.title(f.code, "zh") in text, f.code
    for needle in ("合规检查与个人信息保护影响评估报告", "不合格", "2025-07-01", "海港酒店管理有限公司",
                   "Art. 55, 56", "100,000", "30 个工作日", "至少保存 3 年", "加密 Encryption", "入侵检测",
                   "《人脸识别技术应用安全管理办法》", "L1-cam-corridor-sees-wc-f"):
        assert needle in text, needle


def test_report_fonts_pages_determinism(hotel_report: tuple[bytes, int]) -> None:
    data, pages = hotel_report
    assert font_problems(data) == []
    assert drawn_outside(data) == []
    for n in range(pages):
        assert ink_ratio(render(data, n, 0.15)) > 0.01
    again = load_project(sample_path("harbour-hotel"))
    again.venue.report_date = "2025-07-01"
    assert report_pdf_bytes(again, result=check_project(again))[0] == data


def test_report_without_face_recognition(tmp_path: Path) -> None:
    project = corridor_and_restroom()
    project.venue.report_date = "2025-01-02"
    pages = write_report_pdf(project, tmp_path / "r.pdf", result=check_project(project))
    text = pdf_text((tmp_path / "r.pdf").read_bytes())
    assert pages >= 2
    assert "未使用人脸识别" in text
    assert "VIEW_INTO_PRIVATE_SPACE" in text


def test_rule_status_and_remedies() -> None:
    pack = load_rule_pack("cn-2025")
    result = check_project(corridor_and_restroom())
    assert rule_status(pack, "NO_ALTERNATIVE", result.findings, has_fr=False) == "n/a"
    assert rule_status(pack, "VIEW_INTO_PRIVATE_SPACE", result.findings, has_fr=False) == "fail"
    assert rule_status(pack, "INVALID_GEOMETRY", result.findings, has_fr=False) == "pass"
    mask = PrivacyMask(from_deg=18.5, to_deg=31.0, columns=(1350, 1702))
    zh, en = describe(mask, "zh"), describe(mask, "en")
    assert "1350–1702" in zh and "privacy-mask" in en
    two = PrivacyMask(from_deg=-20.0, to_deg=31.0, masks=(MaskSpan(-20.0, -5.0, (10, 400)),
                                                          MaskSpan(18.5, 31.0, (1350, 1702))))
    assert "-20.0°…-5.0° (image columns 10–400 px), +18.5°…+31.0° (image columns 1350–1702 px)" in describe(two, "en")


def test_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    def broken(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pdf_module.os, "replace", broken)
    with pytest.raises(OSError):
        pdf_module.atomic_write(target, b"%PDF-new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["report.pdf"]


def test_cli_report(tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    assert main(["report", str(sample_path("mall-fitting")), "-o", str(out)], out=io.StringIO()) == 0
    assert pypdf.PdfReader(out).pages
    err = io.StringIO()
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["report", str(bad), "-o", str(tmp_path / "x.pdf")], out=io.StringIO(), err=err) == 2
    assert err.getvalue().startswith("planner: ") and not (tmp_path / "x.pdf").exists()
