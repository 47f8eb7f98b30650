"""Related pieces for an article: similar text, shared people, close in time.

Text similarity is Whoosh's ``more_like`` over the article's 25 strongest terms
(the default 5 finds nothing in a small library); its scores are scaled to the best
candidate so they mix with the two other signals, each in [0, 1]. Scaled so, the
nearest of unrelated pieces looks as related as a second outlet's report of the same
meeting: whether a piece is related at all is judged against the score the article
itself gets for its key terms.
"""

from __future__ import annotations

import math
from collections.abc import Collection
from dataclasses import dataclass

from whoosh import query as wq
from whoosh.searching import Searcher

from reader.library.index import naive_datetime
from reader.library.records import StoredArticle
from reader.library.schema import name_words
from reader.library.store import Store

KEY_TERMS = 25
CANDIDATES = 50
# Below this share of the article's own score for its key terms, a piece that names
# none of its people is about something else: on real pages, unrelated pieces score
# 0.07-0.14 and pieces on one story from two outlets 0.2-0.7.
MIN_TEXT_SIMILARITY = 0.15
TEXT_WEIGHT = 0.6
PEOPLE_WEIGHT = 0.25
TIME_WEIGHT = 0.15
TIME_SCALE_DAYS = 14.0


@dataclass(frozen=True, slots=True)
class RelatedPiece:
    id: str
    score: float
    text_similarity: float
    shared_people: tuple[str, ...]
    days_apart: float | None


def find_related(
    searcher: Searcher,
    store: Store,
    stored: StoredArticle,
    limit: int = 10,
    exclude: Collection[str] = (),
) -> list[RelatedPiece]:
    """The pieces most related to ``stored``; never one of ``exclude`` (its copies)."""
    docnum = searcher.document_number(id=stored.id)
    if docnum is None:
        return []
    article = stored.article
    text = f"{article.title}\n\n{article.body}"
    key_terms = searcher.key_terms_from_text("body", text, numterms=KEY_TERMS)
    like = wq.Or([wq.Term("body", word, boost=weight) for word, weight in key_terms])
    similar = searcher.search(like, limit=CANDIDATES, mask={docnum})  # Whoosh's more_like
    own = searcher.search(like, limit=1, filter={docnum})
    own_score = (own[0].score if own.scored_length() else 0.0) or 1.0
    text_scores = {hit["id"]: hit.score or 0.0 for hit in similar}

    own_people = set(stored.names("PERSON"))
    if own_people:
        by_people = searcher.search(
            wq.Or([_name_query(name) for name in own_people]),
            limit=CANDIDATES,
            mask={docnum},
        )
        for hit in by_people:
            text_scores.setdefault(hit["id"], 0.0)
    text_scores.pop(stored.id, None)
    for copy in exclude:
        text_scores.pop(copy, None)
    if not text_scores:
        return []

    best_text = max(text_scores.values()) or 1.0
    candidate_ids = list(text_scores)
    people = store.names_of(candidate_ids, "PERSON")
    dates = store.dates_of(candidate_ids)
    own_date = naive_datetime(article.date)

    pieces = []
    for candidate_id, raw in text_scores.items():
        shared = own_people & people.get(candidate_id, set())
        if raw < MIN_TEXT_SIMILARITY * own_score and not shared:
            continue
        people_score = len(shared) / len(own_people) if own_people else 0.0
        other_date = naive_datetime(dates.get(candidate_id))
        days = abs((own_date - other_date).total_seconds()) / 86400 if own_date and other_date else None
        time_score = math.exp(-days / TIME_SCALE_DAYS) if days is not None else 0.0
        text_score = raw / best_text
        score = TEXT_WEIGHT * text_score + PEOPLE_WEIGHT * people_score + TIME_WEIGHT * time_score
        pieces.append(RelatedPiece(candidate_id, score, text_score, tuple(sorted(shared)), days))
    pieces.sort(key=lambda p: (-p.score, p.id))
    return pieces[:limit]


def _name_query(name: str) -> wq.Query:
    words = name_words(name)
    return wq.Term("person", words[0]) if len(words) == 1 else wq.Phrase("person", words)
