"""Files shipped inside the package (the demo conference, the note template), found with
``importlib.resources`` so they work from a wheel, a zip or a checkout alike."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def asset(name: str) -> Traversable:
    """The packaged file ``confnote/assets/<name>``; it may be missing in a broken install."""
    return files("confnote") / "assets" / name
