"""The sentence cursor and highlighting, shared by the reading view and both panes
of side by side: move by sentence and paragraph, select, highlight (with a note and
tags), delete, undo. Screens mix in ``Highlighting`` and say which article view is
the target (the focused pane); store calls run in thread workers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rich.text import Text
from textual import work
from textual.message import Message
from textual.worker import Worker

from reader.highlights import Highlight, paragraph_spans, selection_span, sentence_spans, span_at
from reader.ingest.language import length_label
from reader.library import PlacedHighlight, StoredArticle
from reader.tui.changes import CHANGE_GROUP, HighlightChanged, change_highlights, undone
from reader.tui.marks import span_marks
from reader.tui.screens.base import ReaderScreen
from reader.tui.screens.dialogs import NoteScreen
from reader.tui.widgets.article_view import ArticleView, Mark


@dataclass
class HighlightsLoaded(Message):
    article_id: str
    highlights: list[PlacedHighlight]


@dataclass
class Passages:
    """One article's sentences, the cursor (-1: not shown yet), a selection's
    anchor, and the highlights to mark."""

    stored: StoredArticle | None = None
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    cursor: int = -1
    anchor: int | None = None
    highlights: list[PlacedHighlight] = field(default_factory=list)

    @classmethod
    def of(cls, stored: StoredArticle) -> Passages:
        body = stored.article.body
        return cls(stored, sentence_spans(body), paragraph_spans(body))

    def span(self) -> tuple[int, int] | None:
        """What ``h`` would highlight: the selection, or the sentence at the cursor."""
        if not 0 <= self.cursor < len(self.sentences):
            return None
        return selection_span(
            self.sentences, self.cursor if self.anchor is None else self.anchor, self.cursor
        )

    def place(self, offset: int) -> None:
        if self.sentences:
            self.cursor = span_at(self.sentences, offset)

    def marks(self) -> list[Mark]:
        marks = span_marks(
            [(p.highlight.start, p.highlight.end) for p in self.highlights if not p.highlight.orphaned],
            "highlight",
        )
        if (span := self.span()) is not None:
            marks += span_marks([span], "cursor")
        return marks

    def under_cursor(self) -> PlacedHighlight | None:
        span = self.span()
        if span is None:
            return None
        for placed in self.highlights:
            h = placed.highlight
            if not h.orphaned and h.start < span[1] and span[0] < h.end:
                return placed
        return None

    def paragraph_of(self, sentence: int) -> int:
        return span_at(self.paragraphs, self.sentences[sentence][0])

    def paragraph_start(self, paragraph: int) -> int:
        return span_at(self.sentences, self.paragraphs[paragraph][0])

    def next_paragraph(self) -> int:
        paragraph = self.paragraph_of(self.cursor)
        return (
            self.paragraph_start(paragraph + 1)
            if paragraph + 1 < len(self.paragraphs)
            else len(self.sentences) - 1
        )

    def previous_paragraph(self) -> int:
        # Back to the start of this paragraph first, as editors do.
        paragraph = self.paragraph_of(self.cursor)
        first = self.paragraph_start(paragraph)
        return first if first < self.cursor or paragraph == 0 else self.paragraph_start(paragraph - 1)

    def status(self, hint: Callable[..., str]) -> Text:
        """Where the cursor is and what the keys do there; ``hint`` gives the keys
        of binding ids as bound now (``app.key_hint``)."""
        if self.anchor is not None:
            count = abs(self.cursor - self.anchor) + 1
            moves = hint("next_sentence", "previous_sentence", "next_paragraph", "previous_paragraph")
            head = (
                f"selection: {count} sentence{'s' if count != 1 else ''} · {moves} extend · "
                f"{hint('highlight')} highlight · {hint('select')} drops it"
            )
        else:
            head = (
                f"sentence {self.cursor + 1}/{len(self.sentences)} · {hint('select')} select · "
                f"{hint('highlight')} highlight"
            )
        if self.under_cursor() is not None:
            head += f" · {hint('edit_highlight')} edits its note · {hint('delete_highlight')} deletes it"
        return Text(head)


class Highlighting(ReaderScreen[None]):
    """The base of the screens that show articles with a sentence cursor (reading,
    side by side); they implement ``highlight_target`` (the focused view and its
    passages), ``all_passages`` and ``refresh_marks``."""

    def highlight_target(self) -> tuple[ArticleView, Passages] | None:
        raise NotImplementedError

    def all_passages(self) -> list[Passages]:
        raise NotImplementedError

    def refresh_marks(self) -> None:
        raise NotImplementedError

    # -- loading ------------------------------------------------------------

    @work(thread=True, exclusive=True, group="highlights", exit_on_error=False)
    def load_highlights(self) -> None:
        for passages in self.all_passages():
            stored = passages.stored
            if stored is not None:
                self.post_message(HighlightsLoaded(stored.id, self.app.service.highlights_of(stored)))

    def on_highlights_loaded(self, message: HighlightsLoaded) -> None:
        for passages in self.all_passages():
            if passages.stored is not None and passages.stored.id == message.article_id:
                passages.highlights = message.highlights
        self.refresh_marks()

    def on_highlight_changed(self, message: HighlightChanged) -> None:
        if message.done:
            self.notify(message.done, timeout=3, markup=False)
        self.load_highlights()

    def worker_failed(self, worker: Worker, message: str) -> None:
        super().worker_failed(worker, message)
        if worker.group == CHANGE_GROUP:
            self.load_highlights()  # show the highlights as they are

    # -- the cursor ---------------------------------------------------------

    def _step_cursor(self, target: Callable[[Passages], int]) -> None:
        """Move to ``target(passages)``; the first press only shows the cursor (on
        the first sentence on screen)."""
        found = self.highlight_target()
        if found is None or not found[1].sentences:
            return
        view, passages = found
        if passages.cursor < 0:
            passages.place(view.first_visible_offset())
        else:
            passages.cursor = max(0, min(target(passages), len(passages.sentences) - 1))
        self.refresh_marks()
        view.bring_into_view(*passages.sentences[passages.cursor])

    def action_next_sentence(self) -> None:
        self._step_cursor(lambda p: p.cursor + 1)

    def action_previous_sentence(self) -> None:
        self._step_cursor(lambda p: p.cursor - 1)

    def action_next_paragraph(self) -> None:
        self._step_cursor(Passages.next_paragraph)

    def action_previous_paragraph(self) -> None:
        self._step_cursor(Passages.previous_paragraph)

    def _shown_cursor(self) -> tuple[ArticleView, Passages] | None:
        found = self.highlight_target()
        if found is None or not found[1].sentences or found[1].stored is None:
            return None
        view, passages = found
        if passages.cursor < 0:
            passages.place(view.first_visible_offset())
        return view, passages

    def action_select(self) -> None:
        if (found := self._shown_cursor()) is None:
            return
        passages = found[1]
        passages.anchor = passages.cursor if passages.anchor is None else None
        self.refresh_marks()

    # -- changes ------------------------------------------------------------

    def action_highlight(self) -> None:
        if (found := self._shown_cursor()) is None:
            return
        passages = found[1]
        stored, span = passages.stored, passages.span()
        if stored is None or span is None:
            return
        start, end = span
        passages.anchor = None
        self.refresh_marks()

        def save(answer: tuple[str, tuple[str, ...]] | None) -> None:
            if answer is None:
                self.notify("not highlighted", timeout=2)
                return
            note, tags = answer
            change_highlights(
                self,
                lambda: self.app.service.add_highlight(stored, start, end, note, tags),
                lambda h: (
                    f"highlighted {length_label(h.quote, stored.article.language)}"
                    + (f" · tags {', '.join(h.tags)}" if h.tags else "")
                ),
            )

        self.app.push_screen(NoteScreen(stored.article.body[start:end]), save)

    def _highlight_at_cursor(self) -> Highlight | None:
        """The highlight under the cursor (shown first if need be), or None, said."""
        if (found := self._shown_cursor()) is None:
            return None
        under = found[1].under_cursor()
        if under is None:
            self.refresh_marks()
            self.notify("no highlight at the cursor", timeout=2)
            return None
        return under.highlight

    def action_edit_highlight(self) -> None:
        if (highlight := self._highlight_at_cursor()) is not None:
            edit_highlight(self, highlight, "undo_highlight")

    def action_delete_highlight(self) -> None:
        if (highlight := self._highlight_at_cursor()) is None:
            return
        highlight_id = highlight.id
        change_highlights(
            self,
            lambda: self.app.service.delete_highlight(highlight_id),
            f"highlight deleted · {self.app.key_hint('undo_highlight')} undoes",
        )

    def action_undo_highlight(self) -> None:
        change_highlights(self, self.app.service.undo_highlight, undone)


def edit_highlight(screen: ReaderScreen, highlight: Highlight, undo_id: str) -> None:
    """Ask for a highlight's note and tags (filled in as they are) and save them;
    ``screen`` gets the ``HighlightChanged`` answer; ``undo_id``: its undo binding."""

    def save(answer: tuple[str, tuple[str, ...]] | None) -> None:
        if answer is None or answer == (highlight.note, highlight.tags):
            return
        note, tags = answer
        change_highlights(
            screen,
            lambda: screen.app.service.edit_highlight(highlight.id, note, tags),
            f"note and tags saved · {screen.app.key_hint(undo_id)} undoes",
        )

    screen.app.push_screen(NoteScreen(highlight.quote, highlight.note, highlight.tags, editing=True), save)
