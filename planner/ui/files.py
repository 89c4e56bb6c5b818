"""Recent files, and autosave with recovery after a crash.

:class:`RecentFiles` keeps the last opened projects in QSettings.
:class:`Autosave` writes the edited project every minute (only when it has
unsaved changes) to a recovery folder, beside a small JSON note naming the
original file and the process that wrote it. A clean close deletes both; at
the next start :func:`pending_recoveries` finds what a crashed session left.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QStandardPaths, QTimer

from planner.io import load_project, save_project
from planner.io.atomic import atomic_write, clean_stale_temp_files_in
from planner.model import Project

__all__ = ["RecentFiles", "Autosave", "RecoveryEntry", "pending_recoveries", "default_recovery_dir",
           "AUTOSAVE_INTERVAL_MS"]

log = logging.getLogger(__name__)

AUTOSAVE_INTERVAL_MS = 60_000
_RECENT_KEY = "files/recent"


class RecentFiles:
    """The most recently opened or saved project files, newest first."""

    LIMIT = 8

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings

    @property
    def settings(self) -> QSettings:
        return self._settings or QSettings()

    def paths(self) -> list[Path]:
        value = self.settings.value(_RECENT_KEY, [])
        if isinstance(value, str):
            value = [value]
        return [Path(str(v)) for v in (value if isinstance(value, (list, tuple)) else []) if v]

    def add(self, path: Path) -> None:
        path = Path(path).resolve()
        paths = [path, *[p for p in self.paths() if p != path]][: self.LIMIT]
        self.settings.setValue(_RECENT_KEY, [str(p) for p in paths])

    def remove(self, path: Path) -> None:
        self.settings.setValue(_RECENT_KEY, [str(p) for p in self.paths() if p != Path(path)])

    def clear(self) -> None:
        self.settings.setValue(_RECENT_KEY, [])


def default_recovery_dir() -> Path:
    """Where autosaved copies go (the application's data folder)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".venue-planner") / "recovery"


@dataclass(frozen=True)
class RecoveryEntry:
    """An autosaved copy left behind: the copy, its note, the file it came from (None: never saved)."""

    path: Path
    note: Path
    original: Path | None
    saved: str
    title: str

    def load(self) -> Project:
        return load_project(self.path)

    def discard(self) -> None:
        for p in (self.path, self.note):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()


def _alive(pid: int) -> bool:
    if pid <= 0 or pid == os.getpid():
        return pid == os.getpid()
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def pending_recoveries(folder: Path) -> list[RecoveryEntry]:
    """Autosaved copies in ``folder`` whose writer is no longer running, newest first.

    Temporary files that killed writers left in ``folder`` are removed on the way.
    """
    clean_stale_temp_files_in(folder)
    entries = []
    for note in sorted(Path(folder).glob("*.json")):
        try:
            data = json.loads(note.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        copy = note.with_suffix(".vplan")
        if not copy.exists() or _alive(int(data.get("pid", 0))):
            continue
        original = Path(data["original"]) if data.get("original") else None
        entries.append(RecoveryEntry(copy, note, original, str(data.get("saved", "")),
                                     str(data.get("title") or (original.name if original else "untitled"))))
    entries.sort(key=lambda e: e.saved, reverse=True)
    return entries


class Autosave(QObject):
    """Save the edited project to a recovery file every :data:`AUTOSAVE_INTERVAL_MS` while it is modified."""

    def __init__(self, folder: Path, project: Callable[[], Project | None], modified: Callable[[], bool],
                 original: Callable[[], Path | None], parent: QObject | None = None,
                 interval_ms: int = AUTOSAVE_INTERVAL_MS) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self._project, self._modified, self._original = project, modified, original
        self._session = uuid.uuid4().hex[:12]
        self._dirty = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.save_now)
        self.timer.start()

    @property
    def path(self) -> Path:
        return self.folder / f"recovery-{self._session}.vplan"

    @property
    def note(self) -> Path:
        return self.path.with_suffix(".json")

    def mark_dirty(self) -> None:
        """The project changed since the last autosave."""
        self._dirty = True

    def save_now(self) -> bool:
        """Write the recovery copy if there are unsaved changes; return True if written."""
        project = self._project()
        if project is None or not self._modified():
            if project is not None and not self._modified():
                self.discard()
            return False
        if not self._dirty and self.path.exists():
            return False
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            save_project(project, self.path, backup=False)
            original = self._original()
            note = {"original": str(original) if original else None, "pid": os.getpid(),
                    "saved": time.strftime("%Y-%m-%d %H:%M:%S"),
                    "title": project.venue.name or (original.name if original else "")}
            atomic_write(self.note, json.dumps(note, ensure_ascii=False).encode("utf-8"))
        except Exception:  # autosave must never interrupt the user
            log.exception("autosave to %s failed", self.path)
            return False
        self._dirty = False
        return True

    def discard(self) -> None:
        """Delete this session's recovery copy (after a save or a clean close)."""
        for p in (self.path, self.note):
            with contextlib.suppress(FileNotFoundError):
                p.unlink()
        self._dirty = False
