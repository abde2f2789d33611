"""The UI package's shape: panes, screens and helpers never import the app module, so the
app depends on them and not the other way round. Only the launcher, which starts the
app, names it."""

from __future__ import annotations

import ast
from pathlib import Path

import confnote.ui

UI = Path(confnote.ui.__file__).parent
APP_MODULE = "confnote.ui.app"
STARTS_THE_APP = {UI / "launch.py"}


def imported_modules(source: Path) -> set[str]:
    """Every module a file imports, at any depth (inside functions and TYPE_CHECKING too)."""
    tree = ast.parse(source.read_text(encoding="utf-8"), filename=str(source))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_imported_modules_sees_imports_inside_functions_and_type_checking_blocks(
    tmp_path: Path,
) -> None:
    module = tmp_path / "module.py"
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from confnote.ui.app import ConfnoteApp\n"
        "def later():\n    from confnote.ui import app\n"
    )
    assert {APP_MODULE, "confnote.ui.app.ConfnoteApp"} <= imported_modules(module)


def test_no_ui_module_imports_the_app_module() -> None:
    modules = [path for path in UI.rglob("*.py") if path.name != "app.py"]
    assert len(modules) > 10
    offenders = sorted(
        str(path.relative_to(UI))
        for path in modules
        if path not in STARTS_THE_APP and APP_MODULE in imported_modules(path)
    )
    assert offenders == []


def test_the_app_module_stays_under_300_lines() -> None:
    """The app opens the store, routes requests and replies, and quits; features live in
    the screens, panes and helpers that own them."""
    lines = (UI / "app.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) < 300
