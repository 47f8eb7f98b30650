"""Reading one article: a centred column, entities and query matches highlighted,
find in article, and the side panel of its people, organisations and places."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from reader.highlights import PlacedHighlight, paragraph_spans, selection_span, sentence_spans, span_at
from reader.ingest.sanitize import terminal_safe
from reader.library import StoredArticle
from reader.textmatch import best_match_offset, find_all, query_matches
from reader.tui import keys
from reader.tui.changes import HighlightChanged, change_highlights, undone
from reader.tui.marks import entity_marks, legend, span_marks
from reader.tui.screens.dialogs import NoteScreen
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.entity_panel import EntityPanel
from reader.tui.widgets.inputs import ReaderInput

NARROW_WIDTH = 100  # below this the side panel only shows on demand (p)


@dataclass
class ArticleLoaded(Message):
    article: StoredArticle | None
    error: str | None = None


@dataclass
class HighlightsLoaded(Message):
    article_id: str
    highlights: list[PlacedHighlight]
    error: str | None = None


def article_facts(stored: StoredArticle) -> str:
    article = stored.article
    facts = [
        article.source,
        (article.date or "")[:16].replace("T", " "),
        article.dateline,
        f"{len(article.body.split()):,} words",
    ]
    return terminal_safe(" · ".join(f for f in facts if f), one_line=True)


class ReadingScreen(Screen):
    BINDINGS = keys.READING

    def __init__(self, article_id: str, query: str = "", offset: int | None = None, cursor: bool = False) -> None:
        super().__init__(classes="reading")
        self.article_id = article_id
        self.query_text = query
        self.start_offset = offset
        self.cursor_at_start = cursor
        self._clear_cursor()
        self.stored: StoredArticle | None = None
        self.matches: list[tuple[int, int]] = []
        self.match_index = -1
        self.find_text = ""
        self._load_on_resume = False

    def _clear_cursor(self) -> None:
        self.sentences: list[tuple[int, int]] = []
        self.paragraphs: list[tuple[int, int]] = []
        self.cursor = -1  # index into sentences; -1: no cursor shown yet
        self.anchor: int | None = None  # where a selection started (v)
        self.highlights: list[PlacedHighlight] = []

    def reset(self, article_id: str, query: str = "", offset: int | None = None, cursor: bool = False) -> None:
        """Make this (already built) screen show another article: the app reuses one
        reading screen, which saves composing and styling a new one on every open."""
        self.article_id = article_id
        self.query_text = query
        self.start_offset = offset
        self.cursor_at_start = cursor
        self._clear_cursor()
        self.stored = None
        self.matches = []
        self.match_index = -1
        self.find_text = ""
        find = self.query_one("#find", Input)
        with find.prevent(Input.Changed):
            find.value = ""
        find.display = False
        self.query_one("#article-title", Static).update("Loading…")
        self.query_one("#article-meta", Static).update("")
        self.query_one(ArticleView).set_document("")
        self.query_one(EntityPanel).show(())
        self.remove_class("-show-panel")
        self.query_one(ArticleView).focus()
        self._load_on_resume = True

    def compose(self) -> ComposeResult:
        with Horizontal(id="reading-layout"):
            with Vertical(id="reading-column"):
                yield Static("Loading…", id="article-title", markup=False)
                yield Static("", id="article-meta", markup=False)
                yield Static("", id="legend", markup=False)
                yield ArticleView(id="article-body")
                yield ReaderInput(placeholder="find in article (enter: next, escape: close)", id="find", compact=True)
                yield Static("", id="reading-status", markup=False)
            yield EntityPanel(id="entity-panel")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#find").display = False
        self.query_one(ArticleView).focus()
        self.load_article()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")

    # -- loading ----------------------------------------------------------

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_article(self) -> None:
        try:
            stored = self.app.service.article(self.article_id)
        except Exception as exc:
            self.post_message(ArticleLoaded(None, f"cannot open the article: {exc}"))
        else:
            self.post_message(ArticleLoaded(stored))

    @on(ArticleLoaded)
    def _loaded(self, message: ArticleLoaded) -> None:
        if message.article is None:
            self.query_one("#article-title", Static).update(message.error or "cannot open the article")
            return
        self.show_article(message.article)

    def show_article(self, stored: StoredArticle) -> None:
        self.stored = stored
        article = stored.article
        self.query_one("#article-title", Static).update(terminal_safe(article.title, one_line=True) or "(untitled)")
        self.query_one("#article-meta", Static).update(article_facts(stored))
        self.matches = query_matches(article.body, self.query_text) if self.query_text else []
        self.sentences = sentence_spans(article.body)
        self.paragraphs = paragraph_spans(article.body)
        if self.cursor_at_start and self.start_offset is not None and self.sentences:
            self.cursor = span_at(self.sentences, self.start_offset)
        view = self.query_one(ArticleView)
        view.set_document(article.body, self._marks())
        # The side panel fills in on the next frame: the article text comes first.
        self.call_after_refresh(self.query_one(EntityPanel).show, stored.entities)
        self._refresh_legend()
        if self.start_offset is None and self.query_text:
            self.start_offset = best_match_offset(article.body, self.query_text)
        if self.start_offset is not None:
            self.match_index = _index_at(self.matches, self.start_offset)
            view.set_marks(self._marks())
            view.scroll_to_offset(self.start_offset)
        self._refresh_status()
        self.load_highlights()

    # -- highlights -------------------------------------------------------

    @work(thread=True, exclusive=True, group="highlights", exit_on_error=False)
    def load_highlights(self) -> None:
        stored = self.stored
        if stored is None:
            return
        try:
            placed = self.app.service.highlights_of(stored)
        except Exception as exc:
            self.post_message(HighlightsLoaded(stored.id, [], f"cannot read the highlights: {exc}"))
        else:
            self.post_message(HighlightsLoaded(stored.id, placed))

    @on(HighlightsLoaded)
    def _highlights_loaded(self, message: HighlightsLoaded) -> None:
        if message.error:
            self.notify(terminal_safe(message.error, one_line=True), severity="error", markup=False)
        if self.stored is None or message.article_id != self.stored.id:
            return
        self.highlights = message.highlights
        self.refresh_marks()

    @on(HighlightChanged)
    def _highlight_changed(self, message: HighlightChanged) -> None:
        if message.error:
            self.notify(terminal_safe(message.error, one_line=True), severity="error", markup=False)
        elif message.done:
            self.notify(message.done, timeout=3, markup=False)
        self.load_highlights()

    # -- marks ------------------------------------------------------------

    def _marks(self):
        marks = []
        if self.stored is not None and self.app.show_entities:
            marks += entity_marks(self.stored.entities)
        layer = "find" if self.find_text else "match"
        marks += span_marks(self.matches, layer)
        if 0 <= self.match_index < len(self.matches):
            marks += span_marks([self.matches[self.match_index]], "current")
        marks += span_marks([(p.highlight.start, p.highlight.end) for p in self.highlights if not p.highlight.orphaned], "highlight")
        if (span := self.cursor_span()) is not None:
            marks += span_marks([span], "cursor")
        return marks

    def _refresh_legend(self) -> None:
        view = self.query_one(ArticleView)
        self.query_one("#legend", Static).update(legend(view, self.app.show_entities))

    def _refresh_status(self) -> None:
        status = self.query_one("#reading-status", Static)
        if self.cursor >= 0 and self.sentences:
            status.update(self._cursor_status())
            return
        what = f"“{self.find_text}”" if self.find_text else (f"“{self.query_text}”" if self.query_text else "")
        if not what:
            status.update(Text("j/k sentences · h highlight · r related · s side by side · p people · f find", style="dim"))
            return
        if not self.matches:
            status.update(f"no match for {terminal_safe(what, one_line=True)}")
            return
        position = f"{self.match_index + 1}/" if self.match_index >= 0 else ""
        status.update(f"match {position}{len(self.matches)} for {terminal_safe(what, one_line=True)} · n/N to step")

    def refresh_marks(self) -> None:
        self.query_one(ArticleView).set_marks(self._marks())
        self._refresh_legend()
        self._refresh_status()

    def on_screen_resume(self) -> None:
        if self._load_on_resume:
            self._load_on_resume = False
            self.load_article()
        elif self.stored is not None:
            # Entity highlights may have been toggled on another screen.
            self.refresh_marks()

    # -- actions ----------------------------------------------------------

    def action_back(self) -> None:
        find = self.query_one("#find", Input)
        if find.has_focus:
            self._close_find()
            return
        self.dismiss()

    def action_search(self) -> None:
        self.app.show_search(focus_query=True)

    def action_toggle_entities(self) -> None:
        self.app.show_entities = not self.app.show_entities
        self.refresh_marks()

    def action_next_match(self) -> None:
        self._step(1)

    def action_previous_match(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if not self.matches:
            self.notify("no matches to step through", timeout=2)
            return
        if self.match_index < 0:
            visible = self.query_one(ArticleView).first_visible_offset()
            after = [i for i, (s, _) in enumerate(self.matches) if s >= visible]
            self.match_index = (after[0] if after else 0) if direction > 0 else (after[0] - 1 if after else len(self.matches) - 1)
        else:
            self.match_index = (self.match_index + direction) % len(self.matches)
        self.refresh_marks()
        self.query_one(ArticleView).scroll_to_offset(self.matches[self.match_index][0])

    def action_page_down(self) -> None:
        self.query_one(ArticleView).scroll_page_down()

    def action_find(self) -> None:
        find = self.query_one("#find", Input)
        find.display = True
        find.focus()

    @on(Input.Changed, "#find")
    def _find_changed(self, event: Input.Changed) -> None:
        if self.stored is None:
            return
        self.find_text = event.value.strip()
        if self.find_text:
            self.matches = find_all(self.stored.article.body, self.find_text)
        else:
            self.matches = query_matches(self.stored.article.body, self.query_text) if self.query_text else []
        self.match_index = -1
        if self.matches and self.find_text:
            self._step(1)
        else:
            self.refresh_marks()

    @on(Input.Submitted, "#find")
    def _find_next(self) -> None:
        self._step(1)

    # -- the sentence cursor and highlighting -----------------------------

    def cursor_span(self) -> tuple[int, int] | None:
        """What ``h`` would highlight: the selection, or the sentence at the cursor."""
        if not 0 <= self.cursor < len(self.sentences):
            return None
        anchor = self.cursor if self.anchor is None else self.anchor
        return selection_span(self.sentences, anchor, self.cursor)

    def _cursor_status(self) -> Text:
        if self.anchor is not None:
            count = abs(self.cursor - self.anchor) + 1
            head = f"selection: {count} sentence{'s' if count != 1 else ''} · j/k/J/K extend · h highlight · v drops it"
        else:
            head = f"sentence {self.cursor + 1}/{len(self.sentences)} · v select · h highlight"
        under = self._highlight_under_cursor()
        if under is not None:
            head += " · d deletes the highlight here"
        return Text(head)

    def _start_cursor(self) -> bool:
        """Show the cursor (at the first sentence on screen) if it is not there yet;
        True when it was already there."""
        if not self.sentences:
            return False
        if self.cursor >= 0:
            return True
        self.cursor = span_at(self.sentences, self.query_one(ArticleView).first_visible_offset())
        return False

    def _move_cursor(self, index: int) -> None:
        self.cursor = max(0, min(index, len(self.sentences) - 1))
        self.refresh_marks()
        start, end = self.sentences[self.cursor]
        self.query_one(ArticleView).bring_into_view(start, end)

    def _step_cursor(self, target) -> None:
        """Move to ``target()`` (a sentence index); the first press only shows the cursor."""
        if not self.sentences:
            return
        self._move_cursor(target() if self._start_cursor() else self.cursor)

    def action_next_sentence(self) -> None:
        self._step_cursor(lambda: self.cursor + 1)

    def action_previous_sentence(self) -> None:
        self._step_cursor(lambda: self.cursor - 1)

    def _paragraph_start(self, paragraph: int) -> int:
        """The first sentence of a paragraph."""
        return span_at(self.sentences, self.paragraphs[paragraph][0])

    def _paragraph_of(self, sentence: int) -> int:
        return span_at(self.paragraphs, self.sentences[sentence][0])

    def action_next_paragraph(self) -> None:
        def target() -> int:
            paragraph = self._paragraph_of(self.cursor)
            if paragraph + 1 < len(self.paragraphs):
                return self._paragraph_start(paragraph + 1)
            return len(self.sentences) - 1

        self._step_cursor(target)

    def action_previous_paragraph(self) -> None:
        def target() -> int:
            # Back to the start of this paragraph first, as editors do.
            paragraph = self._paragraph_of(self.cursor)
            first = self._paragraph_start(paragraph)
            return first if first < self.cursor or paragraph == 0 else self._paragraph_start(paragraph - 1)

        self._step_cursor(target)

    def action_select(self) -> None:
        if not self.sentences:
            return
        self._start_cursor()
        self.anchor = self.cursor if self.anchor is None else None
        self.refresh_marks()

    def action_highlight(self) -> None:
        stored = self.stored
        if stored is None or not self.sentences:
            return
        self._start_cursor()
        span = self.cursor_span()
        if span is None:
            return
        start, end = span
        self.anchor = None
        self.refresh_marks()

        def save(answer: tuple[str, tuple[str, ...]] | None) -> None:
            note, tags = answer or ("", ())
            change_highlights(self, 
                lambda: self.app.service.add_highlight(stored, start, end, note, tags),
                lambda h: f"highlighted {len(h.quote.split())} words" + (f" · tags {', '.join(h.tags)}" if h.tags else ""),
            )

        self.app.push_screen(NoteScreen(stored.article.body[start:end]), save)

    def _highlight_under_cursor(self) -> PlacedHighlight | None:
        span = self.cursor_span()
        if span is None:
            return None
        start, end = span
        for placed in self.highlights:
            h = placed.highlight
            if not h.orphaned and h.start < end and start < h.end:
                return placed
        return None

    def action_delete_highlight(self) -> None:
        self._start_cursor()
        under = self._highlight_under_cursor()
        if under is None:
            self.refresh_marks()
            self.notify("no highlight at the cursor", timeout=2)
            return
        highlight_id = under.highlight.id
        change_highlights(self, lambda: self.app.service.delete_highlight(highlight_id), "highlight deleted · u undoes")

    def action_undo_highlight(self) -> None:
        change_highlights(self, self.app.service.undo_highlight, undone)

    def _close_find(self) -> None:
        find = self.query_one("#find", Input)
        find.display = False
        self.query_one(ArticleView).focus()

    def action_focus_people(self) -> None:
        panel = self.query_one(EntityPanel)
        if self.has_class("-narrow"):
            self.toggle_class("-show-panel")
            if not self.has_class("-show-panel"):
                self.query_one(ArticleView).focus()
                return
        if panel.has_focus:
            self.query_one(ArticleView).focus()
        else:
            panel.focus()

    @on(EntityPanel.EntityChosen)
    def _search_entity(self, event: EntityPanel.EntityChosen) -> None:
        self.app.search_entity(event.label, event.name)

    @on(ArticleView.Clicked)
    def _clicked(self, event: ArticleView.Clicked) -> None:
        """A click on a highlighted name searches by it, as the side panel does."""
        if self.stored is None or not self.app.show_entities:
            return
        for span in self.stored.entities:
            if span.start <= event.offset < span.end:
                self.app.search_entity(span.label, span.name)
                return

    def action_related(self) -> None:
        if self.stored is not None:
            self.app.show_related(self.stored, compare=False)

    def action_side_by_side(self) -> None:
        if self.stored is not None:
            self.app.show_related(self.stored, compare=True)


def _index_at(matches: list[tuple[int, int]], offset: int) -> int:
    for index, (start, _) in enumerate(matches):
        if start >= offset:
            return index
    return -1
