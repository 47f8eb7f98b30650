"""The search screen: query box, filters, results; searches as you type.

Each change re-arms a short timer; when it fires, a thread worker runs the search
(``exclusive`` so a newer search replaces an older one). The older worker is
cancelled and the library stops its work at the next look (``cancelled``), so a slow
query never holds up the next one. Results carry the request they answer, and a
result for anything but the current request is dropped, so a slow search can never
overwrite a newer one. Scrolling near the end of the list loads the next page.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.timer import Timer
from textual.widgets import Input, Static
from textual.worker import Worker, get_current_worker

from reader.ingest.sanitize import terminal_safe
from reader.tui import keys
from reader.tui.screens.base import ReaderScreen
from reader.tui.service import SearchRequest
from reader.tui.widgets.footer import FittingFooter
from reader.tui.widgets.inputs import ReaderInput
from reader.tui.widgets.results import ResultsList

# The library (Whoosh, the store) is loaded by the worker that opens it, while the
# first screen is drawn: this screen's workers import what they catch when they run.
if TYPE_CHECKING:
    from reader.library import SearchResults, StoredArticle

DEBOUNCE_SECONDS = 0.15
# Hits asked for at a time; the next page loads as the list is scrolled. A page of
# search hits costs a passage search in each body: two screenfuls are enough. The
# opening list (newest first) comes straight from the store.
PAGE_SIZE = 20
BROWSE_PAGE_SIZE = 50
WATCH_SECONDS = 3.0  # how often to look for articles added from another terminal


@dataclass
class SearchFinished(Message):
    request: SearchRequest
    results: SearchResults | None
    error: str | None = None
    generation: int = -1
    offset: int = 0  # a later page of the same request when above 0
    copies: dict[str, list[StoredArticle]] = field(default_factory=dict)  # hit id -> its other copies


@dataclass
class CountFinished(Message):
    request: SearchRequest
    total: int


@dataclass
class MergeProgress(Message):
    done_total: tuple[int, int] | None  # None: no merge running


@dataclass
class LibraryChanged(Message):
    generation: int


@dataclass
class PeopleKnown(Message):
    names: list[str]


class SearchScreen(ReaderScreen[None]):
    BINDINGS = [*keys.SEARCH, *keys.COPIES, *keys.STORY_OPEN]
    AUTO_FOCUS = "#query"

    def __init__(self) -> None:
        super().__init__(id="search")
        self._timer: Timer | None = None
        self._sort = "relevance"
        self._unread = False  # only articles not read yet
        self.current: SearchRequest | None = None
        self.last_results: SearchResults | None = None
        self.shown_generation = -1  # the library generation the results come from
        self._open_when_found = False  # enter was pressed before the results came
        self._shown_request: SearchRequest | None = None  # what the shown results answer
        self._people_asked = False  # the names for the person box, asked once the first answer is in

    def compose(self) -> ComposeResult:
        yield ReaderInput(
            placeholder='Search: words, "a phrase", person:putin, date:2015-10 …',
            id="query",
            compact=True,
            select_on_focus=False,
        )
        with Horizontal(id="filters"):
            yield ReaderInput(placeholder="person", id="filter-person", compact=True)
            yield ReaderInput(placeholder="source", id="filter-source", compact=True)
            yield ReaderInput(placeholder="date (2015-10)", id="filter-date", compact=True)
        yield Static("Opening the library…", id="search-status", markup=False)
        merging = Static("", id="merge-status", markup=False)
        merging.display = False
        yield merging
        yield ResultsList(id="results")
        yield FittingFooter()

    # -- reacting to the user -------------------------------------------

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.input.id and (event.input.id == "query" or event.input.id.startswith("filter-")):
            self.schedule_search()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        """Enter in a search box opens the top hit (once the results for what was
        typed are in); with no hits it moves to the list (a "did you mean")."""
        if self._shown_request == self.request() and self._timer is None:
            self._open_top_hit()
            return
        self._open_when_found = True
        self.search_now()

    def _open_top_hit(self) -> None:
        self._open_when_found = False
        results = self.query_one(ResultsList)
        hit = results.selected_hit() or (results.hits[0] if results.hits else None)
        if hit is not None:
            results.post_message(ResultsList.HitChosen(results, hit))
        elif results.option_count:
            results.focus()

    @on(ResultsList.HitChosen)
    def _open(self, event: ResultsList.HitChosen) -> None:
        request = self.current or SearchRequest("")
        words = "" if request.browsing else request.text
        self.app.open_article(event.hit.id, query=words, offset=_best_passage_start(event.hit))

    @on(ResultsList.SuggestionChosen)
    def _take_suggestion(self, event: ResultsList.SuggestionChosen) -> None:
        query = self.query_one("#query", Input)
        query.value = event.suggestion
        query.cursor_position = len(event.suggestion)
        query.focus()  # typing goes on after the word, not into the results' keys
        self.search_now()

    def action_toggle_copies(self) -> None:
        if not self.query_one(ResultsList).toggle_copies():
            self.notify("this result has no copies", timeout=2)

    def action_open_story(self) -> None:
        hit = self.query_one(ResultsList).selected_hit()
        if hit is not None:
            self.app.open_story(hit.id)

    def action_focus_query(self) -> None:
        query = self.query_one("#query", Input)
        query.focus()
        query.select_all()  # "/" then typing starts a new query

    def action_focus_results(self) -> None:
        self.query_one(ResultsList).focus()

    def action_toggle_sort(self) -> None:
        self._sort = "date" if self._sort == "relevance" else "relevance"
        self.notify(f"sorted by {self._sort}", timeout=2)
        self.search_now()

    def action_toggle_unread(self) -> None:
        self._unread = not self._unread
        self.notify("only unread articles" if self._unread else "read and unread articles", timeout=2)
        self.search_now()

    def action_clear_filters(self) -> None:
        for widget in self.query(Input):
            widget.value = ""
        self.search_now()

    def set_filters(self, *, text: str = "", person: str = "", source: str = "", date: str = "") -> None:
        """Start a new search (used by the people panel and the palette)."""
        values = {"query": text, "filter-person": person, "filter-source": source, "filter-date": date}
        for widget_id, value in values.items():
            widget = self.query_one(f"#{widget_id}", Input)
            with widget.prevent(Input.Changed):
                widget.value = value
        self.search_now()

    # -- running searches -------------------------------------------------

    def request(self) -> SearchRequest:
        value = lambda widget_id: self.query_one(f"#{widget_id}", Input).value  # noqa: E731
        request = SearchRequest(
            text=value("query"),
            person=value("filter-person"),
            source=value("filter-source"),
            date=value("filter-date"),
            sort=self._sort,
            unread=self._unread,
            limit=PAGE_SIZE,
        )
        return replace(request, limit=BROWSE_PAGE_SIZE) if request.browsing else request

    def schedule_search(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_SECONDS, self.search_now)

    def search_now(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if not self.app.service.ready:
            return  # library_opened() searches once the library is there
        self.current = self.request()
        self.query_one("#search-status", Static).update("Searching…")
        self.run_search(self.current)

    def library_opened(self) -> None:
        self.search_now()
        self.set_interval(WATCH_SECONDS, self.watch_library)

    @work(thread=True, exclusive=True, group="people", exit_on_error=False)
    def load_people(self) -> None:
        self.post_message(PeopleKnown(self.app.service.people_names()))

    @on(PeopleKnown)
    def _people_known(self, message: PeopleKnown) -> None:
        # The person box completes names as they are typed (right arrow takes them).
        person = self.query_one("#filter-person", Input)
        person.suggester = SuggestFromList(message.names, case_sensitive=False)

    @work(thread=True, exclusive=True, group="watch", exit_on_error=False)
    def watch_library(self) -> None:
        generation = self.app.service.generation()
        if generation != self.shown_generation:
            self.post_message(LibraryChanged(generation))
        self.post_message(MergeProgress(self.app.service.merge_progress()))

    @on(MergeProgress)
    def _merge_progress(self, message: MergeProgress) -> None:
        merging = self.query_one("#merge-status", Static)
        merging.display = message.done_total is not None
        if message.done_total is not None:
            done, total = message.done_total
            step = "writing the merged index" if done >= total else f"{done:,} of {total:,} articles"
            merging.update(f"Merging the index in the background for faster searches: {step}")

    @on(LibraryChanged)
    def _library_changed(self, message: LibraryChanged) -> None:
        if self.shown_generation < 0 or message.generation == self.shown_generation:
            return
        # Refresh in place unless the user is moving through the results: a list
        # that reorders under the cursor loses their place.
        if self.app.screen is self and not self.query_one(ResultsList).has_focus:
            self.search_now()
            self.load_people()
        else:
            self.query_one("#search-status", Static).update(
                f"The library has changed: {self.app.key_hint('focus_search')} and enter to search again"
            )

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, request: SearchRequest, offset: int = 0) -> None:
        from reader.library import QueryError, SearchCancelled

        worker = get_current_worker()
        try:
            generation = self.app.service.generation()
            results = self.app.service.search(request, offset, cancelled=lambda: worker.is_cancelled)
            copies = self.app.service.copies_of([hit.id for hit in results.hits])
        except SearchCancelled:
            return  # a newer search took over
        except QueryError as exc:  # the user's to rewrite: an answer, not a failure
            self.post_message(SearchFinished(request, None, str(exc), offset=offset))
        else:
            self.post_message(
                SearchFinished(request, results, generation=generation, offset=offset, copies=copies)
            )

    @work(thread=True, exclusive=True, group="count", exit_on_error=False)
    def run_count(self, request: SearchRequest) -> None:
        from reader.library import QueryError, SearchCancelled

        worker = get_current_worker()
        try:
            total = self.app.service.count(request, cancelled=lambda: worker.is_cancelled)
        except (SearchCancelled, QueryError):
            return
        self.post_message(CountFinished(request, total))

    @on(CountFinished)
    def _counted(self, message: CountFinished) -> None:
        if message.request != self._shown_request or self.last_results is None:
            return
        self.last_results = replace(self.last_results, total=message.total, total_exact=True)
        results_list = self.query_one(ResultsList)
        results_list.set_more(len(results_list.hits) < message.total)
        status = self.query_one("#search-status", Static)
        status.update(_status_line(message.request, self.last_results, len(results_list.hits)))

    @on(ResultsList.NeedMore)
    def _load_more(self, message: ResultsList.NeedMore) -> None:
        if self._shown_request is not None and self._shown_request == self.current:
            self.run_search(self._shown_request, message.offset)

    def worker_failed(self, worker: Worker, message: str) -> None:
        # Failures of this screen's own work show in its status line.
        if worker.group in ("search", "watch", "people"):
            status = self.query_one("#search-status", Static)
            status.update(message)
            status.add_class("-error")
            return
        super().worker_failed(worker, message)

    @on(SearchFinished)
    def _show(self, message: SearchFinished) -> None:
        if message.request != self.current:
            return  # the user typed on since: this answer is stale
        status = self.query_one("#search-status", Static)
        results_list = self.query_one(ResultsList)
        if message.offset:
            if message.results is not None and message.offset == len(results_list.hits):
                known = self.last_results
                total = known.total if known is not None and known.total_exact else message.results.total
                results_list.copies.update(message.copies)
                results_list.extend(message.results.hits, message.offset + len(message.results.hits) < total)
                if known is not None:
                    status.update(_status_line(message.request, known, len(results_list.hits)))
            return
        if not self._people_asked:
            # Read after the first search (it takes the library's lock for a tenth
            # of a second on a large library): the first results come first.
            self._people_asked = True
            self.load_people()
        status.set_class(message.error is not None, "-error")
        if message.error is not None:
            self._open_when_found = False
            status.update(terminal_safe(message.error, one_line=True))
            results_list.show(())
            return
        results = message.results
        assert results is not None
        self.last_results = results
        self._shown_request = message.request
        self.shown_generation = message.generation
        results_list.copies = message.copies
        results_list.show(results.hits, None if results.hits else results.suggestion, more=results.more)
        status.update(_status_line(message.request, results, len(results.hits)))
        if not results.total_exact:
            self.run_count(message.request)
        if self._open_when_found and self.app.screen is self:
            self._open_top_hit()


def _status_line(request: SearchRequest, results: SearchResults, shown: int) -> str:
    if request.browsing:
        if request.unread:
            return f"{results.total} unread articles, newest first · type to search"
        if not results.total:
            return "The library is empty: add pages with `news-reader add PATH` (folders too)"
        return f"{results.total} articles in the library, newest first · type to search"
    if not results.hits:
        hint = (
            " · did you mean the suggestion below?"
            if results.suggestion
            else " · try fewer words or other filters"
        )
        return f"No articles match{hint}"
    if not results.total_exact:
        return f"{results.total}+ found (counting…) · sorted by {request.sort} · enter opens"
    found = f"{results.total}"
    more = f", {shown} shown (more as you scroll)" if shown < results.total else ""
    # "blair: Tony Blair (157); also Cherie Blair (4)": which person the filter took.
    people = "".join(f" · {terminal_safe(note, one_line=True)}" for note in results.person_notes)
    unread = " unread" if request.unread else ""
    return f"{found}{unread} found{more} · sorted by {request.sort} · enter opens{people}"


def _best_passage_start(hit) -> int | None:
    if not hit.passages:
        return None
    best = max(hit.passages, key=lambda p: (len(p.marks), -p.start))
    return best.marks[0][0] if best.marks else best.start
