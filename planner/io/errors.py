"""The one exception family for reading and writing project files."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

__all__ = ["ProjectFileError", "UnsafeArchiveError", "UnsupportedFormatVersionError", "json_path"]


def json_path(parts: Sequence[str | int]) -> str:
    """Format a JSON path: ``levels[0].zones[3].polygon``.

    >>> json_path(["levels", 0, "zones", 3, "polygon", 1])
    'levels[0].zones[3].polygon[1]'
    >>> json_path([])
    ''
    """
    out = ""
    for part in parts:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


class ProjectFileError(Exception):
    """A project file cannot be read or written.

    ``str(error)`` is one line naming the file, the JSON path (when there is
    one) and the problem: ``hotel.vplan: levels[0].zones[3].polygon: ...``.
    """

    def __init__(self, file: str | Path | None, message: str, path: Sequence[str | int] = ()) -> None:
        self.file = str(file) if file is not None else None
        self.parts = list(path)
        self.path = json_path(path)
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        parts = [p for p in (self.file, self.path) if p]
        return ": ".join([*parts, self.message])


class UnsupportedFormatVersionError(ProjectFileError):
    """The file was written by a newer version of the program (or is not versioned)."""


class UnsafeArchiveError(ProjectFileError):
    """The ZIP container is unsafe to extract (bad member names, bomb, too large)."""
