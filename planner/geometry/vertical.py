r"""The vertical camera model: which horizontal distances a tilted lens sees at a range of heights.

A camera hangs at height ``h`` and its optical axis points ``t`` degrees below
the horizontal; its image spans ``v`` degrees vertically (the vfov), so it
sees the depression angles ``[t - v/2, t + v/2]`` (top edge, bottom edge of the
image). A point at horizontal distance ``d`` and height ``z`` is seen under
the depression angle ``atan((h - z) / d)``::

    z = c +--------------------------------------------------------- ceiling
          |
      h   *  camera
          |\ ``--..__                  top edge of the image: t - v/2 below level
          | \        ``--..__
          |  \               ``--..__
          |   \ bottom edge:         ``--..__
          |    \ t + v/2 below level         ``--..__
    z = 0 +-----*-------------------------------------*------------ floor
          0     d_floor_near = h / tan(t + v/2)       d_far = h / tan(t - v/2)

Everything between the two rays is in the image. At floor level that is
the annulus ``[d_floor_near, d_far]``; but a point closer than
``d_floor_near`` is still seen higher up (at that distance the image spans
the heights between the two rays, above the floor and below the camera), so
for the heights floor-to-ceiling only ``d_far`` remains.

The model treats the frustum's vertical limits as the same in every
direction of the lens wedge (as drawn in the wedge's middle).

For a band of target heights ``[z0, z1]`` a plan point at distance ``d`` is
seen when *some* height in the band is inside the image, i.e. when the
interval of depression angles ``[atan((h - z1)/d), atan((h - z0)/d)]`` meets
``[t - v/2, t + v/2]``. That splits into two conditions, each a ray of
``d``:

* the lowest target must not be above the top edge:
  ``atan((h - z0)/d) >= t - v/2``. With ``h > z0`` and the top edge pointing
  down (``t - v/2 > 0``) this is the far limit ``d <= (h - z0) / tan(t - v/2)``;
  if the top edge points level or up there is no far limit. (With the target
  above the camera, ``h < z0``, it is a near limit when the top edge points
  up, and nothing is seen when it points down.)
* the highest target must not be below the bottom edge:
  ``atan((h - z1)/d) <= t + v/2``. With ``h < z1`` this only bites when even
  the bottom edge points upward (``t + v/2 < 0``): a far limit where the
  bottom ray meets height ``z1``, ``d <= (z1 - h) / tan(-(t + v/2))``. With
  the camera above the band (``h > z1``) it is the near limit
  ``d >= (h - z1) / tan(t + v/2)``.

So for the privacy question (is any height from the floor to the ceiling
seen?) a camera below the ceiling has no near limit at all: however steep
the lens, a point just beside the camera is seen at some height between floor
and ceiling. A near limit exists only for a single height (the floor, or the
face height of face recognition) or for a camera mounted above the ceiling.

>>> near, far = seen_interval(3.0, 45.0, 30.0, 0.0, 3.0)
>>> near, round(far, 6), round(3.0 / math.tan(math.radians(30.0)), 6)
(0.0, 5.196152, 5.196152)
>>> [round(v, 3) for v in seen_interval(3.0, 45.0, 30.0, 1.6, 1.6)]
[0.808, 2.425]
"""

from __future__ import annotations

import math

__all__ = ["seen_interval", "vfov_deg"]


def vfov_deg(hfov_deg: float, width_px: float, height_px: float) -> float:
    """Return the vertical field of view: ``2·atan(tan(hfov/2)·H/W)``.

    A lens of 180° or more across is no rectilinear lens: its image spans the
    whole vertical half-circle (180°), the widest view, never a narrower one.

    >>> round(vfov_deg(90.0, 1920, 1080), 3)
    58.716
    >>> vfov_deg(200.0, 1920, 1080)
    180.0
    """
    if hfov_deg >= 180.0:
        return 180.0
    half = math.radians(hfov_deg) / 2.0
    return math.degrees(2.0 * math.atan(math.tan(half) * height_px / width_px))


def seen_interval(
    mount_height_m: float, tilt_deg: float, vfov: float, z_low: float, z_high: float
) -> tuple[float, float] | None:
    """Return ``(near, far)`` horizontal distances between which some height in ``[z_low, z_high]`` is seen.

    ``far`` is ``inf`` when the lens has no far limit; ``None`` when no
    distance qualifies. See the module docstring for the derivation.
    """
    lo = tilt_deg - vfov / 2.0  # depression angle of the top edge of the image
    hi = tilt_deg + vfov / 2.0  # depression angle of the bottom edge
    # an edge within a nano-degree of level counts as level (round-off must not hide a boundary view)
    lo = 0.0 if abs(lo) < 1e-9 else lo
    hi = 0.0 if abs(hi) < 1e-9 else hi
    near, far = 0.0, math.inf
    u = mount_height_m - z_low
    w = mount_height_m - z_high
    # condition A: atan(u / d) >= lo
    if lo > -90.0:
        if u > 0.0:
            if lo > 0.0:
                far = min(far, u / math.tan(math.radians(lo)))
        elif u == 0.0:
            if lo > 0.0:
                return None
        else:
            if lo >= 0.0:
                return None
            near = max(near, u / math.tan(math.radians(lo)))
    # condition B: atan(w / d) <= hi
    if hi < 90.0:
        if w < 0.0:
            if hi < 0.0:
                far = min(far, w / math.tan(math.radians(hi)))
        elif w == 0.0:
            if hi < 0.0:
                return None
        else:
            if hi <= 0.0:
                return None
            near = max(near, w / math.tan(math.radians(hi)))
    if near > far:
        return None
    return near, far
