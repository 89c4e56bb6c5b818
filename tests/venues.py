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
    necessity="Identity checks at the door keep guests safe; no other check is as reliable at night",
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


# -- imperfect plans (DESIGN §4: openings, self-closing doors, coverage beyond the walls) -----------------


def toilet_off_corridor(*, door_offset: float = 0.15, lined: bool = False, door_kind: str = "door",
                        self_closing: bool = False, window: bool = False, use: str = "restroom") -> Project:
    """A 12 x 2.5 m corridor (y 0..2.5) with a 3 x 3 m room north of it (x 4..7, y 2.5..5.5), walled all round.

    The room's south wall runs along y = 2.5, 0.1 m thick. Its door (``d1``, 0.9 m at x 5..5.9) is
    drawn ``door_offset`` off that wall's centre-line, towards the corridor (a door symbol drawn
    beside the wall, as converted indoor maps have them). With ``lined`` the room's south wall is a
    block wall plus a lining 0.2 m further north, drawn as two walls (a lined toilet wall), and the
    door sits between the two. With ``window`` a 1 m window ``win1`` sits in the wall beside the door
    (x 6.2..7.2 is outside the room; it is at x 4.1..4.9). Camera ``c1`` hangs in the corridor at
    (5.45, 0.3), 2.6 m up, looking north at the door with an 80° lens, range 8 m.
    """
    walls = [
        Wall(id="w_corr", path=((0, 0), (12, 0), (12, 2.5), (0, 2.5), (0, 0)), thickness_m=0.1),
        Wall(id="w_room", path=((4, 2.5), (4, 5.5), (7, 5.5), (7, 2.5)), thickness_m=0.1),
    ]
    if lined:
        walls.append(Wall(id="w_lining", path=((4, 2.7), (7, 2.7)), thickness_m=0.05))
    y = 2.5 - door_offset if not lined else 2.6
    openings = [Opening(id="d1", kind=door_kind, segment=((5.0, y), (5.9, y)), self_closing=self_closing)]
    if window:
        openings.append(Opening(id="win1", kind="window", segment=((4.1, 2.5), (4.9, 2.5))))
        if lined:
            openings.append(Opening(id="win1b", kind="window", segment=((4.1, 2.7), (4.9, 2.7))))
    level = Level(
        id="L1",
        name="Ground",
        zones=[
            Zone(id="corr", name="Corridor", use="corridor", polygon=rect(0, 0, 12, 2.5)),
            Zone(id="room", name="Room", use=use, polygon=rect(4, 2.5, 7, 5.5)),
            Zone(id="stairs", name="Stairs", use="stairs", polygon=rect(12, 0, 14, 2.5)),
        ],
        walls=walls,
        openings=[*openings, Opening(id="d_stairs", kind="doorway", segment=((12, 0.8), (12, 1.8)))],
        cameras=[Camera(id="c1", name="Corridor", position=(5.45, 0.3), mount_height_m=2.6, heading_deg=0,
                        hfov_deg=80, tilt_deg=20, range_m=8)],
    )
    return Project(venue=Venue(**FULL_NOTICE), levels=[level])


def hotel_corridor(*, window: bool = False) -> Project:
    """A hotel corridor camera facing the self-closing doors of guest rooms 101 and 102.

    The corridor runs along y 0..2 (x 0..12); rooms 101 (x 2..6) and 102 (x 6..10) lie north of it
    (y 2..6), each with a self-closing 0.9 m door in the corridor wall. With ``window`` room 101 also
    has a 1 m window onto the corridor beside its door. Camera ``cam`` hangs on the corridor's south
    wall opposite the party wall, looking north with a wide lens at both doors.
    """
    project = toilet_off_corridor()  # only for the venue facts
    level = Level(
        id="L1",
        name="Guest floor",
        zones=[
            Zone(id="corr", name="Corridor", use="corridor", polygon=rect(0, 0, 12, 2)),
            Zone(id="r101", name="Room 101", use="hotel_room", polygon=rect(2, 2, 6, 6)),
            Zone(id="r102", name="Room 102", use="hotel_room", polygon=rect(6, 2, 10, 6)),
            Zone(id="lift", name="Lift lobby", use="elevator_lobby", polygon=rect(12, 0, 14, 2)),
        ],
        walls=[
            Wall(id="w_corr", path=((0, 0), (12, 0), (12, 2), (0, 2), (0, 0)), thickness_m=0.15),
            Wall(id="w_rooms", path=((2, 2), (2, 6), (10, 6), (10, 2)), thickness_m=0.15),
            Wall(id="w_party", path=((6, 2), (6, 6)), thickness_m=0.15),
        ],
        openings=[
            Opening(id="door101", kind="door", segment=((3.0, 2), (3.9, 2)), self_closing=True),
            Opening(id="door102", kind="door", segment=((8.6, 2), (9.5, 2)), self_closing=True),
            Opening(id="lift_way", kind="doorway", segment=((12, 0.5), (12, 1.5))),
            *([Opening(id="win101", kind="window", segment=((4.3, 2), (5.5, 2)))] if window else []),
        ],
        cameras=[Camera(id="cam", name="Corridor", position=(6.0, 0.2), mount_height_m=2.7, heading_deg=0,
                        hfov_deg=130, tilt_deg=15, range_m=12)],
    )
    project.levels = [level]
    project._reindex()
    return project


def street_entrance(*, range_m: float = 30.0) -> Project:
    """A 10 x 8 m shop (y 0..8) whose street front (y = 0) has a 3 m open doorway; the street is not drawn.

    Camera ``entry`` hangs inside above the doorway looking south at the street (range ``range_m``),
    so most of what it sees lies outside the venue, far beyond the old 10 m domain margin.
    """
    level = Level(
        id="L1",
        name="Ground",
        zones=[Zone(id="shop", name="Shop", use="retail", polygon=rect(0, 0, 10, 8))],
        walls=[Wall(id="w", path=((0, 0), (10, 0), (10, 8), (0, 8), (0, 0)), thickness_m=0.2)],
        openings=[Opening(id="front", kind="doorway", segment=((3.5, 0), (6.5, 0)))],
        cameras=[Camera(id="entry", name="Entrance", position=(5, 1.0), mount_height_m=3.0, heading_deg=180,
                        hfov_deg=60, tilt_deg=5, resolution=(3840, 2160), range_m=range_m)],
    )
    return Project(venue=Venue(**FULL_NOTICE), levels=[level])


def walled_lobby(*, door: bool = False, mount_height_m: float = 2.8, ceiling_m: float = 3.0) -> Project:
    """An 8 x 6 m lobby walled all round with camera ``cam`` in it; with ``door`` a street door in its south wall."""
    level = Level(
        id="L1",
        name="Ground",
        ceiling_height_m=ceiling_m,
        zones=[Zone(id="lobby", name="Lobby", use="lobby", polygon=rect(0, 0, 8, 6))],
        walls=[Wall(id="w", path=((0, 0), (8, 0), (8, 6), (0, 6), (0, 0)), thickness_m=0.2)],
        openings=[Opening(id="street", kind="door", segment=((3, 0), (4.2, 0)))] if door else [],
        cameras=[Camera(id="cam", name="Lobby", position=(4, 5.6), mount_height_m=mount_height_m,
                        heading_deg=180, hfov_deg=90, tilt_deg=25, range_m=7)],
    )
    return Project(venue=Venue(**FULL_NOTICE), levels=[level])
