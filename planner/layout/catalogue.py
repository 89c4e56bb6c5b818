"""The camera catalogue: generic models as data, and user models from sensor, focal length and resolution.

A :class:`CameraModel` is what the layout optimiser and the editor's lens
calculator choose from. The shipped models live in ``catalogue.json`` beside
this module; a user model is made from its sensor width, focal length and
resolution (:func:`user_model`), its field of view from the rectilinear lens
formula.

>>> cat = load_catalogue()
>>> m = cat["fixed-4-1080p"]
>>> m.kind, m.resolution, round(m.hfov_deg, 1)
('fixed', (1920, 1080), 67.7)
>>> round(user_model("mine", sensor_width_mm=4.8, focal_mm=4.0, resolution=(2560, 1440)).hfov_deg, 1)
61.9
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from planner.model import Camera

__all__ = [
    "SENSOR_FORMATS",
    "CameraModel",
    "Catalogue",
    "CatalogueError",
    "hfov_deg",
    "focal_length_mm",
    "user_model",
    "load_catalogue",
    "catalogue_from_json",
]

#: Optical format -> active sensor width in millimetres.
SENSOR_FORMATS: dict[str, float] = {
    '1/4"': 3.6,
    '1/3"': 4.8,
    '1/2.9"': 5.0,
    '1/2.8"': 5.37,
    '1/2.7"': 5.37,
    '1/2.5"': 5.76,
    '1/2"': 6.4,
    '1/1.8"': 7.18,
    '2/3"': 8.8,
    '1"': 12.8,
}


class CatalogueError(ValueError):
    """A catalogue file or a user model is malformed (the message names the field)."""


def hfov_deg(focal_mm: float, sensor_width_mm: float) -> float:
    """Horizontal field of view of a rectilinear lens: ``2·atan(w / 2f)`` in degrees.

    >>> round(hfov_deg(4.0, 4.8), 1)
    61.9
    """
    if focal_mm <= 0 or sensor_width_mm <= 0:
        raise ValueError("focal length and sensor width must be positive")
    return math.degrees(2 * math.atan(sensor_width_mm / (2 * focal_mm)))


def focal_length_mm(hfov: float, sensor_width_mm: float) -> float:
    """The focal length that gives ``hfov`` degrees on a sensor ``sensor_width_mm`` wide.

    >>> round(focal_length_mm(hfov_deg(6.0, 6.4), 6.4), 6)
    6.0
    """
    if not 0 < hfov < 180:
        raise ValueError("a rectilinear lens has a field of view between 0 and 180 degrees")
    return sensor_width_mm / (2 * math.tan(math.radians(hfov) / 2))


@dataclass(frozen=True)
class CameraModel:
    """One camera model: lens, sensor, kind and a cost relative to a fixed 1080p camera."""

    id: str
    name: dict[str, str]
    kind: str
    hfov_deg: float
    resolution: tuple[int, int]
    cost: float = 1.0
    focal_mm: float | None = None
    sensor: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def label(self, lang: str = "en") -> str:
        return self.name.get(lang) or self.name.get("en") or self.id

    def camera(self, camera_id: str, **fields: Any) -> Camera:
        """A :class:`~planner.model.Camera` of this model (position, heading, … from ``fields``)."""
        return Camera(id=camera_id, kind=self.kind, hfov_deg=self.hfov_deg, resolution=self.resolution, **fields)


def user_model(
    model_id: str,
    *,
    focal_mm: float,
    resolution: tuple[int, int],
    sensor_width_mm: float | None = None,
    sensor: str | None = None,
    cost: float = 1.0,
    name: dict[str, str] | None = None,
) -> CameraModel:
    """A fixed camera model from its sensor (width in mm, or an optical format such as ``1/2.8"``),
    focal length and resolution; the field of view follows from the lens formula.

    >>> round(user_model("x", sensor='1/2.8"', focal_mm=2.8, resolution=(1920, 1080)).hfov_deg, 1)
    87.6
    """
    if sensor_width_mm is None:
        if sensor not in SENSOR_FORMATS:
            raise CatalogueError(f"{model_id}: sensor: unknown format {sensor!r} "
                                 f"(known: {', '.join(SENSOR_FORMATS)}); give sensor_width_mm instead")
        sensor_width_mm = SENSOR_FORMATS[sensor]
    try:
        fov = hfov_deg(float(focal_mm), float(sensor_width_mm))
    except (TypeError, ValueError) as exc:
        raise CatalogueError(f"{model_id}: focal_mm / sensor_width_mm: {exc}") from None
    w, h = (int(v) for v in resolution)
    if w <= 0 or h <= 0:
        raise CatalogueError(f"{model_id}: resolution: width and height must be positive")
    if not cost > 0:
        raise CatalogueError(f"{model_id}: cost must be positive")
    return CameraModel(id=model_id, name=name or {"en": model_id, "zh": model_id}, kind="fixed", hfov_deg=fov,
                       resolution=(w, h), cost=float(cost), focal_mm=float(focal_mm), sensor=sensor)


class Catalogue:
    """Camera models by id, in catalogue order."""

    def __init__(self, models: Iterable[CameraModel]) -> None:
        self.models: dict[str, CameraModel] = {}
        for m in models:
            if m.id in self.models:
                raise CatalogueError(f"models: duplicate id {m.id!r}")
            self.models[m.id] = m

    def __getitem__(self, model_id: str) -> CameraModel:
        try:
            return self.models[model_id]
        except KeyError:
            raise CatalogueError(f"no camera model {model_id!r} (known: {', '.join(self.models)})") from None

    def __iter__(self) -> Iterator[CameraModel]:
        return iter(self.models.values())

    def __len__(self) -> int:
        return len(self.models)

    def with_models(self, models: Iterable[CameraModel]) -> Catalogue:
        """This catalogue plus ``models`` (user models)."""
        return Catalogue([*self, *models])

    def subset(self, ids: Iterable[str]) -> Catalogue:
        return Catalogue([self[i] for i in ids])


def _model_from_json(i: int, raw: Any) -> CameraModel:
    where = f"models[{i}]"
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where}: expected an object")
    try:
        model_id = str(raw["id"])
        kind = raw.get("kind", "fixed")
        if kind not in ("fixed", "ptz", "fisheye"):
            raise CatalogueError(f"{where}.kind: expected fixed, ptz or fisheye; got {kind!r}")
        res = raw["resolution"]
        if "hfov_deg" in raw:
            fov = float(raw["hfov_deg"])
        else:
            return user_model(model_id, focal_mm=raw["focal_mm"], resolution=tuple(res),
                              sensor_width_mm=raw.get("sensor_width_mm"), sensor=raw.get("sensor"),
                              cost=float(raw.get("cost", 1.0)), name=raw.get("name"))
        if not 0 < fov <= 360:
            raise CatalogueError(f"{where}.hfov_deg: expected 0 < hfov <= 360; got {fov}")
        return CameraModel(
            id=model_id, name=dict(raw.get("name") or {"en": model_id}), kind=kind, hfov_deg=fov,
            resolution=(int(res[0]), int(res[1])), cost=float(raw.get("cost", 1.0)),
            focal_mm=raw.get("focal_mm"), sensor=raw.get("sensor"),
        )
    except KeyError as exc:
        raise CatalogueError(f"{where}: missing {exc.args[0]!r}") from None
    except (TypeError, ValueError, IndexError) as exc:
        if isinstance(exc, CatalogueError):
            raise
        raise CatalogueError(f"{where}: {exc}") from None


def catalogue_from_json(data: Any) -> Catalogue:
    """Parse a catalogue object (``{"models": [...]}``)."""
    if not isinstance(data, dict) or not isinstance(data.get("models"), list):
        raise CatalogueError("models: expected a list of camera models")
    return Catalogue(_model_from_json(i, m) for i, m in enumerate(data["models"]))


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """The catalogue shipped with the program."""
    raw = (resources.files("planner.layout") / "catalogue.json").read_text(encoding="utf-8")
    return catalogue_from_json(json.loads(raw))
