"""Render the README screenshot: the demo conference at 120×40, mid-morning on day one."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from confnote.demo import load_demo
from confnote.store import Store
from confnote.ui.app import ConfnoteApp

BRUSSELS = ZoneInfo("Europe/Brussels")
FIRST_DAY = date(2026, 5, 16)
NOW = datetime(2026, 5, 16, 10, 12, tzinfo=BRUSSELS)
TARGET = Path(__file__).resolve().parents[1] / "assets" / "screenshot.svg"


async def render() -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "demo.db", clock=NOW.timestamp)
        load_demo(store, FIRST_DAY)
        app = ConfnoteApp(store, clock=lambda: NOW, local_zone=BRUSSELS, offer_demo=False)
        async with app.run_test(size=(120, 40)) as pilot:
            while not app.schedule.talks:
                await pilot.pause(0.05)
            await pilot.press("full_stop", "down", "enter")
            while app.note_pane.target is None:
                await pilot.pause(0.05)
            await pilot.pause(0.3)
            app.save_screenshot(filename=TARGET.name, path=str(TARGET.parent))
            await app.action_quit()
    print(f"wrote {TARGET}")


if __name__ == "__main__":
    asyncio.run(render())
