"""Cold start of the app: time to the first frame and to the store being ready.

Runs each measurement in a fresh interpreter (headless), next to a bare Textual app
as the floor. Prints figures; asserts nothing.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile

RUNS = 5

CONFNOTE = """
import json, sys, time
started = time.perf_counter()
from pathlib import Path
from confnote.ui.app import ConfnoteApp
from confnote.ui.messages import StoreReady

def opener():
    from confnote.store import Store
    return Store.open(Path(sys.argv[1]))

class Measured(ConfnoteApp):
    sqlalchemy_at_first_frame = None

    def _first_frame(self) -> None:
        super()._first_frame()
        self.sqlalchemy_at_first_frame = "sqlalchemy" in sys.modules

    def on_store_ready(self, event: StoreReady) -> None:
        self.call_after_refresh(self.exit)

app = Measured(opener, offer_demo=False)
app.started = started
app.run(headless=True)
print(json.dumps({"first_frame": app.first_frame_after, "store_ready": app.store_ready_after,
                  "sqlalchemy_at_first_frame": app.sqlalchemy_at_first_frame}))
"""

BARE = """
import json, time
started = time.perf_counter()
from textual.app import App
from textual.widgets import Footer, Static

class Bare(App[None]):
    def compose(self):
        yield Static("hello")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.done)

    def done(self) -> None:
        self.first = time.perf_counter() - started
        self.exit()

app = Bare()
app.run(headless=True)
print(json.dumps({"first_frame": app.first}))
"""


def measure(code: str, *args: str) -> dict[str, float]:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
    )
    values: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return values


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        database = f"{folder}/bench.db"
        measure(CONFNOTE, database)  # creates the schema; later runs open an existing store
        confnote = [measure(CONFNOTE, database) for _ in range(RUNS)]
        bare = [measure(BARE) for _ in range(RUNS)]

    def median(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(run[key] for run in runs) * 1000

    print(f"bare Textual app, first frame : {median(bare, 'first_frame'):7.1f} ms")
    print(f"confnote, first frame         : {median(confnote, 'first_frame'):7.1f} ms")
    print(f"confnote, store ready         : {median(confnote, 'store_ready'):7.1f} ms")
    loaded = any(run["sqlalchemy_at_first_frame"] for run in confnote)
    print(f"SQLAlchemy imported before the first frame: {'yes' if loaded else 'no'}")
    print(f"(median of {RUNS} cold starts each, times from interpreter start of the script)")


if __name__ == "__main__":
    main()
