"""Abstracts and descriptions as Markdown: HTML is converted, plain text kept as it is.

Nothing active survives. HTML goes through nh3 (the Ammonia sanitizer) first:
scripts, styles, frames, embedded objects, SVG and forms go with their content,
event-handler and style attributes go, and links and images keep only absolute
http(s) and mailto addresses (no javascript:, data:, file: or paths). Then any
tag still written in the text is escaped, so the Markdown carries no raw HTML
for a blog engine to run.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import nh3

# Only real markup counts as HTML: "a < b" or "<your name here>" in plain text does not.
_HTML_TAG = re.compile(
    r"</?(?:a|b|blockquote|br|code|dd|del|div|dl|dt|em|h[1-6]|hr|i|img|li|ol|p|pre|s|small"
    r"|span|strong|sub|sup|table|td|th|tr|tt|u|ul)\b[^<>]*>",
    re.IGNORECASE,
)
_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
# Elements removed together with everything inside them.
ACTIVE_ELEMENTS = frozenset(
    {
        "script", "style", "iframe", "frame", "frameset", "noframes", "object", "embed",
        "applet", "svg", "math", "template", "noscript", "form", "textarea", "select",
        "button", "audio", "video", "canvas", "link", "meta", "base", "title", "head",
    }
)  # fmt: skip
# An image whose address was taken out: its alt text stays.
_EMPTY_IMAGE = re.compile(r"!\[([^\]]*)\]\((?:<>)?\)")
_SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
_ABSOLUTE = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)
# A "<" that opens a tag, a comment or a declaration; "<https://…>" autolinks excepted.
_RAW_TAG = re.compile(r"<(?=[A-Za-z/!?])(?!(?:https?://|mailto:)[^\s<>]*>)")


def looks_like_html(text: str) -> bool:
    return _HTML_TAG.search(text) is not None


def html_to_markdown(text: str) -> str:
    """Markdown for an abstract: HTML converted, at most one blank line in a row, trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if looks_like_html(text):
        text = _EMPTY_IMAGE.sub(_alt_text, _convert(sanitized_html(text)))
    text = _RAW_TAG.sub(_escaped_tag, text)
    return _BLANK_LINES.sub("\n\n", text).strip()


# Replacements as functions: a template string is looked up again on every call, and
# most abstracts have nothing to replace.
def _alt_text(match: re.Match[str]) -> str:
    return match[1]


def _escaped_tag(_match: re.Match[str]) -> str:
    return "\\<"


def sanitized_html(html: str) -> str:
    """``html`` with every active part taken out (see the module's docstring)."""
    return _cleaner().clean(html)


@functools.cache
def _cleaner() -> nh3.Cleaner:
    """The sanitizer, built once: building it costs more than cleaning a short abstract."""
    import nh3

    return nh3.Cleaner(
        clean_content_tags=set(ACTIVE_ELEMENTS),
        url_schemes=set(_SAFE_SCHEMES),
        attribute_filter=_absolute_links_only,
        link_rel=None,
        strip_comments=True,
    )


def _absolute_links_only(_element: str, attribute: str, value: str) -> str | None:
    if attribute in {"href", "src", "cite", "longdesc", "usemap"}:
        return value if _ABSOLUTE.match(value.strip()) else None
    return value


def _convert(html: str) -> str:
    convert, options = _converter()
    try:
        return convert(html, options).content or ""
    except Exception:  # a converter bug must not cost the talk: keep the markup as text
        return html


@functools.cache
def _converter() -> tuple[Callable[[str, Any], Any], Any]:
    """The compiled converter and ``_options`` translated for it, once: the library's
    ``convert`` translates its options again on every call, which costs about a third of
    converting a short abstract."""
    from html_to_markdown import _html_to_markdown as native
    from html_to_markdown.api import _to_rust_conversion_options

    return native.convert, _to_rust_conversion_options(_options())


def _options() -> Any:
    """Markdown as people write it: ATX headings, "-" bullets, literal * and _ escaped."""
    import html_to_markdown as h

    return h.ConversionOptions(
        heading_style=h.HeadingStyle.ATX,
        list_indent_type=h.ListIndentType.SPACES,
        bullets="-",
        escape_asterisks=True,
        escape_underscores=True,
        highlight_style=h.HighlightStyle.DOUBLE_EQUAL,
        extract_metadata=False,
        whitespace_mode=h.WhitespaceMode.NORMALIZED,
        newline_style=h.NewlineStyle.SPACES,
        code_block_style=h.CodeBlockStyle.BACKTICKS,
        inline_data_media=h.InlineDataMedia.KEEP,
        hidden_content=h.HiddenContent.DROP,
        url_escape_style=h.UrlEscapeStyle.ANGLE,
        link_style=h.LinkStyle.INLINE,
        output_format=h.OutputFormat.MARKDOWN,
        tier_strategy=h.TierStrategy.AUTO,
    )
