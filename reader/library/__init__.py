"""The searchable library: a store of cleaned articles and entities (SQLite, the
source of truth) and a Whoosh index derived from it. Use :class:`Library`."""

from reader.library.adder import AddProgress, AddReport
from reader.library.library import ArticleNotFound, Library, LibraryStats, RebuildReport, RemoveReport
from reader.library.lock import LibraryBusy
from reader.library.people import Person
from reader.library.query import QueryError
from reader.library.records import EntitySpan, StoredArticle
from reader.library.related import RelatedPiece
from reader.library.search import SearchHit, SearchResults

__all__ = [
    "AddProgress",
    "AddReport",
    "ArticleNotFound",
    "EntitySpan",
    "Library",
    "LibraryBusy",
    "LibraryStats",
    "Person",
    "QueryError",
    "RebuildReport",
    "RelatedPiece",
    "RemoveReport",
    "SearchHit",
    "SearchResults",
    "StoredArticle",
]
