"""The export screen (F6): a preview of the post for the chosen engine, then the file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from textual.widgets import Input, Markdown, Select, Static

from confnote.config import load_config
from confnote.paths import locations
from confnote.store import Store
from confnote.ui.app import ConfnoteApp
from confnote.ui.screens.export_post import ExportPostScreen
from tests.helpers import use_config_file
from tests.ui.pilot_helpers import Programme, make_app, running, settle, static_text


def preview_of(app: ConfnoteApp) -> str:
    return app.screen.query_one("#export-preview", Markdown).source


async def test_f6_previews_the_post_and_writes_it_where_the_engine_looks(
    app: ConfnoteApp, store: Store, programme: Programme, tmp_path: Path
) -> None:
    store.save_talk_note(programme.opening.id, "## Takeaways\n\n- Keynotes set the tone.\n")
    store.set_star(programme.opening.id, 1)
    site = tmp_path / "blog"
    site.mkdir()
    async with running(app) as pilot:
        await pilot.press("f6")
        await settle(pilot, lambda: isinstance(app.screen, ExportPostScreen), what="the screen")
        screen = app.screen
        assert isinstance(screen, ExportPostScreen)
        await settle(pilot, lambda: "Keynotes set the tone" in preview_of(app), what="a preview")
        assert preview_of(app).startswith("```yaml\ntitle: 'ExampleConf 2025: my notes'")
        assert "### Opening keynote" in preview_of(app)
        assert "#### Takeaways" in preview_of(app)

        screen.query_one("#export-target", Select).value = "jekyll"
        await settle(pilot, lambda: "published: false" in preview_of(app), what="Jekyll")
        path_line = static_text(screen.query_one("#export-path", Static))
        assert path_line.startswith("File: _posts/") and path_line.endswith("-my-notes.md")

        screen.query_one("#export-folder", Input).value = str(site)
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: screen.written is not None, what="the file")
        assert screen.written is not None and screen.written.parent == site / "_posts"
        status = static_text(screen.query_one("#export-status", Static))
        assert status == f"Wrote {screen.written}"
        front = yaml.safe_load(screen.written.read_text(encoding="utf-8").split("---\n")[1])
        assert front["published"] is False

        await pilot.press("ctrl+s")  # a second write would replace it: refused
        await settle(
            pilot,
            lambda: "already exists" in static_text(screen.query_one("#export-status", Static)),
            what="the refusal",
        )
        await pilot.press("escape")
        await settle(pilot, lambda: app.screen is app.main, what="the main screen")


async def test_the_screen_starts_on_the_engine_author_and_folder_of_the_config_file(
    db_path: Path,
    store: Store,
    programme: Programme,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store.save_talk_note(programme.opening.id, "## Takeaways\n\n- Keynotes set the tone.\n")
    site = tmp_path / "blog"
    site.mkdir()
    use_config_file(
        tmp_path,
        monkeypatch,
        f'[export]\ntarget = "jekyll"\nauthor = "Ada Example"\nfolder = "{site}"\n',
    )
    app = make_app(db_path, config=load_config(locations().config_file))
    async with running(app) as pilot:
        await pilot.press("f6")
        await settle(pilot, lambda: isinstance(app.screen, ExportPostScreen), what="the screen")
        screen = app.screen
        assert isinstance(screen, ExportPostScreen)
        assert screen.query_one("#export-target", Select).value == "jekyll"
        assert screen.query_one("#export-author", Input).value == "Ada Example"
        assert screen.query_one("#export-folder", Input).value == str(site)
        await settle(pilot, lambda: "published: false" in preview_of(app), what="Jekyll")
        assert "author: Ada Example" in preview_of(app)

        screen.query_one("#export-author", Input).value = "Grace"
        await settle(pilot, lambda: "author: Grace" in preview_of(app), what="the new author")
        await pilot.press("ctrl+s")
        await settle(pilot, lambda: screen.written is not None, what="the file")
        assert screen.written is not None and screen.written.parent == site / "_posts"
        front = yaml.safe_load(screen.written.read_text(encoding="utf-8").split("---\n")[1])
        assert front["author"] == "Grace"


async def test_the_palette_offers_the_export(app: ConfnoteApp, programme: Programme) -> None:
    async with running(app) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "export a recap":
            await pilot.press(key if key != " " else "space")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, ExportPostScreen), what="the screen")


def test_a_long_post_is_previewed_up_to_a_heading_and_says_how_much_more_there_is() -> None:
    from confnote.export.post import Post
    from confnote.ui.screens.export_post import preview_text

    body = "".join(f"### Talk {n}\n\nSome words.\n\n" for n in range(200))
    post = Post("---\ntitle: x\n---\n\n" + body, "x.md", "x", 200, 0)
    whole = preview_text(post, max_lines=10_000).split("\n")
    shown = preview_text(post, max_lines=100).split("\n")
    assert shown[:3] == ["```yaml", "title: x", "```"]
    kept = len(shown) - 3  # the blank line, the note and the final newline
    assert kept <= 100 and whole[kept].startswith("### Talk ")
    assert shown[-2] == f"_… {len(whole) - kept} more lines in the file._"
    assert whole[-3:] == ["Some words.", "", ""]
