"""Which kind of write-up a text is, told from its content (never its name)."""

from __future__ import annotations

import re

HTML, MARKDOWN, RST, TEXT = "html", "markdown", "rst", "text"

_HTML_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta)\b", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:p|div|h[1-6]|article|ul|li)\b[^<>]*>", re.I)
_RST_UNDERLINE = re.compile(r"^(\S[^\n]*)\n([=\-~^*#+`'\"])\2{2,}[ \t]*$", re.M)
_RST_MARKUP = re.compile(
    r"^(?::(?:date|tags|category|author|slug|title):"
    r"|\.\. (?:\w[\w-]*::|\[\w+\]|_[^:]+:)|\.\. title:)",
    re.M,
)
_MD_MARKUP = re.compile(
    r"^(?:#{1,6}\s+\S|```|~~~|\s*[-*+]\s+\S.*\]\(|.*\]\([^)\s]+\)|\s*\|.*\|\s*$|\*\*\S)", re.M
)
_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?(?:---|\+\+\+)[ \t]*\n")


def writeup_format(text: str) -> str:
    """One of HTML, MARKDOWN, RST, TEXT."""
    head = text[:20000]
    if _HTML_START.match(head) or (
        len(_HTML_TAGS.findall(head)) >= 5 and head.lstrip().startswith("<")
    ):
        return HTML
    if _FRONT_MATTER.match(head):
        return MARKDOWN
    rst_score = len(_RST_MARKUP.findall(head)) + sum(
        1 for title, rule in _underlines(head) if len(rule) >= len(title.rstrip()) > 0
    )
    md_score = len(_MD_MARKUP.findall(head))
    if rst_score >= 2 and rst_score >= md_score:
        return RST
    if md_score >= 1:
        return MARKDOWN
    return TEXT


def _underlines(text: str) -> list[tuple[str, str]]:
    return [(m[1], m[0].split("\n", 1)[1].strip()) for m in _RST_UNDERLINE.finditer(text)]
