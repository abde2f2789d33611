"""Keys remapped in the config file, by binding id (``[keys]``), the way Posting does it.

Textual applies the keymap to live bindings (so the footer shows it); the help screen lists
the class bindings, so it asks here for the keys in force.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace

from textual.binding import Binding, BindingType
from textual.dom import DOMNode

import confnote.ui
from confnote.config import Config


def remapped(bindings: Iterable[BindingType], keymap: Mapping[str, str]) -> list[BindingType]:
    """``bindings`` with the keys the keymap gives their ids."""
    return [
        replace(b, key=keymap[b.id]) if isinstance(b, Binding) and b.id and b.id in keymap else b
        for b in bindings
    ]


def all_bindings() -> dict[str, Binding]:
    """Every binding of confnote's app, screens and widgets, by id (imports them all)."""
    for module in pkgutil.walk_packages(confnote.ui.__path__, "confnote.ui."):
        importlib.import_module(module.name)
    return {
        binding.id: binding
        for node in _subclasses(DOMNode)
        if node.__module__.startswith("confnote.ui.")
        for binding in node.__dict__.get("BINDINGS", [])
        if isinstance(binding, Binding) and binding.id
    }


def unknown_id_warnings(config: Config) -> list[str]:
    """A warning for each id in the config's ``[keys]`` that no binding has: a typo."""
    unknown = sorted(config.settings.keys.keys() - all_bindings().keys())
    return [f'{config.path}: keys."{binding}": no key binding has this id' for binding in unknown]


def _subclasses(cls: type) -> Iterator[type]:
    sub: type
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)
