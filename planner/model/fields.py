"""Validate and normalise field values of the document model.

Every converter takes a raw value (from JSON or from an edit) and returns the
normalised plain value (floats, tuples of floats, strings), or raises
:class:`FieldError` with a message that names what is wrong. The project-file
reader and the property commands use the same converters, so a value that can
be saved can be loaded and vice versa.

>>> angle(-90)
270.0
>>> polygon([[0, 0], [1, 0], [1, 1]])
((0.0, 0.0), (1.0, 0.0), (1.0, 1.0))
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

__all__ = [
    "Converter",
    "FieldError",
    "angle",
    "boolean",
    "bounded",
    "choice",
    "integer",
    "number",
    "optional",
    "point",
    "polygon",
    "polyline",
    "privacy_masks",
    "resolution",
    "segment",
    "string_list",
    "text",
    "transform",
]

Converter = Callable[[Any], Any]

#: Largest absolute coordinate accepted, in metres (10,000 km is beyond any venue).
MAX_COORD = 1.0e7


class FieldError(ValueError):
    """A field value is invalid.

    ``path`` is a list of keys / indices below the field itself (for values
    such as polygons where the problem is one vertex).
    """

    def __init__(self, message: str, path: Sequence[str | int] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.path = list(path)


def number(value: Any) -> float:
    """Return a finite float; reject booleans, strings, NaN and infinities."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FieldError(f"expected a number, got {_describe(value)}")
    try:
        result = float(value)
    except OverflowError:
        raise FieldError(f"expected a finite number, got an integer of {len(str(value))} digits") from None
    if not math.isfinite(result):
        raise FieldError(f"expected a finite number, got {value!r}")
    return result


def bounded(low: float, high: float, *, low_open: bool = False) -> Converter:
    """Return a converter for a finite float within ``[low, high]`` (or ``(low, high]``)."""

    def convert(value: Any) -> float:
        result = number(value)
        if result > high or result < low or (low_open and result == low):
            bracket = "(" if low_open else "["
            raise FieldError(f"must be in {bracket}{low:g}, {high:g}], got {result:g}")
        return result

    return convert


def angle(value: Any) -> float:
    """Return an angle in degrees normalised to ``[0, 360)``."""
    result = number(value) % 360.0
    if result >= 360.0:  # -1e-17 % 360 == 360.0 in floating point
        result = 0.0
    return result + 0.0  # no negative zero


def integer(value: Any) -> int:
    """Return an int (a float with an integral value is accepted)."""
    if isinstance(value, bool):
        raise FieldError(f"expected an integer, got {_describe(value)}")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    raise FieldError(f"expected an integer, got {_describe(value)}")


def boolean(value: Any) -> bool:
    """Return a bool; reject 0/1 and strings."""
    if not isinstance(value, bool):
        raise FieldError(f"expected true or false, got {_describe(value)}")
    return value


def text(value: Any) -> str:
    """Return a string."""
    if not isinstance(value, str):
        raise FieldError(f"expected a string, got {_describe(value)}")
    return value


def iso_date(value: Any) -> str:
    """Return an ISO date ``YYYY-MM-DD`` (or ``""`` for none).

    >>> iso_date("2026-11-27"), iso_date("")
    ('2026-11-27', '')
    """
    import datetime as _dt

    value = text(value).strip()
    if not value:
        return ""
    try:
        return _dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise FieldError(f"expected a date as YYYY-MM-DD, got {value!r}") from None


def optional(convert: Converter) -> Converter:
    """Return a converter that passes ``None`` through and converts anything else."""

    def convert_optional(value: Any) -> Any:
        return None if value is None else convert(value)

    return convert_optional


def choice(*values: str) -> Converter:
    """Return a converter that accepts one of ``values``."""
    allowed = frozenset(values)

    def convert(value: Any) -> str:
        if not isinstance(value, str) or value not in allowed:
            raise FieldError(f"expected one of {', '.join(sorted(allowed))}; got {_describe(value)}")
        return value

    return convert


