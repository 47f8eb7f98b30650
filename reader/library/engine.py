"""The one door to the search engine (Whoosh): everything the library asks of it.

:class:`Library` owns one :class:`SearchEngine` for reading and, under its writer
lock, one :class:`~reader.library.sync.IndexSync` for writing; nothing else in the
project touches Whoosh (the CLI and the reader only see ``Library``, hits, ids and
character offsets). The store (SQLite) stays the source of truth: the engine holds
only what it needs to find articles, and the store gives their text.

Reading (this protocol):

- ``search``: a page of hits (ids, scores, passages as character offsets into the
  body) from any offset, with the number of all matches, or a lower bound and a
  later ``count``; ``cancelled`` stops the work;
- ``count``: the number of matches of a request;
- ``related``: more-like-this by the article's key terms and shared people, never
  one of the ids it is told to leave out (the article's copies);
- ``ids_matching``: which of some ids a query finds (for filters over highlights);
- ``document_count``, ``close``.

Writing (``IndexSync``): ``apply(deleted_ids, articles)`` and ``commit()`` with the
store generation reached, ``adopt`` of a batch a worker prepared
(``index.build_segment``: a Whoosh segment), ``rebuild`` from the store,
``reconcile`` after a crash; upkeep: ``merge`` (one segment), ``segment_count``.

Serving a newsroom archive of tens of millions of articles from a distributed
engine such as OpenSearch means a second implementation of these two objects,
with no change to the CLI or the reader:

- ``search``/``count``: the query module's parse tree (a Whoosh query object
  today) becomes a ``bool`` query (``must``/``should``/``must_not``, ``match``
  and ``match_phrase`` on title^2.5 and body, ``term`` on person/org/place/source,
  ``range`` on date, ``fuzzy`` and ``wildcard`` with the same bounds); ``from`` and
  ``size`` give the page, ``track_total_hits: true`` the count (or a bounded count
  with ``total_exact`` False, which the reader already handles by asking
  ``count`` afterwards); ``highlight`` with ``offsets`` gives the passages; the
  ``cancelled`` callback becomes a task cancel;
- ``related``: ``more_like_this`` on the body, plus ``terms`` on person;
- ``ids_matching``: ``ids`` filter with the query;
- ``IndexSync``: ``apply`` is a ``_bulk`` of deletes and index operations, a
  prepared batch is its bulk body built in a worker, ``commit`` a refresh plus the
  store generation written to a small meta index (so ``reconcile`` compares it as
  it compares the ``generation`` file today); ``rebuild`` a reindex into a new
  index swapped in by an alias; ``merge`` a ``_forcemerge`` (or nothing: the
  cluster merges by itself);
- per-language analysis and CJK bigrams map to the ``cjk_bigram`` filter and
  language analyzers chosen by ``Article.language``, as the schema does here.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from pathlib import Path
from typing import Protocol

from whoosh.searching import Searcher

from reader.library import index as idx
from reader.library.query import PersonResolver
from reader.library.records import StoredArticle
from reader.library.related import RelatedPiece, find_related
from reader.library.search import (
    SearchQuery,
    SearchResults,
    count_matches,
    ids_matching,
    new_searcher,
    run_search,
)
from reader.library.spelling import Vocabulary
from reader.library.store import Store

Cancelled = Callable[[], bool]


class SearchEngine(Protocol):
    def search(
        self,
        request: SearchQuery,
        *,
        sort: str,
        limit: int,
        offset: int,
        count: bool,
        cancelled: Cancelled | None,
        resolve_person: PersonResolver | None,
        vocabulary: Vocabulary | None,
        exclude: Collection[str],
    ) -> SearchResults: ...

    def count(
        self, request: SearchQuery, *, resolve_person: PersonResolver | None, cancelled: Cancelled | None
    ) -> int: ...

    def related(
        self, stored: StoredArticle, limit: int, exclude: Collection[str] = ()
    ) -> list[RelatedPiece]: ...

    def ids_matching(self, text: str, ids: list[str], resolve_person: PersonResolver | None) -> set[str]: ...

    def document_count(self) -> int: ...

    def close(self) -> None: ...


class WhooshEngine:
    """The Whoosh index in ``folder``, read with one searcher that is reopened when
    a writer (another process too) has committed since."""

    def __init__(self, folder: Path, store: Store) -> None:
        self.folder = folder
        self.store = store
        self._searcher: Searcher | None = None

    def searcher(self) -> Searcher:
        if self._searcher is not None and not self._searcher.up_to_date():
            # Searcher.refresh() can hand back the same stale generation; reopen.
            self._searcher.close()
            self._searcher = None
        if self._searcher is None:
            self._searcher = new_searcher(idx.open_index(self.folder))
        return self._searcher

    def search(
        self,
        request: SearchQuery,
        *,
        sort: str = "relevance",
        limit: int = 10,
        offset: int = 0,
        count: bool = True,
        cancelled: Cancelled | None = None,
        resolve_person: PersonResolver | None = None,
        vocabulary: Vocabulary | None = None,
        exclude: Collection[str] = (),
    ) -> SearchResults:
        return run_search(
            self.searcher(),
            self.store,
            request,
            sort=sort,
            limit=limit,
            offset=offset,
            resolve_person=resolve_person,
            vocabulary=vocabulary,
            cancelled=cancelled,
            count=count,
            exclude=exclude,
        )

    def count(
        self,
        request: SearchQuery,
        *,
        resolve_person: PersonResolver | None = None,
        cancelled: Cancelled | None = None,
    ) -> int:
        return count_matches(self.searcher(), self.store, request, resolve_person, cancelled)

    def related(self, stored: StoredArticle, limit: int, exclude: Collection[str] = ()) -> list[RelatedPiece]:
        return find_related(self.searcher(), self.store, stored, limit, exclude)

    def ids_matching(
        self, text: str, ids: list[str], resolve_person: PersonResolver | None = None
    ) -> set[str]:
        return ids_matching(self.searcher(), text, ids, resolve_person)

    def document_count(self) -> int:
        try:
            return self.searcher().doc_count()
        except idx.IndexUnusable:
            return 0

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None


# Whoosh beyond its documented API (three places) is listed with the tests that guard
# it in README.md, "Private APIs of dependencies".
