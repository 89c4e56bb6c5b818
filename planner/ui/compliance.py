"""Live compliance: camera coverage for drawing and a findings list that follows every edit.

:class:`LiveCompliance` owns one :class:`~planner.rules.engine.ComplianceEngine`
per project. Drawing asks it for a camera's coverage and its overlap with
private zones (about a millisecond, cached per camera). When a camera changes,
that camera's own findings (views into and position inside private spaces)
are recomputed at once, a few times a second, so the list follows a drag;
the full check (signs, notice, filing ...) runs when the edits pause.
"""

from __future__ import annotations

import logging
import time
from typing import Any

import shapely
from PySide6.QtCore import QObject, QTimer
from PySide6.QtCore import Signal as QtSignal
from shapely.geometry.base import BaseGeometry

from planner.geometry.coverage import Coverage
from planner.model import Camera, Change, Level, Project, Sign
from planner.rules import CheckResult, Finding, check_project
from planner.rules.engine import ComplianceEngine
from planner.rules.pack import RulePackError
from planner.rules.privacy import PrivateZone, view_overlaps

__all__ = ["LiveCompliance", "finding_key"]

log = logging.getLogger(__name__)

_SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


def finding_key(finding: Finding) -> tuple[Any, ...]:
    """What identifies a finding across re-checks (code, level, camera, zone, entrance)."""
    entrance = finding.details.get("opening") or str(finding.details.get("entrance", ""))
    return (finding.code, finding.level, finding.camera, finding.zone, entrance)