def point(value: Any) -> tuple[float, float]:
    """Return ``(x, y)`` from a two-element sequence of finite numbers."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or len(value) != 2:
        raise FieldError(f"expected a point [x, y], got {_describe(value)}")
    x, y = (_coordinate(v, i) for i, v in enumerate(value))
    return (x, y)


def _coordinate(value: Any, index: int) -> float:
    try:
        result = number(value)
    except FieldError as exc:
        raise FieldError(exc.message, [index]) from None
    if abs(result) > MAX_COORD:
        raise FieldError(f"coordinate {result:g} is out of range (|x| <= {MAX_COORD:g} m)", [index])
    return result


def _points(value: Any, what: str) -> tuple[tuple[float, float], ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise FieldError(f"expected a list of points for the {what}, got {_describe(value)}")
    result = []
    for i, item in enumerate(value):
        try:
            result.append(point(item))
        except FieldError as exc:
            raise FieldError(exc.message, [i, *exc.path]) from None
    return tuple(result)


def segment(value: Any) -> tuple[tuple[float, float], tuple[float, float]]:
    """Return a segment of two distinct points."""
    pts = _points(value, "segment")
    if len(pts) != 2:
        raise FieldError(f"a segment needs exactly 2 points, got {len(pts)}")
    if pts[0] == pts[1]:
        raise FieldError("a segment needs 2 distinct points")
    return (pts[0], pts[1])


def polyline(value: Any) -> tuple[tuple[float, float], ...]:
    """Return a polyline of at least 2 distinct points (consecutive repeats dropped)."""
    pts = _points(value, "path")
    deduped = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
    if len(set(deduped)) < 2:
        raise FieldError(f"a path needs at least 2 distinct points, got {len(set(deduped))}")
    return tuple(deduped)


def polygon(value: Any) -> tuple[tuple[float, float], ...]:
    """Return a polygon ring of at least 3 distinct points, without a closing repeat."""
    pts = list(_points(value, "polygon"))
    if len(pts) > 1 and pts[0] == pts[-1]:
        pts.pop()
    deduped = [p for i, p in enumerate(pts) if i == 0 or p != pts[i - 1]]
    if len(set(deduped)) < 3:
        raise FieldError(f"a polygon needs at least 3 distinct points, got {len(set(deduped))}")
    return tuple(deduped)


def resolution(value: Any) -> tuple[int, int]:
    """Return ``(width, height)`` in pixels, both positive integers."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or len(value) != 2:
        raise FieldError(f"expected [width, height] in pixels, got {_describe(value)}")
    result = []
    for i, v in enumerate(value):
        try:
            n = integer(v)
        except FieldError as exc:
            raise FieldError(exc.message, [i]) from None
        if not 1 <= n <= 100_000:
            raise FieldError(f"pixel count must be between 1 and 100000, got {n}", [i])
        result.append(n)
    return (result[0], result[1])


def transform(value: Any) -> tuple[float, float, float, float, float, float]:
    """Return an affine transform ``(a, b, c, d, e, f)`` that is invertible."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence) or len(value) != 6:
        raise FieldError(f"expected [a, b, c, d, e, f], got {_describe(value)}")
    vals = []
    for i, v in enumerate(value):
        try:
            vals.append(number(v))
        except FieldError as exc:
            raise FieldError(exc.message, [i]) from None
    a, b, c, d, _, _ = vals
    if abs(a * d - b * c) < 1e-18:
        raise FieldError("the transform is not invertible (a*d - b*c == 0)")
    return (vals[0], vals[1], vals[2], vals[3], vals[4], vals[5])


def privacy_masks(value: Any) -> tuple[tuple[float, float], ...]:
    """Return privacy masks as ``(from_deg, to_deg)`` pairs with ``from_deg < to_deg``.

    Each mask is an object ``{"from_deg": a, "to_deg": b}`` (or a pair) giving an
    angle interval relative to the optical axis, clockwise positive.
    """
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise FieldError(f"expected a list of masks, got {_describe(value)}")
    result = []
    for i, item in enumerate(value):
        if isinstance(item, dict):
            missing = [k for k in ("from_deg", "to_deg") if k not in item]
            if missing:
                raise FieldError(f"missing field {missing[0]!r}", [i])
            raw = (item["from_deg"], item["to_deg"])
        elif isinstance(item, Sequence) and not isinstance(item, (str, bytes)) and len(item) == 2:
            raw = (item[0], item[1])
        else:
            raise FieldError(f"expected {{'from_deg': a, 'to_deg': b}}, got {_describe(item)}", [i])
        try:
            lo = bounded(-180, 180)(raw[0])
        except FieldError as exc:
            raise FieldError(exc.message, [i, "from_deg"]) from None
        try:
            hi = bounded(-180, 180)(raw[1])
        except FieldError as exc:
            raise FieldError(exc.message, [i, "to_deg"]) from None
        if not lo < hi:
            raise FieldError(f"from_deg ({lo:g}) must be less than to_deg ({hi:g})", [i])
        result.append((lo, hi))
    return tuple(result)


def string_list(value: Any) -> tuple[str, ...]:
    """Return a tuple of strings."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise FieldError(f"expected a list of strings, got {_describe(value)}")
    result = []
    for i, item in enumerate(value):
        if not isinstance(item, str):
            raise FieldError(f"expected a string, got {_describe(item)}", [i])
        result.append(item)
    return tuple(result)


def _describe(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        shown = repr(value)
        return shown if len(shown) <= 40 else f"a number of {len(shown)} digits"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {shown!r}"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, (list, tuple)):
        return f"a list of {len(value)}"
    return type(value).__name__
