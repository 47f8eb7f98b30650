"""The results list reaches every hit: pages load as the cursor nears the end, and
the count shown is the number of hits there are (Pilot, on the seeded library)."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import SIZE, make_app, search_for, settle
from textual.widgets import Input

from reader.tui.screens import search as search_screen
from reader.tui.widgets.results import ResultsList


def _status(app) -> str:
    return str(app.screen.query_one("#search-status").render())


async def test_every_article_is_reached_by_moving_down_the_list(library_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(search_screen, "BROWSE_PAGE_SIZE", 5)
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        total = int(_status(app).split()[0])  # "33 articles in the library, …"
        results = app.screen.query_one(ResultsList)
        assert 5 <= len(results.hits) < total  # pages enough to fill the screen
        results.focus()
        for _ in range(total + 8):
            await pilot.press("down")
            await settle(pilot)
        for _ in range(100):  # a busy machine may still be loading the last page
            if len(results.hits) == total:
                break
            await pilot.press("down")
            await pilot.pause(0.1)
        assert len(results.hits) == len({hit.id for hit in results.hits}) == total
        assert _status(app).startswith(f"{total} articles in the library")


async def test_the_count_is_of_every_hit_and_pages_reach_them_all(library_dir: Path, monkeypatch) -> None:
    monkeypatch.setattr(search_screen, "PAGE_SIZE", 3)
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "putin")
        await settle(pilot)
        assert _status(app).startswith("16 found, ")
        results = app.screen.query_one(ResultsList)
        results.focus()
        for _ in range(30):
            await pilot.press("pagedown")
            await settle(pilot)
        for _ in range(100):  # a busy machine may still be loading the last page
            if len(results.hits) == 16:
                break
            await pilot.press("pagedown")
            await pilot.pause(0.1)
        assert len(results.hits) == 16
        assert _status(app).startswith("16 found · sorted by relevance")


async def test_a_bad_query_is_a_message_under_the_box(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        for query, message in [("title:(", "a '(' is never closed"), ("said^0", "a boost needs a number")]:
            app.screen.query_one("#query", Input).value = query
            await pilot.pause(0.3)  # past the search debounce
            await settle(pilot)
            assert message in _status(app)
            assert app.screen.query_one("#search-status").has_class("-error")
            assert app.screen.query_one(ResultsList).hits == ()


async def test_a_background_merge_shows_its_progress(library_dir: Path, monkeypatch) -> None:
    from reader.tui.service import LibraryService

    progress = [(1200, 5000)]
    monkeypatch.setattr(LibraryService, "merge_progress", lambda self: progress[0])
    monkeypatch.setattr(search_screen, "WATCH_SECONDS", 0.1)
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.pause(0.3)
        merging = app.screen.query_one("#merge-status")
        assert merging.display and "1,200 of 5,000 articles" in str(merging.render())
        progress[0] = None
        await pilot.pause(0.3)
        assert not merging.display
