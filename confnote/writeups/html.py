"""A saved blog page: its metadata, its article found among the site around it, as Markdown.

readability-lxml scores the page and names the article's text; the element of the
page that holds that text is then converted whole, so headings and links that
readability would trim (a heading that is only a link) stay. Navigation, sidebars,
comments, share boxes, scripts, styles and iframes are dropped first. Nothing a
page names (images, stylesheets, frames) is ever opened.
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from confnote.writeups.front_matter import metadata_from
from confnote.writeups.model import Metadata, WriteupError

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_DROP_TAGS = (
    "script",
    "style",
    "iframe",
    "noscript",
    "object",
    "embed",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "nav",
    "aside",
    "footer",
    "svg",
    "canvas",
    "template",
    "link",
    "meta",
)
_NOISE = re.compile(
    r"^(?:comments?|disqus\w*|share\w*|social|related\w*|sidebar|sphinxsidebar\w*|subscribe"
    r"|newsletter|breadcrumbs?|pagination|pager|post-nav\w*|navbar|nav|menu|widgets?|advert\w*"
    r"|ads?|promo\w*|cookies?|headerlink|related-posts|addthis\w*|footer|masthead|site-header"
    r"|tag-?cloud|author-bio|post-tags|post-meta|skip-link)$"
)
_ANCHOR_TEXT = {"#", "¶", "§", "🔗", "link"}
_TITLE_SUFFIX = re.compile(r"\s+[|·—–-]\s+[^|·—–-]{1,60}$")
_WORD = re.compile(r"\w+")
COVERAGE = 0.85


def read_html(text: str, source: str) -> tuple[Metadata, str]:
    """The page's metadata and its article as Markdown with ``#`` headings."""
    import lxml.etree
    import lxml.html

    try:
        parser = lxml.html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True)
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.LxmlError, ValueError) as error:
        raise WriteupError(source, f"not readable HTML ({error})") from None
    metadata = page_metadata(root)
    _clean(root)
    article = _article(root)
    return metadata, html_to_markdown(lxml.html.tostring(article, encoding="unicode"))


def page_metadata(root: HtmlElement) -> Metadata:
    """Title and date from og:title, article:published_time, <time>, JSON-LD, then <title>."""

    def meta(*names: str) -> str:
        for name in names:
            for element in root.xpath(f'//meta[@property="{name}" or @name="{name}"]'):
                content = (element.get("content") or "").strip()
                if content:
                    return content
        return ""

    ld = _json_ld(root)
    fields: dict[str, Any] = {
        "title": meta("og:title", "twitter:title") or ld.get("headline") or _page_title(root),
        "date": meta("article:published_time", "date", "dc.date")
        or _time_element(root)
        or ld.get("datePublished", ""),
        "author": meta("author", "article:author") or ld.get("author", ""),
        "keywords": meta("keywords") or ld.get("keywords", ""),
    }
    return metadata_from(fields)


def _json_ld(root: HtmlElement) -> dict[str, Any]:
    for script in root.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else data.get("@graph", [data]):
            if isinstance(item, dict) and (item.get("headline") or item.get("datePublished")):
                return item
    return {}


def _time_element(root: HtmlElement) -> str:
    for element in root.xpath("//time[@datetime]"):
        value = (element.get("datetime") or "").strip()
        if value:
            return value
    return ""


def _page_title(root: HtmlElement) -> str:
    titles = root.xpath("//title")
    title = " ".join(titles[0].text_content().split()) if titles else ""
    return _TITLE_SUFFIX.sub("", title)


def _clean(root: HtmlElement) -> None:
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        for name in [n for n in element.attrib if n.lower().startswith("on")]:
            del element.attrib[name]
        if element.getparent() is None or element.tag == "body":
            continue
        if element.tag in _DROP_TAGS or _is_noise(element) or _is_anchor_link(element):
            element.drop_tree()


def _is_noise(element: HtmlElement) -> bool:
    names = [*(element.get("class") or "").split(), element.get("id") or ""]
    if element.get("role") in ("navigation", "complementary", "contentinfo", "search"):
        return True
    return any(_NOISE.match(name.lower()) for name in names if name)


def _is_anchor_link(element: HtmlElement) -> bool:
    if element.tag != "a":
        return False
    href = element.get("href") or ""
    text = element.text_content().strip()
    return href.startswith("#") and (text in _ANCHOR_TEXT or not text)


def _article(root: HtmlElement) -> HtmlElement:
    """The page's one ``<article>``/``<main>``, else the smallest element holding nearly all
    the text readability calls the article."""
    body = root.find("body")
    whole = body if body is not None else root
    marked = whole.xpath("//article | //main | //*[@role='main']")
    if len(marked) == 1 or (marked and all(m in marked[0].iterdescendants() for m in marked[1:])):
        return marked[0]
    wanted = _words(_main_text(root))
    if not wanted:
        return whole
    best = whole
    for element in whole.iter("article", "main", "div", "section", "td"):
        found = _words(element.text_content())
        if len(found & wanted) >= COVERAGE * len(wanted) and _depth(element) > _depth(best):
            best = element
    return best


def _main_text(root: HtmlElement) -> str:
    import lxml.html
    from readability import Document

    try:
        summary = Document(lxml.html.tostring(root, encoding="unicode")).summary(html_partial=True)
        return str(lxml.html.fragment_fromstring(summary, create_parent="div").text_content())
    except Exception:  # readability gives up on odd pages: then the whole body is the article
        return ""


def _words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _depth(element: HtmlElement) -> int:
    return sum(1 for _ in element.iterancestors())


def html_to_markdown(html: str) -> str:
    """Markdown with ``#`` headings, ``-`` bullets and fences tagged with the code's language."""
    from bs4 import BeautifulSoup
    from markdownify import MarkdownConverter

    try:
        converted = MarkdownConverter(
            heading_style="ATX",
            bullets="-",
            escape_underscores=False,
            escape_asterisks=False,
            code_language_callback=_code_language,
        ).convert_soup(BeautifulSoup(html, "lxml"))
    except Exception as error:  # a converter bug must not become a traceback
        raise WriteupError(
            "html", f"could not convert to Markdown ({type(error).__name__})"
        ) from None
    text = re.sub(r"[ \t]+\n", "\n", str(converted).replace("¶", ""))
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n"


def _code_language(element: Any) -> str:
    names = " ".join(
        str(each.get("class") or "")
        if not isinstance(each.get("class"), list)
        else " ".join(each.get("class"))
        for each in (element, *element.find_all("code"))
    )
    match = re.search(r"(?:language|lang|highlight)-(\w+)", names)
    return match[1] if match else ""
