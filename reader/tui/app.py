"""The news-reader application: screens, the library door, keymap, theme and palette."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.message import Message
from textual.reactive import var
from textual.widgets import Static
from textual.worker import Worker

from reader.config import ConfigError, load_config, save_theme
from reader.ingest.sanitize import terminal_safe
from reader.tui import keys
from reader.tui.commands import ActionsProvider
from reader.tui.failures import ReportsFailures
from reader.tui.screens.search import SearchScreen
from reader.tui.service import LibraryService

# The first screen is the search screen: the others, and export, are loaded when
# first shown (start-up).
if TYPE_CHECKING:
    from reader.export import MarkdownExport
    from reader.library import AddProgress, StoredArticle, Story
    from reader.tui.screens.highlights import HighlightsScreen
    from reader.tui.screens.people import PeopleScreen
    from reader.tui.screens.reading import ReadingScreen

log = logging.getLogger("news_reader.tui")


@dataclass
class LibraryOpened(Message):
    pass


@dataclass
class LibraryOpening(Message):
    """What opening the library is doing now, for the search screen's status line."""

    status: str


@dataclass
class RelatedLoaded(Message):
    stored: StoredArticle
    related: list
    compare: bool


@dataclass
class StoryReady(Message):
    ref: str
    story: Story


@dataclass
class ExportDone(Message):
    """An export was written (``path``), found nothing, or the file exists already."""

    path: Path
    front_matter: bool
    words: str = ""  # the highlights list's filter, when it chose what to export
    export: MarkdownExport | None = None
    written: bool = False
    exists: bool = False
    story: str | None = None  # the brief of this story, not the highlights


def opening_status(state: AddProgress) -> str:
    """What opening the library is busy with, for a user waiting on it."""
    if state.stage == "index":
        done, total = state.articles_done, state.articles_total
        share = f" ({done * 100 // total}%)" if total else ""
        return f"Rebuilding the search index: {done:,} of {total:,} articles{share}…"
    return (
        f"Indexing the sample articles of a new library: {state.files_done} of {state.files_total} files, "
        f"{state.articles_done} articles…"
    )


