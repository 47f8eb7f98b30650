"""The searchable library: a store of cleaned articles and entities (SQLite, the
source of truth), a Whoosh index derived from it, and the user's highlights. Use
:class:`Library`; the reader and the command line use only what this module exports
(an import contract in pyproject.toml checks it)."""

from reader.library.adder import INDEX_CHUNK, AddReport
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
