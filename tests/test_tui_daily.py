"""The reader as a daily tool (issue 17), key by key with Pilot: each defect a new
user met, replayed with the keys that showed it, and what they expected to find."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import SIZE, make_app, read_article, search_for, settle
from textual.widgets import Input, Static

from reader.highlights import HighlightStore, sentence_spans
from reader.library import Library
from reader.tui.app import opening_status
from reader.tui.screens.dialogs import ChoiceScreen, ExportScreen, NoteScreen
from reader.tui.screens.help import HelpKeys, HelpScreen
from reader.tui.screens.highlights import HighlightsScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.screens.search import SearchScreen
from reader.tui.service import LibraryService
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.entity_panel import EntityPanel
from reader.tui.widgets.footer import FittingFooter
from reader.tui.widgets.results import ResultsList

NARROW = (80, 24)


def _text(widget) -> str:
    return str(widget.render())


def _lines(widget) -> list[str]:
    return ["".join(segment.text for segment in widget.render_line(y)) for y in range(widget.size.height)]


async def test_help_is_readable_at_80x24(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=NARROW) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        keys_widget = app.screen.query_one(HelpKeys)
        lines = _lines(keys_widget)
        assert max(len(line.rstrip()) for line in lines) <= keys_widget.size.width
        # Keys and what they do side by side, the descriptions in one column.
        quit_line = next(line for line in lines if "Quit the reader" in line)
        assert quit_line.split()[0] == "q"
        columns = {
            quit_line.index("Quit the reader"),
            next(line for line in lines if "Show every key" in line).index("Show"),
        }
        assert len(columns) == 1 and columns.pop() <= 12
        assert any(line.strip() == "Reading an article" for line in lines)  # grouped by screen
        assert any("news-reader config" in line for line in lines)  # where the ids are at this width
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)


async def test_escape_in_the_note_dialog_cancels_and_enter_saves(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        reading = await read_article(pilot, "002")
        await pilot.press("j", "h")
        await settle(pilot)
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*"draft", "escape")
        await settle(pilot)
        assert app.screen is reading
        with HighlightStore(library_dir) as store:
            assert store.list() == []
        await pilot.press("h", *"kept", "enter")
        await settle(pilot)
        with HighlightStore(library_dir) as store:
            assert [h.note for h in store.list()] == ["kept"]


async def test_escape_goes_back_one_step_from_the_side_panel(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "itani")
        await pilot.press("enter")
        await settle(pilot)
        reading = app.screen
        assert isinstance(reading, ReadingScreen)
        await pilot.press("p")
        assert reading.query_one(EntityPanel).has_focus
        await pilot.press("escape")  # the panel first: still reading
        await settle(pilot)
        assert app.screen is reading and reading.query_one(ArticleView).has_focus
        await pilot.press("s")  # a reading key again, not typed into a query
        await settle(pilot)
        assert app.screen is not reading and app.search_screen().query_one("#query", Input).value == "itani"
        await pilot.press("escape", "escape")  # the related list, then the article
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)


async def test_escape_drops_a_selection_and_closes_the_narrow_panel_first(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=NARROW) as pilot:
        reading = await read_article(pilot, "002")
        await pilot.press("p")
        assert reading.has_class("-show-panel")
        await pilot.press("escape")
        assert not reading.has_class("-show-panel") and app.screen is reading
        await pilot.press("j", "v", "j")
        assert reading.passages.anchor is not None
        await pilot.press("escape")
        assert reading.passages.anchor is None and app.screen is reading
        await pilot.press("f", *"kerry", "escape")
        assert not reading.query_one("#find").display and app.screen is reading
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)


async def test_the_chosen_theme_is_kept_for_the_next_start(library_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keys]\nopen_related = "g"\n', encoding="utf-8")
    app = make_app(library_dir, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "nord"
        await settle(pilot)
    assert config.read_text(encoding="utf-8") == 'theme = "nord"\n[keys]\nopen_related = "g"\n'
    again = make_app(library_dir, config=config)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "nord"


async def test_key_hints_follow_remapped_keys(library_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(
        '[keys]\nnext_match = "m"\nprevious_match = "M"\ntoggle_entities = "E"\nhighlight = "x"\n',
        encoding="utf-8",
    )
    app = make_app(library_dir, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "itani OR tabler")
        await pilot.press("enter")
        await settle(pilot)
        reading = app.screen
        assert "m/M to step" in _text(reading.query_one("#reading-status", Static))
        assert "E hides" in _text(reading.query_one("#legend", Static))
        await pilot.press("j")
        assert "x highlight" in _text(reading.query_one("#reading-status", Static))


async def test_the_footer_shows_whole_keys_at_80_columns(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=NARROW) as pilot:
        await read_article(pilot, "002")
        footer = app.screen.query_one(FittingFooter)
        shown = [(key.key_display, key.description) for key in footer.children]
        assert shown[:2] == [("esc", "Back"), ("?", "Help")]  # the way back and help first
        assert sum(len(k) + len(d) + 2 for k, d in shown) <= NARROW[0]
        assert all(key.region.right <= NARROW[0] for key in footer.children)
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        assert len(footer.children) > len(shown)  # wider: more keys


async def test_accepting_did_you_mean_returns_to_the_query_box(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "putn")
        await pilot.press("enter", "enter")  # into the list, take the suggestion
        await settle(pilot)
        query = app.screen.query_one("#query", Input)
        assert query.value == "putin" and query.has_focus
        await pilot.press(*" kerry")  # letters are typed, not taken as keys
        await settle(pilot)
        assert query.value == "putin kerry"


async def test_sorting_by_date_puts_undated_articles_last(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "syria")
        await pilot.press("down", "o")
        await settle(pilot)
        dates = [hit.date for hit in app.screen.query_one(ResultsList).hits]
        assert dates[0] is not None and dates[-1] is None
        first_undated = dates.index(None)
        assert all(date is None for date in dates[first_undated:])


async def test_a_highlights_note_and_tags_are_edited_in_the_reader(library_dir: Path) -> None:
    with Library.open(library_dir) as library:
        stored = library.article("002")
        library.highlights.add(stored, *sentence_spans(stored.article.body)[0], note="old", tags=["a"])
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await read_article(pilot, "002")
        await pilot.press("j", "a")  # the cursor on the highlighted first sentence
        await settle(pilot)
        assert isinstance(app.screen, NoteScreen)
        note = app.screen.query_one("#note", Input)
        assert note.value == "old" and app.screen.query_one("#tags", Input).value == "a"
        note.value = "new note"
        await pilot.press("tab", "ctrl+u", *"b c", "enter")
        await settle(pilot)
        with HighlightStore(library_dir) as store:
            [edited] = store.list()
        assert (edited.note, edited.tags) == ("new note", ("b", "c"))
        await pilot.press("u")  # one change, one undo
        await settle(pilot)
        with HighlightStore(library_dir) as store:
            assert (store.list()[0].note, store.list()[0].tags) == ("old", ("a",))
        # And on the highlights list.
        await pilot.press("H")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(app.screen, NoteScreen)
        app.screen.query_one("#note", Input).value = "from the list"
        await pilot.press("enter")
        await settle(pilot)
        with HighlightStore(library_dir) as store:
            assert store.list()[0].note == "from the list"


async def test_export_from_the_highlights_list_writes_what_the_filter_shows(
    library_dir: Path, tmp_path: Path
) -> None:
    with Library.open(library_dir) as library:
        for ref, tag in (("001", "pact"), ("002", "syria")):
            stored = library.article(ref)
            library.highlights.add(stored, *sentence_spans(stored.article.body)[0], tags=[tag])
    target = tmp_path / "syria.md"
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "H")
        await settle(pilot)
        assert isinstance(app.screen, HighlightsScreen)
        await pilot.press("slash", *"#syria", "enter", "X")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        assert "The 1 highlight the filter “#syria” shows." in _text(
            app.screen.query_one(".dialog-quote", Static)
        )
        app.screen.query_one("#export-path", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        text = target.read_text(encoding="utf-8")
        assert "syria" in text and "pact" not in text.lower().replace("impact", "")
        assert "1 passage from 1 article" in text


async def test_open_the_page_in_the_browser_and_copy_its_address(
    library_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda uri: opened.append(uri) or True)
    page = tmp_path / "page.json"
    page.write_text(
        '{"title": "Zorblat harvest", "url": "https://example.org/zorblat", '
        '"maintext": "Farmers reported a record zorblat harvest this quarter, officials said on Monday. '
        'Prices fell as the crop reached the markets."}',
        encoding="utf-8",
    )
    with Library.open(library_dir) as library:
        library.add([page])
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "zorblat")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert opened == ["https://example.org/zorblat"]
        await pilot.press("y")
        assert app.clipboard == "https://example.org/zorblat"
        await pilot.press("escape")
        await settle(pilot)
        # A page without a URL: its file.
        reading = await read_article(pilot, "001")
        await pilot.press("b")
        await settle(pilot)
        assert opened[-1] == Path(reading.stored.article.path).resolve().as_uri()


async def test_opened_articles_are_read_and_unread_ones_can_be_listed(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "putin")
        first = app.screen.query_one(ResultsList).hits[0]
        assert not first.read
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        with Library.open(library_dir) as library:
            assert library.read_ids() == {first.id}
        results = app.screen.query_one(ResultsList)
        app.screen.search_now()
        await settle(pilot)
        hit = next(hit for hit in results.hits if hit.id == first.id)
        assert hit.read
        read_style = results.get_component_rich_style("results-list--read", partial=True)
        title_style = results.get_component_rich_style("results-list--title", partial=True)
        assert read_style != title_style  # read ones dimmer, unread ones stand out
        results.focus()
        await pilot.press("u")  # only unread
        await settle(pilot)
        assert first.id not in {hit.id for hit in results.hits} and len(results.hits) == 15
        assert "15 unread found" in _text(app.screen.query_one("#search-status", Static))


async def test_search_the_library_for_a_name_or_the_selected_words(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        reading = await read_article(pilot, "002")
        body = reading.stored.article.body
        spans = sentence_spans(body)
        # A sentence naming one person only: searches by them at once.
        names = [
            {(e.label, e.name) for e in reading.stored.entities if e.start < end and start < e.end}
            for start, end in spans
        ]
        one = next(i for i, found in enumerate(names) if len(found) == 1)
        several = next(i for i, found in enumerate(names) if len(found) > 1)
        reading.passages.cursor = one
        await pilot.press("asterisk")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        [(label, name)] = names[one]
        search = app.screen
        wanted = (
            search.query_one("#filter-person", Input).value
            if label == "PERSON"
            else search.query_one("#query", Input).value
        )
        assert name.split()[-1] in wanted
        # Several: a list to pick from.
        reading = await read_article(pilot, "002")
        reading.passages.cursor = several
        await pilot.press("asterisk")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert len(app.screen.options) == len(names[several])
        await pilot.press("escape")
        assert app.screen is reading
        # Words selected with the mouse: searched as a phrase.
        view = reading.query_one(ArticleView)
        await pilot.mouse_down(view, offset=(0, 0))
        await pilot.hover(view, offset=(12, 0))
        await pilot.mouse_up(view, offset=(12, 0))
        selected = reading.get_selected_text()
        assert selected and body.startswith(selected.strip())
        await pilot.press("asterisk")
        await settle(pilot)
        assert app.screen.query_one("#query", Input).value == f'"{" ".join(selected.split())}"'


async def test_a_failed_worker_is_reported_where_it_ran(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.open_article("no-such-article")
        await settle(pilot)
        title = _text(app.screen.query_one("#article-title", Static))
        assert title.startswith("cannot open the article: no article 'no-such-article'")


async def test_opening_a_library_tells_what_it_is_doing(library_dir: Path) -> None:
    import shutil

    shutil.rmtree(library_dir / "index")  # the index must be rebuilt on open
    seen = []
    service = LibraryService(library_dir)
    service.open(progress=lambda state: seen.append(opening_status(state)))
    service.close()
    assert seen[0] == "Rebuilding the search index: 0 of 33 articles (0%)…"
