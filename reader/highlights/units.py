"""The units the reading view's cursor moves by: sentences and paragraphs of an
article body (from :mod:`reader.sentences`), and what a selection grown by them covers."""

from __future__ import annotations

import bisect

from reader.sentences import Span, paragraph_spans, sentence_spans

__all__ = ["Span", "paragraph_spans", "selection_span", "sentence_spans", "span_at"]


def span_at(spans: list[Span], offset: int) -> int:
    """Index of the span holding ``offset``; between two spans, the next one; past the
    end, the last one (-1 when there are no spans)."""
    if not spans:
        return -1
    index = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    if index >= 0 and spans[index][0] <= offset < spans[index][1]:
        return index
    return min(index + 1, len(spans) - 1)


def selection_span(spans: list[Span], anchor_index: int, cursor_index: int) -> Span:
    """The text from unit ``anchor_index`` to unit ``cursor_index`` (either order):
    what a selection grown by sentences or paragraphs covers."""
    first, last = sorted((anchor_index, cursor_index))
    return spans[first][0], spans[last][1]
