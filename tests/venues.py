"""Small named venues for tests (plain model objects, built fresh on every call)."""

from __future__ import annotations

from planner.model import Camera, Level, Opening, Project, Sign, Venue, Wall, Zone

FULL_NOTICE = dict(
    name="Test Hotel",
    operator="Test Hotel Co.",
    contact="+86 21 0000 0000",
    purpose="Check-in verification",
    retention="30 days",
    storage="on-device",
    alternative="ID card at the desk",
    rights="Ask at reception",
    notice_url="https://example.com/p",
    expected_enrolled_people=1000,
)


def rect(x0: float, y0: float, x1: float, y1: float) -> tuple[tuple[float, float], ...]:
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))


def corridor_and_restroom(*, fr: bool = False, venue: dict | None = None) -> Project:
    """A 10 x 2 m corridor with a 3 x 3 m restroom north of it, joined by a 0.9 m doorway.

    Camera ``c1`` hangs at the corridor's west end looking east; ``c2`` is inside the restroom.
    """
    level = Level(
        id="L1",
        name="Ground",
        zones=[
            Zone(id="corr", name="Corridor", use="corridor", polygon=rect(0, 0, 10, 2)),
            Zone(id="wc", name="WC", use="restroom", polygon=rect(4, 2, 7, 5)),
        ],
        walls=[
            Wall(id="w_corr", path=((0, 0), (10, 0), (10, 2), (0, 2), (0, 0))),
            Wall(id="w_wc", path=((4, 2), (4, 5), (7, 5), (7, 2))),
        ],
        openings=[Opening(id="d1", kind="doorway", segment=((5.0, 2.0), (5.9, 2.0)), wall="w_corr")],
        cameras=[
            Camera(id="c1", name="Corridor", position=(0.5, 1.0), heading_deg=90, hfov_deg=90,
                   face_recognition=fr, range_m=12),
            Camera(id="c2", name="Inside WC", position=(5.5, 4.0), heading_deg=180),
        ],
        signs=[Sign(id="s1", kind="cctv_notice", position=(0.2, 1.0), facing_deg=270)],
    )
    return Project(venue=Venue(**(venue if venue is not None else FULL_NOTICE)), levels=[level])
