"""Run a query against the index and turn Whoosh hits into what the reader shows.

The count given is the number of matching articles: every match is scored (Whoosh's
top-N shortcuts miss better hits), which counts them all; a page of hits starts at
any ``offset``, so every hit can be reached, in the same order page after page. Anything Whoosh raises while running a query the parser
accepted becomes a :class:`QueryError`; so does a wildcard or fuzzy term standing
for too many words. ``cancelled`` is asked between documents: a newer query in the
reader stops an older one's work, not only its result.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date

from whoosh import query as wq
from whoosh import sorting
from whoosh.collectors import Collector, WrappingCollector
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from reader.letters import WORD_CLASS
from reader.library.passages import Passage, Phrase, best_passages, snippet
from reader.library.query import (
    DEFAULT_FIELDS,
    PersonResolver,
    QueryError,
    date_query,
    expand_terms,
    parse_query,
    person_query,
    plain_words,
    source_query,
)
from reader.library.ranking import RankingCancelled, top_matches
from reader.library.records import StoredArticle
from reader.library.schema import (
    ENGLISH_FIELDS,
    OTHER_FIELD,
    OTHER_FIELDS,
    is_english,
    text_analyzer,
)
from reader.library.spelling import Vocabulary
from reader.library.store import Store

_analyzer = text_analyzer()
SORTS = ("relevance", "date")
_CANCEL_CHECK_EVERY = 256  # documents between two looks at ``cancelled``
# What Whoosh's matchers raise on query shapes they mishandle (said^0, a NOT after
# an ANDNOT): input problems for the user, not crashes.
_QUERY_FAILURES = (ArithmeticError, LookupError, ValueError, TypeError, RecursionError)

Cancelled = Callable[[], bool]


class SearchCancelled(Exception):
    """A newer search replaced this one; its work was stopped."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    path: str
    part: int
    title: str
    source: str | None
    date: str | None
    score: float
    people: tuple[str, ...]
    snippet: str
    passages: tuple[Passage, ...]
    read: bool = False  # the user has opened it

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "path": self.path,
            "part": self.part,
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "score": round(self.score, 4),
            "people": list(self.people),
            "snippet": self.snippet,
            "passages": [p.to_json() for p in self.passages],
            "read": self.read,
        }


@dataclass(frozen=True, slots=True)
class SearchResults:
    query: str
    hits: tuple[SearchHit, ...]
    total: int  # matching articles, all of them
    total_exact: bool = True  # False: ``total`` is a lower bound (search(count=False))
    suggestion: str | None = None
    # "blair: Tony Blair (157); also Blair Pickerell (1)": a person's name that fits
    # several people searches the most mentioned one and names the others here.
    person_notes: tuple[str, ...] = ()
    offset: int = 0  # of the first hit among all matches

    @property
    def more(self) -> bool:
        """More hits after these (the next page starts at ``offset + len(hits)``)."""
        return self.offset + len(self.hits) < self.total

    def to_json(self) -> dict:
        data: dict = {
            "query": self.query,
            "total": self.total,
            "total_exact": self.total_exact,
            "hits": [h.to_json() for h in self.hits],
        }
        if self.suggestion:
            data["suggestion"] = self.suggestion
        if self.person_notes:
            data["person_notes"] = list(self.person_notes)
        return data


def new_searcher(ix) -> Searcher:
    return ix.searcher(weighting=BM25F())


@dataclass(frozen=True, slots=True)
class SearchQuery:
    """What to search for, as the CLI and the reader ask for it."""

    text: str
    person: str | None = None
    source: str | None = None
    date: str | None = None


def build_query(
    request: SearchQuery,
    resolve_person: PersonResolver | None = None,
    other_languages: bool = False,
    today: date | None = None,
) -> wq.Query:
    """The Whoosh query for a request; ``Every`` when it asks for everything.
    With ``other_languages`` the words also search the other-language fields (each
    article's text is in one pair of fields only, so either reading may match)."""
    parts: list[wq.Query] = []
    text = request.text
    if text.strip() or not (request.person or request.source or request.date):
        parsed = parse_query(text, resolve_person, today=today)
        if other_languages and not isinstance(parsed, wq.Every) and _has_text_fields(parsed):
            parsed = wq.Or([parsed, _other_language_query(text, resolve_person, today)])
        parts.append(parsed)
    if request.person:
        parts.append(person_query(request.person, resolve_person))
    if request.source:
        parts.append(source_query(request.source))
    if request.date:
        parts.append(date_query(request.date, today))
    parts = [p for p in parts if not isinstance(p, wq.Every)] or parts[:1]
    return parts[0] if len(parts) == 1 else wq.And(parts)


def _has_text_fields(q: wq.Query) -> bool:
    return any(leaf.field() in ENGLISH_FIELDS for leaf in q.leaves())


