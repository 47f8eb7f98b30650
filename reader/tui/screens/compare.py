"""Two articles side by side, their shared passages marked in both panes.

The alignment comes from the headless :mod:`reader.compare`; this screen paints it,
steps through it with both panes scrolling together, and handles the panes
(swap, close, focus, maximise).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker

from reader.compare import Alignment, align
from reader.ingest.sanitize import terminal_safe
from reader.library import StoredArticle
from reader.stories.diff import Difference
from reader.stories.fingerprint import copy_differences
from reader.tui import keys
from reader.tui.marks import entity_marks, legend, span_marks
from reader.tui.screens.highlighting import Highlighting, Passages
from reader.tui.screens.reading import article_facts
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.footer import FittingFooter

SIDES = ("left", "right")


@dataclass
class PairLoaded(Message):
    left: StoredArticle
    right: StoredArticle
    alignments: list[Alignment]
    differences: list[Difference] | None = None  # word by word, when the two are copies


def flipped(alignment: Alignment) -> Alignment:
    return Alignment(
        alignment.right_start,
        alignment.right_end,
        alignment.left_start,
        alignment.left_end,
        alignment.kind,
        alignment.score,
    )


class ComparePane(Vertical):
    def __init__(self, side: str) -> None:
        super().__init__(id=f"pane-{side}", classes="pane")
        self.side = side

    def compose(self) -> ComposeResult:
        yield Static("Loading…", classes="pane-title", markup=False)
        yield Static("", classes="pane-meta", markup=False)
        yield ArticleView(id=f"view-{self.side}")

    def show(self, stored: StoredArticle) -> None:
        self.query_one(".pane-title", Static).update(
            terminal_safe(stored.article.title, one_line=True) or "(untitled)"
        )
        self.query_one(".pane-meta", Static).update(article_facts(stored))


class CompareScreen(Highlighting):
    BINDINGS = [*keys.COMPARE, *keys.CURSOR]

    def __init__(self, left_id: str, right_id: str) -> None:
        super().__init__(classes="compare")
        self.ids = (left_id, right_id)
        self.articles: list[StoredArticle] = []
        self.alignments: list[Alignment] = []
        self.shared_people: frozenset[str] = frozenset()
        # Two copies of one text: the words that differ, and ] [ step through them.
        self.differences: list[Difference] | None = None
        self.index = -1
        self.passages = {side: Passages() for side in SIDES}  # sentence cursor and highlights

    def compose(self) -> ComposeResult:
        yield Static("", id="compare-legend", markup=False)
        with Horizontal(id="panes"):
            yield ComparePane("left")
            yield ComparePane("right")
        yield Static("Aligning the two articles…", id="compare-status", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.view("left").focus()
        self.load_pair()

    def view(self, side: str) -> ArticleView:
        return self.query_one(f"#view-{side}", ArticleView)

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def load_pair(self) -> None:
        left = self.app.service.article(self.ids[0])
        right = self.app.service.article(self.ids[1])
        alignments = align(left.article.body, right.article.body)
        differences = copy_differences(left.article.body, right.article.body)
        self.post_message(PairLoaded(left, right, alignments, differences))

    def worker_failed(self, worker: Worker, message: str) -> None:
        if worker.group == "compare":
            self.query_one("#compare-status", Static).update(message)
            return
        super().worker_failed(worker, message)

    @on(PairLoaded)
    def _loaded(self, message: PairLoaded) -> None:
        self.articles = [message.left, message.right]
        self.alignments = message.alignments
        self.differences = message.differences
        self.shared_people = frozenset(message.left.names("PERSON")) & frozenset(
            message.right.names("PERSON")
        )
        for side, stored in zip(SIDES, self.articles):
            self.passages[side] = Passages.of(stored)
            self.query_one(f"#pane-{side}", ComparePane).show(stored)
            self.view(side).set_document(stored.article.body, self._marks(side))
        self.index = -1
        self._refresh()
        self.load_highlights()

    # -- highlighting (the focused pane) -------------------------------------

    def highlight_target(self) -> tuple[ArticleView, Passages] | None:
        if len(self.articles) != 2:
            return None
        side = self._focused_side()
        return self.view(side), self.passages[side]

    def all_passages(self) -> list[Passages]:
        return list(self.passages.values())

    def refresh_marks(self) -> None:
        self._refresh()

    # -- marks ------------------------------------------------------------

    def _marks(self, side: str):
        number = SIDES.index(side)
        stored = self.articles[number]
        marks = []
        if self.app.show_entities:
            marks += entity_marks(stored.entities, self.shared_people)
        else:
            # Shared people stay emphasised even with the other highlights off.
            marks += [m for m in entity_marks(stored.entities, self.shared_people) if m.layer == "shared"]
        spans = [
            (a.left_start, a.left_end) if number == 0 else (a.right_start, a.right_end)
            for a in self.alignments
        ]
        marks += span_marks(spans, "aligned")
        if self.differences is not None:
            # Copies: the shared passages stay marked, the words that differ stand out
            # on them, and ] [ step through those.
            spans = [d.left_span if number == 0 else d.right_span for d in self.differences]
            marks += span_marks(spans, "find")
        if 0 <= self.index < len(spans):
            marks += span_marks([spans[self.index]], "aligned-current")
        return marks + self.passages[side].marks()

    def _refresh(self) -> None:
        if len(self.articles) != 2:
            return
        for side in SIDES:
            self.view(side).set_marks(self._marks(side))
        key = self.app.key_hint("toggle_entities_compare")
        self.query_one("#compare-legend", Static).update(
            legend(self.view("left"), self.app.show_entities, shared=True, key=key)
        )
        status = self.query_one("#compare-status", Static)
        if self.differences is not None and self.passages[self._focused_side()].cursor < 0:
            status.update(self._differences_status())
            return
        total = len(self.alignments)
        people = ", ".join(sorted(self.shared_people)) or "none"
        passages = self.passages[self._focused_side()]
        if passages.cursor >= 0:
            status.update(passages.status(self.app.key_hint))
            return
        if not total:
            status.update(
                f"No shared passages found · people in both: {terminal_safe(people, one_line=True)}"
            )
            return
        if self.index < 0:
            step = self.app.key_hint("next_passage")
            head = f"{total} shared passage{'s' if total != 1 else ''} · {step} steps through them"
        else:
            current = self.alignments[self.index]
            head = f"passage {self.index + 1}/{total} · {current.kind}"
            if current.kind == "similar":
                head += f" ({current.score:.2f})"
        status.update(Text(f"{head} · people in both: {terminal_safe(people, one_line=True)}"))

    def _differences_status(self) -> Text:
        assert self.differences is not None
        total = len(self.differences)
        if not total:
            return Text("Copies of one text, word for word the same")
        if self.index < 0:
            step = self.app.key_hint("next_passage")
            head = f"Copies of one text: {total} difference{'s' if total != 1 else ''} · {step} steps through them"
        else:
            current = self.differences[self.index]
            head = f"difference {self.index + 1}/{total} · {current.kind}"
        return Text(head)

    def on_screen_resume(self) -> None:
        self._refresh()
        if len(self.articles) == 2:
            self.load_highlights()  # they may have changed on the highlights screen

    # -- actions ----------------------------------------------------------

    def action_next_passage(self) -> None:
        self._step(1)

    def action_previous_passage(self) -> None:
        self._step(-1)

    def _step(self, direction: int) -> None:
        if self.differences is not None:
            self._step_differences(direction)
            return
        if not self.alignments:
            self.notify("no shared passages", timeout=2)
            return
        if self.index < 0:
            self.index = 0 if direction > 0 else len(self.alignments) - 1
        else:
            self.index = (self.index + direction) % len(self.alignments)
        self._refresh()
        current = self.alignments[self.index]
        self.view("left").scroll_to_offset(current.left_start)
        self.view("right").scroll_to_offset(current.right_start)

    def _step_differences(self, direction: int) -> None:
        assert self.differences is not None
        if not self.differences:
            self.notify("no differences: the two copies are word for word the same", timeout=2)
            return
        self.index = (
            (self.index + direction) % len(self.differences)
            if self.index >= 0
            else (0 if direction > 0 else len(self.differences) - 1)
        )
        self._refresh()
        current = self.differences[self.index]
        self.view("left").scroll_to_offset(current.left_start)
        self.view("right").scroll_to_offset(current.right_start)

    def action_swap(self) -> None:
        if len(self.articles) != 2:
            return
        focused_side = self._focused_side()
        self.ids = (self.ids[1], self.ids[0])
        self.articles.reverse()
        self.passages = {"left": self.passages["right"], "right": self.passages["left"]}
        self.alignments = sorted(
            (flipped(a) for a in self.alignments), key=lambda a: (a.left_start, a.right_start)
        )
        if self.differences is not None:
            self.differences = [d.flipped() for d in self.differences]
        current = None
        for side, stored in zip(SIDES, self.articles):
            self.query_one(f"#pane-{side}", ComparePane).show(stored)
            self.view(side).set_document(stored.article.body, self._marks(side))
        if self.index >= 0 and self.differences is None:
            self.index = 0
            current = self.alignments[0]
        self._refresh()
        if current is not None:
            self.view("left").scroll_to_offset(current.left_start)
            self.view("right").scroll_to_offset(current.right_start)
        self.view("right" if focused_side == "left" else "left").focus()

    def _focused_side(self) -> str:
        return "right" if self.view("right").has_focus else "left"

    def action_focus_other(self) -> None:
        other = "right" if self._focused_side() == "left" else "left"
        if self.has_class("-maximised"):
            self._maximise(other)
        self.view(other).focus()

    def action_maximise(self) -> None:
        if self.has_class("-maximised"):
            self.remove_class("-maximised")
            for side in SIDES:
                self.query_one(f"#pane-{side}").display = True
        else:
            self._maximise(self._focused_side())

    def _maximise(self, side: str) -> None:
        self.add_class("-maximised")
        for other in SIDES:
            self.query_one(f"#pane-{other}").display = other == side

    def action_close_pane(self) -> None:
        """Close the focused pane; the other article stays open to read."""
        if len(self.articles) != 2:
            self.dismiss()
            return
        keep = 1 if self._focused_side() == "left" else 0
        self.app.replace_with_reading(self, self.articles[keep].id)

    def action_back(self) -> None:
        """One step back at a time: a selection, a maximised pane, then side by side."""
        passages = self.passages[self._focused_side()]
        if passages.anchor is not None:
            passages.anchor = None
            self._refresh()
        elif self.has_class("-maximised"):
            self.action_maximise()
        else:
            self.dismiss()

    def action_toggle_entities(self) -> None:
        self.app.show_entities = not self.app.show_entities
        self._refresh()