class NewsReaderApp(ReportsFailures, App[None]):
    CSS_PATH = "news_reader.tcss"
    TITLE = "news-reader"
    BINDINGS = [*keys.APP, *keys.QUOTES_EVERYWHERE]
    COMMANDS = App.COMMANDS | {ActionsProvider}

    show_entities: var[bool] = var(True)

    def __init__(
        self,
        library: str | Path | None = None,
        *,
        service: LibraryService | None = None,
        config: Path | None = None,
    ) -> None:
        super().__init__()
        _start_resource_tracker()
        self.service = service or LibraryService(library)
        self.config_file = config
        self.keymap_warnings: tuple[str, ...] = ()
        self.remapped_keys: dict[str, str] = {}  # binding id -> keys, from the config file
        self._spare_reading: ReadingScreen | None = None
        self.last_export_path: Path | None = None  # the prompt offers it again
        self._kept_theme = ""  # the theme the config file holds (or the default)

    def on_mount(self) -> None:
        loaded = load_config(keys.binding_ids(), self.config_file)
        if loaded.keys:
            self.set_keymap(loaded.keys)
        self.remapped_keys = dict(loaded.keys)
        warnings = list(loaded.warnings)
        if loaded.theme in self.available_themes:
            self.theme = loaded.theme
        elif loaded.theme:
            warnings.append(f"{loaded.path}: no theme {loaded.theme!r}; ctrl+p lists the themes")
        self._kept_theme = self.theme
        self.keymap_warnings = tuple(warnings)
        for warning in warnings:
            self.notify(terminal_safe(warning, one_line=True), severity="warning", timeout=8, markup=False)
        if "devtools" in self.features:  # news-reader --dev: the reader's own log in `textual console` too
            from textual.logging import TextualHandler

            logging.getLogger("news_reader").addHandler(TextualHandler(stderr=False))
            logging.getLogger("news_reader").setLevel(logging.DEBUG)
        log.info("reader started: library %s, theme %s", self.service.folder or "(default)", self.theme)
        self.theme_changed_signal.subscribe(self, self._theme_changed)
        self.push_screen(SearchScreen())
        self.open_library()

    def on_unmount(self) -> None:
        self.service.close()

    def keys_of(self, binding: Binding) -> str:
        """The keys bound to ``binding`` now, as the footer shows them (a remap in the
        config file wins): what every key hint is built from."""
        raw = self.remapped_keys.get(binding.id, binding.key) if binding.id else binding.key
        shown = [self.get_key_display(Binding(key.strip(), binding.action)) for key in raw.split(",")]
        return " ".join(dict.fromkeys(shown))

    def key_hint(self, *binding_ids: str) -> str:
        """The first key of each binding now, joined by "/" ("n/N"): the key hints in
        status lines and dialogs are built from this, so a remap shows in them."""
        return "/".join(self.keys_of(keys.by_id(binding_id)).split(" ")[0] for binding_id in binding_ids)

    # -- the library --------------------------------------------------------

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def open_library(self) -> None:
        def waiting(message: str) -> None:
            self.post_message(LibraryOpening(message))

        def progress(state: AddProgress) -> None:
            self.post_message(LibraryOpening(opening_status(state)))

        self.service.open(progress=progress, on_wait=waiting)
        self.post_message(LibraryOpened())

    @on(LibraryOpening)
    def _library_opening(self, message: LibraryOpening) -> None:
        self.search_screen().query_one("#search-status", Static).update(
            terminal_safe(message.status, one_line=True)
        )

    @on(LibraryOpened)
    def _library_opened(self) -> None:
        self.search_screen().library_opened()

    def worker_failed(self, worker: Worker, message: str) -> None:
        if worker.group == "library":
            status = self.search_screen().query_one("#search-status", Static)
            status.update(message)
            status.add_class("-error")
            return
        super().worker_failed(worker, message)

    # -- navigation ---------------------------------------------------------

    def search_screen(self) -> SearchScreen:
        for screen in self.screen_stack:
            if isinstance(screen, SearchScreen):
                return screen
        raise LookupError("no search screen")

    def show_search(
        self, *, focus_query: bool = False, text: str | None = None, person: str | None = None
    ) -> None:
        search = self.search_screen()
        while self.screen is not search:
            self.pop_screen()
        if text is not None or person is not None:
            search.set_filters(text=text or "", person=person or "")
        if focus_query:
            search.action_focus_query()
        else:
            search.action_focus_results()

    def search_entity(self, label: str, name: str) -> None:
        """Search the library by a person (the person filter) or an organisation or
        place (a field query)."""
        if label == "PERSON":
            self.show_search(person=name)
        else:
            field = "org" if label == "ORG" else "place"
            self.show_search(text=f'{field}:"{name.replace(chr(34), "")}"')

    def search_text(self, text: str) -> None:
        """Search the library for ``text`` (words picked in an article): a phrase
        when it is several words."""
        words = " ".join(text.replace(chr(34), " ").split())
        if words:
            self.show_search(text=f'"{words}"' if " " in words else words)

    def open_article(
        self, article_id: str, query: str = "", offset: int | None = None, cursor: bool = False
    ) -> None:
        """Read an article; ``cursor``: put the sentence cursor at ``offset``."""
        from reader.tui.screens.reading import ReadingScreen

        # One reading screen is kept (installed) and reused while it is not on the
        # stack; an article opened from on top of it (a related piece) gets its own.
        spare = self._spare_reading
        if spare is not None and spare not in self.screen_stack:
            spare.reset(article_id, query=query, offset=offset, cursor=cursor)
            self.push_screen(spare)
            return
        screen = ReadingScreen(article_id, query=query, offset=offset, cursor=cursor)
        if spare is None:
            self._spare_reading = screen
            self.install_screen(screen, name="reading")
        self.push_screen(screen)

    def open_side_by_side(self, left_id: str, right_id: str) -> None:
        from reader.tui.screens.compare import CompareScreen

        self.push_screen(CompareScreen(left_id, right_id))

    def open_story(self, ref: str) -> None:
        """The story of an article (or a story by its id): outlets and timeline. The
        story is read first and the screen opens with it."""
        self.load_story_view(ref)

    @work(thread=True, exclusive=True, group="story-view", exit_on_error=False)
    def load_story_view(self, ref: str) -> None:
        self.post_message(StoryReady(ref, self.service.story(ref)))

    @on(StoryReady)
    def _story_ready(self, message: StoryReady) -> None:
        if len(message.story.articles) < 2:
            # A view of one article on a timeline would only repeat the article.
            self.notify("no other article in the library is about this event", timeout=4)
            return
        from reader.tui.screens.story import StoryScreen

        self.push_screen(StoryScreen(message.ref, message.story))

    def export_story(self, story_id: str) -> None:
        """Ask for a path, then write the story's Markdown brief there."""
        from reader.tui.screens.dialogs import ExportScreen

        def chosen(answer: tuple[Path, bool] | None) -> None:
            if answer is not None:
                self.write_story_export(story_id, answer[0])

        what = "The story's timeline, who said what, and your highlights in it."
        brief = ExportScreen(
            f"story-{story_id}.md", what, title="Export the story as a brief", front_matter=False
        )
        self.push_screen(brief, chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write_story_export(self, story_id: str, path: Path, force: bool = False) -> None:
        from reader.export import ExportExists, write_atomically

        export = self.service.export_story(story_id)
        try:
            written = write_atomically(path, export.text, force=force)
        except ExportExists:
            self.post_message(ExportDone(path, False, exists=True, story=story_id))
        else:
            self.post_message(ExportDone(written, False, export=export, written=True, story=story_id))

    def replace_with_reading(self, screen, article_id: str) -> None:
        """Close ``screen`` (a side-by-side view) and read ``article_id``."""
        from reader.tui.screens.reading import ReadingScreen

        self.pop_screen()
        below = self.screen
        if isinstance(below, ReadingScreen) and below.article_id == article_id:
            return
        self.open_article(article_id)

    def show_related(self, stored: StoredArticle, compare: bool) -> None:
        self.load_related(stored, compare)

    @work(thread=True, exclusive=True, group="related", exit_on_error=False)
    def load_related(self, stored: StoredArticle, compare: bool) -> None:
        self.post_message(RelatedLoaded(stored, self.service.related(stored.id), compare))

    @on(RelatedLoaded)
    def _related_loaded(self, message: RelatedLoaded) -> None:
        def chosen(choice: tuple[str, str] | None) -> None:
            if choice is None:
                return
            verb, other_id = choice
            if verb == "compare":
                self.open_side_by_side(message.stored.id, other_id)
            else:
                self.open_article(other_id)

        from reader.tui.screens.related import RelatedScreen

        self.push_screen(RelatedScreen(message.stored, message.related, message.compare), chosen)

    # -- app-wide actions -----------------------------------------------------

    def action_help(self) -> None:
        from reader.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_show_highlights(self) -> None:
        from reader.tui.screens.highlights import HighlightsScreen

        self._bring_up(HighlightsScreen)

    def action_show_people(self) -> None:
        from reader.tui.screens.people import PeopleScreen

        self._bring_up(PeopleScreen)

    def _bring_up(self, kind: type[HighlightsScreen] | type[PeopleScreen]) -> None:
        """Show the one screen of ``kind``: the one on the stack if there is one."""
        if not self.service.ready:
            self.notify("the library is still opening", timeout=2)
            return
        for screen in self.screen_stack:
            if isinstance(screen, kind):
                while self.screen is not screen:
                    self.pop_screen()
                return
        self.push_screen(kind())

    # -- export -------------------------------------------------------------

    def action_export_highlights(self) -> None:
        """Export to Markdown: every highlight, or on the highlights list what its
        filter shows."""
        from reader.tui.screens.dialogs import DEFAULT_EXPORT_PATH, ExportScreen
        from reader.tui.screens.highlights import HighlightsScreen

        if not self.service.ready:
            self.notify("the library is still opening", timeout=2)
            return
        if isinstance(self.screen, ExportScreen):
            return
        listed = self.screen if isinstance(self.screen, HighlightsScreen) else None
        words = listed.filter_text() if listed is not None else ""
        what = listed.export_description() if listed is not None else ""

        def chosen(answer: tuple[Path, bool] | None) -> None:
            if answer is not None:
                self.last_export_path = answer[0]
                self.write_export(*answer, words=words)

        default = str(self.last_export_path) if self.last_export_path else DEFAULT_EXPORT_PATH
        self.push_screen(ExportScreen(default, what), chosen)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def write_export(self, path: Path, front_matter: bool, force: bool = False, words: str = "") -> None:
        from reader.export import ExportExists, write_atomically

        export = self.service.export_highlights(front_matter, words)
        if export is None:
            self.post_message(ExportDone(path, front_matter, words))
            return
        try:
            written = write_atomically(path, export.text, force=force)
        except ExportExists:
            self.post_message(ExportDone(path, front_matter, words, exists=True))
        else:
            self.post_message(ExportDone(written, front_matter, words, export, written=True))

    @on(ExportDone)
    def _export_done(self, message: ExportDone) -> None:
        if message.exists:

            def answered(overwrite: bool | None) -> None:
                if overwrite and message.story:
                    self.write_story_export(message.story, message.path, force=True)
                elif overwrite:
                    self.write_export(message.path, message.front_matter, force=True, words=message.words)
                else:
                    self.notify("not exported: the file was left as it was", timeout=4)

            from reader.tui.screens.dialogs import ConfirmScreen

            self.push_screen(ConfirmScreen(f"{message.path} exists. Overwrite it?"), answered)
        elif message.story:
            self.notify(
                terminal_safe(f"wrote the story's brief to {message.path}", one_line=True), markup=False
            )
        elif message.export is None:
            if message.words:
                self.notify("the filter shows no highlights: nothing exported", timeout=5)
            else:
                key = self.key_hint("highlight")
                self.notify(f"no highlights to export yet: press {key} while reading to make one", timeout=5)
        else:
            passages = message.export.passages
            articles = message.export.articles
            which = f" (those the filter “{message.words}” shows)" if message.words else ""
            self.notify(
                terminal_safe(
                    f"exported {passages} passage{'s' if passages != 1 else ''} from {articles} "
                    f"article{'s' if articles != 1 else ''}{which} to {message.path}",
                    one_line=True,
                ),
                timeout=8,
                markup=False,
            )

    # -- the theme --------------------------------------------------------------

    def _theme_changed(self, _theme) -> None:
        self._restyle()
        if self.theme != self._kept_theme:
            self._kept_theme = self.theme
            try:
                save_theme(self.theme, self.config_file)
            except ConfigError as exc:
                self.notify(terminal_safe(exc.message, one_line=True), severity="warning", markup=False)

    def _restyle(self) -> None:
        # Prompts of option lists hold resolved styles: rebuild them in the new colours.
        from reader.tui.screens.reading import ReadingScreen
        from reader.tui.widgets.entity_panel import EntityPanel
        from reader.tui.widgets.results import ResultsList

        for screen in self.screen_stack:
            for results in screen.query(ResultsList):
                results.restyle()
            for panel in screen.query(EntityPanel):
                panel.restyle()
            if isinstance(screen, ReadingScreen) and screen.stored is not None:
                screen.call_after_refresh(screen.refresh_marks)


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker while ``sys.stderr`` is still the
    real one. Opening a library may index in worker processes (the first run, an
    index to rebuild), and the tracker, started on first use, hands its process
    ``sys.stderr.fileno()``: under Textual that is a capture object whose fileno is
    -1 ("bad value(s) in fds_to_keep")."""
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
