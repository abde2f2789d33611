"""ASCII slugs, shared by the store (conference slugs) and the export (file names)."""

from __future__ import annotations

import re
import unicodedata


def slugify(text: str) -> str:
    """Lower-case ASCII letters, digits and single hyphens: "Café: été!" → "cafe-ete".

    Accents fold to their letter; anything else becomes a hyphen. May be empty.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
