"""Killed at any point while saving, a project is the old version or the new one; nothing lingers after."""

from __future__ import annotations

import os
import random
import signal
import time
from pathlib import Path

import pytest

from planner.io import load_project, save_project
from planner.io.atomic import temp_files_of
from tests.venues import corridor_and_restroom

KILLS = int(os.environ.get("CRASH_KILLS", "60"))


def _versions() -> tuple[object, object]:
    old = corridor_and_restroom(fr=True)
    new = corridor_and_restroom(fr=True)
    new.update("c1", heading_deg=33.0)
    return old, new


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
@pytest.mark.parametrize("suffix", [".vplan", ".json"])
def test_killed_saves_never_lose_the_project(tmp_path: Path, suffix: str) -> None:
    old, new = _versions()
    target = tmp_path / f"p{suffix}"
    save_project(old, target)
    headings = {load_project(target).get("c1").heading_deg, 33.0}
    rnd = random.Random(12)
    killed_mid_write = 0
    for _ in range(KILLS):
        pid = os.fork()
        if pid == 0:  # the child saves the two versions over and over until it is killed
            try:
                while True:
                    save_project(new, target)
                    save_project(old, target)
            finally:
                os._exit(0)
        time.sleep(rnd.uniform(0.0, 0.08))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        killed_mid_write += bool(temp_files_of(target))
        assert load_project(target).get("c1").heading_deg in headings
        leftovers = {p.name for p in tmp_path.iterdir()} - {target.name, target.name + ".bak", "backgrounds"}
        assert all(name.startswith(f".{target.name}.partial-") for name in leftovers), leftovers
    save_project(new, target)  # the next write cleans what killed writers left
    assert temp_files_of(target) == []
    assert load_project(target).get("c1").heading_deg == 33.0
    assert killed_mid_write > 0  # some kills did land inside a write
