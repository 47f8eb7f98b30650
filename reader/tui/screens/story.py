"""A story: every outlet's articles on a timeline drawn in the terminal.

Above the timeline, the people and organisations of the story with the number of
its articles naming them; the timeline has one row per outlet and time across,
each article a mark (``◆`` a copy of another article of the story); below it,
what the outlets share and what only one of them has (worked out after the
timeline is shown: it takes two alignments per outlet).

The marks are stepped through in time order; ``enter`` reads the article at the
mark, ``space`` picks it and ``c`` puts it side by side with the one at the mark.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static
from textual.worker import Worker

from reader.ingest.sanitize import terminal_safe
from reader.library import Coverage, Story, Timeline, outlet_of, timeline_layout
from reader.tui import keys
from reader.tui.screens.base import ReaderScreen
from reader.tui.widgets.footer import FittingFooter
from reader.wording import counted

OUTLET_WIDTH = 18
MAX_NAMES = 8
COVERAGE_DELAY = 0.1  # seconds after the timeline: time to paint it


@dataclass
class StoryLoaded(Message):
    story: Story


@dataclass
class CoverageLoaded(Message):
    story_id: str
    coverage: Coverage


def _line(text: str | None) -> str:
    return terminal_safe(text or "", one_line=True)


class StoryScreen(ReaderScreen[None]):
    BINDINGS = [*keys.STORY]

    def __init__(self, ref: str, story: Story | None = None) -> None:
        super().__init__(classes="story")
        self.ref = ref
        self.preloaded = story  # shown as the screen mounts: one layout, not two
        self.story: Story | None = None
        self.timeline: Timeline | None = None
        self.coverage: Coverage | None = None
        self.index = 0  # the mark at the cursor, in time order
        self.picked: str | None = None  # the article picked to compare

    def compose(self) -> ComposeResult:
        yield Static("Loading the story…", id="story-title", markup=False)
        yield Static("", id="story-meta", markup=False)
        yield Static("", id="story-names", markup=False)
        with VerticalScroll(id="story-body"):
            yield Static("", id="story-timeline", markup=False)
            yield Static("", id="story-mark", markup=False)
            yield Static("", id="story-coverage", markup=False)
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one("#story-body").focus()
        if self.preloaded is not None:
            self._loaded(StoryLoaded(self.preloaded))
        else:
            self.load_story()

    # -- loading ------------------------------------------------------------

    @work(thread=True, exclusive=True, group="story", exit_on_error=False)
    def load_story(self) -> None:
        self.post_message(StoryLoaded(self.app.service.story(self.ref)))

    @work(thread=True, exclusive=True, group="story-coverage", exit_on_error=False)
    def load_coverage(self, story: Story) -> None:
        self.post_message(CoverageLoaded(story.id, self.app.service.story_coverage(story)))

    def worker_failed(self, worker: Worker, message: str) -> None:
        if worker.group == "story":
            self.query_one("#story-title", Static).update(message)
            return
        if worker.group == "story-coverage":
            self.query_one("#story-coverage", Static).update(message)
            return
        super().worker_failed(worker, message)

    @on(StoryLoaded)
    def _loaded(self, message: StoryLoaded) -> None:
        story = self.story = message.story
        self.timeline = timeline_layout([(a.id, outlet_of(a), a.article.date) for a in story.articles])
        mark = self.timeline.mark_of(self._start_article())
        self.index = self.timeline.marks.index(mark) if mark else 0
        self.query_one("#story-title", Static).update(_line(story.title) or "(untitled)")
        summary = story.summary()
        dates = summary.first_date[:10] if summary.first_date else "undated"
        if summary.last_date and summary.first_date and summary.last_date[:10] != summary.first_date[:10]:
            dates += f" – {summary.last_date[:10]}"
        self.query_one("#story-meta", Static).update(
            f"{dates} · {counted(summary.articles, 'article')} · {counted(len(summary.outlets), 'outlet')} · "
            f"story {story.id}"
        )
        self.query_one("#story-names", Static).update(self._names())
        self.query_one("#story-coverage", Static).update(Text("Comparing the outlets…", style="dim"))
        self._refresh()
        # The timeline first: the comparison is pure Python work that would hold the
        # interpreter while the screen paints, so it starts a moment later.
        self.set_timer(COVERAGE_DELAY, partial(self.load_coverage, story))

    def _start_article(self) -> str:
        """The article the story was opened from, else its central one."""
        assert self.story is not None
        ids = {a.id for a in self.story.articles}
        return self.ref if self.ref in ids else self.story.central

    @on(CoverageLoaded)
    def _covered(self, message: CoverageLoaded) -> None:
        if self.story is None or message.story_id != self.story.id:
            return
        self.coverage = message.coverage
        self.query_one("#story-coverage", Static).update(self._coverage_text(message.coverage))

    # -- drawing --------------------------------------------------------------

    def _names(self) -> Text:
        assert self.story is not None
        text = Text()
        for label, title in (("PERSON", "people"), ("ORG", "organisations")):
            names = self.story.names(label)[:MAX_NAMES]
            if not names:
                continue
            if text:
                text.append("\n")
            text.append(f"{title}: ", style="bold")
            text.append(", ".join(f"{_line(name)} ({count})" for name, count in names))
        return text

    def _refresh(self) -> None:
        if self.story is None or self.timeline is None:
            return
        self.query_one("#story-timeline", Static).update(self._timeline_text())
        self.query_one("#story-mark", Static).update(self._mark_text())

    def _timeline_text(self) -> Text:
        assert self.story is not None and self.timeline is not None
        timeline = self.timeline
        current = timeline.marks[self.index].article_id if timeline.marks else None
        cells: dict[tuple[int, int], list[str]] = {}
        for mark in timeline.marks:
            cells.setdefault((mark.row, mark.column), []).append(mark.article_id)
        labels = [label if label == "undated" else label[5:10] for label in timeline.columns]
        widths = [
            max(len(labels[c]), *(len(cells.get((r, c), [])) * 2 for r in range(len(timeline.outlets))))
            for c in range(len(timeline.columns))
        ]
        text = Text(" " * OUTLET_WIDTH + " │", style="dim")
        for column, label in enumerate(labels):
            text.append(" " + label.ljust(widths[column]), style="dim")
        for row, outlet in enumerate(timeline.outlets):
            text.append("\n")
            text.append(_line(outlet)[:OUTLET_WIDTH].ljust(OUTLET_WIDTH), style="bold")
            text.append(" │", style="dim")
            for column in range(len(timeline.columns)):
                text.append(" ")
                here = cells.get((row, column), [])
                used = 0
                for article_id in here:
                    symbol = "◆" if self.story.copies_of(article_id) else "●"
                    style = "reverse bold" if article_id == current else ""
                    if article_id == self.picked:
                        style += " underline"
                    text.append(symbol, style=style.strip())
                    text.append(" ")
                    used += 2
                text.append(("·" if not here else "").ljust(widths[column] - used), style="dim")
        return text

    def _mark_text(self) -> Text:
        stored = self.current_article()
        if stored is None:
            return Text("")
        assert self.story is not None
        article = stored.article
        text = Text()
        text.append(f"{self.index + 1}/{len(self.story.articles)} ", style="dim")
        text.append(_line(article.title) or "(untitled)", style="bold")
        facts = [_line(outlet_of(stored)), (article.date or "undated")[:16].replace("T", " ")]
        copies = self.story.copies_of(stored.id)
        if copies:
            facts.append(f"{len(copies)} cop{'y' if len(copies) == 1 else 'ies'} in the story")
        if stored.id == self.story.central:
            facts.append("central")
        text.append("\n" + " · ".join(facts), style="dim")
        key = self.app.key_hint
        hint = (
            f"{key('story_open_article')} reads it · {key('story_pick')} picks it to compare · "
            f"{key('story_compare')} side by side"
        )
        if self.picked and self.picked != stored.id:
            hint = (
                f"{key('story_compare')}: side by side with the picked article · "
                f"{key('story_pick')} drops the pick"
            )
        text.append("\n" + hint, style="dim")
        return text

    def _coverage_text(self, coverage: Coverage) -> Text:
        text = Text()
        every = coverage.shared_by_all() if coverage.outlets > 1 else []
        if coverage.outlets < 2:
            text.append("One outlet only: nothing to compare.", style="dim")
            return text
        text.append(
            "Shared by every outlet" if every else "Shared with other outlets", style="bold underline"
        )
        shown = every or coverage.shared[:6]
        if not shown:
            text.append("\n(no passage in common)", style="dim")
        for passage in shown:
            kind = "quote" if passage.quote else f"{len(passage.outlets) + 1} outlets"
            text.append(f"\n[{kind}] ", style="dim")
            text.append(_line(passage.text))
        for outlet in coverage.by_outlet:
            if not (outlet.own or outlet.own_people):
                continue
            text.append(f"\n\nOnly {_line(outlet.outlet)}", style="bold underline")
            if outlet.own_people:
                text.append("\npeople: ", style="dim")
                text.append(", ".join(_line(p) for p in outlet.own_people))
            for own in outlet.own:
                text.append("\n[quote] " if own.quote else "\n", style="dim")
                text.append(_line(own.text))
        return text

    # -- moving and choosing ------------------------------------------------------

    def current_article(self):
        if self.story is None or self.timeline is None or not self.timeline.marks:
            return None
        wanted = self.timeline.marks[self.index].article_id
        return next(a for a in self.story.articles if a.id == wanted)

    def _move(self, step: int) -> None:
        if self.timeline is None or not self.timeline.marks:
            return
        self.index = (self.index + step) % len(self.timeline.marks)
        self._refresh()

    def action_next_mark(self) -> None:
        self._move(1)

    def action_previous_mark(self) -> None:
        self._move(-1)

    def _move_row(self, step: int) -> None:
        """To the nearest mark in time on the next (or previous) outlet's row."""
        if self.timeline is None or not self.timeline.marks:
            return
        marks = self.timeline.marks
        current = marks[self.index]
        rows = len(self.timeline.outlets)
        for distance in range(1, rows):
            row = (current.row + step * distance) % rows
            candidates = [i for i, m in enumerate(marks) if m.row == row]
            if candidates:
                self.index = min(candidates, key=lambda i: (abs(marks[i].column - current.column), i))
                self._refresh()
                return

    def action_next_outlet(self) -> None:
        self._move_row(1)

    def action_previous_outlet(self) -> None:
        self._move_row(-1)

    def action_open_mark(self) -> None:
        stored = self.current_article()
        if stored is not None:
            self.app.open_article(stored.id)

    def action_pick_mark(self) -> None:
        stored = self.current_article()
        if stored is None:
            return
        self.picked = None if self.picked == stored.id else stored.id
        self._refresh()

    def action_compare_marks(self) -> None:
        stored = self.current_article()
        if stored is None or self.story is None:
            return
        other = self.picked if self.picked and self.picked != stored.id else self.story.central
        if other == stored.id:
            key = self.app.key_hint
            self.notify(
                f"pick another article first: {key('story_pick')} on one mark, {key('story_compare')} on another",
                timeout=3,
            )
            return
        self.app.open_side_by_side(other, stored.id)

    def action_export_story(self) -> None:
        if self.story is not None:
            self.app.export_story(self.story.id)

    def action_back(self) -> None:
        self.dismiss()
