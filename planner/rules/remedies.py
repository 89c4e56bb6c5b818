"""Remedies: the fixes a check offers, as typed values with their JSON, their model command and their text.

Each kind is a frozen dataclass; :meth:`Remedy.to_json` gives the JSON of
``planner check --format json`` (DESIGN §5), :meth:`Remedy.command` the one
model command that applies it, and :func:`describe` the one instruction every
front end shows (the command line, the report, the editor's buttons).

>>> turn = Rotate(heading_deg=112.0, turn_deg=22.0, direction="clockwise", coverage_kept=0.8)
>>> turn.to_json()
{'kind': 'rotate', 'heading_deg': 112.0, 'turn_deg': 22.0, 'direction': 'clockwise', 'coverage_kept': 0.8}
>>> Remedy.from_json(turn.to_json()) == turn
True
>>> describe(turn, "en")
'turn the camera 22° clockwise to heading 112° (keeps 80% of its view)'
>>> describe(Shorten(range_m=3.5), "zh")
'将监控范围缩短至 3.5 m'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, cast

from planner.model import AddItem, Camera, Command, Macro, Project, RemoveItem, SetProperty, Sign

if TYPE_CHECKING:
    from planner.rules.findings import Finding

__all__ = [
    "Remedy",
    "CameraRemedy",
    "Rotate",
    "Narrow",
    "Shorten",
    "MaskSpan",
    "PrivacyMask",
    "Move",
    "Remove",
    "SignSpec",
    "AddSign",
    "FillVenueField",
    "Redraw",
    "RemedyError",
    "describe",
    "sign_commands",
]


class RemedyError(ValueError):
    """A remedy that cannot be read (bad JSON) or applied (its target is gone)."""


@dataclass(frozen=True, kw_only=True)
class Remedy:
    """A fix offered with a finding. ``coverage_kept``: the share of the camera's public view it keeps."""

    kind: ClassVar[str] = ""
    #: Applied with one command, no question to the user.
    direct: ClassVar[bool] = True
    coverage_kept: float | None = None

    def payload(self) -> dict[str, Any]:
        """The kind's own JSON fields (without ``kind`` and ``coverage_kept``)."""
        return {}

    def to_json(self) -> dict[str, Any]:
        """As in ``planner check --format json``."""
        out: dict[str, Any] = {"kind": self.kind, **self.payload()}
        if self.coverage_kept is not None:
            out["coverage_kept"] = round(self.coverage_kept, 3)
        return out

    def command(self, project: Project, finding: Finding) -> Command | None:
        """The command that applies this remedy of ``finding`` (None when the user must act).

        Raises :class:`RemedyError` when its target no longer exists.
        """
        return None

    @staticmethod
    def from_json(data: Mapping[str, Any]) -> Remedy:
        """The remedy written by :meth:`to_json` (raises :class:`RemedyError` for unknown kinds or fields)."""
        kind = data.get("kind")
        cls = _KINDS.get(str(kind))
        if cls is None:
            raise RemedyError(f"remedy: unknown kind {kind!r}")
        try:
            return cls._read(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise RemedyError(f"remedy {kind}: {exc}") from exc

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> Remedy:
        return cls(coverage_kept=_opt_float(data.get("coverage_kept")))


def _opt_float(value: Any) -> float | None:
    return None if value is None else float(value)


def _camera(project: Project, finding: Finding) -> Camera:
    camera_id = finding.camera
    if camera_id is None or camera_id not in project:
        raise RemedyError(f"the camera of this finding ({camera_id}) no longer exists")
    camera = project.get(camera_id)
    if not isinstance(camera, Camera):
        raise RemedyError(f"{camera_id} is not a camera")
    return camera


@dataclass(frozen=True, kw_only=True)
class CameraRemedy(Remedy):
    """A remedy that changes some fields of the finding's camera."""

    def changes(self, camera: Camera) -> dict[str, Any]:
        """The camera fields this remedy sets (applied to ``camera`` as it is now)."""
        raise NotImplementedError

    def applied(self, camera: Camera) -> Camera:
        """A copy of ``camera`` with the remedy applied (what the checks verify)."""
        return cast(Camera, camera.copy(**self.changes(camera)))

    def command(self, project: Project, finding: Finding) -> Command | None:
        camera = _camera(project, finding)
        return SetProperty(camera.id, self.changes(camera), text=f"{describe(self, 'en')} ({camera.id})")


@dataclass(frozen=True, kw_only=True)
class Rotate(CameraRemedy):
    """Turn the camera to ``heading_deg`` (``turn_deg`` from where it points now, clockwise positive)."""

    kind: ClassVar[str] = "rotate"
    heading_deg: float
    turn_deg: float | None = None
    direction: str | None = None
    #: The turn clears every private zone the camera could see, not only the finding's.
    clears_all_private: bool | None = None

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"heading_deg": self.heading_deg}
        if self.turn_deg is not None:
            out["turn_deg"] = self.turn_deg
        if self.direction is not None:
            out["direction"] = self.direction
        if self.clears_all_private is not None:
            out["clears_all_private"] = self.clears_all_private
        return out

    def changes(self, camera: Camera) -> dict[str, Any]:
        return {"heading_deg": float(self.heading_deg)}

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> Remedy:
        return cls(heading_deg=float(data["heading_deg"]), turn_deg=_opt_float(data.get("turn_deg")),
                   direction=data.get("direction"), clears_all_private=data.get("clears_all_private"),
                   coverage_kept=_opt_float(data.get("coverage_kept")))


