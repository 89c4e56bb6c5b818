"""The editor's tools: interaction objects with start / end / cancel, a live preview, one command per gesture.

:mod:`planner.ui.tools.registry` lists them in toolbar order;
:mod:`planner.ui.tools.snap` holds their decisions (snapping, hit-testing) as
plain functions of plain numbers, importable without Qt.
"""
