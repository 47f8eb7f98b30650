"""The searchable library: a store of cleaned articles and entities (SQLite, the
source of truth), a Whoosh index derived from it, and the user's highlights. Use
:class:`Library`; the reader and the command line use only what this module exports
(an import contract in pyproject.toml checks it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.lazy_exports import lazy_exports

if TYPE_CHECKING:
    from reader.library.adder import AddReport
    from reader.library.highlight_select import (
        ArticleHighlights,
        BadFilter,
        HighlightFilter,
        PlacedHighlight,
        ReanchorReport,
        WordsFilter,
        parse_since,
    )
    from reader.library.home import library_dir
    from reader.library.index import INDEX_CHUNK
    from reader.library.library import (
        DEFAULT_LOCK_TIMEOUT,
        HIGHLIGHTS_FILE,
        INDEX_FOLDER,
        STORE_FILE,
        ArticleNotFound,
        Library,
        LibraryReadOnly,
        LibraryStats,
        PersonCorrectionError,
        RebuildReport,
        RemoveReport,
    )
    from reader.library.lock import LibraryBusy
    from reader.library.passages import SNIPPET_MARK
    from reader.library.people import Person, PersonCorrection, PersonIdentity, PersonMatch
    from reader.library.progress import AddProgress, ProgressCallback
    from reader.library.query import QueryError
    from reader.library.quotes import AlsoQuoted, BadDate, PersonQuotes, QuotedPerson, QuoteGroup, QuoteHit
    from reader.library.records import EntitySpan, StoredArticle
    from reader.library.related import RelatedPiece
    from reader.library.schema import WrongWhoosh
    from reader.library.search import SearchCancelled, SearchHit, SearchResults
    from reader.library.store import StoreError
    from reader.stories.coverage import Coverage, OutletCoverage, OwnPassage, SharedPassage
    from reader.stories.story import Story, StorySummary, outlet_of
    from reader.stories.timeline import Timeline
    from reader.stories.timeline import layout as timeline_layout

# The public API, loaded on first use: the reader's first screen needs the store and
# the index, not the adder, the entity finder, quotes or story grouping (start-up).
# Name -> (module, name in it).
_EXPORTS = {
    "AddReport": ("reader.library.adder", "AddReport"),
    "INDEX_CHUNK": ("reader.library.index", "INDEX_CHUNK"),
    "ArticleHighlights": ("reader.library.highlight_select", "ArticleHighlights"),
    "BadFilter": ("reader.library.highlight_select", "BadFilter"),
    "HighlightFilter": ("reader.library.highlight_select", "HighlightFilter"),
    "PlacedHighlight": ("reader.library.highlight_select", "PlacedHighlight"),
    "ReanchorReport": ("reader.library.highlight_select", "ReanchorReport"),
    "WordsFilter": ("reader.library.highlight_select", "WordsFilter"),
    "parse_since": ("reader.library.highlight_select", "parse_since"),
    "library_dir": ("reader.library.home", "library_dir"),
    "ArticleNotFound": ("reader.library.library", "ArticleNotFound"),
    "DEFAULT_LOCK_TIMEOUT": ("reader.library.library", "DEFAULT_LOCK_TIMEOUT"),
    "HIGHLIGHTS_FILE": ("reader.library.library", "HIGHLIGHTS_FILE"),
    "INDEX_FOLDER": ("reader.library.library", "INDEX_FOLDER"),
    "Library": ("reader.library.library", "Library"),
    "LibraryReadOnly": ("reader.library.library", "LibraryReadOnly"),
    "LibraryStats": ("reader.library.library", "LibraryStats"),
    "PersonCorrectionError": ("reader.library.library", "PersonCorrectionError"),
    "RebuildReport": ("reader.library.library", "RebuildReport"),
    "RemoveReport": ("reader.library.library", "RemoveReport"),
    "STORE_FILE": ("reader.library.library", "STORE_FILE"),
    "LibraryBusy": ("reader.library.lock", "LibraryBusy"),
    "SNIPPET_MARK": ("reader.library.passages", "SNIPPET_MARK"),
    "Person": ("reader.library.people", "Person"),
    "PersonCorrection": ("reader.library.people", "PersonCorrection"),
    "PersonIdentity": ("reader.library.people", "PersonIdentity"),
    "PersonMatch": ("reader.library.people", "PersonMatch"),
    "AddProgress": ("reader.library.progress", "AddProgress"),
    "ProgressCallback": ("reader.library.progress", "ProgressCallback"),
    "QueryError": ("reader.library.query", "QueryError"),
    "AlsoQuoted": ("reader.library.quotes", "AlsoQuoted"),
    "BadDate": ("reader.library.quotes", "BadDate"),
    "PersonQuotes": ("reader.library.quotes", "PersonQuotes"),
    "QuoteGroup": ("reader.library.quotes", "QuoteGroup"),
    "QuoteHit": ("reader.library.quotes", "QuoteHit"),
    "QuotedPerson": ("reader.library.quotes", "QuotedPerson"),
    "EntitySpan": ("reader.library.records", "EntitySpan"),
    "StoredArticle": ("reader.library.records", "StoredArticle"),
    "RelatedPiece": ("reader.library.related", "RelatedPiece"),
    "WrongWhoosh": ("reader.library.schema", "WrongWhoosh"),
    "SearchCancelled": ("reader.library.search", "SearchCancelled"),
    "SearchHit": ("reader.library.search", "SearchHit"),
    "SearchResults": ("reader.library.search", "SearchResults"),
    "StoreError": ("reader.library.store", "StoreError"),
    "Coverage": ("reader.stories.coverage", "Coverage"),
    "OutletCoverage": ("reader.stories.coverage", "OutletCoverage"),
    "OwnPassage": ("reader.stories.coverage", "OwnPassage"),
    "SharedPassage": ("reader.stories.coverage", "SharedPassage"),
    "Story": ("reader.stories.story", "Story"),
    "StorySummary": ("reader.stories.story", "StorySummary"),
    "outlet_of": ("reader.stories.story", "outlet_of"),
    "Timeline": ("reader.stories.timeline", "Timeline"),
    "timeline_layout": ("reader.stories.timeline", "layout"),
}

__all__ = [
    "DEFAULT_LOCK_TIMEOUT",
    "HIGHLIGHTS_FILE",
    "INDEX_CHUNK",
    "INDEX_FOLDER",
    "SNIPPET_MARK",
    "STORE_FILE",
    "AddProgress",
    "AddReport",
    "AlsoQuoted",
    "ArticleHighlights",
    "ArticleNotFound",
    "BadDate",
    "BadFilter",
    "Coverage",
    "EntitySpan",
    "HighlightFilter",
    "Library",
    "LibraryBusy",
    "LibraryReadOnly",
    "LibraryStats",
    "OutletCoverage",
    "OwnPassage",
    "Person",
    "PersonCorrection",
    "PersonCorrectionError",
    "PersonIdentity",
    "PersonMatch",
    "PersonQuotes",
    "PlacedHighlight",
    "ProgressCallback",
    "QueryError",
    "QuoteGroup",
    "QuoteHit",
    "QuotedPerson",
    "ReanchorReport",
    "RebuildReport",
    "RelatedPiece",
    "RemoveReport",
    "SearchCancelled",
    "SearchHit",
    "SearchResults",
    "SharedPassage",
    "StoreError",
    "StoredArticle",
    "Story",
    "StorySummary",
    "Timeline",
    "WordsFilter",
    "WrongWhoosh",
    "library_dir",
    "outlet_of",
    "parse_since",
    "timeline_layout",
]

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS, globals())
