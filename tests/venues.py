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

    Camera ``c1`` hangs at the corridor's west end looking east and sees into the restroom through
    the doorway; ``c2`` is inside the restroom; sign ``s1`` hangs at the corridor's west end.
    """
    level = Level(
        id="L1",
        name="Ground",
        zones=[
            Zone(id="corr", name="Corridor", use="corridor", polygon=rect(0, 0, 10, 2)),
            Zone(id="wc", name="WC", use="restroom", polygon=rect(1.5, 2, 4.5, 5)),
        ],
        walls=[
            Wall(id="w_corr", path=((0, 0), (10, 0), (10, 2), (0, 2), (0, 0))),
            Wall(id="w_wc", path=((1.5, 2), (1.5, 5), (4.5, 5), (4.5, 2))),
        ],
        openings=[Opening(id="d1", kind="doorway", segment=((2.0, 2.0), (2.9, 2.0)), wall="w_corr")],
        cameras=[
            Camera(id="c1", name="Corridor", position=(0.5, 1.0), heading_deg=90, hfov_deg=90,
                   face_recognition=fr, range_m=12),
            Camera(id="c2", name="Inside WC", position=(3.0, 4.0), heading_deg=180),
        ],
        signs=[Sign(id="s1", kind="cctv_notice", position=(0.2, 1.0), facing_deg=270)],
    )
    return Project(venue=Venue(**(venue if venue is not None else FULL_NOTICE)), levels=[level])


def fr_lobby(*, sign: bool = False) -> Project:
    """A 12 x 8 m lobby with a street door on the south facade, an office off it, and a corridor
    joined without a wall (an open boundary) on the east that leads to stairs. FR camera ``fr1``
    watches the lobby.

    With ``sign`` an ``fr_notice`` hangs outside the street door, beside it, facing the street.
    """
    level = Level(
        id="L1",
        name="Ground",
        zones=[
            Zone(id="lobby", name="Lobby", use="lobby", polygon=rect(0, 0, 12, 8)),
            Zone(id="office", name="Office", use="office", polygon=rect(0, 8, 4, 11)),
            Zone(id="corr", name="Corridor", use="corridor", polygon=rect(12, 3, 20, 5)),
            Zone(id="street", name="Street", use="entrance", polygon=rect(0, -6, 12, 0)),
            Zone(id="stairs", name="Stairs", use="stairs", polygon=rect(20, 2, 23, 6)),
        ],
        walls=[
            Wall(id="w_s", path=((0, 0), (12, 0)), thickness_m=0.2),
            Wall(id="w_w", path=((0, 0), (0, 11), (4, 11), (4, 8)), thickness_m=0.2),
            Wall(id="w_n", path=((0, 8), (12, 8), (12, 5)), thickness_m=0.2),
            Wall(id="w_e", path=((12, 0), (12, 3)), thickness_m=0.2),
            Wall(id="w_c", path=((12, 3), (20, 3), (20, 5), (12, 5)), thickness_m=0.2),
        ],
        openings=[
            Opening(id="street_door", kind="door", segment=((5.0, 0.0), (6.8, 0.0))),
            Opening(id="office_door", kind="door", segment=((1.5, 8.0), (2.4, 8.0))),
            Opening(id="stair_door", kind="door", segment=((20.0, 3.4), (20.0, 4.6))),
        ],
        cameras=[
            Camera(id="fr1", name="Lobby FR", position=(6.0, 7.5), heading_deg=180, hfov_deg=80, tilt_deg=20,
                   mount_height_m=2.8, resolution=(2688, 1520), range_m=10, face_recognition=True),
        ],
        signs=[Sign(id="s_fr", kind="fr_notice", position=(7.2, -0.12), facing_deg=180, size="A3")] if sign else [],
    )
    return Project(venue=Venue(**FULL_NOTICE), levels=[level])
