"""Qt's own messages (font, platform and style warnings) go to the ``qt`` logger, not the terminal."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from PySide6.QtCore import QMessageLogContext, QStandardPaths, QtMsgType, qInstallMessageHandler

__all__ = ["route_qt_messages"]

log = logging.getLogger("qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _handler(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
    category = getattr(context, "category", None) or "qt"
    log.log(_LEVELS.get(kind, logging.WARNING), "%s: %s", category, message)


def route_qt_messages(log_file: Path | None = None) -> Path | None:
    """Send Qt's messages to Python logging, and the log (when nothing else handles it) to ``log_file``
    (default: ``planner.log`` in the application's data folder, kept under 1 MB). Return the log file."""
    qInstallMessageHandler(_handler)
    root = logging.getLogger()
    if root.handlers:
        return None
    if log_file is None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
        log_file = Path(folder or Path.home()) / "venue-planner" / "planner.log"
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=1, encoding="utf-8", delay=True)
    except OSError:
        root.addHandler(logging.NullHandler())
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    root.addHandler(handler)
    return log_file
