"""The People view and quotes in an article, driven key by key with Pilot."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import SIZE, make_app, settle
from textual.widgets import Input, OptionList

from reader.highlights import HighlightStore
from reader.tui.screens.dialogs import ExportScreen
from reader.tui.screens.people import PeopleScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.article_view import ArticleView


def _drawn(view: ArticleView, layer: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in view._marks if m.layer == layer]


def _prompts(screen: PeopleScreen) -> list[str]:
    options = screen.query_one("#people-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_choose_a_person_open_a_quote_highlight_it_and_export(
    library_dir: Path, tmp_path: Path
) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "P")  # from the search results (the query box types letters)
        await settle(pilot)
        people = app.screen
        assert isinstance(people, PeopleScreen)
        prompts = _prompts(people)
        # the most quoted first, with counts, dates, roles and aliases
        assert prompts[0].startswith("Vladimir Putin  ")
        assert "Putin" in prompts[0] and "President" in prompts[0]

        await pilot.press("slash", *"earnest")  # filter by name
        await settle(pilot)
        assert [p.split("  ")[0] for p in _prompts(people)] == ["Josh Earnest"]
        await pilot.press("enter", "enter")  # into the list, then choose him
        await settle(pilot)
        assert people.person == "Josh Earnest"
        quotes = _prompts(people)
        assert len(quotes) == 5
        assert quotes[0].startswith("“We’ve always made clear")
        assert "John Kerry Meets Vladimir Putin" in quotes[0]

        await pilot.press("slash", *"unfortunately")  # the quotes, filtered by words
        await settle(pilot)
        assert [q[:14] for q in _prompts(people)] == ["“Unfortunately"]
        await pilot.press("down", "enter")  # open the article at the quote
        await settle(pilot)
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        quote = next(
            q for q in reading.stored.quotes if reading.stored.article.body[q.start :].startswith("Unfort")
        )
        view = reading.query_one(ArticleView)
        assert _drawn(view, "quote-current") == [(quote.start, quote.end)]
        speaker = reading.stored.speaker(quote)
        assert speaker is not None and speaker.name == "Josh Earnest"
        assert "Josh Earnest" in str(reading.query_one("#reading-status").render())

        await pilot.press("escape")  # back to his quotes: keep one as a highlight
        await settle(pilot)
        assert app.screen is people
        await pilot.press("h")
        await settle(pilot)
        with HighlightStore(library_dir) as store:
            [kept] = store.list()
        assert kept.quote.startswith("Unfortunately, we’ve seen them") and kept.note == "Josh Earnest"

        await pilot.press("X")  # export, from the People view
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        path_box = app.screen.query_one("#export-path", Input)
        path_box.value = str(tmp_path / "quotes.md")
        await pilot.press("enter")
        await settle(pilot)
        text = (tmp_path / "quotes.md").read_text()
        assert "Unfortunately, we’ve seen them" in text and "**Said by:** Josh Earnest" in text

        await pilot.press("escape")  # back to the people, filtered as they were
        await settle(pilot)
        assert people.person is None and _prompts(people)[0].startswith("Josh Earnest")
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, PeopleScreen)


async def test_stepping_through_the_quotes_of_an_article(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_article(app.service.article("002").id)
        await settle(pilot)
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        stored = reading.stored
        view = reading.query_one(ArticleView)
        assert _drawn(view, "quote") == [(q.start, q.end) for q in stored.quotes]  # all marked, subtly

        await pilot.press("quotation_mark")  # the first quote and its speaker
        first = stored.quotes[0]
        assert _drawn(view, "quote-current") == [(first.start, first.end)]
        putin = stored.speaker(first)
        assert putin is not None and _drawn(view, "speaker") == [(putin.start, putin.end)]
        assert "quote 1/" in str(reading.query_one("#reading-status").render())
        assert "Vladimir Putin" in str(reading.query_one("#reading-status").render())

        await pilot.press("quotation_mark")  # two speakers in one paragraph: Kerry next
        second = stored.quotes[1]
        kerry = stored.speaker(second)
        assert kerry is not None and kerry.name == "John Kerry"
        assert _drawn(view, "speaker") == [(kerry.start, kerry.end)]
        await pilot.press("apostrophe", "apostrophe")  # back past the first: the last one
        assert _drawn(view, "quote-current") == [(stored.quotes[-1].start, stored.quotes[-1].end)]
