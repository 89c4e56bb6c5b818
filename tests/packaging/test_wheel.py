"""Smoke-test what ships: the wheel, installed into a clean environment away from the checkout (habit 15).

Runs ``packaging/smoke_wheel.py``: it builds the wheel with pip, checks that it
carries every asset (translations included), installs it with its dependencies
into a new virtual environment in a temporary folder, and there runs the
self-test (planner imported from the environment, fonts, translations and icons
load), ``planner check`` on the installed sample, the other subcommands, and
the editor offscreen. About 40 s with pip's cache warm.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_wheel_installs_and_runs_away_from_the_checkout(tmp_path: Path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "smoke_wheel.py")],
        capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=900, check=False,
        cwd=tmp_path, stdin=subprocess.DEVNULL,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert "all" in output.splitlines()[-1] and "steps passed" in output.splitlines()[-1], output
