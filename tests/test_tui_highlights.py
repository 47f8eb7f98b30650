"""Highlights and export in the reader, driven key by key with Pilot."""

from __future__ import annotations

from pathlib import Path

from test_tui_support import SIZE, make_app, read_article, settle
from textual.widgets import Input

from reader.highlights import HighlightStore, paragraph_spans, sentence_spans, span_at
from reader.library import Library
from reader.tui.screens.dialogs import ConfirmScreen, ExportScreen, NoteScreen
from reader.tui.screens.highlights import HighlightsScreen
from reader.tui.screens.reading import ReadingScreen
from reader.tui.widgets.article_view import ArticleView


def _live(library: Path) -> list:
    with HighlightStore(library) as store:
        return store.list()


def _drawn(view: ArticleView, layer: str) -> list[tuple[int, int]]:
    return [(m.start, m.end) for m in view._marks if m.layer == layer]


def _line_background(view: ArticleView, offset: int):
    """The background colours painted on the screen line holding ``offset``."""
    row = view.line_of(offset) - int(view.scroll_offset.y)
    return {segment.style.bgcolor for segment in view.render_line(row) if segment.style}


async def test_highlight_by_keys_with_note_and_tag_then_undo_and_delete(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        reading = await read_article(pilot, "002")
        body = reading.stored.article.body
        sentences, paragraphs = sentence_spans(body), paragraph_spans(body)
        view = reading.query_one(ArticleView)
        assert _drawn(view, "cursor") == []  # no cursor until it is used

        await pilot.press("j")  # shows the cursor on the first sentence on screen
        assert reading.cursor == 0 and _drawn(view, "cursor") == [sentences[0]]
        await pilot.press("j", "j", "k")
        assert reading.cursor == 1
        await pilot.press("J")  # next paragraph: its first sentence
        second_paragraph = span_at(sentences, paragraphs[span_at(paragraphs, sentences[1][0]) + 1][0])
        assert second_paragraph > 1
        assert reading.cursor == second_paragraph
        await pilot.press("J", "K")
        assert reading.cursor == second_paragraph
        await pilot.press("v", "j")  # a selection of two sentences
        start, end = sentences[second_paragraph][0], sentences[second_paragraph + 1][1]
        assert _drawn(view, "cursor") == [(start, end)]

        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, NoteScreen)
        await pilot.press(*["space" if c == " " else c for c in "worth citing"])
        await pilot.press("tab", *"syria")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is reading
        [made] = _live(library_dir)
        assert made.quote == body[start:end]
        assert (made.note, made.tags) == ("worth citing", ("syria",))
        assert _drawn(view, "highlight") == [(made.start, made.end)]
        highlight_bg = view.get_component_rich_style("article-view--highlight", partial=True).bgcolor
        await pilot.press("escape")  # back and in again: still marked (read from the store)
        await settle(pilot)
        reading = await read_article(pilot, "002")
        view = reading.query_one(ArticleView)
        assert _drawn(view, "highlight") == [(made.start, made.end)]
        view.scroll_to_offset(made.start)
        await settle(pilot)
        assert highlight_bg in _line_background(view, made.start + 1)
        await pilot.press("e")  # entity highlights off: the highlight stays
        assert _drawn(view, "highlight") == [(made.start, made.end)]

        await pilot.press("u")  # undo the highlight
        await settle(pilot)
        assert _live(library_dir) == [] and _drawn(view, "highlight") == []

        # Escape in the note dialog cancels: no highlight.
        reading.cursor = 3
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is reading and _live(library_dir) == []
        # Enter with no note keeps the sentence at the cursor; then delete it.
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        [plain] = _live(library_dir)
        assert plain.quote == body[slice(*sentences[3])] and plain.note == "" and plain.tags == ()
        await pilot.press("d")
        await settle(pilot)
        assert _live(library_dir) == [] and _drawn(view, "highlight") == []
        await pilot.press("u")  # undo the delete
        await settle(pilot)
        assert [h.id for h in _live(library_dir)] == [plain.id]
        assert _drawn(view, "highlight") == [(plain.start, plain.end)]

        await pilot.press("H")  # the list, over the article: delete it there
        await settle(pilot)
        assert isinstance(app.screen, HighlightsScreen)
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is reading and _drawn(view, "highlight") == []