def _other_language_query(text: str, resolve_person: PersonResolver | None, today: date | None) -> wq.Query:
    parsed = parse_query(text, resolve_person, today=today, english=False)

    def rename(q: wq.Query) -> wq.Query:
        field = q.field()
        if q.is_leaf() and field in OTHER_FIELD:
            q = copy.copy(q)
            q.fieldname = OTHER_FIELD[field]  # type: ignore[attr-defined]
        return q

    return parsed.accept(rename)


def run_search(
    searcher: Searcher,
    store: Store,
    request: SearchQuery,
    *,
    sort: str = "relevance",
    limit: int = 10,
    offset: int = 0,
    resolve_person: PersonResolver | None = None,
    vocabulary: Vocabulary | None = None,
    exclude: Collection[str] = (),
    cancelled: Cancelled | None = None,
    count: bool = True,
) -> SearchResults:
    """A page of hits and the number of all matches. ``count=False`` allows a
    lower bound instead (``total_exact`` False, :func:`count_matches` giving the
    rest), for engines where counting costs extra; here the count comes with the
    search, so it is always exact. Articles whose ids are in ``exclude`` (those
    read, for an unread-only search) are left out."""
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {SORTS}")
    if limit < 1 or offset < 0:
        raise ValueError("limit must be 1 or more, offset 0 or more")
    reader = searcher.reader()
    q = build_query(request, resolve_person, other_languages=_has_other_languages(reader))
    if isinstance(q, wq.Every):
        return _newest(store, request.text, limit, offset, exclude)
    mask = wq.Or([wq.Term("id", article_id) for article_id in exclude]) if exclude else None
    stop = cancelled or (lambda: False)
    try:
        q = expand_terms(q, reader)
        if sort == "date":
            collector = searcher.collector(
                limit=offset + limit, sortedby=_newest_first(searcher), reverse=True, mask=mask
            )
            searcher.search_with_collector(q, _CancellableCollector(collector, stop))
            results = collector.results()
            page = [(hit["id"], hit.score or 0.0) for hit in results[offset : offset + limit]]
            total = collector.count()  # every match went through the collector
        else:
            # Every match scored, in bulk (see ranking.py: Whoosh's own shortcuts for
            # the top N miss better hits), which counts them all as well.
            excluded = set(searcher.docs_for_query(mask)) if mask is not None else ()
            ranked, total = top_matches(searcher, q, offset + limit, excluded, stop)
            page = [(reader.stored_fields(docnum)["id"], score) for score, docnum in ranked[offset:]]
        terms = _highlight_terms(q, searcher)
    except RankingCancelled:
        raise SearchCancelled from None
    except (SearchCancelled, QueryError):
        raise
    except _QUERY_FAILURES as exc:
        raise QueryError(
            f"cannot run the query {request.text!r} ({type(exc).__name__} in the search engine): "
            "try fewer operators or parentheses"
        ) from exc
    stored = store.get_many([article_id for article_id, _ in page], people_only=True)
    hits = []
    for article_id, score in page:
        if stop():
            raise SearchCancelled
        found = stored.get(article_id)
        if found is None:  # index ahead of a store that lost the article: skip it
            continue
        language = found.article.language
        words, phrases = terms[is_english(language)]
        passages = tuple(best_passages(found.article.body, words, language, phrases=phrases))
        hits.append(_hit(found, float(score), passages))
    text = request.text
    suggestion = suggest(searcher, text, vocabulary) if text.strip() and vocabulary else None
    return SearchResults(query=text, hits=tuple(hits), total=total, suggestion=suggestion, offset=offset)


