"""Shared fixtures: small named venues that tests parametrize over."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
