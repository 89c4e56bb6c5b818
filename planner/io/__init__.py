"""Qt-free input and output of project files and imported plans."""

from planner.io.atomic import OutputPathError, check_output
from planner.io.codec import FORMAT_NAME, FORMAT_VERSION, decode_project, encode_project
from planner.io.errors import ProjectFileError, UnsafeArchiveError, UnsupportedFormatVersionError
from planner.io.migrate import migrate
from planner.io.projectfile import load_project, project_json_bytes, save_project

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "OutputPathError",
    "ProjectFileError",
    "UnsafeArchiveError",
    "UnsupportedFormatVersionError",
    "check_output",
    "decode_project",
    "encode_project",
    "load_project",
    "migrate",
    "project_json_bytes",
    "save_project",
]
