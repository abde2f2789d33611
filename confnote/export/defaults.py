"""What a post export uses for what the user did not choose: the config file's ``[export]``
settings, else hugo, no author and the current folder. `confnote export post` and the
app's export screen both start from here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from confnote.config import Settings


@dataclass(frozen=True, slots=True)
class PostDefaults:
    target: str
    author: str
    # The site folder (or file) the post goes to; None: the current folder.
    output: str | None


def post_defaults(
    settings: Settings,
    *,
    target: str | None = None,
    author: str | None = None,
    output: str | None = None,
) -> PostDefaults:
    """The values given here win (an empty author means none); the config file fills in the
    rest. An empty ``target`` or ``output`` counts as not given."""
    return PostDefaults(
        target=target or settings.export_target,
        author=settings.export_author if author is None else author,
        output=output or settings.export_folder or None,
    )
