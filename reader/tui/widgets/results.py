"""The search results: one option per hit (title, source and date, snippet with the
matched words marked), plus a "did you mean" option when a word matched nothing.

The list holds a page of hits at a time; when the cursor or the scroll nears its end
and there are more, it asks for the next page (:class:`ResultsList.NeedMore`), so
every hit can be reached."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reader.ingest.sanitize import terminal_safe
from reader.tui.contrast import LegibleOptionList
from reader.tui.widgets.copies import listed_hits

if TYPE_CHECKING:
    from reader.library import SearchHit, StoredArticle

SUGGESTION_ID = "did-you-mean"
_SNIPPET_CHARS = 220
_AHEAD = 5  # hits left below the cursor when the next page is asked for


class ResultsList(LegibleOptionList):
    COMPONENT_CLASSES = {
        "results-list--match",
        "results-list--meta",
        "results-list--title",
        "results-list--read",
    }

    @dataclass
    class HitChosen(Message):
        results: ResultsList
        hit: SearchHit

        @property
        def control(self) -> ResultsList:
            return self.results

    @dataclass
    class SuggestionChosen(Message):
        results: ResultsList
        suggestion: str

        @property
        def control(self) -> ResultsList:
            return self.results

    @dataclass
    class NeedMore(Message):
        """The user is near the end of the hits shown and there are more."""

        results: ResultsList
        offset: int  # of the first hit wanted

        @property
        def control(self) -> ResultsList:
            return self.results

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._hits: dict[str, SearchHit] = {}
        self._suggestion: str | None = None
        self._shown: tuple[SearchHit, ...] = ()
        self._more = False  # more hits than shown
        self._asked = False  # NeedMore sent, the page not yet here
        # Copies of one text are listed once (see reader.tui.widgets.copies); set
        # before show(): article id -> its other copies. Expanded: the ids whose
        # copies are listed below them.
        self.copies: dict[str, list[StoredArticle]] = {}
        self.expanded: set[str] = set()
        self._copy_hits: dict[str, SearchHit] = {}  # the copies listed, by id

    @property
    def hits(self) -> tuple[SearchHit, ...]:
        return self._shown

    def show(self, hits: tuple[SearchHit, ...], suggestion: str | None = None, more: bool = False) -> None:
        self._shown = hits
        self._hits = {hit.id: hit for hit in hits}
        self.expanded = set()
        self._suggestion = suggestion
        self._more = more
        self._asked = False
        self._rebuild()

    def extend(self, hits: tuple[SearchHit, ...], more: bool) -> None:
        """Add the next page of hits below those shown, the cursor where it was."""
        new = tuple(hit for hit in hits if hit.id not in self._hits)
        self._shown += new
        self._hits.update((hit.id, hit) for hit in new)
        self._more = more
        self._asked = False
        new_ids = {hit.id for hit in new}
        options: list[Option | None] = []
        # A new hit that is a copy of one listed already stays under it.
        for listed in listed_hits(self._shown, self.copies):
            if listed.hit.id in new_ids:
                if self.option_count or options:
                    options.append(None)
                options.append(Option(self._prompt(listed.hit, listed.also_in), id=listed.hit.id))
        self.add_options(options)
        self._ask_for_more()

    def set_more(self, more: bool) -> None:
        """The full count is in: whether there are hits beyond those shown."""
        self._more = more
        self._ask_for_more()

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        self._ask_for_more()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._ask_for_more()

    def _ask_for_more(self) -> None:
        if not self._more or self._asked or not self._shown:
            return
        near_cursor = self.highlighted is not None and self.highlighted >= self.option_count - _AHEAD * 2
        near_scroll = self.max_scroll_y - self.scroll_y <= self.scrollable_content_region.height
        if near_cursor or near_scroll:
            self._asked = True
            self.post_message(self.NeedMore(self, len(self._shown)))

    def restyle(self) -> None:
        """Rebuild the prompts after a theme change (their styles are resolved once)."""
        highlighted = self.highlighted
        self._rebuild()
        if highlighted is not None and highlighted < self.option_count:
            self.highlighted = highlighted

    def _rebuild(self) -> None:
        options: list[Option | None] = []
        if self._suggestion:
            prompt = Text.assemble(
                ("did you mean: ", self._style("meta")), (_line(self._suggestion), self._style("match"))
            )
            options.append(Option(prompt, id=SUGGESTION_ID))
        for listed in listed_hits(self._shown, self.copies):
            if options:
                options.append(None)  # a rule between hits
            options.append(Option(self._prompt(listed.hit, listed.also_in), id=listed.hit.id))
            if listed.hit.id in self.expanded:
                for copy in listed.copies:
                    self._copy_hits[copy.id] = copy
                    options.append(Option(self._copy_prompt(copy), id=copy.id))
        self.set_options(options)
        if options:
            self.highlighted = 0

    def _style(self, part: str) -> Style:
        return self.get_component_rich_style(f"results-list--{part}", partial=True)

    def _prompt(self, hit: SearchHit, also_in: str = "") -> Text:
        # Unread articles stand out; those read are dimmer.
        text = Text(_line(hit.title) or "(untitled)", style=self._style("read" if hit.read else "title"))
        text.append("\n")
        facts = [fact for fact in (_line(hit.source), (hit.date or "")[:10]) if fact]
        if hit.people:
            facts.append(", ".join(_line(p) for p in hit.people[:3]))
        text.append(" · ".join(facts or ["no source or date"]) + "\n", style=self._style("meta"))
        if also_in:
            text.append(also_in + " · c lists them\n", style=self._style("meta"))
        text.append_text(marked_snippet(hit.snippet, self._style("match")))
        return text

    def _copy_prompt(self, hit: SearchHit) -> Text:
        facts = " · ".join(f for f in (_line(hit.source), (hit.date or "")[:10]) if f) or "no source or date"
        return Text(f"  ↳ copy: {_line(hit.title) or '(untitled)'} · {facts}", style=self._style("meta"))

    def toggle_copies(self) -> bool:
        """List (or hide) the copies of the highlighted result; False when it has
        none."""
        hit = self.selected_hit()
        if hit is None:
            return False
        entry = next(
            (
                e
                for e in listed_hits(self._shown, self.copies)
                if hit.id in {e.hit.id, *(c.id for c in e.copies)}
            ),
            None,
        )
        if entry is None or not entry.copies:
            return False
        self.expanded ^= {entry.hit.id}
        self._rebuild()
        self.highlighted = next(
            i for i in range(self.option_count) if self.get_option_at_index(i).id == entry.hit.id
        )
        return True

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        if option_id == SUGGESTION_ID and self._suggestion:
            self.post_message(self.SuggestionChosen(self, self._suggestion))
        elif option_id and (hit := self._hits.get(option_id) or self._copy_hits.get(option_id)):
            self.post_message(self.HitChosen(self, hit))

    def selected_hit(self) -> SearchHit | None:
        if self.highlighted is None:
            return None
        option_id = self.get_option_at_index(self.highlighted).id or ""
        return self._hits.get(option_id) or self._copy_hits.get(option_id)


def _line(text: str | None) -> str:
    return terminal_safe(text or "", one_line=True)


def marked_snippet(snippet: str, match_style: Style) -> Text:
    """The library's snippet, ``**word**`` marks shown in ``match_style``, shortened."""
    text = Text()
    from reader.library import SNIPPET_MARK  # loaded with the library, after the first screen

    for number, piece in enumerate(_line(snippet).split(SNIPPET_MARK)):
        text.append(piece, style=match_style if number % 2 else "")
    if len(text) > _SNIPPET_CHARS:
        text.truncate(_SNIPPET_CHARS)
        text.append("…")
    return text
