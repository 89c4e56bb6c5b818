"""The autosave killed at random points: the recovery copy is the old or the new work, never broken,
and the next start leaves no temporary file behind."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from planner.io import load_project, save_project
from planner.model import SetProperty
from planner.ui.files import pending_recoveries
from tests.gui.helpers import make_editor
from tests.venues import corridor_and_restroom

pytestmark = [pytest.mark.gui, pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")]

KILLS = int(os.environ.get("CRASH_KILLS", "50"))


def test_killed_autosaves_leave_a_readable_copy(qtbot, tmp_path: Path) -> None:
    saved = tmp_path / "hotel.vplan"
    save_project(corridor_and_restroom(fr=True), saved)
    window, _ = make_editor(qtbot, tmp_path)
    assert window.open_path(saved)
    autosave = window.files.autosave
    window.push(SetProperty("c1", {"heading_deg": 10.0}), text="Aim")
    assert autosave.save_now()
    rnd = random.Random(7)
    for _ in range(KILLS):
        pid = os.fork()
        if pid == 0:  # the real autosave path, over and over, alternating two versions of the work
            try:
                project = window.project
                cam = project.get("c1")
                while True:
                    for heading in (20.0, 10.0):
                        object.__setattr__(cam, "heading_deg", heading)
                        autosave.mark_dirty()
                        autosave.save_now()
            finally:
                os._exit(0)
        time.sleep(rnd.uniform(0.0, 0.08))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        assert load_project(autosave.path).get("c1").heading_deg in (10.0, 20.0)
        assert autosave.note.exists()
    # the next start: the copy is offered (its writer is alive here, so fake a dead one) and no temp file stays
    leftovers = [p for p in autosave.folder.iterdir() if p.name.startswith(".")]
    pending_recoveries(autosave.folder)
    assert all(not p.exists() for p in leftovers)
    assert [p.name for p in autosave.folder.iterdir() if p.name.startswith(".")] == []
    window.files.closing()
    assert list(autosave.folder.iterdir()) == []
