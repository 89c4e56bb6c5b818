"""Entry script of the desktop bundle's programs (PyInstaller freezes this file).

- ``planner`` (console): the same as the ``planner`` console script of the wheel:
  no argument or ``open`` starts the editor, other subcommands run headless.
- ``VenuePlanner`` (Windows and macOS, no console window): always the editor;
  its arguments are the files to open (what a file manager passes on a
  double-click).

With ``VENUE_PLANNER_SELFTEST=1`` in the environment, either program runs the
bundle's self-test instead (``packaging/venue_planner_selftest.py``).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from pathlib import Path

#: Executable names (without suffix, case-insensitive) that always open the editor.
EDITOR_NAMES = {"venueplanner", "venue planner"}


def _streams() -> None:
    """Give a windowed program (no console: sys.stdout is None) somewhere harmless to write."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115  (lives as long as the program)


def main() -> int:
    multiprocessing.freeze_support()
    _streams()
    if os.environ.get("VENUE_PLANNER_SELFTEST", "").strip() not in ("", "0"):
        from venue_planner_selftest import main as selftest

        return selftest(sys.argv[1:])
    from planner.entry import main as planner_main

    argv = sys.argv[1:]
    if Path(sys.executable).stem.lower() in EDITOR_NAMES:
        files = [a for a in argv if not a.startswith("-psn_")]  # old macOS adds a process serial number
        argv = ["open", *files[:1]]
    return planner_main(argv)


if __name__ == "__main__":
    sys.exit(main())
