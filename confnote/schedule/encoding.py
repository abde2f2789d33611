"""Bytes to text for the text-based formats.

In order: a byte-order mark; UTF-16/32 without one (told by where the zero
bytes fall); UTF-8; UTF-8 with a few stray bytes (read as Latin-1 one by one);
for anything else charset-normalizer's guess when it recognises a language in
the text, else the Western code page (Windows-1252, Latin-1 where it has a gap).
"""

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
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
# Left to the zero-byte rule above; the detector mistakes short 8-bit text for them.
_WIDE_ENCODINGS = ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "utf_7")
# How much of a file the zero-byte rule and the detector look at.
_SAMPLE_BYTES = 64 * 1024


def wide_encoding(data: bytes) -> str | None:
    """The UTF-16/32 encoding of ``data``: named by its byte-order mark, or told by its zeros."""
    for bom, encoding in _BOMS[1:]:
        if data.startswith(bom):
            return encoding
    return _unmarked_wide_encoding(data[:_SAMPLE_BYTES])


def _unmarked_wide_encoding(sample: bytes) -> str | None:
    """UTF-16/32 without a mark: text in those is mostly ASCII, so zeros sit in fixed columns.

    Text in UTF-8 or a code page holds no zero bytes at all; binary data holds
    them anywhere.
    """
    if len(sample) < 4 or b"\0" not in sample:
        return None
    zeros = [sample[column::4].count(0) for column in range(4)]
    quarter = len(sample) // 4
    mostly, hardly = quarter * 0.6, quarter * 0.05
    if zeros[1] > mostly and zeros[2] > mostly and zeros[3] > mostly and zeros[0] < hardly:
        return "utf-32-le"
    if zeros[0] > mostly and zeros[1] > mostly and zeros[2] > mostly and zeros[3] < hardly:
        return "utf-32-be"
    if zeros[1] > mostly and zeros[3] > mostly and zeros[0] + zeros[2] < 2 * hardly:
        return "utf-16-le"
    if zeros[0] > mostly and zeros[2] > mostly and zeros[1] + zeros[3] < 2 * hardly:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> str:
    """Decode ``data`` as described in the module's docstring; never raises."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    wide = _unmarked_wide_encoding(data[:_SAMPLE_BYTES])
    if wide is not None:
        return data.decode(wide, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _UTF8_SEQUENCE.search(data[:_SAMPLE_BYTES]):
        text = data.decode("utf-8", errors="surrogateescape")
        return _ESCAPED_BYTE.sub(lambda match: chr(ord(match[0]) - 0xDC00), text)
    guessed = guess_encoding(data)
    if guessed is not None:
        return data.decode(guessed, errors="replace")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's guess for text that is not UTF-8, when it sees a language in it.

    Short Western text gives the detector nothing to go on (it then names any
    8-bit code page); it is left to the caller's Western fallback. Among near
    guesses Windows-1252 wins, then any Windows code page, as that is what
    exports from office tools use.
    """
    from charset_normalizer import from_bytes

    matches = from_bytes(data[:_SAMPLE_BYTES], cp_exclusion=list(_WIDE_ENCODINGS))
    coherent = [match for match in matches if match.coherence > 0]
    if not coherent:
        return None
    best = max(match.coherence for match in coherent)
    near = [match.encoding for match in coherent if match.coherence >= best - 0.1]
    if "cp1252" in near:  # Western text fits several 8-bit pages equally; it is the usual one
        return "cp1252"
    windows = [encoding for encoding in near if encoding.startswith("cp125")]
    return (windows or near)[0]
