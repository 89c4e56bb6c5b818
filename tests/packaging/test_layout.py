"""The packaging folder stays a folder of scripts, never a package that shadows PyPI's ``packaging``."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_packaging_folder_is_not_a_package():
    assert not (ROOT / "packaging" / "__init__.py").exists(), (
        "packaging/__init__.py would shadow the 'packaging' library for anything run from the checkout root "
        "(python -m build, pip, PyInstaller)"
    )


def test_the_packaging_library_imports_from_the_checkout_root():
    proc = subprocess.run(
        [sys.executable, "-c", "import packaging.requirements, packaging.version"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert proc.returncode == 0, proc.stderr


def test_the_files_the_spec_names_exist():
    spec = (ROOT / "packaging" / "venue-planner.spec").read_text(encoding="utf-8")
    for name in ("launch_planner.py", "venue_planner_selftest.py", "linux/install-desktop.sh"):
        assert Path(name).name in spec or Path(name).stem in spec, name
        assert (ROOT / "packaging" / name).is_file(), name
    for icon in ("venue-planner.ico", "venue-planner.icns"):
        assert icon in spec and (ROOT / "assets" / "icons" / icon).is_file(), icon
