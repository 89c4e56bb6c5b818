"""Findings: what a check found, where, how bad, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["CheckResult", "Finding"]


@dataclass
class Finding:
    """One problem found by a check.

    ``message`` is English and ``message_zh`` Chinese; ``remedies`` are plain
    dicts such as ``{"kind": "rotate", "heading_deg": 112.0}``.
    """

    code: str
    severity: str
    message: str
    message_zh: str = ""
    level: str | None = None
    camera: str | None = None
    zone: str | None = None
    area_m2: float | None = None
    remedies: list[dict[str, Any]] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str) -> str:
        return self.message_zh if lang == "zh" and self.message_zh else self.message

    def to_json(self) -> dict[str, Any]:
        """The finding as in ``planner check --format json`` (DESIGN §5)."""
        out: dict[str, Any] = {"code": self.code, "severity": self.severity}
        for key in ("level", "camera", "zone"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        if self.area_m2 is not None:
            out["area_m2"] = round(self.area_m2, 2)
        out["message"] = self.message
        out["message_zh"] = self.message_zh
        out["remedies"] = self.remedies
        out.update(self.details)
        return out


@dataclass
class CheckResult:
    """All findings and sign requirements for one project."""

    project_name: str
    rule_pack: str
    findings: list[Finding]
    signs_required: list[dict[str, Any]]
    cameras: int
    face_recognition_cameras: int

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    @property
    def has_errors(self) -> bool:
        return self.count("error") > 0

    def to_json(self) -> dict[str, Any]:
        return {
            "project": self.project_name,
            "rule_pack": self.rule_pack,
            "findings": [f.to_json() for f in self.findings],
            "signs_required": self.signs_required,
            "summary": {
                "errors": self.count("error"),
                "warnings": self.count("warning"),
                "cameras": self.cameras,
                "face_recognition_cameras": self.face_recognition_cameras,
            },
        }
