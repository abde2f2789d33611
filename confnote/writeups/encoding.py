"""Bytes to text for write-ups: byte-order marks, UTF-16 without one, UTF-8, Latin-1;
any line-ending style becomes ``\\n``."""

from __future__ import annotations

import re

from confnote.schedule.encoding import decode_text

_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")


def decode_writeup(data: bytes) -> str:
    """Text of ``data``; UTF-16 without a byte-order mark is told by its zero bytes."""
    unmarked = _unmarked_utf16(data)
    text = data.decode(unmarked, errors="replace") if unmarked else decode_text(data)
    return _NEWLINES.sub("\n", text).replace("\x00", "")


def _unmarked_utf16(data: bytes) -> str | None:
    head = data[:4096]
    if len(head) < 4 or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None
