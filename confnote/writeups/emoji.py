"""Emoji at the start of a heading or line, taken as tags ("🐍 Title" → tag 🐍)."""

from __future__ import annotations

import unicodedata

_JOINERS = {"\u200d", "\ufe0f", "\ufe0e", "\u20e3"}
VS16 = "\ufe0f"


def is_emoji(char: str) -> bool:
    code = ord(char)
    return (
        0x1F000 <= code <= 0x1FAFF
        or 0x2600 <= code <= 0x27BF
        or 0x2B00 <= code <= 0x2BFF
        or (0x2190 <= code <= 0x21FF and unicodedata.category(char) == "So")
        or char in "©®‼⁉™ℹ"
    )


def split_emoji_prefix(text: str) -> tuple[tuple[str, ...], str]:
    """The emoji that open ``text`` (each a tag, in display form) and the text after them."""
    tags: list[str] = []
    index = 0
    text = text.lstrip()
    while index < len(text):
        char = text[index]
        if is_emoji(char):
            end = index + 1
            while end < len(text) and (
                text[end] in _JOINERS
                or 0x1F3FB <= ord(text[end]) <= 0x1F3FF
                or (text[end - 1] == "\u200d" and is_emoji(text[end]))
            ):
                end += 1
            tags.append(display_form(text[index:end]))
            index = end
        elif char.isspace() or char in _JOINERS:
            index += 1
        else:
            break
    return tuple(dict.fromkeys(tags)), text[index:].strip()


def strip_emoji(text: str) -> str:
    """``text`` without emoji anywhere at its start or end (for matching and classifying)."""
    _, rest = split_emoji_prefix(text)
    end = len(rest)
    while end and (is_emoji(rest[end - 1]) or rest[end - 1] in _JOINERS or rest[end - 1].isspace()):
        end -= 1
    return rest[:end]


def display_form(emoji: str) -> str:
    """One spelling per emoji: no variation selector on emoji that show as emoji by
    default, one on those that would show as text without it (⚛ → ⚛️)."""
    bare = emoji.replace(VS16, "")
    if len(bare) == 1 and ord(bare) < 0x1F000:
        return bare + VS16
    return bare
