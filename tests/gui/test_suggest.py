"""Tools ▸ Suggest Cameras and the blind-spot layer, driven as a user does."""

from __future__ import annotations

import pytest

from planner.model import SetProperty
from tests.gui.helpers import make_editor
from tests.unit import layout_venues as venues

pytestmark = pytest.mark.gui


def _propose(qtbot, window, time_limit_s=5.0):
    with qtbot.waitSignal(window.suggest.proposed, timeout=120_000):
        assert window.suggest.start(time_limit_s=time_limit_s)
    assert window.suggest.layout is not None
    return window.suggest.layout


def test_suggest_shows_ghosts_and_accepts_some_as_one_undo_step(qtbot, tmp_path):
    window, dialogs = make_editor(qtbot, tmp_path, venues.corridor())
    project = window.project
    lay = _propose(qtbot, window)
    assert not dialogs.errors
    assert len(lay.cameras) == 2 and set(window.suggest.ghosts) == {c.id for c in lay.cameras}
    panel = window.suggest.panel
    assert panel.isVisible() and panel.cameras.count() == 2 and "48.0" in panel.summary.text()
    assert not project.level("L1").cameras  # nothing placed yet
    first, second = (c.id for c in lay.cameras)
    panel.set_checked(second, False)
    assert not window.suggest.ghosts[second].chosen and window.suggest.ghosts[first].chosen
    before = window.document.stack.count()
    panel.accept()
    assert [c.id for c in project.level("L1").cameras] == [first]
    assert not window.suggest.ghosts and window.suggest.panel is None
    assert window.document.stack.count() == before + 1
    window.document.stack.undo()
    assert not project.level("L1").cameras and not project.level("L1").signs
    window.document.stack.redo()
    assert [c.id for c in project.level("L1").cameras] == [first]


def test_suggest_for_selected_zones_and_cancel(qtbot, tmp_path):
    project = venues.entrance_hall()
    window, _ = make_editor(qtbot, tmp_path, project)
    window.scene.select_entity("office")
    lay = _propose(qtbot, window)
    assert not lay.cameras and not lay.zones  # the office requires nothing
    window.suggest.cancel()
    window.scene.select_entity("hall")
    lay = _propose(qtbot, window)
    assert lay.cameras and [z.zone_id for z in lay.zones] == ["hall"]
    window.suggest.accept()
    assert project.level("L1").cameras and project.level("L1").signs


def test_blind_spots_follow_the_cameras(qtbot, tmp_path):
    window, _ = make_editor(qtbot, tmp_path, venues.corridor())
    layer = window.blind_spots
    layer.action.setChecked(True)
    assert layer.item.scene() is window.scene
    assert layer.last is not None and layer.last.unmet_m2 == pytest.approx(48.0)
    assert layer.item.count == 192
    _propose(qtbot, window)
    window.suggest.accept()
    qtbot.waitUntil(lambda: layer.last is not None and layer.last.unmet_m2 == 0.0, timeout=10_000)
    assert layer.item.count == 0
    cam = window.project.level("L1").cameras[0]
    computed = layer.spots.computed
    window.push(SetProperty(cam.id, {"heading_deg": (cam.heading_deg + 180) % 360}))
    qtbot.waitUntil(lambda: layer.last is not None and layer.last.unmet_m2 > 0.0, timeout=10_000)
    assert layer.spots.computed == computed + 1  # only the moved camera was recomputed
    layer.action.setChecked(False)
    assert layer.item.scene() is None


def test_zone_coverage_is_shown_and_edited(qtbot, tmp_path):
    window, _ = make_editor(qtbot, tmp_path, venues.corridor())
    window.scene.select_entity("corr")
    box = window.properties.findChild(type(window.level_combo), "coverage")
    assert box is not None and box.currentData() == ""
    box.setCurrentIndex(box.findData("identify"))
    assert window.project.get("corr").coverage == "identify"
    window.document.stack.undo()
    assert window.project.get("corr").coverage is None


def test_lens_calculator_offers_the_catalogue(qtbot, tmp_path):
    from planner.layout import load_catalogue
    from planner.model import Camera

    project = venues.corridor()
    project.insert("L1", Camera(id="c1", position=(1.0, 1.0)))
    window, _ = make_editor(qtbot, tmp_path, project)
    window.scene.select_entity("c1")
    props = window.properties
    models = [props.model_box.itemData(i) for i in range(1, props.model_box.count())]
    assert [m.id for m in models] == [m.id for m in load_catalogue()]
    model = load_catalogue()["fixed-6-4mp"]
    props.model_box.setCurrentIndex(1 + [m.id for m in models].index(model.id))
    assert props.focal.value() == 6.0 and props.sensor.currentData() == 4.8
    assert props.lens_result.text() == f"{model.hfov_deg:.1f}°"
    props.findChild(type(props.lens_apply), "apply_model").click()
    cam = window.project.get("c1")
    assert cam.resolution == (2560, 1440) and cam.hfov_deg == round(model.hfov_deg, 1) and cam.kind == "fixed"
    window.document.stack.undo()
    assert window.project.get("c1").resolution == (1920, 1080)
