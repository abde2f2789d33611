"""Templating syntax in notes comes out literal for each engine that would run it."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from confnote.export.escapes import ENDRAW, RAW, Templating, escape_templating


def liquid_output(text: str) -> str:
    """What Liquid prints for text whose only tags are raw blocks (enough for these tests)."""
    out, rest = [], text
    while (start := rest.find(RAW)) >= 0:
        plain = rest[:start]
        assert "{{" not in plain and "{%" not in plain, f"Liquid would run {plain!r}"
        end = rest.index(ENDRAW, start)
        out.append(plain + rest[start + len(RAW) : end])
        rest = rest[end + len(ENDRAW) :]
    assert "{{" not in rest and "{%" not in rest, f"Liquid would run {rest!r}"
    return "".join(out) + rest


def test_liquid_gets_raw_blocks_around_output_and_tags() -> None:
    text = "Use {{ page.title }} or {% include x.html %} here."
    assert escape_templating(text, Templating.LIQUID) == (
        "Use {% raw %}{{ page.title }}{% endraw %} or "
        "{% raw %}{% include x.html %}{% endraw %} here."
    )


def test_liquid_escapes_an_unclosed_opener_and_a_literal_endraw() -> None:
    for text in ("a {{ b", "{% endraw %}", "x {% raw %}{{ y }}{% endraw %} z", "{{{{}}}}"):
        assert liquid_output(escape_templating(text, Templating.LIQUID)) == text


@given(st.text(alphabet="{}% ab\nendraw", max_size=40))
def test_liquid_escaping_always_prints_the_original_text(text: str) -> None:
    assert liquid_output(escape_templating(text, Templating.LIQUID)) == text


def test_hugo_shortcodes_get_their_comment_form() -> None:
    text = "{{< youtube abc >}} and {{% notice %}} but {{ .Title }} stays"
    assert escape_templating(text, Templating.HUGO) == (
        "{{</* youtube abc */>}} and {{%/* notice */%}} but {{ .Title }} stays"
    )


def test_zola_shortcode_calls_get_their_comment_form() -> None:
    text = "{{ youtube(id='x') }} {% quote(author='A') %}hi{% end %} {{ plain }}"
    assert escape_templating(text, Templating.ZOLA) == (
        "{{/* youtube(id='x') */}} {%/* quote(author='A') */%}hi{%/* end */%} {{ plain }}"
    )


def test_quarto_shortcodes_get_a_third_brace_and_code_cells_stop_running() -> None:
    text = "{{< var version >}}\n\n```{python}\nprint(1)\n```\n"
    escaped = escape_templating(text, Templating.QUARTO)
    assert escaped == "{{{< var version >}}}\n\n```{.python}\nprint(1)\n```\n"


def test_escaping_twice_changes_nothing_for_hugo_and_zola() -> None:
    for templating, text in ((Templating.HUGO, "{{< x >}}"), (Templating.ZOLA, "{{ f() }}")):
        once = escape_templating(text, templating)
        assert escape_templating(once, templating) == once
        assert not re.search(r"\{\{[<%] ", once)


def test_engines_without_templating_leave_text_alone() -> None:
    text = "{{ x }} {% y %} {{< z >}}"
    assert escape_templating(text, Templating.NONE) == text
