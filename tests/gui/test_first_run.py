"""A first run that guides: start panel, help, the sample first and the last file after, live language switch."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from planner.io import save_project
from planner.ui.app import open_at_start
from planner.ui.help import StartPanel, UserGuideDialog, user_guide_path
from tests.gui.helpers import make_editor
from tests.venues import corridor_and_restroom

pytestmark = pytest.mark.gui


def test_an_empty_project_shows_where_to_start(qtbot, tmp_path: Path) -> None:
    window, _ = make_editor(qtbot, tmp_path)
    panel = window.start_panel
    assert isinstance(panel, StartPanel) and panel.isVisible()
    texts = [b.text() for b in panel.buttons]
    assert len(texts) == 6 and "Import a plan" in texts[0] and "(Ctrl+I)" in texts[0]
    assert "Place cameras" in texts[3] and "(C)" in texts[3] and "Print the signs" in texts[5]
    panel.buttons[3].click()
    assert window.view.tool is window.tools["camera"]
    window.scene.select_ids([])
    from planner.model import AddItem, Zone

    window.push(AddItem("L1", Zone(id="z1", polygon=((0, 0), (4, 0), (4, 3), (0, 3)))))
    assert not panel.isVisible()
    window.acts.undo.trigger()
    assert panel.isVisible()


def test_findings_dock_starts_large(qtbot, tmp_path: Path) -> None:
    window, _ = make_editor(qtbot, tmp_path, corridor_and_restroom())
    # about nine rows, not three (a loaded machine may take seconds to lay the window out)
    qtbot.waitUntil(lambda: window.findings.height() >= 300, timeout=10000)
    window.close()
    again, _ = make_editor(qtbot, tmp_path, corridor_and_restroom())
    assert not again.size_docks_on_show  # the layout the user left is kept


def test_help_opens_the_bilingual_guide_and_lists_every_shortcut(qtbot, tmp_path: Path) -> None:
    window, dialogs = make_editor(qtbot, tmp_path)
    guide = user_guide_path()
    text = guide.read_text(encoding="utf-8")
    assert "## English" in text and "## 中文" in text and "Ctrl+Z" in text
    window.acts.user_guide.trigger()
    dialog = next(value for kind, value in dialogs.asked if kind == "dialog")
    assert isinstance(dialog, UserGuideDialog) and "Calibrate" in dialog.browser.toPlainText()
    assert "校准比例" in dialog.browser.toPlainText()
    window.acts.shortcuts.trigger()
    table = [value for kind, value in dialogs.asked if kind == "dialog"][-1].table
    rows = {table.item(i, 1).text(): table.item(i, 0).text() for i in range(table.rowCount())}
    assert "Ctrl+Z" in rows["Undo"] and "Ctrl+I" in rows["Import Plan"] and rows["Camera"] == "C"
    assert "Pan the plan" in rows


def test_no_argument_opens_the_sample_first_and_the_last_file_after(qtbot, tmp_path: Path) -> None:
    window, _ = make_editor(qtbot, tmp_path)
    last = tmp_path / "mine.vplan"
    save_project(corridor_and_restroom(), last)
    window.files.recent.add(last)  # a file is in the recent list already: the first run still shows the sample
    assert open_at_start(window) == "sample"
    assert window.path is None and window.project.venue.name and "Harbour" in window.project.venue.name
    assert not window.isWindowModified()
    second, _ = make_editor(qtbot, tmp_path)
    assert open_at_start(second) == "last" and second.path == last
    assert QSettings().value("app/first_run_done", type=bool)


def test_language_switches_at_once(qtbot, tmp_path: Path) -> None:
    window, _ = make_editor(qtbot, tmp_path, corridor_and_restroom())
    titles = [m.title() for m in window.menuBar().findChildren(type(window.acts.recent_menu))
              if m.title() and m.parent() is window.menuBar()]
    assert "&File" in titles
    try:
        window.acts.languages["zh"].trigger()
        titles = [a.text() for a in window.menuBar().actions()]
        assert any("文件" in t for t in titles) and any("帮助" in t for t in titles), titles
        assert window.acts.undo.text().startswith("撤销") or "撤销" in window.acts.undo.text()
        assert window.findings.tree.headerItem().text(4) != "Message"
        assert window.properties.windowTitle() != "Properties"
        assert "区域" in window.summary_label.text()
        assert window.findings.language == "zh"
    finally:
        window.acts.languages["en"].trigger()
    titles = [a.text() for a in window.menuBar().actions()]
    assert ("&File" in titles and window.acts.undo.text().startswith("&Undo")) or "Undo" in window.acts.undo.text()


def test_counts_use_plural_forms(qtbot, tmp_path: Path) -> None:
    window, _ = make_editor(qtbot, tmp_path, corridor_and_restroom())
    summary = window.summary_label.text()
    assert "1 sign" in summary and "1 signs" not in summary and "2 cameras" in summary


def test_right_click_offers_the_actions_for_what_is_under_the_pointer(qtbot, tmp_path: Path) -> None:
    window, _ = make_editor(qtbot, tmp_path, corridor_and_restroom(), centre=(5.0, 2.5))
    camera = window.scene.item_for("c1")
    menu = window.context_menu_for(camera, (0.5, 1.0))
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "Corridor" and "Face recognition" in texts and "&Delete" in texts
    assert window.scene.selected_ids() == ["c1"]
    zone_menu = window.context_menu_for(window.scene.item_for("wc"), (3.0, 4.0))
    use = next(a for a in zone_menu.actions() if a.menu() is not None)
    office = next(a for a in use.menu().actions() if a.text() == "Office")
    office.trigger()
    assert window.project.get("wc").use == "office"
    empty = window.context_menu_for(None, (20.0, 20.0))
    place = next(a for a in empty.actions() if a.text() == "Place a camera here")
    place.trigger()
    new = window.project.get(window.scene.selected_ids()[0])
    assert new.position == (20.0, 20.0) and new.name == "Camera 3"
