"""Reading a write-up: bytes → text → Markdown (per format) → segmentation."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from confnote.writeups.encoding import decode_writeup
from confnote.writeups.model import Metadata, ParsedWriteup, WriteupError
from confnote.writeups.sniff import HTML, MARKDOWN, RST, writeup_format

# Larger files are not write-ups anyone typed; refuse them before reading.
MAX_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ReadWriteup:
    """A parsed write-up with where it came from: an absolute path and a content hash."""

    location: str
    content_hash: str
    parsed: ParsedWriteup


def read_writeup(path: str | Path) -> ReadWriteup:
    """Read and parse the write-up at ``path``."""
    where = Path(path).expanduser()
    try:
        where = where.resolve()
        if where.stat().st_size > MAX_BYTES:
            raise WriteupError(str(where), f"larger than {MAX_BYTES // 2**20} MB")
        data = where.read_bytes()
    except OSError as error:
        raise WriteupError(str(where), error.strerror or type(error).__name__) from None
    return ReadWriteup(str(where), content_hash(data), parse_writeup(data, str(where)))


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_writeup(data: bytes, source: str) -> ParsedWriteup:
    """The structure of a write-up; WriteupError for anything that is not one."""
    from confnote.writeups.segment import segment

    if not data.strip():
        raise WriteupError(source, "the file is empty")
    if b"\x00" in data[:4096] and _looks_binary(data[:4096]):
        raise WriteupError(source, "looks like binary data, not a write-up")
    text = decode_writeup(data)
    fmt = writeup_format(text)
    try:
        metadata, markdown = _to_markdown(text, fmt, source)
        return segment(markdown, metadata, source=source, fmt=fmt)
    except WriteupError:
        raise
    except RecursionError:
        raise WriteupError(source, "nested too deeply to read") from None


def _to_markdown(text: str, fmt: str, source: str) -> tuple[Metadata, str]:
    if fmt == HTML:
        from confnote.writeups.html import read_html

        return read_html(text, source)
    if fmt == MARKDOWN:
        from confnote.writeups.markdown import read_markdown

        return read_markdown(text)
    if fmt == RST:
        from confnote.writeups.rst import read_rst

        return read_rst(text, source)
    from confnote.writeups.text import read_text

    return read_text(text)


def _looks_binary(head: bytes) -> bool:
    from confnote.writeups.encoding import _unmarked_utf16

    return _unmarked_utf16(head) is None and not head.startswith((b"\xff\xfe", b"\xfe\xff"))