async def test_the_highlights_screen_lists_filters_and_opens_at_the_passage(library_dir: Path) -> None:
    with Library.open(library_dir) as library:
        store = library.highlights
        far = library.article("002")
        sentences = sentence_spans(far.article.body)
        late = sentences[len(sentences) - 2]  # far down: opening must scroll to it
        store.add(far, *late, note="the joint command", tags=["syria"])
        near = library.article("001")
        store.add(near, *sentence_spans(near.article.body)[0], tags=["pact"])
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "H")  # from the results list
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, HighlightsScreen)
        assert len(screen.shown) == 2
        await pilot.press("slash", *"#syria")
        assert [item.placed.highlight.note for item in screen.shown] == ["the joint command"]
        await pilot.press("enter", "enter")  # to the list, then open
        await settle(pilot)
        reading = app.screen
        assert isinstance(reading, ReadingScreen) and reading.article_id == far.id
        assert reading.cursor_span() == late
        view = reading.query_one(ArticleView)
        top = int(view.scroll_offset.y)
        assert top > 0 and top <= view.line_of(late[0]) < top + view.scrollable_content_region.height

        await pilot.press("escape")  # back to the list: delete and undo there
        await settle(pilot)
        assert app.screen is screen
        await pilot.press("d")
        await settle(pilot)
        assert screen.shown == [] and len(screen.listed) == 1 and len(_live(library_dir)) == 1
        await pilot.press("u")
        await settle(pilot)
        assert len(screen.shown) == 1 and len(screen.listed) == 2


async def test_export_writes_markdown_and_asks_before_overwriting(library_dir: Path, tmp_path: Path) -> None:
    with Library.open(library_dir) as library:
        store = library.highlights
        stored = library.article("001")
        quote_span = sentence_spans(stored.article.body)[1]
        store.add(stored, *quote_span, note="a note")
        quote = stored.article.body[slice(*quote_span)]
    target = tmp_path / "notes.md"
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await read_article(pilot, "001")
        await pilot.press("X")
        await settle(pilot)
        assert isinstance(app.screen, ExportScreen)
        path_box = app.screen.query_one("#export-path", Input)
        assert path_box.value == "~/news-reader-notes.md"
        path_box.value = str(target)
        await pilot.press("tab", "space", "enter")  # front matter on, then export
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        text = target.read_text(encoding="utf-8")
        assert text.startswith("---\n")
        first_words = " ".join(quote.split()[:6])
        assert any(line.startswith("> ") and first_words in line for line in text.splitlines())

        target.write_text("my own notes\n", encoding="utf-8")
        await pilot.press("ctrl+e")  # the same path is offered again
        await settle(pilot)
        assert app.screen.query_one("#export-path", Input).value == str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == "my own notes\n"

        await pilot.press("X", "enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert first_words in target.read_text(encoding="utf-8")


async def test_enter_in_the_query_box_opens_the_top_hit(library_dir: Path) -> None:
    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"putin", "enter")  # before the debounced search ran
        await settle(pilot)
        assert isinstance(app.screen, ReadingScreen)
        top = app.search_screen().query_one("#results").hits[0]
        assert app.screen.article_id == top.id


async def test_highlight_actions_are_in_help_and_the_palette(library_dir: Path) -> None:
    from reader.tui.commands import ActionsProvider

    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        reading = await read_article(pilot, "001")
        names = [name for name, _, _ in ActionsProvider(reading)._commands()]
        for wanted in (
            "Export highlights to Markdown (X ^e)",
            "List every highlight, across articles (H)",
            "Move the cursor to the next sentence (j)",
        ):
            assert wanted in names
        assert any(name.startswith("Highlight the selection") for name in names)


async def test_side_by_side_highlights_in_the_focused_pane(library_dir: Path) -> None:
    from reader.tui.screens.compare import CompareScreen

    app = make_app(library_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        right = app.service.article("002")
        app.open_side_by_side(app.service.article("001").id, right.id)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await pilot.press("tab", "j", "j", "h")  # the right pane: its second sentence
        await settle(pilot)
        await pilot.press("enter")  # no note
        await settle(pilot)
        [made] = _live(library_dir)
        assert made.article_id == right.id
        assert made.quote == right.article.body[slice(*sentence_spans(right.article.body)[1])]
        assert _drawn(screen.view("right"), "highlight") == [(made.start, made.end)]
        assert _drawn(screen.view("left"), "highlight") == []
