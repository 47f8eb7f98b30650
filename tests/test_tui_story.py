"""The Story view and copies in the results, driven key by key with Pilot."""

from __future__ import annotations

import json
from pathlib import Path

from test_tui_support import SIZE, make_app, search_for, settle

from reader.library import Library, outlet_of
from reader.tui.screens import search as search_screen
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.screens.story import StoryScreen
from reader.tui.widgets.results import ResultsList

URGENT_TALKS = "Russia and US call urgent talks"
REPRINT_TITLE = "Moscow and Washington to hold military talks"


def _add_reprint(library_dir: Path, tmp_path: Path) -> None:
    """Seed 000 as another outlet reprinted it: new headline, a paragraph cut, a
    number changed."""
    with Library.open(library_dir) as library:
        body = library.article("000").article.body
        paragraphs = body.split("\n\n")
        reprint = "\n\n".join(paragraphs[:3] + paragraphs[4:]).replace(
            "20 flight missions", "22 flight missions"
        )
        path = tmp_path / "reprint.jsonl"
        path.write_text(json.dumps({"title": REPRINT_TITLE, "body": reprint, "source": "Wire Daily"}) + "\n")
        library.add([path])


async def _open_story_of(pilot, ref: str) -> StoryScreen:
    app = pilot.app
    await settle(pilot)
    app.open_article(app.service.article(ref).id)
    await settle(pilot)
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(app.screen, StoryScreen)
    return app.screen


def _timeline_rows(screen: StoryScreen) -> list[str]:
    return str(screen.query_one("#story-timeline").render()).splitlines()


async def test_the_story_view_shows_outlets_on_a_timeline_and_steps_through_them(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        story = await _open_story_of(pilot, "004")
        assert story.story is not None and story.timeline is not None
        assert str(story.query_one("#story-title").render()).startswith(
            "Russia and US military will hold talks"
        )
        rows = _timeline_rows(story)
        assert rows[0].split("│")[1].split() == ["10-02", "undated"]
        assert [row.split("│")[0].strip() for row in rows[1:]] == ["Albawaba", "AFP", "unknown outlet"]
        # Opened from 004: the cursor is on its mark, the first in time.
        assert story.current_article().article.source == "Albawaba"
        assert "people: Bashar al-Assad (4)" in str(story.query_one("#story-names").render())
        seen = [story.current_article().id]
        for _ in range(3):
            await pilot.press("right")
            seen.append(story.current_article().id)
        assert len(set(seen)) == 4
        await pilot.press("right")  # past the last mark: back to the first
        assert story.current_article().id == seen[0]
        await pilot.press("left")
        assert story.current_article().id == seen[3]
        # What the outlets share and what only one has fills in below.
        coverage = str(story.query_one("#story-coverage").render())
        assert "Only Albawaba" in coverage and "Josh Earnest" in coverage
        # Down and up go from row to row (the outlets), not down the body below,
        # which scrolls now that it is longer than the screen.
        assert story.query_one("#story-body").max_scroll_y > 0
        await pilot.press("right")  # past the last: 004 again, on the first row
        assert outlet_of(story.current_article()) == "Albawaba"
        await pilot.press("down")
        assert outlet_of(story.current_article()) == "AFP"
        await pilot.press("down")
        assert outlet_of(story.current_article()) == "unknown outlet"
        await pilot.press("up")
        assert outlet_of(story.current_article()) == "AFP"


async def test_enter_reads_the_article_at_the_mark(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        story = await _open_story_of(pilot, "001")
        await pilot.press("right")
        wanted = story.current_article().id
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen) and app.screen.article_id == wanted
        await pilot.press("escape")
        assert app.screen is story


async def test_two_articles_of_a_story_side_by_side(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        story = await _open_story_of(pilot, "001")
        first = story.current_article().id
        await pilot.press("space")  # pick it
        assert story.picked == first
        await pilot.press("right")
        second = story.current_article().id
        await pilot.press("c")
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert compare.ids == (first, second)
        assert compare.differences is None  # two outlets' own reports, not copies
        assert len(compare.alignments) >= 2


async def test_copies_side_by_side_show_their_differences_word_by_word(
    library_dir: Path, tmp_path: Path
) -> None:
    _add_reprint(library_dir, tmp_path)
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        original = app.service.article("000")
        reprint = app.service.article("reprint").id
        app.open_side_by_side(original.id, reprint)
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        changed = [
            (original.article.body[d.left_start : d.left_end], d.kind) for d in compare.differences or []
        ]
        assert changed[-1] == ("20", "changed")
        assert changed[0][1] == "deleted" and changed[0][0].startswith("And they complained")
        status = str(compare.query_one("#compare-status").render())
        assert status.startswith("Copies of one text: 2 differences")
        await pilot.press("right_square_bracket")
        assert str(compare.query_one("#compare-status").render()).startswith("difference 1/2 · deleted")


async def test_copies_are_one_result_and_c_lists_them(library_dir: Path, tmp_path: Path) -> None:
    _add_reprint(library_dir, tmp_path)
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "urgent military talks")
        results = app.screen.query_one(ResultsList)
        titles = [results.get_option_at_index(i).prompt for i in range(results.option_count)]
        listed = [str(t).splitlines()[0] for t in titles if t is not None and str(t)]
        assert sum(1 for t in listed if t in (URGENT_TALKS, REPRINT_TITLE)) == 1
        first = str(results.get_option_at_index(0).prompt)
        assert "also in: " in first and "(1 copy)" in first
        await pilot.press("down")  # into the results
        before = results.option_count
        await pilot.press("c")
        await settle(pilot)
        assert results.option_count == before + 1
        copy = str(results.get_option_at_index(1).prompt)
        assert copy.startswith("  ↳ copy: ")
        await pilot.press("c")
        assert results.option_count == before


async def test_an_article_no_other_one_tells_of_has_no_story_view(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_article(app.service.article("003#18").id)  # a digest's paragraph of its own
        await settle(pilot)
        told: list[str] = []
        app.notify = lambda message, **_: told.append(message)
        await pilot.press("t")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert told == ["no other article in the library is about this event"]


async def test_a_copy_on_a_later_page_stays_under_its_text(
    library_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    """One hit a page: the original and its reprint come on different pages, and the
    later one joins the entry of the first instead of a line of its own."""
    _add_reprint(library_dir, tmp_path)
    monkeypatch.setattr(search_screen, "BROWSE_PAGE_SIZE", 1)
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        total = int(str(app.screen.query_one("#search-status").render()).split()[0])
        results = app.screen.query_one(ResultsList)
        results.focus()
        for _ in range(200):
            if len(results.hits) == total:
                break
            await pilot.press("down")
            await pilot.pause(0.05)
        assert len(results.hits) == total  # paging went on to the end
        titles = [
            str(option.prompt).splitlines()[0]
            for option in (results.get_option_at_index(i) for i in range(results.option_count))
        ]
        assert len(titles) == total - 1
        assert sum(1 for t in titles if t in (URGENT_TALKS, REPRINT_TITLE)) == 1
