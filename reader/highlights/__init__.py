"""Highlights: the user's passages, kept in their own SQLite file in the library
folder, anchored so they survive re-cleaning, plus the sentence and paragraph units
the reading view moves its cursor by. No Textual here; the TUI calls this API from
workers. Export to Markdown is :mod:`reader.export`."""

from reader.highlights.anchor import anchor, find_quote
from reader.highlights.select import (
    ArticleHighlights,
    BadFilter,
    HighlightFilter,
    PlacedHighlight,
    highlights_of_article,
    select_highlights,
)
from reader.highlights.store import (
    Highlight,
    HighlightError,
    HighlightNotFound,
    HighlightStore,
    HighlightStoreBusy,
    HighlightStoreError,
    QuoteNotFound,
    UndoneChange,
)
from reader.highlights.units import paragraph_spans, selection_span, sentence_spans, span_at

__all__ = [
    "ArticleHighlights",
    "BadFilter",
    "Highlight",
    "HighlightError",
    "HighlightFilter",
    "HighlightNotFound",
    "HighlightStore",
    "HighlightStoreBusy",
    "HighlightStoreError",
    "PlacedHighlight",
    "QuoteNotFound",
    "UndoneChange",
    "anchor",
    "find_quote",
    "highlights_of_article",
    "paragraph_spans",
    "select_highlights",
    "selection_span",
    "sentence_spans",
    "span_at",
]
