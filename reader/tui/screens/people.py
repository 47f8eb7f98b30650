"""The People view: the library's people, the most quoted first, with article and
quote counts, aliases, roles and dates; choosing one lists what they said across the
library, the same quote in several outlets once ("also quoted by …", with another
outlet's changed words marked), filtered by words as you type. ``enter`` opens the
article at the quote, ``h`` keeps it as a highlight with the speaker in its note."""

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
from reader.library import PersonQuotes, QuotedPerson, QuoteGroup
from reader.tui import keys
from reader.tui.changes import HighlightChanged, change_highlights
from reader.tui.screens.base import ReaderScreen
from reader.tui.widgets.footer import FittingFooter
from reader.tui.widgets.inputs import ReaderInput

SHOWN_PEOPLE = 300  # rows of the people list; the filter finds the others
_QUOTE_CHARS = 400


LIST_GROUP = "people-list"
QUOTES_GROUP = "people-quotes"


@dataclass
class PeopleListed(Message):
    people: list[QuotedPerson]


@dataclass
class QuotesListed(Message):
    quotes: PersonQuotes
    words: str = ""


def _one_line(text: str | None) -> str:
    return terminal_safe(text or "", one_line=True)


def person_prompt(person: QuotedPerson) -> Text:
    text = Text(_one_line(person.name), style="bold")
    counts = f"  {person.statements} quote{'s' if person.statements != 1 else ''}"
    if person.quotes != person.statements:
        counts += f" (+{person.quotes - person.statements} fragments)"
    counts += f" · {person.articles} article{'s' if person.articles != 1 else ''}"
    if person.first:
        counts += f" · {person.first}" + (
            f" to {person.last}" if person.last and person.last != person.first else ""
        )
    text.append(counts, style="dim")
    details = []
    if person.roles:
        details.append(", ".join(_one_line(r) for r in person.roles[:3]))
    if person.aliases:
        details.append("also " + ", ".join(_one_line(a) for a in person.aliases[:4]))
    if details:
        text.append("\n  " + " · ".join(details), style="italic dim")
    return text


def quote_prompt(group: QuoteGroup) -> Text:
    hit = group.hit
    quote = _one_line(hit.text)
    if len(quote) > _QUOTE_CHARS:
        quote = quote[:_QUOTE_CHARS] + "…"
    text = Text(f"“{quote}”", style="italic")
    if hit.partial:
        text.append("  fragment", style="dim")
    facts = [hit.source, (hit.date or "")[:10], hit.title]
    text.append("\n" + _one_line(" · ".join(f for f in facts if f)), style="bold")
    outlets = group.outlets()
    if outlets:
        text.append("\nalso quoted by " + ", ".join(_one_line(o) for o in outlets), style="dim")
    for other in group.also:
        if not other.changes:
            continue
        text.append(f"\n{_one_line(other.hit.source) or 'another article'}: ", style="dim")
        for change in other.changes:
            piece = _one_line(change.text)
            if change.kind == "removed":
                text.append(piece, style="strike dim")
            elif change.kind == "added":
                text.append(piece, style="bold underline")
            else:
                text.append(piece, style="dim")
    return text


