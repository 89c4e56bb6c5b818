"""The Linux desktop integration files agree with each other, with the program and with its project files."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import planner
from planner.io import load_project, save_project

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "assets" / "icons"
APP_ID = "org.venueplanner.VenuePlanner"
MIME_TYPE = "application/x-venue-planner-project"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PNG_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(LINUX / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_projects_with_the_editor():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"] == "planner open %f"
    assert entry["Icon"] == APP_ID
    assert entry["MimeType"].split(";")[:-1] == [MIME_TYPE]
    assert entry["Name"] == "Venue Planner"
    assert entry["Name[zh_CN]"]  # Chinese-first users see a Chinese menu entry
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "venue-planner"  # QApplication's name, set in planner.ui.app


def test_metainfo_describes_this_program_and_version():
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert root.findtext("provides/binary") == "planner"
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.findtext("project_license") == "Apache-2.0"
    releases = [r.get("version") for r in root.iter("release")]
    assert releases and releases[0] == planner.__version__, "add a <release> for the new version to the metainfo"
    assert any(name.get(XML_LANG) == "zh_CN" for name in root.findall("name"))


def mime_type() -> ET.Element:
    root = ET.parse(LINUX / f"{APP_ID}.mime.xml").getroot()
    (element,) = root.findall(f"{MIME_NS}mime-type")
    assert element.get("type") == MIME_TYPE
    return element


def magic_matches(data: bytes) -> bool:
    """Apply the MIME type's (nested) magic rules to a file's first bytes, as shared-mime-info does."""

    def value(match: ET.Element) -> bytes:
        return match.get("value", "").encode("latin-1").decode("unicode_escape").encode("latin-1")

    def matches(match: ET.Element) -> bool:
        offset = int(match.get("offset", "0"))
        if data[offset : offset + len(value(match))] != value(match):
            return False
        children = match.findall(f"{MIME_NS}match")
        return not children or any(matches(child) for child in children)

    magic = mime_type().find(f"{MIME_NS}magic")
    assert magic is not None
    return any(matches(match) for match in magic.findall(f"{MIME_NS}match"))


def test_mime_type_globs_vplan_and_is_a_zip():
    element = mime_type()
    assert [g.get("pattern") for g in element.findall(f"{MIME_NS}glob")] == ["*.vplan"]
    assert element.find(f"{MIME_NS}sub-class-of").get("type") == "application/zip"


@pytest.mark.parametrize("sample", sorted((ROOT / "assets" / "samples").glob("*.vplan")), ids=lambda p: p.name)
def test_mime_magic_recognises_the_samples(sample: Path):
    assert magic_matches(sample.read_bytes()[:64])


def test_mime_magic_recognises_what_the_program_saves(tmp_path: Path):
    project = load_project(ROOT / "assets" / "samples" / "harbour-hotel.vplan")
    save_project(project, tmp_path / "saved.vplan", backup=False)
    assert magic_matches((tmp_path / "saved.vplan").read_bytes()[:64]), "project.json must stay the first member"
    assert not magic_matches(b"PK\x03\x04" + bytes(26) + b"word/document.xml")


@pytest.mark.parametrize("size", PNG_SIZES)
def test_icon_pngs_have_their_size(size: int):
    data = (ICONS / f"venue-planner-{size}.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (size, size)


def test_icon_sources_are_there():
    svg = ET.parse(ICONS / "venue-planner.svg").getroot()
    assert svg.get("viewBox") == "0 0 512 512"
    assert (ICONS / "venue-planner.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    assert (ICONS / "venue-planner.icns").read_bytes()[:4] == b"icns"


def test_the_same_app_id_everywhere():
    for path in (ROOT / "packaging" / "venue-planner.spec", LINUX / "install-desktop.sh"):
        assert re.search(rf"APP_ID\s*=\s*\"?{re.escape(APP_ID)}\"?", path.read_text(encoding="utf-8")), path


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_desktop_file_validates():
    subprocess.run(["desktop-file-validate", str(LINUX / f"{APP_ID}.desktop")], check=True)


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_metainfo_validates():
    subprocess.run(["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")], check=True,
                   stdout=subprocess.DEVNULL)


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("bash") is None, reason="Linux only")
def test_install_desktop_installs_and_removes(tmp_path: Path):
    program = tmp_path / "My Programs" / "planner"  # a space in the path must be quoted in Exec
    program.parent.mkdir()
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    prefix = tmp_path / "share"
    env = {**os.environ, "XDG_DATA_HOME": str(prefix)}
    script = LINUX / "install-desktop.sh"
    subprocess.run(["bash", str(script), "--exec", str(program)], check=True, env=env, stdout=subprocess.DEVNULL)

    desktop = (prefix / "applications" / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    assert f'Exec="{program}" open %f' in desktop.splitlines()
    for size in PNG_SIZES:
        assert (prefix / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (prefix / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg").is_file()
    assert (prefix / "mime" / "packages" / f"{APP_ID}.xml").is_file()
    assert (prefix / "metainfo" / f"{APP_ID}.metainfo.xml").is_file()
    if shutil.which("update-mime-database"):
        assert f"{MIME_TYPE}:*.vplan" in (prefix / "mime" / "globs2").read_text(encoding="utf-8")

    subprocess.run(["bash", str(script), "--uninstall"], check=True, env=env, stdout=subprocess.DEVNULL)
    assert not list(prefix.rglob(f"{APP_ID}*"))