class LiveCompliance(QObject):
    """Coverage and findings of the edited project, kept current."""

    #: The findings list changed (live or after a full check).
    findings_changed = QtSignal()

    #: Quiet time after the last edit before the full check runs (ms).
    FULL_DELAY_MS = 250
    #: Shortest interval between live updates of the list while editing (ms).
    LIVE_INTERVAL_MS = 80

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project: Project | None = None
        self._engine: ComplianceEngine | None = None
        self._result: CheckResult | None = None
        self._findings: list[Finding] = []
        self._failure: str | None = None
        self._interacting = False
        #: The full check came due during a drag: it runs at the release.
        self._full_owed = False
        self._dirty_cameras: set[str] = set()
        #: Private zones per level id for drawing (they change with the level's zones and walls, not its cameras).
        self._private: dict[str, list[PrivateZone]] = {}
        self.last_check_ms = 0.0
        self._full = QTimer(self)
        self._full.setSingleShot(True)
        self._full.setInterval(self.FULL_DELAY_MS)
        self._full.timeout.connect(self._full_due)
        self._live = QTimer(self)
        self._live.setSingleShot(True)
        self._live.setInterval(self.LIVE_INTERVAL_MS)
        self._live.timeout.connect(self._live_update)

    # -- what it knows -------------------------------------------------------------------------
    @property
    def project(self) -> Project | None:
        return self._project

    @property
    def engine(self) -> ComplianceEngine | None:
        return self._engine

    @property
    def findings(self) -> list[Finding]:
        return list(self._findings)

    @property
    def result(self) -> CheckResult | None:
        """The last full check (its ``signs_required`` and summary); None before the first."""
        return self._result

    def current_result(self) -> CheckResult | None:
        """The full check of the project as it is now (run at once when edits are still pending)."""
        if self._result is None or self.pending or self._full_owed:
            self.refresh()
        return self._result

    @property
    def failure(self) -> str | None:
        """Why the last check failed, or None."""
        return self._failure

    @property
    def pending(self) -> bool:
        """True while a live or full update is scheduled."""
        return self._full.isActive() or self._live.isActive() or bool(self._dirty_cameras)

    def set_project(self, project: Project | None) -> None:
        """Follow ``project`` (None: nothing) and check it now."""
        if self._project is not None:
            self._project.changed.disconnect(self._on_changed)
        self._drop_engine()
        self._project = project
        self._dirty_cameras.clear()
        self._full.stop()
        self._live.stop()
        if project is not None:
            project.changed.connect(self._on_changed)
            self._make_engine()
        self.refresh()

    def _make_engine(self) -> None:
        assert self._project is not None
        self._drop_engine()
        try:
            self._engine = ComplianceEngine(self._project)
        except RulePackError as exc:
            log.warning("%s; checking with cn-2025", exc)
            from planner.rules import load_rule_pack

            self._engine = ComplianceEngine(self._project, load_rule_pack("cn-2025"))

    def _drop_engine(self) -> None:
        """Let the current engine stop following its project."""
        self._private.clear()
        engine, self._engine = self._engine, None
        if engine is not None:
            engine.close()

    # -- drawing -------------------------------------------------------------------------------
    def coverage(self, level: Level, camera: Camera) -> Coverage | None:
        """The camera's coverage (None when it cannot be computed)."""
        if self._engine is None:
            return None
        try:
            return self._engine.coverage(level, camera)
        except Exception:  # a bad geometry must not break drawing
            log.exception("coverage of %s failed", camera.id)
            return None

    def private_overlap(self, level: Level, camera: Camera, coverage: Coverage | None = None) -> BaseGeometry | None:
        """The part of the camera's coverage inside private zones it must not see (None: none)."""
        if self._engine is None:
            return None
        coverage = coverage or self.coverage(level, camera)
        if coverage is None or coverage.region.is_empty:
            return None
        try:
            private = self._private.get(level.id)
            if private is None:
                private = self._private[level.id] = self._engine.private_zones(level)
            parts = [g for _, g in view_overlaps(coverage, camera, private, self._engine.pack.view_tolerance_m2)]
        except Exception:
            log.exception("overlap of %s failed", camera.id)
            return None
        return shapely.union_all(parts) if parts else None

    # -- following the model -------------------------------------------------------------------
    def set_interacting(self, interacting: bool) -> None:
        """While the user drags, only the live updates run; the full check waits for the release."""
        self._interacting = interacting
        if not interacting and (self._full.isActive() or self._full_owed):
            self._full_owed = False
            self._full.start()

    def _on_changed(self, change: Change) -> None:
        project = self._project
        if project is None:
            return
        if change.action == "batch":
            for part in change.expand():
                self._on_changed(part)
            return
        if change.action == "reset" or change.entity_id == "venue":
            self._private.clear()
            if change.action == "reset" or "rule_pack" in change.fields:
                self._make_engine()
        elif change.entity_id is not None and change.level_id is not None:
            entity_id = change.entity_id
            if change.action == "remove":
                is_camera = any(f.camera == entity_id for f in self._findings)
            else:
                is_camera = entity_id in project and isinstance(project.get(entity_id), Camera)
            entity = project.get(entity_id) if entity_id in project else None
            if not isinstance(entity, (Camera, Sign)):  # zones, walls, openings, the level itself, or gone
                self._private.pop(change.level_id, None)
            if is_camera:
                self._dirty_cameras.add(change.entity_id)
                if not self._live.isActive():
                    self._live.start()
        self._full.start()

    def _live_update(self) -> None:
        """Recompute the findings of the cameras that changed, and show them."""
        project, engine = self._project, self._engine
        if project is None or engine is None or not self._dirty_cameras:
            self._dirty_cameras.clear()
            return
        dirty, self._dirty_cameras = self._dirty_cameras, set()
        kept = [f for f in self._findings if not (f.camera in dirty and f.code in engine.CAMERA_CODES)]
        fresh: list[Finding] = []
        for camera_id in sorted(dirty):
            if camera_id not in project:
                continue
            camera = project.get(camera_id)
            if not isinstance(camera, Camera):
                continue
            level = project.level_of(camera_id)
            try:  # the full check's own per-camera findings; remedies come with the full check
                fresh.extend(engine.camera_findings(level, camera, remedies=False))
            except Exception:
                log.exception("live check of %s failed", camera_id)
        findings = kept + fresh
        findings.sort(key=lambda f: _SEVERITY_ORDER.get(f.severity, 9))
        if len(findings) != len(self._findings) or any(
                a is not b and a != b for a, b in zip(findings, self._findings, strict=True)):
            self._findings = findings
            self.findings_changed.emit()

    def _full_due(self) -> None:
        if self._interacting:
            self._full_owed = True  # set_interacting(False) starts the timer again
            return
        self.refresh()

    def refresh(self) -> None:
        """Run every check now (the tests' and the benchmark's way to wait for a settled list)."""
        self._full.stop()
        self._live.stop()
        self._dirty_cameras.clear()
        self._full_owed = False
        project = self._project
        if project is None:
            self._result, self._findings, self._failure = None, [], None
            self.findings_changed.emit()
            return
        if self._engine is None:
            self._make_engine()
        start = time.perf_counter()
        try:
            self._result = check_project(project, engine=self._engine)
        except Exception as exc:  # the UI boundary: report, keep editing
            log.exception("checks failed")
            self._result, self._findings, self._failure = None, [], str(exc)
        else:
            self._findings, self._failure = list(self._result.findings), None
        self.last_check_ms = (time.perf_counter() - start) * 1000.0
        self.findings_changed.emit()
