"""Templating syntax in notes, made literal for the engines that would run it.

Jekyll, Eleventy and dev.to run Liquid over the whole post, code blocks too:
``{{ … }}`` and ``{% … %}`` are wrapped in ``{% raw %}…{% endraw %}``. Hugo
expands shortcodes ``{{< … >}}`` / ``{{% … %}}`` even inside code fences and
Zola expands ``{{ name(…) }}`` / ``{% name(…) %}``: both have a comment form
that prints the shortcode as written. Quarto shares Hugo's shortcode syntax
(escaped with a third brace) and runs code blocks whose language is in braces.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum


class Templating(StrEnum):
    NONE = "none"
    LIQUID = "liquid"
    HUGO = "hugo"
    ZOLA = "zola"
    QUARTO = "quarto"


_LIQUID = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{\{|\{%", re.DOTALL)
_LIQUID_OPENER = re.compile(r"\{\{|\{%")
_HUGO_SHORTCODE = re.compile(r"\{\{([<%])(?!/\*)(.*?)([>%])\}\}", re.DOTALL)
_ZOLA_CALL = re.compile(r"\{\{(?!/\*)(\s*[A-Za-z_]\w*\s*\(.*?\)\s*)\}\}", re.DOTALL)
_ZOLA_BLOCK = re.compile(r"\{%(?!/\*)(\s*(?:[A-Za-z_]\w*\s*\(.*?\)|end)\s*)%\}", re.DOTALL)
_QUARTO_SHORTCODE = re.compile(r"(?<!\{)\{\{<(.*?)>\}\}(?!\})", re.DOTALL)
_QUARTO_RUNNABLE_FENCE = re.compile(r"^(\s{0,3}(?:```+|~~~+)\s*)\{(?=[A-Za-z])", re.MULTILINE)

RAW, ENDRAW = "{% raw %}", "{% endraw %}"


def _liquid(text: str) -> str:
    def wrap(match: re.Match[str]) -> str:
        found = match[0]
        if "endraw" in found:
            # A raw block cannot hold "endraw": escape the openers alone.
            return _LIQUID_OPENER.sub(lambda opener: f"{RAW}{opener[0]}{ENDRAW}", found)
        return f"{RAW}{found}{ENDRAW}"

    return _LIQUID.sub(wrap, text)


def _hugo(text: str) -> str:
    return _HUGO_SHORTCODE.sub(r"{{\1/*\2*/\3}}", text)


def _zola(text: str) -> str:
    text = _ZOLA_CALL.sub(r"{{/*\1*/}}", text)
    return _ZOLA_BLOCK.sub(r"{%/*\1*/%}", text)


def _quarto(text: str) -> str:
    text = _QUARTO_SHORTCODE.sub(r"{{{<\1>}}}", text)
    return _QUARTO_RUNNABLE_FENCE.sub(r"\1{.", text)


_ESCAPERS: dict[Templating, Callable[[str], str]] = {
    Templating.NONE: lambda text: text,
    Templating.LIQUID: _liquid,
    Templating.HUGO: _hugo,
    Templating.ZOLA: _zola,
    Templating.QUARTO: _quarto,
}


def escape_templating(text: str, templating: Templating) -> str:
    """``text`` with every construct ``templating`` would execute made literal."""
    return _ESCAPERS[templating](text)
