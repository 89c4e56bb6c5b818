"""Start the desktop application: ``planner`` and ``planner open [FILE]``."""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from planner import assets
from planner.ui import qtcompat  # noqa: F401  (before any painting: see the module)
from planner.ui.i18n import chosen_language, install_translators, translate
from planner.ui.window import APP_NAME, MainWindow

__all__ = ["run", "parse_args", "install_fonts", "application", "open_at_start"]

log = logging.getLogger(__name__)


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Parse the arguments after ``planner open``."""
    parser = argparse.ArgumentParser(
        prog="planner open", description=f"Open a project in {APP_NAME} (the bundled hotel sample by default)."
    )
    parser.add_argument("file", nargs="?", type=Path, help="a .vplan project or a project.json")
    return parser.parse_args(argv)


def install_fonts() -> list[str]:
    """Register the bundled fonts (Chinese text on machines without CJK fonts); return their families."""
    families: list[str] = []
    try:
        fonts = sorted(assets.asset_path("fonts").glob("*.tt[cf]"))
    except FileNotFoundError:
        return families
    for font in fonts:
        font_id = QFontDatabase.addApplicationFont(str(font))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
        else:
            log.warning("cannot load font %s", font)
    return families


#: The desktop entry's id (packaging/linux/DESKTOP_ID.desktop).
DESKTOP_ID = "org.venueplanner.VenuePlanner"


def app_icon() -> QIcon:
    """The application icon in every bundled size (empty when the assets are missing)."""
    icon = QIcon()
    try:
        folder = assets.asset_path("icons")
    except FileNotFoundError:
        return icon
    for png in sorted(folder.glob("venue-planner-*.png")):
        icon.addFile(str(png))
    return icon


def application() -> QApplication:
    """The QApplication, created (and named) on first use."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0] if sys.argv else "planner"])
    assert isinstance(app, QApplication)
    app.setApplicationName("venue-planner")
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("venue-planner")
    app.setDesktopFileName(DESKTOP_ID)  # lets Wayland and docks match windows to the menu entry
    icon = app_icon()
    if not icon.isNull():
        app.setWindowIcon(icon)
    app.aboutToQuit.connect(release_clipboard)
    return app


def release_clipboard() -> None:
    """Drop clipboard data this process owns before Qt shuts down.

    Data copied from the editor lives in a ``QMimeData`` handed to the
    clipboard; left there, its destruction during interpreter shutdown
    crashes the process (a segmentation fault at exit).
    """
    from planner.ui.clipboard import MIME_TYPE

    board = QApplication.clipboard()
    mime = board.mimeData() if board is not None else None
    if mime is not None and mime.hasFormat(MIME_TYPE):
        board.clear()


def run(argv: list[str]) -> int:
    """Open the editor on ``argv[0]`` (default: a crashed session's work, else the bundled hotel sample on
    the first run and the last project afterwards); return the exit code."""
    try:
        args = parse_args(list(argv))
    except SystemExit as exc:  # --help or a usage error; argparse has printed the message
        return int(exc.code or 0)
    from planner.ui.qtlog import route_qt_messages

    route_qt_messages()
    app = application()
    # Packaging smoke tests (packaging/README.md): quit by itself after N milliseconds.
    if os.environ.get("VENUE_PLANNER_QUIT_AFTER_MS", "").strip():
        from PySide6.QtCore import QTimer

        quit_timer = QTimer(app)  # repeats: ends a modal dialog's event loop, then the main one
        quit_timer.timeout.connect(lambda: app.exit(0))
        quit_timer.start(int(os.environ["VENUE_PLANNER_QUIT_AFTER_MS"]))
    install_fonts()
    language = chosen_language()
    install_translators(language, app)
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in the terminal quits
    window = MainWindow(language)
    window.show()
    if args.file is not None:
        window.open_path(args.file)
    elif not window.files.offer_recovery():
        open_at_start(window)
    return int(app.exec())


#: Set once the editor has started: later starts reopen the last file instead of the sample.
FIRST_RUN_DONE = "app/first_run_done"


def open_at_start(window: MainWindow) -> str:
    """What ``planner`` without a file opens: the bundled sample on the first run, the last file afterwards.

    Returns ``"sample"``, ``"last"`` or ``"none"``. When the last file is gone, the sample opens.
    """
    settings = window.settings
    first = not bool(settings.value(FIRST_RUN_DONE, False, type=bool))
    settings.setValue(FIRST_RUN_DONE, True)
    if not first:
        recent = [p for p in window.files.recent.paths() if p.exists()]
        if recent and window.open_path(recent[0]):
            return "last"
    try:
        sample = assets.sample_path("harbour-hotel")
    except FileNotFoundError as exc:
        window.show_error(translate("MainWindow", "Cannot open the sample"), str(exc))
        return "none"
    return "sample" if window.files.open_sample(sample) else "none"