@dataclass(frozen=True, kw_only=True)
class Narrow(CameraRemedy):
    """Narrow the lens to ``hfov_deg`` around the same axis."""

    kind: ClassVar[str] = "narrow"
    hfov_deg: float

    def payload(self) -> dict[str, Any]:
        return {"hfov_deg": self.hfov_deg}

    def changes(self, camera: Camera) -> dict[str, Any]:
        return {"hfov_deg": float(self.hfov_deg)}

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> Remedy:
        return cls(hfov_deg=float(data["hfov_deg"]), coverage_kept=_opt_float(data.get("coverage_kept")))


@dataclass(frozen=True, kw_only=True)
class Shorten(CameraRemedy):
    """Limit the camera's range to ``range_m``."""

    kind: ClassVar[str] = "shorten"
    range_m: float

    def payload(self) -> dict[str, Any]:
        return {"range_m": self.range_m}

    def changes(self, camera: Camera) -> dict[str, Any]:
        return {"range_m": float(self.range_m)}

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> Remedy:
        return cls(range_m=float(data["range_m"]), coverage_kept=_opt_float(data.get("coverage_kept")))


@dataclass(frozen=True)
class MaskSpan:
    """One masked sector, offsets from the optical axis in degrees, and the image columns it covers."""

    from_deg: float
    to_deg: float
    columns: tuple[int, int] | None = None

    def to_json(self) -> dict[str, Any]:
        return {"from_deg": self.from_deg, "to_deg": self.to_deg,
                "columns": list(self.columns) if self.columns is not None else None}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> MaskSpan:
        cols = data.get("columns")
        return cls(float(data["from_deg"]), float(data["to_deg"]),
                   (int(cols[0]), int(cols[1])) if cols is not None else None)


@dataclass(frozen=True, kw_only=True)
class PrivacyMask(CameraRemedy):
    """Mask ``from_deg``…``to_deg`` of the image (one interval); ``masks`` is the narrower set applied.

    ``columns`` is ``None`` for PTZ and fisheye cameras, whose masks are set by angle.
    """

    kind: ClassVar[str] = "privacy_mask"
    from_deg: float
    to_deg: float
    columns: tuple[int, int] | None = None
    masks: tuple[MaskSpan, ...] = ()

    def payload(self) -> dict[str, Any]:
        return {"from_deg": self.from_deg, "to_deg": self.to_deg,
                "columns": list(self.columns) if self.columns is not None else None,
                "masks": [m.to_json() for m in self.spans]}

    @property
    def spans(self) -> tuple[MaskSpan, ...]:
        """The sectors applied: ``masks``, or the one interval when there is no narrower set."""
        return self.masks or (MaskSpan(self.from_deg, self.to_deg, self.columns),)

    def changes(self, camera: Camera) -> dict[str, Any]:
        return {"privacy_masks": (*camera.privacy_masks, *((m.from_deg, m.to_deg) for m in self.spans))}

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> Remedy:
        cols = data.get("columns")
        return cls(from_deg=float(data["from_deg"]), to_deg=float(data["to_deg"]),
                   columns=(int(cols[0]), int(cols[1])) if cols is not None else None,
                   masks=tuple(MaskSpan.from_json(m) for m in data.get("masks") or ()),
                   coverage_kept=_opt_float(data.get("coverage_kept")))


@dataclass(frozen=True, kw_only=True)
class Move(CameraRemedy):
    """Move the camera to ``position`` (and turn it to ``heading_deg`` when given)."""

    kind: ClassVar[str] = "move"
    position: tuple[float, float]
    heading_deg: float | None = None

    def payload(self) -> dict[str, Any]:
        out: dict[str, Any] = {"position": [self.position[0], self.position[1]]}
        if self.heading_deg is not None:
            out["heading_deg"] = self.heading_deg
        return out

    def changes(self, camera: Camera) -> dict[str, Any]:
        out: dict[str, Any] = {"position": (float(self.position[0]), float(self.position[1]))}
        if self.heading_deg is not None:
            out["heading_deg"] = float(self.heading_deg)
        return out

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> Remedy:
        x, y = data["position"]
        return cls(position=(float(x), float(y)), heading_deg=_opt_float(data.get("heading_deg")),
                   coverage_kept=_opt_float(data.get("coverage_kept")))


