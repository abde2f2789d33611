"""Pausing Python's cycle collector while a bulk job builds many objects at once.

Parsing a large schedule allocates hundreds of thousands of small objects (the
XML tree, then each talk's values) that are freed by reference counting alone.
With the collector on, those allocations trigger several full collections, each
walking every object in the process (the app's and SQLAlchemy's too): about a
fifth of a FOSDEM-sized import. Cycles made in between are collected once the
collector is back on.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """Switch the cycle collector off for the block, and back on after it if it was on.

    Across threads the collector comes back when the block that switched it off
    ends, so a block overlapping that one may run its last part with it on.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
