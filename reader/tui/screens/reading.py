"""Reading one article: a centred column, entities and query matches highlighted,
find in article, and the side panel of its people, organisations and places."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Static
from textual.worker import Worker

from reader.ingest.language import length_label
from reader.ingest.sanitize import terminal_safe
from reader.library import StoredArticle
from reader.links import Original, open_in_browser, original_of
from reader.textmatch import best_match_offset, find_all, query_matches
from reader.tui import keys
from reader.tui.marks import entity_marks, legend, quote_marks, quote_status, span_marks
from reader.tui.screens.dialogs import ChoiceScreen, ConfirmScreen, PersonNameScreen
from reader.tui.screens.highlighting import Highlighting, Passages
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.entity_panel import EntityPanel
from reader.tui.widgets.footer import FittingFooter
from reader.tui.widgets.inputs import ReaderInput

NARROW_WIDTH = 100  # below this the side panel only shows on demand (p)


@dataclass
class ArticleLoaded(Message):
    article: StoredArticle


@dataclass
class PeopleCorrected(Message):
    done: str


def article_facts(stored: StoredArticle) -> str:
    article = stored.article
    facts = [
        article.source,
        (article.date or "")[:16].replace("T", " "),
        article.dateline,
        length_label(article.body, article.language),
    ]
    return terminal_safe(" · ".join(f for f in facts if f), one_line=True)


class ReadingScreen(Highlighting):
    BINDINGS = [*keys.READING, *keys.CURSOR, *keys.QUOTES_READING, *keys.STORY_OPEN]

    def __init__(
        self, article_id: str, query: str = "", offset: int | None = None, cursor: bool = False
    ) -> None:
        super().__init__(classes="reading")
        self.article_id = article_id
        self.query_text = query
        self.start_offset = offset
        self.cursor_at_start = cursor
        self._clear_cursor()
        self.stored: StoredArticle | None = None
        self.matches: list[tuple[int, int]] = []
        self.match_index = -1
        self.quote_index = -1  # the quote stepped to (-1: none)
        self.find_text = ""
        self._load_on_resume = False

    def _clear_cursor(self) -> None:
        self.passages = Passages()

    @property
    def cursor(self) -> int:
        """The sentence the cursor is on (-1: not shown yet)."""
        return self.passages.cursor

    @cursor.setter
    def cursor(self, sentence: int) -> None:
        self.passages.cursor = sentence

    def cursor_span(self) -> tuple[int, int] | None:
        return self.passages.span()

    def highlight_target(self) -> tuple[ArticleView, Passages] | None:
        return (self.query_one(ArticleView), self.passages) if self.stored is not None else None

    def all_passages(self) -> list[Passages]:
        return [self.passages]

    def reset(
        self, article_id: str, query: str = "", offset: int | None = None, cursor: bool = False
    ) -> None:
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
        self.quote_index = -1
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
                yield ReaderInput(
                    placeholder="find in article (enter: next, escape: close)", id="find", compact=True
                )
                yield Static("", id="reading-status", markup=False)
            yield EntityPanel(id="entity-panel")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#find").display = False
        self.query_one(ArticleView).focus()
        self.load_article()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW_WIDTH, "-narrow")

    # -- loading ----------------------------------------------------------

    @work(thread=True, exclusive=True, group="article", exit_on_error=False)
    def load_article(self) -> None:
        self.post_message(ArticleLoaded(self.app.service.article(self.article_id)))

    @on(ArticleLoaded)
    def _loaded(self, message: ArticleLoaded) -> None:
        self.show_article(message.article)
        self.mark_read(message.article.id)

    @work(thread=True, group="read-marks", exit_on_error=False)
    def mark_read(self, article_id: str) -> None:
        self.app.service.mark_read(article_id)

    def worker_failed(self, worker: Worker, message: str) -> None:
        if worker.group == "article":
            self.query_one("#article-title", Static).update(message)
            return
        super().worker_failed(worker, message)

    def show_article(self, stored: StoredArticle) -> None:
        self.stored = stored
        article = stored.article
        self.query_one("#article-title", Static).update(
            terminal_safe(article.title, one_line=True) or "(untitled)"
        )
        self.query_one("#article-meta", Static).update(article_facts(stored))
        self.matches = query_matches(article.body, self.query_text) if self.query_text else []
        self.passages = Passages.of(stored)
        if self.cursor_at_start and self.start_offset is not None:
            self.passages.place(self.start_offset)
            # Opened at a quote (from the People view): it is the current one.
            self.quote_index = next(
                (i for i, q in enumerate(stored.quotes) if q.start <= self.start_offset < q.end), -1
            )
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

    # -- marks ------------------------------------------------------------

    def _marks(self):
        marks = []
        if self.stored is not None:
            marks += quote_marks(self.stored, self.quote_index)
        if self.stored is not None and self.app.show_entities:
            marks += entity_marks(self.stored.entities)
        layer = "find" if self.find_text else "match"
        marks += span_marks(self.matches, layer)
        if 0 <= self.match_index < len(self.matches):
            marks += span_marks([self.matches[self.match_index]], "current")
        return marks + self.passages.marks()

    def _refresh_legend(self) -> None:
        view = self.query_one(ArticleView)
        key = self.app.key_hint("toggle_entities")
        self.query_one("#legend", Static).update(legend(view, self.app.show_entities, key=key))

    def _refresh_status(self) -> None:
        status = self.query_one("#reading-status", Static)
        hint = self.app.key_hint
        if self._on_current_quote():
            assert self.stored is not None
            status.update(quote_status(self.stored, self.quote_index, hint))
            return
        if self.passages.cursor >= 0:
            status.update(self.passages.status(hint))
            return
        what = (
            f"“{self.find_text}”" if self.find_text else (f"“{self.query_text}”" if self.query_text else "")
        )
        if not what:
            status.update(
                Text(
                    f"{hint('next_sentence', 'previous_sentence')} sentences · {hint('highlight')} highlight · "
                    f"{hint('open_related')} related · {hint('side_by_side')} side by side · "
                    f"{hint('focus_people')} people · {hint('find')} find · {hint('help')} keys",
                    style="dim",
                )
            )
            return
        if not self.matches:
            status.update(f"no match for {terminal_safe(what, one_line=True)}")
            return
        position = f"{self.match_index + 1}/" if self.match_index >= 0 else ""
        status.update(
            f"match {position}{len(self.matches)} for {terminal_safe(what, one_line=True)} · "
            f"{hint('next_match', 'previous_match')} to step"
        )

    def refresh_marks(self) -> None:
        self.query_one(ArticleView).set_marks(self._marks())
        self._refresh_legend()
        self._refresh_status()

    def on_screen_resume(self) -> None:
        if self._load_on_resume:
            self._load_on_resume = False
            self.load_article()
        elif self.stored is not None:
            # Entity highlights may have been toggled, and highlights changed (the
            # highlights screen), on another screen.
            self.refresh_marks()
            self.load_highlights()

    # -- actions ----------------------------------------------------------

    def action_back(self) -> None:
        """One step back at a time: the find box, the side panel, a selection, and
        only then the article itself."""
        find = self.query_one("#find", Input)
        panel = self.query_one(EntityPanel)
        if find.display:
            self._close_find()
        elif panel.has_focus or self.has_class("-show-panel"):
            self.remove_class("-show-panel")
            self.query_one(ArticleView).focus()
        elif self.passages.anchor is not None:
            self.passages.anchor = None
            self.refresh_marks()
        else:
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
            self.match_index = (
                (after[0] if after else 0)
                if direction > 0
                else (after[0] - 1 if after else len(self.matches) - 1)
            )
        else:
            self.match_index = (self.match_index + direction) % len(self.matches)
        self.refresh_marks()
        self.query_one(ArticleView).scroll_to_offset(self.matches[self.match_index][0])

    def action_next_quote(self) -> None:
        self._step_quote(1)

    def action_previous_quote(self) -> None:
        self._step_quote(-1)

    def _step_quote(self, direction: int) -> None:
        quotes = self.stored.quotes if self.stored is not None else ()
        if not quotes:
            self.notify("no quotes in this article", timeout=2)
            return
        if self.quote_index < 0:
            visible = self.query_one(ArticleView).first_visible_offset()
            after = [i for i, q in enumerate(quotes) if q.start >= visible]
            first = after[0] if after else len(quotes)
            self.quote_index = first % len(quotes) if direction > 0 else (first - 1) % len(quotes)
        else:
            self.quote_index = (self.quote_index + direction) % len(quotes)
        quote = quotes[self.quote_index]
        # The sentence cursor goes to the quote: h keeps it, with its speaker.
        self.passages.place(quote.start)
        self.refresh_marks()
        self.query_one(ArticleView).bring_into_view(quote.start, quote.end)

    def _on_current_quote(self) -> bool:
        """Whether a quote was stepped to and the cursor (if shown) is still on it."""
        if self.stored is None or not 0 <= self.quote_index < len(self.stored.quotes):
            return False
        span = self.passages.span()
        quote = self.stored.quotes[self.quote_index]
        return span is None or (span[0] < quote.end and quote.start < span[1])

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

    # -- corrections to people (side panel keys) ----------------------------

    @on(EntityPanel.CorrectionAsked)
    def _correction_asked(self, event: EntityPanel.CorrectionAsked) -> None:
        name = event.name

        def not_a_person(yes: bool | None) -> None:
            if yes:
                self.correct_people("not-a-person", name)

        def rename(new: str | None) -> None:
            if new and new != name:
                self.correct_people("rename", name, new)

        def merge(other: str | None) -> None:
            if other:
                self.correct_people("merge", name, other)

        if event.action == "undo":
            self.correct_people("undo", "")
        elif event.action == "not-a-person":
            question = f"Mark {terminal_safe(name, one_line=True)} as no person in the whole library?"
            self.app.push_screen(ConfirmScreen(question), not_a_person)
        elif event.action == "rename":
            self.app.push_screen(PersonNameScreen(f"Rename {name} to", value=name), rename)
        elif event.action == "merge":
            prompt = PersonNameScreen(f"The same person as {name}:", placeholder="another person's name")
            self.app.push_screen(prompt, merge)

    @work(thread=True, exclusive=True, group="people-correction", exit_on_error=False)
    def correct_people(self, action: str, name: str, other: str = "") -> None:
        self.post_message(PeopleCorrected(self.app.service.correct_people(action, name, other)))

    @on(PeopleCorrected)
    def _people_corrected(self, message: PeopleCorrected) -> None:
        self.notify(terminal_safe(message.done, one_line=True), timeout=4, markup=False)
        self.load_article()  # names, highlights and the panel as corrected

    @on(ArticleView.Clicked)
    def _clicked(self, event: ArticleView.Clicked) -> None:
        """A click on a highlighted name searches by it, as the side panel does."""
        if self.stored is None or not self.app.show_entities:
            return
        for span in self.stored.entities:
            if span.start <= event.offset < span.end:
                self.app.search_entity(span.label, span.name)
                return

    # -- out of the article: its page, the library --------------------------------

    def action_open_original(self) -> None:
        original = self._original()
        if original is not None:
            self.open_in_browser(original)

    @work(thread=True, group="browser", exit_on_error=False)
    def open_in_browser(self, original: Original) -> None:
        # In a thread: starting a browser can take a moment.
        opened = open_in_browser(original.uri)
        self.app.call_from_thread(self._browser_answered, original, opened)

    def _browser_answered(self, original: Original, opened: bool) -> None:
        shown = terminal_safe(original.address, one_line=True)
        if opened:
            self.notify(f"opened the {original.kind} in the browser", timeout=3)
        else:
            self.notify(
                f"no browser to open it with (set $BROWSER); the {original.kind} is {shown}"
                f" · {self.app.key_hint('copy_url')} copies it",
                severity="warning",
                timeout=10,
                markup=False,
            )

    def action_copy_url(self) -> None:
        original = self._original()
        if original is None:
            return
        self.app.copy_to_clipboard(original.address)
        shown = terminal_safe(original.address, one_line=True)
        # OSC 52 goes to the terminal, which may ignore it; there is no answer to
        # wait for, so the address is shown too, to copy by hand if need be.
        self.notify(
            f"copied {shown} (if your terminal ignores OSC 52 copies, select it here)",
            timeout=10,
            markup=False,
        )

    def _original(self) -> Original | None:
        if self.stored is None:
            return None
        original = original_of(self.stored.article)
        if original is None:
            self.notify(
                "this article has no web address, and its file is gone", severity="warning", timeout=4
            )
        return original

    def action_search_selection(self) -> None:
        """Search the library for the words selected with the mouse, else for a name
        in the sentence (or selection) at the cursor: one at once, several to pick."""
        selected = (self.get_selected_text() or "").strip()
        if selected:
            self.app.search_text(selected)
            return
        span = self.cursor_span()
        if self.stored is None or span is None:
            self.notify(
                f"select words with the mouse, or put the cursor on a sentence "
                f"({self.app.key_hint('next_sentence', 'previous_sentence')}) first",
                timeout=4,
            )
            return
        names = names_in(self.stored, *span)
        if not names:
            self.notify("no person, organisation or place in this sentence", timeout=3)
        elif len(names) == 1:
            self.app.search_entity(*names[0])
        else:

            def chosen(choice: tuple[str, str] | None) -> None:
                if choice is not None:
                    self.app.search_entity(*choice)

            options = [(f"{name} ({LABELS.get(label, label)})", (label, name)) for label, name in names]
            self.app.push_screen(ChoiceScreen("Search the library for", options), chosen)

    def action_related(self) -> None:
        if self.stored is not None:
            self.app.show_related(self.stored, compare=False)

    def action_side_by_side(self) -> None:
        if self.stored is not None:
            self.app.show_related(self.stored, compare=True)

    def action_open_story(self) -> None:
        if self.stored is not None:
            self.app.open_story(self.stored.id)


def _index_at(matches: list[tuple[int, int]], offset: int) -> int:
    for index, (start, _) in enumerate(matches):
        if start >= offset:
            return index
    return -1


LABELS = {"PERSON": "person", "ORG": "organisation", "PLACE": "place"}


def names_in(stored: StoredArticle, start: int, end: int) -> list[tuple[str, str]]:
    """(label, name) of the entities mentioned in ``start..end``, first mention first."""
    found: dict[tuple[str, str], None] = {}
    for span in sorted(stored.entities, key=lambda e: e.start):
        if span.start < end and start < span.end and span.label in LABELS:
            found.setdefault((span.label, span.name), None)
    return list(found)
