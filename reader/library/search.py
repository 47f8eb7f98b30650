"""Run a query against the index and turn Whoosh hits into what the reader shows."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from whoosh import query as wq
from whoosh import sorting
from whoosh.scoring import BM25F
from whoosh.searching import Searcher

from reader.library.passages import Passage, best_passages, snippet
from reader.library.query import PersonResolver, parse_query, person_query, plain_words, source_query
from reader.library.records import StoredArticle
from reader.library.schema import text_analyzer
from reader.library.spelling import Vocabulary
from reader.library.store import Store

_analyzer = text_analyzer()
_TEXT_FIELDS = ("title", "body")
SORTS = ("relevance", "date")


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
    total: int
    total_exact: bool = True  # False: ``total`` is an upper bound
    suggestion: str | None = None
    # "blair: Tony Blair (157); also Blair Pickerell (1)": a person's name that fits
    # several people searches the most mentioned one and names the others here.
    person_notes: tuple[str, ...] = ()

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


def run_search(
    searcher: Searcher,
    store: Store,
    text: str,
    *,
    person: str | None = None,
    source: str | None = None,
    sort: str = "relevance",
    limit: int = 10,
    resolve_person: PersonResolver | None = None,
    vocabulary: Vocabulary | None = None,
    exclude: Collection[str] = (),
) -> SearchResults:
    """The hits for ``text`` and the filters; articles whose ids are in ``exclude``
    (those read, for an unread-only search) are left out."""
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {SORTS}")
    parts: list[wq.Query] = []
    if text.strip() or not (person or source):
        parts.append(parse_query(text, resolve_person))
    if person:
        parts.append(person_query(person, resolve_person))
    if source:
        parts.append(source_query(source))
    q = parts[0] if len(parts) == 1 else wq.And(parts)
    if isinstance(q, wq.Every):
        return _newest(store, text, limit, exclude)

    mask = wq.Or([wq.Term("id", article_id) for article_id in exclude]) if exclude else None
    if sort == "date":
        results = searcher.search(q, limit=limit, sortedby=_newest_first(searcher), reverse=True, mask=mask)
    else:
        results = searcher.search(q, limit=limit, mask=mask)
    terms = _highlight_terms(q, searcher)
    ids = [hit["id"] for hit in results]
    scores = [hit.score or 0.0 for hit in results]
    stored = store.get_many(ids)
    hits = []
    for article_id, score in zip(ids, scores):
        found = stored.get(article_id)
        if found is None:  # index ahead of a store that lost the article: skip it
            continue
        passages = tuple(best_passages(found.article.body, terms, _analyzer))
        hits.append(_hit(found, float(score), passages))
    suggestion = suggest(searcher, text, vocabulary) if text.strip() and vocabulary else None
    total, exact = _total(results, limit)
    return SearchResults(query=text, hits=tuple(hits), total=total, total_exact=exact, suggestion=suggestion)


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


def _newest(store: Store, text: str, limit: int, exclude: Collection[str] = ()) -> SearchResults:
    """Every article, newest first: straight from the store's date index, since
    sorting the whole index by date takes Whoosh most of a second on a large library."""
    ids = store.newest_ids(limit, exclude)
    found = store.get_many(ids)
    hits = [_hit(found[article_id], 0.0, ()) for article_id in ids]
    return SearchResults(query=text, hits=tuple(hits), total=store.article_count(exclude))


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


def _total(results, limit: int) -> tuple[int, bool]:
    """How many articles match. Counting them all costs as much as the search itself
    on a large library, so when there are more than ``limit`` the query's own
    estimate (an upper bound) stands in."""
    if results.has_exact_length():
        return len(results), True
    scored = results.scored_length()
    if scored < limit:  # the collector never filled up, so it skipped nothing
        return scored, True
    return max(results.estimated_length(), scored), False


def _highlight_terms(q: wq.Query, searcher: Searcher) -> frozenset[str]:
    """The indexed terms the query matched in the text fields, wildcards and fuzzy
    terms expanded, as the analyzer spells them (stems)."""
    reader = searcher.reader()
    terms: set[tuple[str, str]] = set()
    # Leaf by leaf: whoosh3's Query.existing_terms reuses its ``fieldname`` argument as
    # a loop variable, so after the first title term it skips every body term.
    for leaf in q.leaves():
        if leaf.field() in _TEXT_FIELDS:
            terms.update(leaf.existing_terms(reader, expand=True))
    # expand=True drops the words of phrases; take them as the query spells them.
    terms.update(_phrase_words(q))
    return frozenset(
        text.decode("utf-8") if isinstance(text, bytes) else text
        for field, text in terms
        if field in _TEXT_FIELDS
    )


def _phrase_words(q: wq.Query):
    if isinstance(q, wq.Phrase):
        yield from ((q.fieldname, word) for word in q.words)
    for child in q.children():
        yield from _phrase_words(child)


def suggest(searcher: Searcher, text: str, vocabulary: Vocabulary) -> str | None:
    """The query with each word that matches nothing replaced by the closest word of
    the library that does, or None when every word matches something."""
    reader = searcher.reader()

    def matches(word: str) -> bool:
        stems = [t.text for t in _analyzer(word)]
        return any(reader.doc_frequency(f, s) for f in _TEXT_FIELDS for s in stems)

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
    return re.sub(rf"(?<![\w:]){re.escape(word)}(?!\w)", replacement, text, count=1)
