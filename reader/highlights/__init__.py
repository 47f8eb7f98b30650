"""Highlights: the user's passages, kept in their own SQLite file in the library
folder, anchored so they survive re-cleaning, plus the sentence and paragraph units
the reading view moves its cursor by. No Textual here. The store is reached through
``Library.highlights``, which also joins highlights with their articles; export to
Markdown is :mod:`reader.export`."""

from reader.highlights.anchor import anchor, find_quote
from reader.highlights.store import (
    Highlight,
    HighlightError,
    HighlightNotFound,
    HighlightReadOnly,
    HighlightStore,
    HighlightStoreBusy,
    HighlightStoreError,
    QuoteNotFound,
    UndoneChange,
)
from reader.highlights.units import paragraph_spans, selection_span, sentence_spans, span_at

__all__ = [
    "Highlight",
    "HighlightError",
    "HighlightNotFound",
    "HighlightReadOnly",
    "HighlightStore",
    "HighlightStoreBusy",
    "HighlightStoreError",
    "QuoteNotFound",
    "UndoneChange",
    "anchor",
    "find_quote",
    "paragraph_spans",
    "selection_span",
    "sentence_spans",
    "span_at",
]
