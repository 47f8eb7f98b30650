"""How each outlet told a story: what the outlets share, and what only one has.

Each outlet is represented by one of its articles (its longest; copies add nothing
new). Passages come from :func:`reader.compare.align`, the alignment side by side
uses:

- shared: the passages of the story's central article, with the outlets whose
  article carries them (a quote word for word, or a sentence saying the same);
  those every outlet carries come first;
- only one outlet: the sentences of an outlet's article that the central article
  does not carry (by the same alignment) and no other outlet's article says in
  nearly the same words, the quotations among them, and the people only it names.

Costs one alignment per outlet, whatever the number of articles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.compare import Alignment, align, content_words
from reader.sentences import sentence_spans

if TYPE_CHECKING:
    from reader.library.records import StoredArticle

# Sentences shorter than this say too little to list as an outlet's own.
MIN_OWN_WORDS = 8
MAX_OWN_PASSAGES = 6
MIN_OVERLAP = 0.6  # of the shorter sentence's content words: the same sentence reworded


@dataclass(frozen=True, slots=True)
class SharedPassage:
    article_id: str  # the central article
    start: int
    end: int
    text: str
    outlets: tuple[str, ...]  # the other outlets carrying it
    quote: bool  # a quotation repeated word for word


@dataclass(frozen=True, slots=True)
class OwnPassage:
    article_id: str
    start: int
    end: int
    text: str
    quote: bool  # it holds a quotation (one the quote finder found, not a fragment)


@dataclass(slots=True)
class OutletCoverage:
    outlet: str
    article_id: str  # the article standing for the outlet
    own: list[OwnPassage] = field(default_factory=list)
    own_people: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Coverage:
    outlets: int
    shared: list[SharedPassage]
    by_outlet: list[OutletCoverage]

    def shared_by_all(self) -> list[SharedPassage]:
        return [p for p in self.shared if len(p.outlets) == self.outlets - 1]


def coverage(
    articles: Sequence[StoredArticle], central_id: str, outlet_of: Callable[[StoredArticle], str]
) -> Coverage:
    representative: dict[str, StoredArticle] = {}
    for stored in articles:
        outlet = outlet_of(stored)
        current = representative.get(outlet)
        if current is None or (
            current.id != central_id and len(stored.article.body) > len(current.article.body)
        ):
            representative[outlet] = stored
    central = next(a for a in articles if a.id == central_id)
    central_outlet = outlet_of(central)
    representative[central_outlet] = central
    others = [(o, a) for o, a in representative.items() if o != central_outlet]
    # One alignment per other outlet, with the central article: the passages it
    # shares, and for each side what the other does not carry.
    alignments = {o: align(central.article.body, a.article.body) for o, a in others}
    shared = _shared(central, alignments)
    people = {o: set(a.names("PERSON")) for o, a in representative.items()}
    by_outlet = []
    for outlet, stored in representative.items():
        if len(representative) < 2:
            by_outlet.append(OutletCoverage(outlet, stored.id))
            continue
        if outlet == central_outlet:
            covered = [(p.left_start, p.left_end) for pairs in alignments.values() for p in pairs]
            rest = []
        else:
            covered = [(p.right_start, p.right_end) for p in alignments[outlet]]
            rest = [a for o, a in others if o != outlet]
        elsewhere = set().union(*(people[o] for o in representative if o != outlet))
        by_outlet.append(
            OutletCoverage(
                outlet,
                stored.id,
                _own_passages(stored, covered, rest),
                [p for p in stored.names("PERSON") if p not in elsewhere],
            )
        )
    return Coverage(len(representative), shared, by_outlet)


def _shared(central: StoredArticle, alignments: dict[str, list[Alignment]]) -> list[SharedPassage]:
    body = central.article.body
    carried: dict[tuple[int, int], list[str]] = {}
    quoted: set[tuple[int, int]] = set()
    for outlet, pairs in alignments.items():
        for pair in pairs:
            span = (pair.left_start, pair.left_end)
            if outlet not in carried.setdefault(span, []):
                carried[span].append(outlet)
            if pair.kind == "quote":
                quoted.add(span)
    passages = [
        SharedPassage(central.id, start, end, body[start:end], tuple(outlets), (start, end) in quoted)
        for (start, end), outlets in carried.items()
    ]
    passages.sort(key=lambda p: (-len(p.outlets), p.start))
    return passages


def _own_passages(
    stored: StoredArticle, covered: list[tuple[int, int]], rest: list[StoredArticle]
) -> list[OwnPassage]:
    """Sentences of ``stored`` that the central article does not carry (``covered``
    are the parts it does) and no other outlet's article says in nearly the same
    words (most of the sentence's content words in one of its sentences)."""
    body = stored.article.body
    elsewhere = [
        set(content_words(a.article.body[s:e])) for a in rest for s, e in sentence_spans(a.article.body)
    ]
    own = []
    for start, end in sentence_spans(body):
        if any(s < end and start < e for s, e in covered):
            continue
        text = body[start:end]
        if len(text.split()) < MIN_OWN_WORDS:
            continue
        words = set(content_words(text))
        if any(
            words and len(words & other) >= MIN_OVERLAP * min(len(words), len(other)) for other in elsewhere
        ):
            continue
        quoted = any(q.start < end and start < q.end and not q.partial for q in stored.quotes)
        own.append(OwnPassage(stored.id, start, end, text, quoted))
    # Quotations first: what an outlet alone reports someone said matters most.
    own.sort(key=lambda p: (not p.quote, p.start))
    return own[:MAX_OWN_PASSAGES]
