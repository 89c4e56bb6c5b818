"""Read and write project files: ``NAME.vplan`` (ZIP) or a bare ``project.json``.

A ``.vplan`` is a ZIP holding ``project.json`` (UTF-8) and the embedded
background files under ``backgrounds/``. Reading is defensive: size limits,
ZIP-bomb limits, unsafe member names and malformed JSON are rejected with a
:class:`~planner.io.errors.ProjectFileError` that names the file and the JSON
path. Saving is atomic (temporary file in the same folder, fsync,
``os.replace``) and keeps the previous file as ``NAME.vplan.bak``.
"""

from __future__ import annotations

import io
import json
import re
import shlex
import zipfile
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from planner.io.atomic import atomic_write, check_output
from planner.io.codec import DecodeError, decode_project, encode_project
from planner.io.errors import ProjectFileError, UnsafeArchiveError
from planner.io.migrate import migrate
from planner.io.sniff import HEAD_BYTES, ContentKind, content_kind
from planner.model.project import Project

__all__ = [
    "LIMITS",
    "Limits",
    "load_project",
    "not_a_project",
    "parse_json",
    "project_json_bytes",
    "read_project_data",
    "save_project",
]

MEMBER_JSON = "project.json"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)


class Limits:
    """Size limits for reading project files (bytes unless said otherwise)."""

    file_size = 512 * 1024 * 1024
    json_size = 64 * 1024 * 1024
    total_uncompressed = 1024 * 1024 * 1024
    member_count = 10_000
    #: Largest compression ratio accepted for members bigger than ``ratio_floor``.
    max_ratio = 200.0
    ratio_floor = 1024 * 1024
    json_depth = 64


LIMITS = Limits()


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a valid number")


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise ValueError(f"duplicate key {key!r}")
        out[key] = value
    return out


def _depth(value: Any, limit: int) -> int:
    """Nesting depth of ``value`` (a scalar is 1), or the first depth found beyond ``limit``.

    >>> _depth({"a": [1, [2]], "b": {}}, 10), _depth([[[[0]]]], 2)
    (4, 3)
    """
    if not isinstance(value, (dict, list)):
        return 1
    stack = [(value, 1)]
    deepest = 1
    while stack:
        item, d = stack.pop()
        if d > limit:
            return d
        deepest = max(deepest, d)
        below = d + 1
        for v in item.values() if isinstance(item, dict) else item:
            if isinstance(v, (dict, list)):
                stack.append((v, below))
            elif below > deepest:
                if below > limit:
                    return below
                deepest = below
    return deepest


