"""Write files atomically, and refuse output paths that would destroy something.

Every file the program writes (projects, PDFs, workbooks, CSV files, imports)
goes through :func:`atomic_write`: a temporary file beside the target
(``.NAME.partial-PID-XXXXXXXX.tmp``), fsync, an optional check that the
written file reads back, then ``os.replace``. A reader never sees a
half-written file; a failure leaves the previous file (and no temporary file)
behind; temporary files left by a killed run are removed by the next write to
the same target. New files get the usual ``0o666 & ~umask`` permissions;
replaced files keep theirs.

:func:`check_output` is the one output guard. It refuses, with
:class:`OutputPathError` (one line naming the path and the reason):

* an empty name, ``.``, ``..`` or a name ending in a path separator;
* a folder, a device, a FIFO or a socket (only regular files are replaced);
* a file without write permission (the permission bit is the user's word,
  even for ``root``);
* the same file as one of the inputs (symbolic and hard links resolved);
* a name in a folder that does not exist or cannot be written.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> source = folder / "in.vplan"; _ = source.write_bytes(b"x")
>>> check_output(folder / "out.pdf", inputs=[source]).name
'out.pdf'
>>> check_output(source, inputs=[source])  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
planner.io.atomic.OutputPathError: ...in.vplan: is the input file; choose another output name
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from planner.io.errors import ProjectFileError

__all__ = [
    "OutputPathError",
    "TEMP_PATTERN",
    "atomic_write",
    "backup_path",
    "check_output",
    "clean_stale_temp_files",
    "clean_stale_temp_files_in",
    "temp_files_of",
    "write_error",
]

#: Name of a temporary file written beside ``NAME``: ``.NAME.partial-PID-TOKEN.tmp``.
TEMP_PATTERN = ".{name}.partial-{pid}-{token}.tmp"
_TEMP_RE = re.compile(r"\.partial-(\d+)-[0-9a-f]+\.tmp$")
#: Temporary files of older versions (``.NAME.XXXXXXXX.tmp``, ``.NAME.bak.tmp``) are removed after this long.
_LEGACY_AGE_S = 3600.0


class OutputPathError(ProjectFileError):
    """An output path is refused before anything is written: ``str(error)`` is one line."""


def backup_path(path: str | Path) -> Path:
    """Where :func:`atomic_write` keeps the previous version: ``NAME.bak`` beside it."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_dev, st.st_ino)


