"""A reStructuredText write-up (Pelican or Sphinx blogs, notes repositories), read
through docutils into the same Markdown an HTML page of the post gives, so the post
in either form yields the same talks. File inclusion and raw passthrough are off:
nothing the text names is ever opened."""

from __future__ import annotations

import io
import re

from confnote.writeups.front_matter import metadata_from
from confnote.writeups.html import html_to_markdown
from confnote.writeups.model import Metadata, WriteupError

_FIELD = re.compile(r"^:([\w-]+):[ \t]*(.*)$", re.M)
_NIKOLA = re.compile(r"^\.\. ([\w-]+):[ \t]*(.*)$", re.M)


def read_rst(text: str, source: str) -> tuple[Metadata, str]:
    from docutils.core import publish_parts

    settings = {
        "file_insertion_enabled": False,
        "raw_enabled": False,
        "_disable_config": True,
        "report_level": 5,
        "halt_level": 5,
        "warning_stream": io.StringIO(),
        "syntax_highlight": "none",
        "input_encoding": "unicode",
        "doctitle_xform": True,
        "docinfo_xform": True,
        "initial_header_level": 2,
    }
    try:
        parts = publish_parts(text, writer="html5", settings_overrides=settings)
    except Exception as error:  # docutils reports bad markup as many exception kinds
        raise WriteupError(
            source, f"not readable reStructuredText ({type(error).__name__})"
        ) from None
    head = text[:4000]
    fields = {m[1]: m[2] for m in _NIKOLA.finditer(head)} | {
        m[1]: m[2] for m in _FIELD.finditer(head)
    }
    title = _plain(parts.get("title", "")) or fields.get("title", "")
    metadata = metadata_from(fields | {"title": title})
    body = html_to_markdown(parts.get("body", ""))
    return metadata, (f"# {title}\n\n" if title else "") + body


def _plain(html: str) -> str:
    return " ".join(re.sub(r"<[^<>]+>", "", html).split())