@dataclass(frozen=True, kw_only=True)
class Remove(Remedy):
    """Take the device down."""

    kind: ClassVar[str] = "remove"

    def command(self, project: Project, finding: Finding) -> Command | None:
        return RemoveItem(_camera(project, finding).id)


@dataclass(frozen=True)
class SignSpec:
    """A sign to post: kind, where, facing, centre height and paper size."""

    kind: str
    position: tuple[float, float]
    facing_deg: float
    mount_height_m: float = 1.6
    size: str = "A3"

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "position": [self.position[0], self.position[1]], "facing_deg": self.facing_deg,
                "mount_height_m": self.mount_height_m, "size": self.size}

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SignSpec:
        x, y = data["position"]
        return cls(kind=str(data.get("kind", "cctv_notice")), position=(float(x), float(y)),
                   facing_deg=float(data.get("facing_deg", 0.0)),
                   mount_height_m=float(data.get("mount_height_m", 1.6)), size=str(data.get("size", "A3")))

    def as_sign(self, sign_id: str) -> Sign:
        """The model sign, checked by the model's field converters."""
        return Sign(id=sign_id, kind=self.kind, position=Sign.convert("position", self.position),
                    facing_deg=Sign.convert("facing_deg", self.facing_deg),
                    mount_height_m=Sign.convert("mount_height_m", self.mount_height_m), size=self.size)


@dataclass(frozen=True, kw_only=True)
class AddSign(Remedy):
    """Post the sign ``sign`` (a missing notice at an entrance)."""

    kind: ClassVar[str] = "add_sign"
    sign: SignSpec

    def payload(self) -> dict[str, Any]:
        return {"sign": self.sign.to_json()}

    def command(self, project: Project, finding: Finding) -> Command | None:
        return self._add(project, finding, project.new_id("s"))

    def _add(self, project: Project, finding: Finding, sign_id: str) -> Command:
        level_id = finding.level or (project.levels[0].id if project.levels else None)
        if level_id is None:
            raise RemedyError("the project has no level to put the sign on")
        command = AddItem(level_id, self.sign.as_sign(sign_id))
        command.text = f"Add sign {sign_id}"
        return command

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> Remedy:
        return cls(sign=SignSpec.from_json(data["sign"]), coverage_kept=_opt_float(data.get("coverage_kept")))


@dataclass(frozen=True, kw_only=True)
class FillVenueField(Remedy):
    """The user fills in the venue field ``field`` (the editor opens the venue dialog there)."""

    kind: ClassVar[str] = "fill_venue_field"
    direct: ClassVar[bool] = False
    field: str

    def payload(self) -> dict[str, Any]:
        return {"field": self.field}

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> Remedy:
        return cls(field=str(data["field"]))


@dataclass(frozen=True, kw_only=True)
class Redraw(Remedy):
    """The user redraws the zone or wall ``zone`` / ``wall`` (invalid geometry)."""

    kind: ClassVar[str] = "redraw"
    direct: ClassVar[bool] = False
    zone: str | None = None
    wall: str | None = None

    def payload(self) -> dict[str, Any]:
        return {"wall": self.wall} if self.wall is not None else {"zone": self.zone}

    @classmethod
    def _read(cls, data: Mapping[str, Any]) -> Remedy:
        return cls(zone=data.get("zone"), wall=data.get("wall"))


_KINDS: dict[str, type[Remedy]] = {
    cls.kind: cls for cls in (Rotate, Narrow, Shorten, PrivacyMask, Move, Remove, AddSign, FillVenueField, Redraw)
}


def sign_commands(project: Project, findings: Iterable[Finding]) -> Macro | None:
    """One step that posts every sign the ``SIGN_MISSING`` findings ask for (None when none is missing)."""
    commands: list[Command] = []
    used = set(project.ids())
    for finding in findings:
        if finding.code != "SIGN_MISSING":
            continue
        remedy = next((r for r in finding.remedies if isinstance(r, AddSign)), None)
        if remedy is None:
            continue
        n = 1
        while f"s{n}" in used:
            n += 1
        used.add(f"s{n}")
        commands.append(remedy._add(project, finding, f"s{n}"))
    if not commands:
        return None
    return Macro(f"Add {len(commands)} suggested signs", commands)


# -- describing --------------------------------------------------------------------------------

