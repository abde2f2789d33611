"""Run by an installed confnote's interpreter (never collected by pytest): open the app headless
on an empty store, accept the demo it offers, and print what loaded.

Usage: python installed_app_check.py DATABASE
"""

from __future__ import annotations

import asyncio
import sys
import time
from pathlib import Path

import confnote
from confnote.demo import demo_available
from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.confirm import ConfirmScreen


async def open_app_and_accept_the_demo(database: Path) -> str:
    app = ConfnoteApp(lambda: Store.open(database))
    async with app.run_test(size=(100, 30)) as pilot:
        deadline = time.monotonic() + 20
        while not isinstance(app.screen, ConfirmScreen):
            assert time.monotonic() < deadline, "the app never offered the demo"
            await pilot.pause(0.05)
        await pilot.press("y")
        while app.conference is None:
            assert time.monotonic() < deadline, "the demo never loaded"
            await pilot.pause(0.05)
        await pilot.press("ctrl+q")
        return app.conference.name


def main() -> None:
    print(f"package {Path(confnote.__file__).parent}")
    print(f"demo available {demo_available()}")
    print(f"loaded {asyncio.run(open_app_and_accept_the_demo(Path(sys.argv[1])))}")


if __name__ == "__main__":
    main()
