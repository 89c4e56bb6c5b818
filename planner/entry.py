"""The ``planner`` console script: a thin dispatcher.

``planner`` and ``planner open [FILE]`` start the editor and only then import
Qt; every other subcommand goes to :mod:`planner.cli`, which never imports Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch to the editor or the headless command line; return the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] == "open":
        try:
            from planner.ui.app import run
        except ImportError as exc:
            sys.stderr.write(
                f"planner: the editor cannot start: {exc}\n"
                "planner: on Debian/Ubuntu install Qt's libraries with: sudo apt-get install -y libegl1 libgl1 "
                "libdbus-1-3 libfontconfig1 libglib2.0-0 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 "
                "libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 libxcb-render-util0 libxcb-shape0 "
                "libxcb-xkb1 libx11-xcb1\n"
            )
            return 2
        return run(args[1:])
    from planner.cli import main as cli_main

    return cli_main(args)
