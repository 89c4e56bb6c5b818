"""Every reader ends cleanly on mutated input (hypothesis drives the seeds; ``make fuzz`` runs longer).

``FUZZ_EXAMPLES`` sets the inputs per target (default 25 in the test suite).
"""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.targets import TARGETS

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "25"))


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_reader_ends_cleanly(name: str) -> None:
    target = TARGETS[name]
    examples = max(3, EXAMPLES // 5) if name == "documents" else EXAMPLES

    @settings(max_examples=examples, deadline=None, database=None, derandomize=not os.environ.get("FUZZ_RANDOM"),
              suppress_health_check=list(HealthCheck))
    @given(st.integers(0, 2**32 - 1))
    def run(seed: int) -> None:
        with tempfile.TemporaryDirectory() as folder:
            target(random.Random(seed), Path(folder))

    run()
