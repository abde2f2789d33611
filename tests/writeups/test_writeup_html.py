"""Saved blog pages: the article found among the site, metadata, safety, and the same talks
as the post's Markdown and reST sources."""

from __future__ import annotations

from datetime import date

import pytest

from confnote.writeups import parse_writeup
from confnote.writeups.model import ParsedWriteup

ARTICLE = """
<h2><a href="https://example.org/t/1">Typing Without Tears</a> by Ada Example</h2>
<p>Gradual typing, <em>slowly</em>.</p>
<ul><li><p>first point</p><ul><li>nested point</li></ul></li></ul>
<pre><code class="language-python">def typed(x: int) -&gt; int:
    return x
</code></pre>
<h2>Parsing Fast - Bo Sample</h2>
<p>Speed with <a href="https://example.org/p">parsers</a>.</p>
<table><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></table>
<h2>Talks to watch</h2>
<ul><li><a href="https://www.youtube.com/watch?v=7">Tiny Parsers</a></li></ul>
"""

PAGE = f"""<!DOCTYPE html>
<html><head>
<title>ExampleConf 2025 recap | Example Blog</title>
<meta property="og:title" content="ExampleConf 2025 recap">
<meta property="article:published_time" content="2025-05-20T09:36:42-07:00">
<script type="application/ld+json">
{{"headline": "Wrong title", "datePublished": "2020-01-01"}}
</script>
<style>body {{ color: red }}</style>
<script>alert("x")</script>
</head><body onload="steal()">
<header class="site-header"><nav><a href="/">Home</a><a href="/about">About me</a></nav></header>
<div class=container><aside class=sidebar><h2>Tags</h2><ul><li>python</li><li>rust</li></ul></aside>
<article class=post><h1>ExampleConf 2025 recap</h1>
<div class="post-content" onclick="evil()"><p>Two days in Example City, my second ExampleConf.</p>
{ARTICLE}
<iframe src="https://evil.example/frame"></iframe>
<img src="/etc/passwd" alt="local file">
</div>
<div class="share-buttons"><a href="https://twitter.example/share">Share on Twitter</a></div>
<section id="comments"><h2>Comments</h2><p>Nice post!</p></section>
</article></div>
<footer class=footer><p>Powered by a static site generator</p></footer>
</body></html>"""

MARKDOWN = """---
title: "ExampleConf 2025 recap"
date: 2025-05-20
---

Two days in Example City, my second ExampleConf.

## [Typing Without Tears](https://example.org/t/1) by Ada Example

Gradual typing, *slowly*.

- first point
    - nested point

```python
def typed(x: int) -> int:
    return x
```

## Parsing Fast - Bo Sample

Speed with [parsers](https://example.org/p).

## Talks to watch

- [Tiny Parsers](https://www.youtube.com/watch?v=7)
"""

RST = """ExampleConf 2025 recap
######################

:date: 2025-05-20
:tags: conference, python

Two days in Example City, my second ExampleConf.

`Typing Without Tears <https://example.org/t/1>`_ by Ada Example
================================================================

Gradual typing, *slowly*.

* first point

  * nested point

Parsing Fast - Bo Sample
========================

Speed with `parsers <https://example.org/p>`_.

Talks to watch
==============

* `Tiny Parsers <https://www.youtube.com/watch?v=7>`_
"""


def parse(text: str, name: str) -> ParsedWriteup:
    return parse_writeup(text.encode(), name)


def summary(parsed: ParsedWriteup) -> list[tuple[str, tuple[str, ...]]]:
    return [(talk.title, talk.speakers) for talk in parsed.talks]


def test_the_page_gives_title_and_date_from_its_metadata_not_title_or_json_ld() -> None:
    parsed = parse(PAGE, "recap.html")
    assert parsed.format == "html"
    assert parsed.metadata.title == "ExampleConf 2025 recap"
    assert parsed.metadata.published == date(2025, 5, 20)
    assert parsed.conference.name == "ExampleConf 2025"


def test_the_article_is_found_and_the_site_around_it_dropped() -> None:
    parsed = parse(PAGE, "recap.html")
    everything = " ".join(
        [t.note for t in parsed.talks]
        + [n.body for n in parsed.notes]
        + [t.text for t in parsed.todos]
    )
    for chrome in (
        "About me",
        "Share on Twitter",
        "Nice post",
        "Powered by",
        "alert(",
        "color: red",
    ):
        assert chrome not in everything
    for hostile in ("evil", "steal", "onload", "onclick", "iframe"):
        assert hostile not in everything
    assert "Two days in Example City" in parsed.notes[0].body


def test_html_keeps_markdown_structure_of_notes() -> None:
    talk = parse(PAGE, "recap.html").talks[0]
    assert "```python\ndef typed(x: int) -> int:" in talk.note
    assert "- first point" in talk.note and "nested point" in talk.note
    assert "| a | b |" in parse(PAGE, "recap.html").talks[1].note


def test_html_markdown_and_rst_of_one_post_give_the_same_talks_and_todos() -> None:
    page, markdown, rst = parse(PAGE, "a.html"), parse(MARKDOWN, "a.md"), parse(RST, "a.rst")
    assert rst.format == "rst"
    expected = [("Typing Without Tears", ("Ada Example",)), ("Parsing Fast", ("Bo Sample",))]
    assert summary(page) == summary(markdown) == summary(rst) == expected
    for parsed in (page, markdown, rst):
        assert [(t.text, t.kind, t.url) for t in parsed.todos] == [
            ("Tiny Parsers", "watch_later", "https://www.youtube.com/watch?v=7")
        ]
        assert parsed.talks[0].url == "https://example.org/t/1"
        assert parsed.conference.name == "ExampleConf 2025"


def test_minified_pages_with_unquoted_attributes_read() -> None:
    minified = (
        "<!doctype html><html><head><meta property=og:title content='Notes from ExampleConf 2024'>"
        "</head><body><nav class=menu><a href=/>Home</a></nav><main><article class=post-single>"
        "<div class=post-content><p>Intro text here for the post.</p><h2>Typing Without Tears "
        "(Ada Example)</h2><p>x y z</p><h2>Parsing Fast (Bo Sample)</h2><p>a b c</p></div>"
        "</article></main></body></html>"
    )
    parsed = parse(minified, "index.html")
    assert summary(parsed) == [
        ("Typing Without Tears", ("Ada Example",)),
        ("Parsing Fast", ("Bo Sample",)),
    ]
    assert parsed.conference.name == "ExampleConf 2024"


@pytest.mark.parametrize(
    "directive",
    [
        ".. include:: /etc/passwd",
        ".. raw:: html\n   :file: /etc/passwd",
        ".. csv-table::\n   :file: /etc/hosts",
    ],
)
def test_rst_never_opens_files_it_names(directive: str) -> None:
    text = f"Notes\n=====\n\nTalk by Ada Example\n-------------------\n\n{directive}\n\nok\n"
    parsed = parse(text, "notes.rst")
    everything = " ".join(t.note for t in parsed.talks) + " ".join(n.body for n in parsed.notes)
    assert "root:" not in everything and "localhost" not in everything
