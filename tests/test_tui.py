"""The reader driven with Pilot, on a library seeded from the real seeds."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import SIZE, make_app, search_for, settle
from textual.widgets import Input

from reader.library import Library
from reader.textmatch import best_match_offset
from reader.tui.screens.compare import CompareScreen
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.screens.related import RelatedScreen
from reader.tui.screens.search import SearchFinished, SearchScreen
from reader.tui.service import SearchRequest
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.entity_panel import EntityPanel
from reader.tui.widgets.results import SUGGESTION_ID, ResultsList

KERRY_NYT = "John Kerry Meets Vladimir Putin to Discuss New Syria Plan"
AFP_PACT = "US to offer Russia anti-terror pact in Syria"


def _titles(app) -> list[str]:
    return [hit.title for hit in app.screen.query_one(ResultsList).hits]


def _status(app, selector: str) -> str:
    return str(app.screen.query_one(selector).render())


def _visible(view: ArticleView, offset: int) -> bool:
    line = view.line_of(offset)
    top = int(view.scroll_offset.y)
    return top <= line < top + view.scrollable_content_region.height


async def _open_first_hit(pilot) -> ReadingScreen:
    await pilot.press("enter")  # from the query box: opens the top hit
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReadingScreen)
    return pilot.app.screen


async def test_the_library_is_listed_before_anything_is_typed(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#query", Input).has_focus
        assert len(_titles(app)) == 33
        assert _status(app, "#search-status").startswith("33 articles in the library")


async def test_a_fresh_library_is_seeded_from_inside_the_app(tmp_path: Path, monkeypatch) -> None:
    # Seeding runs worker processes from a thread of the app, where stderr is Textual's.
    monkeypatch.setenv("NEWS_READER_CONFIG", str(tmp_path / "none.toml"))
    app = make_app(tmp_path / "fresh")
    async with app.run_test(size=SIZE) as pilot:
        # (No check of the "Opening the library" line in between: seeding now often
        # finishes within the first pause, which made that check fail at random.)
        await settle(pilot)
        assert _status(app, "#search-status").startswith("33 articles in the library")


async def test_search_as_you_type_shows_hits_with_marked_snippets(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "putin")
        titles = _titles(app)
        assert len(titles) == 16
        assert KERRY_NYT in titles and AFP_PACT in titles
        assert _status(app, "#search-status").startswith("16 found")
        hits = app.screen.query_one(ResultsList).hits
        assert all("**Putin**" in hit.snippet or "**putin**" in hit.snippet.lower() for hit in hits)


async def test_a_stale_result_never_replaces_a_newer_one(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "kerry")
        screen = app.screen
        before = _titles(app)
        stale = app.service.search(SearchRequest("assad"))
        screen.post_message(SearchFinished(SearchRequest("assad"), stale))
        await settle(pilot)
        assert _titles(app) == before


async def test_articles_added_from_another_terminal_show_up(library_dir: Path, tmp_path: Path) -> None:
    page = tmp_path / "fresh.txt"
    page.write_text(
        "Quarterly zorblat harvest beats forecasts\n\n"
        "Farmers reported a record zorblat harvest this quarter, officials in the capital said on Monday. "
        "Prices fell sharply as the new crop reached the markets of the region.\n\n"
        "Exporters expect shipments to rise through the end of the year, the ministry added.\n",
        encoding="utf-8",
    )
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "zorblat")
        assert _titles(app) == []
        with Library.open(library_dir) as other_terminal:
            other_terminal.add([page])
        app.screen.watch_library()  # what the timer does every few seconds
        await settle(pilot)
        assert len(_titles(app)) == 1


async def test_did_you_mean_is_offered_and_taken(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "putn")
        results = app.screen.query_one(ResultsList)
        assert results.option_count == 1
        assert results.get_option_at_index(0).id == SUGGESTION_ID
        assert _status(app, "#search-status").startswith("No articles match")
        await pilot.press("enter", "enter")
        await settle(pilot)
        assert app.screen.query_one("#query", Input).value == "putin"
        assert len(_titles(app)) == 16


async def test_a_bad_query_is_explained_in_place(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "title:")
        status = app.screen.query_one("#search-status")
        assert status.has_class("-error")
        assert "title: needs something after it" in str(status.render())
        assert _titles(app) == []


async def test_filters_by_person_source_and_date(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = app.screen
        screen.set_filters(person="kerry")
        await settle(pilot)
        kerry = app.screen.query_one(ResultsList).hits
        assert kerry and all("John Kerry" in hit.people for hit in kerry)
        screen.set_filters(source="AFP")
        await settle(pilot)
        assert {hit.source for hit in app.screen.query_one(ResultsList).hits} == {"AFP"}
        screen.set_filters(text="kerry", date="2016-07")
        await settle(pilot)
        assert _titles(app) == [KERRY_NYT]


async def test_opening_a_hit_scrolls_to_its_best_passage_and_marks_the_query(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "itani OR tabler")
        assert _titles(app) == [KERRY_NYT]
        reading = await _open_first_hit(pilot)
        view = reading.query_one(ArticleView)
        body = view.body
        expected = best_match_offset(body, "itani OR tabler")
        assert expected is not None and expected > 2000
        assert view.scroll_offset.y > 10
        assert _visible(view, expected)
        assert [body[s:e] for s, e in reading.matches] == ["Tabler", "Tabler", "Itani"]
        assert reading.matches[reading.match_index][0] == expected
        assert "match" in _status(app, "#reading-status")
        first = reading.match_index
        await pilot.press("n")
        assert reading.match_index == (first + 1) % 3
        assert _visible(view, reading.matches[reading.match_index][0])
        await pilot.press("N", "N")
        assert reading.match_index == (first - 1) % 3


async def test_entity_highlights_toggle_with_e(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "kerry moscow")
        reading = await _open_first_hit(pilot)
        layers = {mark.layer for mark in reading._marks()}
        assert {"person", "org", "place"} <= layers
        assert "person" in _status(app, "#legend")
        await pilot.press("e")
        assert not {"person", "org", "place"} & {mark.layer for mark in reading._marks()}
        assert "entities hidden" in _status(app, "#legend")
        await pilot.press("e")
        assert {"person", "org", "place"} <= {mark.layer for mark in reading._marks()}
        view = reading.query_one(ArticleView)
        top = view.scroll_offset.y
        await pilot.press("space")
        await settle(pilot)
        assert view.scroll_offset.y > top


async def test_find_in_article(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "itani")
        reading = await _open_first_hit(pilot)
        await pilot.press("f", *"nusra")
        await settle(pilot)
        body = reading.stored.article.body
        assert len(reading.matches) == body.lower().count("nusra")
        assert all(body[s:e].lower() == "nusra" for s, e in reading.matches)
        await pilot.press("escape")
        assert not reading.query_one("#find").display
        assert isinstance(app.screen, ReadingScreen)


async def test_choosing_a_person_in_the_side_panel_searches_by_them(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "itani")
        reading = await _open_first_hit(pilot)
        await pilot.press("p")
        panel = reading.query_one(EntityPanel)
        assert panel.has_focus
        first_person = panel.get_option_at_index(panel.highlighted).id.split("\x1f")[1]
        assert first_person in reading.stored.names("PERSON")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#filter-person", Input).value == first_person
        hits = app.screen.query_one(ResultsList).hits
        assert hits and all(first_person in hit.people for hit in hits)


async def test_clicking_a_highlighted_name_searches_by_it(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "itani")
        reading = await _open_first_hit(pilot)
        view = reading.query_one(ArticleView)
        mention = next(s for s in reading.stored.entities if s.label == "PERSON" and s.name == "Faysal Itani")
        line = view.line_of(mention.start)
        column = mention.start - view._line_spans[line][0]
        await pilot.click(view, offset=(column + 1, line - int(view.scroll_offset.y)))
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#filter-person", Input).value == "Faysal Itani"
        assert _titles(app) == [KERRY_NYT]


async def test_the_person_filter_completes_names(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.query_one("#filter-person", Input).focus()
        await pilot.press(*"vlad")
        await settle(pilot)
        await pilot.press("right")  # take the suggestion
        await settle(pilot)
        assert app.screen.query_one("#filter-person", Input).value == "Vladimir Putin"
        assert len(_titles(app)) == 16


async def test_related_pieces_are_one_key_away(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "itani")
        reading = await _open_first_hit(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, RelatedScreen)
        with Library.open(library_dir) as library:
            expected = [piece.id for piece, _ in library.related(reading.stored.id, limit=12)]
        options = app.screen.query_one("#related-list")
        assert [options.get_option_at_index(i).id for i in range(options.option_count)] == expected
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article_id == expected[0]
        await pilot.press("escape")
        assert app.screen is reading


async def test_side_by_side_steps_through_shared_passages_scrolling_both_panes(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "anti-terror pact")
        assert _titles(app)[0] == AFP_PACT
        reading = await _open_first_hit(pilot)
        await pilot.press("s")
        await settle(pilot)
        picker = app.screen
        assert isinstance(picker, RelatedScreen) and picker.compare
        options = picker.query_one("#related-list")
        kerry_id = next(o.id for o in options.options if o.id and _title_of(picker, o.id) == KERRY_NYT)
        picker.dismiss(("compare", kerry_id))
        await settle(pilot)
        compare = app.screen
        assert isinstance(compare, CompareScreen)
        assert len(compare.alignments) >= 2
        assert "John Kerry" in compare.shared_people and "Vladimir Putin" in compare.shared_people
        left, right = compare.view("left"), compare.view("right")
        right_tops = []
        for step in range(len(compare.alignments)):
            await pilot.press("right_square_bracket")
            await settle(pilot)
            assert compare.index == step
            current = compare.alignments[step]
            assert _visible(left, current.left_start) and _visible(right, current.right_start)
            right_tops.append(right.scroll_offset.y)
            assert f"passage {step + 1}/{len(compare.alignments)}" in _status(app, "#compare-status")
        assert max(right_tops) > 20  # the NYT piece's report of the Post story sits far down
        await pilot.press("left_square_bracket")
        await settle(pilot)
        assert compare.index == len(compare.alignments) - 2
        # x swaps the panes; the alignment follows.
        before = compare.articles[0].id
        await pilot.press("x")
        await settle(pilot)
        assert compare.articles[1].id == before
        assert all(a.left_end <= len(compare.articles[0].article.body) for a in compare.alignments)
        # tab moves focus, m maximises the focused pane, w closes it.
        await pilot.press("tab")
        focused = "left" if compare.view("left").has_focus else "right"
        await pilot.press("m")
        assert compare.query_one(f"#pane-{focused}").display
        assert not compare.query_one(f"#pane-{'right' if focused == 'left' else 'left'}").display
        await pilot.press("m")
        assert compare.query_one("#pane-left").display and compare.query_one("#pane-right").display
        keep = compare.articles[1 if focused == "left" else 0].id
        await pilot.press("w")
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        assert app.screen.article_id == keep
        del reading


def _title_of(picker: RelatedScreen, article_id: str) -> str:
    return next(other.article.title for piece, other in picker.related if piece.id == article_id)


async def test_help_lists_every_key(library_dir: Path) -> None:
    from reader.tui import keys

    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.screen.query_one("#query", Input).has_focus
        await pilot.press("question_mark")  # from the query box too: "?" is not typed
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table")
        shown = str(table.render()) if False else _rendered_text(app)
        for binding_id in keys.binding_ids():
            assert binding_id in shown, binding_id
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one("#query", Input).value == ""


def _rendered_text(app) -> str:
    from rich.console import Console

    console = Console(width=200, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    from reader.tui.screens.help import help_table

    console.print(help_table(app))
    return console.export_text()


async def test_resize_to_80x24_hides_the_side_panel_until_asked(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "itani")
        reading = await _open_first_hit(pilot)
        assert reading.query_one(EntityPanel).display
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        view = reading.query_one(ArticleView)
        assert reading.has_class("-narrow")
        assert reading.query_one(EntityPanel).region.width == 0
        assert view.region.width >= 70
        assert _visible(view, reading.matches[reading.match_index][0])
        await pilot.press("p")
        await settle(pilot)
        assert reading.query_one(EntityPanel).region.width > 0
        await pilot.resize_terminal(*SIZE)
        await settle(pilot)
        assert not reading.has_class("-narrow")


async def test_escape_sequences_in_a_page_never_reach_the_terminal(library_dir: Path, tmp_path: Path) -> None:
    page = tmp_path / "planted.txt"
    payload = "\x1b]0;pwned\x07\x1b[2J\x1b[31mRED\x1b[0m"
    page.write_text(
        f"Planted escapes in a news page {payload} [bold]markup[/bold] [/oops]\n\n"
        f"The minister said {payload} that talks on the zzyzxq treaty would resume in Geneva next week. "
        "Officials from both countries confirmed the date of the meeting.\n\n"
        "The talks were suspended in March after a dispute over the text of the treaty and its annexes.\n",
        encoding="utf-8",
    )
    with Library.open(library_dir) as library:
        library.add([page])
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "zzyzxq")
        assert len(_titles(app)) == 1
        reading = await _open_first_hit(pilot)
        view = reading.query_one(ArticleView)
        assert "\x1b" not in view.body and "\x07" not in view.body
        strips = [view.render_line(y) for y in range(view.scrollable_content_region.height)]
        text = "".join(segment.text for strip in strips for segment in strip)
        assert "talks on the zzyzxq treaty" in text
        assert "\x1b" not in text and "\x07" not in text
        assert "\x1b" not in app.export_screenshot()
        # Square brackets in page text are text, never console markup.
        title = str(reading.query_one("#article-title").render())
        assert "[bold]markup[/bold] [/oops]" in title


async def test_article_view_blanks_control_characters_it_is_handed(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = ArticleView()
        await app.screen.mount(view)
        body = "Before \x1b[31mred\x1b[0m after \x9b2J end"
        view.set_document(body)
        await settle(pilot)
        assert len(view.body) == len(body)  # offsets of marks stay valid
        rendered = "".join(seg.text for seg in view.render_line(0))
        assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 for c in rendered)


async def test_keys_are_remapped_from_the_config_file(library_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[keys]\nopen_related = "g"\nno_such_action = "z"\n', encoding="utf-8")
    app = make_app(library_dir, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "itani")
        assert any("no_such_action" in w for w in app.keymap_warnings)
        await _open_first_hit(pilot)
        await pilot.press("r")  # no longer bound
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        await pilot.press("g")
        await settle(pilot)
        assert isinstance(app.screen, RelatedScreen)


async def test_every_action_is_in_the_command_palette(library_dir: Path) -> None:
    from reader.tui.commands import ActionsProvider

    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "itani")
        reading = await _open_first_hit(pilot)
        provider = ActionsProvider(reading)
        names = [name for name, _, _ in provider._commands()]
        for wanted in (
            "Pieces related to this article (r)",
            "Compare with a related piece, side by side (s)",
            "Show every key (?)",
        ):
            assert wanted in names
        search = app.search_screen()
        # Offered even while the query box (which takes letter keys) has the focus.
        assert "Sort results by date or by relevance (o)" in [
            name for name, _, _ in ActionsProvider(search)._commands()
        ]
        await pilot.press("ctrl+p", *"related to this")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, RelatedScreen)


async def test_every_builtin_theme_renders_distinct_entity_styles(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await search_for(pilot, "itani")
        reading = await _open_first_hit(pilot)
        view = reading.query_one(ArticleView)
        for theme in sorted(app.available_themes):
            app.theme = theme
            await pilot.pause()
            styles = {
                layer: view.get_component_rich_style(f"article-view--{layer}", partial=True)
                for layer in ("person", "org", "place")
            }
            assert len(set(styles.values())) == 3, theme
            assert app.export_screenshot()
