"""The desktop front end (PySide6): the only package of the planner that imports Qt.

``planner.ui.app.run(argv)`` starts it; :class:`~planner.ui.window.MainWindow`
is the window and :class:`~planner.ui.scene.LevelScene` the plan of one level.
Importing this package does not import Qt; its modules do.
"""

__all__ = ["run"]


def run(argv: list[str]) -> int:
    """Start the application (see :func:`planner.ui.app.run`)."""
    from planner.ui.app import run as _run

    return _run(argv)
