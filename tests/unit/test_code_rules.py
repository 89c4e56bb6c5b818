"""Rules of the code base that no linter checks for us."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "planner"
IGNORE = re.compile(r"#\s*type:\s*ignore(\[[^\]]*\])?(?P<rest>.*)$")


def test_every_type_ignore_says_why_on_the_same_line() -> None:
    unexplained = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = IGNORE.search(line)
            if match and not re.match(r"\s*#\s*\S", match.group("rest")):
                unexplained.append(f"{path.relative_to(PACKAGE.parent)}:{n}")
    assert not unexplained, "type: ignore without a reason: " + ", ".join(unexplained)
