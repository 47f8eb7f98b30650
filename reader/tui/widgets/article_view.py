"""The article body: a Line-API view that wraps once per width and styles lines on demand.

Long articles stay fast: wrapping is a pass over plain text (no styles) that records
where each screen line starts in the body; a line is only turned into segments when it
is shown, with the marks (entities, query matches, aligned passages) that overlap it.
Changing marks (toggling entities, stepping matches) does not re-wrap anything.

Marks name a component class, so their colours come from the stylesheet's theme
variables and follow the theme; where two meet with too little contrast the text
colour gives way (:mod:`reader.tui.contrast`). Text can be selected with the mouse
(the screen's ``get_selected_text`` gives it).
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from dataclasses import dataclass

from rich._wrap import divide_line  # rich is pinned; Text.wrap uses the same function
from rich.cells import cell_len, get_character_cell_size
from rich.style import Style
from rich.text import Text
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from reader.ingest.sanitize import terminal_safe
from reader.tui.contrast import LegibleLines

# Layers paint in this order: a later layer wins where marks overlap.
# Highlights come first so entity colours still show on them; the cursor comes last.
LAYERS = (
    "quote",
    "quote-current",
    "highlight",
    "aligned",
    "person",
    "org",
    "place",
    "shared",
    "match",
    "find",
    "aligned-current",
    "current",
    "speaker",
    "cursor",
)


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    layer: str  # one of LAYERS


class ArticleView(ScrollView, can_focus=True):
    """Shows ``body`` with ``marks``; ``scroll_to_offset`` brings a character into view."""

    COMPONENT_CLASSES = {f"article-view--{layer}" for layer in LAYERS}

    @dataclass
    class Clicked(Message):
        """The user clicked the character at ``offset`` of the body."""

        view: ArticleView
        offset: int

        @property
        def control(self) -> ArticleView:
            return self.view

    # The vertical scrollbar is always there: lines are wrapped to the width left
    # beside it, and a scrollbar appearing after the wrap would hide a column.
    DEFAULT_CSS = """
    ArticleView {
        height: 1fr;
        overflow-y: scroll;
        scrollbar-size-vertical: 1;
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._body = ""
        self._marks: list[Mark] = []
        self._line_spans: list[tuple[int, int]] = []  # (start, end) in the body per screen line
        self._line_starts: list[int] = []
        self._line_marks: list[tuple[Mark, ...]] = []
        self._wrapped_width = -1
        self._strips: LRUCache[int, Strip] = LRUCache(2048)
        self._pending_offset: int | None = None
        self._legible = LegibleLines()

    # -- content ----------------------------------------------------------

    @property
    def body(self) -> str:
        return self._body

    @property
    def line_count(self) -> int:
        return len(self._line_spans)

    def set_document(self, body: str, marks: list[Mark] | None = None) -> None:
        # The body came from the store already sanitised; once more is cheap and means
        # nothing a page holds can reach the terminal. Offsets must not move, so only
        # a length-preserving clean is accepted.
        safe = terminal_safe(body)
        self._body = safe if len(safe) == len(body) else _blank_controls(body)
        self._marks = sorted(marks or [], key=lambda m: (m.start, m.end))
        self._wrapped_width = -1
        self._rewrap()

    def set_marks(self, marks: list[Mark]) -> None:
        self._marks = sorted(marks, key=lambda m: (m.start, m.end))
        self._assign_marks()
        self._strips.clear()
        self.refresh()

    # -- geometry ---------------------------------------------------------

    def line_of(self, offset: int) -> int:
        if not self._line_starts:
            return 0
        return max(0, bisect_right(self._line_starts, offset) - 1)

    def scroll_to_offset(self, offset: int, *, animate: bool = False) -> None:
        """Scroll so the line holding ``offset`` sits a third of the way down."""
        if self._wrapped_width <= 0:
            self._pending_offset = offset  # not laid out yet: do it after the first wrap
            return
        # After the next refresh: a new document's virtual size must be laid out first,
        # or the scroll is clamped to the old (empty) one.
        self.call_after_refresh(self._scroll_to_line, self.line_of(offset), animate)

    def _scroll_to_line(self, line: int, animate: bool) -> None:
        top = max(0, line - max(1, self.scrollable_content_region.height // 3))
        self.scroll_to(y=top, animate=animate, immediate=not animate)

    def bring_into_view(self, start: int, end: int) -> None:
        """Scroll only if the passage ``start..end`` is not already (wholly) shown."""
        if self._wrapped_width <= 0:
            self._pending_offset = start
            return
        top = int(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        first, last = self.line_of(start), self.line_of(max(start, end - 1))
        if first < top or last >= top + height:
            self._scroll_to_line(first, False)

    def first_visible_offset(self) -> int:
        y = int(self.scroll_offset.y)
        if 0 <= y < len(self._line_spans):
            return self._line_spans[y][0]
        return 0

    def offset_at(self, x: int, y: int) -> int | None:
        """The body offset under content cell (x, y) of the view, or None."""
        line = int(self.scroll_offset.y) + y
        if not 0 <= line < len(self._line_spans) or x < 0:
            return None
        start, end = self._line_spans[line]
        column = 0
        for index in range(start, end):
            column += get_character_cell_size(self._body[index])
            if column > x:
                return index
        return None

    def on_click(self, event: events.Click) -> None:
        where = event.get_content_offset(self)
        if where is None:
            return
        offset = self.offset_at(where.x + int(self.scroll_offset.x), where.y)
        if offset is not None:
            self.post_message(self.Clicked(self, offset))

    def on_resize(self) -> None:
        self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._legible.clear()

    # -- mouse selection ----------------------------------------------------

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        lines = "\n".join(self._body[start:end] for start, end in self._line_spans)
        return selection.extract(lines), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips.clear()
        self.refresh()

    def _rewrap(self) -> None:
        width = self.scrollable_content_region.width
        if width <= 0 or width == self._wrapped_width:
            return
        anchor = self.first_visible_offset() if self._wrapped_width > 0 else None
        self._wrapped_width = width
        spans: list[tuple[int, int]] = []
        body = self._body
        position = 0
        for segment in body.split("\n"):
            if not segment.strip():
                spans.append((position, position))
            else:
                breaks = wrap_offsets(segment.replace("\t", " "), width)
                edges = [0, *breaks, len(segment)]
                for a, b in itertools.pairwise(edges):
                    if b > a:
                        spans.append((position + a, position + b))
            position += len(segment) + 1
        self._line_spans = spans
        self._line_starts = [s for s, _ in spans]
        self._assign_marks()
        self._strips.clear()
        self.virtual_size = Size(width, len(spans))
        if self._pending_offset is not None:
            offset, self._pending_offset = self._pending_offset, None
            self.scroll_to_offset(offset)
        elif anchor:
            self.call_after_refresh(self.scroll_to, None, self.line_of(anchor), animate=False, immediate=True)
        self.refresh()

    def _assign_marks(self) -> None:
        per_line: list[list[Mark]] = [[] for _ in self._line_spans]
        starts = self._line_starts
        for mark in self._marks:
            if mark.end <= mark.start:
                continue
            first = max(0, bisect_right(starts, mark.start) - 1)
            line = first
            while line < len(self._line_spans) and self._line_spans[line][0] < mark.end:
                _line_start, line_end = self._line_spans[line]
                if line_end > mark.start:
                    per_line[line].append(mark)
                line += 1
        order = {layer: i for i, layer in enumerate(LAYERS)}
        self._line_marks = [tuple(sorted(marks, key=lambda m: order.get(m.layer, 0))) for marks in per_line]

    # -- rendering --------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        line_index = scroll_y + y
        width = self.scrollable_content_region.width
        base = self.rich_style
        if line_index >= len(self._line_spans):
            return Strip.blank(width, base)
        strip = self._strips.get(line_index)
        if strip is None:
            strip = self._build_strip(line_index, base)
            self._strips[line_index] = strip
        # Offsets let a mouse selection find the characters under the pointer.
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_offsets(scroll_x, line_index)

    def _build_strip(self, line_index: int, base: Style) -> Strip:
        start, end = self._line_spans[line_index]
        text = Text(self._body[start:end].replace("\t", " "), style=base, no_wrap=True, end="")
        for mark in self._line_marks[line_index]:
            style = self.get_component_rich_style(f"article-view--{mark.layer}", partial=True)
            text.stylize(style, max(mark.start, start) - start, min(mark.end, end) - start)
        selection = self.text_selection
        if selection is not None and (span := selection.get_span(line_index)) is not None:
            first, last = span
            text.stylize(
                self.screen.get_component_rich_style("screen--selection"), first, last if last >= 0 else None
            )
        strip = Strip(text.render(self.app.console), cell_len(text.plain))
        return self._legible.strip(strip, base.bgcolor, base.color, self.app.ansi_theme)


def wrap_offsets(text: str, width: int) -> list[int]:
    """Where to break ``text`` into lines of ``width`` cells: the breaks of Rich's
    ``divide_line`` (but where a word longer than the line is folded), with a fast
    path for plain ASCII (one cell per character, so a line end is one ``rfind``
    for a space), which most news text is."""
    if not text.isascii() or width < 1:
        return divide_line(text, width, fold=True)
    breaks: list[int] = []
    start = 0
    end = len(text.rstrip(" "))
    while end - start > width:
        cut = text.rfind(" ", start + 1, start + width + 1)
        if cut == -1 or not text[start:cut].strip(" "):
            # One word longer than the line: fold it.
            nxt = start + width
        else:
            nxt = cut
            while nxt < end and text[nxt] == " ":
                nxt += 1
        breaks.append(nxt)
        start = nxt
    return breaks


def _blank_controls(body: str) -> str:
    """Replace every control character but newline with a space (same length)."""
    return "".join(c if c == "\n" or (c.isprintable() or c == "\t") else " " for c in body)
