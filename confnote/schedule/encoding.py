"""Bytes to text for the text-based formats: byte-order marks, UTF-8, stray Latin-1 bytes."""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def wide_encoding(data: bytes) -> str | None:
    """The UTF-16/32 encoding ``data``'s byte-order mark names, if it has one."""
    for bom, encoding in _BOMS[1:]:
        if data.startswith(bom):
            return encoding
    return None


def decode_text(data: bytes) -> str:
    """Decode ``data`` as its byte-order mark says, else as UTF-8.

    Bytes that are not valid UTF-8 are read as Latin-1 one by one, so an old
    file in a Western code page reads, and so does a UTF-8 file with a few bad bytes.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        text = data.decode("utf-8", errors="surrogateescape")
        return _ESCAPED_BYTE.sub(lambda match: chr(ord(match[0]) - 0xDC00), text)