def check_output(path: str | Path, *, inputs: Iterable[str | Path] = (), option: str | None = None) -> Path:
    """Return the file ``path`` names (symbolic links followed), or raise :class:`OutputPathError`.

    ``option`` (``"-o"``, ``"--xlsx"``) prefixes the message so a command line
    user knows which argument is wrong.
    """
    text = os.fspath(path)
    label = f"{option} {text!r}" if option and not text.strip() else (f"{option} {text}" if option else text)
    if not text.strip():
        raise OutputPathError(label, "an empty file name; give the name of the file to write")
    if "\x00" in text:
        raise OutputPathError(label, "the file name contains a NUL byte")
    if text.endswith(("/", os.sep)) or Path(text).name in ("", ".", ".."):
        raise OutputPathError(label, "names a folder; give the name of the file to write")
    target = Path(text)
    if target.is_symlink():
        target = Path(os.path.realpath(target))
    try:
        st: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputPathError(label, f"cannot use this name: {exc.strerror or exc}") from None
    if st is not None:
        if stat.S_ISDIR(st.st_mode):
            raise OutputPathError(label, "is a folder; give the name of the file to write")
        if not stat.S_ISREG(st.st_mode):
            raise OutputPathError(label, "is not a regular file (a device, FIFO or socket); refusing to replace it")
        for source in inputs:
            if _identity(source) == (st.st_dev, st.st_ino):
                same = "" if os.path.abspath(source) == os.path.abspath(text) else f" ({source})"
                raise OutputPathError(label, f"is the input file{same}; choose another output name")
        if not st.st_mode & 0o222 or not os.access(target, os.W_OK):
            raise OutputPathError(label, "is read-only; make it writable or choose another name")
    folder = target.parent
    if not folder.is_dir():
        raise OutputPathError(label, f"the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputPathError(label, f"cannot write in the folder {folder} (permission denied)")
    try:
        read_only = bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        read_only = False
    if read_only:
        raise OutputPathError(label, f"cannot write in the folder {folder}: it is on a read-only file system")
    return target


def temp_files_of(path: str | Path) -> list[Path]:
    """Temporary files beside ``path`` that belong to writes of ``path`` (this version's and older ones)."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    prefix = f".{path.name}."
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [folder / n for n in names if n.startswith(prefix) and n.endswith(".tmp")]


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        return True
    return True


def clean_stale_temp_files(path: str | Path) -> list[Path]:
    """Remove temporary files a killed write of ``path`` left behind; return those removed.

    A file of this version names its writer's process id and is removed once
    that process is gone; older-style names are removed after an hour.
    """
    removed = []
    for tmp in temp_files_of(path):
        match = _TEMP_RE.search(tmp.name)
        if match:
            stale = not _alive(int(match.group(1)))
        else:
            try:
                stale = time.time() - tmp.lstat().st_mtime > _LEGACY_AGE_S
            except OSError:
                continue
        if stale:
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed.append(tmp)
    return removed


def clean_stale_temp_files_in(folder: str | Path) -> list[Path]:
    """Remove every temporary file in ``folder`` whose writer (named in it) is no longer running."""
    removed: list[Path] = []
    try:
        names = os.listdir(folder)
    except OSError:
        return removed
    for name in names:
        match = _TEMP_RE.search(name)
        if name.startswith(".") and match and not _alive(int(match.group(1))):
            with contextlib.suppress(OSError):
                os.unlink(os.path.join(folder, name))
                removed.append(Path(folder) / name)
    return removed


def _temp_name(path: Path) -> Path:
    return path.with_name(TEMP_PATTERN.format(name=path.name, pid=os.getpid(), token=secrets.token_hex(4)))


def atomic_write(
    path: str | Path,
    data: bytes,
    *,
    backup: bool = False,
    inputs: Iterable[str | Path] = (),
    verify: Callable[[Path], None] | None = None,
) -> None:
    """Replace ``path`` with ``data`` atomically; with ``backup`` keep the old file as ``NAME.bak``.

    The path is checked by :func:`check_output` first (``inputs`` are the
    files the output must not replace). ``verify(temp_path)`` runs on the
    written temporary file before it replaces ``path``; whatever it raises
    propagates after cleaning up. Raises :class:`OutputPathError` for a
    refused path and :class:`OSError` (after cleaning up) when the folder is
    not writable, the disk is full, and so on.
    """
    given = os.fspath(path)
    path = check_output(path, inputs=inputs)
    folder = path.parent
    clean_stale_temp_files(path)
    tmp = _temp_name(path)
    bak_tmp = _temp_name(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if verify is not None:
            verify(tmp)
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o777)
            if backup:
                with open(path, "rb") as src, open(bak_tmp, "xb") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
                    dst.flush()
                    os.fsync(dst.fileno())
                os.replace(bak_tmp, backup_path(path))
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, path)
        _fsync_dir(folder)
    except BaseException as exc:
        for leftover in (tmp, bak_tmp):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
        if isinstance(exc, OSError) and not isinstance(exc, ProjectFileError):
            raise write_error(exc, given, folder) from None
        raise


def write_error(exc: OSError, path: str, folder: Path) -> OSError:
    """``exc``, raised while writing ``path`` through a temporary file in ``folder``, as the user should read it.

    The error names ``path`` as the user gave it (never the temporary file) and says what is wrong in words:

    >>> str(write_error(OSError(errno.ENOSPC, "No space left on device", "/x/.a.pdf.partial-1-ab.tmp"),
    ...                 "a.pdf", Path("/x")))
    "[Errno 28] the disk holding the folder /x is full (No space left on device): 'a.pdf'"
    """
    code = exc.errno
    where = "the current folder" if str(folder) in ("", ".") else f"the folder {folder}"
    if code in (errno.EACCES, errno.EPERM):
        reason = f"cannot write in {where} (permission denied)"
    elif code == errno.EROFS:
        reason = f"cannot write in {where}: it is on a read-only file system"
    elif code == errno.ENOSPC:
        reason = f"the disk holding {where} is full ({exc.strerror or 'No space left on device'})"
    elif code == getattr(errno, "EDQUOT", -1):
        reason = f"the disk quota is used up (cannot write in {where})"
    elif code == errno.ENAMETOOLONG:
        reason = "the file name is too long"
    elif code == errno.EISDIR:
        reason = "is a folder; give the name of the file to write"
    elif code == errno.ENOENT:
        reason = (f"cannot create a file in {where} (the file system there does not allow new files)"
                  if folder.is_dir() else f"the folder {folder} does not exist")
    else:
        reason = f"cannot write: {exc.strerror or exc}"
    return OSError(code, reason, path)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