#: Venue fields by name, (Chinese, English), for remedies that ask the user to fill one in.
FIELD_NAMES: dict[str, tuple[str, str]] = {
    "operator": ("处理者名称", "operator"),
    "contact": ("联系方式", "contact"),
    "purpose": ("处理目的", "purpose"),
    "retention": ("保存期限", "retention period"),
    "storage": ("存储方式", "storage"),
    "rights": ("行使权利的方式", "how to exercise rights"),
    "alternative": ("替代方式", "alternative"),
    "notice_url": ("详细告知网址", "full notice URL"),
    "expected_enrolled_people": ("预计人脸信息人数", "expected number of enrolled people"),
    "filing_reference": ("备案编号", "filing reference"),
    "impact_assessment_date": ("影响评估日期", "impact-assessment date"),
}

_SIGN_NAMES = {"fr_notice": ("人脸识别提示", "face-recognition notice"), "cctv_notice": ("视频监控提示", "CCTV notice")}


def _num(value: float) -> str:
    return f"{float(value):g}"


def _spans(spans: Sequence[MaskSpan], zh: bool) -> str:
    parts = []
    for span in spans:
        text = f"{span.from_deg:+.1f}°…{span.to_deg:+.1f}°"
        if span.columns is not None:
            a, b = span.columns
            text += f"（图像列 {a}–{b} px）" if zh else f" (image columns {a}–{b} px)"
        parts.append(text)
    return ("、" if zh else ", ").join(parts)


def describe(remedy: Remedy, lang: str, names: Callable[[str], str] | None = None) -> str:
    """The remedy as one instruction in ``lang`` (``zh`` or ``en``).

    ``names`` names a venue field for ``fill_venue_field`` (default: the built-in
    Chinese and English names). The share of view kept is said when known.
    """
    zh = lang == "zh"
    text = _describe(remedy, zh, names)
    kept = remedy.coverage_kept
    if kept is not None and isinstance(remedy, CameraRemedy):
        pct = f"{kept * 100:.0f}%"
        text += f"（保留 {pct} 视野）" if zh else f" (keeps {pct} of its view)"
    return text


def _describe(remedy: Remedy, zh: bool, names: Callable[[str], str] | None) -> str:
    if isinstance(remedy, Rotate):
        h = _num(remedy.heading_deg)
        if remedy.turn_deg is None:
            return f"将摄像机转向 {h}°" if zh else f"turn the camera to heading {h}°"
        turn = _num(abs(remedy.turn_deg))
        clockwise = remedy.turn_deg >= 0
        if zh:
            return f"将摄像机{'顺' if clockwise else '逆'}时针转 {turn}°，朝向 {h}°"
        return f"turn the camera {turn}° {'clockwise' if clockwise else 'anticlockwise'} to heading {h}°"
    if isinstance(remedy, Narrow):
        v = _num(remedy.hfov_deg)
        return f"将水平视场角缩小至 {v}°" if zh else f"narrow the lens to {v}° horizontal field of view"
    if isinstance(remedy, Shorten):
        v = _num(remedy.range_m)
        return f"将监控范围缩短至 {v} m" if zh else f"shorten the range to {v} m"
    if isinstance(remedy, PrivacyMask):
        spans = _spans(remedy.spans, zh)
        return f"设置隐私遮蔽 {spans}" if zh else f"privacy-mask {spans}"
    if isinstance(remedy, Move):
        x, y = remedy.position
        where = f"x {x:.2f}, y {y:.2f} m"
        if remedy.heading_deg is not None:
            h = _num(remedy.heading_deg)
            return f"将摄像机移至 {where}，朝向 {h}°" if zh else f"move the camera to {where}, heading {h}°"
        return f"将摄像机移至 {where}" if zh else f"move the camera to {where}"
    if isinstance(remedy, Remove):
        return "拆除该设备" if zh else "remove the device"
    if isinstance(remedy, AddSign):
        s = remedy.sign
        sign_name = _SIGN_NAMES.get(s.kind, (s.kind, s.kind))
        x, y = s.position
        facing, height = f"{s.facing_deg:.0f}°", _num(s.mount_height_m)
        if zh:
            return (f"增设{sign_name[0]}标识（{s.size}），位于 x {x:.2f}, y {y:.2f} m，"
                    f"朝向 {facing}，中心离地 {height} m")
        return (f"post a {sign_name[1]} ({s.size}) at x {x:.2f}, y {y:.2f} m facing {facing}, "
                f"centre {height} m above floor")
    if isinstance(remedy, FillVenueField):
        if names is not None:
            name = names(remedy.field)
        else:
            pair = FIELD_NAMES.get(remedy.field, (remedy.field, remedy.field.replace("_", " ")))
            name = pair[0] if zh else pair[1]
        return f"填写场所信息“{name}”" if zh else f"fill in the venue's {name}"
    if isinstance(remedy, Redraw):
        what_zh, what_en, ident = ("墙体", "wall", remedy.wall) if remedy.wall is not None else \
            ("区域", "zone", remedy.zone)
        return f"重新绘制{what_zh} {ident}" if zh else f"redraw {what_en} {ident}"
    return str(remedy.to_json())  # pragma: no cover - every kind is described above