class PeopleScreen(ReaderScreen[None]):
    BINDINGS = [*keys.PEOPLE]
    AUTO_FOCUS = "#people-list"

    def __init__(self) -> None:
        super().__init__(classes="people")
        self.people: list[QuotedPerson] = []
        self.shown_people: list[QuotedPerson] = []
        self.person: str | None = None  # whose quotes are listed (None: the people)
        self.quotes: PersonQuotes | None = None
        self.fragments = False
        self._people_filter = ""

    def compose(self) -> ComposeResult:
        yield Static("People", id="people-title", markup=False)
        yield ReaderInput(placeholder="filter people by name", id="people-filter", compact=True)
        yield Static("Reading the people…", id="people-status", markup=False)
        yield OptionList(id="people-list")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.load_people()

    # -- the people -----------------------------------------------------------

    @work(thread=True, exclusive=True, group=LIST_GROUP, exit_on_error=False)
    def load_people(self) -> None:
        self.post_message(PeopleListed(self.app.service.quoted_people()))

    def worker_failed(self, worker: Worker, message: str) -> None:
        if worker.group in (LIST_GROUP, QUOTES_GROUP):
            self._status(message)  # in place of the list's status
            return
        super().worker_failed(worker, message)

    @on(PeopleListed)
    def _people_listed(self, message: PeopleListed) -> None:
        self.people = message.people
        if self.person is None:
            self._show_people()

    def _show_people(self) -> None:
        words = self.query_one("#people-filter", Input).value.lower().split()
        matching = [p for p in self.people if all(w in " ".join((p.name, *p.aliases)).lower() for w in words)]
        self.shown_people = matching[:SHOWN_PEOPLE]
        options = self.query_one("#people-list", OptionList)
        options.set_options(
            [Option(person_prompt(p), id=f"person-{i}") for i, p in enumerate(self.shown_people)]
        )
        if self.shown_people:
            options.highlighted = 0
        quoted = sum(1 for p in self.people if p.quotes)
        status = f"{len(self.people)} people, {quoted} quoted"
        if len(matching) != len(self.people):
            status += f" · {len(matching)} match"
        if len(matching) > SHOWN_PEOPLE:
            status += f", the first {SHOWN_PEOPLE} shown"
        hint = self.app.key_hint
        self._status(f"{status} · enter: their quotes · {hint('filter_people')} filters")

    # -- one person's quotes ------------------------------------------------------

    def show_person(self, name: str) -> None:
        self.person = name
        self.quotes = None
        self._people_filter = self.query_one("#people-filter", Input).value
        filter_box = self.query_one("#people-filter", Input)
        with filter_box.prevent(Input.Changed):
            filter_box.value = ""
        filter_box.placeholder = "filter the quotes by words"
        self.query_one("#people-title", Static).update(Text(f"{_one_line(name)}: quotes", style="bold"))
        self.query_one("#people-list", OptionList).clear_options()
        self._status("Reading the quotes…")
        self.load_quotes(name, "")

    @work(thread=True, exclusive=True, group=QUOTES_GROUP, exit_on_error=False)
    def load_quotes(self, name: str, words: str) -> None:
        self.post_message(QuotesListed(self.app.service.quotes_of(name, words, self.fragments), words))

    @on(QuotesListed)
    def _quotes_listed(self, message: QuotesListed) -> None:
        if self.person is None:
            return  # back at the people already
        self.quotes = message.quotes
        options = self.query_one("#people-list", OptionList)
        entries: list[Option | None] = []
        for number, group in enumerate(message.quotes.groups):
            if number:
                entries.append(None)
            entries.append(Option(quote_prompt(group), id=f"quote-{number}"))
        options.set_options(entries)
        if entries:
            options.highlighted = 0
        count = len(message.quotes.quotes)
        status = f"{count} quote{'s' if count != 1 else ''}"
        if len(message.quotes.groups) != count:
            status += f", {len(message.quotes.groups)} different"
        if message.words:
            status += f" holding “{_one_line(message.words)}”"
        if self.fragments:
            status += ", fragments too"
        hint = self.app.key_hint
        status += (
            f" · enter opens the article there · {hint('highlight_quote')} highlights"
            f" · {hint('toggle_fragments')} fragments · {hint('export_highlights')} exports"
            f" · {hint('back_people')}: people"
        )
        self._status(status)

    def selected_group(self) -> QuoteGroup | None:
        options = self.query_one("#people-list", OptionList)
        if self.quotes is None or options.highlighted is None:
            return None
        option_id = options.get_option_at_index(options.highlighted).id or ""
        if not option_id.startswith("quote-"):
            return None
        return self.quotes.groups[int(option_id.removeprefix("quote-"))]

    # -- events and actions -------------------------------------------------------

    @on(Input.Changed, "#people-filter")
    def _filtered(self, event: Input.Changed) -> None:
        if self.person is None:
            self._show_people()
        else:
            self.load_quotes(self.person, event.value.strip())

    @on(Input.Submitted, "#people-filter")
    def _filter_done(self) -> None:
        self.action_focus_list()

    @on(OptionList.OptionSelected, "#people-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        option_id = event.option.id or ""
        if option_id.startswith("person-"):
            self.show_person(self.shown_people[int(option_id.removeprefix("person-"))].name)
            return
        group = self.selected_group()
        if group is not None:
            self.app.open_article(group.hit.article, offset=group.hit.start, cursor=True)

    def action_back(self) -> None:
        filter_box = self.query_one("#people-filter", Input)
        if filter_box.has_focus and filter_box.value:
            filter_box.value = ""
            return
        if self.person is None:
            self.dismiss()
            return
        self.person = None
        self.quotes = None
        with filter_box.prevent(Input.Changed):
            filter_box.value = self._people_filter
        filter_box.placeholder = "filter people by name"
        self.query_one("#people-title", Static).update(Text("People", style="bold"))
        self._show_people()
        self.action_focus_list()

    def action_focus_filter(self) -> None:
        self.query_one("#people-filter", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one("#people-list", OptionList).focus()

    def action_toggle_fragments(self) -> None:
        self.fragments = not self.fragments
        if self.person is not None:
            self.load_quotes(self.person, self.query_one("#people-filter", Input).value.strip())
        else:
            self.notify(f"fragments {'shown' if self.fragments else 'hidden'} in the quotes", timeout=2)

    def action_highlight_quote(self) -> None:
        group = self.selected_group()
        if group is None:
            self.notify("choose a person, then a quote to keep", timeout=2)
            return
        hit = group.hit
        change_highlights(
            self,
            lambda: self.app.service.highlight_quote(hit),
            f"kept as a highlight: {hit.speaker}, {hit.source or hit.title}",
        )

    @on(HighlightChanged)
    def _highlighted(self, message: HighlightChanged) -> None:
        self.notify(_one_line(message.done), timeout=3, markup=False)

    def _status(self, text: str) -> None:
        self.query_one("#people-status", Static).update(_one_line(text))
