"""Small venues whose best camera layout is known by hand (for the layout tests)."""

from __future__ import annotations

from planner.model import Level, Opening, Project, Venue, Wall, Zone
from tests.venues import FULL_NOTICE, rect


def _project(level: Level) -> Project:
    return Project(venue=Venue(**FULL_NOTICE), levels=[level])


def corridor(length: float = 24.0) -> Project:
    """A 2 m wide closed corridor, watched at observe.

    No camera sees its own foot (the image's bottom edge meets face height
    some way out), and none sees both ways, so the best layout has one camera
    at each end looking along it.
    """
    return _project(Level(
        id="L1", zones=[Zone(id="corr", name="Corridor", use="corridor", polygon=rect(0, 0, length, 2))],
        walls=[Wall(id="w", path=((0, 0), (length, 0), (length, 2), (0, 2), (0, 0)))],
    ))


def l_lobby(arm: float = 20.0, width: float = 4.0) -> Project:
    """An L-shaped lobby, two arms ``arm`` long and ``width`` wide, watched at observe.

    One camera would have to see the far ends of both arms: only from the
    junction, across at least 88.6° with an observe reach of 20 m; no model
    of the catalogue has both (the 2.8 mm 1080p lens: 87.6°, 16 m). Two suffice.
    """
    poly = ((0, 0), (arm, 0), (arm, width), (width, width), (width, arm), (0, arm))
    return _project(Level(
        id="L1", zones=[Zone(id="lobby", name="Lobby", use="lobby", polygon=poly)],
        walls=[Wall(id="w", path=(*poly, poly[0]))],
    ))


def lobby_beside_restroom(door_x: float = 4.0) -> Project:
    """A 10 x 8 m lobby with a 3 x 3 m restroom north of it behind an open 1 m doorway at ``door_x``."""
    return _project(Level(
        id="L1",
        zones=[Zone(id="lobby", name="Lobby", use="lobby", polygon=rect(0, 0, 10, 8)),
               Zone(id="wc", name="WC", use="restroom", polygon=rect(door_x - 1, 8, door_x + 2, 11))],
        walls=[Wall(id="w", path=((0, 0), (10, 0), (10, 8), (0, 8), (0, 0))),
               Wall(id="w_wc", path=((door_x - 1, 8), (door_x - 1, 11), (door_x + 2, 11), (door_x + 2, 8)))],
        openings=[Opening(id="dw", kind="doorway", segment=((door_x, 8.0), (door_x + 1, 8.0)))],
    ))


def entrance_hall() -> Project:
    """A 6 x 5 m entrance hall with a street door (exterior) on the south and an office behind it."""
    return _project(Level(
        id="L1",
        zones=[Zone(id="hall", name="Hall", use="entrance", polygon=rect(0, 0, 6, 5)),
               Zone(id="office", name="Office", use="office", polygon=rect(0, 5, 6, 8))],
        walls=[Wall(id="w", path=((0, 0), (6, 0), (6, 8), (0, 8), (0, 0))),
               Wall(id="w_mid", path=((0, 5), (6, 5)))],
        openings=[Opening(id="street", kind="door", segment=((2.5, 0.0), (3.5, 0.0))),
                  Opening(id="d_office", kind="door", segment=((4.5, 5.0), (5.4, 5.0)))],
    ))


def open_plaza() -> Project:
    """A 30 x 30 m retail zone with no wall anywhere: nowhere to mount a camera."""
    return _project(Level(id="L1", zones=[Zone(id="plaza", name="Plaza", use="retail",
                                               polygon=rect(0, 0, 30, 30))]))
