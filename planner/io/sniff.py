"""What a file holds, from its first bytes: a drawing, an image, a PDF, or none of these.

Used to say what a file is when it is not what the command expected (a DXF given
to ``planner check``, a PNG named ``.pdf``), whatever its name says.

>>> content_kind(b"%PDF-1.7\\n")
ContentKind(key='pdf', name='PDF', description='a PDF document', importable=True)
>>> content_kind(b"  0\\r\\nSECTION\\r\\n  2\\r\\nHEADER").description
'a DXF drawing'
>>> content_kind(b'{"format": "venue-planner"}') is None
True
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

__all__ = ["HEAD_BYTES", "ContentKind", "content_kind", "file_content_kind"]

#: How many bytes of a file :func:`file_content_kind` reads.
HEAD_BYTES = 1024


class ContentKind(NamedTuple):
    """A recognised file content: ``key`` (``dxf``, ``pdf``, ``png`` ...), ``name`` (``DXF``), ``description``
    (``a DXF drawing``) and whether ``planner import`` reads it."""

    key: str
    name: str
    description: str
    importable: bool


_PDF = ContentKind("pdf", "PDF", "a PDF document", True)
_DXF = ContentKind("dxf", "DXF", "a DXF drawing", True)
_MAGIC: tuple[tuple[bytes, ContentKind], ...] = (
    (b"%PDF", _PDF),
    (b"\x89PNG\r\n\x1a\n", ContentKind("png", "PNG", "a PNG image", True)),
    (b"\xff\xd8\xff", ContentKind("jpeg", "JPEG", "a JPEG image", True)),
    (b"II*\x00", ContentKind("tiff", "TIFF", "a TIFF image", True)),
    (b"MM\x00*", ContentKind("tiff", "TIFF", "a TIFF image", True)),
    (b"GIF87a", ContentKind("gif", "GIF", "a GIF image", False)),
    (b"GIF89a", ContentKind("gif", "GIF", "a GIF image", False)),
    (b"AC10", ContentKind("dwg", "DWG", "a DWG drawing", False)),
    (b"AutoCAD Binary DXF", _DXF),
)


def content_kind(head: bytes) -> ContentKind | None:
    """The kind of content whose first bytes are ``head``, or ``None`` when it is none of the kinds known here.

    ZIP archives and JSON text are not judged here: a project file is one of them.
    """
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    if head.startswith(b"BM") and len(head) >= 14 and head[6:10] == b"\x00\x00\x00\x00":
        return ContentKind("bmp", "BMP", "a BMP image", True)
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return ContentKind("webp", "WebP", "a WebP image", False)
    if b"%PDF-" in head[:HEAD_BYTES]:  # a PDF may have bytes before its header
        return _PDF
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    if text.startswith((b"0\r\nSECTION", b"0\nSECTION", b"999\r\n", b"999\n")):
        return _DXF
    lowered = text[:256].lower()
    if lowered.startswith(b"<svg") or (lowered.startswith(b"<?xml") and b"<svg" in head.lower()):
        return ContentKind("svg", "SVG", "an SVG drawing", False)
    return None


def file_content_kind(path: str | Path) -> ContentKind | None:
    """:func:`content_kind` of the file at ``path`` (``None`` when it cannot be read)."""
    try:
        with open(path, "rb") as fh:
            return content_kind(fh.read(HEAD_BYTES))
    except OSError:
        return None