def count_matches(
    searcher: Searcher,
    store: Store,
    request: SearchQuery,
    resolve_person: PersonResolver | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """The number of articles matching ``request``, all of them."""
    reader = searcher.reader()
    q = build_query(request, resolve_person, other_languages=_has_other_languages(reader))
    if isinstance(q, wq.Every):
        return store.article_count()
    try:
        return _count(searcher, expand_terms(q, reader), cancelled or (lambda: False))
    except _QUERY_FAILURES as exc:
        raise QueryError(
            f"cannot run the query {request.text!r} ({type(exc).__name__} in the search engine)"
        ) from exc


def ids_matching(
    searcher: Searcher, text: str, candidates: list[str], resolve_person: PersonResolver | None
) -> set[str]:
    """Which of the ``candidates`` (article ids) a search for ``text`` finds. The
    search is restricted to the candidates inside the engine: ranking and building
    snippets for every article of a large library would answer a question about a
    few. Raises ``QueryError`` like :func:`run_search`."""
    if not candidates:
        return set()
    parsed = parse_query(text, resolve_person)
    only = wq.Or([wq.Term("id", article_id) for article_id in candidates])
    return {hit["id"] for hit in searcher.search(parsed, limit=None, filter=only)}


def _newest_first(searcher: Searcher) -> sorting.FacetType:
    """Sort by date (with ``reverse``), undated articles last: the date column holds
    its largest value for "no date", which newest first would put on top."""
    undated = searcher.schema["date"].column_type.default_value()
    return sorting.TranslateFacet(lambda value: -1 if value == undated else value, sorting.FieldFacet("date"))


def _has_other_languages(reader) -> bool:
    return any(reader.field_length(name) for name in OTHER_FIELDS)


class _CancellableCollector(WrappingCollector):
    def __init__(self, child: Collector, cancelled: Cancelled) -> None:
        super().__init__(child)
        self.cancelled = cancelled

    def collect_matches(self) -> None:
        child = self.child
        for number, sub_docnum in enumerate(child.matches()):
            if number % _CANCEL_CHECK_EVERY == 0 and self.cancelled():
                raise SearchCancelled
            child.collect(sub_docnum)


def _count(searcher: Searcher, q: wq.Query, cancelled: Cancelled) -> int:
    """Every matching document, counted as a search counts them: in bulk (see
    ranking.py), faster than Whoosh's walk of the matches even unscored."""
    try:
        return top_matches(searcher, q, 1, cancelled=cancelled)[1]
    except RankingCancelled:
        raise SearchCancelled from None


def _newest(store: Store, text: str, limit: int, offset: int, exclude: Collection[str] = ()) -> SearchResults:
    """Every article, newest first: straight from the store's date index, since
    sorting the whole index by date takes Whoosh most of a second on a large library."""
    ids = store.newest_ids(limit, offset, exclude)
    found = store.get_many(ids, people_only=True)
    hits = [_hit(found[article_id], 0.0, ()) for article_id in ids if article_id in found]
    return SearchResults(query=text, hits=tuple(hits), total=store.article_count(exclude), offset=offset)


def _hit(stored: StoredArticle, score: float, passages: tuple[Passage, ...]) -> SearchHit:
    article = stored.article
    return SearchHit(
        id=stored.id,
        path=article.path,
        part=article.part,
        title=article.title,
        source=article.source,
        date=article.date,
        score=score,
        people=tuple(stored.names("PERSON")),
        snippet=snippet(article.body, passages[0] if passages else None),
        passages=passages,
    )


def _highlight_terms(q: wq.Query, searcher: Searcher) -> dict[bool, tuple[frozenset[str], frozenset[Phrase]]]:
    """The indexed terms the query matched in the text fields, wildcards and fuzzy
    terms expanded, and its phrases, as each analyzer spells them: English (stems)
    under True, other languages under False."""
    reader = searcher.reader()
    terms: set[tuple[str, str | bytes]] = set()
    # Leaf by leaf: whoosh3's Query.existing_terms reuses its ``fieldname`` argument as
    # a loop variable, so after the first title term it skips every body term.
    # The words of phrases are marked where they stand in a row, as phrases.
    for leaf in q.leaves():
        if leaf.field() in ENGLISH_FIELDS or leaf.field() in OTHER_FIELDS:
            terms.update(leaf.existing_terms(reader, phrases=False, expand=True))
    words = {(field, text.decode("utf-8") if isinstance(text, bytes) else text) for field, text in terms}
    phrases = set(_phrases(q))
    return {
        english: (
            frozenset(text for field, text in words if field in fields),
            frozenset(phrase for field, phrase in phrases if field in fields),
        )
        for english, fields in ((True, ENGLISH_FIELDS), (False, OTHER_FIELDS))
    }


def _phrases(q: wq.Query) -> Iterator[tuple[str, Phrase]]:
    if isinstance(q, wq.Phrase):
        yield q.fieldname, tuple(q.words)
    for child in q.children():
        yield from _phrases(child)


def suggest(searcher: Searcher, text: str, vocabulary: Vocabulary) -> str | None:
    """The query with each word that matches nothing replaced by the closest word of
    the library that does, or None when every word matches something. Operators,
    fields and marked terms are never touched."""
    reader = searcher.reader()

    def matches(word: str) -> bool:
        stems = [t.text for t in _analyzer(word)]
        return any(reader.doc_frequency(f, s) for f in DEFAULT_FIELDS for s in stems)

    changed = text
    any_change = False
    for word in plain_words(text):
        if not [t for t in _analyzer(word)] or matches(word):  # a stop word, or found
            continue
        replacement = vocabulary.suggest(word, usable=matches)
        if replacement is None:
            continue
        if word[:1].isupper():
            replacement = replacement[:1].upper() + replacement[1:]
        changed = _replace_word(changed, word, replacement)
        any_change = True
    return changed if any_change else None


def _replace_word(text: str, word: str, replacement: str) -> str:
    return re.sub(rf"(?<![{WORD_CLASS}:]){re.escape(word)}(?![{WORD_CLASS}])", replacement, text, count=1)
