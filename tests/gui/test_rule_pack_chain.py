"""A rule pack in which a gym is private: the check, the editor, the plans and the report all follow it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pypdf
import pytest

from planner.io import save_project
from planner.output.plan import PlanView
from planner.output.report import assessment_rows, report_pdf_bytes
from planner.rules import check_project, load_rule_pack
from planner.rules.engine import ComplianceEngine
from planner.rules.pack import RULE_PACKS_ENV
from planner.ui.items import ZoneItem
from planner.vocabulary import display_category
from tests.gui.helpers import make_editor
from tests.unit.test_rule_packs import gym_pack, gym_venue, run, write

pytestmark = pytest.mark.gui


@pytest.fixture
def gym_pack_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "packs"
    folder.mkdir()
    write(folder / "gym-private.json", gym_pack())
    monkeypatch.setenv(RULE_PACKS_ENV, str(folder))
    return folder


def test_gym_is_private_everywhere(qtbot, tmp_path: Path, gym_pack_folder: Path) -> None:
    project = gym_venue()
    project.venue.rule_pack = "gym-private"
    # the check, headless and on the command line
    result = check_project(project)
    assert result.rule_pack == "gym-private"
    errors = {(f.code, f.camera, f.zone) for f in result.findings if f.severity == "error"}
    assert {("DEVICE_IN_PRIVATE_SPACE", "c2", "wc"), ("VIEW_INTO_PRIVATE_SPACE", "c1", "wc")} <= errors
    save_project(project, tmp_path / "gym.vplan")
    code, out, _ = run("check", str(tmp_path / "gym.vplan"), "--format", "json")
    assert code == 1 and json.loads(out)["rule_pack"] == "gym-private"
    # the editor: the gym is hatched and listed as private; back to the shipped pack, it is not
    window, _ = make_editor(qtbot, tmp_path, project)
    gym = window.scene.item_for("wc")
    assert isinstance(gym, ZoneItem) and gym.private and not window.scene.item_for("corr").private
    tools_use = window.tools_panel.use
    assert tools_use.itemText(tools_use.findData("gym")) == "Gym (private)"
    window.scene.select_ids(["wc"])
    uses = window.properties.page("zone").findChild(type(tools_use), "use")
    assert uses.currentText() == "Gym (private)"
    window.compliance.refresh()
    assert {f.code for f in window.compliance.findings if f.zone == "wc"} >= {"DEVICE_IN_PRIVATE_SPACE"}
    project.update("venue", rule_pack="cn-2025")
    assert not gym.private and tools_use.itemText(tools_use.findData("gym")) == "Gym"
    assert tools_use.itemText(tools_use.findData("restroom")) == "Restroom (private)"
    project.update("venue", rule_pack="gym-private")
    assert gym.private
    # the plans of the guide and the report draw it as a private space; with face recognition, the impact
    # assessment finds the private-space row not met because of the gym
    project.update("c1", face_recognition=True)
    engine = ComplianceEngine(project)
    try:
        view = PlanView(project, project.levels[0], engine, box_pt=(0, 0, 400, 300))
        assert display_category("gym", view.private_uses) == "private"
        # the report counts it and reports the camera inside it
        result = check_project(project, engine=engine)
        data, _pages = report_pdf_bytes(project, result=result, engine=engine)
    finally:
        engine.close()
    (row,) = [r for r in assessment_rows(project, result, load_rule_pack("gym-private")) if r.id == "private_spaces"]
    assert row.status == "not_met" and {f.zone for f in row.findings} == {"wc"}
    text = "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
    assert "gym-private" in text and "健身房" in text
    assert "私密空间 Private spaces 1" in text.replace("\n", " ")
    pack = load_rule_pack("gym-private")
    assert pack.title("DEVICE_IN_PRIVATE_SPACE", "zh") in text