def parse_json(raw: bytes, file: str) -> dict[str, Any]:
    """Parse ``project.json`` bytes strictly: UTF-8, no NaN/Infinity, no duplicate keys, an object."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if not raw.lstrip().startswith((b"{", b"\xef\xbb\xbf")):
            raise ProjectFileError(file, _NEITHER.format(what="binary data")) from None
        raise ProjectFileError(file, f"not UTF-8 text (byte {exc.start})") from None
    try:
        data = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_no_duplicates)
    except json.JSONDecodeError as exc:
        if not text.strip():
            raise ProjectFileError(file, "the file is empty") from None
        if exc.pos == len(text) - len(text.lstrip()):  # not even the first character is JSON
            raise ProjectFileError(file, _NEITHER.format(what="text")) from None
        raise ProjectFileError(file, f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except (ValueError, RecursionError) as exc:
        raise ProjectFileError(file, f"invalid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise ProjectFileError(file, f"expected a JSON object at the top level, got {type(data).__name__}")
    if _depth(data, LIMITS.json_depth) > LIMITS.json_depth:
        raise ProjectFileError(file, f"JSON nested deeper than {LIMITS.json_depth} levels")
    if _SURROGATE_ESCAPE.search(text):
        _reject_surrogates(data, file)
    return data


_NEITHER = ("is not a Venue Planner project: {what} that is neither a .vplan archive nor project JSON; open a "
            "project (.vplan), or import a plan (DXF, PDF, image) with `planner import`")

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _reject_surrogates(data: Any, file: str) -> None:
    """Refuse text that is not valid Unicode (a lone UTF-16 surrogate escape, ``"\\ud800"``)."""
    stack: list[tuple[Any, list[str | int]]] = [(data, [])]
    while stack:
        item, where = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                _valid_text(key, file, where)
                stack.append((value, [*where, key]))
        elif isinstance(item, list):
            stack.extend((value, [*where, i]) for i, value in enumerate(item))
        elif isinstance(item, str):
            _valid_text(item, file, where)


def _valid_text(value: str, file: str, where: list[str | int]) -> None:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ProjectFileError(file, f"invalid text: a lone UTF-16 surrogate ({value[exc.start]!r}) at "
                               f"character {exc.start}", where) from None


def _safe_member(name: str, file: str) -> str:
    if any(ord(c) < 32 or 0xD800 <= ord(c) <= 0xDFFF for c in name):
        raise UnsafeArchiveError(file, f"archive member {name!r} has control characters in its name")
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise UnsafeArchiveError(file, f"archive member {name!r} has an absolute or Windows path")
    parts = PurePosixPath(name).parts
    if ".." in parts:
        raise UnsafeArchiveError(file, f"archive member {name!r} points outside the archive ('..')")
    return name


def _read_zip(path: Path, file: str) -> tuple[bytes, dict[str, bytes]]:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise ProjectFileError(file, "not a .vplan file (not a ZIP archive)") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > LIMITS.member_count:
            raise UnsafeArchiveError(file, f"too many archive members ({len(infos)} > {LIMITS.member_count})")
        total = 0
        for info in infos:
            _safe_member(info.filename, file)
            total += info.file_size
            if total > LIMITS.total_uncompressed:
                raise UnsafeArchiveError(
                    file, f"archive expands to more than {LIMITS.total_uncompressed // 2**20} MiB"
                )
            if info.file_size > LIMITS.ratio_floor and info.file_size > LIMITS.max_ratio * max(info.compress_size, 1):
                raise UnsafeArchiveError(
                    file,
                    f"archive member {info.filename!r} is suspiciously compressed "
                    f"(ratio {info.file_size / max(info.compress_size, 1):.0f}:1; a ZIP bomb?)",
                )
        names: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if info.filename in names:
                raise UnsafeArchiveError(file, f"the archive holds two members named {info.filename!r}; "
                                         "refusing an ambiguous archive")
            if info.flag_bits & 0x1:
                raise UnsafeArchiveError(file, f"archive member {info.filename!r} is encrypted")
            names[info.filename] = info
        if MEMBER_JSON not in names:
            if any(PurePosixPath(name).name == "manifest.json" for name in names):
                raise ProjectFileError(file, not_a_project(file, ContentKind("imdf", "IMDF", "an IMDF venue archive",
                                                                             True)))
            raise ProjectFileError(file, f"the archive has no {MEMBER_JSON}: a ZIP archive, but not a Venue Planner "
                                   "project")
        if names[MEMBER_JSON].file_size > LIMITS.json_size:
            raise UnsafeArchiveError(file, f"{MEMBER_JSON} is larger than {LIMITS.json_size // 2**20} MiB")
        files: dict[str, bytes] = {}
        try:
            raw = _read_member(archive, names[MEMBER_JSON])
            for name, info in names.items():
                if name.startswith("backgrounds/") and not info.is_dir():
                    files[name] = _read_member(archive, info)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
            raise ProjectFileError(file, f"damaged archive: {exc}") from None
    return raw, files


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    # Read in chunks and stop at the declared size: a forged header cannot make us inflate more.
    out = io.BytesIO()
    with archive.open(info) as stream:
        while chunk := stream.read(1 << 20):
            out.write(chunk)
            if out.tell() > info.file_size:
                raise zipfile.BadZipFile(f"member {info.filename!r} is larger than its header says")
    return out.getvalue()


def read_project_data(path: str | Path) -> tuple[dict[str, Any], dict[str, bytes]]:
    """Return the raw (unmigrated) ``project.json`` data and embedded files of ``path``."""
    path = Path(path)
    file = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ProjectFileError(file, "file not found") from None
    except OSError as exc:
        raise ProjectFileError(file, f"cannot read: {exc.strerror or exc}") from None
    if path.is_dir():
        raise ProjectFileError(file, "is a folder, not a project file")
    if size > LIMITS.file_size:
        raise ProjectFileError(file, f"file is too large ({size // 2**20} MiB > {LIMITS.file_size // 2**20} MiB)")
    try:
        with path.open("rb") as fh:
            head = fh.read(HEAD_BYTES)
    except OSError as exc:
        raise ProjectFileError(file, f"cannot read: {exc.strerror or exc}") from None
    if head.startswith(b"PK"):
        raw, files = _read_zip(path, file)
        return parse_json(raw, file), files
    kind = content_kind(head)
    if kind is not None:
        raise ProjectFileError(file, not_a_project(file, kind))
    if path.suffix.lower() == ".vplan":
        raise ProjectFileError(file, "not a .vplan file (not a ZIP archive)")
    if size > LIMITS.json_size:
        raise ProjectFileError(file, f"JSON file is larger than {LIMITS.json_size // 2**20} MiB")
    return parse_json(path.read_bytes(), file), {}


def not_a_project(file: str, kind: ContentKind) -> str:
    """What to say of ``file``, which holds ``kind`` (a drawing, an image, a PDF), where a project was expected."""
    said = f"is {kind.description}, not a Venue Planner project"
    if kind.importable:
        name = Path(file).with_suffix(".vplan") if Path(file).suffix.lower() != ".vplan" else \
            Path(file).with_name(Path(file).stem + "-imported.vplan")
        return (f"{said}: import it first with `planner import {shlex.quote(file)} -o {shlex.quote(str(name))}` "
                "(or Import Plan in the editor)")
    if kind.key == "dwg":
        return f"{said}: save it as DXF in the CAD program, then import the DXF with `planner import`"
    return f"{said}: save it as PNG or PDF, then import that with `planner import`"


def _load_side_files(project: Project, base: Path, file: str) -> None:
    for li, level in enumerate(project.levels):
        for bi, bg in enumerate(level.backgrounds):
            where: list[str | int] = ["levels", li, "backgrounds", bi, "source"]
            try:
                _safe_member(bg.source, file)  # relative to the project's folder, never outside it
            except UnsafeArchiveError as exc:
                raise ProjectFileError(file, exc.message.replace("archive member", "background"), where) from None
            source = base / bg.source
            try:
                if source.stat().st_size > LIMITS.file_size:
                    raise ProjectFileError(file, f"background {bg.source!r} is too large", where)
                project.files[bg.source] = source.read_bytes()
            except FileNotFoundError:
                raise ProjectFileError(file, f"background file not found: {source}", where) from None
            except OSError as exc:
                raise ProjectFileError(file, f"cannot read background {source}: {exc.strerror}", where) from None


def load_project(path: str | Path) -> Project:
    """Read a ``.vplan`` archive or a bare ``project.json`` into a :class:`Project`.

    Raises :class:`ProjectFileError` (naming the file and JSON path) on any problem.
    """
    path = Path(path)
    file = str(path)
    data, files = read_project_data(path)
    if "format" not in data and "format_version" not in data:
        geojson = data.get("type") in ("FeatureCollection", "Feature")
        what = "GeoJSON (as `planner coverage` writes)" if geojson else "JSON"
        raise ProjectFileError(file, f"is {what}, not a Venue Planner project: it has neither \"format\" nor "
                               "\"format_version\"")
    data = migrate(data, file=file)
    try:
        project = decode_project(data)
    except DecodeError as exc:
        raise ProjectFileError(file, exc.message, exc.parts) from None
    if files or path.suffix.lower() == ".vplan":
        project.files = files
        for li, level in enumerate(project.levels):
            for bi, bg in enumerate(level.backgrounds):
                if bg.source not in files:
                    raise ProjectFileError(
                        file,
                        f"background {bg.source!r} is not in the archive",
                        ["levels", li, "backgrounds", bi, "source"],
                    )
    else:
        _load_side_files(project, path.parent, file)
    return project


def _is_flat(value: Any) -> bool:
    """True for scalars and lists that nest only scalars and lists (coordinates)."""
    if isinstance(value, list):
        return all(_is_flat(v) for v in value)
    return not isinstance(value, dict)


def _dump(value: Any, indent: str) -> str:
    if _is_flat(value):
        return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":") if
                          isinstance(value, list) else (", ", ": "))
    inner = indent + "  "
    if isinstance(value, dict):
        if not value:
            return "{}"
        body = ",\n".join(f"{inner}{json.dumps(k, ensure_ascii=False)}: {_dump(v, inner)}" for k, v in value.items())
        return "{\n" + body + "\n" + indent + "}"
    body = ",\n".join(inner + _dump(v, inner) for v in value)
    return "[\n" + body + "\n" + indent + "]"


def project_json_bytes(project: Project) -> bytes:
    """Return the canonical ``project.json`` bytes: UTF-8, indented, coordinates kept on one line."""
    return (_dump(encode_project(project), "") + "\n").encode("utf-8")


def _zip_bytes(project: Project) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(MEMBER_JSON, _ZIP_DATE)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, project_json_bytes(project))
        used = {bg.source for level in project.levels for bg in level.backgrounds}
        for name in sorted(used):
            if name not in project.files:
                raise ProjectFileError(None, f"background {name!r} has no data to embed")
            _safe_member(name, "project")
            info = zipfile.ZipInfo(name, _ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, project.files[name])
    return buf.getvalue()


def save_project(
    project: Project, path: str | Path, *, backup: bool = True, inputs: Sequence[str | Path] = ()
) -> None:
    """Write ``project`` atomically to ``path`` (``.vplan`` ZIP, or ``.json``).

    The path is checked first (:func:`~planner.io.atomic.check_output`: never
    one of ``inputs``, a folder, a device or a read-only file). The written
    file is read back with :func:`load_project` before it replaces ``path``:
    a project that could not be opened again is never saved. The previous
    file, if any, is kept as ``path + '.bak'``. On any error the file at
    ``path`` is left as it was and no temporary file remains.
    """
    file = str(path)
    path = check_output(path, inputs=inputs)
    if path.suffix.lower() == ".json":
        payload = project_json_bytes(project)
        for name in sorted({bg.source for level in project.levels for bg in level.backgrounds}):
            if name not in project.files:
                continue
            _safe_member(name, file)
            target = path.parent / name
            try:
                existing = target.read_bytes() if target.is_file() else None
            except OSError as exc:
                raise ProjectFileError(file, f"cannot read {target}: {exc.strerror or exc}") from None
            if existing is None:
                target.parent.mkdir(parents=True, exist_ok=True)
                _atomic_write(target, project.files[name], file=str(target), backup=False)
            elif existing != project.files[name]:
                raise ProjectFileError(file, f"{target} already holds a different background; save the project "
                                       "as .vplan or into another folder")
    else:
        try:
            payload = _zip_bytes(project)
        except ProjectFileError as exc:
            raise ProjectFileError(file, exc.message) from None
    _atomic_write(path, payload, file=file, backup=backup, inputs=inputs, verify=_read_back(file))


def _read_back(file: str) -> Callable[[Path], None]:
    def verify(written: Path) -> None:
        try:
            load_project(written)
        except ProjectFileError as exc:
            where = f"{exc.path}: " if exc.path else ""
            raise ProjectFileError(file, f"not saved: the file would not open again ({where}{exc.message})") from None

    return verify


def _atomic_write(
    path: Path,
    payload: bytes,
    *,
    file: str,
    backup: bool,
    inputs: Sequence[str | Path] = (),
    verify: Callable[[Path], None] | None = None,
) -> None:
    try:
        atomic_write(path, payload, backup=backup, inputs=inputs, verify=verify)
    except OSError as exc:
        raise ProjectFileError(file, f"cannot save: {exc.strerror or exc}") from None
