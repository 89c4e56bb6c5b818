"""The desktop editor (PySide6): the only package of the planner that imports Qt.

``planner.ui.app.run(argv)`` starts it. How the parts hang together:

* :mod:`~planner.ui.document` holds the edited project, its file and its undo stack; every edit is
  a model command (:mod:`planner.model.commands`) pushed through the one adapter in
  :mod:`~planner.ui.undo`.
* :mod:`~planner.ui.scene` projects one level into graphics items (:mod:`~planner.ui.items`,
  :mod:`~planner.ui.coverage`) and follows the model's change events; items keep only ids.
* :mod:`~planner.ui.view` turns pointer events into plan-metre events for the active tool
  (:mod:`planner.ui.tools`); :mod:`planner.ui.tools.snap` holds their decisions as plain functions.
* :mod:`~planner.ui.compliance` keeps coverage and findings current (per camera at once, the full
  check when edits pause); a remedy turns into a command through :mod:`planner.rules.remedies`.
* :mod:`~planner.ui.window` wires docks (:mod:`~planner.ui.properties`, :mod:`~planner.ui.findings`,
  :mod:`~planner.ui.layers`, :mod:`~planner.ui.toolbox`), menus (:mod:`~planner.ui.actions`), files
  (:mod:`~planner.ui.fileops`, :mod:`~planner.ui.files`), printing and languages
  (:mod:`~planner.ui.printing`, :mod:`~planner.ui.i18n`); questions go through
  :mod:`~planner.ui.dialogs`, which tests replace.

Importing this package does not import Qt; its modules do (except the plain-number helpers
:mod:`~planner.ui.tools.snap`, :mod:`~planner.ui.lens` and :mod:`~planner.ui.clipboard`).
"""

__all__ = ["run"]


def run(argv: list[str]) -> int:
    """Start the application (see :func:`planner.ui.app.run`)."""
    from planner.ui.app import run as _run

    return _run(argv)
