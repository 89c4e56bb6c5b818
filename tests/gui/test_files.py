"""Files: new, open, save, save as, recent files, prompts, failed saves, autosave and recovery, import, export."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QImage

from planner.io import load_project, save_project
from planner.model import SetProperty
from planner.ui.files import RecentFiles, pending_recoveries
from planner.ui.window import MainWindow
from tests.gui.helpers import FakeDialogs, make_editor, snapshot
from tests.venues import corridor_and_restroom

pytestmark = pytest.mark.gui


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    path = tmp_path / "hotel.vplan"
    save_project(corridor_and_restroom(fr=True), path)
    return path


@pytest.fixture
def editor(qtbot, tmp_path: Path, saved: Path):
    window, dialogs = make_editor(qtbot, tmp_path)
    assert window.open_path(saved)
    return window, dialogs


def _edit(window: MainWindow, heading: float = 45.0) -> None:
    window.push(SetProperty("c1", {"heading_deg": heading}), text="Aim camera c1")


def test_open_save_and_recent_files(editor, saved: Path, tmp_path: Path) -> None:
    window, dialogs = editor
    assert window.path == saved and RecentFiles().paths()[0] == saved.resolve()
    _edit(window)
    assert window.isWindowModified()
    window.acts.save.trigger()  # saved before: no question
    assert not window.isWindowModified() and load_project(saved).get("c1").heading_deg == 45
    assert (tmp_path / "hotel.vplan.bak").exists()
    other = tmp_path / "copy"
    dialogs.save_path = str(other)
    window.acts.save_as.trigger()
    assert window.path == tmp_path / "copy.vplan" and (tmp_path / "copy.vplan").exists()
    assert [p.name for p in RecentFiles().paths()[:2]] == ["copy.vplan", "hotel.vplan"]
    window.files.fill_recent_menu()
    titles = [a.text() for a in window.acts.recent_menu.actions()]
    assert str((tmp_path / "copy.vplan").resolve()) in titles
    assert window.files.open_recent(saved.resolve()) and window.path == saved.resolve()


def test_new_and_open_ask_before_dropping_changes(editor, saved: Path) -> None:
    window, dialogs = editor
    project = window.project
    _edit(window)
    dialogs.save_changes = "cancel"
    window.acts.new.trigger()
    assert window.project is project and ("save_changes", "hotel.vplan") in dialogs.asked
    dialogs.open_path = str(saved)
    window.acts.open.trigger()
    assert window.project is project  # cancelled again
    dialogs.save_changes = "discard"
    window.acts.new.trigger()
    assert window.project is not project and window.path is None and not window.isWindowModified()
    assert [lv.name for lv in window.project.levels] == ["Ground floor"]
    assert load_project(saved).get("c1").heading_deg == 90  # the discarded edit never reached the file


def test_close_asks_and_can_save_or_stay(qtbot, editor, saved: Path) -> None:
    window, dialogs = editor
    _edit(window)
    dialogs.save_changes = "cancel"
    assert not window.close() and window.isVisible()
    dialogs.save_changes = "save"
    assert window.close()
    assert load_project(saved).get("c1").heading_deg == 45


def test_failed_save_keeps_the_previous_file_and_the_changes(editor, saved: Path, monkeypatch) -> None:
    window, dialogs = editor
    before = saved.read_bytes()
    _edit(window)

    def full_disk(src, dst):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)  # the disk fills up at the last moment of the save
    window.acts.save.trigger()
    assert saved.read_bytes() == before
    assert window.isWindowModified() and window.project.get("c1").heading_deg == 45
    assert len(dialogs.errors) == 1 and "hotel.vplan" in dialogs.errors[0][1]
    assert "No space left" in dialogs.errors[0][1]
    assert sorted(p.name for p in saved.parent.iterdir() if p.name.startswith(".")) == []  # no temp files
    monkeypatch.undo()
    window.acts.save.trigger()
    assert not window.isWindowModified() and load_project(saved).get("c1").heading_deg == 45


def test_open_errors_are_one_line_and_keep_the_project(editor, tmp_path: Path) -> None:
    window, dialogs = editor
    project = window.project
    broken = tmp_path / "broken.vplan"
    broken.write_bytes(b"PK not really")
    assert not window.open_path(broken)
    assert window.project is project
    _title, message = dialogs.errors[-1]
    assert "broken.vplan" in message and "\n" not in message


def test_autosave_writes_a_recovery_copy_only_while_modified(editor, tmp_path: Path, saved: Path) -> None:
    window, _ = editor
    autosave = window.files.autosave
    assert not autosave.save_now() and not autosave.path.exists()  # nothing to save
    _edit(window)
    assert autosave.save_now() and autosave.path.exists()
    note = json.loads(autosave.note.read_text(encoding="utf-8"))
    assert note["original"] == str(saved) and note["pid"] == os.getpid()
    assert load_project(autosave.path).get("c1").heading_deg == 45
    assert not autosave.save_now()  # unchanged since
    window.acts.save.trigger()
    assert not autosave.path.exists() and not autosave.note.exists()  # saved: no recovery copy left


def test_autosave_timer_runs_every_interval(qtbot, tmp_path: Path, saved: Path) -> None:
    window = MainWindow(language="en", recovery_dir=tmp_path / "rec")
    qtbot.addWidget(window)
    window.dialogs = FakeDialogs()
    assert window.files.autosave.timer.interval() == 60_000 and window.files.autosave.timer.isActive()
    window.open_path(saved)
    window.files.autosave.timer.setInterval(30)
    _edit(window)
    qtbot.waitUntil(lambda: window.files.autosave.path.exists(), timeout=2000)
    window.dialogs.save_changes = "discard"
    window.close()
    assert not window.files.autosave.path.exists()  # a clean close leaves nothing behind


def test_recovery_after_a_crash(qtbot, tmp_path: Path, saved: Path) -> None:
    crashed, _ = make_editor(qtbot, tmp_path)
    crashed.open_path(saved)
    _edit(crashed, 123.0)
    crashed.files.autosave.save_now()
    note = crashed.files.autosave.note
    data = json.loads(note.read_text(encoding="utf-8"))
    data["pid"] = 2**22 + 12345  # the process that wrote it is gone
    note.write_text(json.dumps(data), encoding="utf-8")
    entries = pending_recoveries(tmp_path / "recovery")
    assert [e.original for e in entries] == [saved]

    window, dialogs = make_editor(qtbot, tmp_path)
    dialogs.recover = True
    assert window.files.offer_recovery()
    assert dialogs.asked[-1][0] == "recover"
    assert window.project.get("c1").heading_deg == 123 and window.path == saved
    assert window.isWindowModified()  # recovered work is unsaved work
    assert load_project(saved).get("c1").heading_deg == 90
    # the crashed session's copy stays until the recovered work is saved
    assert [e.original for e in pending_recoveries(tmp_path / "recovery")] == [saved]
    assert window.files.save()
    assert pending_recoveries(tmp_path / "recovery") == []
    assert load_project(saved).get("c1").heading_deg == 123


def _crash(qtbot, tmp_path: Path, path: Path, heading: float, pid: int) -> Path:
    """A session that edited ``path``, autosaved, then died."""
    crashed, _ = make_editor(qtbot, tmp_path)
    assert crashed.open_path(path)
    _edit(crashed, heading)
    assert crashed.files.autosave.save_now()
    note = crashed.files.autosave.note
    data = json.loads(note.read_text(encoding="utf-8"))
    data["pid"] = pid  # the process that wrote it is gone
    data["saved"] = f"2026-01-01 10:00:{pid % 60:02d}"
    note.write_text(json.dumps(data), encoding="utf-8")
    crashed.files.autosave.timer.stop()
    crashed.files.autosave._session = "detached"  # this window no longer owns the copy
    return note.with_suffix(".vplan")


def test_opening_the_file_offers_its_autosaved_work(qtbot, tmp_path: Path, saved: Path) -> None:
    copy = _crash(qtbot, tmp_path, saved, 123.0, 2**22 + 7)
    window, dialogs = make_editor(qtbot, tmp_path)  # e.g. a double-click on the file in the file manager
    dialogs.recover = True
    assert window.open_path(saved)
    assert dialogs.asked[-1][0] == "recover" and len(dialogs.asked[-1][1]) == 1
    assert window.project.get("c1").heading_deg == 123 and window.path == saved and window.isWindowModified()
    assert copy.exists()  # kept until the work is saved
    window.files.save()
    assert not copy.exists()


def test_recovering_one_session_keeps_the_others(qtbot, tmp_path: Path, saved: Path) -> None:
    other = tmp_path / "other.vplan"
    save_project(corridor_and_restroom(), other)
    first = _crash(qtbot, tmp_path, saved, 111.0, 2**22 + 11)
    second = _crash(qtbot, tmp_path, other, 122.0, 2**22 + 22)
    entries = pending_recoveries(tmp_path / "recovery")
    assert len(entries) == 2 and all(e.saved for e in entries)  # each listed with its time
    window, dialogs = make_editor(qtbot, tmp_path)
    dialogs.recover = True
    assert window.files.offer_recovery()
    assert len([a for a in dialogs.asked if a[0] == "recover"]) == 1
    assert first.exists() and second.exists()  # recovering one deletes no other copy
    window.files.save()
    newest = entries[0].path
    assert not newest.exists() and (first if newest == second else second).exists()
    # the next start offers the remaining one; declining it deletes it (and only it)
    window2, dialogs2 = make_editor(qtbot, tmp_path)
    dialogs2.recover = False
    assert not window2.files.offer_recovery()
    assert pending_recoveries(tmp_path / "recovery") == []


def test_declined_recovery_deletes_the_copies(qtbot, tmp_path: Path, saved: Path) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    save_project(corridor_and_restroom(), folder / "recovery-dead.vplan", backup=False)
    (folder / "recovery-dead.json").write_text(json.dumps({"original": None, "pid": 2**22 + 1, "saved": "x"}))
    window, dialogs = make_editor(qtbot, tmp_path)
    dialogs.recover = False
    assert not window.files.offer_recovery()
    assert list(folder.iterdir()) == []


def _png(path: Path, width: int = 200, height: int = 100) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(220, 230, 240))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    path.write_bytes(bytes(data.data()))
    return path


def test_import_background_image_is_one_step(editor, tmp_path: Path) -> None:
    window, dialogs = editor
    project = window.project
    before = snapshot(project)
    dialogs.open_path = str(_png(tmp_path / "scan.png"))
    window.acts.background.trigger()
    level = project.level("L1")
    assert len(level.backgrounds) == 1 and level.backgrounds[0].source in project.files
    assert len(window.scene.background_items) == 1 and not window.scene.background_items[0].pixmap().isNull()
    assert window.document.stack.undoText() == "Import background scan.png"
    window.acts.undo.trigger()
    assert snapshot(project) == before and len(window.scene.background_items) == 0


def test_import_plan_reviews_every_zone_use(qtbot, tmp_path: Path) -> None:
    fixtures = pytest.importorskip("tests.unit.import_fixtures")
    pytest.importorskip("planner.importers")
    dxf = fixtures.hotel_floor_dxf(tmp_path / "floor.dxf")
    window, dialogs = make_editor(qtbot, tmp_path)
    dialogs.open_path = str(dxf)
    dialogs.import_uses = None  # accept the suggestions ...
    window.acts.import_plan.trigger()
    review = next(value for kind, value in dialogs.asked if kind == "review")
    assert review and all(len(row) == 3 for row in review)
    assert any(use == "restroom" for _, use, _ in review)
    assert not window.isWindowModified() and window.path is None  # new and unsaved, but nothing edited yet
    assert "imported from floor.dxf" in window.windowTitle()
    zones = {z.id: z.use for lv in window.project.levels for z in lv.zones}
    assert {zone for zone, _, _ in review} <= set(zones)


def test_export_pdfs(editor, tmp_path: Path) -> None:
    window, dialogs = editor
    for kind in ("signs", "guide", "report"):
        module = {"signs": "planner.output.signs", "guide": "planner.output.guide",
                  "report": "planner.output.report"}[kind]
        try:
            __import__(module)
        except ImportError:
            continue
        target = tmp_path / f"out-{kind}.pdf"
        dialogs.save_path = str(target)
        getattr(window.acts, f"export_{kind}").trigger()
        assert target.exists() and target.read_bytes().startswith(b"%PDF"), (kind, dialogs.errors)


def test_import_background_pdf_page(editor, tmp_path: Path) -> None:
    pytest.importorskip("planner.importers")
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    pdf = tmp_path / "plan.pdf"
    canvas = Canvas(str(pdf), pagesize=A4)
    canvas.rect(50, 50, 400, 300, stroke=1, fill=0)
    canvas.showPage()
    canvas.save()
    window, dialogs = editor
    dialogs.open_path = str(pdf)
    window.acts.background.trigger()
    assert not dialogs.errors, dialogs.errors
    level = window.project.level("L1")
    assert len(level.backgrounds) == 1
    assert len(window.scene.background_items) == 1 and not window.scene.background_items[0].pixmap().isNull()
