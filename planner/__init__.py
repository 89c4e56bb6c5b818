"""Venue Planner: plan CCTV and face-recognition cameras that respect privacy law."""

__version__ = "0.1.0"
