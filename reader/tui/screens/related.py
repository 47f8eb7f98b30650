"""The related pieces of the open article, as a list over the reading screen.

Returns its choice with ``dismiss``: ``("open", id)`` to read a piece, ``("compare",
id)`` to read it side by side with the open article, or None.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from reader.ingest.sanitize import terminal_safe
from reader.library import RelatedPiece, StoredArticle
from reader.tui import keys
from reader.tui.screens.base import ReaderModal
from reader.tui.widgets.footer import FittingFooter


class RelatedScreen(ReaderModal[tuple[str, str] | None]):
    BINDINGS = [*keys.RELATED]

    def __init__(
        self, stored: StoredArticle, related: list[tuple[RelatedPiece, StoredArticle]], compare: bool
    ) -> None:
        super().__init__(classes="related")
        self.stored = stored
        self.related = related
        self.compare = compare

    def compose(self) -> ComposeResult:
        title = terminal_safe(self.stored.article.title, one_line=True)
        verb = "Side by side with" if self.compare else "Related to"
        with Vertical(id="related-box"):
            yield Static(f"{verb}: {title}", id="related-title", markup=False)
            keys_of = self.app.key_hint
            close = keys_of("close_related")
            hint = (
                f"enter: side by side · {keys_of('open_related_piece')}: open · {close}: close"
                if self.compare
                else f"enter: open · {keys_of('compare_related')}: side by side · {close}: close"
            )
            yield Static(
                hint if self.related else "No related pieces in the library yet.",
                id="related-hint",
                markup=False,
            )
            yield OptionList(
                *[self._option(piece, other) for piece, other in self.related], id="related-list"
            )
        yield FittingFooter()

    def _option(self, piece: RelatedPiece, other: StoredArticle) -> Option:
        article = other.article
        text = Text(terminal_safe(article.title, one_line=True) or "(untitled)", style="bold")
        text.append("\n")
        facts = [
            fact
            for fact in (terminal_safe(article.source or "", one_line=True), (article.date or "")[:10])
            if fact
        ]
        facts.append(f"score {piece.score:.2f}")
        if piece.shared_people:
            facts.append(
                "with " + ", ".join(terminal_safe(p, one_line=True) for p in piece.shared_people[:3])
            )
        text.append(" · ".join(facts), style="dim")
        return Option(text, id=piece.id)

    def on_mount(self) -> None:
        self.query_one("#related-list", OptionList).focus()

    def _selected(self) -> str | None:
        options = self.query_one("#related-list", OptionList)
        if options.highlighted is None:
            return None
        return options.get_option_at_index(options.highlighted).id

    @on(OptionList.OptionSelected, "#related-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.dismiss(("compare" if self.compare else "open", event.option.id))

    def action_compare_selected(self) -> None:
        if (chosen := self._selected()) is not None:
            self.dismiss(("compare", chosen))

    def action_open_selected(self) -> None:
        if (chosen := self._selected()) is not None:
            self.dismiss(("open", chosen))

    def action_dismiss_picker(self) -> None:
        self.dismiss(None)
