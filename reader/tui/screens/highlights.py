"""Every highlight across articles: quote, article, note, tags and date; filtered
as you type (words of the quote, note or title, or ``#tag``); enter opens the
article at the passage."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker

from reader.ingest.sanitize import terminal_safe
from reader.library import ArticleHighlights, PlacedHighlight, WordsFilter
from reader.tui import keys
from reader.tui.changes import CHANGE_GROUP, HighlightChanged, change_highlights, undone
from reader.tui.screens.base import ReaderScreen
from reader.tui.screens.highlighting import edit_highlight
from reader.tui.widgets.footer import FittingFooter
from reader.tui.widgets.inputs import ReaderInput

_QUOTE_CHARS = 300


@dataclass(frozen=True, slots=True)
class ListedHighlight:
    group: ArticleHighlights
    placed: PlacedHighlight


@dataclass
class HighlightsListed(Message):
    listed: list[ListedHighlight]


class HighlightsScreen(ReaderScreen[None]):
    BINDINGS = [*keys.HIGHLIGHTS]
    AUTO_FOCUS = "#highlights-list"

    def __init__(self) -> None:
        super().__init__(classes="highlights")
        self.listed: list[ListedHighlight] = []
        self.shown: list[ListedHighlight] = []

    def compose(self) -> ComposeResult:
        yield Static("Highlights", id="highlights-title", markup=False)
        yield ReaderInput(
            placeholder="filter: words of the quote, note or title; #tag",
            id="highlights-filter",
            compact=True,
        )
        yield Static("Reading the highlights…", id="highlights-status", markup=False)
        yield OptionList(id="highlights-list")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.load()

    def on_screen_resume(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="highlights-list", exit_on_error=False)
    def load(self) -> None:
        groups = self.app.service.all_highlights()
        listed = [ListedHighlight(group, placed) for group in groups for placed in group.highlights]
        listed.sort(key=lambda item: item.placed.highlight.created, reverse=True)
        self.post_message(HighlightsListed(listed))

    def worker_failed(self, worker: Worker, message: str) -> None:
        if worker.group == "highlights-list":
            self.query_one("#highlights-status", Static).update(message)
            return
        super().worker_failed(worker, message)
        if worker.group == CHANGE_GROUP:
            self.load()  # show the highlights as they are

    @on(HighlightsListed)
    def _listed(self, message: HighlightsListed) -> None:
        self.listed = message.listed
        self._show()

    def filter_text(self) -> str:
        return self.query_one("#highlights-filter", Input).value.strip()

    def export_description(self) -> str:
        """Which highlights an export from here writes: what the filter shows."""
        shown = len(self.shown)
        which = f"{shown} highlight{'s' if shown != 1 else ''}"
        if self.filter_text():
            filter_text = terminal_safe(self.filter_text(), one_line=True)
            return f"The {which} the filter “{filter_text}” shows."
        return f"All {which}."

    def _show(self) -> None:
        wanted = WordsFilter.parse(self.filter_text())
        self.shown = [item for item in self.listed if wanted.matches(item.group, item.placed)]
        options = self.query_one("#highlights-list", OptionList)
        before = options.highlighted
        entries: list[Option | None] = []
        for number, item in enumerate(self.shown):
            if number:
                entries.append(None)
            entries.append(Option(self._prompt(item), id=item.placed.highlight.id))
        options.set_options(entries)
        if self.shown:
            options.highlighted = min(before or 0, len(entries) - 1)
            if options.highlighted is not None and entries[options.highlighted] is None:
                options.highlighted -= 1
        total = len(self.listed)
        status = f"{total} highlight{'s' if total != 1 else ''}"
        if len(self.shown) != total:
            status += f", {len(self.shown)} shown"
        hint = self.app.key_hint
        status += (
            f" · enter opens · {hint('edit_listed_highlight')} note · {hint('delete_listed_highlight')} deletes"
            f" · {hint('undo_listed_highlight')} undoes · {hint('filter_highlights')} filters"
            f" · {hint('export_highlights')} exports {'these' if self.filter_text() else 'all'}"
            if total
            else f" · read an article and press {hint('highlight')} to make one"
        )
        self.query_one("#highlights-status", Static).update(status)

    def _prompt(self, item: ListedHighlight) -> Text:
        h = item.placed.highlight
        quote = terminal_safe(h.quote, one_line=True)
        if len(quote) > _QUOTE_CHARS:
            quote = quote[:_QUOTE_CHARS] + "…"
        text = Text(f"“{quote}”", style="italic")
        text.append("\n")
        facts = [terminal_safe(item.group.title, one_line=True) or "(untitled)", h.created[:10]]
        if h.orphaned:
            facts.append("passage no longer in the text")
        text.append(" · ".join(facts), style="bold")
        if h.tags:
            text.append("  " + " ".join(f"#{terminal_safe(t, one_line=True)}" for t in h.tags), style="dim")
        if h.note:
            text.append("\n")
            text.append(terminal_safe(h.note, one_line=True), style="dim")
        return text

    @on(Input.Changed, "#highlights-filter")
    def _filtered(self) -> None:
        self._show()

    @on(Input.Submitted, "#highlights-filter")
    def _filter_done(self) -> None:
        self.action_focus_list()

    def selected(self) -> ListedHighlight | None:
        options = self.query_one("#highlights-list", OptionList)
        if options.highlighted is None:
            return None
        wanted = options.get_option_at_index(options.highlighted).id
        return next((item for item in self.shown if item.placed.highlight.id == wanted), None)

    @on(OptionList.OptionSelected, "#highlights-list")
    def _open(self) -> None:
        item = self.selected()
        if item is None:
            return
        if not item.group.in_library:
            self.notify("that article is no longer in the library", severity="warning", timeout=3)
            return
        h = item.placed.highlight
        self.app.open_article(item.group.article_id, offset=h.start, cursor=True)

    def action_back(self) -> None:
        """One step back at a time: clear the filter, leave its box, then the list."""
        filter_box = self.query_one("#highlights-filter", Input)
        if filter_box.has_focus and filter_box.value:
            filter_box.value = ""
        elif filter_box.has_focus:
            self.action_focus_list()
        else:
            self.dismiss()

    def action_focus_filter(self) -> None:
        self.query_one("#highlights-filter", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one("#highlights-list", OptionList).focus()

    def action_edit_selected(self) -> None:
        item = self.selected()
        if item is not None:
            edit_highlight(self, item.placed.highlight, "undo_listed_highlight")

    def action_delete_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        highlight_id = item.placed.highlight.id
        change_highlights(
            self,
            lambda: self.app.service.delete_highlight(highlight_id),
            f"highlight deleted · {self.app.key_hint('undo_listed_highlight')} undoes",
        )

    def action_undo(self) -> None:
        change_highlights(self, self.app.service.undo_highlight, undone)

    @on(HighlightChanged)
    def _changed(self, message: HighlightChanged) -> None:
        self.notify(message.done, timeout=3, markup=False)
        self.load()
